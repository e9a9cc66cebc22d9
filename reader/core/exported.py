"""Notes gathered for an export: by chapter, placed in today's text, with their current words.

The exports (reader/core/exchange.py for JSON, reader/core/study_notes.py for Markdown
and HTML) and the sync file all start from `collect`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from reader.core.anchoring import TextPositionSelector
from reader.core.document import ChapterDocument, load_document
from reader.core.i18n import translate
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation, parse_timestamp
from reader.core.placement import place_annotations

__all__ = [
    "ChapterNotes",
    "DocumentFor",
    "ExportedNote",
    "State",
    "collect",
    "dates_label",
    "quote_and_was",
    "was_edited",
]

State = Literal["anchored", "orphaned", "deleted"]
DocumentFor = Callable[[Chapter], ChapterDocument]


@dataclass(frozen=True)
class ExportedNote:
    """One annotation as exported: where it is in the current text, and in which section."""

    annotation: Annotation
    state: State
    position: TextPositionSelector | None
    section: str | None = None  # the heading's title
    words: str | None = None
    """The words at `position` today, when they differ from the stored quote."""


def quote_and_was(annotation: Annotation, current: str | None = None) -> tuple[str, str | None]:
    """The words to show for a passage, and the earlier wording ("was: …") if it changed.

    `current` is the text at the passage's place today, when it is known; otherwise the
    stored quote is today's words as far as anyone knows (the window stores them when it
    re-anchors a reworded passage, and keeps the first words in `previous_quote`).
    """
    stored = annotation.target.quote.exact
    shown = current if current else stored
    was = annotation.previous_quote or stored
    return shown, (None if was == shown else was)


# Changes within this long of a note's making are part of making it (a highlight, then its
# note typed at once with Ctrl+Shift+N), not an edit worth a date of its own.
EDIT_AFTER = timedelta(minutes=1)


def was_edited(created: str, modified: str) -> bool:
    """Whether a note changed after it was made (more than a minute after)."""
    try:
        return parse_timestamp(modified) - parse_timestamp(created) > EDIT_AFTER
    except ValueError:
        return modified != created


def dates_label(created: str, modified: str, day: Callable[[str], str]) -> str:
    """ "created 3 May", or "created 3 May · edited 5 May" once the note was changed.

    `day` writes one timestamp as a date. An undone delete counts as an edit: it keeps its
    created date and carries the time it was restored.
    """
    label = translate("Exported", "created {day}").format(day=day(created))
    if was_edited(created, modified):
        label += translate("Exported", " · edited {day}").format(day=day(modified))
    return label


@dataclass(frozen=True)
class ChapterNotes:
    """The exported annotations of one chapter: placed ones in reading order, then orphans."""

    slug: str
    title: str
    in_library: bool
    notes: list[ExportedNote] = field(default_factory=list)

    @property
    def placed(self) -> list[ExportedNote]:
        """Highlights found in the chapter's current text."""
        return [n for n in self.notes if n.state == "anchored" and n.annotation.kind == "highlight"]

    @property
    def orphaned(self) -> list[ExportedNote]:
        """Highlights whose passage is not in the chapter's current text."""
        return [n for n in self.notes if n.state == "orphaned" and n.annotation.kind == "highlight"]

    @property
    def bookmarks(self) -> list[ExportedNote]:
        """Live bookmarks, placed ones in reading order first."""
        return [n for n in self.notes if n.state != "deleted" and n.annotation.kind == "bookmark"]


def collect(
    annotations: Iterable[Annotation],
    library: Library,
    *,
    reanchor: bool = True,
    document_for: DocumentFor | None = None,
) -> list[ChapterNotes]:
    """Group annotations by chapter (library order, then unknown slugs) and place them.

    With `reanchor`, each chapter's annotations are anchored in its current plain text,
    so positions, sections and words are today's. Without it (the sync file, written after
    every change) the stored positions and quotes are used as they are: the window keeps
    them current.
    """
    load = document_for or (lambda chapter: load_document(chapter, library.files))
    by_chapter: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_chapter.setdefault(annotation.chapter, []).append(annotation)
    order: dict[str, int] = {c.slug: i for i, c in enumerate(library.chapters)}
    slugs = sorted(by_chapter, key=lambda s: (order.get(s, len(order)), s))
    result: list[ChapterNotes] = []
    for slug in slugs:
        items = by_chapter[slug]
        chapter = library.by_slug(slug)
        live = [a for a in items if not a.deleted]
        tombstones = [ExportedNote(a, "deleted", None) for a in items if a.deleted]
        doc = None
        if chapter is not None and reanchor:
            # A chapter edited on disk since the library was read is exported with its
            # stored positions, as the sync file always is.
            with contextlib.suppress(ChapterChangedError):
                doc = load(chapter)
        if doc is not None:
            notes = _placed(live, doc)
        else:
            notes = [
                ExportedNote(a, "anchored" if a.target.position else "orphaned", a.target.position)
                for a in live
            ]
        notes.sort(key=_reading_order)
        title = chapter.title if chapter is not None else slug
        result.append(ChapterNotes(slug, title, chapter is not None, notes + tombstones))
    return result


def _placed(live: list[Annotation], doc: ChapterDocument) -> list[ExportedNote]:
    titles = {h.id: h.title for h in doc.rendered.headings}
    notes: list[ExportedNote] = []
    for placement in place_annotations(live, doc.plain, titles):
        span = placement.span
        if span is None:
            notes.append(ExportedNote(placement.annotation, "orphaned", None))
            continue
        position = TextPositionSelector(span.start, span.end)
        words = doc.plain.text[span.start : span.end]
        changed = words if words != placement.annotation.target.quote.exact else None
        notes.append(
            ExportedNote(placement.annotation, "anchored", position, placement.section, changed)
        )
    return notes


def _reading_order(note: ExportedNote) -> tuple[int, int, str, str]:
    if note.position is not None:
        return (0, note.position.start, note.annotation.created, note.annotation.id)
    return (1, 0, note.annotation.created, note.annotation.id)
