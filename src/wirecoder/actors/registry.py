"""The actor registry: states, IGOs, armed groups, parties and people, with their codes.

Entries come from JSONL files, one object per line, in one format for the built-in
tables (``wirecoder/data/actors/*.jsonl``), user files and PETRARCH imports. A person's
code depends on the date: ``ActorEntry.code_on`` picks the role active that day.

Loading is plain ``json`` parsing, without validation libraries, because the registry
loads on every pipeline start and must stay well under 0.3 s.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirecoder.cache import cached, file_key
from wirecoder.errors import Errors, WirecoderError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ACTORS_DIR = DATA_DIR / "actors"
AGENTS_FILE = DATA_DIR / "agents.tsv"
ENV_VAR = "WIRECODER_ACTORS"

# "territory": a partially recognised state or breakaway region (Abkhazia, Somaliland),
# coded with the country it is claimed from and PLOVER's sector PRE.
# "ethnic_group": a people whose demonyms give the country most of them live in.
TYPES = frozenset({"country", "igo", "organization", "armed_group", "party", "person", "media",
                   "territory", "ethnic_group"})
ALIAS_KINDS = ("name", "alias", "demonym", "capital", "weak")
FORMER_ELITE = "ELI"


@dataclass(frozen=True)
class Role:
    """One position held between two dates (either may be open)."""

    title: str | None
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    code: str | None = None

    def active_on(self, day: date) -> bool:
        # Both limits count as inside, as in PETRARCH's date restrictions.
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def full_code(self) -> str | None:
        return self.code or join_code(self.country, self.sector)


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    code: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()

    def code_on(self, day: date | None) -> tuple[str | None, str | None, str | None]:
        """(code, country, sector) of this actor on ``day``.

        With roles: the active role (the latest-starting one when several overlap, since
        a new appointment usually supersedes the old); if none is active but one has
        ended, the person is a former elite (country + ``ELI``); before any role began,
        the entry's own country/sector. With no day, the latest role, ended or not: an
        undated story names a person by the office they are known for, and calling every
        past leader a former elite would erase what the story says they did.
        """
        if self.roles and day is None:
            return _role_code(max(self.roles, key=_start_key))
        if self.roles and day is not None:
            active = [r for r in self.roles if r.active_on(day)]
            if active:
                return _role_code(max(active, key=_start_key))
            past = [r for r in self.roles if r.end is not None and r.end < day]
            if past:
                last = max(past, key=lambda r: r.end or date.min)
                country = last.country or self.country
                # A role without a sector is a state's or a body's lifetime, not an
                # office: its end makes no former elite of "the Czechoslovak government".
                if last.sector is None:
                    return join_code(country, self.sector), country, self.sector
                return join_code(country, FORMER_ELITE), country, FORMER_ELITE
        return self.code or join_code(self.country, self.sector), self.country, self.sector


def _start_key(role: Role) -> date:
    return role.start or date.min


def _role_code(role: Role) -> tuple[str | None, str | None, str | None]:
    return role.full_code(), role.country, role.sector


def join_code(country: str | None, sector: str | None) -> str | None:
    if country is None and sector is None:
        return None
    return f"{country or ''}{sector or ''}"


class Registry:
    """All actor entries, with lookups by id, country code and alias."""

    def __init__(self, entries: Sequence[ActorEntry]) -> None:
        self.entries: list[ActorEntry] = []
        self._by_id: dict[str, ActorEntry] = {}
        self._countries: dict[str, ActorEntry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: ActorEntry) -> None:
        """Add or replace an entry: a later file's entry with the same id wins, so a user
        file can correct a built-in one."""
        if entry.id in self._by_id:
            old = self._by_id[entry.id]
            self.entries = [entry if e is old else e for e in self.entries]
        else:
            self.entries.append(entry)
        self._by_id[entry.id] = entry
        if entry.type == "country" and entry.country:
            self._countries[entry.country] = entry

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> Registry:
        """Built-in tables, then files named in ``$WIRECODER_ACTORS``, then ``extra_paths``."""
        # The PETRARCH-derived tables first: the project's own load after them and win
        # any alias or id both give.
        paths = sorted(ACTORS_DIR.glob("phoenix/*.jsonl")) + sorted(ACTORS_DIR.glob("*.jsonl"))
        env = os.environ.get(ENV_VAR, "")
        paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
        paths += [Path(p) for p in extra_paths]
        registry = cls([])
        for path in paths:
            for entry in _read_cached(path):
                registry.add(entry)
        return registry

    def get(self, id: str) -> ActorEntry | None:
        return self._by_id.get(id)

    def country_by_code(self, iso3: str) -> ActorEntry | None:
        return self._countries.get(iso3.upper())

    def alias_items(self) -> Iterator[tuple[str, ActorEntry, str]]:
        """Every (surface text, entry, kind) pair; kind is one of ``ALIAS_KINDS``."""
        for entry in self.entries:
            yield entry.name, entry, "name"
            for alias in entry.aliases:
                if alias != entry.name:
                    yield alias, entry, "alias"
            for demonym in entry.demonyms:
                yield demonym, entry, "demonym"
            for capital in entry.capitals:
                yield capital, entry, "capital"
            for weak in entry.weak_aliases:
                yield weak, entry, "weak"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)


def _read_cached(path: Path) -> list[ActorEntry]:
    """A table's entries; the large built-in ones come parsed from the on-disk cache."""
    if not path.exists() or path.stat().st_size < 500_000:
        return list(read_jsonl(path))
    return cached("actors", file_key(path), lambda: list(read_jsonl(path)))


