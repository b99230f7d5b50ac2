"""The Python API behind ``wirecoder.code`` and friends: stories in, records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from wirecoder.errors import Warnings
from wirecoder.ingest import Story, story_from_text
from wirecoder.ingest.checks import truncate
from wirecoder.pipeline import load_pipeline
from wirecoder.record import Actor, Document
from wirecoder.serialize import doc_to_record


def story_text(story: Story) -> str:
    """The text coded: the headline leads the body unless the body already opens with it."""
    if story.title and not story.text.lstrip().startswith(story.title.strip()):
        return f"{story.title.strip()}\n\n{story.text}"
    return story.text


def make_doc(story: Story) -> Doc:
    nlp = load_pipeline()
    text = story_text(story)
    warnings = list(story.warnings)
    if len(text) > nlp.max_length:
        # The reader's limit (max_chars) may exceed what spaCy accepts (nlp.max_length,
        # else E088): cut again, and say where the text was really cut.
        text, cut = truncate(text, nlp.max_length)
        if cut:
            warnings = [w for w in warnings if not w.startswith("[W002]")] + [cut]
    doc = nlp.make_doc(text)
    doc._.wc_meta = {
        "id": story.id, "title": story.title, "published": story.published,
        "outlet": story.outlet, "url": story.url,
    }
    if story.published is None:
        warnings.append("[W004] " + Warnings.W004)
    doc._.wc_warnings = warnings
    return doc


def code_story(text: str, **meta: Any) -> Document:
    story = story_from_text(text, **meta)
    nlp = load_pipeline()
    return doc_to_record(nlp(make_doc(story)))


def _as_story(item: Story | dict[str, Any] | str) -> Story:
    if isinstance(item, Story):
        return item
    if isinstance(item, str):
        return story_from_text(item)
    fields = {k: item.get(k) for k in ("id", "title", "published", "outlet", "url")}
    return story_from_text(item.get("text") or "", **fields)


def code_stories(items: Iterable[Story | dict[str, Any] | str], *, n_process: int = 1,
                 batch_size: int = 16) -> Iterator[Document]:
    """Code many stories through ``nlp.pipe``; records come back in input order."""
    nlp = load_pipeline()
    docs = (make_doc(_as_story(item)) for item in items)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        yield doc_to_record(doc)


def resolve_actor_phrase(text: str, *, date: str | None = None) -> Actor | None:
    """Code one actor phrase on its own: the actor its syntactic head names."""
    if not text.strip():
        return None
    from wirecoder.actors.resolve import resolve_phrase_doc

    nlp = load_pipeline()
    doc = nlp.make_doc(text.strip())
    # "phrase": the text is known to name an actor (wirecoder_actors trusts a lone city).
    doc._.wc_meta = {"published": date, "phrase": True}
    doc = nlp(doc, disable=["wirecoder_events"])
    actor = resolve_phrase_doc(doc)
    return None if actor is None else Actor.model_validate(actor)
