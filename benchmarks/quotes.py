"""Attribution spans (source, cue, content) on PolNeAR dev, and the cost of sourcing.

Gold: ``../shared/gold/quotes/polnear-dev`` (brat ``.ann`` files; see the gold README).
Two articles have six annotators; the first listed in ``metadata.tsv`` is used. The 84
articles are split once and for all: crc32 of the text file's name, even = dev (look at
errors here), odd = test (report only).

Scores, per label, over the distinct spans of each article (one source span can serve
several attributions; a content split in two counts as two spans):

- exact: a predicted span is right when gold has the same characters (Citron's exact);
- overlap: token overlap (whitespace tokens), Citron-style: a predicted span's precision
  is the largest share of its tokens inside one gold span, a gold span's recall the
  largest share of its tokens inside one predicted span; P and R are their means;
- speaker accuracy: the share of gold attributions with a source for which the predicted
  quote whose content overlaps the gold content most has a speaker overlapping the gold
  source.

Also printed, for information only: the same figures over the top-level quotes, those
whose cue lies inside no other quote's content. PolNeAR annotates one layer (no gold cue
lies inside another attribution's content), while the record keeps nested attributions
("X said the videos show Y") for its reporting chains.

Cost: the full pipeline with and without ``wirecoder_sourcing`` on the same texts in one
process, alternated, best of ``--repeat`` passes each.

    .venv/bin/python benchmarks/quotes.py [--split dev|test|all] [--misses N] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import fmt, gold_path, require_gold, run_info, write_json

TARGETS = {"content_overlap_f1": 0.75, "source_exact_f1": 0.75, "cue_exact_f1": 0.80,
           "cost_ratio": 1.20}
# DESIGN.md section 7: textacy 0.13 direct_quotations + en_core_web_sm, PolNeAR dev (all 84).
TEXTACY = {"source_exact_f1": 0.18, "cue_exact_f1": 0.21, "content_overlap_f1": 0.36}
LABELS = ("Source", "Cue", "Content")
Span = tuple[int, int]


@dataclass
class Article:
    name: str
    text: str
    gold: dict[str, set[Span]] = field(default_factory=dict)
    relations: list[dict[str, list[Span]]] = field(default_factory=list)


def split_of(name: str) -> str:
    return "dev" if zlib.crc32(f"{name}.txt".encode()) % 2 == 0 else "test"


def _annotators(root: Path) -> dict[str, str]:
    with (root / "metadata.tsv").open(encoding="utf-8") as stream:
        return {row["filename"]: row["annotators"].split("|")[0]
                for row in csv.DictReader(stream, delimiter="\t")}


def read_gold(root: Path) -> list[Article]:
    articles = []
    for name, annotator in sorted(_annotators(root).items()):
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        article = Article(name, text, {label: set() for label in LABELS})
        spans: dict[str, tuple[str, list[Span]]] = {}
        ann = root / "attributions" / f"{name}_{annotator}.ann"
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                label, _, offsets = parts[1].partition(" ")
                frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                spans[parts[0]] = (label, [(a, b) for a, b in frags])
            elif line.startswith("E") and len(parts) >= 2:
                relation: dict[str, list[Span]] = {}
                for arg in parts[1].split():
                    role, _, ref = arg.partition(":")
                    role = re.sub(r"\d+$", "", role)
                    if ref in spans and role in LABELS:
                        relation.setdefault(role, []).extend(spans[ref][1])
                article.relations.append(relation)
        for label, frags in spans.values():
            if label in LABELS:
                article.gold[label].update(frags)
        articles.append(article)
    return articles


def predict(nlp: Any, articles: list[Article]) -> list[dict[str, Any]]:
    docs = [_doc(nlp, a.text) for a in articles]
    return [{"quotes": list(doc._.wc_quotes or [])} for doc in nlp.pipe(docs, batch_size=16)]


def _doc(nlp: Any, text: str) -> Any:
    doc = nlp.make_doc(text)
    doc._.wc_meta = {"id": "", "published": None}
    doc._.wc_warnings = []
    return doc


def predicted_spans(pred: dict[str, Any]) -> dict[str, set[Span]]:
    found: dict[str, set[Span]] = {label: set() for label in LABELS}
    for quote in pred["quotes"]:
        if quote["cue"] is None:
            continue  # unattributed quotations are not attributions
        found["Cue"].add((quote["cue"]["start"], quote["cue"]["end"]))
        if quote["speaker"] is not None:
            span = quote["speaker"]["span"]
            found["Source"].add((span["start"], span["end"]))
        for part in quote["content"]:
            found["Content"].add((part["start"], part["end"]))
    return found


def top_level(pred: dict[str, Any]) -> dict[str, Any]:
    """The quotes whose cue lies inside no other attributed quote's content."""
    outer = [q for q in pred["quotes"] if q["cue"] is not None]
    return {"quotes": [q for q in pred["quotes"] if q["cue"] is None or not any(
        o is not q and p["start"] <= q["cue"]["start"] < p["end"]
        for o in outer for p in o["content"])]}


