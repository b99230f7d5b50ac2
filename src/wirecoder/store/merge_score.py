"""Scoring the merge against gold clusters: pairwise precision, recall and F1.

Each story stands for one report; its predicted event is the event of its first
countable mention. A pair of stories is positive when both report one event.
"""

from __future__ import annotations

from itertools import combinations

import duckdb

_STORY_EVENTS = """
    SELECT s.id, arg_min(l.event_id, m.position) AS event_id
    FROM stories s JOIN mentions m USING (story_key)
    JOIN event_mentions l USING (mention_id)
    GROUP BY s.id"""


def story_events(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute(_STORY_EVENTS).fetchall())


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str | None]
                    ) -> dict[str, float]:
    """``gold``: story id -> true cluster; ``predicted``: story id -> event id (None or
    missing: a story with no event, a cluster of its own)."""
    ids = sorted(gold)
    true_pairs = {(a, b) for a, b in combinations(ids, 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(ids, 2)
                  if predicted.get(a) is not None and predicted.get(a) == predicted.get(b)}
    hits = len(true_pairs & pred_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 0.0
    recall = hits / len(true_pairs) if true_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "true_pairs": len(true_pairs), "predicted_pairs": len(pred_pairs),
            "stories": len(ids), "stories_without_event": sum(1 for i in ids
                                                              if predicted.get(i) is None)}
