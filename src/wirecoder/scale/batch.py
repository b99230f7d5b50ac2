"""One batch of stories (a pandas DataFrame) -> one DataFrame of coded records.

Nothing here knows about Spark: any engine that hands out pandas batches (Spark's
mapInPandas, Dask's map_partitions, Ray Data's map_batches) can host it. The pipeline is
cached per process, so each worker loads the model once, however many batches it codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from wirecoder.errors import WirecoderError
from wirecoder.store.keys import story_key

STORY_COLUMNS = ("id", "text", "title", "published", "outlet", "url")
RECORD_COLUMNS = ("story_key", "id", "published", "outlet", "n_events", "error", "record")


def code_frame(stories: pd.DataFrame) -> pd.DataFrame:
    """Code every row (columns ``STORY_COLUMNS``; only ``text`` is required).

    A row that cannot be coded keeps its place with ``error`` set and no record.
    """
    from wirecoder.api import code_stories
    from wirecoder.ingest import story_from_text

    rows: list[dict[str, object]] = []
    good = []
    for item in stories.to_dict("records"):
        meta = {k: _text(item.get(k)) for k in ("id", "title", "published", "outlet", "url")}
        try:
            story = story_from_text(_text(item.get("text")) or "", **meta)
        except WirecoderError as exc:
            rows.append({"story_key": None, "id": meta["id"], "published": meta["published"],
                         "outlet": meta["outlet"], "n_events": 0, "error": str(exc),
                         "record": None})
            continue
        good.append(story)
    for story, record in zip(good, code_stories(good), strict=True):
        rows.append({"story_key": story_key(story.text, story.title), "id": record.id,
                     "published": record.published, "outlet": record.outlet,
                     "n_events": len(record.events), "error": None,
                     "record": record.to_json()})
    return pd.DataFrame(rows, columns=list(RECORD_COLUMNS))


def code_frames(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The mapInPandas shape: an iterator of batches in, an iterator of batches out."""
    for batch in batches:
        yield code_frame(batch)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)
