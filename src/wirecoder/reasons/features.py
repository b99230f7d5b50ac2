"""Features of a parsed sentence for the two learned models: one list of strings for the
sentence (is it causal?) and one per token (cause, effect or signal word?).

Training (``scripts/train_causal.py``) and the component call the same functions on the
same spaCy parse, so the features seen at run time are those the model learned.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirecoder.reasons.cues import CueHit, find_cues

# Clause-introducing dependents whose word says what the clause is for.
_MARKER_DEPS = {"mark", "aux", "prep", "advmod", "agent"}
_CLAUSE_DEPS = {"advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep", "conj"}


def sentence_features(sent: Span, hits: list[CueHit] | None = None) -> list[str]:
    hits = find_cues(sent) if hits is None else hits
    # Each token's attributes read once (a Span yields new Token objects on every pass).
    toks = list(sent)
    words = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    deps = [t.dep_ for t in toks]
    pos = [t.pos_ for t in toks]
    start = sent.start
    heads = [t.head.i - start for t in toks]
    feats = ["bias"]
    feats += [f"w={w}" for w in words]
    feats += [f"l={lemma}" for t, lemma in zip(toks, lemmas, strict=True) if not t.is_punct]
    feats += [f"b={a}_{b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=False)]
    n = len(toks)
    for k, (dep, h) in enumerate(zip(deps, heads, strict=True)):
        if 0 <= h < n:
            head_lemma, head_pos, head_dep = lemmas[h], pos[h], deps[h]
        else:  # a head outside the sentence (odd sentence splits)
            head = toks[k].head
            head_lemma, head_pos, head_dep = head.lemma_.lower(), head.pos_, head.dep_
        # Dependency triples carry who-did-what-to-whom, which bags of words lose.
        feats.append(f"dt={head_lemma}>{dep}>{lemmas[k]}")
        feats.append(f"dp={head_pos}>{dep}>{pos[k]}")
        if dep in _MARKER_DEPS and head_dep in _CLAUSE_DEPS | {"ROOT"}:
            feats.append(f"mk={dep}:{words[k]}>{head_dep}")
        if dep in ("advcl", "xcomp", "ccomp", "acl"):
            feats.append(f"cl={dep}:{head_lemma}")
            feats.append(f"cl={dep}")
    # A causal sentence relates two events: count the verbs that could be them.
    feats.append(f"nv={min(sum(1 for p in pos if p == 'VERB'), 5)}")
    for hit in hits:
        feats.append(f"cue={hit.cue.role}:{hit.phrase}")
        feats.append(f"role={hit.cue.role}")
    return feats


def top_clause(token: Token, root: Token) -> Token:
    """The child of the sentence root whose subtree holds ``token`` (or the root)."""
    node = token
    for _ in range(64):  # a parse is a tree; the bound only guards odd input
        if node.head is node or node.head.i == root.i or node.i == root.i:
            return node
        node = node.head
    return node


def _marker(head: Token) -> str:
    for child in head.children:
        if child.dep_ in _MARKER_DEPS and child.i < head.i:
            return child.lower_
    return "-"


def token_features(sent: Span, hits: list[CueHit] | None = None) -> list[list[str]]:
    """One feature list per token of ``sent``."""
    hits = find_cues(sent) if hits is None else hits
    root = sent.root
    n = len(sent)
    toks = list(sent)
    # Cue positions and the subtree each cue governs (its head's subtree).
    cue_at: dict[int, str] = {}
    governed: dict[int, str] = {}
    for hit in hits:
        name = f"{hit.cue.role}:{hit.phrase}"
        for i in range(hit.start, hit.end):
            cue_at[i] = name
        head = sent.doc[hit.end - 1]
        if head.dep_ in ("prep", "mark", "aux", "agent") or head.i == hit.start:
            anchor = head if head.dep_ == "prep" else head.head
            for t in anchor.subtree:
                if sent.start <= t.i < sent.end:
                    governed.setdefault(t.i, name)
    cue_positions = sorted(cue_at)
    out: list[list[str]] = []
    for k, t in enumerate(toks):
        clause = top_clause(t, root)
        f = [
            "bias",
            f"w={t.lower_}",
            f"l={t.lemma_.lower()}",
            f"p={t.pos_}",
            f"d={t.dep_}",
            f"hd={t.head.dep_}:{t.dep_}",
            f"hl={t.head.lemma_.lower()}",
            f"w-1={toks[k - 1].lower_ if k else '<s>'}",
            f"w+1={toks[k + 1].lower_ if k + 1 < n else '</s>'}",
            f"p-1={toks[k - 1].pos_ if k else '<s>'}",
            f"p+1={toks[k + 1].pos_ if k + 1 < n else '</s>'}",
            f"cl={clause.dep_}",
            f"clm={clause.dep_}:{_marker(clause)}",
            f"side={'L' if t.i < root.i else 'R' if t.i > root.i else 'root'}",
            f"pos={min(10, 10 * k // max(n, 1))}",
        ]
        if t.i in cue_at:
            f.append(f"cue={cue_at[t.i]}")
        if t.i in governed:
            f.append(f"gov={governed[t.i]}")
            f.append(f"gov={governed[t.i]}|{clause.dep_}")
        else:
            f.append(f"ungov|{clause.dep_}")
        left = [i for i in cue_positions if i < t.i]
        right = [i for i in cue_positions if i > t.i]
        if left:
            f.append(f"cueL={cue_at[left[-1]]}|{min(t.i - left[-1], 6)}")
            f.append(f"cueL={cue_at[left[-1]]}")
        if right:
            f.append(f"cueR={cue_at[right[0]]}")
        out.append(f)
    return out
