"""PLOVER JSONL: one merged event a line, with PLOVER's field names (PLOVER manual,
"PLOVER JSON" table): id, date, actor, recipient, event, mode, context, quad_code,
event_scale, event_text, event_loc, plus wirecoder's counts and CAMEO code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from wirecoder import __version__

_SQL = """
SELECT e.event_id, e.event_date, e.plover_event, m.plover_mode, m.plover_context,
       e.quad_class, e.goldstein, e.cameo, m.evidence_text,
       e.source_code, e.source_country, e.source_sector, e.source_name,
       e.target_code, e.target_country, e.target_sector, e.target_name,
       e.place_name, e.place_country, e.place_lat, e.place_lon,
       e.num_mentions, e.num_sources, e.num_articles, s.id AS story_id, s.url
FROM events e JOIN mentions m ON m.mention_id = e.first_mention
JOIN stories s ON s.story_key = m.story_key
WHERE e.plover_event IS NOT NULL
ORDER BY e.event_date, e.event_id
"""


def _entity(code: str | None, country: str | None, sector: str | None,
            name: str | None) -> list[dict[str, Any]]:
    if not (code or country or sector):
        return []
    return [{"code": code, "country_name": country, "sector_code": sector,
             "entity_name": name}]


def plover_events(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cursor = con.execute(_SQL)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            r = dict(zip(names, row, strict=True))
            item: dict[str, Any] = {
                "id": r["event_id"],
                "date": r["event_date"].isoformat() if r["event_date"] else None,
                "actor": _entity(r["source_code"], r["source_country"], r["source_sector"],
                                 r["source_name"]),
                "recipient": _entity(r["target_code"], r["target_country"],
                                     r["target_sector"], r["target_name"]),
                "event": [r["plover_event"]],
                "mode": [r["plover_mode"]] if r["plover_mode"] else [],
                "context": list(r["plover_context"] or []),
                "quad_code": r["quad_class"],
                "event_scale": r["goldstein"],
                "event_text": [r["evidence_text"]],
                "coder": f"wirecoder {__version__}",
                "cameo": r["cameo"],
                "num_mentions": r["num_mentions"], "num_sources": r["num_sources"],
                "num_articles": r["num_articles"],
                "cite_info": {"story_id": r["story_id"], "url": r["url"]},
            }
            if r["place_name"] is not None:
                item["event_loc"] = {"name": r["place_name"], "country": r["place_country"],
                                     "lat": r["place_lat"], "lon": r["place_lon"]}
            yield item


def export_plover(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for item in plover_events(con):
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count
