"""The corpus database's tables (DuckDB) and its schema version.

``docs/store.md`` documents every column. The version lives in ``wirecoder_meta`` so a
database written by an older wirecoder is migrated or refused before anything is written.
"""

from __future__ import annotations

import duckdb

from wirecoder.errors import WirecoderError

SCHEMA_VERSION = 2

# One statement per table; the order is the order a story's rows are written.
TABLES: dict[str, str] = {
    "wirecoder_meta": """
        CREATE TABLE IF NOT EXISTS wirecoder_meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    "stories": """
        CREATE TABLE IF NOT EXISTS stories (
            story_key VARCHAR PRIMARY KEY, id VARCHAR, title VARCHAR, published DATE,
            outlet VARCHAR, url VARCHAR, text VARCHAR, origin VARCHAR, n_mentions INTEGER,
            warnings VARCHAR[], ingested_at TIMESTAMP)""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            mention_id VARCHAR PRIMARY KEY, story_key VARCHAR, event_local_id VARCHAR,
            position INTEGER, cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR,
            goldstein DOUBLE, quad_class TINYINT, plover_event VARCHAR, plover_mode VARCHAR,
            plover_context VARCHAR[],
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            source_name VARCHAR, source_text VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            target_name VARCHAR, target_text VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
            in_lead BOOLEAN, modality VARCHAR, speaker_code VARCHAR, speaker_text VARCHAR,
            attribution_outlets VARCHAR[], quote_id VARCHAR,
            place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
            place_lat DOUBLE, place_lon DOUBLE, place_geonameid BIGINT,
            place_precision VARCHAR,
            date_start DATE, date_end DATE, date_precision VARCHAR, event_date DATE,
            confidence DOUBLE, countable BOOLEAN)""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            mention_id VARCHAR, story_key VARCHAR, role VARCHAR, position INTEGER,
            text VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, entity VARCHAR,
            name VARCHAR, span_start INTEGER, span_end INTEGER)""",
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            story_key VARCHAR, quote_id VARCHAR, kind VARCHAR, cue_text VARCHAR,
            speaker_code VARCHAR, speaker_text VARCHAR, content VARCHAR[],
            unattributed BOOLEAN, via VARCHAR[])""",
    "sources": """
        CREATE TABLE IF NOT EXISTS sources (
            story_key VARCHAR, source_id VARCHAR, name VARCHAR, type VARCHAR,
            country VARCHAR, affiliation VARCHAR, n_mentions INTEGER)""",
    "places": """
        CREATE TABLE IF NOT EXISTS places (
            story_key VARCHAR, position INTEGER, text VARCHAR, name VARCHAR,
            geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR,
            precision VARCHAR, role VARCHAR)""",
    "reasons": """
        CREATE TABLE IF NOT EXISTS reasons (
            story_key VARCHAR, reason_id VARCHAR, kind VARCHAR, text VARCHAR,
            span_start INTEGER, span_end INTEGER, explains VARCHAR[],
            holder_code VARCHAR, holder_text VARCHAR)""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, global_id BIGINT, cameo VARCHAR,
            cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class TINYINT,
            plover_event VARCHAR,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            source_name VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            target_name VARCHAR,
            event_date DATE, first_date DATE, last_date DATE,
            place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
            place_lat DOUBLE, place_lon DOUBLE, place_precision VARCHAR,
            num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
            is_root BOOLEAN, confidence DOUBLE, first_mention VARCHAR,
            source_url VARCHAR, date_added TIMESTAMP)""",
    "event_mentions": """
        CREATE TABLE IF NOT EXISTS event_mentions (
            event_id VARCHAR, mention_id VARCHAR PRIMARY KEY)""",
}

# Tables that hold one story's rows (the rest are derived by the merge or are metadata).
STORY_TABLES = ("stories", "mentions", "actors", "quotes", "sources", "places", "reasons")
DERIVED_TABLES = ("events", "event_mentions")

# Version 1 (the first corpus-mode draft) had no `countable`/`in_lead` columns: they are
# added, and the events re-merged, so an old database keeps every story it holds.
_MIGRATIONS: dict[int, list[str]] = {
    1: ["ALTER TABLE mentions ADD COLUMN IF NOT EXISTS in_lead BOOLEAN",
        "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS countable BOOLEAN",
        "UPDATE mentions SET countable = modality NOT IN ('hypothetical', 'negated')",
        "DROP TABLE IF EXISTS events", "DROP TABLE IF EXISTS event_mentions"],
}


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The version stored in the database; None for a database wirecoder never wrote."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "wirecoder_meta" not in tables:
        if tables:
            raise WirecoderError("S001", "The database holds tables that wirecoder did not "
                                 "write (no wirecoder_meta table); use a new --db file.")
        return None
    row = con.execute(
        "SELECT value FROM wirecoder_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, or migrate an older database; refuse one from a newer wirecoder."""
    version = schema_version(con)
    if version is not None and version > SCHEMA_VERSION:
        raise WirecoderError(
            "S002", f"The database is schema version {version}, newer than this wirecoder "
            f"reads ({SCHEMA_VERSION}); upgrade wirecoder.")
    if version is not None and version < SCHEMA_VERSION and version not in _MIGRATIONS:
        raise WirecoderError(
            "S003", f"The database is schema version {version}, which this wirecoder cannot "
            f"migrate to {SCHEMA_VERSION}; re-ingest the stories into a new --db file.")
    con.execute("BEGIN TRANSACTION")
    try:
        current = version
        while current is not None and current < SCHEMA_VERSION:
            for statement in _MIGRATIONS[current]:
                con.execute(statement)
            current += 1
        for ddl in TABLES.values():
            con.execute(ddl)
        con.execute("INSERT OR REPLACE INTO wirecoder_meta VALUES ('schema_version', ?)",
                    [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and for writing, create or migrate) the corpus database at ``path``."""
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise WirecoderError("S004", f"Cannot open the database {path}: "
                             + " ".join(str(exc).split())) from exc
    if read_only:
        version = schema_version(con)
        if version is None:
            raise WirecoderError("S005", f"{path} holds no wirecoder corpus; "
                                 "run `wirecoder ingest ... --db` first.")
        if version != SCHEMA_VERSION:
            raise WirecoderError("S002", f"The database is schema version {version}; this "
                                 f"wirecoder reads {SCHEMA_VERSION}. Run `wirecoder ingest` "
                                 "on it to migrate (older) or upgrade wirecoder (newer).")
    else:
        ensure_schema(con)
    return con
