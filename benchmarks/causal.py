"""Causal News Corpus V2 dev: subtask 1 (is the sentence causal) and subtask 2 (cause,
effect and signal tokens) with the models wirecoder ships.

    .venv/bin/python benchmarks/causal.py [--json PATH] [--self-check] [--speed]

Subtask 1: the official metrics. Subtask 2: the project's token-level scorer
(``wirecoder.reasons.scoring``; docs/reasons.md), one predicted relation per sentence.
Both also report the speed of the reasons models alone (sentences per second).
There is no test half: the corpus's test labels are not public (shared/gold/README.md).

``--speed``: the reasons component's share of the pipeline's time, in one run: the
pipeline without the component, with it (the default: encoder off), and with it and the
encoder on, timed alternately over the same texts (the example story three times and
the first SPEED_ARTICLES PolNeAR dev articles), best of three each.
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
        print(f"pipeline on {speed['texts']} texts ({speed['words']} words), CPU s, best of 3: "
              f"without reasons {speed['core']:.2f} s, with reasons {speed['reasons']:.2f} s "
              f"(+{speed['share']:.1%}), with reasons and the encoder on "
              f"{speed['encoder']:.2f} s (+{speed['share_with_encoder']:.1%}, "
              f"{speed['encoder_calls_per_pass']} encoder calls a pass)")
    print(f"targets: subtask 1 F1 >= {TARGETS['subtask1_f1']}, subtask 2 F1 >= "
          f"{TARGETS['subtask2_f1']}, reasons <= +{TARGETS['reasons_time_share']:.0%} time")
    print(f"command: {command_line()}  commit: {git_commit()}")
    if args.json:
        write_json(str(args.json), {**run_info(), "subtask1": st1, "subtask2": st2,
                               "sentences_per_second": len(dev) / seconds if seconds else None,
                               "speed": speed, "targets": TARGETS})
    return 0


def measure_speed() -> dict[str, float | int | bool] | None:
    """Seconds for the same texts through the pipeline without the reasons component,
    with it (the encoder off, the default), and with it and the encoder on (alternating,
    best of 3); and how often the encoder ran."""
    import wirecoder
    from wirecoder.reasons import model

    polnear = gold_path("quotes", "polnear-dev", "text")
    if not require_gold(polnear, "causal --speed (PolNeAR dev)"):
        return None
    example = (Path(__file__).resolve().parent.parent / "examples" / "irgc-iraq.txt")
    texts = [example.read_text(encoding="utf-8")] * 3 + [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(polnear.glob("*.txt"))[:SPEED_ARTICLES]]
    plain = wirecoder.load()
    with_encoder = wirecoder.load(wirecoder_reasons={"encoder": True})
    encoder_on = model.encoder_gate() is not None
    calls = [0]
    original = model.encoder
    if encoder_on:
        real = model.encoder()  # loaded before timing, as in any long-running process

        class Counting:
            def proba(self, text: str) -> float:
                calls[0] += 1
                return real.proba(text)

        model.encoder = lambda: Counting()  # type: ignore[assignment]

    # CPU seconds of this process, not wall time: the machine is shared, and what the
    # others run should not count against either pipeline.
    def run(kind: str) -> float:
        started = time.process_time()
        if kind == "core":
            with plain.select_pipes(disable=["wirecoder_reasons"]):
                list(plain.pipe(texts, batch_size=16))
        else:
            list((plain if kind == "reasons" else with_encoder).pipe(texts, batch_size=16))
        return time.process_time() - started

    run("encoder")  # warm up
    times: dict[str, list[float]] = {"core": [], "reasons": [], "encoder": []}
    calls[0] = 0
    for rep in range(3):
        for kind in list(times) if rep % 2 == 0 else list(reversed(times)):
            times[kind].append(run(kind))
    model.encoder = original  # type: ignore[assignment]
    best = {k: min(v) for k, v in times.items()}
    return {"texts": len(texts), "words": sum(len(t.split()) for t in texts), **best,
            "share": best["reasons"] / best["core"] - 1,
            "share_with_encoder": best["encoder"] / best["core"] - 1,
            "encoder_calls_per_pass": calls[0] // 3, "encoder_on": encoder_on}


def _as_sets(relation: object) -> dict[str, set[int]]:
    return {"cause": set(relation.cause), "effect": set(relation.effect),  # type: ignore[attr-defined]
            "signal": set(relation.signal)}  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
