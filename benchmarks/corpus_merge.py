"""Merge quality on the gold corpus: pairwise precision, recall and F1 of story pairs.

    .venv/bin/python benchmarks/corpus_merge.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import REPO_ROOT, run_info, write_json

GOLD = REPO_ROOT / "tests" / "data" / "corpus" / "merge_gold.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from wirecoder.store import connect, ingest
    from wirecoder.store.merge_score import pairwise_scores, story_events

    gold = {r["id"]: r["cluster"] for r in map(json.loads, GOLD.open(encoding="utf-8"))
            if r["cluster"]}
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(str(Path(tmp) / "gold.duckdb"))
        report = ingest([str(GOLD)], con)
        scores = pairwise_scores(gold, story_events(con))
        uncounted = con.execute("SELECT count(*) FROM mentions m JOIN stories s "
                                "USING (story_key) WHERE s.id LIKE 'h%' AND m.countable"
                                ).fetchone()[0]
    scores.update(clusters=len(set(gold.values())), events=report.events,
                  countable_mentions_in_hypothetical_stories=uncounted)
    result = {"benchmark": "corpus_merge", **run_info(), "scores": scores}
    print(json.dumps(result, indent=2))
    write_json(str(args.json) if args.json else None, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
