"""Phrase -> country and sector: conventions of the agents table and the resolver.

Every case is a phrase as news writes it, resolved by ``wirecoder.resolve_actor``.
"""

from __future__ import annotations

import pytest

import wirecoder


def resolve(phrase: str, date: str | None = "2022-06-01") -> tuple[str | None, str | None]:
    actor = wirecoder.resolve_actor(phrase, date=date)
    assert actor is not None, phrase
    return actor.country, actor.sector


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # PLOVER codes people who protest or dissent as civilians in opposition (CVLOPP):
        # the sector is CVL, CAMEO's OPP stays in the code.
        ("Chilean protesters", "CHL", "CVL"),
        ("pro-democracy activists", None, "CVL"),
        ("student demonstrators", None, "CVL"),
        # The organised opposition is still OPP.
        ("the Venezuelan opposition", "VEN", "OPP"),
        # Common nouns for people and bodies.
        ("Supreme Court justices", None, "JUD"),
        ("foreign aid workers", None, "NGO"),
        ("Afghan tribal elders", "AFG", "CVL"),
        ("striking miners in Peru", "PER", "LAB"),
        ("indigenous leaders in Brazil", "BRA", "CVL"),
        ("Catholic nuns", None, "REL"),
        ("Nigerian health workers", "NGA", "HLH"),
    ],
)
def test_agent_words(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


def test_protester_code_keeps_opposition() -> None:
    actor = wirecoder.resolve_actor("Iranian protesters", date="2022-06-01")
    assert actor is not None and actor.sector == "CVL" and actor.code.startswith("IRNCVL")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # States that no longer exist keep their ISO 3166-3 codes, on any date.
        ("the Soviet Union", "SUN", None),
        ("Soviet troops", "SUN", "MIL"),
        ("the Yugoslav army", "YUG", "MIL"),
        ("East German border guards", "DDR", "MIL"),
        # The end of a state's lifetime makes no former elite of its government.
        ("the Czechoslovak government", "CSK", "GOV"),
        # PETRARCH's GOVLEG bodies are legislatures: LEG, as CAMEO and PLOVER name them.
        ("the US Senate", "USA", "LEG"),
    ],
)
def test_historical_states_and_legislatures(phrase: str, country: str | None,
                                            sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # Government departments and agencies by their own names.
        ("the Home Office", "GBR", "GOV"),
        ("the Justice Department", "USA", "GOV"),
        ("ICE agents", "USA", "COP"),
        ("the Bank of Japan", "JPN", "GOV"),
        # A named department of another country is that country's, not the US one.
        ("Chile's Justice Department", "CHL", "GOV"),
        # Universities and news agencies carry the country they belong to.
        ("Stanford University", "USA", "EDU"),
        ("Tsinghua University researchers", "CHN", "EDU"),
        ("North Korea's KCNA", "PRK", "MED"),
        ("Xinhua", "CHN", "MED"),
    ],
)
def test_named_bodies(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        # Officials of 2015-2025 with dated roles: the office held on the story's date.
        ("Iraqi Prime Minister Haider al-Abadi", "2016-05-01", "IRQ", "GOV"),
        ("Haider al-Abadi", "2020-05-01", "IRQ", "ELI"),
        ("Gen. Mark Milley", "2021-03-01", "USA", "MIL"),
        ("Nirmala Sitharaman", "2018-03-01", "IND", "GOV"),
        # A foreign minister who later held another office keeps the country.
        ("Anita Anand", "2025-06-01", "CAN", "GOV"),
        # Offices left late in 2025: a former elite after the date.
        ("Andriy Yermak", "2025-12-15", "UKR", "ELI"),
        ("Interior Minister Bruno Retailleau", "2025-05-01", "FRA", "GOV"),
    ],
)
def test_dated_officials(phrase: str, date: str, country: str, sector: str) -> None:
    assert resolve(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # People named by origin alone are civilians (PLOVER: ETHNIC_GROUP CVL)...
        ("Thousands of Kenyans", "KEN", "CVL"),
        ("ethnic Hungarians", "HUN", "CVL"),
        ("Bosnian Croats", "BIH", "CVL"),
        ("12 Filipino nationals", "PHL", "CVL"),
        # ...but a bare plural demonym stays the nation.
        ("the Ukrainians", "UKR", None),
        # The opposition's leaders are politicians (OPP), unlike protesters.
        ("Kenyan opposition leaders", "KEN", "OPP"),
        # A person's followers or forces keep their own sector.
        ("Bashar al-Assad's troops", "SYR", "MIL"),
        ("Navalny's opposition movement", "RUS", "OPP"),
        # A state's negotiator is its government; a city's security chief its police.
        ("a French negotiator", "FRA", "GOV"),
        ("Lagos security chief", "NGA", "COP"),
    ],
)
def test_people_and_followers(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


def test_title_before_a_name_outranks_the_registry() -> None:
    # Undated, the registry knows Haniyeh as Hamas's leader (REB); the text says what he
    # was in the story: prime minister.
    actor = wirecoder.resolve_actor("Palestinian Prime Minister Ismail Haniyeh")
    assert actor is not None and (actor.country, actor.sector) == ("PSE", "GOV")
    # Without a title the registry's role stands.
    actor = wirecoder.resolve_actor("Ismail Haniyeh", date="2020-01-01")
    assert actor is not None and actor.sector == "REB"


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # A people split between states gives no country of its own: the modifier or
        # the place does; named with a modifier or a place, they are civilians.
        ("Turkish Kurds", "TUR", "CVL"),
        ("Kurdish fighters", None, "REB"),
        ("Hutu militias in Rwanda", "RWA", "UAF"),
        ("Palestinians in Gaza", "PSE", "CVL"),
    ],
)
def test_peoples_without_a_state(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


def test_people_in_a_sentence_are_civilians() -> None:
    doc = wirecoder.code("Local people in Kandahar protested against the new tax on Monday.")
    sources = [a for e in doc.events for a in e.source]
    assert any(a.sector == "CVL" for a in sources), doc.events


def test_heads_of_international_bodies() -> None:
    # An IGO's head takes its code while in office, his own country before.
    assert resolve("Ngozi Okonjo-Iweala", "2022-06-01") == ("IGO", "BUS")
    actor = wirecoder.resolve_actor("Tedros Adhanom Ghebreyesus", date="2020-03-11")
    assert actor is not None and actor.code == "IGOUNOHLHWHO"
    assert resolve("Tedros Adhanom Ghebreyesus", "2014-01-01") == ("ETH", "GOV")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # Defence ministries are government (GOV), however the country is named.
        ("the Russian Defence Ministry", "RUS", "GOV"),
        ("Turkey's Defense Ministry", "TUR", "GOV"),
        ("Iraqi troops", "IRQ", "MIL"),
        # Groupings of states under their short names.
        ("G7 finance ministers", "IGO", "GOV"),
        ("the G20", "IGO", "BUS"),
        ("the Wagner Group", "RUS", "UAF"),
        ("the Muslim Brotherhood", "EGY", "OPP"),
    ],
)
def test_ministries_and_groupings(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # A generic office belongs to the body named after "of", not to government.
        ("president of the Chamber of Commerce", None, "BUS"),
        ("the head of the Kenyan army", "KEN", "MIL"),
        ("leader of the dockworkers' union", None, "LAB"),
        # An office of a state stays government.
        ("President of Ghana", "GHA", "GOV"),
        # "Secretary general" is an office, not a military rank.
        ("the party's secretary general", None, "GOV"),
    ],
)
def test_offices_of_bodies(phrase: str, country: str | None, sector: str | None) -> None:
    assert resolve(phrase) == (country, sector)


