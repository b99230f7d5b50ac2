"""The record: one JSON object per story (DESIGN.md section 3), as typed models.

Field names are a contract other tools read: add fields, never rename them. The JSON
Schema (``wirecoder schema``) is generated from these models.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal[
    "asserted", "reported", "intended", "hypothetical", "negated", "historical", "alleged"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


class Span(_Model):
    start: int = Field(description="Character offset into the story text.")
    end: int
    text: str


class Actor(_Model):
    text: str
    span: Span | None = None
    code: str | None = Field(None, description="CAMEO-style code: country + sector, e.g. IRQGOV.")
    country: str | None = Field(None, description="ISO 3166 alpha-3, or an IGO code.")
    sector: str | None = Field(None, description="GOV MIL REB COP PTY ... (CAMEO/PLOVER).")
    entity: str | None = Field(None, description="Registry id.")
    name: str | None = Field(None, description="Canonical name.")


class Place(_Model):
    text: str
    span: Span | None = None
    name: str
    geonameid: int | None = None
    lat: float
    lon: float
    country: str
    admin1: str | None = None
    precision: str


class When(_Model):
    start: str
    end: str
    precision: Literal["day", "week", "month", "year", "range"]
    text: str


class Plover(_Model):
    event: str | None
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class Attribution(_Model):
    speaker: Actor | None = None
    outlets: list[str] = Field(default_factory=list)
    chain: list[Any] = Field(default_factory=list)
    quote: str | None = None


class Event(_Model):
    id: str
    cameo: str
    cameo_name: str
    goldstein: float | None
    quad_class: int = Field(ge=1, le=4, description="GDELT QuadClass.")
    plover: Plover
    source: list[Actor]
    target: list[Actor]
    trigger: Span
    evidence: Span
    modality: Modality = "asserted"
    attribution: Attribution | None = Field(None, description="null: the author's own claim.")
    location: Place | None = None
    date: When | None = None
    confidence: float = Field(ge=0.0, le=1.0)


class Quote(_Model):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    cue: Span | None = None
    speaker: Actor | None = None
    content: list[Span]
    unattributed: bool
    via: list[str] = Field(default_factory=list)


class Source(_Model):
    id: str
    name: str
    type: str
    country: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class DocPlace(Place):
    role: Literal["event", "mention", "focus"]


class Reason(_Model):
    id: str
    kind: Literal["motive", "justification", "cause", "consequence", "expectation"]
    text: str
    span: Span
    explains: list[str] = Field(default_factory=list)
    holder: Actor | None = None
    attribution: Attribution | None = None


class Document(_Model):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    text: str
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    places: list[DocPlace] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The record's JSON Schema (draft 2020-12)."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "wirecoder record"
    return schema
