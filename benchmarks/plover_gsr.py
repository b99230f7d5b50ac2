"""PLOVER gold standard records: event type and actor countries/sectors.

Reads ``../shared/gold/plover-gsr/plover_gsr.jsonl`` (322 sentences from the CAMEO manual,
hand-coded in PLOVER; see the gold README), codes each sentence with ``wirecoder.code`` and
compares the document's predicted event with the gold one:

- event type: accuracy over all records (no prediction counts as wrong), per-type P/R/F1,
  macro-F1 over the 16 PLOVER types, and a confusion table (gold x predicted, incl. NONE);
- source / target country: does any predicted actor's country match any gold actor's
  country (over records with a gold country on that side);
- source / target country+sector: does any predicted (country, sector) pair match a gold
  pair (over records with a gold actor that has both);
- the same actor figures on the subset where the event type is right.

Gold normalisation: old codes JAP/ITL/VTN become JPN/ITA/VNM; sectors lose their ethnic
or religious suffix (``CVLalb`` and ``GOVMOS`` become ``CVL`` and ``GOV``).

    .venv/bin/python benchmarks/plover_gsr.py [--pick confidence|first] [--json PATH]
    .venv/bin/python benchmarks/plover_gsr.py --self-check   # scorer sanity: gold vs gold
    .venv/bin/python benchmarks/plover_gsr.py --actor-misses 40   # dev-half country misses
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import fmt, gold_path, require_gold, run_info, write_json

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NONE = "NONE"
TARGETS = {"event_accuracy": 0.75, "source_country_accuracy": 0.88,
           "target_country_accuracy": 0.80}

# Pre-ISO codes kept in the 2016 gold (gold README, "Actor codes").
OLD_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

Pair = tuple[str | None, str | None]


def norm_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return OLD_COUNTRY_CODES.get(code, code) or None


def norm_sector(code: str | None) -> str | None:
    """The primary three-letter sector: ``CVLalb`` -> ``CVL``, ``REFKUR`` -> ``REF``."""
    if not code or code.strip() in {"", "***"}:
        return None
    primary = re.sub(r"[a-z]+$", "", code.strip())
    return primary[:3].upper() or None


@dataclass(frozen=True)
class Coded:
    """One sentence's event: gold or predicted, already normalised."""

    event: str | None
    sources: tuple[Pair, ...] = ()
    targets: tuple[Pair, ...] = ()
    # For reading misses only; scoring never looks at these.
    source_texts: tuple[str, ...] = ()
    target_texts: tuple[str, ...] = ()
    trigger: str = ""


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    coded: Coded


def _pairs(actors: Iterable[Any]) -> tuple[Pair, ...]:
    pairs: list[Pair] = []
    for actor in actors:
        if isinstance(actor, dict):
            country, sector = actor.get("country"), actor.get("sector")
        else:
            country, sector = getattr(actor, "country", None), getattr(actor, "sector", None)
        pairs.append((norm_country(country), norm_sector(sector)))
    return tuple(pairs)


def _texts(actors: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(a.get("text") if isinstance(a, dict) else getattr(a, "text", ""))
                 for a in actors)


def load_gold(path: Path) -> list[GoldRecord]:
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            coded = Coded(row["event"].upper(), _pairs(row["source"]), _pairs(row["target"]),
                          _texts(row["source"]), _texts(row["target"]))
            records.append(GoldRecord(row["id"], row["text"], coded))
    return records


def pick_event(events: Sequence[Any], pick: str) -> Any | None:
    """The document's predicted event: the first, or the most confident (ties: first).

    Only events with a PLOVER type compete: a CAMEO code with no PLOVER mapping says
    nothing about the PLOVER type.
    """
    events = [e for e in events if e.plover is not None and e.plover.event]
    if not events:
        return None
    if pick == "first":
        return events[0]
    best = events[0]
    for event in events[1:]:
        if (event.confidence or 0.0) > (best.confidence or 0.0):
            best = event
    return best


def predict(records: Sequence[GoldRecord], pick: str) -> tuple[list[Coded], dict[str, Any]]:
    import wirecoder

    preds: list[Coded] = []
    errors: Counter[str] = Counter()
    started = time.perf_counter()
    for record in records:
        try:
            doc = wirecoder.code(record.text)
        except Exception as exc:  # a crash on one sentence is a miss, not the end of the run
            errors[f"{type(exc).__name__}: {exc}"[:160]] += 1
            preds.append(Coded(None))
            continue
        event = pick_event(doc.events, pick)
        if event is None:
            preds.append(Coded(None))
            continue
        label = event.plover.event.upper() if event.plover and event.plover.event else None
        preds.append(Coded(label, _pairs(event.source), _pairs(event.target),
                           _texts(event.source), _texts(event.target), event.trigger.text))
    info = {"seconds": round(time.perf_counter() - started, 2),
            "errors": sum(errors.values()), "error_kinds": dict(errors.most_common(5))}
    return preds, info


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": tp + fn}


