"""wirecoder: political event coding from news text.

``wirecoder.code(text)`` returns the record of one story; ``wirecoder.load()`` returns the
spaCy pipeline with wirecoder's components. Heavy imports (spaCy, the model, the tables)
happen on first use, so ``import wirecoder`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["code", "code_many", "load", "resolve_actor", "__version__"]

if TYPE_CHECKING:
    from spacy.language import Language

    from wirecoder.record import Document


def load(model: str | None = None, **config: Any) -> Language:
    """The spaCy ``Language`` with wirecoder's components, cached per arguments."""
    from wirecoder.pipeline import load_pipeline

    return load_pipeline(model, **config)


def code(text: str, *, published: str | None = None, title: str | None = None,
         id: str | None = None, outlet: str | None = None, url: str | None = None) -> Document:
    """Code one story; returns its record (see ``wirecoder.record.Document``)."""
    from wirecoder.api import code_story

    return code_story(text, published=published, title=title, id=id, outlet=outlet, url=url)


def code_many(stories: Any, *, n_process: int = 1, batch_size: int = 16) -> Any:
    """Code an iterable of ``Story`` or dicts; yields records in input order."""
    from wirecoder.api import code_stories

    return code_stories(stories, n_process=n_process, batch_size=batch_size)


def resolve_actor(text: str, *, date: str | None = None) -> Any:
    """Resolve one actor phrase ("Iraqi defence minister") to an ``Actor``, or None."""
    from wirecoder.api import resolve_actor_phrase

    return resolve_actor_phrase(text, date=date)
