"""Readers: files, folders and stdin become stories; bad input becomes InputError, never a crash."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.errors import WirecoderError
from wirecoder.ingest import InputError, Story, check_text, read_inputs, story_from_text
from wirecoder.ingest.checks import truncate

DATA = Path(__file__).parent / "data" / "ingest"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def read_all(*inputs: str | Path, **kwargs: int) -> list[Story | InputError]:
    return list(read_inputs(list(inputs), **kwargs))


def only_story(*inputs: str | Path, **kwargs: int) -> Story:
    [item] = read_all(*inputs, **kwargs)
    assert isinstance(item, Story), item
    return item


def only_error(*inputs: str | Path) -> InputError:
    [item] = read_all(*inputs)
    assert isinstance(item, InputError), item
    return item


def codes(warnings: list[str]) -> list[str]:
    return [warning[1:5] for warning in warnings]


def test_ingest_txt_keeps_headline_in_text_and_sets_title() -> None:
    story = only_story(DATA / "headline.txt")
    assert story.id == "headline"
    assert story.title == "Why did the IRGC commander visit Baghdad?"
    assert story.text.startswith("Why did the IRGC commander visit Baghdad?\nBAGHDAD (Reuters)")
    assert story.origin == str(DATA / "headline.txt")
    assert story.warnings == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Iraq and Iran sign pact\nThe two sides met in Baghdad.", "Iraq and Iran sign pact"),
        ("Why Baghdad?\nThe commander flew in on Monday.", "Why Baghdad?"),
        ("The minister arrived on Monday.\nHe met the commander.", None),
        ("A headline with nothing after it", None),
        ("x" * 250 + "\nBody text follows here.", None),
    ],
)
def test_ingest_txt_title_only_for_headline_like_first_line(
    tmp_path: Path, text: str, title: str | None
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    story = only_story(path)
    assert story.title == title
    assert story.text == text


def test_ingest_txt_strips_bom_and_normalises_newlines(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\r\nBody sentence one.\r\n")
    story = only_story(path)
    assert story.text == "Headline\nBody sentence one.\n"
    assert story.title == "Headline"


def test_ingest_txt_invalid_utf8_is_replaced_with_w003(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a parlé à Bagdad, said the agency.".encode("latin-1"))
    story = only_story(path)
    assert story.text == "Le ministre a parl\ufffd \ufffd Bagdad, said the agency."
    assert story.warnings == ["[W003] Input had 2 undecodable bytes, replaced with U+FFFD."]


@pytest.mark.parametrize(
    "data",
    [
        PNG_HEADER + b"\x00" * 64,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 8 + b"some text",
    ],
    ids=["png-with-nuls", "control-bytes"],
)
def test_ingest_binary_bytes_are_e002(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    error = only_error(path)
    assert error.message.startswith("[E002] Input looks binary")
    assert error.origin == str(path)
    assert error.id == "image"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "], ids=["empty", "whitespace"])
@pytest.mark.parametrize("suffix", [".txt", ".html", ".htm"])
def test_ingest_empty_file_is_e001(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    error = only_error(path)
    assert error.message == "[E001] Input is empty or whitespace only."


def test_ingest_html_article_text_and_metadata() -> None:
    story = only_story(DATA / "article.html")
    assert story.id == "article"
    assert story.title == "Iran and Iraq sign border security pact"
    assert story.published == "2024-03-05"
    assert story.outlet == "Gulf Wire"
    assert story.url == "https://gulfwire.example/news/2024/03/05/iran-iraq-pact"
    assert "Iran and Iraq signed a border security agreement on Tuesday" in story.text
    assert '"This agreement protects the security of both our nations,"' in story.text
    for boilerplate in ("Privacy", "All rights reserved", "Politics"):
        assert boilerplate not in story.text
    assert story.warnings == []


def test_ingest_html_without_article_is_e005() -> None:
    error = only_error(DATA / "nav_only.html")
    assert error.message == "[E005] HTML holds no article text that trafilatura could extract."


def test_ingest_html_in_legacy_charset_is_decoded(tmp_path: Path) -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Staff Reporter", "Staff Reporter, Bogotá"
    ).replace("both governments said", "both governments said in Bogotá")
    path = tmp_path / "latin1.html"
    path.write_bytes(html.encode("latin-1"))
    story = only_story(path)
    assert "said in Bogotá" in story.text


def test_ingest_jsonl_good_and_bad_lines_in_order() -> None:
    items = read_all(DATA / "mixed.jsonl")
    origin = str(DATA / "mixed.jsonl")
    assert [type(item).__name__ for item in items] == [
        "Story", "Story", "InputError", "InputError", "Story"
    ]
    first, second, not_json, no_text, third = items
    assert isinstance(first, Story) and isinstance(second, Story) and isinstance(third, Story)
    assert (first.id, first.title, first.published, first.outlet, first.url) == (
        "wire-1", "Minister meets commander", "2024-03-04", "Tasnim", "https://example.com/1"
    )
    assert first.origin == f"{origin}:1"
    assert second.id == "mixed:2"
    assert not_json == InputError(
        f"{origin}:3", None, "[E006] JSONL line 3 is not a JSON object: Expecting value."
    )
    assert no_text == InputError(f"{origin}:5", "42", "[E007] JSONL line 5 has no 'text' string.")
    assert third.id == "wire-3"
    assert third.published is None
    assert third.warnings == [
        "[E008] 'published' must be an ISO date (YYYY-MM-DD); got 'last Tuesday'."
    ]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b'["a list", "not an object"]', "E006"),
        (b'{"text": 12}', "E007"),
        (b'{"text": "   "}', "E001"),
        (b'{"text": "nul \\u0000 inside"}', "E002"),
        (b"[" * 100_000, "E006"),
        (b"\x00\x01\x02{", "E006"),
    ],
)
def test_ingest_jsonl_bad_line_codes(tmp_path: Path, line: bytes, code: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(line + b"\n" + b'{"text": "Still read after the bad line."}\n')
    error, story = read_all(path)
    assert isinstance(error, InputError) and error.message.startswith(f"[{code}]")
    assert error.origin == f"{path}:1"
    assert isinstance(story, Story) and story.id == "bad:2"


def test_ingest_jsonl_streams_without_reading_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(5_000):
            out.write(f'{{"text": "Story number {number} was filed."}}\n')
    stream = read_inputs([path])
    first = next(stream)
    assert isinstance(first, Story) and first.id == "many:1"
    assert sum(1 for _ in stream) == 4_999


def test_ingest_folder_is_recursive_sorted_and_skips_hidden_and_other_suffixes() -> None:
    folder = DATA / "folder"
    items = read_all(folder)
    assert [item.origin for item in items] == [
        str(folder / "b.txt"),
        str(folder / "c.jsonl") + ":1",
        str(folder / "sub" / "a.htm"),
    ]
    assert all(isinstance(item, Story) for item in items)


@pytest.mark.parametrize(
    ("name", "code"),
    [("missing.txt", "E009"), ("missing-folder", "E009"), ("notes.md", "E010")],
)
def test_ingest_bad_paths(name: str, code: str) -> None:
    error = only_error(DATA / "folder" / name)
    assert error.message.startswith(f"[{code}]")
    assert error.origin == str(DATA / "folder" / name)


def test_ingest_bad_input_does_not_stop_the_batch() -> None:
    items = read_all(DATA / "missing.txt", DATA / "nav_only.html", DATA / "headline.txt")
    assert [type(item).__name__ for item in items] == ["InputError", "InputError", "Story"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'\n  {"id": "s1", "text": "Stdin story one."}\n{oops\n', ["s1", "E006"]),
        ((DATA / "article.html").read_bytes(), ["article"]),
        (b"Headline on stdin\nThe body of the story follows.\n", ["text"]),
        (b"   \n", ["E001"]),
    ],
    ids=["jsonl", "html", "text", "blank"],
)
def test_ingest_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    items = read_all("-")
    assert len(items) == len(expected)
    for item, want in zip(items, expected, strict=True):
        if want.startswith("E"):
            assert isinstance(item, InputError) and item.message.startswith(f"[{want}]")
            assert item.origin.startswith("<stdin>")
        elif want == "article":
            assert isinstance(item, Story) and item.outlet == "Gulf Wire"
        elif want == "text":
            assert isinstance(item, Story) and item.title == "Headline on stdin"
            assert item.id == story_from_text(item.text).id  # hash of the text
        else:
            assert isinstance(item, Story) and item.id == want


def test_ingest_five_megabyte_text_is_truncated_with_w002(tmp_path: Path) -> None:
    paragraph = "The minister met the commander in Baghdad on Monday, officials said. " * 20
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph.strip()] * 3_700), encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    story = only_story(path)
    assert len(story.text) <= 2_000_000
    assert len(story.text) > 1_990_000
    assert story.text.endswith("officials said.")
    assert story.warnings == ["[W002] Text was truncated to 2,000,000 characters for coding."]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("First paragraph.\n\nSecond paragraph is long.", 30, "First paragraph."),
        ("One sentence here. Another sentence here.", 30, "One sentence here."),
        ("abcdefghij" * 5, 25, "abcdefghij" * 2 + "abcde"),
    ],
)
def test_ingest_truncate_cuts_at_a_boundary(text: str, limit: int, expected: str) -> None:
    cut, warning = truncate(text, limit)
    assert cut == expected
    assert warning is not None and warning.startswith("[W002]")


@pytest.mark.parametrize(
    ("name", "non_english"),
    [("french.txt", True), ("german.txt", True), ("english.txt", False), ("headline.txt", False)],
)
def test_ingest_non_english_text_warns_w001(name: str, non_english: bool) -> None:
    story = only_story(DATA / name)
    assert ("W001" in codes(story.warnings)) is non_english
    assert ("W001" in codes(check_text(story.text))) is non_english


def test_ingest_short_text_is_not_judged_for_language() -> None:
    assert check_text("Der Minister traf den Kommandeur.") == []


@pytest.mark.parametrize(
    ("text", "code"), [("", "E001"), ("  \n ", "E001"), ("a\x00b", "E002")]
)
def test_ingest_story_from_text_raises_for_unusable_text(text: str, code: str) -> None:
    with pytest.raises(WirecoderError) as caught:
        story_from_text(text)
    assert caught.value.code == code


def test_ingest_jsonl_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_bytes(b'{"text": "The minister \\ud800 spoke.", "title": "Bad \\udc00"}\n')
    story = only_story(path)
    assert story.text == "The minister \ufffd spoke."
    assert story.title == "Bad \ufffd"
    assert codes(story.warnings) == ["W003"]


def test_ingest_story_from_text_fills_fields() -> None:
    story = story_from_text(
        "Iraq's defence minister met an IRGC commander in Baghdad.",
        published="2024-03-04T08:00:00+03:00",
        outlet="Tasnim",
    )
    assert story.published == "2024-03-04"
    assert story.outlet == "Tasnim"
    assert len(story.id) == 12
    assert story.title is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_ingest_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    items = read_all(path, max_chars=500)
    assert all(isinstance(item, Story | InputError) for item in items)
    for item in items:
        if isinstance(item, Story):
            assert item.text.strip() and len(item.text) <= 500
            item.text.encode("utf-8")  # writable as a record: no lone surrogates
    if suffix != ".jsonl":
        assert len(items) == 1


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=1_000))
def test_ingest_arbitrary_stdin_never_raises(data: bytes) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        items = read_all("-")
    assert all(isinstance(item, Story | InputError) for item in items)


def test_ingest_html_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML reader tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert only_story(DATA / "article.html").outlet == "Gulf Wire"


def test_ingest_unreadable_file_is_e014(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("The minister spoke.", encoding="utf-8")

    # chmod cannot lock out root (CI containers run as root), so refuse the open itself.
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    items = read_all(path, DATA / "missing.txt")
    assert items == [
        InputError(str(path), None, f"[E014] Cannot read {path}: Permission denied."),
        InputError(str(DATA / "missing.txt"), None,
                   f"[E009] No such file or folder: {DATA / 'missing.txt'}."),
    ]
