"""What the Notes panel lists: each annotation in scope with its chapter, section and state.

Annotations of the open chapter use where the window drew them; those of other chapters are
anchored here against their text. Nothing is ever left out: an annotation that cannot be
placed is listed as not found, one of a chapter missing from the library or changed on
disk since the start is listed under that, so a student always sees every note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reader.core.document import ChapterDocument
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span, place_annotations
from reader.ui.notes_panel import NoteEntry


def note_entries(
    annotations: Iterable[Annotation],
    library: Library,
    current: ChapterDocument | None,
    placed: dict[AnnotationId, Span],
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
        spans: list[Span | None] | None = None
        if current is not None and slug == current.chapter.slug:
            doc = current
            spans = [placed.get(a.id) for a in items]
        else:
            try:
                doc = document_for(chapter)
            except ChapterChangedError:
                entries.extend(NoteEntry(a, chapter.title, None, "changed-chapter") for a in items)
                continue
        titles = {h.id: h.title for h in doc.rendered.headings}
        for placement in place_annotations(items, doc.plain, titles, spans=spans):
            if placement.span is None:
                entries.append(NoteEntry(placement.annotation, chapter.title, None, "orphaned"))
                continue
            span = placement.span
            # The words there today: a reworded passage shows them, with "was: …" beneath.
            words = doc.plain.text[span.start : span.end]
            entries.append(
                NoteEntry(
                    placement.annotation,
                    chapter.title,
                    placement.section,
                    "placed",
                    span.start,
                    words if words != placement.annotation.target.quote.exact else None,
                )
            )
    order: dict[str, int] = {c.slug: i for i, c in enumerate(library.chapters)}
    entries.sort(key=lambda e: (order.get(e.annotation.chapter, len(order)), e.offset))
    return entries
