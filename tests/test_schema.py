"""The record contract: the JSON Schema, and the records checked against it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import NEWS_SENTENCES
from jsonschema import Draft202012Validator

import wirecoder
from wirecoder.cli import main


def assert_spans_match(record: dict[str, Any]) -> None:
    """Every span in the record points at its own text in ``record['text']``."""
    text = record["text"]

    def check(span: dict[str, Any] | None) -> None:
        if span is None:
            return
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span

    def check_actor(actor: dict[str, Any] | None) -> None:
        if actor is not None:
            check(actor["span"])

    for event in record["events"]:
        check(event["trigger"])
        check(event["evidence"])
        assert event["trigger"]["text"], event
        # The trigger lies within its evidence sentence.
        assert event["evidence"]["start"] <= event["trigger"]["start"]
        assert event["trigger"]["end"] <= event["evidence"]["end"]
        for actor in event["source"] + event["target"]:
            check_actor(actor)
        if event["attribution"]:
            check_actor(event["attribution"]["speaker"])
    for quote in record["quotes"]:
        check(quote["cue"])
        check_actor(quote["speaker"])
        for span in quote["content"]:
            check(span)
    for place in record["places"]:
        check(place["span"])
    for reason in record["reasons"]:
        check(reason["span"])


def assert_values_in_range(record: dict[str, Any]) -> None:
    ids = [event["id"] for event in record["events"]]
    assert len(ids) == len(set(ids)), "event ids must be unique"
    for event in record["events"]:
        assert event["quad_class"] in {1, 2, 3, 4}
        assert event["goldstein"] is None or -10.0 <= event["goldstein"] <= 10.0
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["cameo"].isdigit(), event["cameo"]
        assert event["cameo_name"]


@pytest.fixture(scope="module")
def cli_schema() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_schema_cli_prints_valid_json_schema(cli_schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(cli_schema)
    assert cli_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert cli_schema["type"] == "object"


@pytest.mark.parametrize(
    "field",
    ["id", "title", "published", "outlet", "url", "text", "events", "quotes", "sources",
     "places", "reasons", "warnings"],
)
def test_schema_has_document_field(cli_schema: dict[str, Any], field: str) -> None:
    assert field in cli_schema["properties"]


@pytest.mark.parametrize(
    "field",
    ["id", "cameo", "cameo_name", "goldstein", "quad_class", "plover", "source", "target",
     "trigger", "evidence", "modality", "attribution", "location", "date", "confidence"],
)
def test_schema_has_event_field(cli_schema: dict[str, Any], field: str) -> None:
    assert field in cli_schema["$defs"]["Event"]["properties"]


def test_schema_rejects_out_of_range_quad_class(cli_schema: dict[str, Any],
                                                example_record: Any) -> None:
    record = example_record.to_dict()
    assert record["events"]
    record["events"][0]["quad_class"] = 5
    assert not Draft202012Validator(cli_schema).is_valid(record)


def test_schema_example_record_validates(cli_schema: dict[str, Any],
                                         example_record: Any) -> None:
    record = example_record.to_dict()
    Draft202012Validator(cli_schema).validate(record)
    assert record["events"], "the example story has events"
    # The record survives a JSON round trip unchanged.
    assert json.loads(example_record.to_json()) == record


def test_schema_example_spans_match_text(example_record: Any) -> None:
    record = example_record.to_dict()
    assert_spans_match(record)
    assert any(a["span"] for e in record["events"] for a in e["source"] + e["target"])


def test_schema_example_values_in_range(example_record: Any) -> None:
    assert_values_in_range(example_record.to_dict())


@pytest.mark.parametrize("text", NEWS_SENTENCES)
def test_schema_news_sentence_record_validates(cli_schema: dict[str, Any], text: str) -> None:
    record = wirecoder.code(text, published="2024-03-05").to_dict()
    Draft202012Validator(cli_schema).validate(record)
    assert record["text"] == text
    assert_spans_match(record)
    assert_values_in_range(record)


@pytest.mark.parametrize("text", NEWS_SENTENCES)
def test_schema_news_sentence_with_title_spans_match(text: str) -> None:
    # With a headline prepended, offsets must still point into the record's own text.
    record = wirecoder.code(text, title="Regional roundup", published="2024-03-05").to_dict()
    assert record["text"].startswith("Regional roundup")
    assert_spans_match(record)
