"""Reports of one event -> one event row, with GDELT-style counts (mentions, sources,
articles). Every mention keeps its row; ``event_mentions`` says which event it reports.

The merge is recomputed from all countable mentions after each ingest, in one
transaction, so the events table is always consistent with the mentions it summarises
(and a run killed before the merge is repaired by the next one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from wirecoder.store.similarity import DATE_WINDOW_DAYS, Mention, match_score

# Score needed to join a cluster: both sides of the dyad known and equal (2.0), one
# side's sector unknown on one report (1.8), or a weaker actor match made up by shared
# words in the sentence.
MERGE_THRESHOLD = 1.6

_MENTIONS_SQL = """
    SELECT m.mention_id, m.story_key, m.source_country, m.source_sector, m.target_country,
           m.target_sector, m.cameo, m.plover_event, m.quad_class, m.event_date,
           m.place_country, m.place_precision, m.place_lat, m.place_lon, m.evidence_text
    FROM mentions m WHERE m.countable
    ORDER BY m.event_date NULLS LAST, m.story_key, m.position"""


@dataclass
class Cluster:
    members: list[Mention] = field(default_factory=list)
    last_date: dt.date | None = None


def cluster_mentions(mentions: list[Mention], threshold: float = MERGE_THRESHOLD
                     ) -> list[list[Mention]]:
    """Greedy single-link clustering in date order: each mention joins the cluster with
    its best-matching member, if that match reaches ``threshold``, else starts one."""
    closed: list[Cluster] = []
    active: list[Cluster] = []
    for mention in mentions:
        if mention.event_date is not None:
            # Clusters whose last report is outside the window can gain nothing more.
            still: list[Cluster] = []
            for cluster in active:
                last = cluster.last_date
                if last is not None and (mention.event_date - last).days > DATE_WINDOW_DAYS:
                    closed.append(cluster)
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
    return [cluster.members for cluster in closed + active]


def event_id_for(members: list[Mention]) -> str:
    # The earliest-stored mention names the event, so ids survive a re-merge as long as
    # that mention stays in the event.
    first = min(m.mention_id for m in members)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def load_mentions(con: duckdb.DuckDBPyConnection) -> list[Mention]:
    rows = con.execute(_MENTIONS_SQL).fetchall()
    return [Mention(*row) for row in rows]


def merge_events(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute ``events`` and ``event_mentions`` from the stored mentions; returns the
    number of events."""
    clusters = cluster_mentions(load_mentions(con))
    links = {"event_id": [], "mention_id": []}
    for members in clusters:
        event_id = event_id_for(members)
        for mention in members:
            links["event_id"].append(event_id)
            links["mention_id"].append(mention.mention_id)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_mentions")
        con.execute("DELETE FROM events")
        con.register("_wc_links", pa.table(links, schema=pa.schema(
            [("event_id", pa.string()), ("mention_id", pa.string())])))
        con.execute("INSERT INTO event_mentions SELECT * FROM _wc_links")
        con.unregister("_wc_links")
        con.execute(_EVENTS_SQL)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(clusters)


# One row per cluster, summarised in SQL: the representative mention is the one that
# knows most about the actors (then the most confident, then the earliest), and the
# counts follow GDELT: mentions, distinct outlets, distinct stories.
_EVENTS_SQL = """
INSERT INTO events
WITH m AS (
    SELECT l.event_id, m.*, s.outlet, s.url, s.ingested_at,
           coalesce(s.outlet, regexp_extract(s.url, '^[a-z]+://([^/]+)', 1),
                    m.story_key) AS source_name_key,
           (m.source_country IS NOT NULL)::INT + (m.source_sector IS NOT NULL)::INT
             + (m.target_country IS NOT NULL)::INT + (m.target_sector IS NOT NULL)::INT
             AS known
    FROM event_mentions l JOIN mentions m USING (mention_id)
    JOIN stories s ON s.story_key = m.story_key
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY event_id
        ORDER BY known DESC, in_lead DESC, confidence DESC, event_date NULLS LAST,
                 mention_id) AS rank
    FROM m
),
counts AS (
    SELECT event_id, count(*) AS num_mentions,
           count(DISTINCT source_name_key) AS num_sources,
           count(DISTINCT story_key) AS num_articles, bool_or(in_lead) AS is_root,
           min(event_date) AS first_date, max(event_date) AS last_date,
           avg(confidence) AS confidence, min(ingested_at) AS date_added
    FROM m GROUP BY event_id
)
SELECT r.event_id, ('0x' || substr(sha256(r.event_id), 1, 15))::BIGINT AS global_id,
       r.cameo, r.cameo_root, r.cameo_name, r.goldstein, r.quad_class, r.plover_event,
       r.source_code, r.source_country, r.source_sector, r.source_name,
       r.target_code, r.target_country, r.target_sector, r.target_name,
       c.first_date AS event_date, c.first_date, c.last_date,
       r.place_name, r.place_country, r.place_admin1, r.place_lat, r.place_lon,
       r.place_precision,
       c.num_mentions, c.num_sources, c.num_articles, c.is_root, c.confidence,
       r.mention_id AS first_mention, r.url AS source_url, c.date_added
FROM ranked r JOIN counts c USING (event_id) WHERE r.rank = 1
"""

