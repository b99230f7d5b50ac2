"""NGEC actor-resolution cases: phrase -> country and sector.

Reads ``../shared/gold/actors/ngec_actor_cases.tsv`` (the test cases of NGEC, the coder
behind POLECAT; see the gold README) and calls ``wirecoder.resolve_actor(input, date=...)``
on the rows of kind ``agent``, ``nat`` and ``short_text``. Rows of kind ``wiki`` and
``other`` test other NGEC functions and are left out; rows that NGEC's own test run never
checks (shadowed by a later test of the same name, not collected by pytest, marked skip or
xfail) are left out and counted.

- country accuracy over rows with an expected country (``-``: no country expected, so None
  or an empty country is right; ``A|B``: either is right);
- sector accuracy over rows with an expected sector (same conventions);
- "no actor" accuracy over rows whose whole result must be None (or falsy);
- negative checks (``country != 'GBR'``): the predicted country is not the named one.

This is a development and evaluation set: nobody may add registry entries, rules or
special cases for its specific rows (benchmarks/README.md).

    .venv/bin/python benchmarks/actors_ngec.py [--misses 30] [--json PATH]
    .venv/bin/python benchmarks/actors_ngec.py --self-check   # scorer sanity, no engine
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import fmt, gold_path, require_gold, run_info, write_json

KINDS = ("agent", "nat", "short_text")
TARGETS = {"country_accuracy": 0.90, "sector_accuracy": 0.80}
# The tests were written in 2022; "today" there means a day of that year.
TODAY = "2022-06-01"
# NGEC's own "country" codes for organisations, where CAMEO codes IGO plus a sector.
NGEC_ORG_COUNTRIES = frozenset({"EUR", "UNO"})
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_date(text: str) -> str | None:
    text = text.strip()
    # NGEC's agent_to_code defaults query_date to "today": a case with no date asks who
    # the person is on the day the tests ran, not the office they are best known for.
    if not text or text.lower() == "today":
        return TODAY
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable date in the gold file: {text!r}")


def skip_reason(note: str) -> str | None:
    """Why NGEC's own test run does not check this row, or None when it does."""
    for part in (p.strip() for p in note.split(";")):
        if part.startswith("shadowed by"):
            return "shadowed"
        if part.startswith("not collected by pytest"):
            return "not collected"
        if part.startswith("skip:") or part == "skip":
            return "skip"
        if part.startswith("xfail:") or part == "xfail":
            return "xfail"
    return None


@dataclass(frozen=True)
class Case:
    line: int
    kind: str
    input: str
    context: str
    date: str | None
    country: str  # "" no assertion, "-" must be empty, "A|B" any of them
    sector: str
    expect_none: bool
    not_country: str | None
    note: str

    @property
    def key(self) -> str:
        """A stable name for the row: the test's name plus its arguments (parametrised
        tests share a name), independent of the row's position in the file."""
        test = self.note.split(";")[0].strip()
        return "\t".join((test, self.kind, self.input, self.context, self.date or ""))

    @property
    def half(self) -> str:
        # Developers read the misses of the "dev" half only; "test" is held out.
        return "dev" if zlib.crc32(self.key.encode("utf-8")) % 2 == 0 else "test"


@dataclass(frozen=True)
class Resolved:
    """What the resolver returned, reduced to what is scored."""

    is_none: bool
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    error: str | None = None


def load_cases(path: Path) -> tuple[list[Case], Counter[str]]:
    cases: list[Case] = []
    left_out: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(reader, start=2):
            kind = row["kind"]
            if kind not in KINDS:
                left_out[f"kind {kind}"] += 1
                continue
            note = row["note"] or ""
            reason = skip_reason(note)
            if reason:
                left_out[reason] += 1
                continue
            negative = re.search(r"\bcountry != '([A-Z]{3})'", note)
            cases.append(Case(
                line=line, kind=kind, input=row["input"], context=row["context"] or "",
                date=parse_date(row["date"] or ""),
                country=(row["expected_country"] or "").strip(),
                sector=(row["expected_sector"] or "").strip(),
                expect_none="result is None" in note or "result is falsy" in note,
                not_country=negative.group(1) if negative else None, note=note,
            ))
    return cases, left_out


def field_ok(expected: str, got: str | None) -> bool:
    if expected == "-":
        return not got
    return (got or "").upper() in {e.strip().upper() for e in expected.split("|")}


def org_country(got: Resolved) -> str | None:
    """The country under NGEC's convention for organisations: CAMEO's IGO + EUR/UNO
    sector is NGEC's EUR/UNO country. Reported beside the strict figure, not in it."""
    if got.country == "IGO" and (got.sector or "") in NGEC_ORG_COUNTRIES:
        return got.sector
    return got.country


