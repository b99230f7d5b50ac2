"""Scorers for the Causal News Corpus tasks, written for this project.

Subtask 1 follows the official metrics (precision, recall and F1 of the causal class,
accuracy, Matthews correlation).

Subtask 2 is scored per token, not with the official FairEval scorer (which needs the
network): for every causal gold sentence, each gold relation is paired with at most one
predicted relation, choosing the pairing with the most correctly labelled tokens (as the
official scorer does); predictions beyond the number of gold relations are dropped and
missing ones count as empty. For each label (cause, effect, signal) a token in both the
gold and the paired predicted span is a true positive, one only predicted a false
positive, one only in gold a false negative. Tags are read as written, so one-token spans
stay one token (the official BIO conversion stretches them; see the gold README).
Overall figures sum the counts of the three labels (micro average).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import permutations
from typing import Any

LABELS = ("cause", "effect", "signal")


def binary_scores(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 1)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g == 0 and p == 1)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == 1 and p == 0)
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    mcc = (tp * tn - fp * fn) / denominator if denominator else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "accuracy": (tp + tn) / len(gold) if gold else 0.0, "mcc": mcc}


Relation = dict[str, set[int]]  # label -> token indices


def _counts(gold: Relation, pred: Relation) -> dict[str, tuple[int, int, int]]:
    return {
        label: (len(gold[label] & pred[label]), len(pred[label] - gold[label]),
                len(gold[label] - pred[label]))
        for label in LABELS
    }


def span_scores(pairs: Sequence[tuple[Sequence[Relation], Sequence[Relation]]]) -> dict[str, Any]:
    """``pairs``: (gold relations, predicted relations) for each causal gold sentence."""
    totals = {label: [0, 0, 0] for label in LABELS}
    empty: Relation = {label: set() for label in LABELS}
    for gold, pred in pairs:
        padded = list(pred[: len(gold)]) + [empty] * max(0, len(gold) - len(pred))
        # Few relations per sentence (at most 5 in the corpus): trying every order is cheap.
        best = None
        for order in permutations(range(len(gold))):
            counts = [_counts(gold[g], padded[p]) for g, p in enumerate(order)]
            hits = sum(c[label][0] for c in counts for label in LABELS)
            if best is None or hits > best[0]:
                best = (hits, counts)
        for counts in best[1] if best else []:
            for label in LABELS:
                for k in range(3):
                    totals[label][k] += counts[label][k]
    out: dict[str, Any] = {}
    for label in (*LABELS, "overall"):
        tp, fp, fn = (
            [sum(totals[x][k] for x in LABELS) for k in range(3)] if label == "overall"
            else totals[label]
        )
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out
