"""Speaker labels: a line that opens with a name and a colon ("PENCE: Well, look, ...",
a transcript; "Pat Caddell: Democrat voters worried", a headline) attributes the rest of
the line to that name, the colon being the cue."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from wirecoder.sourcing.attributions import Attribution

# One to four capitalised words, then a colon and the words said. Bounded repetition and
# one line at a time keep the match linear.
_LABEL = re.compile(
    r"^[ \t\xa0]*[\"“«]?(?P<name>[A-Z][\w.’'\-]*(?:[ \xa0][A-Z][\w.’'\-]*){0,3})"
    r"(?P<colon>:)[ \t\xa0]+(?P<said>\S[^\n]*)$",
    re.MULTILINE,
)
# Words that label a section, not a speaker.
_NOT_SPEAKERS = {"update", "updated", "watch", "breaking", "exclusive", "note", "editor's note",
                 "photos", "video", "read more", "related", "source", "sources", "the latest",
                 "correction", "clarification", "abstract", "full text", "background"}
# Function words in title case mark a heading ("The Gap Goes On:", "Stealth Over Health:"),
# never a name.
_HEADING_WORDS = {"the", "a", "an", "this", "that", "these", "our", "my", "why", "how", "what",
                  "when", "where", "over", "on", "of", "in", "for", "to", "and", "or", "with",
                  "at", "by", "from", "into", "is", "are", "goes", "not"}


def label_attributions(doc: Doc, text: str) -> list[Attribution]:
    found = []
    for match in _LABEL.finditer(text):
        name = match.group("name")
        if name.lower() in _NOT_SPEAKERS or any(
                w.lower() in _HEADING_WORDS for w in name.split()):
            continue
        source = doc.char_span(match.start("name"), match.end("name"))
        colon = doc.char_span(match.start("colon"), match.end("colon"))
        if source is None or colon is None:
            continue
        end = match.end("said")
        while end > match.start("said") and text[end - 1] in " \t\xa0":
            end -= 1
        said = text[match.start("said"):end]
        if said.endswith(".") and said[-2:-1] not in (".", "—") and not any(
                f"{mark} " in said for mark in ".?!"):
            end -= 1  # a one-sentence line's full stop is not what was said
        found.append(Attribution(
            cue=(colon.start, colon.end),
            source=(source.start, source.end),
            source_head=source.root.i,
            content=[(match.start("said"), end)],
            anchor=colon.start,
        ))
    return found
