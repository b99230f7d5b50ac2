"""Places: gazetteer, resolution in context, metonyms, event locations, bad input."""

from __future__ import annotations

import time
from collections import Counter

import pytest

import wirecoder
from wirecoder.places.gazetteer import _rows, cities, fold, gazetteer, towns_in
from wirecoder.places.resolve import choose, lookup


def _places(text: str) -> list[dict]:
    return wirecoder.code(text).model_dump()["places"]


def test_gazetteer_loads_fast_and_keeps_cities() -> None:
    # Load time is a benchmark figure (benchmarks/speed.py), not a test assertion.
    gazetteer.cache_clear()
    gaz = gazetteer()
    assert "Baghdad" in cities()
    assert gaz.countries["IRQ"].geonameid == 99237


def test_every_alias_resolves() -> None:
    gaz = gazetteer()
    for alias, _target, _country, _kind in _rows("aliases.tsv"):
        assert fold(alias) in gaz.exact, alias


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Hodeidah", "YEM", "city"), ("Al Hudaydah", "YEM", "city"), ("Arbil", "IRQ", "city"),
    ("Erbil", "IRQ", "city"), ("Kiev", "UKR", "city"), ("Kyiv", "UKR", "city"),
    ("Jurf al-Sakhar", "IRQ", "city"), ("Darfur", "SDN", "region"),
    ("West Bank", "PSE", "region"), ("Middle East", "", "region"), ("U.K.", "GBR", "country"),
    ("W.Va.", "USA", "admin1"), ("Baghdad", "IRQ", "city"), ("Sichuan", "CHN", "admin1"),
])
def test_lookup(name: str, country: str, kind: str) -> None:
    cand = choose(lookup(gazetteer(), name), Counter(), set())
    assert cand is not None and (cand.country, cand.kind) == (country, kind)


def test_context_country_decides() -> None:
    found = lookup(gazetteer(), "Tripoli")
    assert choose(found, Counter(), set()).country == "LBY"
    assert choose(found, Counter({"LBN": 2}), set()).country == "LBN"


def test_facility_approximated_by_city() -> None:
    record = wirecoder.code("Iranian-backed militias launched rocket attacks on US forces, "
                            "including Erbil Airport, on Tuesday.").model_dump()
    erbil = [p for p in record["places"] if p["text"] == "Erbil Airport"]
    assert erbil and erbil[0]["country"] == "IRQ" and erbil[0]["precision"] == "facility"


def test_qualified_name() -> None:
    places = _places("Clashes erupted in Tripoli, Lebanon, where gunmen attacked an army post.")
    tripoli = [p for p in places if p["text"] == "Tripoli"]
    assert tripoli and tripoli[0]["country"] == "LBN"


def test_metonym_is_not_a_place() -> None:
    places = _places("Washington said it would impose new sanctions.")
    assert not [p for p in places if p["text"] == "Washington" and p["role"] != "focus"]
    doc = wirecoder.load()("Washington said it would impose new sanctions.")
    kinds = {p["text"]: p["kind"] for p in doc._.wc_places if p["start"] is not None}
    assert kinds.get("Washington") == "metonym"


def test_demonym_counts_for_focus_only() -> None:
    record = wirecoder.code("Iraqi officials met in the capital on Monday.").model_dump()
    assert not [p for p in record["places"] if p["text"] == "Iraqi"]
    assert [p for p in record["places"] if p["role"] == "focus" and p["country"] == "IRQ"]


def test_event_location_from_clause() -> None:
    record = wirecoder.code(
        "The foreign ministers agreed to new talks during a meeting in Iran.").model_dump()
    located = [e["location"] for e in record["events"] if e["location"]]
    assert located and located[0]["country"] == "IRN" and located[0]["precision"] == "country"


def test_unknown_and_misspelt_names_do_not_crash() -> None:
    record = wirecoder.code("Fighting spread from Bagdhad to Qwertyville and Zzyzxland.")
    assert record.text


def test_many_place_names_time_is_linear() -> None:
    names = [c for c in list(cities())[:2000] if c.isalpha()]
    def story(n: int) -> str:
        return " ".join(f"Troops moved into {name}." for name in names[:n])
    nlp = wirecoder.load()
    nlp(story(50))
    started = time.perf_counter()
    small = nlp(story(100))
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    big = nlp(story(500))
    t_big = time.perf_counter() - started
    assert len(big._.wc_places) > len(small._.wc_places)
    assert t_big < 10 * t_small + 1.0


