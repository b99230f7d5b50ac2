"""Scaling out: an engine-agnostic batch function and the Spark job built on it."""
