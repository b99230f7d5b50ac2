"""``wirecoder spark`` in local mode: Parquet out, readable by DuckDB."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner


def _java_ok() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    return subprocess.run([java, "-version"], capture_output=True).returncode == 0


pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")


@pytest.mark.skipif(not _java_ok(), reason="Spark needs Java 17+; no working `java` here")
def test_spark_local_job_writes_parquet_duckdb_reads(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    monkeypatch.setenv("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON") or
                       sys.executable)
    src = tmp_path / "in.jsonl"
    texts = ["Israeli warplanes struck Hezbollah positions in southern Lebanon.",
             "Saudi Arabia and Iran agreed to restore diplomatic relations.",
             "Police arrested dozens of protesters in Tehran on Saturday.", "   "]
    src.write_text("".join(json.dumps({"id": f"s{i}", "text": t}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    from wirecoder.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["spark", str(src), "--out", str(out), "--master",
                                       "local[1]", "--partitions", "1"])
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    rows = con.execute(f"SELECT id, n_events FROM read_parquet('{out}/records/*.parquet') "
                       "ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["s0", "s1", "s2"]
    mentions = con.execute(f"SELECT count(*), count(DISTINCT story_key) FROM "
                           f"read_parquet('{out}/mentions/*.parquet')").fetchone()
    assert mentions[0] >= 3 and mentions[1] == 3


def test_spark_without_java_is_one_line_error(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    from wirecoder.cli import main

    result = CliRunner().invoke(main, ["spark", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Java" in result.output and len(result.output.strip().splitlines()) == 1
