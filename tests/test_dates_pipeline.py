"""Golden tests of event dates through the whole pipeline (``wirecoder.code``)."""

from __future__ import annotations

from typing import Any

import pytest

import wirecoder

PUBLISHED = "2023-08-16"  # a Wednesday


def _dates(text: str, published: str | None = PUBLISHED) -> dict[str, Any]:
    record = wirecoder.code(text, published=published)
    return {e.trigger.text: e.date and e.date.to_dict() for e in record.events}


def _when(start: str, end: str, precision: str, text: str) -> dict[str, str]:
    return {"start": start, "end": end, "precision": precision, "text": text}


def test_example_story_pmf_attacks(example_record: Any) -> None:
    attacks = [e for e in example_record.events if e.trigger.text == "attacks"]
    assert attacks, [e.trigger.text for e in example_record.events]
    assert attacks[0].date.to_dict() == _when(
        "2019-01-01", "2021-12-31", "range", "between 2019 and 2021"
    )


def test_example_story_undated_events_take_publication(example_record: Any) -> None:
    met = [e for e in example_record.events if e.trigger.text == "discussed"]
    assert met and met[0].date.to_dict() == _when("2023-08-20", "2023-08-20", "day", "")


@pytest.mark.parametrize(
    ("text", "trigger", "when"),
    [
        (
            "Police arrested dozens of protesters in Tehran on Saturday, state media reported.",
            "arrested", _when("2023-08-12", "2023-08-12", "day", "Saturday"),
        ),
        (
            "On Monday, Turkish warplanes struck Kurdish rebels, officials said.",
            "struck", _when("2023-08-14", "2023-08-14", "day", "Monday"),
        ),
        (
            "Turkey will meet Iraqi officials on Tuesday.",
            "meet", _when("2023-08-22", "2023-08-22", "day", "Tuesday"),
        ),
        (
            "Iran has armed the Houthis since 2014, the United States said on Tuesday.",
            "armed", _when("2014-01-01", "2023-08-16", "range", "since 2014"),
        ),
        (
            "Turkish warplanes struck Kurdish rebels in northern Iraq on 5 March 2021.",
            "struck", _when("2021-03-05", "2021-03-05", "day", "5 March 2021"),
        ),
        (
            "Israel and Hamas agreed to a ceasefire last week after Egypt mediated talks "
            "two days ago.",
            "mediated", _when("2023-08-14", "2023-08-14", "day", "two days ago"),
        ),
    ],
)
def test_event_takes_its_clause_date(text: str, trigger: str, when: dict[str, str]) -> None:
    assert _dates(text)[trigger] == when


def test_each_clause_keeps_its_own_date() -> None:
    dates = _dates("Iranian forces attacked Kurdish rebels in 2019, and Turkey condemned "
                   "Iran on Tuesday.")
    assert dates["attacked"] == _when("2019-01-01", "2019-12-31", "year", "2019")
    assert dates["condemned"] == _when("2023-08-15", "2023-08-15", "day", "Tuesday")


def test_no_publication_date() -> None:
    text = "Turkish warplanes struck Kurdish rebels in northern Iraq"
    # Relative: nothing to count back from; absent: nothing at all. The record warns.
    assert _dates(text + " yesterday.", None)["struck"] is None
    assert _dates(text + ".", None)["struck"] is None
    assert _dates(text + " in 2019.", None)["struck"] == _when(
        "2019-01-01", "2019-12-31", "year", "2019"
    )
    record = wirecoder.code(text + ".")
    assert any(w.startswith("[W004]") for w in record.warnings)


def test_bad_dates_never_crash() -> None:
    dates = _dates("Turkish warplanes struck Kurdish rebels on 32 March, in the year 20222.")
    assert dates["struck"] == _when(PUBLISHED, PUBLISHED, "day", "")


def test_times_extension_keeps_unresolved_with_reason(nlp: Any) -> None:
    from wirecoder.api import make_doc
    from wirecoder.ingest import story_from_text

    doc = nlp(make_doc(story_from_text(
        "Iran has fought for years and struck Iraq on 32 March and last week.",
        published=PUBLISHED,
    )))
    times = {t["text"]: t for t in doc._.wc_times}
    assert times["last week"]["when"]["precision"] == "week"
    unresolved = [t for t in doc._.wc_times if t["when"] is None]
    assert unresolved and all(t["reason"] for t in unresolved)


def test_component_runs_after_the_event_coder(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("wirecoder_dates") > names.index("wirecoder_events")
    assert type(nlp).has_factory("wirecoder_dates")
