"""An on-disk cache for what is slow to rebuild at every start (parsed tables, alias
tokenizations). Keys carry the inputs' identity, so a stale entry is never read; a cache
that cannot be written only costs the next start the same time."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENV = "WIRECODER_CACHE"
T = TypeVar("T")


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wirecoder"


def file_key(path: Path) -> str:
    """The identity of a file's content for cache keys: path, size and modification time."""
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def cached(kind: str, key: str, build: Callable[[], T], valid: Callable[[Any], bool] = bool) -> T:
    """``build()``'s result, read from the cache when an entry for ``key`` exists."""
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    path = cache_dir() / f"{kind}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if valid(value):
            return value
    except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass
    return value
