"""Sourcing: golden tests on the example story, sentences of our own, bad input."""

from __future__ import annotations

import time
from typing import Any

import pytest

import wirecoder
from wirecoder.sourcing.marks import scan_quotes


@pytest.fixture(scope="module")
def record(example_record: Any) -> dict[str, Any]:
    return example_record.to_dict()


def _source(record: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in record["sources"] if name in s["name"])


def _quote_with(record: dict[str, Any], words: str) -> dict[str, Any]:
    return next(q for q in record["quotes"] if any(words in c["text"] for c in q["content"]))


def test_tasnim_affiliation_from_the_text(record: dict[str, Any]) -> None:
    tasnim = _source(record, "Tasnim")
    assert tasnim["type"] == "agency" and tasnim["country"] == "IRN"
    assert tasnim["affiliation"] == "close to the Qods Force"
    assert len(tasnim["mentions"]) == 2


def test_jerusalem_post_report_and_the_report(record: dict[str, Any]) -> None:
    report = _source(record, "Jerusalem Post report")
    assert report["type"] == "report" and report["country"] == "ISR"
    assert [m["text"] for m in report["mentions"]] == ["a Jerusalem Post report", "the report"]
    inside = _quote_with(record, "If Iran moves to consult")
    assert report["id"] in inside["via"] and not inside["unattributed"]


def test_al_arabiya_translation(record: dict[str, Any]) -> None:
    arabiya = _source(record, "Al Arabiya")
    assert arabiya["country"] == "SAU"
    quote = _quote_with(record, "implicated in dozens of attacks")
    assert quote["cue"]["text"] == "according to"
    implicated = next(e for e in record["events"] if e["trigger"]["text"] == "implicated")
    assert arabiya["id"] in implicated["attribution"]["outlets"]
    assert implicated["modality"] == "alleged"


def test_three_unattributed_quotations(record: dict[str, Any]) -> None:
    loose = [q for q in record["quotes"] if q["unattributed"]]
    starts = [q["content"][0]["text"][:20] for q in loose]
    assert starts == ["“The IRGC was alread", "“Although Iran has m", "“It is not far-fetch"]
    assert all(q["speaker"] is None and q["kind"] == "direct" for q in loose)


def test_abbasi_direct_quotes_share_the_event_actor(record: dict[str, Any]) -> None:
    quote = _quote_with(record, "Our approach is to benefit")
    assert quote["kind"] == "direct" and quote["cue"]["text"] == "said"
    assert quote["speaker"]["text"] == "Abbasi"
    # The cue-less quotation after it is his too.
    assert any("We are interested" in c["text"] for c in quote["content"])
    actors = {a["entity"] for e in record["events"] for a in e["source"]}
    assert quote["speaker"]["entity"] in actors


def test_thabet_reza_mixed_quote(record: dict[str, Any]) -> None:
    quote = _quote_with(record, "advice and assistance")
    assert quote["kind"] == "mixed" and quote["cue"]["text"] == "hinted"
    assert quote["speaker"]["text"] == "Iraqi Defense Minister Thabet Reza"
    assert quote["speaker"]["entity"] == _quote_with(record, "Our approach")["speaker"]["entity"]
    assert _source(record, "Tasnim")["id"] in quote["via"]
    assert any("including in the field" in c["text"] for c in quote["content"])


def test_events_carry_attribution(record: dict[str, Any]) -> None:
    met = next(e for e in record["events"] if e["trigger"]["text"] == "discussed")
    assert met["attribution"] is None
    provide = next(e for e in record["events"] if e["trigger"]["text"] == "provide")
    chain = [c["text"] for c in provide["attribution"]["chain"]]
    assert chain == ["Iraqi Defense Minister Thabet Reza", "Tasnim News Agency"]


