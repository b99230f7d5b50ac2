"""A small BERT-style sentence encoder in plain numpy (no torch at run time).

The weights (``data/reasons/causal_encoder.npz``) are MiniLM-L6-H384 (all-MiniLM-L6-v2,
Apache-2.0) fine-tuned on the Causal News Corpus train split by
``scripts/train_causal.py --encoder``, stored as int8 with one scale per output row, and
with the word-piece vocabulary cut to the pieces that survive the cut (see docs/reasons.md).
Why numpy: the package gets a contextual model without a 700 MB dependency; a forward pass
is four matrix products per layer (query, key and value in one), and the reasons component
only runs it on the sentences the fast linear model is unsure of, all of a document's
together and on one BLAS thread.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------- BLAS threads

_BLAS_NAMES = (  # (set, get) in the OpenBLAS builds numpy wheels ship, newest first
    ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
    ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
    ("openblas_set_num_threads", "openblas_get_num_threads"),
)


@lru_cache(maxsize=1)
def _openblas_threads() -> tuple[Any, Any] | None:
    """numpy's OpenBLAS thread setter and getter, or None (another BLAS, or not found).

    Why: the encoder's products are small (tens of rows), and OpenBLAS splitting each over
    several threads costs more than it saves; its idle threads also spin, so on a busy
    machine a sentence took 127 ms of CPU with two threads against 20 ms with one."""
    folder = Path(np.__file__).resolve().parent
    candidates = [*sorted((folder.parent / "numpy.libs").glob("*openblas*")),
                  *sorted((folder / ".dylibs").glob("*openblas*"))]
    for path in candidates:
        try:
            lib = ctypes.CDLL(str(path))  # already loaded by numpy: the same handle
        except OSError:
            continue
        for set_name, get_name in _BLAS_NAMES:
            setter, getter = getattr(lib, set_name, None), getattr(lib, get_name, None)
            if setter is not None and getter is not None:
                getter.restype = ctypes.c_int
                return setter, getter
    return None


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Run numpy's matrix products on one thread inside the block, then restore."""
    found = _openblas_threads()
    before = int(found[1]()) if found is not None else 1
    if found is not None and before != 1:
        found[0](1)
    try:
        yield
    finally:
        if found is not None and before != 1:
            found[0](before)


# --------------------------------------------------------------------------- the model

# Word pieces per forward pass: sentences are run together (their products stacked, each
# attending only to itself) up to this many rows, so small sentences share one product.
_ROWS_PER_PASS = 512


