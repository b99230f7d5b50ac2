"""The questions users ask of a corpus, each answered as a pandas DataFrame.

An actor argument matches a country (``IRN``), a full code (``IRNGOV``) or a code prefix:
``IRN`` selects every Iranian actor, whatever its sector.
"""

from __future__ import annotations

import duckdb
import pandas as pd

PERIODS = ("day", "week", "month", "year")


def _actor_match(side: str, param: str) -> str:
    return (f"({side}_country = ${param} OR {side}_code = ${param} "
            f"OR starts_with({side}_code, ${param}))")


def dyad(con: duckdb.DuckDBPyConnection, actor_a: str, actor_b: str, *, by: str = "month",
         directed: bool = False) -> pd.DataFrame:
    """Events between two actors per period: counts per QuadClass, mean Goldstein, and
    the mentions behind them. Both directions unless ``directed``."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}; got {by!r}")
    forward = f"{_actor_match('source', 'a')} AND {_actor_match('target', 'b')}"
    backward = f"{_actor_match('source', 'b')} AND {_actor_match('target', 'a')}"
    where = forward if directed else f"(({forward}) OR ({backward}))"
    sql = f"""
        SELECT date_trunc('{by}', event_date)::DATE AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 3) AS mean_goldstein,
               sum(num_mentions) AS mentions
        FROM events WHERE event_date IS NOT NULL AND {where}
        GROUP BY period ORDER BY period"""
    return con.execute(sql, {"a": actor_a.upper(), "b": actor_b.upper()}).df()


def partners(con: duckdb.DuckDBPyConnection, actor: str, *, limit: int = 20) -> pd.DataFrame:
    """An actor's partners (by country, else code), ranked by how many events they share;
    cooperation is QuadClass 1-2, conflict 3-4."""
    sql = f"""
        WITH sides AS (
            SELECT coalesce(target_country, target_code) AS partner, quad_class, goldstein
            FROM events WHERE {_actor_match('source', 'a')}
            UNION ALL
            SELECT coalesce(source_country, source_code), quad_class, goldstein
            FROM events WHERE {_actor_match('target', 'a')}
        )
        SELECT partner, count(*) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               round(avg(goldstein), 3) AS mean_goldstein
        FROM sides WHERE partner IS NOT NULL AND partner <> $a
        GROUP BY partner ORDER BY events DESC, partner LIMIT {int(limit)}"""
    return con.execute(sql, {"a": actor.upper()}).df()


def top_events(con: duckdb.DuckDBPyConnection, *, limit: int = 20) -> pd.DataFrame:
    """The most reported events: by distinct articles, then mentions."""
    return con.execute(f"""
        SELECT event_id, event_date, source_code, cameo, cameo_name, target_code,
               place_name, goldstein, num_mentions, num_sources, num_articles
        FROM events ORDER BY num_articles DESC, num_mentions DESC, event_date, event_id
        LIMIT {int(limit)}""").df()


def provenance(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Every report of one event: story, outlet, sentence, attribution and modality."""
    return con.execute("""
        SELECT m.mention_id, s.id AS story_id, s.outlet, s.published, s.url, m.cameo,
               m.source_code, m.target_code, m.modality, m.speaker_text AS speaker,
               m.attribution_outlets AS via, m.evidence_text AS sentence
        FROM event_mentions l JOIN mentions m USING (mention_id)
        JOIN stories s ON s.story_key = m.story_key
        WHERE l.event_id = $e ORDER BY s.published, s.id, m.position""",
                       {"e": event_id}).df()


def summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """How much the store holds."""
    return con.execute("""
        SELECT (SELECT count(*) FROM stories) AS stories,
               (SELECT count(*) FROM mentions) AS mentions,
               (SELECT count(*) FROM mentions WHERE NOT countable) AS uncounted_mentions,
               (SELECT count(*) FROM events) AS events""").df()
