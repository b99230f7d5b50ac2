"""The sourcing report a person reads (``wirecoder sources FILE``): every claim with who
makes it and through whom, the outlets cited, the quotations with no speaker, and the
share of sentences that carry any attribution."""

from __future__ import annotations

from collections import Counter
from typing import Any

from wirecoder.record import Document


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _chain(items: list[Any]) -> str:
    return " <- ".join(str(i.get("text")) for i in items) if items else "-"


def attributed_share(record: Document) -> tuple[int, int]:
    """(sentences holding any attributed content, sentences): sentences are the text's
    lines and full stops, the same cut for every story."""
    import re

    bounds = [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]?", record.text) if
              m.group().strip()]
    spans = [(c.start, c.end) for q in record.quotes if not q.unattributed for c in q.content]
    hit = sum(1 for a, b in bounds if any(s < b and a < e for s, e in spans))
    return hit, len(bounds)


def render(record: Document) -> str:
    lines = [f"Sourcing report: {record.id or record.title or 'story'}", ""]
    lines.append("Claims and quotations")
    for q in record.quotes:
        who = q.speaker.text if q.speaker else "(no speaker)"
        entity = f" [{q.speaker.name or q.speaker.entity}]" if q.speaker and (
            q.speaker.name or q.speaker.entity) else ""
        cue = q.cue.text if q.cue else "-"
        via = f" via {', '.join(q.via)}" if q.via else ""
        text = " … ".join(c.text for c in q.content)
        lines.append(f"  {q.id} {q.kind:<8} {who}{entity} / {cue}{via}: {_short(text)}")
    lines += ["", "Events and who asserts them"]
    for e in record.events:
        a = e.attribution
        who = "author" if a is None else (
            _chain(a.chain) if a.chain else f"unattributed quotation {a.quote}")
        lines.append(f"  {e.id} {e.cameo} {e.trigger.text!r} ({e.modality}): {who}")
    lines += ["", "Sources cited"]
    counts = Counter({s.id: len(s.mentions) for s in record.sources})
    for s in record.sources:
        extra = ", ".join(x for x in (s.type, s.country, s.affiliation) if x)
        lines.append(f"  {s.id} {s.name} ({extra}): {counts[s.id]} mention(s)")
    lines += ["", "Unattributed quotations"]
    lines += [f"  {q.id}: {_short(' … '.join(c.text for c in q.content))}"
              for q in record.quotes if q.unattributed] or ["  none"]
    hit, total = attributed_share(record)
    share = hit / total if total else 0.0
    lines += ["", f"Sentences with an attribution: {hit} of {total} ({share:.0%})"]
    return "\n".join(lines)
