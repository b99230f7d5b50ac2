"""The story's answer to *why*: the reasons given for its main events, grouped by who
gives them (``wirecoder why FILE``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc

NO_REASON = "no reason given"


def _side(actor: dict[str, Any]) -> str:
    return actor.get("country") or actor.get("code") or actor.get("text") or "?"


def salient_dyad(events: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The pair of sides (countries, else codes) with the most event confidence."""
    weight: Counter[tuple[str, str]] = Counter()
    for event in events:
        for source in event["source"]:
            for target in event["target"]:
                a, b = _side(source), _side(target)
                if a != b:
                    weight[tuple(sorted((a, b)))] += event["confidence"]  # type: ignore[index]
    if not weight:
        return None
    pair = weight.most_common(1)[0][0]
    return pair[0], pair[1]


def _names(events: list[dict[str, Any]], dyad: tuple[str, str]) -> set[str]:
    """Words that name a side in the story (its actors' texts and canonical names)."""
    names: set[str] = set()
    for event in events:
        for actor in (*event["source"], *event["target"]):
            if _side(actor) in dyad:
                names |= {n for n in (actor.get("name"), actor.get("text")) if n}
    return {n.removesuffix("’s").removesuffix("'s") for n in names if len(n) > 2}


def giver(reason: dict[str, Any]) -> str:
    """Who gives the reason: the attributed speaker or outlet, the holder who states it,
    else the author (a motive the author ascribes) or nobody (a quote with no speaker)."""
    attribution = reason.get("attribution") or {}
    if attribution.get("speaker"):
        return attribution["speaker"]["text"]
    if attribution.get("outlets"):
        return ", ".join(attribution["outlets"])
    if reason.get("_unattributed"):
        return "unattributed quotation"
    if reason["kind"] != "motive" and reason.get("holder"):
        return reason["holder"]["text"]
    return "the author"


def explain(doc: Doc) -> dict[str, Any]:
    """The reasons for the story's main dyad, JSON-ready."""
    events = list(doc._.wc_events or [])
    reasons = list(doc._.wc_reasons or [])
    dyad = salient_dyad(events)
    if dyad is None:
        main_ids: set[str] = set()
        names: set[str] = set()
    else:
        main_ids = {e["id"] for e in events
                    if {_side(a) for a in e["source"]} & set(dyad)
                    and {_side(a) for a in e["target"]} & set(dyad)}
        names = _names(events, dyad)
    groups: dict[str, list[dict[str, Any]]] = {}
    for reason in reasons:
        holder = reason.get("holder") or {}
        relevant = (dyad is None or set(reason["explains"]) & main_ids
                    or _side(holder) in (dyad or ()) if holder else False)
        relevant = relevant or any(n in reason["_sentence"]["text"] for n in names)
        if not relevant:
            continue
        labels = [label for label, on in (("speculative", reason["_speculative"]),
                                          ("unattributed", reason["_unattributed"])) if on]
        groups.setdefault(giver(reason), []).append({
            "id": reason["id"], "kind": reason["kind"], "text": reason["text"],
            "holder": holder.get("text"), "explains": reason["explains"], "labels": labels,
            "sentence": reason["_sentence"]["text"].strip(),
        })
    return {"dyad": list(dyad) if dyad else None, "events": sorted(main_ids, key=_event_order),
            "reasons": groups}


def _event_order(event_id: str) -> int:
    return int(event_id[1:]) if event_id[1:].isdigit() else 0


def format_why(summary: dict[str, Any]) -> str:
    dyad = summary["dyad"]
    lines = [f"main dyad: {' - '.join(dyad)} (events {', '.join(summary['events'])})"
             if dyad else "main dyad: none found"]
    if not summary["reasons"]:
        lines.append(NO_REASON)
    for who, items in summary["reasons"].items():
        lines.append("")
        lines.append(f"according to {who}:")
        for item in items:
            labels = "".join(f" [{label}]" for label in item["labels"])
            holder = f" (holder: {item['holder']})" if item["holder"] else ""
            explains = f" explains {', '.join(item['explains'])}" if item["explains"] else ""
            lines.append(f"  - {item['kind']}{labels}{holder}{explains}: {item['text']}")
            lines.append(f"      sentence: {item['sentence']}")
    return "\n".join(lines)
