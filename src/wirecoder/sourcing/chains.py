"""Reporting chains and event attribution.

A quote's chain runs from the original speaker outward to the outlet nearest the author:
its speaker, the documents and outlets it came through ("according to a translation by
Al Arabiya"), then the chain of any quotation that holds its cue ("Al Arabiya, citing a
report by X, said Y told Z" puts Z's words under Y, under X's report, under Al Arabiya).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from wirecoder.sourcing.sources import SourceTable


def _source_items(source_id: str, table: SourceTable) -> list[dict[str, Any]]:
    source = table.get(source_id)
    items = [{"role": source["type"], "text": source["name"], "source": source_id}]
    if source.get("_outlet"):
        outlet = table.get(source["_outlet"])
        items.append({"role": outlet["type"], "text": outlet["name"], "source": outlet["id"]})
    return items


def _enclosing(quote: dict[str, Any], quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    if quote["cue"] is None:
        return None
    at = quote["cue"]["start"]
    best = None
    for other in quotes:
        if other is quote:
            continue
        for part in other["content"]:
            if part["start"] <= at < part["end"] and (
                best is None or part["end"] - part["start"] < best[1]
            ):
                best = (other, part["end"] - part["start"])
    return best[0] if best else None


def build_chains(quotes: list[dict[str, Any]], table: SourceTable) -> None:
    own: dict[str, list[dict[str, Any]]] = {}
    for quote in quotes:
        items: list[dict[str, Any]] = []
        speaker = quote["speaker"]
        seen: set[str] = set()
        for source_id in quote["via"]:
            for item in _source_items(source_id, table):
                if item["source"] not in seen:
                    seen.add(item["source"])
                    items.append(item)
        speaker_is_source = bool(quote["via"]) and speaker is not None and any(
            m["start"] <= speaker["span"]["start"] < m["end"]
            for m in table.get(quote["via"][0])["mentions"]
        )
        if speaker is not None and not speaker_is_source:
            items.insert(0, {"role": "speaker", "text": speaker["text"], "source": None})
        own[quote["id"]] = items
    for quote in quotes:
        chain = list(own[quote["id"]])
        outer = _enclosing(quote, quotes)
        hops = 0
        while outer is not None and hops < 5:
            chain.extend(own[outer["id"]])
            outer = _enclosing(outer, quotes)
            hops += 1
        quote["_chain"] = chain
        quote["_outlets"] = list(dict.fromkeys(i["source"] for i in chain if i["source"]))


def attribute_events(events: list[dict[str, Any]], quotes: list[dict[str, Any]],
                     doc: Doc) -> None:
    """Each event's attribution: null when the author asserts it, else the innermost
    quote whose content holds its trigger."""
    for event in events:
        at = event["trigger"]["start"]
        best = None
        for quote in quotes:
            for part in quote["content"]:
                size = part["end"] - part["start"]
                if part["start"] <= at < part["end"] and (best is None or size < best[1]):
                    best = (quote, size)
        if best is None:
            event["attribution"] = None
            continue
        quote = best[0]
        speaker = quote["speaker"]
        event["attribution"] = {
            "speaker": speaker,
            "outlets": quote["_outlets"],
            "chain": quote["_chain"],
            "quote": quote["id"],
        }
        if event.get("modality") == "asserted" and (speaker is not None or quote["via"]):
            event["modality"] = "reported"