def test_town_of_a_region_the_story_names() -> None:
    places = _places("Police in Glasgow, Kentucky, arrested two men on Monday. The Glasgow "
                     "police chief said the Barren County sheriff helped.")
    glasgow = [p for p in places if p["text"] == "Glasgow"]
    assert glasgow and all(p["country"] == "USA" and p["admin1"] == "Kentucky" for p in glasgow)
    county = [p for p in places if p["text"] == "Barren County"]
    assert county and county[0]["precision"] == "county"


def test_same_named_regions_and_bare_directions() -> None:
    gaz = gazetteer()
    assert choose(lookup(gaz, "Florida"), Counter(), set()).country == "USA"
    assert choose(lookup(gaz, "Georgia"), Counter({"USA": 3}), set()).country == "USA"
    assert not lookup(gaz, "Western").candidates
    assert not lookup(gaz, "Atlantic Avenue").candidates
    part = lookup(gaz, "Honolulu Star-Advertiser")
    assert part.partial and choose(part, Counter(), set()).country == "USA"


def test_place_in_an_outlet_name_is_not_a_place() -> None:
    text = ("According to a Jerusalem Post report, the IRGC's training of the Iraqi army "
            "will complicate U.S. support for Iraqi forces in Basra.")
    doc = wirecoder.load()(text)
    kinds = {p["text"]: p["kind"] for p in doc._.wc_places if p["start"] is not None}
    assert kinds.get("Jerusalem") == "embedded"
    assert kinds.get("Basra") == "place"
    record = wirecoder.code(text).model_dump()
    assert not [p for p in record["places"] if p["name"] == "Jerusalem"]
    assert not [e for e in record["events"]
                if e["location"] and e["location"]["name"] == "Jerusalem"]


def test_demonym_tagged_as_place_and_registry_country() -> None:
    doc = wirecoder.load()("The colt ended Emirati handler Saeed bin Suroor's run. "
                           "KAZAKH INVEST designed the plan.")
    found = {p["text"]: (p["kind"], p["country"]) for p in doc._.wc_places
             if p["start"] is not None}
    assert found.get("Emirati") == ("demonym", "ARE")
    assert found.get("KAZAKH", (None, None))[1] == "KAZ"


def test_small_place_from_the_story_country() -> None:
    # Neither name is in the city table: a town of the story's country, then the focus.
    places = _places("Police in Germany said the fire at the Visbek plant was put out. "
                     "Officers closed Lindenstrasse Parade in Visbek, Germany, on Monday.")
    visbek = [p for p in places if p["text"] == "Visbek"]
    assert visbek and visbek[0]["country"] == "DEU" and visbek[0]["precision"] == "city"


def test_metropolis_beats_a_small_namesake_in_a_context_country() -> None:
    gaz = gazetteer()
    assert choose(lookup(gaz, "Paris"), Counter({"USA": 3}), set()).country == "FRA"
    assert choose(lookup(gaz, "Rome"), Counter({"USA": 2}), set()).country == "ITA"
    # A namesake of similar size: the context still decides.
    assert choose(lookup(gaz, "Cambridge"), Counter({"USA": 2}), set()).country == "USA"


def test_subcontinental_regions_seas_and_shared_abbreviations() -> None:
    gaz = gazetteer()
    north = choose(lookup(gaz, "North Africa"), Counter(), set())
    assert north is not None and north.name == "North Africa" and north.country == ""
    pacific = choose(lookup(gaz, "Pacific Ocean"), Counter(), set())
    assert pacific is not None and pacific.kind == "region"
    wa = lookup(gaz, "WA")
    assert choose(wa, Counter({"AUS": 2}), set()).country == "AUS"
    assert choose(wa, Counter({"USA": 2}), set()).country == "USA"


def test_bare_direction_is_not_placed_at_the_focus() -> None:
    doc = wirecoder.load()("Moscow said the West would regret its sanctions on Russia.")
    west = [p for p in doc._.wc_places if p["text"] == "West"]
    assert not west or not west[0]["resolved"]


