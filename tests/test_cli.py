"""The ``wirecoder`` command: inputs, output formats, bad input, the actor importer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLE, NEWS_SENTENCES, PETRARCH

import wirecoder
from wirecoder.cli import main

MILNONSTATE = PETRARCH / "Phoenix.MilNonState.actors.txt"
WIRECODER_BIN = Path(sys.executable).parent / "wirecoder"


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception)
    )
    assert "Traceback" not in result.output


@pytest.fixture
def stories(tmp_path: Path) -> list[Path]:
    paths = []
    for i, text in enumerate(NEWS_SENTENCES[:3]):
        path = tmp_path / "corpus" / f"story{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_cli_code_file_prints_one_object() -> None:
    result = run("code", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    assert record["id"] == "irgc-iraq"
    assert record["events"]
    assert record["title"] and record["text"].startswith(record["title"])


def test_cli_code_two_files_prints_jsonl(stories: list[Path]) -> None:
    result = run("code", str(stories[0]), str(stories[1]))
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(result.stdout.splitlines()) == 2
    assert [r["id"] for r in records] == ["story0", "story1"]


def test_cli_code_folder_prints_jsonl(stories: list[Path]) -> None:
    (stories[0].parent / "notes.md").write_text("not a story", encoding="utf-8")
    result = run("code", str(stories[0].parent))
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["story0", "story1", "story2"]
    assert [r["text"].strip() for r in records] == NEWS_SENTENCES[:3]


def test_cli_code_folder_of_one_prints_jsonl(stories: list[Path]) -> None:
    for path in stories[1:]:
        path.unlink()
    result = run("code", str(stories[0].parent))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["id"] == "story0"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_code_format_option(stories: list[Path], fmt: str) -> None:
    result = run("code", str(stories[0]), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        assert len(result.stdout.strip().splitlines()) == 1
    assert json.loads(result.stdout)["id"] == "story0"


def test_cli_code_format_table(tmp_path: Path) -> None:
    out = tmp_path / "summary.txt"
    result = run("code", str(EXAMPLE), "--format", "table", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = out.read_text(encoding="utf-8")
    record = json.loads(run("code", str(EXAMPLE)).stdout)
    events = record["events"]
    assert events
    assert "source -> CAMEO" in table
    assert f"{record['title']} — {len(events)} events" in table
    # One block per event, opened by the event's id, each with its CAMEO code.
    blocks = [line for line in table.splitlines() if line.split("  ")[0] in
              {event["id"] for event in events}]
    assert len(blocks) == len(events)
    for event in events:
        assert event["cameo"] in table
    assert table.count(" -> ") >= len(events)
    assert "[W004]" in table
    # A quoted sentence keeps its own marks; the summary adds none around them.
    assert "““" not in table and "””" not in table


def test_cli_code_format_table_stdout() -> None:
    result = run("code", str(EXAMPLE), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "source -> CAMEO" in result.stdout
    assert " -> " in result.stdout


@pytest.mark.parametrize("count", [1, 3])
def test_cli_code_output_file(stories: list[Path], tmp_path: Path, count: int) -> None:
    out = tmp_path / "records.out"
    result = run("code", *map(str, stories[:count]), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    written = out.read_text(encoding="utf-8")
    if count == 1:
        assert json.loads(written)["id"] == "story0"
    else:
        assert [r["id"] for r in jsonl(written)] == ["story0", "story1", "story2"]


def test_cli_code_stdin_text() -> None:
    result = run("code", "-", input=NEWS_SENTENCES[1] + "\n")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["text"].strip() == NEWS_SENTENCES[1]
    assert record["events"]


def test_cli_code_stdin_jsonl() -> None:
    lines = [
        json.dumps({"id": "s1", "text": NEWS_SENTENCES[0], "published": "2024-01-02",
                    "title": "Sudani meets Pezeshkian", "outlet": "AP"}),
        json.dumps({"id": "s2", "text": NEWS_SENTENCES[1]}),
    ]
    result = run("code", "-", "--format", "jsonl", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["s1", "s2"]
    assert records[0]["published"] == "2024-01-02"
    assert records[0]["outlet"] == "AP"
    assert records[0]["text"].startswith("Sudani meets Pezeshkian")


def test_cli_code_jsonl_bad_line_skipped(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "good1", "text": NEWS_SENTENCES[0]}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "good2", "text": NEWS_SENTENCES[1]}) + "\n",
        encoding="utf-8",
    )
    result = run("code", str(path))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in jsonl(result.stdout)] == ["good1", "good2"]
    [message] = result.stderr.splitlines()
    assert ":2" in message and "line 2" in message
    assert "[E006]" in message
    assert_no_traceback(result)


@pytest.mark.parametrize(
    "content,code",
    [
        ('{"id": "x", "text": \n[1, 2]\n', "E006"),
        ('{"id": "x"}\n', "E007"),
        ("   \n", "E001"),
    ],
)
def test_cli_code_only_bad_inputs_fails(tmp_path: Path, content: str, code: str) -> None:
    suffix = ".txt" if code == "E001" else ".jsonl"
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    result = run("code", str(path))
    assert result.exit_code != 0
    assert result.stdout == ""
    assert_no_traceback(result)
    lines = result.stderr.splitlines()
    assert all(line.startswith(("skipped ", "Error: ")) for line in lines), lines
    assert lines[-1].startswith("Error: nothing could be coded")
    assert any(f"[{code}]" in line for line in lines)


@pytest.mark.parametrize("name", ["missing.txt", "story.pdf"])
def test_cli_code_missing_or_unsupported_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".pdf"):
        path.write_bytes(b"%PDF-1.4")
    result = run("code", str(path))
    assert result.exit_code != 0
    assert_no_traceback(result)
    assert "[E009]" in result.stderr or "[E010]" in result.stderr


def test_cli_code_subprocess_bad_input_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    proc = subprocess.run([str(WIRECODER_BIN), "code", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 2  # the skip and the summary


def test_cli_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"wirecoder, version {wirecoder.__version__}"


def test_cli_schema_is_json() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "wirecoder record"


@pytest.mark.skipif(not MILNONSTATE.exists(), reason="PETRARCH reference dictionaries absent")
def test_cli_actors_import_loads_via_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecoder.actors.registry import Registry

    out = tmp_path / "x.jsonl"
    result = run("actors", "import", str(MILNONSTATE), "-o", str(out))
    assert result.exit_code == 0, result.output
    entries = jsonl(out.read_text(encoding="utf-8"))
    assert entries
    assert f"wrote {len(entries)} entries" in result.stderr
    assert all(entry.get("id") for entry in entries)
    # A renamed copy of an imported entry proves the file itself is read (the built-in
    # tables may already hold the Phoenix entries).
    marker = dict(entries[0], id="wirecoder-test:" + entries[0]["id"])
    with out.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(marker) + "\n")
    monkeypatch.delenv("WIRECODER_ACTORS", raising=False)
    builtin = Registry.load()
    monkeypatch.setenv("WIRECODER_ACTORS", str(out))
    loaded = Registry.load()
    ids = {entry.id for entry in loaded}
    assert {entry["id"] for entry in entries} <= ids
    assert builtin.get(marker["id"]) is None
    assert loaded.get(marker["id"]) is not None


def test_cli_actors_import_missing_file(tmp_path: Path) -> None:
    result = run("actors", "import", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x"))
    assert result.exit_code != 0
    assert_no_traceback(result)


def test_why_encoder_switch_turns_the_encoder_on(tmp_path: Path) -> None:
    from wirecoder.pipeline import load_pipeline

    path = tmp_path / "story.txt"
    path.write_text("Iraq expelled the Turkish ambassador because Turkish jets bombed "
                    "villages in the north.", encoding="utf-8")
    result = run("why", "--encoder", "--json", str(path))
    assert_no_traceback(result)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["dyad"] == ["IRQ", "TUR"]
    [reason] = answer["reasons"]["the author"]
    assert reason["kind"] == "cause"
    assert reason["text"] == "Turkish jets bombed villages in the north"
    pipe = load_pipeline(wirecoder_reasons={"encoder": True}).get_pipe("wirecoder_reasons")
    assert pipe.encoder is True
    assert load_pipeline().get_pipe("wirecoder_reasons").encoder is False
