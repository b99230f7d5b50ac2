"""Reasons: the golden example, the record contract, the models, the scorer, bad input."""

from __future__ import annotations

import time
from typing import Any

import pytest

from wirecoder.reasons.cnc import parse_tagged
from wirecoder.reasons.scoring import binary_scores, span_scores


def _reason(record: Any, kind: str, words: str) -> Any:
    """The reason of ``kind`` whose span overlaps the passage ``words`` of the story."""
    start = record.text.index(words)
    end = start + len(words)
    found = [r for r in record.reasons if r.kind == kind
             and r.span.start < end and start < r.span.end]
    assert found, f"no {kind} over {words!r}: " + "; ".join(
        f"{r.kind}: {r.text}" for r in record.reasons)
    return found[0]


def _attribution_if_sourced(record: Any, reason: Any) -> Any:
    """Attribution is asserted only where the sourcing component attributed the passage."""
    return reason.attribution if record.quotes or record.sources else None


def test_motive_of_iran(example_record: Any) -> None:
    reason = _reason(example_record, "motive", "expanding its influence in Iraq")
    assert reason.holder is not None and reason.holder.country == "IRN"
    assert reason.attribution is None  # the author's own reading


def test_justification_by_salami(example_record: Any) -> None:
    reason = _reason(example_record, "justification", "seeking to “control” and divide Iraq")
    assert reason.holder is not None and reason.holder.country == "IRN"
    assert "commander" in reason.holder.text.lower() or "Salami" in reason.holder.text
    attribution = _attribution_if_sourced(example_record, reason)
    if attribution is not None:
        assert attribution.speaker is not None or attribution.outlets


def test_consequence_from_the_jerusalem_post(example_record: Any) -> None:
    reason = _reason(example_record, "consequence", "will complicate U.S. support")
    assert reason.holder is not None and "Jerusalem Post" in reason.holder.text
    # The IRGC's training of the Iraqi army (the cause) is among the events it explains.
    explained = [e for e in example_record.events if e.id in reason.explains]
    assert any("training" in e.trigger.text for e in explained)
    assert not any("withdrawal" in e.trigger.text for e in explained)


def test_expectation_without_speaker(example_record: Any) -> None:
    reason = _reason(example_record, "expectation", "Iran plans to fill the vacuum")
    assert reason.holder is None


def test_explained_events_lie_in_the_reasons_sentence(example_record: Any) -> None:
    events = {e.id: e for e in example_record.events}
    for reason in example_record.reasons:
        for event_id in reason.explains:
            event = events[event_id]
            if event.evidence.start <= reason.span.start < event.evidence.end:
                continue
            # Else a justification of its holder's own acts reported just before it.
            assert reason.kind == "justification" and event.trigger.start < reason.span.start
            assert reason.holder is not None and reason.holder.entity is not None
            assert any(a.entity == reason.holder.entity for a in event.source)


def test_salamis_justification_explains_his_acts(example_record: Any) -> None:
    reason = _reason(example_record, "justification", "seeking to “control” and divide Iraq")
    explained = [e for e in example_record.events if e.id in reason.explains]
    assert explained, "the justification explains no event"
    assert {e.trigger.text for e in explained} & {"discussed", "welcomed", "enhancing"}
    assert all(a.entity == "hossein-salami" for e in explained for a in e.source)


def test_a_justification_explains_the_speakers_own_acts_before_it(nlp: Any) -> None:
    said = "claimed that foreign powers are seeking to divide Iraq."
    met = "Hossein Salami met the Iraqi defence minister in Tehran on Sunday. "
    doc = nlp(met + "Salami " + said)
    meeting = [e["id"] for e in doc._.wc_events if e["trigger"]["text"] == "met"]
    justification = [r for r in doc._.wc_reasons if r["kind"] == "justification"]
    assert meeting and justification and justification[0]["explains"] == meeting
    # Someone else's justification is not a reason for Salami's meeting.
    doc = nlp(met + "Ali Khamenei " + said)
    assert [r["explains"] for r in doc._.wc_reasons if r["kind"] == "justification"] == [[]]


def test_spans_match_the_text(example_record: Any) -> None:
    for reason in example_record.reasons:
        assert example_record.text[reason.span.start:reason.span.end] == reason.text
        assert reason.id.startswith("r")


