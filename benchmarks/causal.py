"""Causal News Corpus V2 dev: subtask 1 (is the sentence causal) and subtask 2 (cause,
effect and signal tokens) with the models wirecoder ships.

    .venv/bin/python benchmarks/causal.py [--json PATH] [--self-check] [--speed]

Subtask 1: the official metrics. Subtask 2: the project's token-level scorer
(``wirecoder.reasons.scoring``; docs/reasons.md), one predicted relation per sentence.
Both also report the speed of the reasons models alone (sentences per second).
There is no test half: the corpus's test labels are not public (shared/gold/README.md).

``--speed``: the reasons component's share of the pipeline's time, in one run: the
pipeline without the component, with it but without the encoder, and with both, timed
alternately over the same texts (the example story three times and the first
SPEED_ARTICLES PolNeAR dev articles), best of three each.
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

TARGETS = {"subtask1_f1": 0.80, "subtask2_f1": 0.50, "reasons_time_share": 0.10}
SPEED_ARTICLES = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--self-check", action="store_true",
                        help="score the gold against itself (must print 1.000)")
    parser.add_argument("--speed", action="store_true",
                        help="also time the pipeline with and without the reasons component")
    args = parser.parse_args()
    speed = measure_speed() if args.speed else None
    folder = gold_path("causal")
    if not require_gold(folder / "dev_subtask1.csv", "causal"):
        return 0

    from wirecoder.pipeline import load_model
    from wirecoder.reasons.cnc import parse, read_split
    from wirecoder.reasons.cues import find_cues
    from wirecoder.reasons.model import judge_causal, tag_relation
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
        pred = []
        predicted_relations = []
        for span in spans:
            hits = find_cues(span)
            pred.append(int(judge_causal(span, hits)[1]))
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
    if speed:
        print(f"pipeline on {speed['texts']} texts ({speed['words']} words), best of 3: "
              f"without reasons {speed['core']:.2f} s, with reasons but no encoder "
              f"{speed['no_encoder']:.2f} s, with reasons {speed['reasons']:.2f} s: reasons "
              f"+{speed['share']:.1%} (encoder alone +{speed['encoder_share']:.1%})")
    print(f"targets: subtask 1 F1 >= {TARGETS['subtask1_f1']}, subtask 2 F1 >= "
          f"{TARGETS['subtask2_f1']}, reasons <= +{TARGETS['reasons_time_share']:.0%} time")
    print(f"command: {command_line()}  commit: {git_commit()}")
    if args.json:
        write_json(str(args.json), {**run_info(), "subtask1": st1, "subtask2": st2,
                               "sentences_per_second": len(dev) / seconds if seconds else None,
                               "speed": speed, "targets": TARGETS})
    return 0


def measure_speed() -> dict[str, float] | None:
    """Seconds for the same texts through the pipeline without the reasons component,
    with it but the encoder switched off, and with both (alternating, best of 3)."""
    import wirecoder
    from wirecoder.reasons import model

    polnear = gold_path("quotes", "polnear-dev", "text")
    if not require_gold(polnear, "causal --speed (PolNeAR dev)"):
        return None
    example = (Path(__file__).resolve().parent.parent / "examples" / "irgc-iraq.txt")
    texts = [example.read_text(encoding="utf-8")] * 3 + [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(polnear.glob("*.txt"))[:SPEED_ARTICLES]]
    nlp = wirecoder.load()
    gate = model.encoder_gate()
    if gate is not None:
        model.encoder()  # loaded before timing, as in any long-running process

    def run(kind: str) -> float:
        model.set_encoder(kind != "no_encoder")
        started = time.perf_counter()
        if kind == "core":
            with nlp.select_pipes(disable=["wirecoder_reasons"]):
                list(nlp.pipe(texts, batch_size=16))
        else:
            list(nlp.pipe(texts, batch_size=16))
        model.set_encoder(True)
        return time.perf_counter() - started

    run("reasons")  # warm up
    times: dict[str, list[float]] = {"core": [], "no_encoder": [], "reasons": []}
    for rep in range(3):
        order = list(times) if rep % 2 == 0 else list(reversed(times))
        for kind in order:
            times[kind].append(run(kind))
    best = {k: min(v) for k, v in times.items()}
    return {"texts": len(texts), "words": sum(len(t.split()) for t in texts), **best,
            "share": best["reasons"] / best["core"] - 1,
            "encoder_share": (best["reasons"] - best["no_encoder"]) / best["core"],
            "encoder_on": gate is not None}


def _as_sets(relation: object) -> dict[str, set[int]]:
    return {"cause": set(relation.cause), "effect": set(relation.effect),  # type: ignore[attr-defined]
            "signal": set(relation.signal)}  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
