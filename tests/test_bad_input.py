"""Bad input never crashes: it is refused with a numbered error or coded with a warning."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, NEWS_SENTENCES, warning_codes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirecoder
from wirecoder.cli import main
from wirecoder.errors import WirecoderError
from wirecoder.ingest.story import DEFAULT_MAX_CHARS

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"
    b"\x00\x1f\xf3\xffa\x00\x00\x00\x04gAMA\x00\x00\xaf\xc87\x05\x8a\xe9\x00\x00\x00\x19tEXt"
)
GERMAN = (
    "Der irakische Verteidigungsminister hat am Dienstag in Teheran den Kommandeur der "
    "iranischen Revolutionsgarden getroffen. Beide Seiten vereinbarten eine engere "
    "Zusammenarbeit bei der Ausbildung von Soldaten, teilte das Ministerium mit. Kritiker "
    "in Bagdad warnten vor einem wachsenden Einfluss Teherans auf die Streitkräfte."
)
FRENCH = (
    "Le ministre irakien de la Défense a rencontré mardi à Téhéran le commandant des "
    "Gardiens de la révolution iraniens. Les deux parties sont convenues de renforcer leur "
    "coopération militaire, selon un communiqué du ministère. Des responsables politiques "
    "à Bagdad ont dénoncé une ingérence croissante de l'Iran dans les affaires du pays."
)
MENU_HTML = (
    "<html><head><title>World news</title></head><body><nav><ul>"
    "<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
    "<li><a href='/sport'>Sport</a></li></ul></nav></body></html>"
)


def invoke(*args: str, input: str | bytes | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input)


def assert_record_valid(record: Any, validator: Any) -> dict[str, Any]:
    data = record.to_dict()
    validator.validate(data)
    for event in data["events"]:
        for span in (event["trigger"], event["evidence"]):
            assert data["text"][span["start"]:span["end"]] == span["text"]
    return data


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003"])
def test_bad_input_empty_is_e001(text: str) -> None:
    with pytest.raises(WirecoderError, match=r"^\[E001\]") as info:
        wirecoder.code(text)
    assert info.value.code == "E001"


@pytest.mark.parametrize(
    "data",
    [PNG_BYTES, bytes(range(256)), b"\x00" * 64 + b"text", b"GIF89a\x01\x00\x01\x00\x00\x00"],
)
def test_bad_input_binary_latin1_is_e002(data: bytes) -> None:
    with pytest.raises(WirecoderError, match=r"^\[E002\]") as info:
        wirecoder.code(data.decode("latin-1"))
    assert info.value.code == "E002"


def test_bad_input_binary_file_cli_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(PNG_BYTES)
    result = invoke("code", str(path))
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "[E002]" in result.stderr


def test_bad_input_invalid_utf8_cli_warns_w003(tmp_path: Path, validator: Any) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Le ministre a dit: Israeli troops raided a village near Jénine on Monday.\n".encode(
            "latin-1") + b"\xff\xfe Police arrested three men.\n"
    )
    result = invoke("code", str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    validator.validate(record)
    assert "W003" in warning_codes(record)
    assert "\ufffd" in record["text"]


@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_bad_input_non_english_warns_w001(text: str, validator: Any) -> None:
    record = wirecoder.code(text, published="2024-03-05")
    assert "W001" in warning_codes(record)
    assert_record_valid(record, validator)


def test_bad_input_english_has_no_w001(example_record: Any) -> None:
    assert "W001" not in warning_codes(example_record)


def test_bad_input_html_without_article_cli(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(MENU_HTML, encoding="utf-8")
    result = invoke("code", str(path))
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "Traceback" not in result.output
    [skip, summary] = result.stderr.splitlines()
    assert skip.startswith(f"skipped {path}") and "[E005]" in skip
    assert summary.startswith("Error: nothing could be coded")


def test_bad_input_html_article_coded_beside_bad_one(tmp_path: Path) -> None:
    (tmp_path / "a_menu.html").write_text(MENU_HTML, encoding="utf-8")
    (tmp_path / "b_story.txt").write_text(NEWS_SENTENCES[1], encoding="utf-8")
    result = invoke("code", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["b_story"]
    assert "[E005]" in result.stderr


def test_bad_input_over_pipeline_limit_truncated(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, validator: Any
) -> None:
    # Text the reader accepts but spaCy's max_length refuses is cut, with W002, not E088.
    monkeypatch.setattr(nlp, "max_length", 5_000)
    body = EXAMPLE.read_text(encoding="utf-8")
    record = wirecoder.code(body * 4)
    assert len(record.text) <= 5_000
    assert "W002" in warning_codes(record)
    assert any("5,000" in w for w in record.warnings if w.startswith("[W002]"))
    assert_record_valid(record, validator)
    path = tmp_path / "long.txt"
    path.write_text(body * 4, encoding="utf-8")
    result = invoke("code", str(path))
    assert result.exit_code == 0, result.output
    assert "W002" in warning_codes(json.loads(result.stdout))


def test_bad_input_5mb_document(nlp: Any, validator: Any) -> None:
    paragraph = EXAMPLE.read_text(encoding="utf-8").split("\n")[1] + "\n"
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(text.encode("utf-8")) >= 5_000_000
    start = time.perf_counter()
    record = wirecoder.code(text, published="2023-08-20")
    elapsed = time.perf_counter() - start
    assert "W002" in warning_codes(record)
    assert len(record.text) <= min(DEFAULT_MAX_CHARS, nlp.max_length)
    assert record.text.startswith(paragraph)
    assert record.events
    # Not a speed test (about 50 s on a quiet 2-core machine): a guard against the
    # quadratic blow-ups that once made this input run for hours.
    assert elapsed < 900, f"coding took {elapsed:.0f} s"
    data = record.to_dict()
    assert data["text"] == record.text
    assert_record_valid(record, validator)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_bad_input_any_text_gives_record_or_error(text: str, validator: Any) -> None:
    try:
        record = wirecoder.code(text)
    except WirecoderError as exc:
        assert exc.code in {"E001", "E002"}, exc
        return
    assert_record_valid(record, validator)
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(
        st.sampled_from(
            ["Iran", "Iraq", "attacked", "met", "the", "minister", "said", "\n", "U.S.",
             "forces", "co-operation", "“", "”", ",", ".", "Hezbollah", "he", "not", "-"]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_bad_input_news_like_noise_gives_record(words: list[str], validator: Any) -> None:
    try:
        record = wirecoder.code(" ".join(words), title="Iran", published="2024-01-01")
    except WirecoderError as exc:
        assert exc.code == "E001", exc
        return
    assert_record_valid(record, validator)
