"""The actor registry: built-in tables, date-dependent codes, user files."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pytest

from wirecoder.actors.registry import (
    ACTORS_DIR,
    ActorEntry,
    Registry,
    Role,
    default_registry,
    load_agents,
)
from wirecoder.errors import WirecoderError


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def lookup(registry: Registry, text: str, kind: str) -> set[str]:
    return {e.id for t, e, k in registry.alias_items() if t == text and k == kind}


def test_loads_from_cache_the_same_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Load time is measured by benchmarks/speed.py, not asserted here; what a test can
    # check is that the cached tables give exactly what parsing gives.
    monkeypatch.setenv("WIRECODER_CACHE", str(tmp_path))
    parsed = Registry.load()
    cached = Registry.load()
    assert any(tmp_path.iterdir())
    assert [e.id for e in cached] == [e.id for e in parsed]
    assert cached.get("irgc") == parsed.get("irgc")


def test_all_un_members_and_observers(registry: Registry) -> None:
    gone = {json.loads(line)["id"]
            for line in (ACTORS_DIR / "historical_states.jsonl").open(encoding="utf-8")}
    countries = [e for e in registry if e.type == "country" and e.id not in gone]
    assert len(countries) == 197
    # States that no longer exist are countries too, under their ISO 3166-3 codes.
    assert {"SUN", "YUG", "CSK", "DDR"} <= gone
    assert registry.country_by_code("SUN") is not None
    rows = [json.loads(line) for line in (ACTORS_DIR / "countries.jsonl").open(encoding="utf-8")]
    # Observers and non-members carry "un_status"; the 193 members do not.
    assert len({r["id"] for r in rows if "un_status" not in r}) == 193
    for iso3 in ("USA", "IRQ", "IRN", "SSD", "PSE", "VAT", "XKX", "TWN"):
        assert registry.country_by_code(iso3) is not None, iso3


def test_demonym_and_capital(registry: Registry) -> None:
    assert lookup(registry, "Iraqi", "demonym") == {"IRQ"}
    assert lookup(registry, "Baghdad", "capital") == {"IRQ"}
    assert lookup(registry, "Nigerien", "demonym") == {"NER"}
    assert lookup(registry, "Jordan", "weak") == {"JOR"}


def test_no_alias_points_to_two_entries(registry: Registry) -> None:
    # The project's own tables must be unambiguous; the PETRARCH-derived ones load first
    # and yield to them (the alias index keeps the last entry that claims an alias).
    owners: dict[str, set[str]] = {}
    for text, entry, _ in registry.alias_items():
        if not entry.id.startswith("petrarch-"):
            owners.setdefault(text, set()).add(entry.id)
    assert {t: o for t, o in owners.items() if len(o) > 1} == {}


def test_irgc_is_iranian_military(registry: Registry) -> None:
    irgc = registry.get("irgc")
    assert irgc is not None
    assert irgc.code_on(date(2024, 1, 1)) == ("IRNMIL", "IRN", "MIL")
    assert "Revolutionary Guards" in irgc.aliases


def test_leader_codes_follow_dates(registry: Registry) -> None:
    salami = registry.get("hossein-salami")
    assert salami is not None
    assert salami.code_on(date(2022, 1, 1)) == ("IRNMIL", "IRN", "MIL")
    # Killed in June 2025: no role after that, so a former elite.
    assert salami.code_on(date(2025, 7, 1)) == ("IRNELI", "IRN", "ELI")
    abbasi = registry.get("thabet-al-abbasi")
    assert abbasi is not None and abbasi.code_on(date(2023, 5, 1))[0] == "IRQGOV"
    taliban = registry.get("taliban")
    assert taliban is not None
    assert taliban.code_on(date(2020, 1, 1))[0] == "AFGREB"
    assert taliban.code_on(date(2022, 1, 1))[0] == "AFGGOV"


def test_igo_codes(registry: Registry) -> None:
    nato = registry.get("nato")
    assert nato is not None and nato.code_on(None)[0] == "IGOWSTNAT"
    un = registry.get("un")
    assert un is not None and un.code_on(None) == ("IGOUNO", "IGO", "UNO")


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '{"id": "irgc", "name": "IRGC", "type": "armed_group", "country": "IRN", "sector": "REB"}\n'
        '{"id": "new-group", "name": "New Group", "type": "armed_group", "aliases": ["NG"]}\n',
        encoding="utf-8",
    )
    registry = Registry.load([user])
    irgc = registry.get("irgc")
    assert irgc is not None and irgc.sector == "REB"
    assert registry.get("new-group") is not None


def test_bad_user_file_names_the_line(tmp_path: Path) -> None:
    user = tmp_path / "bad.jsonl"
    user.write_text(
        '{"id": "ok", "name": "OK", "type": "organization"}\n'
        "\n"
        '{"id": "broken", "name": "Broken", "type": "spaceship"}\n',
        encoding="utf-8",
    )
    with pytest.raises(WirecoderError) as info:
        Registry.load([user])
    assert info.value.code == "E011"
    assert "line 3" in str(info.value) and str(user) in str(info.value)


def test_bad_json_and_bad_dates(tmp_path: Path) -> None:
    user = tmp_path / "bad.jsonl"
    user.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(WirecoderError, match="line 1"):
        Registry.load([user])
    user.write_text(
        '{"id": "p", "name": "P", "type": "person", "roles": [{"start": "2020-13-01"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(WirecoderError, match="line 1: 'start' is not an ISO date"):
        Registry.load([user])


def test_env_var_adds_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "env.jsonl"
    user.write_text('{"id": "env-actor", "name": "Env Actor", "type": "organization"}\n')
    monkeypatch.setenv("WIRECODER_ACTORS", str(user))
    assert Registry.load().get("env-actor") is not None


def test_default_registry_is_cached() -> None:
    assert default_registry() is default_registry()


def test_agents_table() -> None:
    agents = load_agents()
    expected = {
        "defence minister": "GOV", "defense minister": "GOV", "foreign minister": "GOV",
        "president": "GOV", "prime minister": "GOV", "government": "GOV",
        "army": "MIL", "troops": "MIL", "soldiers": "MIL", "commander": "MIL",
        "police": "COP", "rebels": "REB", "militants": "REB", "protesters": "CVL",
        "court": "JUD", "judge": "JUD", "journalist": "MED", "opposition": "OPP",
        "parliament": "LEG", "militia": "UAF",
        # Unidentified armed men: UAF in both CAMEO and PLOVER, singular and plural.
        "gunman": "UAF", "gunmen": "UAF",
        # Faith words give PLOVER's sector REL, or the sector after the religion code.
        "muslim cleric": "REL", "jewish": "REL", "hindu community leaders": "REL",
        "muslim doctors": "HLH",
    }
    for phrase, sector in expected.items():
        assert agents.get(phrase) == sector, phrase


# --- Consistency of the people table ---------------------------------------------------
# A wrong date codes a person with the wrong country or sector on a story's date, which is
# worse than a missing entry, so offices one person holds at a time must not have two
# holders at once. Titles vary by state ("Foreign Secretary", "Secretary of State",
# "External Affairs Minister"), so they are folded into one office per state and sector.
OFFICE_OF_TITLE = {
    **dict.fromkeys(("President", "King", "Queen", "Emir", "Sultan", "Head of state",
                     "Interim President", "President of the Transition",
                     "President of the transition", "Head of state of the transition",
                     "President of the High Transitional Authority",
                     "Palestinian Authority President"), "head of state"),
    **dict.fromkeys(("Prime Minister", "Premier", "Chancellor", "Taoiseach",
                     "Chief Executive", "Chief Adviser", "State Counsellor",
                     "Vice President and Prime Minister",
                     "Palestinian Authority Prime Minister"), "head of government"),
    **dict.fromkeys(("Foreign Minister", "Foreign Secretary", "Secretary of State",
                     "External Affairs Minister", "Acting Foreign Minister"), "foreign"),
    **dict.fromkeys(("Defence Minister", "Defence Secretary", "Secretary of Defense",
                     "Acting Secretary of Defense", "Minister of the Armed Forces",
                     "Secretary of National Defense"), "defence"),
    **dict.fromkeys(("Finance Minister", "Chancellor of the Exchequer", "Treasury Secretary",
                     "Treasurer", "Economy and Finance Minister",
                     "Deputy Prime Minister and Finance Minister"), "finance"),
    **dict.fromkeys(("Interior Minister", "Home Secretary", "Home Minister"), "interior"),
}
# Titles several people hold at once: seats, spokespeople, deputies, co-leaders, members
# of collective bodies, and "opposition leader" used for the leader of any opposition party.
SHARED_TITLE_WORDS = ("member", "senator", "representative", "spokes", "deputy", "vice premier",
                      "co-leader", "opposition", "aide", "war cabinet", "cabinet minister",
                      "candidate", "commander")
HANDOVER = timedelta(days=31)
OPEN_END = date.max


def _office(title: str) -> str | None:
    # "Foreign Minister of Egypt", "Prime Minister (Taliban)": the state is in the role.
    base = title.split(" (")[0]
    for country_suffix in (" of Chad", " of Djibouti", " of Egypt", " of Ethiopia", " of Italy",
                           " of South Korea", " of Estonia", " of Luxembourg", " of Portugal",
                           " of the Netherlands"):
        base = base.removesuffix(country_suffix)
    if any(word in base.lower() for word in SHARED_TITLE_WORDS):
        return None
    return OFFICE_OF_TITLE.get(base, base)


def _own_people(registry: Registry) -> list[ActorEntry]:
    # PETRARCH's imported people carry no titles and overlapping dictionary ranges.
    return [e for e in registry if e.type == "person" and not e.id.startswith("petrarch-")]


def _overlap(a: Role, b: Role) -> timedelta:
    start = max(a.start or date.min, b.start or date.min)
    end = min(a.end or OPEN_END, b.end or OPEN_END)
    return end - start


def test_one_holder_per_office_at_a_time(registry: Registry) -> None:
    holders: dict[tuple, list[tuple[str, Role]]] = {}
    for person in _own_people(registry):
        for role in person.roles:
            office = _office(role.title or "")
            if office and role.start:
                key = (office, role.country, role.sector)
                holders.setdefault(key, []).append((person.id, role))
    clashes = []
    for key, held in holders.items():
        for (a, role_a), (b, role_b) in combinations(held, 2):
            if a != b and _overlap(role_a, role_b) > HANDOVER:
                clashes.append((key, a, str(role_a.start), str(role_a.end),
                                b, str(role_b.start), str(role_b.end)))
    assert clashes == []


def _table_rows(pattern: str = "*.jsonl") -> list[dict]:
    rows = []
    for path in sorted(ACTORS_DIR.glob(pattern)):
        for line in path.open(encoding="utf-8"):
            if line.strip() and not line.lstrip().startswith("#"):
                rows.append(json.loads(line))
    return rows


def test_people_dates_and_ids_are_sound(registry: Registry) -> None:
    # A later entry with the same id replaces the earlier one, so a repeated id silently
    # drops an entry (the PETRARCH tables once lost Lamberto Dini's Italian career so).
    ids = Counter(r["id"] for r in _table_rows() + _table_rows("phoenix/*.jsonl"))
    assert sorted(i for i, n in ids.items() if n > 1) == []
    # A user file replaces an entry by its id, so ids are plain ASCII slugs anyone can
    # type ("lars-lokke-rasmussen", not "lars-lkke-rasmussen" or "beata-szydło"); states
    # go by their ISO 3166 code.
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*|[A-Z]{3}", i)] == []
    dini = registry.get("petrarch-lamberto-dini")
    assert dini is not None and dini.code_on(date(1995, 6, 1))[0] == "ITAGOV"
    # The loader already rejects unparsable dates and ends before starts; this reads
    # every shipped role through it and checks the dates are plausible for news.
    for person in _own_people(registry):
        for role in person.roles:
            for day in (role.start, role.end):
                assert day is None or date(1900, 1, 1) <= day <= date(2026, 12, 31), person.id
            assert not (role.start and role.end and role.end < role.start), person.id


def test_every_person_has_provenance() -> None:
    missing = [r["id"] for r in _table_rows() if r["type"] == "person" and not r.get("source")]
    assert missing == []


def test_no_alias_names_two_people_in_office_together(registry: Registry) -> None:
    # Case-folded, because the resolver matches "PRESIDENT RUTO" as "President Ruto".
    owners: dict[str, list[ActorEntry]] = {}
    for text, entry, _ in registry.alias_items():
        if entry.type == "person" and not entry.id.startswith("petrarch-"):
            owners.setdefault(text.casefold(), []).append(entry)
    clashes = []
    for text, people in owners.items():
        for a, b in combinations(people, 2):
            if a.id != b.id and any(_overlap(ra, rb) > timedelta(0)
                                    for ra in a.roles for rb in b.roles):
                clashes.append((text, a.id, b.id))
    assert clashes == []


@pytest.mark.parametrize(
    ("person", "day", "code"),
    [
        # Left office in 2025: former elites after, office holders before.
        ("andriy-yermak", date(2025, 12, 15), "UKRELI"),
        ("andriy-yermak", date(2025, 6, 1), "UKRGOV"),
        ("bruno-retailleau", date(2025, 11, 1), "FRAELI"),
        ("eric-chu", date(2026, 1, 1), "TWNELI"),
        # Madagascar's transitional head of state 2009-2014, president again from 2019.
        ("andry-rajoelina", date(2012, 1, 1), "MDGGOV"),
        ("andry-rajoelina", date(2016, 1, 1), "MDGELI"),
        # Heads of international bodies keep the national offices before and after.
        ("jens-stoltenberg", date(2025, 6, 1), "NORGOV"),
        ("jens-stoltenberg", date(2020, 6, 1), "IGOWSTNAT"),
        ("antonio-guterres", date(2010, 6, 1), "IGOUNOREFHCR"),
        ("christine-lagarde", date(2009, 6, 1), "FRAGOV"),
    ],
)
def test_offices_left_in_2025_and_earlier_terms(registry: Registry, person: str, day: date,
                                                code: str) -> None:
    entry = registry.get(person)
    assert entry is not None and entry.code_on(day)[0] == code
