"""The corpus store: ingest, merge of duplicate reports, queries, schema versions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from wirecoder.cli import main
from wirecoder.errors import WirecoderError
from wirecoder.store import SCHEMA_VERSION, connect, ingest
from wirecoder.store import queries as q
from wirecoder.store.keys import story_key
from wirecoder.store.merge_score import pairwise_scores, story_events

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "corpus" / "merge_gold.jsonl"


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    path = tmp_path_factory.mktemp("store") / "gold.duckdb"
    con = connect(str(path))
    report = ingest([str(GOLD)], con)
    con.close()
    assert report.stored == sum(1 for _ in GOLD.open())
    return path


def test_merge_matches_gold_clusters(gold_db: Path) -> None:
    gold = {r["id"]: r["cluster"] for r in map(json.loads, GOLD.open()) if r["cluster"]}
    con = connect(str(gold_db), read_only=True)
    scores = pairwise_scores(gold, story_events(con))
    assert scores["precision"] >= 0.9, scores
    assert scores["f1"] >= 0.7, scores


def test_hypothetical_and_negated_mentions_make_no_event(gold_db: Path) -> None:
    con = connect(str(gold_db), read_only=True)
    rows = con.execute("""SELECT m.modality, l.event_id FROM mentions m
                          LEFT JOIN event_mentions l USING (mention_id)
                          WHERE m.modality IN ('hypothetical', 'negated')""").fetchall()
    assert rows, "the gold corpus has hypothetical and negated mentions"
    assert all(event is None for _, event in rows)


def test_counts_follow_gdelt(gold_db: Path) -> None:
    con = connect(str(gold_db), read_only=True)
    top = q.top_events(con, limit=1).iloc[0]
    assert top.num_articles >= 3
    assert top.num_mentions >= top.num_articles >= 1
    assert top.num_sources <= top.num_articles
    provenance = q.provenance(con, top.event_id)
    assert len(provenance) == top.num_mentions
    assert provenance["story_id"].nunique() == top.num_articles
    assert {"sentence", "modality", "speaker", "outlet"} <= set(provenance.columns)


def test_queries_return_dataframes(gold_db: Path) -> None:
    con = connect(str(gold_db), read_only=True)
    frame = q.dyad(con, "IRN", "IRQ", by="month")
    assert list(frame.columns[:3]) == ["period", "events", "verbal_cooperation"]
    assert frame["events"].sum() >= 2  # two visits, months apart
    partners = q.partners(con, "USA")
    assert {"IRN", "RUS"} <= set(partners["partner"])
    assert (partners["conflict"] > 0).all()


def test_rerun_skips_stored_stories(gold_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(gold_db.read_bytes())
    con = connect(str(copy))
    report = ingest([str(GOLD)], con)
    assert report.stored == 0 and report.already_stored == sum(1 for _ in GOLD.open())


def test_bad_items_are_reported_and_duplicates_stored_once(tmp_path: Path, nlp: Any) -> None:
    text = "Israeli warplanes struck Hezbollah positions in southern Lebanon."
    lines = [json.dumps({"id": "a", "text": text}), "not json",
             json.dumps({"id": "b", "text": "  " + text.replace(" ", "\n ") + " "}),
             json.dumps({"id": "a", "text": "Turkey accused Kurdish militants of attacks."})]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    con = connect(str(tmp_path / "db.duckdb"))
    report = ingest([str(src)], con)
    assert (report.stored, report.duplicates, report.failed) == (2, 1, 1)
    assert any("[E006]" in m for m in report.messages)
    assert any("same text" in m for m in report.messages)
    assert any("different text" in m for m in report.messages)


def test_story_key_ignores_whitespace_only() -> None:
    assert story_key("A  met\nB.") == story_key(" A met B. ")
    assert story_key("A met B.") != story_key("A met C.")


def test_schema_versions(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE wirecoder_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO wirecoder_meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE mentions (mention_id VARCHAR PRIMARY KEY, modality VARCHAR)")
    con.execute("INSERT INTO mentions VALUES ('m1', 'negated'), ('m2', 'asserted')")
    con.close()
    migrated = connect(str(old))
    assert migrated.execute("SELECT mention_id, countable FROM mentions ORDER BY 1"
                            ).fetchall() == [("m1", False), ("m2", True)]
    assert migrated.execute("SELECT value FROM wirecoder_meta").fetchone() == (
        str(SCHEMA_VERSION),)
    migrated.close()

    newer = tmp_path / "newer.duckdb"
    con = duckdb.connect(str(newer))
    con.execute("CREATE TABLE wirecoder_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO wirecoder_meta VALUES ('schema_version', '99')")
    con.close()
    with pytest.raises(WirecoderError, match="S002.*newer"):
        connect(str(newer))

    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).execute("CREATE TABLE t (x INT)").close()
    result = CliRunner().invoke(main, ["query", "summary", "--db", str(foreign)])
    assert result.exit_code == 1 and "S001" in result.output


def test_cli_query_and_plot(gold_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["query", "dyad", "IRN", "IRQ", "--db", str(gold_db),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["events"] >= 1
    result = runner.invoke(main, ["query", "top", "--db", str(gold_db), "--limit", "3"])
    assert result.exit_code == 0 and "num_articles" in result.output
    chart = tmp_path / "chart.png"
    result = runner.invoke(main, ["plot", "dyad", "ISR", "LBN", "--by", "week", "-o",
                                  str(chart), "--db", str(gold_db)])
    assert result.exit_code == 0, result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(main, ["query", "summary", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "wirecoder ingest" in result.output


def test_sigkill_midway_then_rerun_stores_each_story_once(tmp_path: Path) -> None:
    sentences = [json.loads(line)["text"] for line in GOLD.open()]
    stories = tmp_path / "stories.jsonl"
    with stories.open("w", encoding="utf-8") as out:
        for i in range(96):
            text = f"{sentences[i % len(sentences)]} Report number {i}."
            out.write(json.dumps({"id": f"s{i}", "text": text,
                                  "published": "2024-05-01"}) + "\n")
    db = tmp_path / "kill.duckdb"
    cmd = [sys.executable, "-m", "wirecoder.cli", "ingest", str(stories), "--db", str(db),
           "--batch-size", "8"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    killed = False
    for line in proc.stderr:
        # Kill once some batches are committed and more are on their way.
        if "stored" in line and " 0 stored" not in line and "stories/s" in line:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
        assert time.monotonic() < deadline
    proc.wait()
    assert killed and proc.returncode == -signal.SIGKILL
    con = connect(str(db), read_only=True)
    partial = con.execute("SELECT count(*) FROM stories").fetchone()[0]
    con.close()
    assert 0 < partial < 96
    rerun = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    con = connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT story_key), count(DISTINCT id) "
                       "FROM stories").fetchone() == (96, 96, 96)
    assert con.execute("SELECT count(*) FROM mentions m ANTI JOIN stories s USING "
                       "(story_key)").fetchone() == (0,)
    assert "already stored" in rerun.stderr and f"skipped {partial} already" in rerun.stderr


def test_streamed_merge_equals_merge_of_the_whole_list(gold_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    from wirecoder.store import merge

    copy = tmp_path / "stream.duckdb"
    copy.write_bytes(gold_db.read_bytes())
    con = connect(str(copy))
    whole = {frozenset(m.mention_id for m in members)
             for members in merge.cluster_mentions(merge.load_mentions(con))}
    # Tiny chunks: many fetches and link inserts, clusters written out as they close.
    monkeypatch.setattr(merge, "FETCH_CHUNK", 3)
    monkeypatch.setattr(merge, "LINK_CHUNK", 5)
    events = merge.merge_events(con)
    streamed = {frozenset(ids) for (ids,) in con.execute(
        "SELECT list(mention_id) FROM event_mentions GROUP BY event_id").fetchall()}
    assert events == len(whole) and streamed == whole
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == events


def test_copies_across_committed_batches_are_duplicates(tmp_path: Path, nlp: Any,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    import importlib

    ingest_module = importlib.import_module("wirecoder.store.ingest")
    # Seen keys are looked up in the database, not held in memory: a copy read after its
    # first is committed is still a duplicate of this run, not "already stored".
    monkeypatch.setattr(ingest_module, "_LOOKUP_CHUNK", 2)
    texts = ["Israeli warplanes struck Hezbollah positions in southern Lebanon.",
             "Turkey accused Kurdish militants of attacks.",
             "Iran and Iraq signed a trade agreement in Baghdad."]
    lines = [{"id": f"s{i}", "text": texts[i % 3]} for i in range(9)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    con = connect(str(tmp_path / "db.duckdb"))
    report = ingest([str(src)], con, batch_size=1)
    assert (report.stored, report.duplicates, report.already_stored) == (3, 6, 0)
    assert sum("same text as story 's0'" in m for m in report.messages) == 2
    again = ingest([str(src)], con, batch_size=1)
    assert (again.stored, again.duplicates, again.already_stored) == (0, 0, 9)
