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

from pathlib import Path

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
    for source, target in FILES.items():
        report = ImportReport(SOURCE / source)
        # Countries come from the project's own table (names, demonyms, capitals).
        records = (
            r for r in import_petrarch(SOURCE / source, report) if r.get("type") != "country"
        )
        count = write_jsonl(records, OUTPUT / target)
        print(f"{source}: {count} entries -> {OUTPUT / target}; {report.summary()}")


if __name__ == "__main__":
    main()
