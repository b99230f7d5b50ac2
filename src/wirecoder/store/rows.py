"""A record -> the rows it adds to each story table (plain dicts, one list per table)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirecoder.record import Actor, Document, Event, Place

# Mentions with these modalities are kept (they are part of what the story says) but never
# become or count towards an event: nothing happened, or it is only a possibility.
UNCOUNTABLE = frozenset({"hypothetical", "negated"})

Rows = dict[str, list[dict[str, Any]]]


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def lead_end(text: str, has_title: bool) -> int:
    """Where the lead ends: the headline (when there is one) and the first paragraph.

    GDELT's IsRootEvent marks events from the lead; a wire story's lead names its news.
    """
    blocks = 2 if has_title else 1
    position = 0
    for _ in range(blocks):
        found = text.find("\n\n", position)
        if found < 0:
            return len(text)
        position = found + 2
    return position


def story_rows(record: Document, key: str, *, origin: str | None = None,
               ingested_at: dt.datetime | None = None) -> Rows:
    """Every row one coded story adds, keyed by table name."""
    published = parse_date(record.published)
    lead = lead_end(record.text, bool(record.title))
    rows: Rows = {name: [] for name in ("stories", "mentions", "actors", "quotes", "sources",
                                        "places", "reasons")}
    rows["stories"].append({
        "story_key": key, "id": record.id, "title": record.title, "published": published,
        "outlet": record.outlet, "url": record.url, "text": record.text, "origin": origin,
        "n_mentions": len(record.events), "warnings": list(record.warnings),
        "ingested_at": ingested_at or dt.datetime.now(dt.UTC).replace(tzinfo=None),
    })
    for position, event in enumerate(record.events):
        mention_id = f"{key[:16]}:{event.id}"
        rows["mentions"].append(_mention_row(event, mention_id, key, position, published,
                                             lead))
        for role, actors in (("source", event.source), ("target", event.target)):
            for rank, actor in enumerate(actors):
                rows["actors"].append(_actor_row(actor, mention_id, key, role, rank))
        speaker = event.attribution.speaker if event.attribution else None
        if speaker is not None:
            rows["actors"].append(_actor_row(speaker, mention_id, key, "speaker", 0))
    for quote in record.quotes:
        rows["quotes"].append({
            "story_key": key, "quote_id": quote.id, "kind": quote.kind,
            "cue_text": quote.cue.text if quote.cue else None,
            "speaker_code": quote.speaker.code if quote.speaker else None,
            "speaker_text": quote.speaker.text if quote.speaker else None,
            "content": [span.text for span in quote.content],
            "unattributed": quote.unattributed, "via": list(quote.via),
        })
    for source in record.sources:
        rows["sources"].append({
            "story_key": key, "source_id": source.id, "name": source.name,
            "type": source.type, "country": source.country, "affiliation": source.affiliation,
            "n_mentions": len(source.mentions),
        })
    for position, place in enumerate(record.places):
        rows["places"].append({"story_key": key, "position": position, "text": place.text,
                               **_place_fields(place), "role": place.role})
    for reason in record.reasons:
        rows["reasons"].append({
            "story_key": key, "reason_id": reason.id, "kind": reason.kind,
            "text": reason.text, "span_start": reason.span.start,
            "span_end": reason.span.end, "explains": list(reason.explains),
            "holder_code": reason.holder.code if reason.holder else None,
            "holder_text": reason.holder.text if reason.holder else None,
        })
    return rows


def _place_fields(place: Place) -> dict[str, Any]:
    return {"name": place.name, "geonameid": place.geonameid, "lat": place.lat,
            "lon": place.lon, "country": place.country, "admin1": place.admin1,
            "precision": place.precision}


def _actor_row(actor: Actor, mention_id: str, key: str, role: str,
               rank: int) -> dict[str, Any]:
    return {
        "mention_id": mention_id, "story_key": key, "role": role, "position": rank,
        "text": actor.text, "code": actor.code, "country": actor.country,
        "sector": actor.sector, "entity": actor.entity, "name": actor.name,
        "span_start": actor.span.start if actor.span else None,
        "span_end": actor.span.end if actor.span else None,
    }


def _side(actors: list[Actor], prefix: str) -> dict[str, Any]:
    # The first actor stands for the side, as in GDELT's Actor1/Actor2; the others are
    # kept in the actors table.
    first = actors[0] if actors else None
    return {
        f"{prefix}_code": first.code if first else None,
        f"{prefix}_country": first.country if first else None,
        f"{prefix}_sector": first.sector if first else None,
        f"{prefix}_name": (first.name or first.text) if first else None,
        f"{prefix}_text": first.text if first else None,
    }


def _mention_row(event: Event, mention_id: str, key: str, position: int,
                 published: dt.date | None, lead: int) -> dict[str, Any]:
    attribution = event.attribution
    place = event.location
    date_start = parse_date(event.date.start) if event.date else None
    return {
        "mention_id": mention_id, "story_key": key, "event_local_id": event.id,
        "position": position, "cameo": event.cameo, "cameo_root": event.cameo[:2],
        "cameo_name": event.cameo_name, "goldstein": event.goldstein,
        "quad_class": event.quad_class, "plover_event": event.plover.event,
        "plover_mode": event.plover.mode, "plover_context": list(event.plover.context),
        **_side(event.source, "source"), **_side(event.target, "target"),
        "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text, "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end, "evidence_text": event.evidence.text,
        "in_lead": event.evidence.start < lead, "modality": event.modality,
        "speaker_code": attribution.speaker.code if attribution and attribution.speaker
        else None,
        "speaker_text": attribution.speaker.text if attribution and attribution.speaker
        else None,
        "attribution_outlets": list(attribution.outlets) if attribution else [],
        "quote_id": attribution.quote if attribution else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_precision": place.precision if place else None,
        "date_start": date_start,
        "date_end": parse_date(event.date.end) if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        # Until a story's events carry their own dates, the publication date stands in:
        # reports of one event appear within a day or two of it.
        "event_date": date_start or published,
        "confidence": event.confidence, "countable": event.modality not in UNCOUNTABLE,
    }
