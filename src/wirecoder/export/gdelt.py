"""GDELT 2.0's 61-column event table, tab-separated as GDELT ships it.

Columns wirecoder knows are filled; the others are left empty, never guessed
(``docs/store.md`` lists each column and where its value comes from).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

_ACTOR_SUFFIXES = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                   "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_SUFFIXES = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                 "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{s}" for s in _ACTOR_SUFFIXES), *(f"Actor2{s}" for s in _ACTOR_SUFFIXES),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{s}" for s in _GEO_SUFFIXES), *(f"Actor2Geo_{s}" for s in _GEO_SUFFIXES),
    *(f"ActionGeo_{s}" for s in _GEO_SUFFIXES), "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

_EMPTY = "NULL::VARCHAR"


def _actor(side: str, n: int) -> dict[str, str]:
    return {
        f"Actor{n}Code": f"{side}_code",
        f"Actor{n}Name": f"upper({side}_name)",
        f"Actor{n}CountryCode": f"{side}_country",
        # GDELT's Type1Code is the actor's role, which the record calls its sector.
        f"Actor{n}Type1Code": f"{side}_sector",
    }


def _action_geo() -> dict[str, str]:
    # The record's precision may carry how the place was found ("sentence:city"); the
    # GDELT geo type needs only the kind after the colon. Continents and regions have no
    # GDELT type, so those rows keep no ActionGeo at all.
    kind = "regexp_extract(place_precision, '([a-z0-9]+)$', 1)"
    geo_type = (f"CASE {kind} WHEN 'country' THEN 1 "
                f"WHEN 'admin1' THEN CASE WHEN place_country IN ('US', 'USA') THEN 2 ELSE 5 END "
                f"WHEN 'city' THEN CASE WHEN place_country IN ('US', 'USA') THEN 3 ELSE 4 END "
                "END")
    typed = f"({geo_type}) IS NOT NULL"
    full_name = ("concat_ws(', ', place_name, "
                 "CASE WHEN place_admin1 <> place_name THEN place_admin1 END)")
    return {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": f"CASE WHEN {typed} THEN {full_name} END",
        "ActionGeo_Lat": f"CASE WHEN {typed} THEN round(place_lat, 4) END",
        "ActionGeo_Long": f"CASE WHEN {typed} THEN round(place_lon, 4) END",
    }


def gdelt_select() -> str:
    """The SELECT that turns the events table into GDELT's columns, in GDELT's order."""
    filled = {
        "GLOBALEVENTID": "global_id",
        "SQLDATE": "strftime(event_date, '%Y%m%d')",
        "MonthYear": "strftime(event_date, '%Y%m')",
        "Year": "strftime(event_date, '%Y')",
        # GDELT: year + day-of-year / 365, four decimals.
        "FractionDate": "round(year(event_date) + dayofyear(event_date) / 365, 4)",
        **_actor("source", 1), **_actor("target", 2),
        "IsRootEvent": "CASE WHEN is_root THEN 1 ELSE 0 END",
        "EventCode": "cameo",
        "EventBaseCode": "left(cameo, 3)",
        "EventRootCode": "cameo_root",
        "QuadClass": "quad_class",
        "GoldsteinScale": "goldstein",
        "NumMentions": "num_mentions",
        "NumSources": "num_sources",
        "NumArticles": "num_articles",
        **_action_geo(),
        "DATEADDED": "strftime(date_added, '%Y%m%d%H%M%S')",
        "SOURCEURL": "source_url",
    }
    columns = [f'{filled.get(name, _EMPTY)} AS "{name}"' for name in GDELT_COLUMNS]
    return "SELECT " + ",\n       ".join(columns) + \
        "\nFROM events ORDER BY event_date, global_id"


def export_gdelt(con: duckdb.DuckDBPyConnection, path: Path, *, header: bool = False) -> int:
    """Write the GDELT table to ``path`` (tab-separated; GDELT's own files have no
    header line); returns the number of rows."""
    quoted = str(path).replace("'", "''")
    con.execute(f"COPY ({gdelt_select()}) TO '{quoted}' "
                f"(FORMAT csv, DELIMITER '\t', HEADER {str(header).lower()}, QUOTE '')")
    return con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