def test_record_validates(record: dict[str, Any], validator: Any) -> None:
    assert not list(validator.iter_errors(record))


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Turkey will send troops to Syria, the defense minister said.",
         "the defense minister", "said", "Turkey will send troops to Syria"),
        ("The foreign minister told reporters that Iran would not negotiate.",
         "The foreign minister", "told", "that Iran would not negotiate"),
        ("Hezbollah has long said it will retaliate.", "Hezbollah", "has long said",
         "it will retaliate"),
        ("Protesters were killed in Tehran, according to a senior official who asked not "
         "to be named.", "a senior official who asked not to be named", "according to",
         "Protesters were killed in Tehran"),
        # "according to" over a verb that only paraphrases: the one cited says it all.
        ("Clinton plans to visit Charlotte on Sunday, according to a campaign aide.",
         "a campaign aide", "according to", "Clinton plans to visit Charlotte on Sunday"),
        ("The spokesman said: «We will respond.»", "The spokesman", "said:",
         "«We will respond.»"),
        # A cue with its day or its setting (PolNeAR's cue spans take them).
        ("The minister said Friday that Iran would respond.", "The minister", "said Friday",
         "that Iran would respond"),
        ("“We will respond,” the spokesman said in an interview.", "the spokesman",
         "said in an interview", "“We will respond,”"),
        # Cues whose content is an object, a "to" clause or a preposition's object.
        ("Clinton supporters have also questioned the health of Donald Trump.",
         "Clinton supporters", "have also questioned", "the health of Donald Trump"),
        ("Palmieri called on Trump to stop attacking Machado.", "Palmieri", "called on",
         "Trump to stop attacking Machado"),
        ("The governor urged residents to leave the coast.", "The governor", "urged",
         "residents to leave the coast"),
        ("Clinton wants to triple the size of the program.", "Clinton", "wants",
         "to triple the size of the program"),
        ("The candidate proposed dropping the tax break.", "The candidate", "proposed",
         "dropping the tax break"),
        ("Trump complained about his microphone.", "Trump", "complained about",
         "his microphone"),
        ("The senator described the rules as a disaster.", "The senator", "described",
         "the rules as a disaster"),
        ("Caddell went on to discuss the latest polls.", "Caddell", "went on to discuss",
         "the latest polls"),
        ("The union called for new elections.", "The union", "called for", "new elections"),
        # A participle trailing the clause after a comma is the reporter's gloss.
        ("The video shows that he had his hands up, contradicting the police account.",
         "The video", "shows", "that he had his hands up"),
        # A relative object and the quoted name it is given are the speaker's words.
        ("The tax, which the chief executive called “total political crap,” was levied.",
         "the chief executive", "called", "which"),
        # Verbs of judging and of cognition beyond "say" and "think".
        ("Experts suspect the losses were generated by tax breaks.", "Experts", "suspect",
         "the losses were generated by tax breaks"),
        ("The senator lambasted the plan as a giveaway.", "The senator", "lambasted",
         "the plan as a giveaway"),
        ("Anderson largely agreed with McLenny.", "Anderson", "largely agreed with",
         "McLenny"),
        ("PolitiFact rated the claim as false.", "PolitiFact", "rated", "the claim as false"),
        # "said" with what the parser takes for its object.
        ("The developer said many of the examples were misleading.", "The developer", "said",
         "many of the examples were misleading"),
        # A stance stated with "be" and an adjective.
        ("Some Republicans were willing to pass a smaller bill.", "Some Republicans",
         "were willing", "to pass a smaller bill"),
        ("The governor is worried about the cost of the plan.", "The governor",
         "is worried about", "the cost of the plan"),
        # "called X Y" parsed as two predicates.
        ("The senator called the governor a liar.", "The senator", "called",
         "the governor a liar"),
        # The object without the verb's when and where; a one-word name is content.
        ("The senator attacked the governor in early-morning tweets.", "The senator",
         "attacked", "the governor"),
        ("The union endorsed Clinton.", "The union", "endorsed", "Clinton"),
        # "accused of": the passive's subject and what it was accused of are both said.
        ("Prosecutors were accused of hiding evidence.", None, "were accused of",
         "Prosecutors"),
        # A passive cue: its subject is what is said, "by" ends the cue.
        ("The registration issue was first reported by the Arizona Republic.",
         "the Arizona Republic", "was first reported by", "The registration issue"),
        # A noun of saying with a that-clause.
        ("Few took seriously his claim that the election was rigged.", "his", "claim",
         "that the election was rigged"),
        # Speakers as PolNeAR spans them: the comma closing an apposition is theirs, a
        # participle set off by commas is not.
        ("Phil Lovas, the campaign chairman, said the vote was rigged.",
         "Phil Lovas, the campaign chairman,", "said", "the vote was rigged"),
        ("Trump, speaking to a veterans group in Virginia, said the plan was bad.", "Trump",
         "said", "the plan was bad"),
        # "by saying that": the subject of the clause the preposition hangs on.
        ("Dean began by saying he would never diagnose anyone.", "Dean", "saying",
         "he would never diagnose anyone"),
        # "I think" inside a quotation is the speaker's hedge, not an attribution.
        ("“I think we will win,” the senator said.", "the senator", "said",
         "“I think we will win,”"),
        # Evidence states its finding as an object too; a document is not the cue's setting.
        ("The latest poll shows the governor with a lead of five points.", "The latest poll",
         "shows", "the governor with a lead of five points"),
        ("“We will respond,” the spokesman said in a statement.", "the spokesman", "said",
         "“We will respond,”"),
        # A complement clause parsed as an adverbial one; a negated "to" clause.
        ("Trump said after the convention he would not accept the endorsement.", "Trump",
         "said", "he would not accept the endorsement"),
        ("Lawmakers have not said when they would take up the bill.", "Lawmakers",
         "have not said", "when they would take up the bill"),
        ("The secretary general vowed not to repeat that mistake.", "The secretary general",
         "vowed", "not to repeat that mistake"),
        # Judgment verbs (Levin 33) and verbs of regarding with "as" (Levin 29.2).
        ("The senator excoriated the plan as a giveaway to donors.", "The senator",
         "excoriated", "the plan as a giveaway to donors"),
        ("Many farmers see the treaty as a threat to their land.", "Many farmers", "see",
         "the treaty as a threat to their land"),
        # A verb of urging with a mass noun: what is urged, not whom.
        ("The envoy urged restraint on both sides.", "The envoy", "urged",
         "restraint on both sides"),
        # A verb of saying, its hearer and a colon before the quotation.
        ("Senator Lee scolded him: “The science is against you.”", "Senator Lee", "scolded",
         "“The science is against you.”"),
        # Verbs of Levin's conjecture and admire classes.
        ("Few voters understood that the deal had collapsed.", "Few voters", "understood",
         "that the deal had collapsed"),
        ("Many farmers deplore the new tariffs.", "Many farmers", "deplore",
         "the new tariffs"),
        # A dateline before the speaker is not part of the speaker.
        ("WASHINGTON -- President Obama, opening the new museum on Saturday, said it would "
         "tell an American story.", "President Obama", "said",
         "it would tell an American story"),
        # A time set after the subject is the verb's, not the speaker's.
        ("A group of doctors in 2015 said the show was misleading.", "A group of doctors",
         "said", "the show was misleading"),
        ("Trump is once again questioning the integrity of the vote.", "Trump",
         "is once again questioning", "the integrity of the vote"),
    ],
)
def test_sentences(text: str, speaker: str | None, cue: str, content: str) -> None:
    record = wirecoder.code(text).to_dict()
    quote = record["quotes"][0]
    assert (quote["speaker"] and quote["speaker"]["text"]) == speaker
    assert quote["cue"]["text"] == cue
    assert quote["content"][0]["text"] == content


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # A cue with no complement, set off by commas: the rest of the sentence is what
        # was said, in pieces around the source and the cue.
        ("The museum, the curator said, would open in May.", "the curator", "said",
         ["The museum", "would open in May"]),
        ("The truth, the senator said then, was that the talks had failed.", "the senator",
         "said then", ["The truth", "was that the talks had failed"]),
        ("Rules unclear on who qualifies, experts say.", "experts", "say",
         ["Rules unclear on who qualifies"]),
        ("The border will stay closed, as the minister said on Monday.", "the minister",
         "said", ["The border will stay closed"]),
        # A question mark ends the sentence before the cue: the quotation before it.
        ("“Who would have thought this possible?” Trump said, smiling at the crowd.", "Trump",
         "said", ["“Who would have thought this possible?”"]),
        # The next quotation right after the rest of the cue's sentence is the same voice.
        ("“Peace is near,” the envoy told reporters. “We will sign soon.”", "the envoy",
         "told", ["“Peace is near,”", "“We will sign soon.”"]),
        ("“Bad things will happen,” Trump warned in Everett, Wash., recently. “This could be "
         "a Trojan horse.”", "Trump", "warned",
         ["“Bad things will happen,”", "“This could be a Trojan horse.”"]),
        # A verb of saying inside a closed quotation is the speaker's own words, not a cue.
        ("“We must tell the truth,” the mayor said.", "the mayor", "said",
         ["“We must tell the truth,”"]),
        # "described as" after a relative or wh- object: the word and the description.
        ("The blast was caused by what the mayor described as “an intentional act.”",
         "the mayor", "described as", ["what", "“an intentional act.”"]),
        # "added:" and a paragraph set off without quote marks.
        ("The governor added:\n\nIt is typical of her. She knows nothing.\n\nThe end.",
         "The governor", "added:", ["It is typical of her. She knows nothing."]),
        # Verbs of saying that take an object as well as a clause.
        ("The minister noted the rise in prices.", "The minister", "noted",
         ["the rise in prices"]),
        # The quotation's last words parsed as a subject too: the speaker follows the verb.
        ("“We are ready. Fully ready,” said Maria Lopez, a local organizer.",
         "Maria Lopez, a local organizer", "said", ["“We are ready. Fully ready,”"]),
    ],
)
def test_set_off_cues(text: str, speaker: str, cue: str, content: list[str]) -> None:
    quotes = wirecoder.code(text).to_dict()["quotes"]
    assert len(quotes) == 1  # "who would have thought", "must tell" inside a quotation: no cue
    assert quotes[0]["speaker"]["text"] == speaker
    assert quotes[0]["cue"]["text"] == cue
    assert [c["text"] for c in quotes[0]["content"]] == content


