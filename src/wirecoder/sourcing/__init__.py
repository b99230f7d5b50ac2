"""Sourcing: quotes, speakers, outlets, reporting chains and who asserts each event."""
