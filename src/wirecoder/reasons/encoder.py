"""A small BERT-style sentence encoder in plain numpy (no torch at run time).

The weights (``data/reasons/causal_encoder.npz``) are MiniLM-L6-H384 (all-MiniLM-L6-v2,
Apache-2.0) fine-tuned on the Causal News Corpus train split by
``scripts/train_causal.py --encoder``, stored as int8 with one scale per output row, and
with the word-piece vocabulary cut to the pieces that survive the cut (see docs/reasons.md).
Why numpy: the package gets a contextual model without a 700 MB dependency; a forward pass
is a dozen matrix products per layer, and the reasons component only runs it on the
sentences the fast linear model is unsure of.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MAX_PIECES = 128  # word pieces per sentence, [CLS] and [SEP] included
_MAX_WORD_CHARS = 100  # BERT's own limit: longer words become [UNK]


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    # BERT treats every non-letter/number ASCII character as punctuation.
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F
            or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: clean, lower-case, strip accents, split off
    punctuation and CJK characters."""
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C")
                                       and ch not in "\t\n\r"):
            continue
        if _is_cjk(cp):
            chars.append(f" {ch} ")
        elif ch.isspace():
            chars.append(" ")
        else:
            chars.append(ch)
    out: list[str] = []
    for word in "".join(chars).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        current = ""
        for ch in word:
            if _is_punctuation(ch):
                if current:
                    out.append(current)
                    current = ""
                out.append(ch)
            else:
                current += ch
        if current:
            out.append(current)
    return out


class WordPiece:
    """Greedy longest-match-first word pieces over ``vocab`` (piece -> id)."""

    def __init__(self, vocab: dict[str, int], unk: str = "[UNK]") -> None:
        self.vocab = vocab
        self.unk_id = vocab[unk]

    def word_ids(self, word: str) -> list[int]:
        if len(word) > _MAX_WORD_CHARS:
            return [self.unk_id]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            ids.append(found)
            start = end
        return ids

    def encode(self, text: str, cls_id: int, sep_id: int) -> list[int]:
        ids = [cls_id]
        for word in basic_tokens(text):
            ids.extend(self.word_ids(word))
        return [*ids[: MAX_PIECES - 1], sep_id]


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    # The erf form BERT was trained with, through the tanh approximation (max error 1e-3).
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


class Encoder:
    """A BERT encoder with a classification head on the mean of its last layer."""

    def __init__(self, params: dict[str, np.ndarray], vocab: Sequence[str],
                 heads: int) -> None:
        self.p = params
        self.heads = heads
        self.layers = sum(1 for k in params if k.endswith(".q.w") and k.startswith("l"))
        self.tokenizer = WordPiece({piece: i for i, piece in enumerate(vocab)})
        self.cls_id = self.tokenizer.vocab["[CLS]"]
        self.sep_id = self.tokenizer.vocab["[SEP]"]

    @classmethod
    def load(cls, path: Path) -> Encoder:
        params: dict[str, np.ndarray] = {}
        with np.load(path, allow_pickle=False) as data:
            for key in data.files:
                if key.endswith(".q8"):
                    # Kept int8 in memory (17 MB instead of 70): each matrix is widened
                    # when used and its per-row scale applied to the product.
                    params[key[:-3]] = data[key]
                elif key not in ("vocab", "heads"):
                    params[key] = data[key].astype(np.float32)
            vocab = [str(v) for v in data["vocab"]]
            heads = int(data["heads"])
        return cls(params, vocab, heads)

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        w = self.p[name + ".w"]
        return (x @ w.astype(np.float32).T) * self.p[name + ".w.scale"] + self.p[name + ".b"]

    def hidden(self, ids: list[int]) -> np.ndarray:
        p = self.p
        n = len(ids)
        words = p["emb.word"][ids].astype(np.float32) * p["emb.word.scale"][ids, None]
        x = words + p["emb.pos"][:n] + p["emb.type"][0]
        x = _layer_norm(x, p["emb.ln.g"], p["emb.ln.b"])
        d = x.shape[1]
        dh = d // self.heads
        for i in range(self.layers):
            a = f"l{i}."
            q, k, v = (self._linear(x, a + m).reshape(n, self.heads, dh).transpose(1, 0, 2)
                       for m in ("q", "k", "v"))
            s = q @ k.transpose(0, 2, 1) * (1.0 / dh**0.5)  # a Python float keeps float32
            s = np.exp(s - s.max(axis=-1, keepdims=True))
            s /= s.sum(axis=-1, keepdims=True)
            ctx = (s @ v).transpose(1, 0, 2).reshape(n, d)
            x = _layer_norm(x + self._linear(ctx, a + "o"), p[a + "ln1.g"], p[a + "ln1.b"])
            h = _gelu(self._linear(x, a + "f1"))
            x = _layer_norm(x + self._linear(h, a + "f2"), p[a + "ln2.g"], p[a + "ln2.b"])
        return x

    def proba(self, text: str) -> float:
        """P(causal) of one sentence."""
        ids = self.tokenizer.encode(text, self.cls_id, self.sep_id)
        pooled = self.hidden(ids).mean(axis=0)
        logits = pooled @ self.p["head.w"].T + self.p["head.b"]
        logits = logits - logits.max()
        e = np.exp(logits)
        return float(e[1] / e.sum())