def test_restated_inner_attribution_is_dropped() -> None:
    # "she thinks" inside the mayor's words restates the mayor; "the videos show" inside
    # Bamberg's is a step of the chain and stays.
    quotes = wirecoder.code("The mayor said she thinks the video should be released.")
    assert [q["cue"]["text"] for q in quotes.to_dict()["quotes"]] == ["said"]
    quotes = wirecoder.code("Bamberg said the videos show Scott leaving his car.")
    assert [q["cue"]["text"] for q in quotes.to_dict()["quotes"]] == ["said", "show"]


def test_heading_is_no_speaker_label() -> None:
    record = wirecoder.code("The Gap Goes On: It was under his watch that the agency was set up.")
    assert record.to_dict()["quotes"] == []
    quote = wirecoder.code("Poll: Clinton and Trump in dead heat.\n\nThe race is tight.").to_dict()[
        "quotes"][0]
    assert quote["speaker"]["text"] == "Poll" and quote["cue"]["text"] == ":"
    assert [c["text"] for c in quote["content"]] == ["Clinton and Trump in dead heat"]


def test_unrealized_saying_is_no_cue() -> None:
    record = wirecoder.code("The mayor said it was too early to tell whether it was a bomb.")
    assert [q["cue"]["text"] for q in record.to_dict()["quotes"]] == ["said"]
    assert wirecoder.code("Now tell us this is not a witch hunt!").to_dict()["quotes"] == []