def resolve_all(cases: Sequence[Case]) -> tuple[list[Resolved], float]:
    import wirecoder

    out: list[Resolved] = []
    started = time.perf_counter()
    for case in cases:
        try:
            actor = wirecoder.resolve_actor(case.input, date=case.date)
        except Exception as exc:  # one crash is a miss; the rest still count
            out.append(Resolved(True, error=f"{type(exc).__name__}: {exc}"[:160]))
            continue
        if actor is None:
            out.append(Resolved(True))
        else:
            out.append(Resolved(False, actor.country or None, actor.sector or None,
                                actor.code or None))
    return out, time.perf_counter() - started


def oracle(case: Case) -> Resolved:
    """The answer the case expects (first alternative): scoring it must give 1.0."""
    if case.expect_none:
        return Resolved(True)

    def first(expected: str) -> str | None:
        return None if expected in {"", "-"} else expected.split("|")[0]

    return Resolved(False, first(case.country), first(case.sector))


def _acc(ok: int, n: int) -> float | None:
    return round(ok / n, 4) if n else None


def score(cases: Sequence[Case], got: Sequence[Resolved]) -> dict[str, Any]:
    def block(select: Callable[[Case], bool]) -> dict[str, Any]:
        pairs = [(c, g) for c, g in zip(cases, got, strict=True) if select(c)]
        country = [field_ok(c.country, g.country) for c, g in pairs if c.country]
        either = [field_ok(c.country, g.country) or field_ok(c.country, org_country(g))
                  for c, g in pairs if c.country]
        sector = [field_ok(c.sector, g.sector) for c, g in pairs if c.sector]
        none = [not g.error and (g.is_none or ("falsy" in c.note
                                               and not (g.country or g.sector or g.code)))
                for c, g in pairs if c.expect_none]
        negative = [(g.country or "") != c.not_country for c, g in pairs if c.not_country]
        return {
            "rows": len(pairs),
            "country_accuracy": _acc(sum(country), len(country)), "country_n": len(country),
            "country_correct": sum(country),
            "country_accuracy_org_convention": _acc(sum(either), len(either)),
            "sector_accuracy": _acc(sum(sector), len(sector)), "sector_n": len(sector),
            "sector_correct": sum(sector),
            "none_accuracy": _acc(sum(none), len(none)), "none_n": len(none),
            "none_correct": sum(none),
            "negative_accuracy": _acc(sum(negative), len(negative)),
            "negative_n": len(negative),
        }

    overall = block(lambda c: True)
    by_kind = {k: block(lambda c, k=k: c.kind == k) for k in KINDS}
    with_context = block(lambda c: bool(c.context))
    halves = {h: block(lambda c, h=h: c.half == h) for h in ("dev", "test")}
    dev = [(c, g) for c, g in zip(cases, got, strict=True) if c.half == "dev"]
    return {**overall, "by_kind": by_kind, "with_context": with_context, "halves": halves,
            "patterns": miss_patterns([c for c, _ in dev], [g for _, g in dev])}


def miss_patterns(cases: Sequence[Case], got: Sequence[Resolved]) -> dict[str, Any]:
    """Misses grouped by what went wrong, so developers see patterns, not rows."""
    country: Counter[str] = Counter()
    sector: Counter[str] = Counter()
    for c, g in zip(cases, got, strict=True):
        if c.country and not field_ok(c.country, g.country):
            if g.error:
                country["error"] += 1
            elif g.is_none:
                country["no actor returned"] += 1
            elif not g.country:
                country["actor without country"] += 1
            elif c.country == "-":
                country["country where none expected"] += 1
            elif g.country == "IGO" and c.country in NGEC_ORG_COUNTRIES:
                # NGEC writes the organisation (EUR, UNO) where CAMEO writes IGO + sector.
                country[f"IGO convention (expected {c.country}, got IGO)"] += 1
            else:
                country["wrong country"] += 1
        if c.sector and not field_ok(c.sector, g.sector):
            got_sector = "NONE" if g.is_none else (g.sector or "empty")
            sector[f"{c.sector} -> {got_sector}"] += 1
        if c.expect_none and not g.is_none and not g.error:
            country["actor returned for a non-actor"] += 1
    return {"country": dict(country.most_common()), "sector": dict(sector.most_common(15))}