class Encoder:
    """A BERT encoder with a classification head on the mean of its last layer."""

    def __init__(self, params: dict[str, np.ndarray], vocab: Sequence[str],
                 heads: int) -> None:
        self.p = params
        self.heads = heads
        self.layers = sum(1 for k in params if k.endswith(".qkv.w"))
        self.tokenizer = WordPiece({piece: i for i, piece in enumerate(vocab)})
        self.cls_id = self.tokenizer.vocab["[CLS]"]
        self.sep_id = self.tokenizer.vocab["[SEP]"]

    @classmethod
    def load(cls, path: Path) -> Encoder:
        raw: dict[str, np.ndarray] = {}
        with np.load(path, allow_pickle=False) as data:
            for key in data.files:
                if key not in ("vocab", "heads"):
                    raw[key] = data[key]
            vocab = [str(v) for v in data["vocab"]]
            heads = int(data["heads"])
        return cls(_unpack(raw), vocab, heads)

    def pieces(self, text: str) -> list[int]:
        return self.tokenizer.encode(text, self.cls_id, self.sep_id)

    def hidden(self, ids: list[int]) -> np.ndarray:
        """The last layer's states of one sentence's word pieces."""
        return self._hidden([ids])

    def _hidden(self, batch: list[list[int]]) -> np.ndarray:
        """Last-layer states of several sentences, their rows one after another."""
        p = self.p
        flat = np.fromiter((i for ids in batch for i in ids), dtype=np.int64)
        positions = np.concatenate([np.arange(len(ids)) for ids in batch])
        x = (p["emb.word"][flat].astype(np.float32) * p["emb.word.scale"][flat, None]
             + p["emb.pos"][positions] + p["emb.type"][0])
        x = _layer_norm(x, p["emb.ln.g"], p["emb.ln.b"])
        d = x.shape[1]
        dh = d // self.heads
        scale = 1.0 / dh**0.5  # a Python float keeps float32
        bounds = np.cumsum([0, *(len(ids) for ids in batch)])
        for i in range(self.layers):
            a = f"l{i}."
            qkv = x @ p[a + "qkv.w"] + p[a + "qkv.b"]
            ctx = np.empty_like(x)
            for start, end in zip(bounds[:-1], bounds[1:], strict=True):
                n = end - start
                q = qkv[start:end, :d].reshape(n, self.heads, dh).transpose(1, 0, 2)
                k = qkv[start:end, d:2 * d].reshape(n, self.heads, dh).transpose(1, 2, 0)
                v = qkv[start:end, 2 * d:].reshape(n, self.heads, dh).transpose(1, 0, 2)
                s = q @ k * scale
                s = np.exp(s - s.max(axis=-1, keepdims=True))
                s /= s.sum(axis=-1, keepdims=True)
                ctx[start:end] = (s @ v).transpose(1, 0, 2).reshape(n, d)
            x = _layer_norm(x + ctx @ p[a + "o.w"] + p[a + "o.b"], p[a + "ln1.g"], p[a + "ln1.b"])
            h = _gelu(x @ p[a + "f1.w"] + p[a + "f1.b"])
            x = _layer_norm(x + h @ p[a + "f2.w"] + p[a + "f2.b"], p[a + "ln2.g"], p[a + "ln2.b"])
        return x

    def proba(self, text: str) -> float:
        """P(causal) of one sentence."""
        return self.probas([text])[0]

    def probas(self, texts: Sequence[str]) -> list[float]:
        """P(causal) of each sentence; sentences are run together (cheaper per sentence
        than one at a time), and the result is the same as one at a time."""
        out: list[float] = []
        batch: list[list[int]] = []
        with single_blas_thread():
            for text in texts:
                ids = self.pieces(text)
                if batch and sum(map(len, batch)) + len(ids) > _ROWS_PER_PASS:
                    out.extend(self._classify(batch))
                    batch = []
                batch.append(ids)
            if batch:
                out.extend(self._classify(batch))
        return out

    def _classify(self, batch: list[list[int]]) -> list[float]:
        x = self._hidden(batch)
        bounds = np.cumsum([0, *(len(ids) for ids in batch)])
        pooled = np.stack([x[s:e].mean(axis=0)
                           for s, e in zip(bounds[:-1], bounds[1:], strict=True)])
        logits = pooled @ self.p["head.w"].T + self.p["head.b"]
        logits = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return [float(v) for v in e[:, 1] / e.sum(axis=1)]


def _unpack(raw: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The file's arrays -> what the forward pass uses: layer matrices widened to float32
    once, transposed for ``x @ w``, with query, key and value side by side (one product
    instead of three); the word-piece table stays int8 (only a sentence's rows are
    widened, and it is most of the file)."""
    params: dict[str, np.ndarray] = {}
    for key, value in raw.items():
        if key.endswith(".scale"):
            continue
        if key.endswith(".q8"):
            name = key[:-3]
            if name == "emb.word":
                params[name] = value
                params[name + ".scale"] = raw[name + ".scale"].astype(np.float32)
            else:
                widened = value.astype(np.float32) * raw[name + ".scale"][:, None]
                params[name] = np.ascontiguousarray(widened.T)
        else:
            params[key] = value.astype(np.float32)
    layer = 0
    while f"l{layer}.q.w" in params:
        a = f"l{layer}."
        params[a + "qkv.w"] = np.ascontiguousarray(np.concatenate(
            [params.pop(a + m + ".w") for m in ("q", "k", "v")], axis=1))
        params[a + "qkv.b"] = np.concatenate([params.pop(a + m + ".b") for m in ("q", "k", "v")])
        layer += 1
    return params