def test_question_word_alone_is_no_content() -> None:
    # The writer's own "why?" after a headline's claim is not what the speaker said.
    record = wirecoder.code("Turkey's army expresses readiness to train Syrian rebels... why?")
    quote = record.to_dict()["quotes"][0]
    assert quote["cue"]["text"] == "expresses"
    assert [c["text"] for c in quote["content"]] == ["readiness to train Syrian rebels"]


def test_stance_nouns_with_what_they_are_about() -> None:
    record = wirecoder.code("The governor is a staunch opponent of the death penalty.")
    quote = record.to_dict()["quotes"][0]
    assert quote["speaker"]["text"] == "The governor"
    assert quote["cue"]["text"] == "is a staunch opponent of"
    assert [c["text"] for c in quote["content"]] == ["the death penalty"]
    record = wirecoder.code("Aid workers reported new claims of abuse at the camp.")
    cues = [q["cue"]["text"] for q in record.to_dict()["quotes"]]
    assert cues == ["reported"]  # inside what the aid workers reported: their words
    record = wirecoder.code("His adulation of the general worried many voters.")
    quote = record.to_dict()["quotes"][0]
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == ("His", "adulation of")
    # Who speaks, not what is said: "critics of the plan" is the subject of "say".
    record = wirecoder.code("Critics of the plan say it will fail.")
    assert [q["cue"]["text"] for q in record.to_dict()["quotes"]] == ["say"]


def test_saying_with_an_object_and_a_when_clause_is_no_content() -> None:
    assert wirecoder.code("He said nothing when they arrived.").to_dict()["quotes"] == []


def test_seeing_without_as_is_no_claim() -> None:
    assert wirecoder.code("The fans saw the game in the rain.").to_dict()["quotes"] == []


def test_what_is_displayed_is_no_claim() -> None:
    record = wirecoder.code("Police have a video that shows the explosion.")
    assert record.to_dict()["quotes"] == []


def test_relative_clause_with_its_own_cue_leaves_the_speaker() -> None:
    text = "The mayor, who said the riots were over, told reporters that the curfew would end."
    quotes = wirecoder.code(text).to_dict()["quotes"]
    assert [(q["speaker"]["text"], q["cue"]["text"]) for q in quotes] == [
        ("who", "said"), ("The mayor", "told")]


