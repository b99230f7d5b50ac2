"""Pipeline behaviour the coder relies on: line-based sentences and joined spellings."""

from __future__ import annotations

from typing import Any

import pytest

import wirecoder
from wirecoder.api import make_doc
from wirecoder.ingest import story_from_text

HEADLINES = [
    "Iraq and Iran agree to boost security co-operation",
    "Israeli jets strike Hezbollah targets in southern Lebanon",
    "UN chief condemns deadly attack on Gaza school",
    "Turkey says it killed 12 Kurdish militants in northern Iraq",
]
BODY = (
    "BAGHDAD (Reuters) - Iraq's defence minister met the commander of Iran's Revolutionary "
    "Guards in Tehran on Tuesday, the ministry said. The two sides discussed training."
)


@pytest.mark.parametrize("headline", HEADLINES)
def test_pipeline_headline_is_own_sentence(nlp: Any, headline: str) -> None:
    doc = nlp(f"{headline}\n{BODY}")
    sents = list(doc.sents)
    assert sents[0].text.strip() == headline
    assert sents[1].text.startswith("BAGHDAD")


@pytest.mark.parametrize("headline", HEADLINES)
def test_pipeline_title_is_own_sentence(nlp: Any, headline: str) -> None:
    # wirecoder.code(text, title=...) puts the title before the body.
    doc = nlp(make_doc(story_from_text(BODY, title=headline)))
    first = next(iter(doc.sents))
    assert first.text.strip() == headline


@pytest.mark.parametrize("headline", HEADLINES)
def test_pipeline_headline_events_stay_in_headline(headline: str) -> None:
    record = wirecoder.code(f"{headline}\n{BODY}", published="2024-03-05")
    headline_events = [e for e in record.events if e.evidence.start < len(headline)]
    for event in headline_events:
        # The evidence sentence may keep the line break after it, never the body.
        assert event.evidence.text.strip() == headline, event.evidence
        assert event.trigger.end <= len(headline)


def test_pipeline_example_headline_is_own_sentence(nlp: Any, example_text: str) -> None:
    headline = example_text.split("\n")[0]
    doc = nlp(example_text)
    assert next(iter(doc.sents)).text.strip() == headline


@pytest.mark.parametrize(
    "text,word,norm",
    [
        ("They discussed security co-operation with Iraq.", "co-operation", "cooperation"),
        ("Co-operation between the two armies will grow.", "Co-operation", "cooperation"),
        ("Iran will co-operate with Iraq on defence.", "co-operate", "cooperate"),
        ("Both sides agreed to a cease-fire on Sunday.", "cease-fire", "ceasefire"),
        ("An air-strike hit the convoy near Mosul.", "air-strike", "airstrike"),
    ],
)
def test_pipeline_joined_spelling_is_one_token(nlp: Any, text: str, word: str,
                                               norm: str) -> None:
    doc = nlp(text)
    tokens = [t.text for t in doc]
    assert word in tokens
    assert "co" not in tokens and "-" not in tokens
    token = doc[tokens.index(word)]
    assert token.norm_ == norm


def test_pipeline_co_operation_is_coded_like_cooperation(nlp: Any) -> None:
    hyphen = nlp("Iran offered security co-operation to Iraq.")
    plain = nlp("Iran offered security cooperation to Iraq.")
    assert [e["cameo"] for e in hyphen._.wc_events] == [e["cameo"] for e in plain._.wc_events]
