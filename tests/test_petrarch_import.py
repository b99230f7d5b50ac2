"""PETRARCH dictionary import, on the real Phoenix files where they are present."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wirecoder.actors.petrarch_import import (
    ImportReport,
    import_petrarch,
    parse_date,
    write_jsonl,
)
from wirecoder.actors.registry import entry_from_dict

PETRARCH = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch"


def load(name: str) -> tuple[list[dict], ImportReport]:
    path = PETRARCH / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    report = ImportReport(path)
    return list(import_petrarch(path, report)), report


def by_name(records: list[dict], name: str) -> dict:
    return next(r for r in records if r.get("name") == name)


def test_parse_date() -> None:
    assert parse_date("790205").isoformat() == "1979-02-05"
    assert parse_date("070101").isoformat() == "2007-01-01"
    assert parse_date("20070101").isoformat() == "2007-01-01"


def test_countries_file() -> None:
    records, report = load("Phoenix.Countries.actors.txt")
    assert report.entries == len(records) > 15000
    # Every record is valid registry input.
    for record in records:
        entry_from_dict(record)
    iran = by_name(records, "Iran")
    assert iran["country"] == "IRN" and iran["type"] == "country"
    guard = by_name(records, "Revolutionary Guard")
    assert (guard["country"], guard["sector"]) == ("IRN", "MIL")
    assert "Quds Force" in guard["aliases"]
    shah = by_name(records, "Mohammad Reza Pahlavi")
    assert shah["type"] == "person"
    assert {"country": "IRN", "sector": "GOV", "start": "1941-09-16", "end": "1979-02-05",
            "title": None} in shah["roles"]


def test_international_file() -> None:
    records, report = load("Phoenix.International.actors.txt")
    assert len(records) > 7000
    un = by_name(records, "The United Nations")
    assert "UN" in un["aliases"] and un["country"] == "IGO" and un["sector"] == "UNO"
    imf = by_name(records, "IMF")
    assert imf["code"] == "IGOBUSIMF" and "International Monetary Fund" in imf["aliases"]
    annan = by_name(records, "Kofi Annan")
    assert annan["roles"][0]["start"] == "1997-01-01"
    assert annan["roles"][0]["end"] == "2006-12-31"
    assert all(reason for _, reason in report.skipped)


def test_milnonstate_file() -> None:
    records, _ = load("Phoenix.MilNonState.actors.txt")
    assert len(records) > 900
    hamas = by_name(records, "Hamas")
    assert hamas["code"] == "PSEREBHMS" and hamas["type"] == "armed_group"
    hezbollah = by_name(records, "Hezbollah")
    assert (hezbollah["country"], hezbollah["sector"]) == ("LBN", "REB")


def test_agents_file() -> None:
    records, report = load("Phoenix.agents.txt")
    assert report.agents == len(records) > 1500
    soldier = next(r for r in records if r["phrase"] == "soldier")
    assert soldier["sector"] == "MIL"


def test_small_file_with_open_ended_restrictions(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text(
        "# comment\n"
        "<!-- a comment\nspanning lines -->\n"
        "JANE_MILLER_  ; note\n"
        "+J._MILLER_\n"
        "\t[XYZGOV >150101]\n"
        "\t[XYZELI <150101]\n"
        "ORPHAN_PHRASE_\n"
        "\n"
        "+\n",
        encoding="utf-8",
    )
    report = ImportReport(path)
    records = list(import_petrarch(path, report))
    assert len(records) == 1
    jane = records[0]
    assert jane["name"] == "Jane Miller" and jane["aliases"] == ["J. Miller"]
    assert jane["roles"][0]["start"] == "2015-01-01" and jane["roles"][0]["end"] is None
    assert jane["roles"][1]["end"] == "2015-01-01"
    assert len(report.skipped) == 2
    buffer = io.StringIO()
    assert write_jsonl(records, buffer) == 1


def test_person_country_tie_goes_to_the_first_role(tmp_path: Path) -> None:
    # A minister who later held one IGO post: as many roles abroad as at home, and the
    # home state, listed first, is the person's country on every run.
    path = tmp_path / "tie.actors.txt"
    path.write_text(
        "GREEK_MINISTER_\n"
        "\t[GRCGOV 930101-961231]\n"
        "\t[IGOEUREEC 940101-940630]\n",
        encoding="utf-8",
    )
    records = list(import_petrarch(path, ImportReport(path)))
    assert records[0]["country"] == "GRC"