def test_entity_extended_to_the_whole_name() -> None:
    places = _places("Work on the Tijuana River in Baja California will start in 10 days. "
                     "Tickets are sold in Washington, D.C., and the U.S. Virgin Islands.")
    by_text = {p["text"]: p for p in places if p["role"] == "mention"}
    assert by_text["Baja California"]["country"] == "MEX"
    assert by_text["U.S. Virgin Islands"]["country"] == "VIR"


def test_capital_dateline_beats_a_town_of_a_named_region() -> None:
    places = _places("WASHINGTON (RNS) Evangelical leaders in Pennsylvania and North "
                     "Carolina met on Monday.")
    dateline = [p for p in places if p["text"] == "WASHINGTON"]
    assert dateline and dateline[0]["geonameid"] == 4140963


def test_region_demonyms_and_places_inside_organisation_names() -> None:
    doc = wirecoder.load()("The Washington Post said European leaders and Latin American "
                           "envoys met. Pakistan Army engineers built the road, and the "
                           "Georgian Ministry of Defence agreed.")
    found = {p["text"]: (p["kind"], p["name"], p["country"]) for p in doc._.wc_places
             if p["start"] is not None}
    assert found["European"] == ("demonym", "Europe", "")
    assert found["Latin American"] == ("demonym", "Latin America", "")
    assert found["Pakistan"] == ("embedded", "Pakistan", "PAK")
    assert found["Washington"][0] == "embedded"
    assert found["Georgian"][0] == "demonym"
    record = wirecoder.code(doc.text).model_dump()
    assert not [p for p in record["places"] if p["role"] == "mention"
                and p["text"] in ("Pakistan", "Washington", "European")]


def test_town_of_a_named_region_yields_to_its_own_capital() -> None:
    gaz = gazetteer()
    found = lookup(gaz, "Washington")
    town = towns_in("USA", "PA", "washington")
    assert town
    found.candidates.extend((t, True) for t in town)
    assert choose(found, Counter({"USA": 3}), {("USA", "PA")}).geonameid == 4140963


def test_town_found_in_one_country_only_when_the_story_names_none() -> None:
    places = _places("Police closed the road in Coggeshall on Tuesday after a crash.")
    town = [p for p in places if p["text"] == "Coggeshall"]
    assert town and town[0]["country"] == "GBR"


def test_city_the_tagger_calls_an_organisation() -> None:
    doc = wirecoder.load()("Edmonton needs to start eating its vegetables, the report said.")
    found = {p["text"]: p["country"] for p in doc._.wc_places if p["start"] is not None}
    assert found.get("Edmonton") == "CAN"


def test_dateline_in_capitals() -> None:
    doc = wirecoder.load()("By Peter Goffin.\n\nWINNIPEG \u2014 The opposition spoke on Monday.")
    found = {p["text"]: p["country"] for p in doc._.wc_places if p["start"] is not None}
    assert found.get("WINNIPEG") == "CAN"
    doc = wirecoder.load()("BREAKING NEWS: a storm hit the coast.")
    assert not [p for p in doc._.wc_places if p["start"] is not None]


def test_county_an_organisation_is_named_after() -> None:
    doc = wirecoder.load()("The Plymouth County Sheriff's Office in Iowa received a report.")
    found = {p["text"]: (p["kind"], p["precision"]) for p in doc._.wc_places
             if p["start"] is not None}
    assert found.get("Plymouth County") == ("embedded", "county")


def test_place_a_site_is_named_after_locates_events() -> None:
    record = wirecoder.code("A bomb exploded at the University of Baghdad on Monday, "
                            "killing three students.").model_dump()
    assert [p for p in record["places"] if p["name"] == "Baghdad" and p["role"] == "event"]


def test_name_listed_with_organisations_is_one() -> None:
    doc = wirecoder.load()("Iran has militias in Iraq, operating through the Hezbollah, Badr, "
                           "and Asaib Ahl al-Haq brigades. NATO and Tunis signed a deal.")
    found = {p["text"] for p in doc._.wc_places if p["start"] is not None}
    assert "Badr" not in found and {"Iran", "Iraq", "Tunis"} <= found
