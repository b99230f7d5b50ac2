"""Exports: GDELT 2.0's 61 columns, PLOVER JSONL, Parquet of every table."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from wirecoder.cli import main
from wirecoder.export import GDELT_COLUMNS
from wirecoder.store import connect, ingest

STORIES = [
    {"id": "a", "published": "2024-09-23", "outlet": "AP", "url": "https://ap.example/a",
     "text": "Israeli warplanes struck Hezbollah positions in southern Lebanon on Monday."},
    {"id": "b", "published": "2024-09-23", "outlet": "BBC",
     "text": "Israel bombed Hezbollah targets across southern Lebanon on Monday."},
    {"id": "c", "published": "2024-09-11", "outlet": "Reuters",
     "text": "Iranian President Masoud Pezeshkian met Iraqi Prime Minister Mohammed Shia "
             "al-Sudani in Baghdad on Wednesday."},
]
# Columns wirecoder has nothing for: they must stay empty, never guessed.
NEVER_FILLED = ("AvgTone", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
                "Actor1Geo_Type", "Actor2Geo_Lat", "ActionGeo_CountryCode",
                "ActionGeo_FeatureID")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    folder = tmp_path_factory.mktemp("export")
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    path = folder / "c.duckdb"
    con = connect(str(path))
    ingest([str(src)], con)
    con.close()
    return path


def test_gdelt_has_61_columns_and_leaves_unknowns_empty(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(main, ["export", "--format", "gdelt", "-o", str(out),
                                       "--header", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and list(rows[0]) == list(GDELT_COLUMNS)
    strike = next(r for r in rows if r["EventRootCode"] == "19")
    assert strike["SQLDATE"] == "20240923" and strike["Actor1CountryCode"] == "ISR"
    assert strike["NumArticles"] == "2" and strike["NumSources"] == "2"
    assert strike["QuadClass"] == "4" and float(strike["GoldsteinScale"]) == -10.0
    assert all(r[c] == "" for r in rows for c in NEVER_FILLED)
    plain = tmp_path / "plain.tsv"
    CliRunner().invoke(main, ["export", "--format", "gdelt", "-o", str(plain), "--db",
                              str(db)])
    assert all(len(line.split("\t")) == 61 for line in plain.read_text().splitlines())


def test_plover_jsonl(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["export", "--format", "plover", "-o", str(out),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert items and all({"id", "date", "actor", "event"} <= set(i) for i in items)
    assert any(i["event"] == ["ASSAULT"] and i["num_articles"] == 2 for i in items)


def test_parquet_every_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "-o", str(out),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{out}/stories.parquet'").fetchone() == (3,)
    assert con.execute(f"SELECT count(*) FROM '{out}/events.parquet'").fetchone()[0] >= 2