def _bad(path: Path, line: int, reason: str) -> WirecoderError:
    return WirecoderError("E011", Errors.E011.format(path=path, line=line, reason=reason))


def _parse_date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{field}' must be an ISO date string or null, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{field}' is not an ISO date (YYYY-MM-DD): {value!r}") from None


def _opt_str(obj: dict[str, Any], field: str) -> str | None:
    value = obj.get(field)
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"'{field}' must be a string or null, got {value!r}")


def _str_tuple(obj: dict[str, Any], field: str) -> tuple[str, ...]:
    value = obj.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{field}' must be a list of strings")
    return tuple(v for v in value if v.strip())


def entry_from_dict(obj: Any) -> ActorEntry:
    """One registry entry from a decoded JSON object; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    for field in ("id", "name", "type"):
        if not isinstance(obj.get(field), str) or not obj[field].strip():
            raise ValueError(f"missing or empty '{field}'")
    if obj["type"] not in TYPES:
        raise ValueError(f"'type' {obj['type']!r} is not one of {', '.join(sorted(TYPES))}")
    raw_roles = obj.get("roles") or []
    if not isinstance(raw_roles, list):
        raise ValueError("'roles' must be a list")
    roles = []
    for number, raw in enumerate(raw_roles, 1):
        if not isinstance(raw, dict):
            raise ValueError(f"role {number} is not an object")
        role = Role(
            title=_opt_str(raw, "title"),
            country=_opt_str(raw, "country"),
            sector=_opt_str(raw, "sector"),
            start=_parse_date(raw.get("start"), "start"),
            end=_parse_date(raw.get("end"), "end"),
            code=_opt_str(raw, "code"),
        )
        if role.start and role.end and role.end < role.start:
            raise ValueError(f"role {number} ends ({role.end}) before it starts ({role.start})")
        roles.append(role)
    return ActorEntry(
        id=obj["id"],
        name=obj["name"],
        type=obj["type"],
        aliases=_str_tuple(obj, "aliases"),
        country=_opt_str(obj, "country"),
        sector=_opt_str(obj, "sector"),
        wikidata=_opt_str(obj, "wikidata"),
        roles=tuple(roles),
        code=_opt_str(obj, "code"),
        demonyms=_str_tuple(obj, "demonyms"),
        capitals=_str_tuple(obj, "capitals"),
        weak_aliases=_str_tuple(obj, "weak_aliases"),
    )


def read_jsonl(path: Path) -> Iterator[ActorEntry]:
    """Entries of one registry file; a bad line raises E011 naming file and line."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise WirecoderError("E009", Errors.E009.format(path=path)) from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _bad(path, number, f"invalid JSON ({exc.msg})") from None
            try:
                yield entry_from_dict(obj)
            except ValueError as exc:
                raise _bad(path, number, str(exc)) from None


def load_agents(path: Path = AGENTS_FILE) -> dict[str, str]:
    """Agent phrase (lowercase) -> sector code, from the agents table."""
    return dict(_load_agents_cached(path))


@lru_cache(maxsize=4)
def _load_agents_cached(path: Path) -> tuple[tuple[str, str], ...]:
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("phrase\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[0]:
                pairs.append((fields[0], fields[1]))
    return tuple(pairs)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of built-in tables plus ``$WIRECODER_ACTORS``, loaded once."""
    return Registry.load()
