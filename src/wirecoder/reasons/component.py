"""``wirecoder_reasons``: finds the reasons of each sentence and links them to events.

A cue from the lexicon (``data/reasons/cues.tsv``) proposes a reason; strong cues stand
alone, weak ones ("to", "for", "after") need the learned sentence model to agree. The
parse around the cue gives the reason's words (``rules``); where it cannot, the learned
span tagger does. Events whose trigger lies in the sentence's reason or in what it
explains are linked; no other event is.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from wirecoder.actors.resolve import MentionIndex
from wirecoder.extensions import register_extensions
from wirecoder.reasons import holders
from wirecoder.reasons.cues import CueHit, find_cues
from wirecoder.reasons.model import judge_many, tag_relation
from wirecoder.reasons.rules import ReasonSpans, spans_for, weak_cue_holds

# Past this a sentence is run-on text (no punctuation, a table): the parse is not worth
# reading for reasons, and the record says so.
MAX_SENTENCE_TOKENS = 150
W_LONG = "[W101] reasons: {n} sentence(s) over {limit} tokens were not read for reasons"


class ReasonFinder:
    """Finds reasons.

    model_only_threshold (float): a sentence with no cue becomes a (cause) reason only
    when the learned sentence model is at least this sure and the span tagger finds both
    a cause and an effect.
    encoder (bool): ask the fine-tuned encoder whether a sentence is causal where the
    linear model is unsure and a weak cue depends on the answer. Off by default: it is
    more accurate (docs/reasons.md) but costs more than the 10% of the pipeline's time
    the component may add. ``wirecoder.load(wirecoder_reasons={"encoder": True})``.
    """

    def __init__(self, nlp: Language, name: str = "wirecoder_reasons", *,
                 model_only_threshold: float = 0.9, encoder: bool = False) -> None:
        register_extensions()
        self.name = name
        self.model_only_threshold = model_only_threshold
        self.encoder = encoder

    def __call__(self, doc: Doc) -> Doc:
        events = list(doc._.wc_events or [])
        quotes = doc._.get("wc_quotes") if Doc.has_extension("wc_quotes") else None
        index = MentionIndex(doc)
        sents = [s for s in doc.sents if len(s) <= MAX_SENTENCE_TOKENS]
        too_long = sum(1 for s in doc.sents if len(s) > MAX_SENTENCE_TOKENS)
        hits = [find_cues(s) for s in sents]
        # The encoder is asked only where its answer can change the outcome: a weak cue in
        # its causal use, which stands only when the sentence is causal; all of the
        # document's such sentences in one batch.
        judged = judge_many(sents, hits, [
            self.encoder and any(not h.cue.strong and weak_cue_holds(h, s) for h in sent_hits)
            for s, sent_hits in zip(sents, hits, strict=True)])
        reasons: list[dict[str, Any]] = []
        for sent, sent_hits, (probability, causal) in zip(sents, hits, judged, strict=True):
            reasons.extend(self._sentence_reasons(sent, sent_hits, probability, causal,
                                                  events, quotes, index))
        for n, reason in enumerate(reasons, 1):
            reason["id"] = f"r{n}"
        doc._.wc_reasons = reasons
        if too_long:
            doc._.wc_warnings = [*(doc._.wc_warnings or []),
                                 W_LONG.format(n=too_long, limit=MAX_SENTENCE_TOKENS)]
        return doc

    def _sentence_reasons(self, sent: Span, hits: list[CueHit], probability: float,
                          causal: bool, events: list[dict[str, Any]],
                          quotes: list[dict[str, Any]] | None,
                          index: MentionIndex) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        taken: set[int] = set()
        for hit in sorted(hits, key=lambda h: (not h.cue.strong, h.start)):
            if not (hit.cue.strong or (causal and weak_cue_holds(hit, sent))):
                continue
            spans = spans_for(hit, sent)
            if spans is None or not spans.reason or taken & set(spans.reason):
                continue
            taken |= set(spans.reason)
            found.append(self._reason(hit.cue.role, hit, spans, sent, events, quotes, index,
                                      probability))
        if not found and not hits and probability >= self.model_only_threshold:
            tagged = tag_relation(sent, hits)
            if tagged.cause and tagged.effect:
                spans = ReasonSpans(
                    [sent.start + i for i in tagged.cause], [sent.start + i for i in tagged.effect],
                    sent.root)
                found.append(self._reason("cause", None, spans, sent, events, quotes, index,
                                          probability))
        return found

    def _reason(self, role: str, hit: CueHit | None, spans: ReasonSpans, sent: Span,
                events: list[dict[str, Any]], quotes: list[dict[str, Any]] | None,
                index: MentionIndex, probability: float) -> dict[str, Any]:
        doc = sent.doc
        first, last = doc[spans.reason[0]], doc[spans.reason[-1]]
        start, end = first.idx, last.idx + len(last.text)
        covered = {doc[i].idx for i in (*spans.reason, *spans.other)}
        explained = [e for e in events
                     if sent.start_char <= e["trigger"]["start"] < sent.end_char
                     and e["trigger"]["start"] in covered]
        report = holders.reporting_verb(doc[spans.reason[0]])
        if role == "justify" and hit is not None and doc[hit.start].dep_ == "advcl":
            # "X claimed ..., saying Y": Y is X's too, whichever verb the parser hangs
            # "saying" on.
            report = holders.saying_verb(doc[hit.start]) or doc[hit.start].head
        speaker = holders.speaker_of(report, index) if report is not None else None
        cited = holders.according_to(sent, index)
        kind = holders.kind_of(role, reported=speaker is not None and role != "effect")
        if kind == "motive":
            cue_token = doc[hit.end - 1] if hit else spans.anchor
            holder = holders.motive_holder(spans.anchor, cue_token, index)
        else:
            holder = speaker or cited
        quote = holders.quote_of((start, end), quotes)
        text = doc[first.i : last.i + 1].text  # Doc.text would be rebuilt per reason
        attribution = holders.attribution_for(explained, (start, end), quotes)
        if not explained and kind == "justification":
            explained = _own_acts_before(sent, holder, events)
        return {
            "id": "",
            "kind": kind,
            "text": text,
            "span": {"start": start, "end": end, "text": text},
            "explains": [e["id"] for e in explained],
            "holder": holder,
            "attribution": attribution,
            # Kept out of the record (serialize drops "_" keys); `wirecoder why` reads them.
            "_sentence": {"start": sent.start_char, "end": sent.end_char, "text": sent.text},
            "_cue": hit.phrase if hit else None,
            "_speculative": kind == "expectation" or holders.is_speculative(list(sent)),
            "_unattributed": bool(quote and quote.get("unattributed")) or (
                quote is None and holder is None and _bare_quotation(sent)),
            "_confidence": round(probability, 3),
        }


# How far back a justification with no act in its own sentence looks for its holder's
# acts: the sentence before and the one before that ("X met Y. X welcomed Y. X claimed
# that ...": the claim is why X did both).
JUSTIFIED_SENTENCES_BACK = 2


def _own_acts_before(sent: Span, holder: dict[str, Any] | None,
                     events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The holder's own acts in the sentences just before a justification whose sentence
    reports none: a speaker who says why, right after the story reports what he did,
    gives the reason for those acts (the explanation relation of discourse). Only acts
    whose source is the same registry entity as the holder: a name alone could be anyone."""
    entity = (holder or {}).get("entity")
    if not entity:
        return []
    doc = sent.doc
    start = sent.start
    for _ in range(JUSTIFIED_SENTENCES_BACK):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    window = (doc[start].idx, sent.start_char)
    return [e for e in events if window[0] <= e["trigger"]["start"] < window[1]
            and any(a.get("entity") == entity for a in e["source"])]


def _bare_quotation(sent: Span) -> bool:
    """A sentence that is all quotation, with no verb of saying: a quote with no speaker
    (the fallback while the sourcing component is absent)."""
    text = sent.text.strip()
    return text[:1] in "“\"" and holders.reporting_verb(sent.root) is None and not any(
        t.lemma_.lower() in holders.REPORT_LEMMAS for t in sent)


@Language.factory(
    "wirecoder_reasons",
    assigns=["doc._.wc_reasons"],
    requires=["doc._.wc_events", "token.dep", "token.lemma"],
    default_config={"model_only_threshold": 0.9, "encoder": False},
)
def make_reason_finder(nlp: Language, name: str, model_only_threshold: float,
                       encoder: bool) -> ReasonFinder:
    return ReasonFinder(nlp, name, model_only_threshold=model_only_threshold, encoder=encoder)