def test_foreign_ministers_beyond_the_g20() -> None:
    assert resolve("Spanish Foreign Minister José Manuel Albares", "2023-01-01") == ("ESP", "GOV")
    # A minister who later held an IGO office takes its code then.
    assert resolve("Didier Reynders", "2021-01-01") == ("IGO", "EUR")
    assert resolve("Didier Reynders", "2018-01-01") == ("BEL", "GOV")


def test_multinationals_have_a_home_state() -> None:
    # CAMEO's MNCUSA: the record's country is a state, the sector business.
    actor = wirecoder.resolve_actor("Microsoft")
    assert actor is not None and (actor.country, actor.sector, actor.code) == (
        "USA", "BUS", "MNCUSA")
    assert resolve("Gazprom") == ("RUS", "BUS")
    assert resolve("Huawei executives") == ("CHN", "BUS")


def test_title_inside_a_registry_alias() -> None:
    # The PETRARCH alias holds the title; undated, the latest role (former elite) would
    # erase the office the story names.
    phrase = "U.S. Secretary of State Warren Christopher"
    assert resolve(phrase, None) == ("USA", "GOV")
    assert resolve("Warren Christopher", None) == ("USA", "ELI")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("JNIM fighters", "MLI", "REB"),
        ("the Jalisco New Generation Cartel", "MEX", "CRM"),
        ("Janjaweed militias", "SDN", "UAF"),
    ],
)
def test_armed_groups_and_cartels(phrase: str, country: str, sector: str) -> None:
    assert resolve(phrase) == (country, sector)


def test_territories_and_corrected_bodies() -> None:
    # PETRARCH's "PSEGZA" is a territory, not a sector: the ministry's own word counts.
    assert resolve("Gaza's health ministry") == ("PSE", "GOV")
    actor = wirecoder.resolve_actor("Gaza")
    assert actor is not None and (actor.country, actor.sector, actor.code) == (
        "PSE", None, "PSEGZA")
    # A body of another state is not the registry's: no entity is claimed for it.
    actor = wirecoder.resolve_actor("the Pakistani Senate")
    assert actor is not None and (actor.country, actor.sector, actor.entity) == (
        "PAK", "LEG", None)


def test_an_office_abroad_takes_its_state() -> None:
    # A Canadian who governed the Bank of England is British government while in office.
    assert resolve("Mark Carney", "2016-01-01") == ("GBR", "GOV")
    assert resolve("Mark Carney", "2025-06-01") == ("CAN", "GOV")


def test_transnational_militants_and_partial_names() -> None:
    # PETRARCH's IMGMUSALQ: a transnational militant group's man is REB, code kept.
    actor = wirecoder.resolve_actor("Ayman al-Zawahiri", date="2015-01-01")
    assert actor is not None and (actor.country, actor.sector) == ("IMG", "REB")
    # A one-word person name that opens a longer unknown name is not that person.
    assert wirecoder.resolve_actor("Abdullah Gul Mohammadi") is None or resolve(
        "Abdullah Gul Mohammadi")[0] != "SAU"