def _side_scores(pairs_gold: list[tuple[Pair, ...]], pairs_pred: list[tuple[Pair, ...]],
                 ) -> dict[str, Any]:
    """Country and country+sector accuracy on one side (source or target)."""
    n_c = ok_c = n_cs = ok_cs = 0
    for gold, pred in zip(pairs_gold, pairs_pred, strict=True):
        gold_countries = {c for c, _ in gold if c}
        if gold_countries:
            n_c += 1
            ok_c += bool(gold_countries & {c for c, _ in pred if c})
        gold_full = {(c, s) for c, s in gold if c and s}
        if gold_full:
            n_cs += 1
            ok_cs += bool(gold_full & {(c, s) for c, s in pred if c and s})
    return {"country_accuracy": round(ok_c / n_c, 4) if n_c else None, "country_n": n_c,
            "country_correct": ok_c,
            "country_sector_accuracy": round(ok_cs / n_cs, 4) if n_cs else None,
            "country_sector_n": n_cs, "country_sector_correct": ok_cs}


def _actor_scores(gold: Sequence[Coded], pred: Sequence[Coded]) -> dict[str, Any]:
    return {"source": _side_scores([g.sources for g in gold], [p.sources for p in pred]),
            "target": _side_scores([g.targets for g in gold], [p.targets for p in pred])}


def score(gold: Sequence[Coded], pred: Sequence[Coded]) -> dict[str, Any]:
    assert len(gold) == len(pred)
    n = len(gold)
    gold_labels = [g.event or NONE for g in gold]
    pred_labels = [p.event or NONE for p in pred]
    correct = [g == p for g, p in zip(gold_labels, pred_labels, strict=True)]

    per_type: dict[str, dict[str, float]] = {}
    for t in PLOVER_TYPES:
        tp = sum(g == t and p == t for g, p in zip(gold_labels, pred_labels, strict=True))
        fp = sum(g != t and p == t for g, p in zip(gold_labels, pred_labels, strict=True))
        fn = sum(g == t and p != t for g, p in zip(gold_labels, pred_labels, strict=True))
        per_type[t] = _prf(tp, fp, fn)
    macro_f1 = sum(v["f1"] for v in per_type.values()) / len(PLOVER_TYPES)

    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold_labels, pred_labels, strict=True):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    pairs = Counter((g, p) for g, p in zip(gold_labels, pred_labels, strict=True) if g != p)
    unknown = sorted({p for p in pred_labels if p != NONE and p not in PLOVER_TYPES})

    right = [i for i in range(n) if correct[i]]
    actors = _actor_scores(gold, pred)
    return {
        "n": n,
        "event_accuracy": round(sum(correct) / n, 4) if n else None,
        "event_correct": sum(correct),
        "no_prediction": sum(p == NONE for p in pred_labels),
        "macro_f1": round(macro_f1, 4),
        "per_type": per_type,
        "confusion": confusion,
        "top_confusions": [{"gold": g, "pred": p, "count": c} for (g, p), c
                           in pairs.most_common(10)],
        "unknown_predicted_labels": unknown,
        "source_country_accuracy": actors["source"]["country_accuracy"],
        "target_country_accuracy": actors["target"]["country_accuracy"],
        "source_country_sector_accuracy": actors["source"]["country_sector_accuracy"],
        "target_country_sector_accuracy": actors["target"]["country_sector_accuracy"],
        "actors": actors,
        "actors_when_event_right": _actor_scores([gold[i] for i in right],
                                                 [pred[i] for i in right]),
    }


def print_report(figures: dict[str, Any]) -> None:
    s = figures["scores"]
    print(f"PLOVER GSR: {s['n']} sentences, pick={figures['pick']}, "
          f"{figures['run']['seconds']} s, {figures['run']['errors']} errors")
    for kind, count in figures["run"]["error_kinds"].items():
        print(f"  error x{count}: {kind}")
    print(f"event-type accuracy   {fmt(s['event_accuracy'])}  ({s['event_correct']}/{s['n']}; "
          f"target >= {TARGETS['event_accuracy']}; no prediction: {s['no_prediction']})")
    print(f"macro-F1 (16 types)   {fmt(s['macro_f1'])}")
    for side in ("source", "target"):
        a = s["actors"][side]
        r = s["actors_when_event_right"][side]
        target = TARGETS.get(f"{side}_country_accuracy")
        print(f"{side} country        {fmt(a['country_accuracy'])}  "
              f"({a['country_correct']}/{a['country_n']}; target >= {target}); "
              f"when event right {fmt(r['country_accuracy'])} "
              f"({r['country_correct']}/{r['country_n']})")
        print(f"{side} country+sector {fmt(a['country_sector_accuracy'])}  "
              f"({a['country_sector_correct']}/{a['country_sector_n']}); "
              f"when event right {fmt(r['country_sector_accuracy'])} "
              f"({r['country_sector_correct']}/{r['country_sector_n']})")
    if s["unknown_predicted_labels"]:
        print(f"labels outside the 16 PLOVER types: {', '.join(s['unknown_predicted_labels'])}")

    print("\nper type            P      R      F1   support")
    for t, v in s["per_type"].items():
        print(f"  {t:<12} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} "
              f"{v['support']:5d}")

    cols = [*PLOVER_TYPES, NONE]
    extra = [c for c in s["unknown_predicted_labels"] if c not in cols]
    cols += extra
    print("\nconfusion (rows gold, columns predicted; 4-letter heads)")
    print("  " + " " * 10 + " ".join(f"{c[:4]:>4}" for c in cols))
    for g in PLOVER_TYPES:
        row = s["confusion"].get(g, {})
        cells = " ".join(f"{row.get(c, 0) or '.':>4}" for c in cols)
        print(f"  {g:<10}{cells}")
    print("\nmost frequent confusions (gold -> predicted)")
    for c in s["top_confusions"]:
        print(f"  {c['count']:3d}  {c['gold']} -> {c['pred']}")


