"""What the Notes panel lists: each annotation in scope with its chapter, section and state.

Annotations of the open chapter use where the window drew them; those of other chapters are
anchored here against their text. Nothing is ever left out: an annotation that cannot be
placed is listed as not found, one of a chapter missing from the library or changed on
disk since the start is listed under that, so a student always sees every note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.core.document import ChapterDocument, DocumentCache
from reader.core.i18n import translate
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span, place_annotations
from reader.core.render_cache import RenderCache, render_cache_folder
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.notes_panel import NoteEntry
from reader.ui.tasks import Task, TaskContext, task_runner


def note_entries(
    annotations: Iterable[Annotation],
    library: Library,
    current: ChapterDocument | None,
    placed: dict[AnnotationId, Span],
    document_for: Callable[[Chapter], ChapterDocument],
    check: Callable[[], None] | None = None,
) -> list[NoteEntry]:
    """The panel's entries for `annotations`, in reading order of their chapters.

    `current` is the open chapter and `placed` where its annotations are drawn;
    `document_for` gives any other chapter's document; `check` is called before each
    chapter (a task's cancellation check).
    """
    by_chapter: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_chapter.setdefault(annotation.chapter, []).append(annotation)
    entries: list[NoteEntry] = []
    for slug, items in by_chapter.items():
        if check is not None:
            check()
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


def all_chapters_entries(
    db_path: Path,
    library: Library,
    library_id: str,
    data_dir: Path,
    current: ChapterDocument | None,
    placed: dict[AnnotationId, Span],
    context: TaskContext,
) -> list[NoteEntry]:
    """Every live annotation's entry, read through a connection of this (pool) thread.

    Chapters are rendered by a cache of its own (the window's is not shared across
    threads), backed by the same render cache on disk.
    """
    with Database(db_path, keep_backups=False) as db:
        annotations = AnnotationStore(db, library_id).list(None)
    documents = DocumentCache(library.files, disk=RenderCache(render_cache_folder(data_dir)))
    return note_entries(annotations, library, current, placed, documents.get, context.check)


class BackgroundListing(QObject):
    """The Notes panel's all-chapters list, built off the UI thread; only the newest counts."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("notesListing")
        self._task: Task | None = None

    @property
    def task(self) -> Task | None:
        """The listing under way, if any."""
        return self._task

    def cancel(self) -> None:
        """Forget the listing under way (a newer one, or another scope, replaces it)."""
        if self._task is not None:
            self._task.cancel()
        self._task = None

    def start(
        self,
        window: QMainWindow,
        db_path: Path,
        library: Library,
        library_id: str,
        data_dir: Path,
        current: ChapterDocument | None,
        placed: dict[AnnotationId, Span],
        show: Callable[[list[NoteEntry]], None],
    ) -> Task:
        """List every chapter's notes on the window's runner; `show(entries)` when done."""
        self.cancel()
        snapshot = dict(placed)  # the window goes on changing its own

        def done(entries: list[NoteEntry], task_ref: list[Task]) -> None:
            if task_ref and task_ref[0] is self._task:
                self._task = None
                show(entries)

        ref: list[Task] = []
        task = task_runner(window).submit(
            "read",
            translate("NoteListing", "Listing notes"),
            lambda context: all_chapters_entries(
                db_path, library, library_id, data_dir, current, snapshot, context
            ),
            on_done=lambda entries: done(entries, ref),
        )
        ref.append(task)
        self._task = task
        return task


def listing_for(panel: QWidget) -> BackgroundListing:
    """The background listing of a Notes panel, created at the first call."""
    found = panel.findChild(BackgroundListing, "notesListing")
    return found if isinstance(found, BackgroundListing) else BackgroundListing(panel)
