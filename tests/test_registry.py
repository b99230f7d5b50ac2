"""The actor registry: built-in tables, date-dependent codes, user files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirecoder.actors.registry import ACTORS_DIR, Registry, default_registry, load_agents
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