def print_misses(records: Sequence[GoldRecord], preds: Sequence[Coded], limit: int) -> None:
    """Misses of the dev half only: the test half's errors are not to be read."""
    print(f"\nfirst {limit} event-type misses (dev half)")
    shown = 0
    for record, pred in zip(records, preds, strict=True):
        if record.coded.event == pred.event or zlib.crc32(record.id.encode()) % 2 != 0:
            continue
        print(f"  {record.id}: gold {record.coded.event}, predicted {pred.event or NONE}\n"
              f"      {record.text[:150]}")
        shown += 1
        if shown >= limit:
            break


def print_actor_misses(records: Sequence[GoldRecord], preds: Sequence[Coded],
                       limit: int) -> None:
    """Country misses of the dev half only, with the phrases on each side, to tell a
    wrong phrase (the events side) from a wrong country for the right phrase (the
    resolver). The test half's errors are not to be read."""
    print(f"\nfirst {limit} source/target country misses (dev half)")
    shown = 0
    for record, pred in zip(records, preds, strict=True):
        if zlib.crc32(record.id.encode()) % 2 != 0:
            continue
        gold = record.coded
        lines = []
        for side, g_pairs, p_pairs, g_texts, p_texts in (
                ("source", gold.sources, pred.sources, gold.source_texts, pred.source_texts),
                ("target", gold.targets, pred.targets, gold.target_texts, pred.target_texts)):
            wanted = {c for c, _ in g_pairs if c}
            if wanted and not wanted & {c for c, _ in p_pairs if c}:
                golds = ", ".join(f"{t} {c}" for t, (c, _) in zip(g_texts, g_pairs, strict=True))
                got = ", ".join(f"{t} {c}" for t, (c, _) in zip(p_texts, p_pairs, strict=True))
                lines.append(f"      {side}: gold [{golds}]  predicted [{got or '-'}]")
        if not lines:
            continue
        print(f"  {record.id}: gold {gold.event}, predicted {pred.event or NONE} "
              f"(trigger {pred.trigger or '-'})\n      {record.text[:150]}")
        print("\n".join(lines))
        shown += 1
        if shown >= limit:
            break


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=gold_path("plover-gsr", "plover_gsr.jsonl"))
    parser.add_argument("--pick", choices=("confidence", "first"), default="confidence",
                        help="which event of a document is its prediction (default: highest "
                             "confidence, ties to the first)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N records")
    parser.add_argument("--misses", type=int, default=0,
                        help="print the first N misses of the dev half")
    parser.add_argument("--actor-misses", type=int, default=0,
                        help="print the first N source/target country misses of the dev "
                             "half, with the phrases on each side")
    parser.add_argument("--self-check", action="store_true",
                        help="score the gold against itself (must give 1.0), no engine")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)

    if not require_gold(args.gold, "plover_gsr"):
        return 0
    records = load_gold(args.gold)
    if args.limit:
        records = records[: args.limit]
    gold = [r.coded for r in records]

    if args.self_check:
        preds, run = list(gold), {"seconds": 0.0, "errors": 0, "error_kinds": {}}
    else:
        preds, run = predict(records, args.pick)
    figures: dict[str, Any] = {
        "benchmark": "plover_gsr", **run_info(), "pick": args.pick,
        "self_check": args.self_check, "run": run, "targets": TARGETS,
        "scores": score(gold, preds),
    }
    print_report(figures)
    # The engine's developers read errors on the "dev" half only (crc32 of the record id
    # even); the "test" half is held out, so its figures are the ones that generalise.
    halves = {"dev": 0, "test": 1}
    figures["halves"] = {}
    for half, parity in halves.items():
        chosen = [i for i, r in enumerate(records) if zlib.crc32(r.id.encode()) % 2 == parity]
        part = score([gold[i] for i in chosen], [preds[i] for i in chosen])
        figures["halves"][half] = part
        print(f"{half} half ({len(chosen)}): event-type accuracy "
              f"{fmt(part['event_accuracy'])}, "
              f"source country {fmt(part['source_country_accuracy'])}, "
              f"target country {fmt(part['target_country_accuracy'])}")
    if args.misses:
        print_misses(records, preds, args.misses)
    if args.actor_misses:
        print_actor_misses(records, preds, args.actor_misses)
    print(f"\ncommand: {figures['command']}\ncommit: {figures['commit']}  date: {figures['date']}")
    write_json(args.json, figures)
    if run["errors"] == len(records) and records:
        print("every record raised an error: the engine does not run", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
