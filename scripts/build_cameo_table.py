"""Build ``src/wirecoder/data/cameo_codes.tsv`` from the shared reference tables.

Run from the repository root: ``python scripts/build_cameo_table.py``. The output is the
project's own table: CAMEO names and Goldstein scores are facts, and the PLOVER columns
encode the facts of the CAMEO2PLOVER mapping, normalised as the header of the output says.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

REFERENCE = Path("../shared/reference")
OUTPUT = Path("src/wirecoder/data/cameo_codes.tsv")

# Modes of the PLOVER manual's score table (tab:ploverscores) plus the NGEC-2025
# structured codebook: a mode outside this set is a typo or a retired mode.
VALID_MODES: dict[str, frozenset[str]] = {
    "ACCUSE": frozenset({"allege", "disapprove", "investigate"}),
    "ASSAULT": frozenset({
        "abduct", "aerial", "assassinate", "beat", "cleansing", "crowd-control", "destroy",
        "drone", "execute", "explosives", "firearms", "heavy-weapons", "massacre",
        "primitive", "sexual", "suicide-attack", "targeted", "torture", "unconventional",
    }),
    "COERCE": frozenset({
        "arrest", "ban", "censor", "curfew", "cyber", "deport", "martial-law",
        "misinformation", "restrict", "seize", "withhold",
    }),
    "CONSULT": frozenset({"multilateral", "phone", "third-party", "visit"}),
    "MOBILIZE": frozenset({"militia", "police", "troops", "weapons"}),
    "PROTEST": frozenset({"boycott", "demo", "hunger", "obstruct", "riot", "strike"}),
    "REJECT": frozenset({"assist", "change", "meet", "yield"}),
    "REQUEST": frozenset({"assist", "change", "meet", "yield"}),
    "RETREAT": frozenset({
        "access", "ceasefire", "disarm", "release", "resign", "return", "withdraw",
    }),
    "SANCTION": frozenset({"convict", "discontinue", "expel", "withdraw"}),
    "THREATEN": frozenset({
        "arrest", "ban", "expel", "relations", "restrict", "rights", "territory", "violence",
    }),
}

# PLOVER's general contexts (PLOVER manual, tab:general-contexts and chapter "contexts").
VALID_CONTEXTS = frozenset({
    "asylum", "cbrn", "corruption", "crime", "cyber", "diplomatic", "disasters", "economic",
    "election", "environment", "executive", "health", "human_rights", "human_security",
    "illegal_drugs", "inequality", "intelligence", "legal", "legislative", "lgbt",
    "migration", "military", "misinformation", "natural_resource", "political_institutions",
    "pro_autocracy", "pro_democracy", "religion_ethnicity", "repression", "rights_freedoms",
    "technology", "territory", "terrorism", "trafficking",
    # Used by the 2021 table for aid and peacekeeping codes though absent from the
    # general list; kept because they are the mapping's own facts.
    "humanitarian", "peacekeeping", "democracy",
})

# Where the 2021 table's mode slot holds a value that is not a mode of its event, the
# project's reading of what was meant (None = leave the mode blank).
MODE_FIXES: dict[tuple[str, str], str | None] = {
    ("ASSAULT", "seize"): "destroy",  # 1712 "Destroy property"
    ("RETREAT", "ease"): None,  # the table itself marks "ease" as no longer a mode
    ("THREATEN", "political"): None,
}

HEADER = """\
# CAMEO event codes with Goldstein score, GDELT QuadClass and PLOVER mapping.
# Built by scripts/build_cameo_table.py; do not edit by hand.
#
# code, name: CAMEO 1.1b3, chapter "CAMEO EVENT CODES" of CAMEO.Manual.1.1b3.tex,
#   openeventdata/Dictionaries aa75b79b36f6ef5266e916cc8daaebf30d2e2113 (names are facts;
#   the manual is CC BY-NC-SA 3.0 and its text is not copied). Codes are strings: keep
#   leading zeros. For 101-108 this table means the CAMEO 1.1b3 labels (e.g. 106 = demand
#   meeting, negotiation), not GDELT's older CAMEO.eventcodes.txt numbering.
# goldstein: GDELT lookup CAMEO.goldsteinscale.txt (free reuse). The five OEDA additions
#   155, 176, 1834, 1951, 1952 have no score there: they take their parent code's score.
# quad_class: GDELT QuadClass from the root: 01-05 -> 1 verbal cooperation,
#   06-08 -> 2 material cooperation, 09-13 -> 3 verbal conflict, 14-20 -> 4 material conflict.
# plover_event, plover_mode, plover_context: CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,
#   17 September 2021), openeventdata/PLOVER 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f,
#   CC BY-SA 4.0; this table encodes the mapping's facts. Normalised by the project:
#   codes absent from the mapping inherit from their nearest mapped parent; 01x have no
#   PLOVER event; 02x (appeals, dropped by PLOVER) map to REQUEST (the project's decision);
#   root 08 maps to CONCEDE (080 "Yield"); 1213/1214 (not CAMEO codes) are ignored;
#   modes are kept only if they are modes of that event in the PLOVER manual's score
#   table or the NGEC-2025 structured codebook: "ease" and THREATEN "political" are
#   blanked, ASSAULT "seize" (1712) is read as "destroy", and "pro_autocracy" found in the
#   mode slot of 175 is moved to the contexts. Contexts are ";"-separated.
"""


def read_tsv(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {row[0].strip(): row[1].strip() for row in rows if row}


def read_plover(path: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    mapping: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d+):\s*(.*)$", body)
        if not match:
            continue
        code, rest = match.groups()
        fields = [field.strip() for field in rest.split(",")] + ["", ""]
        event, mode, context = fields[0], fields[1].lower(), fields[2]
        contexts = tuple(c.strip() for c in context.split(";") if c.strip())
        if code in mapping and len(code) == 2:
            continue  # root 08 is listed for CONCEDE and for RETREAT: keep the first
        mapping[code] = (event, mode, contexts)
    return mapping


def normalise(event: str, mode: str, contexts: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    if mode and mode in VALID_CONTEXTS and mode not in VALID_MODES.get(event, ()):
        return "", (mode, *contexts)
    if mode and mode not in VALID_MODES.get(event, frozenset()):
        fixed = MODE_FIXES.get((event, mode))
        assert (event, mode) in MODE_FIXES, f"unexpected PLOVER mode {event} {mode}"
        mode = fixed or ""
    for context in contexts:
        assert context in VALID_CONTEXTS, f"unexpected PLOVER context {context}"
    return mode, contexts


def quad_class(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def ancestors(code: str) -> list[str]:
    """The code itself, then its parents up to the root: 1834 -> 1834, 183, 18."""
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(code) >= 3:
        chain.append(code[:2])
    return chain


# Where the PLOVER manual itself overrides the 2021 table: "RETREAT also covers
# resignations of government officials" (chapter RETREAT, mode "resign"), which CAMEO
# files as acceding to demands for a change in leadership (0831, CONCEDE in the table);
# "international (political or economic) sanctions are coded as [SANCTION]
# 'discontinue'" (163, COERCE in the table); SANCTION 'convict': "find an entity or
# behavior guilty ... in a court of law" (116, ACCUSE in the table); CONCEDE covers
# "easing of administrative or legal restrictions ..., removing curfews" ("the lifting of
# a curfew is, effectively, a promise"; 0813 and 0814, RETREAT in the table).
EVENT_FIXES: dict[str, tuple[str, str]] = {
    "0831": ("RETREAT", "resign"),
    "163": ("SANCTION", "discontinue"),
    "116": ("SANCTION", "convict"),
    "0813": ("CONCEDE", ""),
    "0814": ("CONCEDE", ""),
}


def main() -> None:
    names = read_tsv(REFERENCE / "cameo_eventcodes.tsv")
    scores = read_tsv(REFERENCE / "cameo_goldstein.tsv")
    plover = read_plover(REFERENCE / "CAMEO2PLOVER-2021.txt")
    rows = []
    for code, name in names.items():
        score = next(scores[c] for c in ancestors(code) if c in scores)
        event, mode, contexts = "", "", ()
        if code.startswith("02"):
            event = "REQUEST"
        elif not code.startswith("01"):
            mapped = next(plover[c] for c in ancestors(code) if c in plover)
            event = mapped[0]
            mode, contexts = normalise(*mapped)
            event, mode = EVENT_FIXES.get(code, (event, mode))
        rows.append([code, name, score, str(quad_class(code)), event, mode, ";".join(contexts)])
    assert len(rows) == 316, len(rows)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        # Plain tab-joined lines, not csv quoting: names hold '"' (044) but never tabs.
        columns = ["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode",
                   "plover_context"]
        for row in [columns, *rows]:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} codes to {OUTPUT}")


if __name__ == "__main__":
    main()
