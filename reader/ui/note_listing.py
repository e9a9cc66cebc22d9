"""What the Notes panel lists: each annotation in scope with its chapter, section and state.

Annotations of the open chapter use where the window drew them; those of other chapters are
anchored here against their text. Nothing is ever left out: an annotation that cannot be
placed is listed as not found, one of a chapter missing from the library or changed on
disk since the start is listed under that, so a student always sees every note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.anchoring import anchor_all
from reader.core.document import ChapterDocument
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation, AnnotationId
from reader.ui.notes_panel import NoteEntry


@dataclass(frozen=True)
class Placement:
    """Where an annotation of the open chapter is drawn (plain-text offsets)."""

    start: int
    end: int
    certain: bool


def note_entries(
    annotations: Iterable[Annotation],
    library: Library,
    current: ChapterDocument | None,
    placed: dict[AnnotationId, Placement],
    document_for: Callable[[Chapter], ChapterDocument],
) -> list[NoteEntry]:
    """The panel's entries for `annotations`, in reading order of their chapters.

    `current` is the open chapter and `placed` where its annotations are drawn;
    `document_for` gives any other chapter's document.
    """
    by_chapter: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_chapter.setdefault(annotation.chapter, []).append(annotation)
    entries: list[NoteEntry] = []
    for slug, items in by_chapter.items():
        chapter = library.by_slug(slug)
        if chapter is None:
            entries.extend(NoteEntry(a, slug, None, "missing-chapter") for a in items)
            continue
        if current is not None and slug == current.chapter.slug:
            doc = current
            places = {a.id: placed.get(a.id) for a in items}
        else:
            try:
                doc = document_for(chapter)
            except ChapterChangedError:
                entries.extend(NoteEntry(a, chapter.title, None, "changed-chapter") for a in items)
                continue
            found = anchor_all(doc.plain.text, [a.target for a in items])
            places = {
                a.id: Placement(f.start, f.end, f.certain)
                if f.start is not None and f.end is not None
                else None
                for a, f in zip(items, found, strict=True)
            }
        titles = {h.id: h.title for h in doc.rendered.headings}
        for annotation in items:
            place = places.get(annotation.id)
            if place is None:
                entries.append(NoteEntry(annotation, chapter.title, None, "orphaned"))
                continue
            section = doc.plain.section_at(place.start)
            entries.append(
                NoteEntry(
                    annotation, chapter.title, titles.get(section or ""), "placed", place.start
                )
            )
    order: dict[str, int] = {c.slug: i for i, c in enumerate(library.chapters)}
    entries.sort(key=lambda e: (order.get(e.annotation.chapter, len(order)), e.offset))
    return entries
