"""Train the reasons models on the Causal News Corpus V2 train split.

    .venv/bin/python scripts/train_causal.py [--gold ../shared/gold/causal]

Writes src/wirecoder/data/reasons/causal_{sentence,spans,signal}.npz and
training.json (data sha256, the choices cross-validation made, sizes, timings). Dev is
never read except to drop the train sentences that also occur in it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from wirecoder.pipeline import load_model  # noqa: E402
from wirecoder.reasons.cnc import Sentence, parse, read_split, without_overlap  # noqa: E402
from wirecoder.reasons.cues import find_cues  # noqa: E402
from wirecoder.reasons.features import sentence_features, token_features  # noqa: E402
from wirecoder.reasons.linear import HashedLinear  # noqa: E402
from wirecoder.reasons.model import (  # noqa: E402
    MODEL_DIR,
    SENTENCE_MODEL,
    SIGNAL_MODEL,
    SPAN_LABELS,
    SPAN_MODEL,
    peak_run,
)
from wirecoder.reasons.scoring import binary_scores, span_scores  # noqa: E402

FILES = ("train_subtask1.csv", "train_subtask2_grouped.csv", "dev_subtask1.csv")
L2_GRID = (1e-3, 3e-3, 1e-2)
THRESHOLDS = (0.3, 0.4, 0.5)
SIGNAL_CUTS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
FOLDS = 5
SEED = 13


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folds(n: int, k: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    return [order[i::k] for i in range(k)]


def fit_sentence(rows: list[list[str]], y: list[int], l2: float) -> HashedLinear:
    return HashedLinear(["no", "yes"], n_bits=18).fit(rows, y, l2=l2, epochs=80)


def cv_sentence(rows: list[list[str]], y: list[int]) -> dict[tuple[float, float], float]:
    """F1 of the causal class over FOLDS folds of train, per (L2 strength, threshold)."""
    result = {}
    for l2 in L2_GRID:
        probs = [0.0] * len(rows)
        for held in folds(len(rows), FOLDS):
            held_set = set(held)
            train = [i for i in range(len(rows)) if i not in held_set]
            model = fit_sentence([rows[i] for i in train], [y[i] for i in train], l2)
            for i in held:
                probs[i] = float(model.proba(rows[i])[1])
        for threshold in THRESHOLDS:
            f1 = binary_scores(y, [int(p >= threshold) for p in probs])["f1"]
            result[(l2, threshold)] = f1
            print(f"  sentence l2={l2:g} threshold={threshold}: CV F1 {f1:.4f}", flush=True)
    return result


def span_rows(sentences: list[Sentence], spans: list, token_rows: list) -> tuple:
    rows, ce, sig = [], [], []
    for sentence, _span, feats in zip(sentences, spans, token_rows, strict=True):
        for relation in sentence.relations:
            for i, f in enumerate(feats):
                rows.append(f)
                ce.append(1 if i in relation.cause else 2 if i in relation.effect else 0)
                sig.append(int(i in relation.signal))
    return rows, ce, sig


def cv_signal(sentences: list[Sentence], token_rows: list, l2: float) -> dict[float, float]:
    """Token-level signal F1 (the benchmark's scorer, one predicted relation per sentence)
    over FOLDS folds of train's causal sentences, per cut of the signal tagger."""
    probs: list = [None] * len(sentences)
    for held in folds(len(sentences), FOLDS):
        held_set = set(held)
        rest = [i for i in range(len(sentences)) if i not in held_set]
        rows, _ce, sig = span_rows([sentences[i] for i in rest], [None] * len(rest),
                                   [token_rows[i] for i in rest])
        model = HashedLinear(["no", "yes"], n_bits=18).fit(rows, sig, l2=l2, epochs=80)
        for i in held:
            probs[i] = model.proba_many(token_rows[i])[:, 1]
    result = {}
    for cut in SIGNAL_CUTS:
        pairs = [([{"cause": set(), "effect": set(), "signal": r.signal} for r in s.relations],
                  [{"cause": set(), "effect": set(), "signal": set(peak_run(p, cut))}])
                 for s, p in zip(sentences, probs, strict=True)]
        result[cut] = span_scores(pairs)["signal"]["f1"]
        print(f"  signal cut={cut}: CV F1 {result[cut]:.4f}", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold" / "causal")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    if not (args.gold / FILES[0]).exists():
        print(f"gold data not found at {args.gold}")
        return 1
    started = time.perf_counter()
    train = read_split(args.gold, "train")
    dev = read_split(args.gold, "dev")
    train = without_overlap(train, dev)
    print(f"train sentences (overlap with dev dropped): {len(train)}", flush=True)

    nlp = load_model()
    spans = parse(nlp, train)
    hits = [find_cues(s) for s in spans]
    parsed_at = time.perf_counter()

    rows = [sentence_features(s, h) for s, h in zip(spans, hits, strict=True)]
    y = [s.label for s in train]
    cv = cv_sentence(rows, y)
    best_l2, threshold = max(cv, key=lambda k: cv[k])
    fit_sentence(rows, y, best_l2).save(args.out / SENTENCE_MODEL)

    causal = [i for i, s in enumerate(train) if s.relations]
    token_rows = [token_features(spans[i], hits[i]) for i in causal]
    t_rows, ce, sig = span_rows([train[i] for i in causal], [spans[i] for i in causal],
                                token_rows)
    # The span taggers take the sentence model's L2 choice: a second grid over ~100k
    # token rows would cost minutes for little.
    HashedLinear(list(SPAN_LABELS), n_bits=19).fit(t_rows, ce, l2=best_l2, epochs=80).save(
        args.out / SPAN_MODEL)
    HashedLinear(["no", "yes"], n_bits=18).fit(t_rows, sig, l2=best_l2, epochs=80).save(
        args.out / SIGNAL_MODEL)
    signal_cv = cv_signal([train[i] for i in causal], token_rows, best_l2)
    cut = max(signal_cv, key=lambda c: signal_cv[c])
    finished = time.perf_counter()

    meta = {
        "command": "python scripts/train_causal.py",
        "data": {name: sha256(args.gold / name) for name in FILES},
        "train_sentences": len(train),
        "train_relations": sum(len(s.relations) for s in train),
        "token_rows": len(t_rows),
        "sentence_cv_f1": {f"l2={a:g} threshold={b}": round(v, 4) for (a, b), v in cv.items()},
        "l2": best_l2,
        "threshold": threshold,
        "signal_cv_f1": {f"cut={c}": round(v, 4) for c, v in signal_cv.items()},
        "signal_cut": cut,
        "seconds": {"parse": round(parsed_at - started, 1), "total": round(finished - started, 1)},
        "bytes": {p.name: p.stat().st_size for p in sorted(args.out.glob("*.npz"))},
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
