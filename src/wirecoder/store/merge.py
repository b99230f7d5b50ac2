"""Reports of one event -> one event row, with GDELT-style counts (mentions, sources,
articles). Every mention keeps its row; ``event_mentions`` says which event it reports.

The merge is recomputed from all countable mentions after each ingest, in one
transaction, so the events table is always consistent with the mentions it summarises
(and a run killed before the merge is repaired by the next one).

It streams, so its memory does not grow with the corpus: mentions are read in date order
in chunks of ``FETCH_CHUNK`` rows, a cluster is written out (as links) once its last
report is more than the date window behind the mention being placed, and links go to
the database in chunks of ``LINK_CHUNK``. Only the clusters still inside the date window
are held; the result is the same as clustering the whole list at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from wirecoder.store.similarity import DATE_WINDOW_DAYS, Mention, match_score

# Score needed to join a cluster: both sides of the dyad known and equal (2.0), one
# side's sector unknown on one report (1.8), or a weaker actor match made up by shared
# words in the sentence.
MERGE_THRESHOLD = 1.6
# Rows read per fetch, and links written per insert, while merging.
FETCH_CHUNK = 2048
LINK_CHUNK = 8192

_MENTION_COLUMNS = """
    SELECT m.mention_id, m.story_key, m.source_country, m.source_sector, m.target_country,
           m.target_sector, m.cameo, m.plover_event, m.quad_class, m.event_date,
           m.place_country, m.place_precision, m.place_lat, m.place_lon, m.evidence_text
    FROM mentions m WHERE m.countable"""
_ORDER = " ORDER BY m.event_date NULLS LAST, m.story_key, m.position"
_MENTIONS_SQL = _MENTION_COLUMNS + _ORDER
# Mentions per date, to cut the date-ordered stream into ranges of about FETCH_CHUNK rows.
_DATES_SQL = """
    SELECT event_date, count(*) FROM mentions WHERE countable
    GROUP BY event_date ORDER BY event_date NULLS LAST"""


@dataclass
class Cluster:
    members: list[Mention] = field(default_factory=list)
    last_date: dt.date | None = None


def cluster_mentions(mentions: Iterable[Mention], threshold: float = MERGE_THRESHOLD
                     ) -> list[list[Mention]]:
    """Greedy single-link clustering in date order: each mention joins the cluster with
    its best-matching member, if that match reaches ``threshold``, else starts one."""
    return list(iter_clusters(mentions, threshold))


def iter_clusters(mentions: Iterable[Mention], threshold: float = MERGE_THRESHOLD
                  ) -> Iterator[list[Mention]]:
    """``cluster_mentions`` as a stream: each cluster is yielded as soon as no later
    mention (in date order) can join it, so only the clusters in the window are held."""
    active: list[Cluster] = []
    for mention in mentions:
        if mention.event_date is not None:
            # Clusters whose last report is outside the window can gain nothing more.
            still: list[Cluster] = []
            for cluster in active:
                last = cluster.last_date
                if last is not None and (mention.event_date - last).days > DATE_WINDOW_DAYS:
                    yield cluster.members
                else:
                    still.append(cluster)
            active = still
        best: Cluster | None = None
        best_score = threshold
        for cluster in active:
            for member in cluster.members:
                score = match_score(mention, member)
                if score is not None and score >= best_score:
                    best, best_score = cluster, score
        if best is None:
            best = Cluster()
            active.append(best)
        best.members.append(mention)
        if mention.event_date is not None:
            best.last_date = max(filter(None, (best.last_date, mention.event_date)))
    for cluster in active:
        yield cluster.members


def event_id_for(members: list[Mention]) -> str:
    # The earliest-stored mention names the event, so ids survive a re-merge as long as
    # that mention stays in the event.
    first = min(m.mention_id for m in members)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def load_mentions(con: duckdb.DuckDBPyConnection) -> list[Mention]:
    return list(iter_mentions(con))


def iter_mentions(con: duckdb.DuckDBPyConnection, chunk: int = FETCH_CHUNK
                  ) -> Iterator[Mention]:
    """The countable mentions in merge order, read a range of dates (about ``chunk``
    rows) at a time, so neither the database's sort nor Python holds them all."""
    for where, params in _date_ranges(con, chunk):
        rows = con.execute(_MENTION_COLUMNS + where + _ORDER, params).fetchall()
        for row in rows:
            mention = Mention(*row)
            # Its words are all the merge compares; the text itself need not be held.
            mention.evidence_text = ""
            yield mention


