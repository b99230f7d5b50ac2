"""A hashed-feature linear classifier (multinomial logistic regression) in plain numpy.

Why not scikit-learn: the shipped model is a weight matrix and a dot product, so the
package needs no new dependency at run time, loads in milliseconds, and the weights are
a file anyone can inspect. Feature strings are hashed with CRC32, which (unlike
``hash()``) is the same in every process.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def feature_ids(features: Sequence[str], n_bits: int) -> np.ndarray:
    mask = (1 << n_bits) - 1
    return np.fromiter(
        (zlib.crc32(f.encode("utf-8")) & mask for f in features), dtype=np.int64,
        count=len(features),
    )


class HashedLinear:
    """Multinomial logistic regression over hashed binary features."""

    def __init__(self, labels: Sequence[str], n_bits: int = 18) -> None:
        self.labels = list(labels)
        self.n_bits = n_bits
        self.weights = np.zeros((1 << n_bits, len(self.labels)), dtype=np.float32)
        self.bias = np.zeros(len(self.labels), dtype=np.float32)

    def scores(self, features: Sequence[str]) -> np.ndarray:
        ids = feature_ids(features, self.n_bits)
        return self.weights[ids].sum(axis=0) + self.bias

    def proba(self, features: Sequence[str]) -> np.ndarray:
        return _softmax(self.scores(features)[None, :])[0]

    def proba_many(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Probabilities for many rows at once (one numpy pass: the tagger's hot path)."""
        if not rows:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        ids = feature_ids([f for r in rows for f in r], self.n_bits)
        row_of = np.repeat(np.arange(len(rows)), lengths)
        totals = np.zeros((len(rows), len(self.labels)), dtype=np.float32)
        np.add.at(totals, row_of, self.weights[ids])
        return _softmax(totals + self.bias)

    def fit(
        self,
        rows: Sequence[Sequence[str]],
        targets: Sequence[int],
        *,
        l2: float = 1e-4,
        epochs: int = 60,
        learning_rate: float = 0.1,
        sample_weight: Sequence[float] | None = None,
    ) -> HashedLinear:
        """Full-batch Adam on the mean log loss plus ``l2`` times the squared weights."""
        n, k = len(rows), len(self.labels)
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
        ids = feature_ids([f for r in rows for f in r], self.n_bits)
        row_of = np.repeat(np.arange(n), lengths)
        # Only features seen in training get weights; the rest stay zero.
        used, local = np.unique(ids, return_inverse=True)
        w = np.zeros((len(used), k), dtype=np.float64)
        b = np.zeros(k, dtype=np.float64)
        y = np.zeros((n, k))
        y[np.arange(n), np.asarray(targets)] = 1.0
        sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        sw = sw / sw.sum()
        m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b),
                              np.zeros_like(b))
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        for step in range(1, epochs + 1):
            logits = np.empty((n, k))
            for c in range(k):
                logits[:, c] = np.bincount(row_of, weights=w[local, c], minlength=n)
            logits += b
            err = (_softmax(logits) - y) * sw[:, None]
            grad_w = np.empty_like(w)
            for c in range(k):
                grad_w[:, c] = np.bincount(local, weights=err[row_of, c], minlength=len(used))
            grad_w += 2 * l2 * w
            grad_b = err.sum(axis=0)
            for param, grad, m, v in ((w, grad_w, m_w, v_w), (b, grad_b, m_b, v_b)):
                m *= beta1
                m += (1 - beta1) * grad
                v *= beta2
                v += (1 - beta2) * grad * grad
                m_hat = m / (1 - beta1**step)
                v_hat = v / (1 - beta2**step)
                param -= learning_rate * m_hat / (np.sqrt(v_hat) + eps)
        self.weights[:] = 0
        self.weights[used] = w.astype(np.float32)
        self.bias = b.astype(np.float32)
        return self

    def save(self, path: Path) -> None:
        # float16 and only the non-zero rows: the files stay well under a megabyte or two.
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1) > 0)
        np.savez_compressed(
            path, rows=rows.astype(np.int32), weights=self.weights[rows].astype(np.float16),
            bias=self.bias, labels=np.array(self.labels), n_bits=np.array(self.n_bits),
        )

    @classmethod
    def load(cls, path: Path) -> HashedLinear:
        with np.load(path, allow_pickle=False) as data:
            model = cls([str(x) for x in data["labels"]], int(data["n_bits"]))
            model.weights[data["rows"]] = data["weights"].astype(np.float32)
            model.bias = data["bias"].astype(np.float32)
        return model


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)
