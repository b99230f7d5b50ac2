"""The shipped models (``data/reasons/*.npz``), loaded lazily once per process, and how
their outputs become one cause / effect / signal relation per sentence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from wirecoder.reasons.cues import CueHit, find_cues
from wirecoder.reasons.encoder import Encoder
from wirecoder.reasons.features import sentence_features, token_features
from wirecoder.reasons.linear import HashedLinear

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "reasons"
SENTENCE_MODEL = "causal_sentence.npz"
SPAN_MODEL = "causal_spans.npz"
SIGNAL_MODEL = "causal_signal.npz"
ENCODER_MODEL = "causal_encoder.npz"
SPAN_LABELS = ("O", "C", "E")


@dataclass
class TaggedRelation:
    """Token indices relative to the sentence start."""

    cause: list[int] = field(default_factory=list)
    effect: list[int] = field(default_factory=list)
    signal: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def _meta() -> dict:
    return json.loads((MODEL_DIR / "training.json").read_text("utf-8"))


def sentence_threshold() -> float:
    """The linear model's decision threshold cross-validation on train chose
    (``training.json``)."""
    return float(_meta().get("threshold", 0.5))


@dataclass(frozen=True)
class EncoderGate:
    """Where the encoder is consulted and how its answer is used (``training.json``,
    chosen on train held out from the encoder): only for linear probabilities in
    [low, high]; there the sentence is causal when ``mix`` * encoder + (1 - ``mix``) *
    linear >= ``threshold``."""

    low: float
    high: float
    mix: float
    threshold: float


@lru_cache(maxsize=1)
def encoder_gate() -> EncoderGate | None:
    gate = _meta().get("encoder")
    if not gate or not (MODEL_DIR / ENCODER_MODEL).exists():
        return None
    return EncoderGate(float(gate["low"]), float(gate["high"]), float(gate["mix"]),
                       float(gate["threshold"]))


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder.load(MODEL_DIR / ENCODER_MODEL)


@lru_cache(maxsize=1)
def signal_cut() -> float:
    """The signal tagger's cut that cross-validation on train chose (``training.json``)."""
    meta = json.loads((MODEL_DIR / "training.json").read_text("utf-8"))
    return float(meta.get("signal_cut", 0.5))


@lru_cache(maxsize=1)
def sentence_model() -> HashedLinear:
    return HashedLinear.load(MODEL_DIR / SENTENCE_MODEL)


@lru_cache(maxsize=1)
def span_models() -> tuple[HashedLinear, HashedLinear]:
    return HashedLinear.load(MODEL_DIR / SPAN_MODEL), HashedLinear.load(MODEL_DIR / SIGNAL_MODEL)


def causal_probability(sent: Span, hits: list[CueHit] | None = None) -> float:
    """The fast linear model's P(causal)."""
    hits = find_cues(sent) if hits is None else hits
    return float(sentence_model().proba(sentence_features(sent, hits))[1])


def judge_causal(sent: Span, hits: list[CueHit] | None = None, *,
                 refine: bool = True) -> tuple[float, bool]:
    """(probability, is the sentence causal). The linear model decides alone where it is
    sure; where it is not (its probability inside the gate's band) and ``refine`` is set,
    the fine-tuned encoder's probability is mixed in, so the slow model runs on a
    fraction of the sentences only."""
    return judge_many([sent], [hits], [refine])[0]


def judge_many(sents: Sequence[Span], hits: Sequence[list[CueHit] | None],
               refine: Sequence[bool]) -> list[tuple[float, bool]]:
    """``judge_causal`` for several sentences, the encoder run once for all of those that
    need it (cheaper per sentence than one at a time; same answers)."""
    linear = [causal_probability(s, h) for s, h in zip(sents, hits, strict=True)]
    gate = encoder_gate()
    out = [(p, p >= sentence_threshold()) for p in linear]
    if gate is None:
        return out
    asked = [i for i, (p, r) in enumerate(zip(linear, refine, strict=True))
             if r and gate.low <= p <= gate.high]
    if asked:
        for i, p_enc in zip(asked, encoder().probas([sents[i].text for i in asked]),
                            strict=True):
            mixed = gate.mix * p_enc + (1 - gate.mix) * linear[i]
            out[i] = (mixed, mixed >= gate.threshold)
    return out


def tag_relation(sent: Span, hits: list[CueHit] | None = None) -> TaggedRelation:
    hits = find_cues(sent) if hits is None else hits
    rows = token_features(sent, hits)
    spans, signal = span_models()
    labels = spans.proba_many(rows).argmax(axis=1)
    signal_p = signal.proba_many(rows)[:, 1]
    return decode(labels, signal_p)


def decode(labels: np.ndarray, signal_p: np.ndarray, cut: float | None = None) -> TaggedRelation:
    """Per-token labels -> contiguous spans: the longest run of each label, after filling
    one-token gaps (a lone comma inside a clause), since a cause or effect is one span.
    The signal is the run of tokens at or above ``cut`` around the most probable token
    (``cut`` chosen by cross-validation on train), empty when no token reaches it."""
    return TaggedRelation(
        cause=_longest_run([int(x) == 1 for x in labels]),
        effect=_longest_run([int(x) == 2 for x in labels]),
        signal=peak_run(signal_p, signal_cut() if cut is None else cut),
    )


def peak_run(p: np.ndarray, cut: float) -> list[int]:
    """The contiguous run of values >= ``cut`` that holds the maximum (empty if none)."""
    if len(p) == 0:
        return []
    top = int(np.argmax(p))
    if float(p[top]) < cut:
        return []
    start, end = top, top + 1
    while start > 0 and float(p[start - 1]) >= cut:
        start -= 1
    while end < len(p) and float(p[end]) >= cut:
        end += 1
    return list(range(start, end))


def _longest_run(flags: list[bool], fill: bool = True) -> list[int]:
    if fill:
        flags = [
            f or (0 < i < len(flags) - 1 and flags[i - 1] and flags[i + 1])
            for i, f in enumerate(flags)
        ]
    best: tuple[int, int] = (0, 0)
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return list(range(*best))
