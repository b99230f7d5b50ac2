"""Convert the PETRARCH/Phoenix actor dictionaries into the registry's own JSONL.

Run from the repository root:  .venv/bin/python scripts/build_phoenix_actors.py

Source: openeventdata/Dictionaries, commit aa75b79b36f6ef5266e916cc8daaebf30d2e2113
(read from ../shared/reference/petrarch/), MIT licence, Open Event Data Alliance; the
notice is in src/wirecoder/data/NOTICE-petrarch.txt. These files give wirecoder the
tens of thousands of people and organisations, with dated roles, that PETRARCH users
code with; the project's hand-made tables in data/actors/*.jsonl load after them and
win any alias both claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirecoder.actors.petrarch_import import ImportReport, import_petrarch, write_jsonl

SOURCE = Path("../shared/reference/petrarch")
OUTPUT = Path("src/wirecoder/data/actors/phoenix")
FILES = {
    "Phoenix.Countries.actors.txt": "countries.jsonl",
    "Phoenix.International.actors.txt": "international.jsonl",
    "Phoenix.MilNonState.actors.txt": "nonstate.jsonl",
}


def main() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict[str, Any]]] = {}
    for source, target in FILES.items():
        report = ImportReport(SOURCE / source)
        # Countries come from the project's own table (names, demonyms, capitals).
        tables[target] = [
            r for r in import_petrarch(SOURCE / source, report) if r.get("type") != "country"
        ]
        print(f"{source}: {report.summary()}")
    unique_ids(tables.values())
    for target, records in tables.items():
        count = write_jsonl(records, OUTPUT / target)
        print(f"{count} entries -> {OUTPUT / target}")


def unique_ids(tables: Iterable[list[dict[str, Any]]]) -> None:
    """Make ids unique across the files, in place.

    The registry lets a later entry with the same id replace an earlier one, so a person
    both the country and the international dictionaries list (Lamberto Dini, Italy's
    prime minister, later EU Council president) would lose one career: the same person
    twice is merged into the first entry; two different things under one name keep both,
    the later renamed.
    """
    first: dict[str, dict[str, Any]] = {}
    for records in tables:
        kept = []
        for record in records:
            earlier = first.get(record["id"])
            if earlier is None:
                first[record["id"]] = record
            elif earlier["type"] == record["type"] == "person":
                _merge_person(earlier, record)
                continue
            else:
                record["id"] = _free_id(record["id"], first)
                first[record["id"]] = record
            kept.append(record)
        records[:] = kept


def _merge_person(into: dict[str, Any], other: dict[str, Any]) -> None:
    into["aliases"] = list(dict.fromkeys(into.get("aliases", []) + other.get("aliases", [])))
    roles = into.get("roles", [])
    into["roles"] = roles + [r for r in other.get("roles", []) if r not in roles]


def _free_id(ident: str, taken: dict[str, dict[str, Any]]) -> str:
    number = 2
    while f"{ident}-{number}" in taken:
        number += 1
    return f"{ident}-{number}"


if __name__ == "__main__":
    main()
