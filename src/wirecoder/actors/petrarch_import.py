"""Convert PETRARCH/TABARI actor and agent dictionaries into registry JSONL.

Actor records are a primary phrase, ``+`` synonym lines and tab-indented ``[CODE]`` or
date-restricted ``[CODE >YYMMDD]`` / ``[CODE <YYMMDD]`` / ``[CODE YYMMDD-YYMMDD]`` lines.
Agent lines (``PHRASE {PLURAL} [~CODE]``) are not actors: they are yielded as
``{"kind": "agent", "phrase", "plural", "sector", "code", ...}`` so a caller can route
them to an agent table rather than a registry file (the registry rejects them).

The importer never stops on a bad line: it records why in ``ImportReport.skipped`` and
goes on, since users' dictionaries are hand-edited and decades old.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from wirecoder.actors.registry import DATA_DIR

# NUL and 0x1A occur in Phoenix.Countries.actors.txt (see the reference README); tabs
# are kept because they mark date-restriction lines.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CODE_RE = re.compile(r"\[([^\]]*)\]")
RESTRICTION_RE = re.compile(
    r"^(?P<code>[A-Za-z0-9~]*)\s*(?:(?P<op>[<>])\s*(?P<date>\d{6,8})|"
    r"(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?\s*$"
)
LOWER_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "by", "al", "el", "de"})
# Codes PETRARCH files use alone, meaning "this sector of whatever country".
SECTOR_ONLY = frozenset({
    "ELI", "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "CVL", "BUS", "MED",
    "EDU", "REL", "LAB", "REF", "HLH", "LEG", "UAF", "CRM",
})
# Sector codes a state's entry may carry beyond SECTOR_ONLY: CAMEO's secondary roles and
# PLOVER's additions. Any other three letters after a state are a territory or region.
OTHER_SECTORS = frozenset({
    "AGR", "DEV", "ENV", "HRI", "RAD", "MOD", "INS", "SEP", "UNR", "OCC", "PRE", "SOC",
    "JRN", "UNK", "NGO", "IGO", "MNC", "AMN", "IRC", "GRP",
})
NON_STATE_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", None})
# CAMEO's religion codes; scripts/build_agents.py reads them from here, so the agent
# table and the imported actors agree on which second codes are faiths.
RELIGION_CODES = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "EVA", "HIN",
    "HSD", "ITR", "JAN", "JEW", "JIN", "JHW", "LDS", "MOS", "MAR", "MRN", "MSH", "MUS",
    "OST", "PRO", "QUA", "SFI", "SHI", "SIK", "SUN", "TAO", "UDX", "ZRO",
})
AGENT_RE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")


@dataclass
class ImportReport:
    """What an import produced: entry counts and every skipped line with its reason."""

    path: Path
    entries: int = 0
    agents: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.path}: {self.entries} actors, {self.agents} agents, "
            f"{len(self.skipped)} lines skipped"
        )


def parse_date(text: str) -> date:
    """PETRARCH dates: YYYYMMDD, or YYMMDD with years 00-29 read as 20xx (the files
    were written in the 2010s and name no one born to office after 2029)."""
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < 30 else 1900
        return date(year, int(text[2:4]), int(text[4:]))
    raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")


def phrase_text(raw: str) -> str:
    """``SADDAM_HUSSEIN_`` -> ``Saddam Hussein``. PETRARCH phrases are upper case; title
    case is a guess, but the resolver matches aliases case-insensitively anyway."""
    words = raw.replace("_", " ").split()
    out = []
    for word in words:
        if word.lower() in LOWER_WORDS:
            out.append(word.lower())
        elif word.isupper() and len(word) > 3 and "." not in word:
            out.append(word.title())
        else:
            # Short all-capital words are mostly acronyms (UN, IMF, PKK): kept as they are.
            out.append(word)
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """CAMEO code -> (country, sector); a bare sector (``[ELI]``) has no country."""
    if not code:
        return None, None
    code = code.replace("~", "")
    if code in SECTOR_ONLY:
        return None, code
    country = code[:3] or None
    sector = code[3:6] or None
    # CAMEO's MNCUSA is a multinational based in the US: the record's country is a state
    # (DESIGN: ISO alpha-3 or IGO), so it is the home state, in business (BUS); the full
    # code keeps CAMEO's MNC.
    if country == "MNC" and sector and sector not in SECTOR_ONLY and sector.isalpha():
        country, sector = sector, "BUS"
    # Transnational militant groups (IMG) are armed groups whatever PETRARCH's second
    # code (a region, a faith: "IMGMUSALQ"); a faith elsewhere is PLOVER's REL.
    if country == "IMG" and sector not in SECTOR_ONLY:
        sector = "REB"
    elif sector in RELIGION_CODES:
        sector = "REL"
    # "PSEGZA", "USAPRI", "GBRFLK": a state's territory, not a sector; the full code
    # keeps it. (IGO, NGO and IMG codes go on with the body's own code.)
    if (sector and country not in NON_STATE_COUNTRIES and sector not in SECTOR_ONLY
            and sector not in OTHER_SECTORS):
        sector = None
    # PETRARCH files legislatures and legislators under government (GOVLEG); CAMEO and
    # PLOVER name the legislature a sector of its own, as the project's tables code the
    # Knesset or the Duma.
    if sector == "GOV" and code[6:9] == "LEG":
        sector = "LEG"
    return _iso_codes().get(country, country) if country else None, sector


@cache
def _iso_codes() -> dict[str, str]:
    """CAMEO country code -> ISO alpha-3, where they differ (``data/cameo_country_codes.tsv``)."""
    text = (DATA_DIR / "cameo_country_codes.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return dict(rows[1:])


def strip_comment(line: str) -> str:
    # ";" is the legacy TABARI comment; "#" the Python-style one.
    for mark in (";", "#"):
        line = line.split(mark, 1)[0]
    return line.rstrip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Record:
    line: int
    names: list[str]
    default: str | None = None
    restrictions: list[tuple[str | None, date | None, date | None]] = field(default_factory=list)


def _to_dict(
    record: _Record, source: str, seen: dict[str, int], report: ImportReport
) -> dict[str, Any]:
    name = record.names[0]
    for code, start, end in list(record.restrictions):
        if start and end and end < start:
            # Typos in the dictionaries ("120802" for "130802"); the registry rejects them.
            report.skipped.append((record.line, f"[{code} {start}-{end}] ends before it starts"))
            record.restrictions.remove((code, start, end))
    base = f"petrarch-{_slug(name)}"
    seen[base] = seen.get(base, 0) + 1
    ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
    default = record.default
    undated = [code for code, start, end in record.restrictions if start is None and end is None]
    if default is None and undated:
        # An undated restriction is the default (PETRARCH's README).
        default = undated[-1]
    dated = [r for r in record.restrictions if r[1] is not None or r[2] is not None]
    country, sector = split_code(default)
    if country is None and dated:
        # A person's own country is the one of most of their dated roles; on a tie the
        # earliest listed, their home state before an IGO post (and the same on every
        # run, where a set's order would change with the hash seed).
        countries = [split_code(code)[0] for code, _, _ in dated if split_code(code)[0]]
        country = max(dict.fromkeys(countries), key=countries.count) if countries else None
    out: dict[str, Any] = {
        "id": ident,
        "name": name,
        "type": "person" if dated else _guess_type(default),
        "aliases": list(dict.fromkeys(n for n in record.names[1:] if n != name)),
        "country": country,
        "sector": sector,
    }
    if default and _keeps_code(default):
        out["code"] = default
    if dated:
        roles = []
        for code, start, end in dated:
            role_country, role_sector = split_code(code)
            role: dict[str, Any] = {
                "title": None, "country": role_country, "sector": role_sector,
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
            }
            if code and _keeps_code(code):
                role["code"] = code
            roles.append(role)
        out["roles"] = roles
    out["source"] = f"{source}:{record.line}"
    return out


def _keeps_code(code: str) -> bool:
    """The entry needs its full code: more than country + sector ("USAGOVLEG"), or a
    part the split drops or moves ("MNCUSA", "PSEGZA")."""
    raw = code.replace("~", "")
    if len(raw) > 6:
        return True
    country, sector = split_code(raw)
    iso = _iso_codes().get(raw[:3], raw[:3]) + raw[3:]
    return raw not in SECTOR_ONLY and iso != f"{country or ''}{sector or ''}"


def _guess_type(code: str | None) -> str:
    if not code:
        return "organization"
    country, sector = split_code(code)
    if country == "IGO":
        return "igo"
    if sector in {"REB", "UAF", "INS"}:
        return "armed_group"
    if sector == "PTY":
        return "party"
    if sector in {"MED", "JRN"}:
        return "media"
    if not sector and len(code) == 3 and country not in {"NGO", "MNC", "IMG"}:
        return "country"
    return "organization"


def _read_lines(path: Path) -> Iterator[tuple[int, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = CONTROL_RE.sub("", raw)
        # XML-style comments, possibly spanning lines; PETRARCH only looks for "-->".
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        while "<!--" in line:
            head, tail = line.split("<!--", 1)
            if "-->" in tail:
                line = head + tail.split("-->", 1)[1]
            else:
                line, in_comment = head, True
        yield number, line


def _is_agent_file(path: Path, lines: list[tuple[int, str]]) -> bool:
    if "agent" in path.name.lower():
        return True
    tilde = sum(1 for _, line in lines[:400] if re.search(r"\[~|[A-Z]~\]", line))
    return tilde > 20


def import_petrarch(path: Path, report: ImportReport | None = None) -> Iterator[dict[str, Any]]:
    """Registry-format dicts from a PETRARCH actor or agent dictionary.

    Pass an ``ImportReport`` to learn counts and skipped lines (with reasons).
    """
    path = Path(path)
    report = report if report is not None else ImportReport(path)
    lines = list(_read_lines(path))
    if _is_agent_file(path, lines):
        yield from _import_agents(path, lines, report)
    else:
        yield from _import_actors(path, lines, report)


def _import_actors(
    path: Path, lines: list[tuple[int, str]], report: ImportReport
) -> Iterator[dict[str, Any]]:
    seen: dict[str, int] = {}
    current: _Record | None = None
    # Code-less primary lines directly followed by another primary line are one group
    # ("THE_UNITED_NATIONS_ / UN_ / U.N._ / [IGOUNO]"): they share the next code.
    pending: list[str] = []
    pending_line = 0

    def finish() -> Iterator[dict[str, Any]]:
        nonlocal current
        if current is not None:
            if current.default is None and not current.restrictions:
                report.skipped.append((current.line, f"no code for {current.names[0]!r}"))
            else:
                report.entries += 1
                yield _to_dict(current, path.name, seen, report)
        current = None

    for number, raw in lines:
        if not raw.strip():
            continue
        is_restriction = raw[:1] in "\t " and raw.strip().startswith("[")
        line = strip_comment(raw).strip()
        if not line:
            continue
        if is_restriction or (line.startswith("[") and current is not None):
            if current is None:
                if pending:
                    current = _Record(pending_line, pending)
                    pending = []
                else:
                    report.skipped.append((number, "date restriction with no actor above it"))
                    continue
            for body in CODE_RE.findall(line):
                match = RESTRICTION_RE.match(body.strip())
                if not match:
                    report.skipped.append((number, f"unreadable restriction [{body}]"))
                    continue
                code = match.group("code") or None
                try:
                    if match.group("op") == ">":
                        current.restrictions.append((code, parse_date(match.group("date")), None))
                    elif match.group("op") == "<":
                        current.restrictions.append((code, None, parse_date(match.group("date"))))
                    elif match.group("start"):
                        current.restrictions.append(
                            (code, parse_date(match.group("start")), parse_date(match.group("end")))
                        )
                    else:
                        current.restrictions.append((code, None, None))
                except ValueError as exc:
                    report.skipped.append((number, f"bad date in [{body}]: {exc}"))
            continue
        if line.startswith("+"):
            name = phrase_text(CODE_RE.sub("", line[1:]))
            if not name:
                report.skipped.append((number, "empty synonym"))
            elif current is not None:
                current.names.append(name)
            elif pending:
                pending.append(name)
            else:
                report.skipped.append((number, "synonym with no actor above it"))
            continue
        # A primary phrase: close the previous record.
        codes = CODE_RE.findall(line)
        name = phrase_text(CODE_RE.sub("", line))
        if not name:
            report.skipped.append((number, "no phrase before the code"))
            continue
        if current is not None and current.default is None and not current.restrictions:
            # The previous primary had no code yet: it is part of a synonym group.
            pending = current.names + [name]
            pending_line = current.line
            current = None
        else:
            yield from finish()
            if pending:
                pending.append(name)
            else:
                pending, pending_line = [name], number
        if codes:
            current = _Record(pending_line, pending, default=codes[0].strip() or None)
            pending = []
        else:
            current = _Record(pending_line, pending)
            pending = []
    yield from finish()


def _import_agents(
    path: Path, lines: list[tuple[int, str]], report: ImportReport
) -> Iterator[dict[str, Any]]:
    seen: dict[str, int] = {}
    for number, raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("!"):
            continue
        match = AGENT_RE.match(line)
        if not match:
            report.skipped.append((number, "not an agent line (PHRASE {PLURAL} [~CODE])"))
            continue
        code = match.group("code").strip()
        if "~" not in code:
            report.skipped.append((number, f"agent code {code!r} has no '~'"))
            continue
        phrase = " ".join(match.group("phrase").replace("_", " ").lower().split())
        clean = code.replace("~", "")
        slug = f"agent-{_slug(phrase)}"
        seen[slug] = seen.get(slug, 0) + 1
        report.agents += 1
        yield {
            "kind": "agent",
            "id": slug if seen[slug] == 1 else f"{slug}-{seen[slug]}",
            "phrase": phrase,
            "plural": match.group("plural"),
            "sector": clean[:3],
            "code": clean,
            "position": "prefix" if code.endswith("~") else "suffix",
            "source": f"{path.name}:{number}",
        }


def write_jsonl(records: Iterable[dict[str, Any]], out: Path | TextIO) -> int:
    """Write records one JSON object per line; returns how many were written."""
    count = 0
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            return write_jsonl(records, handle)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