def _tokens(text: str, span: Span) -> set[int]:
    return {m.start() + span[0] for m in re.finditer(r"\S+", text[span[0]:span[1]])}


@dataclass
class Tally:
    exact_hits_p: int = 0
    exact_hits_r: int = 0
    n_pred: int = 0
    n_gold: int = 0
    overlap_p: float = 0.0
    overlap_r: float = 0.0

    def add(self, text: str, pred: set[Span], gold: set[Span]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.exact_hits_p += len(pred & gold)
        self.exact_hits_r += len(pred & gold)
        gold_tokens = [_tokens(text, g) for g in sorted(gold)]
        pred_tokens = [_tokens(text, p) for p in sorted(pred)]
        for p in pred_tokens:
            if p:
                self.overlap_p += max((len(p & g) / len(p) for g in gold_tokens), default=0.0)
        for g in gold_tokens:
            if g:
                self.overlap_r += max((len(p & g) / len(g) for p in pred_tokens), default=0.0)

    def figures(self) -> dict[str, float | None]:
        def f1(p: float | None, r: float | None) -> float | None:
            return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

        ep = self.exact_hits_p / self.n_pred if self.n_pred else None
        er = self.exact_hits_r / self.n_gold if self.n_gold else None
        op = self.overlap_p / self.n_pred if self.n_pred else None
        orr = self.overlap_r / self.n_gold if self.n_gold else None
        return {"exact_p": ep, "exact_r": er, "exact_f1": f1(ep, er),
                "overlap_p": op, "overlap_r": orr, "overlap_f1": f1(op, orr)}


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def speaker_hits(text: str, article: Article, pred: dict[str, Any]) -> tuple[int, int]:
    hits = total = 0
    for relation in article.relations:
        if not relation.get("Source") or not relation.get("Content"):
            continue
        total += 1
        gold_tokens = set().union(*(_tokens(text, c) for c in relation["Content"]))
        best, best_overlap = None, 0
        for quote in pred["quotes"]:
            tokens = set().union(*(_tokens(text, (c["start"], c["end"]))
                                   for c in quote["content"]))
            shared = len(tokens & gold_tokens)
            if shared > best_overlap:
                best, best_overlap = quote, shared
        if best is not None and best["speaker"] is not None:
            span = (best["speaker"]["span"]["start"], best["speaker"]["span"]["end"])
            hits += any(_overlap(span, s) for s in relation["Source"])
    return hits, total


def score(articles: list[Article], preds: list[dict[str, Any]]) -> dict[str, Any]:
    tallies = {label: Tally() for label in LABELS}
    hits = total = 0
    for article, pred in zip(articles, preds, strict=True):
        found = predicted_spans(pred)
        for label in LABELS:
            tallies[label].add(article.text, found[label], article.gold[label])
        h, t = speaker_hits(article.text, article, pred)
        hits, total = hits + h, total + t
    out: dict[str, Any] = {"articles": len(articles)}
    for label in LABELS:
        for key, value in tallies[label].figures().items():
            out[f"{label.lower()}_{key}"] = value
        out[f"{label.lower()}_gold"] = tallies[label].n_gold
        out[f"{label.lower()}_pred"] = tallies[label].n_pred
    out["speaker_accuracy"] = hits / total if total else None
    return out


def cost(nlp: Any, texts: list[str], repeat: int) -> dict[str, float]:
    words = sum(len(t.split()) for t in texts)
    best = {"with": float("inf"), "without": float("inf")}
    list(nlp.pipe([_doc(nlp, t) for t in texts[:8]]))  # warm up
    for _ in range(repeat):
        for key, disable in (("without", ["wirecoder_sourcing"]), ("with", [])):
            docs = [_doc(nlp, t) for t in texts]
            start = time.perf_counter()
            for _doc_out in nlp.pipe(docs, batch_size=16, disable=disable):
                pass
            best[key] = min(best[key], time.perf_counter() - start)
    return {"words": words, "seconds_with": best["with"], "seconds_without": best["without"],
            "cost_ratio": best["with"] / best["without"]}


def misses(articles: Iterable[Article], preds: Iterable[dict[str, Any]], n: int) -> None:
    shown = 0
    for article, pred in zip(articles, preds, strict=True):
        found = predicted_spans(pred)
        for label in ("Cue", "Source"):
            for a, b in sorted(article.gold[label] - found[label]):
                if shown >= n:
                    return
                print(f"  MISS {label:<7} {article.name[:30]}: {article.text[a:b]!r} in "
                      f"{article.text[max(0, a - 60):b + 40]!r}")
                shown += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--misses", type=int, default=0, help="show N dev misses")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args(argv)
    root = gold_path("quotes", "polnear-dev")
    if not require_gold(root, "quotes (PolNeAR dev)"):
        return 0
    from wirecoder.pipeline import load_pipeline

    nlp = load_pipeline()
    articles = read_gold(root)
    preds = predict(nlp, articles)
    figures: dict[str, Any] = {**run_info(), "targets": TARGETS, "textacy_baseline": TEXTACY}
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        chosen = [(a, p) for a, p in zip(articles, preds, strict=True) if split_of(a.name) == split]
        figures[split] = score([a for a, _ in chosen], [p for _, p in chosen])
        figures[f"{split}_top_level"] = score([a for a, _ in chosen],
                                              [top_level(p) for _, p in chosen])
    figures["cost"] = cost(nlp, [a.text for a in articles], args.repeat)
    print(f"command: {figures['command']}  (commit {figures['commit']}, {figures['date']})")
    print(f"{'split':<6}{'label':<9}{'exact P':>9}{'R':>7}{'F1':>7}{'overlap P':>11}{'R':>7}"
          f"{'F1':>7}{'gold':>6}{'pred':>6}")
    for split in splits:
        f = figures[split]
        for label in ("source", "cue", "content"):
            print(f"{split:<6}{label:<9}{fmt(f[f'{label}_exact_p']):>9}"
                  f"{fmt(f[f'{label}_exact_r']):>7}{fmt(f[f'{label}_exact_f1']):>7}"
                  f"{fmt(f[f'{label}_overlap_p']):>11}{fmt(f[f'{label}_overlap_r']):>7}"
                  f"{fmt(f[f'{label}_overlap_f1']):>7}{f[f'{label}_gold']:>6}"
                  f"{f[f'{label}_pred']:>6}")
        print(f"{split:<6}speaker accuracy {fmt(f['speaker_accuracy'])}  "
              f"({f['articles']} articles)")
        t = figures[f"{split}_top_level"]
        print(f"{split:<6}top-level quotes only (information): source exact F1 "
              f"{fmt(t['source_exact_f1'])}, cue exact F1 {fmt(t['cue_exact_f1'])}, content "
              f"overlap F1 {fmt(t['content_overlap_f1'])}")
    c = figures["cost"]
    print(f"cost: {c['words']} words, with sourcing {c['seconds_with']:.2f}s, without "
          f"{c['seconds_without']:.2f}s, ratio {c['cost_ratio']:.3f} (target <= 1.20)")
    print("textacy baseline (DESIGN.md 7, all 84): source exact F1 0.18, cue exact F1 0.21, "
          "content overlap F1 0.36")
    if args.misses:
        dev = [(a, p) for a, p in zip(articles, preds, strict=True) if split_of(a.name) == "dev"]
        misses([a for a, _ in dev], [p for _, p in dev], args.misses)
    write_json(args.json_path, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
