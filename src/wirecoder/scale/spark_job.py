"""``wirecoder spark``: the same coding as a PySpark job, written as Parquet.

Output: ``OUT/records/`` (one row per story: key, id, metadata, the record as JSON) and
``OUT/mentions/`` (one row per event mention, flattened as in the store). DuckDB reads
them directly (``read_parquet('OUT/mentions/*.parquet')``) and ``wirecoder ingest
OUT/records`` is not needed: ``load_spark_output`` stores them without coding again.

On a cluster: ``spark-submit --master yarn -m wirecoder.scale.spark_job INPUT OUT``
(see README); locally ``wirecoder spark INPUT --out OUT``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

_SCHEMA = ("story_key string, id string, published string, outlet string, "
           "n_events long, error string, record string")


class SparkUnavailable(RuntimeError):
    """Spark cannot run here (no pyspark, or no Java); the message says which."""


def check_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise SparkUnavailable("pyspark is not installed: pip install 'wirecoder[spark]'"
                               ) from exc
    java = shutil.which("java", path=os.path.join(os.environ["JAVA_HOME"], "bin")) \
        if os.environ.get("JAVA_HOME") else shutil.which("java")
    if java is None:
        raise SparkUnavailable("Spark needs Java 17 or later and no `java` was found "
                               "(install a JDK or set JAVA_HOME)")
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SparkUnavailable(f"`{java} -version` failed: {exc}") from exc


def read_story_rows(inputs: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Stories as plain rows (the driver reads them; executors only code)."""
    from wirecoder.ingest import InputError
    from wirecoder.store.inputs import read_corpus

    rows, errors = [], []
    for item in read_corpus(inputs):
        if isinstance(item, InputError):
            errors.append(f"skipped {item.origin}: {item.message}")
        else:
            rows.append({"id": item.id, "text": item.text, "title": item.title,
                         "published": item.published, "outlet": item.outlet,
                         "url": item.url})
    return rows, errors


def run_spark_job(inputs: list[str], out: Path, *, master: str | None = "local[*]",
                  partitions: int | None = None) -> dict[str, int]:
    check_spark()
    from pyspark.sql import SparkSession

    from wirecoder.scale.batch import code_frames

    if master and master.startswith("local"):
        # Local workers must run this interpreter (its venv has wirecoder and pyarrow),
        # not whatever `python3` is first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    rows, errors = read_story_rows(inputs)
    for message in errors:
        print(message, file=sys.stderr)
    builder = SparkSession.builder.appName("wirecoder")
    if master:  # None under spark-submit, whose --master must win
        builder = builder.master(master)
    spark = (builder.config("spark.ui.enabled", "false")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
             .getOrCreate())
    try:
        frame = spark.createDataFrame(rows, schema="id string, text string, title string, "
                                      "published string, outlet string, url string")
        if partitions:
            frame = frame.repartition(partitions)
        coded = frame.mapInPandas(code_frames, schema=_SCHEMA)
        coded = coded.cache()
        coded.write.mode("overwrite").parquet(str(out / "records"))
        stories = coded.count()
    finally:
        spark.stop()
    mentions = write_mentions(out)
    return {"stories": stories, "mentions": mentions}


def write_mentions(out: Path) -> int:
    """Flatten ``records/`` into ``mentions/`` with the store's own row builder, so the
    columns are exactly the store's (read locally: records are small next to coding)."""
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wirecoder.record import Document
    from wirecoder.store.rows import story_rows
    from wirecoder.store.schema import TABLES

    con = duckdb.connect()
    con.execute(TABLES["mentions"])
    schema = con.sql("SELECT * FROM mentions LIMIT 0").to_arrow_table().schema
    glob = str(out / "records" / "*.parquet").replace("'", "''")
    cursor = con.execute(f"SELECT story_key, record FROM read_parquet('{glob}') "
                         "WHERE record IS NOT NULL")
    target = out / "mentions"
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    with pq.ParquetWriter(target / "part-0.parquet", schema) as writer:
        while batch := cursor.fetchmany(500):
            items = []
            for key, record in batch:
                items.extend(story_rows(Document.model_validate_json(record), key)["mentions"])
            if items:
                writer.write_table(pa.Table.from_pylist(items, schema=schema))
                count += len(items)
    return count



if __name__ == "__main__":  # spark-submit entry point: INPUT... OUT
    result = run_spark_job(sys.argv[1:-1], Path(sys.argv[-1]), master=None)
    print(result)
