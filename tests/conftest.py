"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "irgc-iraq.txt"
PETRARCH = ROOT.parent / "shared" / "reference" / "petrarch"

# Short wire-style sentences, each with at least one codable event.
NEWS_SENTENCES = [
    "Iraqi Prime Minister Mohammed Shia al-Sudani met Iranian President Masoud Pezeshkian "
    "in Baghdad on Tuesday.",
    "Israeli warplanes struck Hezbollah positions in southern Lebanon overnight, the "
    "military said.",
    "The United Nations condemned the attack on a school in Gaza.",
    "Turkey accused Kurdish militants of planning attacks against its troops in northern Iraq.",
    "Saudi Arabia and Iran agreed to restore diplomatic relations after talks in Beijing.",
    "Police arrested dozens of protesters in Tehran on Saturday, state media reported.",
]


@pytest.fixture(scope="session")
def nlp() -> Any:
    import wirecoder

    return wirecoder.load()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_record(nlp: Any, example_text: str) -> Any:
    import wirecoder

    return wirecoder.code(example_text, published="2023-08-20")


@pytest.fixture(scope="session")
def record_schema() -> dict[str, Any]:
    from wirecoder.record import json_schema

    return json_schema()


@pytest.fixture(scope="session")
def validator(record_schema: dict[str, Any]) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema)


def warning_codes(record: Any) -> list[str]:
    """'[W003] ...' -> 'W003' for every warning on a record (object or dict)."""
    warnings = record["warnings"] if isinstance(record, dict) else record.warnings
    return [w[1:5] for w in warnings]