def test_why_groups_by_giver(nlp: Any, example_text: str) -> None:
    from wirecoder.api import make_doc
    from wirecoder.ingest import story_from_text
    from wirecoder.reasons.why import explain, format_why

    summary = explain(nlp(make_doc(story_from_text(example_text))))
    assert set(summary["dyad"]) == {"IRN", "IRQ"}
    givers = set(summary["reasons"])
    assert "the author" in givers
    assert any("Jerusalem Post" in g for g in givers)
    assert "unattributed quotation" in givers or any(
        "unattributed" in item["labels"] for items in summary["reasons"].values()
        for item in items)
    assert "expectation [speculative" in format_why(summary)


def test_no_reason_given(nlp: Any) -> None:
    from wirecoder.api import make_doc
    from wirecoder.ingest import story_from_text
    from wirecoder.reasons.why import NO_REASON, explain, format_why

    text = "Iraqi Prime Minister Mohammed Shia al-Sudani met Iranian President Masoud " \
           "Pezeshkian in Baghdad on Tuesday."
    summary = explain(nlp(make_doc(story_from_text(text))))
    assert summary["reasons"] == {}
    assert NO_REASON in format_why(summary)


@pytest.mark.parametrize("text", [
    "because " * 400,
    "to " * 600,
    "Protesters marched because " + "the government raised prices and " * 120 + "so on.",
    "\u201c" * 50 + "why?",
    "?",
])
def test_bad_input_does_not_crash(text: str) -> None:
    import wirecoder

    record = wirecoder.code(text)
    assert isinstance(record.reasons, list)


def test_long_sentences_take_linear_time() -> None:
    import wirecoder

    def seconds(n: int) -> float:
        text = " ".join(["the army withdrew because of the protests and"] * n)
        started = time.perf_counter()
        wirecoder.code(text)
        return time.perf_counter() - started

    seconds(5)  # warm up
    small, large = seconds(20), seconds(80)
    assert large < 4 * small * 2.5  # four times the text, well under sixteen times the time


def test_parse_tagged_reads_tags_inside_tokens() -> None:
    relation = parse_tagged("<ARG1>Police came</ARG1> <SIG0>after</SIG0> <ARG0>p.m.</ARG0>, x")
    assert relation.effect == {0, 1} and relation.signal == {2} and relation.cause == {3}


def test_scorer_pairs_relations_and_counts_tokens() -> None:
    gold = [{"cause": {0, 1}, "effect": {3}, "signal": {2}},
            {"cause": {5}, "effect": {6}, "signal": set()}]
    swapped = list(reversed(gold))
    assert span_scores([(gold, swapped)])["overall"]["f1"] == 1.0
    half = span_scores([(gold, [gold[0]])])["overall"]
    assert half["precision"] == 1.0 and half["recall"] == pytest.approx(4 / 6)
    assert binary_scores([1, 0, 1, 0], [1, 0, 0, 0])["precision"] == 1.0


def test_models_ship_small_and_load() -> None:
    from wirecoder.reasons.model import MODEL_DIR, sentence_model, span_models

    assert sum(p.stat().st_size for p in MODEL_DIR.iterdir()) < 20_000_000  # encoder too
    assert sentence_model().labels == ["no", "yes"]
    assert span_models()[0].labels == ["O", "C", "E"]


def test_record_validates(example_record: Any, validator: Any) -> None:
    errors = list(validator.iter_errors(example_record.to_dict()))
    assert not errors


def test_signal_is_the_run_around_the_most_probable_token() -> None:
    import numpy as np

    from wirecoder.reasons.model import decode, peak_run, signal_cut

    p = np.array([0.02, 0.3, 0.12, 0.04, 0.2, 0.01])
    assert peak_run(p, 0.1) == [1, 2]
    assert peak_run(p, 0.5) == []
    assert peak_run(np.array([]), 0.1) == []
    assert 0.0 < signal_cut() < 0.5  # chosen by cross-validation on train
    assert decode(np.zeros(6, dtype=int), p).signal == peak_run(p, signal_cut())