def test_verb_that_puts_a_noun_of_saying_forward() -> None:
    quote = wirecoder.code("The mayor is raising questions about the budget.").to_dict()[
        "quotes"][0]
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == (
        "The mayor", "is raising questions about")
    # The one who faces questions is not the one who asks them.
    quote = wirecoder.code("The mayor has faced questions about the budget.").to_dict()[
        "quotes"][0]
    assert quote["speaker"] is None and quote["cue"]["text"] == "questions about"


def test_fronted_document_is_the_source() -> None:
    quote = wirecoder.code("In the latest survey, the governor leads by five points.").to_dict()[
        "quotes"][0]
    assert (quote["speaker"]["text"], quote["cue"]["text"]) == ("the latest survey", "In")
    assert [c["text"] for c in quote["content"]] == ["the governor leads by five points"]
    # The interview is where the subject spoke; the clause has a cue of its own anyway.
    quotes = wirecoder.code("In an interview, the governor said the race was close.").to_dict()[
        "quotes"]
    assert [q["cue"]["text"] for q in quotes] == ["said"]


def test_chained_cues_are_one_cue() -> None:
    quotes = wirecoder.code("Republicans wanted to know who else had received immunity.").to_dict()[
        "quotes"]
    assert [(q["cue"]["text"], [c["text"] for c in q["content"]]) for q in quotes] == [
        ("wanted to know", ["who else had received immunity"])]


def test_hearsay_adverb_is_a_cue_without_source() -> None:
    text = "The guard was fired after he allegedly stole a laptop from the office."
    quote = wirecoder.code(text).to_dict()["quotes"][0]
    assert quote["cue"]["text"] == "allegedly" and quote["speaker"] is None
    assert [c["text"] for c in quote["content"]] == ["he", "stole a laptop from the office"]


def test_expected_to_has_no_source() -> None:
    quote = wirecoder.code("The veto is expected to come before Friday.").to_dict()["quotes"][0]
    assert quote["speaker"] is None and quote["cue"]["text"] == "is expected"
    assert [c["text"] for c in quote["content"]] == ["The veto", "to come before Friday"]


def test_seems_is_the_reporters_inference() -> None:
    quote = wirecoder.code("Melania seems to have vanished from the campaign trail.").to_dict()[
        "quotes"][0]
    assert quote["speaker"] is None and quote["cue"]["text"] == "seems"
    assert [c["text"] for c in quote["content"]] == [
        "Melania", "to have vanished from the campaign trail"]


def test_impersonal_stance_is_no_attribution() -> None:
    assert wirecoder.code("It is certain that prices will rise.").to_dict()["quotes"] == []


def test_anonymous_source_and_state_media() -> None:
    record = wirecoder.code(
        "Iranian state TV said the drills would begin on Monday. Three soldiers died, "
        "according to a senior official who asked not to be named.").to_dict()
    types = {s["type"] for s in record["sources"]}
    assert {"state media", "anonymous"} <= types
    state = next(s for s in record["sources"] if s["type"] == "state media")
    assert state["country"] == "IRN"


def test_multi_paragraph_and_unpaired_marks() -> None:
    text = "“First paragraph of it.\n\n“Second and last.” he said.\nShe said “never"
    scan = scan_quotes(text)
    assert len(scan.regions) == 2
    assert len(scan.regions[0].parts) == 2 and not scan.regions[0].unclosed
    assert scan.regions[1].unclosed


@pytest.mark.parametrize(
    "text",
    [
        'He said "yes. She said "no.',
        "“Never closes, the minister said.\n\nNext paragraph.",
        "” stray closer” and ” more",
        "words " * 3000,
        "“" + "word " * 10000 + "” he said.",
        '"' * 101,
    ],
)
def test_bad_input_does_not_crash(text: str) -> None:
    record = wirecoder.code(text).to_dict()
    assert isinstance(record["quotes"], list)


def test_unclosed_quote_is_warned() -> None:
    record = wirecoder.code("The minister said “we will never leave.\n\nThe end.")
    assert any(w.startswith("[W051]") for w in record.warnings)


def test_time_is_linear_in_quote_length(nlp: Any) -> None:
    from wirecoder.sourcing.component import SourcingCoder

    coder = SourcingCoder(nlp)
    docs = []
    for words in (2000, 8000):
        doc = nlp("“" + "word " * words + "” he said. " + "They said it. " * (words // 10),
                  disable=["wirecoder_sourcing"])
        docs.append(doc)
    timings = []
    for doc in docs:
        start = time.perf_counter()
        coder(doc)
        timings.append(time.perf_counter() - start)
    # Four times the text may not cost sixteen times the time (quadratic would).
    assert timings[1] < 10 * max(timings[0], 1e-3)
