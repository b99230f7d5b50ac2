"""Causal News Corpus V2 dev: subtask 1 (is the sentence causal) and subtask 2 (cause,
effect and signal tokens) with the models wirecoder ships.

    .venv/bin/python benchmarks/causal.py [--json PATH] [--self-check]

Subtask 1: the official metrics. Subtask 2: the project's token-level scorer
(``wirecoder.reasons.scoring``; docs/reasons.md), one predicted relation per sentence.
Both also report the speed of the reasons models alone (sentences per second).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    command_line,
    git_commit,
    gold_path,
    require_gold,
    run_info,
    write_json,
)

TARGETS = {"subtask1_f1": 0.80, "subtask2_f1": 0.50}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--self-check", action="store_true",
                        help="score the gold against itself (must print 1.000)")
    args = parser.parse_args()
    folder = gold_path("causal")
    if not require_gold(folder / "dev_subtask1.csv", "causal"):
        return 0

    from wirecoder.pipeline import load_model
    from wirecoder.reasons.cnc import parse, read_split
    from wirecoder.reasons.cues import find_cues
    from wirecoder.reasons.model import causal_probability, sentence_threshold, tag_relation
    from wirecoder.reasons.scoring import binary_scores, span_scores

    dev = read_split(folder, "dev")
    gold = [s.label for s in dev]
    pairs = []
    if args.self_check:
        pred = gold
        pairs = [([_as_sets(r) for r in s.relations], [_as_sets(r) for r in s.relations])
                 for s in dev if s.relations]
        seconds = 0.0
    else:
        spans = parse(load_model(), dev)
        started = time.perf_counter()
        threshold = sentence_threshold()
        pred = []
        predicted_relations = []
        for span in spans:
            hits = find_cues(span)
            pred.append(int(causal_probability(span, hits) >= threshold))
            tagged = tag_relation(span, hits)
            predicted_relations.append({"cause": set(tagged.cause), "effect": set(tagged.effect),
                                        "signal": set(tagged.signal)})
        seconds = time.perf_counter() - started
        pairs = [([_as_sets(r) for r in s.relations], [predicted])
                 for s, predicted in zip(dev, predicted_relations, strict=True) if s.relations]
    st1 = binary_scores(gold, pred)
    st2 = span_scores(pairs)
    print(f"Causal News Corpus V2 dev: {len(dev)} sentences, {len(pairs)} causal")
    print("subtask 1 (official metrics): " + "  ".join(f"{k} {v:.3f}" for k, v in st1.items()))
    print("subtask 2 (token-level, docs/reasons.md):")
    for label, s in st2.items():
        print(f"  {label:8s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if seconds:
        print(f"models alone: {len(dev) / seconds:.0f} sentences/s (parse excluded)")
    print(f"targets: subtask 1 F1 >= {TARGETS['subtask1_f1']}, subtask 2 F1 >= "
          f"{TARGETS['subtask2_f1']}")
    print(f"command: {command_line()}  commit: {git_commit()}")
    if args.json:
        write_json(str(args.json), {**run_info(), "subtask1": st1, "subtask2": st2,
                               "sentences_per_second": len(dev) / seconds if seconds else None,
                               "targets": TARGETS})
    return 0


def _as_sets(relation: object) -> dict[str, set[int]]:
    return {"cause": set(relation.cause), "effect": set(relation.effect),  # type: ignore[attr-defined]
            "signal": set(relation.signal)}  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
