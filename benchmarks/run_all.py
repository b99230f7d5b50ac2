"""Run every benchmark and rewrite ``benchmarks/RESULTS.md`` with their figures.

Each benchmark runs as its own subprocess with ``--json``; this script collects the
figures, compares them with the targets and writes one table per benchmark, with the
command, the date and the commit (``git rev-parse --short HEAD``, ``+dirty`` when the
working tree has changes) the figures came from.

    .venv/bin/python benchmarks/run_all.py            # or: make bench
    .venv/bin/python benchmarks/run_all.py --only plover_gsr,actors_ngec --no-write
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import BENCH_DIR, REPO_ROOT, command_line, git_commit, now

BENCHMARKS = ("plover_gsr", "actors_ngec", "speed")
# Benchmarks of the later stages, recorded as they print themselves (figures, targets,
# command): title and extra arguments.
PRINTED = {
    "quotes": ("Sourcing: PolNeAR quotes (issue 3)", ()),
    "geo": ("Places: GeoWebNews and TR-News (issue 4)", ()),
    "causal": ("Reasons: Causal News Corpus (issue 5)", ()),
    "corpus_merge": ("Corpus: merging duplicate reports (issue 6)", ()),
    "corpus": ("Corpus: store, query, ingest throughput, memory (issue 6)",
               ("--stories", "300", "--rss", "")),
}
RESULTS = BENCH_DIR / "RESULTS.md"

Row = tuple[str, str, str, str]  # figure, value, target, verdict


def run_benchmark(name: str, out_dir: Path, extra: Sequence[str] = ()) -> dict[str, Any]:
    out = out_dir / f"{name}.json"
    script = f"benchmarks/{name}.py"
    cmd = [sys.executable, script, *extra, "--json", str(out)]
    print(f"== {name}: {Path(sys.executable).name} {script}", flush=True)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
    print(proc.stdout, end="")
    if proc.stderr.strip():
        print(proc.stderr.strip()[-2000:], file=sys.stderr)
    seconds = round(time.perf_counter() - started, 1)
    if out.exists() and proc.returncode == 0:
        figures = json.loads(out.read_text(encoding="utf-8"))
        figures["wall_seconds"] = seconds
        figures["exit"] = proc.returncode
        figures["stdout"] = proc.stdout
        return figures
    if proc.returncode == 0 and name in PRINTED:
        return {"benchmark": name, "stdout": proc.stdout, "wall_seconds": seconds}
    if proc.returncode == 0 and "SKIPPED" in proc.stdout:
        return {"benchmark": name, "skipped": proc.stdout.strip().splitlines()[-1]}
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"benchmark": name, "error": f"exit {proc.returncode}: " + " | ".join(tail)}


def _num(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _verdict(value: Any, target: float | None, better: Callable[[float, float], bool]) -> str:
    if target is None:
        return ""
    if value is None:
        return "n/a"
    return "pass" if better(value, target) else "**FAIL**"


def _ge(v: float, t: float) -> bool:
    return v >= t


def _le(v: float, t: float) -> bool:
    return v <= t


def _lt(v: float, t: float) -> bool:
    return v < t


def rows_plover(f: dict[str, Any]) -> list[Row]:
    s, t = f["scores"], f["targets"]
    right = s["actors_when_event_right"]
    rows: list[Row] = [
        (f"event-type accuracy (n={s['n']})", _num(s["event_accuracy"]),
         f">= {t['event_accuracy']}", _verdict(s["event_accuracy"], t["event_accuracy"], _ge)),
        ("macro-F1, 16 PLOVER types", _num(s["macro_f1"]), "", ""),
        ("no event predicted", str(s["no_prediction"]), "", ""),
    ]
    for side in ("source", "target"):
        a = s["actors"][side]
        key = f"{side}_country_accuracy"
        rows.append((f"{side} country accuracy (n={a['country_n']})",
                     _num(a["country_accuracy"]), f">= {t[key]}",
                     _verdict(a["country_accuracy"], t[key], _ge)))
        rows.append((f"{side} country+sector accuracy (n={a['country_sector_n']})",
                     _num(a["country_sector_accuracy"]), "", ""))
        r = right[side]
        rows.append((f"{side} country, event right (n={r['country_n']})",
                     _num(r["country_accuracy"]), "", ""))
        rows.append((f"{side} country+sector, event right (n={r['country_sector_n']})",
                     _num(r["country_sector_accuracy"]), "", ""))
    return rows


def rows_actors(f: dict[str, Any]) -> list[Row]:
    s, t = f["scores"], f["targets"]
    rows: list[Row] = [
        (f"country accuracy (n={s['country_n']})", _num(s["country_accuracy"]),
         f">= {t['country_accuracy']}",
         _verdict(s["country_accuracy"], t["country_accuracy"], _ge)),
        (f"sector accuracy (n={s['sector_n']})", _num(s["sector_accuracy"]),
         f">= {t['sector_accuracy']}", _verdict(s["sector_accuracy"], t["sector_accuracy"], _ge)),
        (f"no actor where none expected (n={s['none_n']})", _num(s["none_accuracy"]), "", ""),
        (f"negative checks, country != X (n={s['negative_n']})", _num(s["negative_accuracy"]),
         "", ""),
    ]
    for kind, b in s["by_kind"].items():
        rows.append((f"{kind}: country (n={b['country_n']}) / sector (n={b['sector_n']})",
                     f"{_num(b['country_accuracy'])} / {_num(b['sector_accuracy'])}", "", ""))
    return rows


def rows_speed(f: dict[str, Any]) -> list[Row]:
    s, t = f["scores"], f["targets"]
    rows: list[Row] = [("texts / words / CPUs", f"{s['texts']} / {s['words']} / {s['cpus']}",
                        "", ""),
                       ("load average before / after", " / ".join(
                           str(x) for x in s.get("load_average", [])), "", "")]
    if "bare_words_per_s" in s:
        rows += [
            ("bare model, words/s", str(s["bare_words_per_s"]), "", ""),
            ("wirecoder.load(), words/s", str(s["wirecoder_words_per_s"]), "", ""),
            ("wirecoder / bare time", _num(s["wirecoder_bare_time_ratio"]),
             f"<= {t['wirecoder_bare_time_ratio']}",
             _verdict(s["wirecoder_bare_time_ratio"], t["wirecoder_bare_time_ratio"], _le)),
        ]
    if "parallel_speedup" in s:
        rows.append(("n_process=1 / 2, words/s (cores busy)",
                     f"{s['n1_words_per_s']} ({s['n1_cores_busy']}) / "
                     f"{s['n2_words_per_s']} ({s['n2_cores_busy']})", "", ""))
        rows.append(("n_process=2 / n_process=1 throughput", _num(s["parallel_speedup"]),
                     f">= {t['parallel_speedup']}",
                     _verdict(s["parallel_speedup"], t["parallel_speedup"], _ge)
                     if s.get("n1_cores_busy", 0.0) >= 0.8
                     else "not judged: machine busy (n_process=1 got < 0.8 core)"))
    if "peak_rss_mb" in s:
        rows.append(("peak RSS, one process (MB)", _num(s["peak_rss_mb"], 0),
                     f"<= {t['peak_rss_mb']:.0f}", _verdict(s["peak_rss_mb"],
                                                          t["peak_rss_mb"], _le)))
        rows.append(("pipeline load time (s)", _num(s["load_seconds"], 2), "", ""))
    if "import_seconds" in s:
        rows.append(("`import wirecoder` (s)", _num(s["import_seconds"], 3),
                     f"< {t['import_seconds']}", _verdict(s["import_seconds"],
                                                          t["import_seconds"], _lt)))
    if "cli_example_seconds" in s:
        rows.append(("`wirecoder code examples/irgc-iraq.txt` (s)",
                     _num(s["cli_example_seconds"], 2), "", ""))
    for name, error in s.get("errors", {}).items():
        rows.append((f"error: {name}", error.replace("|", "/")[:200], "", ""))
    return rows


def details_plover(f: dict[str, Any]) -> list[str]:
    pairs = f["scores"]["top_confusions"]
    if not pairs:
        return []
    return ["", "Most frequent confusions (gold -> predicted): "
            + "; ".join(f"{p['gold']} -> {p['pred']} {p['count']}" for p in pairs) + "."]


def details_actors(f: dict[str, Any]) -> list[str]:
    p = f["scores"]["patterns"]
    lines = ["", "Left out: " + ", ".join(f"{k} {v}" for k, v in f["left_out"].items()) + "."]
    if p["country"]:
        lines.append("Country misses: " + "; ".join(f"{k} {v}" for k, v in p["country"].items())
                     + ".")
    if p["sector"]:
        lines.append("Sector misses (expected -> got): "
                     + "; ".join(f"{k} {v}" for k, v in p["sector"].items()) + ".")
    return lines


SECTIONS: dict[str, tuple[str, Callable[[dict[str, Any]], list[Row]],
                          Callable[[dict[str, Any]], list[str]]]] = {
    "plover_gsr": ("PLOVER gold standard records (event type, actor countries)",
                   rows_plover, details_plover),
    "actors_ngec": ("NGEC actor-resolution cases (country, sector)", rows_actors,
                    details_actors),
    "speed": ("Speed and memory", rows_speed, lambda f: []),
}


def render(results: dict[str, dict[str, Any]], commit: str, date: str, command: str) -> str:
    lines = ["# Benchmark results", "",
             f"Latest run: {date}, commit `{commit}`, command `{command}`.",
             "Figures come from the development sets in `../shared/gold/` "
             "(see `benchmarks/README.md`); nobody tunes the engine to their rows.", ""]
    for name, f in results.items():
        if name in PRINTED:
            lines += [f"## {PRINTED[name][0]}", ""]
            if "error" in f:
                lines += [f"Did not run: `{f['error']}`", ""]
                continue
            printed = f.get("stdout", "").strip().splitlines()[-60:]
            lines += [f"{f.get('wall_seconds', '?')} s.", "", "```", *printed, "```", ""]
            continue
        title, rows_of, details_of = SECTIONS[name]
        lines += [f"## {title}", ""]
        if "skipped" in f:
            lines += [f"Skipped: {f['skipped']}", ""]
            continue
        if "error" in f:
            lines += [f"Did not run: `{f['error']}`", ""]
            continue
        lines += [f"Command: `{f['command']}` — commit `{f['commit']}`, {f['date']}, "
                  f"{f.get('wall_seconds', '?')} s.", "",
                  "| figure | value | target | |", "|---|---|---|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows_of(f)]
        lines += details_of(f)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated benchmarks (default: all)")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite RESULTS.md")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the results")
    parser.add_argument("--speed-limit", type=int, default=0,
                        help="speed: only the first N texts (a quick run on a busy machine)")
    args = parser.parse_args(argv)

    names = args.only.split(",") if args.only else [*BENCHMARKS, *PRINTED]
    unknown = set(names) - set(BENCHMARKS) - set(PRINTED)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    # The commit is read before anything is written, so RESULTS.md itself is not "dirty".
    commit, date, command = git_commit(), now(), command_line()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="wirecoder-bench-") as tmp:
        for name in names:
            extra = list(PRINTED[name][1]) if name in PRINTED else []
            if name == "speed" and args.speed_limit:
                extra = ["--limit", str(args.speed_limit)]
            results[name] = run_benchmark(name, Path(tmp), extra)
    text = render(results, commit, date, command)
    print("\n" + text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"written: {args.out}")
    print(f"command: {command}\ncommit: {commit}  date: {date}")
    return 1 if any("error" in f for f in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
