"""Causal News Corpus V2 dev: subtask 1 (is the sentence causal) and subtask 2 (cause,
effect and signal tokens) with the models wirecoder ships.

    .venv/bin/python benchmarks/causal.py [--json PATH] [--self-check] [--speed]

Subtask 1: the official metrics. Subtask 2: the project's token-level scorer
(``wirecoder.reasons.scoring``; docs/reasons.md), one predicted relation per sentence.
Both also report the speed of the reasons models alone (sentences per second).
There is no test half: the corpus's test labels are not public (shared/gold/README.md).

``--speed``: the reasons component's share of the pipeline's time, in one run: the
pipeline without the component, with it (the encoder off), and with it and the encoder
on, timed alternately over the same texts (the example story three times and
the first SPEED_ARTICLES PolNeAR dev articles), best of three each; and the component's
own CPU time inside those runs against the core run of the same round (the
target's measure: the difference of two whole runs is at the mercy of a shared machine).
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
    from wirecoder.reasons.model import judge_many, tag_relation
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
        hits = [find_cues(span) for span in spans]
        # As the pipeline decides (the encoder where the gate asks for it), in one batch.
        pred = [int(causal) for _, causal in judge_many(spans, hits, [True] * len(spans))]
        # What the pipeline decides with its default setting (the encoder off).
        linear_only = [int(causal) for _, causal in
                       judge_many(spans, hits, [False] * len(spans))]
        predicted_relations = []
        for span, span_hits in zip(spans, hits, strict=True):
            tagged = tag_relation(span, span_hits)
            predicted_relations.append({"cause": set(tagged.cause), "effect": set(tagged.effect),
                                        "signal": set(tagged.signal)})
        seconds = time.perf_counter() - started
        pairs = [([_as_sets(r) for r in s.relations], [predicted])
                 for s, predicted in zip(dev, predicted_relations, strict=True) if s.relations]
    st1 = binary_scores(gold, pred)
    st1_linear = binary_scores(gold, linear_only) if not args.self_check else st1
    st2 = span_scores(pairs)
    print(f"Causal News Corpus V2 dev: {len(dev)} sentences, {len(pairs)} causal")
    print("subtask 1 (official metrics): " + "  ".join(f"{k} {v:.3f}" for k, v in st1.items()))
    print("subtask 1, linear model alone (the pipeline's default, encoder off): "
          + "  ".join(f"{k} {v:.3f}" for k, v in st1_linear.items()))
    print("subtask 2 (token-level, docs/reasons.md):")
    for label, s in st2.items():
        print(f"  {label:8s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if seconds:
        print(f"models alone: {len(dev) / seconds:.0f} sentences/s (parse excluded)")
    if speed:
        default = "on" if speed["default_encoder_on"] else "off"
        print(f"pipeline on {speed['texts']} texts ({speed['words']} words), CPU s, best of 3: "
              f"without reasons {speed['core']:.2f} s, with reasons (encoder off) "
              f"{speed['encoder_off']:.2f} s ({speed['share_encoder_off']:+.1%}), with the "
              f"encoder on {speed['encoder_on']:.2f} s ({speed['share_encoder_on']:+.1%}); "
              f"the default: encoder {default}")
        for kind in ("encoder_off", "encoder_on"):
            print(f"reasons component's own CPU time, {kind.replace('_', ' ')}: "
                  f"{speed['component_seconds'][kind]:.2f} s, "
                  f"{speed['component_share'][kind]:.1%} of the core pipeline's (median of 3 "
                  "rounds: " + ", ".join(f"{x:.1%}" for x in speed["component_shares"][kind])
                  + ")")
        print(f"encoder on: {speed['encoder_sentences_per_pass']} sentences in "
              f"{speed['encoder_batches_per_pass']} batches a pass")
    print(f"targets: subtask 1 F1 >= {TARGETS['subtask1_f1']}, subtask 2 F1 >= "
          f"{TARGETS['subtask2_f1']}, reasons <= +{TARGETS['reasons_time_share']:.0%} time")
    print(f"command: {command_line()}  commit: {git_commit()}")
    if args.json:
        write_json(str(args.json), {**run_info(), "subtask1": st1,
                               "subtask1_linear_only": st1_linear, "subtask2": st2,
                               "sentences_per_second": len(dev) / seconds if seconds else None,
                               "speed": speed, "targets": TARGETS})
    return 0


def measure_speed() -> dict[str, float | int | bool] | None:
    """CPU seconds for the same texts through the pipeline without the reasons component,
    with it and the encoder off, and with it and the encoder on (alternating, best of 3);
    the component's own CPU seconds inside those runs; how often the encoder ran and on
    how many sentences."""
    import wirecoder
    from wirecoder.reasons import component, model

    polnear = gold_path("quotes", "polnear-dev", "text")
    if not require_gold(polnear, "causal --speed (PolNeAR dev)"):
        return None
    example = (Path(__file__).resolve().parent.parent / "examples" / "irgc-iraq.txt")
    texts = [example.read_text(encoding="utf-8")] * 3 + [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(polnear.glob("*.txt"))[:SPEED_ARTICLES]]
    shipped = wirecoder.load()
    default_on = bool(shipped.get_pipe("wirecoder_reasons").encoder)
    other = wirecoder.load(wirecoder_reasons={"encoder": not default_on})
    on, off = (shipped, other) if default_on else (other, shipped)
    calls = [0, 0]  # batches, sentences
    original_encoder, original_call = model.encoder, component.ReasonFinder.__call__
    own = [0.0]
    if model.encoder_gate() is not None:
        real = model.encoder()  # loaded before timing, as in any long-running process

        class Counting:
            def probas(self, texts: list[str]) -> list[float]:
                calls[0] += 1
                calls[1] += len(texts)
                return real.probas(texts)

        model.encoder = lambda: Counting()  # type: ignore[assignment]

    def timed_call(self: component.ReasonFinder, doc: object) -> object:
        started = time.process_time()
        try:
            return original_call(self, doc)  # type: ignore[arg-type]
        finally:
            own[0] += time.process_time() - started

    component.ReasonFinder.__call__ = timed_call  # type: ignore[method-assign]

    # CPU seconds of this process, not wall time: the machine is shared, and what the
    # others run should not count against either pipeline.
    def run(kind: str) -> float:
        started = time.process_time()
        if kind == "core":
            with shipped.select_pipes(disable=["wirecoder_reasons"]):
                list(shipped.pipe(texts, batch_size=16))
        else:
            list((on if kind == "encoder_on" else off).pipe(texts, batch_size=16))
        return time.process_time() - started

    run("encoder_on")  # warm up
    times: dict[str, list[float]] = {"core": [], "encoder_off": [], "encoder_on": []}
    own_times: dict[str, list[float]] = {"encoder_off": [], "encoder_on": []}
    calls[:] = [0, 0]
    try:
        for rep in range(3):
            for kind in list(times) if rep % 2 == 0 else list(reversed(times)):
                own[0] = 0.0
                times[kind].append(run(kind))
                if kind in own_times:
                    own_times[kind].append(own[0])
    finally:
        model.encoder = original_encoder  # type: ignore[assignment]
        component.ReasonFinder.__call__ = original_call  # type: ignore[method-assign]
    best = {k: min(v) for k, v in times.items()}
    # The component's own time against the core run of the same round: far less noisy
    # than the difference of two whole-pipeline runs on a shared machine.
    own_shares = {k: [c / t for c, t in zip(v, times["core"], strict=True)]
                  for k, v in own_times.items()}
    return {"texts": len(texts), "words": sum(len(t.split()) for t in texts), **best,
            "default_encoder_on": default_on,
            "share_encoder_off": best["encoder_off"] / best["core"] - 1,
            "share_encoder_on": best["encoder_on"] / best["core"] - 1,
            "component_seconds": {k: min(v) for k, v in own_times.items()},
            "component_share": {k: sorted(v)[1] for k, v in own_shares.items()},
            "component_shares": {k: [round(x, 4) for x in v] for k, v in own_shares.items()},
            "encoder_batches_per_pass": calls[0] // 3,
            "encoder_sentences_per_pass": calls[1] // 3}


def _as_sets(relation: object) -> dict[str, set[int]]:
    return {"cause": set(relation.cause), "effect": set(relation.effect),  # type: ignore[attr-defined]
            "signal": set(relation.signal)}  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