def test_bert_basic_tokens_and_word_pieces() -> None:
    from wirecoder.reasons.encoder import WordPiece, basic_tokens

    assert basic_tokens("Protesters' demands, e.g. Café\u00a0prices") == [
        "protesters", "'", "demands", ",", "e", ".", "g", ".", "cafe", "prices"]
    pieces = WordPiece({"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "a": 4})
    assert pieces.word_ids("unaffable") == [1, 2, 3]
    assert pieces.word_ids("xyz") == [0]  # no piece fits: the whole word is unknown
    assert pieces.word_ids("a" * 101) == [0]


def _need_encoder() -> None:
    from wirecoder.reasons.model import ENCODER_MODEL, MODEL_DIR

    if not (MODEL_DIR / ENCODER_MODEL).exists():
        pytest.skip("causal_encoder.npz not shipped (scripts/train_causal.py --finetune-encoder)")


def test_encoder_ships_small_and_reads_causality() -> None:
    from wirecoder.reasons.model import ENCODER_MODEL, MODEL_DIR, encoder, encoder_gate

    _need_encoder()
    assert (MODEL_DIR / ENCODER_MODEL).stat().st_size < 20_000_000
    gate = encoder_gate()
    assert gate is not None and 0.0 < gate.low < gate.high < 1.0
    model = encoder()
    assert model.proba("Police fired tear gas to disperse the crowd .") > 0.5
    assert model.proba("Thousands of teachers marched in the capital on Monday .") < 0.5
    # Past MAX_PIECES the sentence is cut, not refused.
    assert 0.0 <= model.proba("the strike " * 200) <= 1.0


def test_encoder_batches_give_the_answers_of_one_at_a_time() -> None:
    from wirecoder.reasons.model import encoder

    _need_encoder()
    texts = ["Police fired tear gas to disperse the crowd .",
             "Thousands of teachers marched in the capital on Monday .",
             "The talks collapsed after the rebels refused to disarm ."]
    one_by_one = [encoder().proba(t) for t in texts]
    assert encoder().probas(texts) == pytest.approx(one_by_one, abs=1e-5)
    assert encoder().probas([]) == []


def test_one_blas_thread_inside_the_encoder_then_restored() -> None:
    from wirecoder.reasons.encoder import _openblas_threads, single_blas_thread

    found = _openblas_threads()
    if found is None:
        pytest.skip("numpy is not linked to a known OpenBLAS")
    setter, getter = found
    before = getter()
    setter(2)
    try:
        with single_blas_thread():
            assert getter() == 1
        assert getter() == 2
    finally:
        setter(before)


def test_encoder_is_asked_once_a_document_when_switched_on(
        nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import wirecoder
    from wirecoder.reasons import model

    _need_encoder()
    asked: list[list[str]] = []
    real = model.encoder()

    class Spy:
        def probas(self, texts: list[str]) -> list[float]:
            asked.append(list(texts))
            return real.probas(texts)

    monkeypatch.setattr(model, "encoder", lambda: Spy())
    # Weak cues ("for" on a verb, "to" marking a purpose) that stand only if the sentence
    # is causal, with linear probabilities the gate finds unsure: one batch for them all.
    text = ("Workers went on strike to demand higher wages. "
            "Students protested for better conditions. "
            "Troops were sent to secure the border.")
    assert nlp.get_pipe("wirecoder_reasons").encoder is False  # the default: off
    nlp(text)
    assert asked == []
    on = wirecoder.load(wirecoder_reasons={"encoder": True})
    on(text)
    assert len(asked) == 1 and "Students protested for better conditions." in asked[0]


def test_encoder_runs_only_where_the_linear_model_is_unsure(
        nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecoder.reasons import model

    _need_encoder()
    calls: list[str] = []
    real = model.encoder()

    class Spy:
        def probas(self, texts: list[str]) -> list[float]:
            calls.extend(texts)
            return real.probas(texts)

    monkeypatch.setattr(model, "encoder", lambda: Spy())
    gate = model.encoder_gate()
    assert gate is not None
    for text in ("Workers went on strike to demand higher wages.",
                 "The minister visited the port on Tuesday.",
                 "Students protested for better conditions."):
        sent = nlp(text)[:]
        p = model.causal_probability(sent)
        calls.clear()
        _, causal = model.judge_causal(sent)
        assert bool(calls) == (gate.low <= p <= gate.high)
        calls.clear()
        assert model.judge_causal(sent, refine=False) == (p, p >= model.sentence_threshold())
        assert not calls


def test_holders_are_names_and_a_sayings_speaker_is_the_claimant() -> None:
    import wirecoder

    record = wirecoder.code(
        "Turkey's desire to secure its southern border is part of its plan to push the "
        "militants back. The general claimed that foreign powers are seeking to “weaken” "
        "and split the country, saying that it is an attempt to stop its growth, according "
        "to the state news agency.")
    by_text = {r.text: r for r in record.reasons}
    motive = by_text["secure its southern border"]
    assert (motive.kind, motive.holder.text) == ("motive", "Turkey")
    # The participle hangs on a verb inside the claim; its speaker is still the general.
    saying = by_text["it is an attempt to stop its growth"]
    assert (saying.kind, saying.holder.text) == ("justification", "general")
    # A quoted word at the reason's edge keeps both its quote marks.
    assert "“weaken” and split the country" in by_text