def _date_ranges(con: duckdb.DuckDBPyConnection, chunk: int
                 ) -> Iterator[tuple[str, list[dt.date]]]:
    dates = con.execute(_DATES_SQL).fetchall()
    start: dt.date | None = None
    size = 0
    for day, count in dates:
        if day is None:
            break
        if start is None:
            start = day
        size += count
        if size >= chunk:
            yield " AND m.event_date BETWEEN ? AND ?", [start, day]
            start, size = None, 0
    if start is not None:
        yield " AND m.event_date >= ?", [start]
    if dates and dates[-1][0] is None:
        yield " AND m.event_date IS NULL", []


_LINK_SCHEMA = pa.schema([("event_id", pa.string()), ("mention_id", pa.string())])


def merge_events(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute ``events`` and ``event_mentions`` from the stored mentions; returns the
    number of events."""
    events = 0
    links: dict[str, list[str]] = {"event_id": [], "mention_id": []}

    def flush() -> None:
        if links["mention_id"]:
            con.register("_wc_links", pa.table(links, schema=_LINK_SCHEMA))
            try:
                con.execute("INSERT INTO event_mentions SELECT * FROM _wc_links")
            finally:
                con.unregister("_wc_links")
            links["event_id"].clear()
            links["mention_id"].clear()

    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_mentions")
        con.execute("DELETE FROM events")
        for members in iter_clusters(iter_mentions(con)):
            events += 1
            event_id = event_id_for(members)
            for mention in members:
                links["event_id"].append(event_id)
                links["mention_id"].append(mention.mention_id)
            if len(links["mention_id"]) >= LINK_CHUNK:
                flush()
        flush()
        con.execute(_EVENTS_SQL)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return events


# One row per cluster, summarised in SQL: the representative mention is the one that
# knows most about the actors (then the most confident, then the earliest), and the
# counts follow GDELT: mentions, distinct outlets, distinct stories. Only the few columns
# the ranking and counts need are carried through the aggregate (not every mention
# column), and the representative's columns are joined back, so the query's memory stays
# small as the corpus grows.
_EVENTS_SQL = """
INSERT INTO events
WITH m AS (
    SELECT l.event_id, m.mention_id, m.story_key, m.in_lead, m.confidence, m.event_date,
           s.ingested_at,
           coalesce(s.outlet, regexp_extract(s.url, '^[a-z]+://([^/]+)', 1),
                    m.story_key) AS source_name_key,
           (m.source_country IS NOT NULL)::INT + (m.source_sector IS NOT NULL)::INT
             + (m.target_country IS NOT NULL)::INT + (m.target_sector IS NOT NULL)::INT
             AS known
    FROM event_mentions l JOIN mentions m USING (mention_id)
    JOIN stories s ON s.story_key = m.story_key
),
counts AS (
    SELECT event_id,
           first(mention_id ORDER BY known DESC, in_lead DESC, confidence DESC,
                 event_date NULLS LAST, mention_id) AS rep,
           count(*) AS num_mentions,
           count(DISTINCT source_name_key) AS num_sources,
           count(DISTINCT story_key) AS num_articles, bool_or(in_lead) AS is_root,
           min(event_date) AS first_date, max(event_date) AS last_date,
           avg(confidence) AS confidence, min(ingested_at) AS date_added
    FROM m GROUP BY event_id
)
SELECT c.event_id, ('0x' || substr(sha256(c.event_id), 1, 15))::BIGINT AS global_id,
       r.cameo, r.cameo_root, r.cameo_name, r.goldstein, r.quad_class, r.plover_event,
       r.source_code, r.source_country, r.source_sector, r.source_name,
       r.target_code, r.target_country, r.target_sector, r.target_name,
       c.first_date AS event_date, c.first_date, c.last_date,
       r.place_name, r.place_country, r.place_admin1, r.place_lat, r.place_lon,
       r.place_precision,
       c.num_mentions, c.num_sources, c.num_articles, c.is_root, c.confidence,
       r.mention_id AS first_mention, s.url AS source_url, c.date_added
FROM counts c JOIN mentions r ON r.mention_id = c.rep
JOIN stories s ON s.story_key = r.story_key
"""