def print_report(figures: dict[str, Any]) -> None:
    s = figures["scores"]
    print(f"NGEC actor cases: {s['rows']} rows scored, {figures['seconds']:.1f} s, "
          f"{figures['errors']} errors")
    print("left out: " + ", ".join(f"{k} {v}" for k, v in figures["left_out"].items()))
    print(f"country accuracy  {fmt(s['country_accuracy'])}  "
          f"({s['country_correct']}/{s['country_n']}; target >= {TARGETS['country_accuracy']})")
    print(f"sector accuracy   {fmt(s['sector_accuracy'])}  "
          f"({s['sector_correct']}/{s['sector_n']}; target >= {TARGETS['sector_accuracy']})")
    print(f"no-actor accuracy {fmt(s['none_accuracy'])}  ({s['none_correct']}/{s['none_n']})")
    print(f"negative checks   {fmt(s['negative_accuracy'])}  (n={s['negative_n']})")
    ctx = s["with_context"]
    print(f"rows with a context the API cannot take: {ctx['rows']} "
          f"(country {fmt(ctx['country_accuracy'])}, sector {fmt(ctx['sector_accuracy'])})")
    print("\nby kind        rows  country (n)      sector (n)       no-actor (n)")
    for kind, b in s["by_kind"].items():
        print(f"  {kind:<11} {b['rows']:5d}  {fmt(b['country_accuracy']):>6} ({b['country_n']:3d})"
              f"     {fmt(b['sector_accuracy']):>6} ({b['sector_n']:3d})"
              f"     {fmt(b['none_accuracy']):>6} ({b['none_n']:3d})")
    print(f"country accuracy with NGEC's organisation countries (IGO+EUR = EUR, IGO+UNO = "
          f"UNO) {fmt(s['country_accuracy_org_convention'])}")
    for half, b in s["halves"].items():
        print(f"{half} half ({b['rows']} rows): country {fmt(b['country_accuracy'])} "
              f"[org convention {fmt(b['country_accuracy_org_convention'])}] "
              f"({b['country_correct']}/{b['country_n']}), sector {fmt(b['sector_accuracy'])} "
              f"({b['sector_correct']}/{b['sector_n']}), no-actor {fmt(b['none_accuracy'])} "
              f"({b['none_correct']}/{b['none_n']})")
    print("\ncountry misses by pattern (dev half only)")
    for k, v in s["patterns"]["country"].items():
        print(f"  {v:3d}  {k}")
    print("sector misses, dev half only (expected -> got)")
    for k, v in s["patterns"]["sector"].items():
        print(f"  {v:3d}  {k}")


def print_misses(cases: Sequence[Case], got: Sequence[Resolved], limit: int) -> None:
    print(f"\nfirst {limit} misses of the dev half (line: input [date] expected -> got)")
    shown = 0
    for c, g in zip(cases, got, strict=True):
        if c.half != "dev":  # the test half's misses are never shown
            continue
        wrong = (bool(g.error) or (c.country and not field_ok(c.country, g.country))
                 or (c.sector and not field_ok(c.sector, g.sector))
                 or (c.expect_none and not g.is_none)
                 or (c.not_country and g.country == c.not_country))
        if not wrong:
            continue
        expected = "None" if c.expect_none else f"{c.country or '?'}/{c.sector or '?'}"
        result = g.error or ("None" if g.is_none else f"{g.country or '-'}/{g.sector or '-'}")
        extra = f" (context {c.context!r} not passed)" if c.context else ""
        print(f"  {c.line:4d} {c.kind:<10} {c.input!r} [{c.date or ''}] "
              f"{expected} -> {result}{extra}")
        shown += 1
        if shown >= limit:
            break


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path,
                        default=gold_path("actors", "ngec_actor_cases.tsv"))
    parser.add_argument("--misses", type=int, default=30, help="print the first N misses")
    parser.add_argument("--self-check", action="store_true",
                        help="score the expected answers against themselves (must give 1.0)")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)

    if not require_gold(args.gold, "actors_ngec"):
        return 0
    cases, left_out = load_cases(args.gold)
    if args.self_check:
        got, seconds = [oracle(c) for c in cases], 0.0
    else:
        got, seconds = resolve_all(cases)
    errors = Counter(g.error for g in got if g.error)
    figures: dict[str, Any] = {
        "benchmark": "actors_ngec", **run_info(), "self_check": args.self_check,
        "seconds": round(seconds, 2), "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(5)), "left_out": dict(left_out),
        "today": TODAY, "targets": TARGETS, "scores": score(cases, got),
    }
    print_report(figures)
    for kind, count in figures["error_kinds"].items():
        print(f"  error x{count}: {kind}")
    if args.misses:
        print_misses(cases, got, args.misses)
    print(f"\ncommand: {figures['command']}\ncommit: {figures['commit']}  date: {figures['date']}")
    write_json(args.json, figures)
    if cases and figures["errors"] == len(cases):
        print("every row raised an error: the engine does not run", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
