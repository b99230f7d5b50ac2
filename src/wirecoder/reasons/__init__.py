"""Reasons: the motives, justifications, causes, consequences and expectations a story
gives, linked to the events they explain and to who gives them (docs/reasons.md)."""
