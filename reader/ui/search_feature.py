"""Search on the main window: the Search tab, the find bar, their shortcuts and the index."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTextEdit

from reader.core.i18n import translate
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import section_range
from reader.core.render_cache import render_cache_folder
from reader.core.search import SearchIndex
from reader.core.search_query import find_query, find_text, parse_query
from reader.core.search_types import (
    NoteEntry,
    SearchHit,
    SearchIndexError,
    SyncReport,
)
from reader.storage.errors import StorageError
from reader.ui.actions import make_action
from reader.ui.context import AppContext, ReaderWindow
from reader.ui.find_bar import FindBar, match_format
from reader.ui.search_panel import SearchPanel
from reader.ui.search_worker import IndexWorker
from reader.ui.window_menus import SEARCH_FIND

SEARCH_LAYER = "search"
BULK_NOTES = 2000
"""More changed notes than this are re-indexed by one pass over all notes."""
RESULT_LIMIT = 50
REANSWER_SECONDS = 1.0
"""While indexing, the query in the field is answered again at most this often."""


class SearchFeature(QObject):
    """Search across the library (sidebar tab) and find in the open chapter (bar)."""

    index_ready = Signal()  # the index is up to date with the library

    def __init__(self, context: AppContext, window: ReaderWindow) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._index = context.search_index()
        self._worker: IndexWorker | None = None
        self._ready = False
        self._marked: tuple[str, SearchHit] | None = None
        self._notes_source: Callable[[], Iterable[Annotation]] | None = None
        self._again = False  # the library changed while indexing: index once more after
        self._indexed = (0, 0)  # while indexing: chapters searchable so far, of all
        self._answered = 0.0  # when a progress report last answered the query again

        self._panel = SearchPanel()
        self._panel.set_theme(window.theme)
        window.sidebar.addTab(self._panel, translate("SearchFeature", "Search"))
        self._find = FindBar(window.view)
        self._find.set_theme(window.theme)
        self._build_actions()

        self._panel.query_changed.connect(self.run_query)
        self._panel.result_activated.connect(self.open_hit)
        context.signals.chapter_opened.connect(self._on_chapter_opened)
        context.signals.theme_changed.connect(self._on_theme_changed)
        # A change names its notes: only they are indexed again. Notes replaced beneath
        # the window (another program) are all read again.
        context.signals.notes_changed.connect(self.refresh_notes_by_id)
        context.signals.notes_merged.connect(self.refresh_notes_by_id)
        context.signals.notes_replaced.connect(self.refresh_notes)
        # A chapter edited on disk while the window is open is indexed again.
        context.signals.library_changed.connect(self.update_index)
        window.as_widget().installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        notice = self._index.take_fallback_notice()
        if notice:
            window.show_status(notice, 15000)
        self.update_index()

    # -- building --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self._window.as_widget()
        self.search_action = make_action(
            window,
            translate("SearchFeature", "&Search All Chapters…"),
            self.focus_search,
            "Ctrl+Shift+F",
            translate("SearchFeature", "Search every chapter and your notes"),
        )
        self.find_action = make_action(
            window,
            translate("SearchFeature", "&Find in Chapter…"),
            self._find.open_bar,
            QKeySequence.StandardKey.Find,
            translate("SearchFeature", "Find words in this chapter"),
        )
        self.find_next_action = make_action(
            window,
            translate("SearchFeature", "Find &Next"),
            self._find.find_next,
            "F3",
            translate("SearchFeature", "The next match in this chapter"),
        )
        self.find_previous_action = make_action(
            window,
            translate("SearchFeature", "Find &Previous"),
            self._find.find_previous,
            "Shift+F3",
            translate("SearchFeature", "The previous match in this chapter"),
        )
        for step, action in enumerate(
            (self.find_action, self.find_next_action, self.find_previous_action, self.search_action)
        ):
            self._context.actions.register(
                action, menu="search", group="find", order=SEARCH_FIND + step
            )

    # -- public ----------------------------------------------------------------------------

    @property
    def panel(self) -> SearchPanel:
        """The Search tab."""
        return self._panel

    @property
    def find_bar(self) -> FindBar:
        """The find-in-chapter bar."""
        return self._find

    @property
    def index(self) -> SearchIndex:
        """The index as the UI thread uses it (queries and notes)."""
        return self._index

    def is_ready(self) -> bool:
        """Whether the index is up to date with the library."""
        return self._ready

    @Slot()
    def focus_search(self) -> None:
        """Show the Search tab and put the focus in its field."""
        window = self._window
        if window.sidebar.isHidden():
            # The window's own action shows the sidebar and keeps its menu check in step.
            window.focus_contents()
        window.sidebar.setCurrentWidget(self._panel)
        self._panel.focus_field()

    def update_index(self) -> None:
        """Bring the index up to date: nothing to do when the library is unchanged, else
        re-index the changed chapters off the UI thread."""
        if self._worker is not None and self._worker.isRunning():
            self._again = True
            return
        changed, removed = self._index.stale(self._context.library)
        if not changed and not removed:
            self._set_ready()
            return
        self._ready = False
        total = len(self._context.library.chapters)
        self._on_progress(total - len(changed), total)
        worker = IndexWorker(
            self._index.path,
            self._context.library,
            self._index.uses_fts5,
            render_cache_folder(self._context.data_dir),
            self,
        )
        worker.progress.connect(self._on_progress)
        worker.synced.connect(self._on_synced)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        worker.start()

    @Slot()
    def shutdown(self) -> None:
        """Stop indexing (it resumes at the next start) and wait for the thread to end."""
        worker, self._worker = self._worker, None
        if worker is not None and worker.isRunning():
            worker.requestInterruption()
            worker.wait()

    @Slot(str)
    def run_query(self, query: str) -> list[SearchHit]:
        """Search now and show the results in the panel."""
        hits = self._index.search(query, limit=RESULT_LIMIT)
        done, total = self._indexed
        note = (
            ""
            if self._ready or not query.strip()
            else translate(
                "SearchFeature", "Still indexing: results from {done} of {total} chapters."
            ).format(done=_count(done), total=_count(total))
        )
        self._panel.set_results(query, hits, note)
        return hits

    @Slot(object)
    def open_hit(self, hit: SearchHit) -> None:
        """Open a result's chapter at its section and mark the matched words there."""
        self._window.leave_place()
        if not self._window.open_chapter(hit.chapter, heading=hit.heading, offset=0):
            self._window.show_status(
                translate("SearchFeature", "That chapter is no longer in the library."), 5000
            )
            return
        self._marked = (self._panel.query(), hit)
        self._mark_hit(reveal=True)

    def update_notes(self, notes: Iterable[NoteEntry]) -> None:
        """Index these notes (added or edited)."""
        self._index.update_notes(notes)

    def remove_note(self, note_id: str) -> None:
        """Take a deleted note out of the index."""
        self._index.remove_note(note_id)

    def sync_notes(self, annotations: Iterable[Annotation]) -> None:
        """Make the indexed notes those of `annotations` (the notes store's `list()`)."""
        try:
            self._index.replace_notes(self._index.note_entries(annotations))
        except SearchIndexError as error:
            self._panel.set_status(
                translate("SearchFeature", "Notes could not be indexed: {error}").format(
                    error=error
                )
            )

    def set_notes_source(self, source: Callable[[], Iterable[Annotation]] | None) -> None:
        """Where the notes come from (e.g. the store's `list`); synced now, after each index
        update (notes take their section's heading from the index) and on `refresh_notes`."""
        self._notes_source = source
        self.refresh_notes()

    @Slot()
    def refresh_notes(self) -> None:
        """Re-read the notes from their source; only changed notes are re-indexed."""
        if self._notes_source is not None:
            self.sync_notes(self._notes_source())

    @Slot(list)
    def refresh_notes_by_id(self, ids: list[str]) -> None:
        """Index again only the notes with these ids (written or merged by this window)."""
        notes = self._context.notes
        if self._notes_source is None or notes is None or not notes.readable:
            return
        if len(ids) > BULK_NOTES:
            # Reading them one by one would cost more than one pass over them all.
            self.refresh_notes()
            return
        try:
            records = [notes.store.get(AnnotationId(note_id)) for note_id in ids]
        except (StorageError, sqlite3.Error):
            return  # the window reports unreadable notes itself
        live = [r for r in records if r is not None and not r.deleted and r.note.strip()]
        kept = {r.id for r in live}
        try:
            for note_id in ids:
                if note_id not in kept:
                    self._index.remove_note(note_id)
            self._index.update_notes(self._index.note_entries(live))
        except SearchIndexError as error:
            self._panel.set_status(
                translate("SearchFeature", "Notes could not be indexed: {error}").format(
                    error=error
                )
            )

    # -- marking ---------------------------------------------------------------------------

    def _mark_hit(self, reveal: bool = False) -> None:
        view = self._window.view
        doc = view.chapter_document
        if self._marked is None or doc is None or doc.chapter.slug != self._marked[1].chapter:
            if view.layer(SEARCH_LAYER):
                view.set_layer(SEARCH_LAYER, [])
            return
        query, hit = self._marked
        plain = doc.plain
        start, end = section_range(plain.sections, hit.heading, len(plain.text))
        if hit.start is not None and hit.end is not None:
            # A part of a long section: mark only there (a whole 31 MB section held tens
            # of thousands of matches); an index older than the chapter falls back.
            part = max(start, hit.start), min(end, hit.end)
            if part[0] < part[1]:
                start, end = part
        section = plain.text[start:end]
        if hit.kind == "note":
            # A note's words are not in the text: mark the passage it is about.
            spans = find_text(section, hit.quote)[:1] if hit.quote.strip() else []
        else:
            spans = find_query(section, parse_query(query))
        fmt = match_format(self._window.theme, current=False)
        selections: list[QTextEdit.ExtraSelection] = []
        for s, e in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = view.cursor_for_range(start + s, start + e)
            selection.format = fmt
            selections.append(selection)
        view.set_layer(SEARCH_LAYER, selections)
        if spans and reveal:
            view.reveal(start + spans[0][0], start + spans[0][1])  # opens a folded box
            first = view.cursor_for_range(start + spans[0][0], start + spans[0][1])
            if not view.viewport().rect().contains(view.cursorRect(first)):
                view.scroll_to_offset(start + spans[0][0])

    # -- slots -----------------------------------------------------------------------------

    def _set_ready(self) -> None:
        self._ready = True
        self._panel.set_status("")
        self.refresh_notes()
        if self._panel.query().strip():
            self.run_query(self._panel.query())
        self.index_ready.emit()

    def indexing_progress(self) -> tuple[int, int] | None:
        """While indexing: (chapters searchable so far, chapters of the library); else None."""
        return None if self._ready else self._indexed

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        """`done` of the library's `total` chapters are searchable: say so, and answer the
        query in the field again from them."""
        self._indexed = (done, total)
        if self._panel.query().strip():
            # Answered again at most once a second: a common word over 10,000 chapters
            # takes a tenth of a second of the UI thread.
            now = time.monotonic()
            if now - self._answered >= REANSWER_SECONDS:
                self._answered = now
                self.run_query(self._panel.query())
            return
        self._panel.set_status(
            translate("SearchFeature", "Indexing chapters: {done} of {total}").format(
                done=_count(done), total=_count(total)
            )
        )

    @Slot(object)
    def _on_synced(self, report: SyncReport) -> None:
        self._worker = None
        if self._again:
            self._again = False
            self.update_index()
        elif report.complete:
            self._set_ready()

    @Slot()
    def _on_worker_finished(self) -> None:
        # Queued after synced/failed; still set only when the thread ended on an error
        # of ours (its traceback is printed): say so instead of "Indexing…" forever.
        if self._worker is not None and not self._worker.isRunning():
            self._worker = None
            self._panel.set_status(
                translate("SearchFeature", "Indexing stopped early: some chapters may be missing.")
            )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._worker = None
        self._panel.set_status(
            translate("SearchFeature", "Search could not index the chapters: {message}").format(
                message=message
            )
        )

    @Slot(str)
    def _on_chapter_opened(self, slug: str) -> None:
        # Deferred so that the highlights layer is drawn first and these marks lie over it.
        QTimer.singleShot(0, self._refresh_marks)

    @Slot()
    def _refresh_marks(self) -> None:
        doc = self._window.view.chapter_document
        if self._marked is not None and (
            doc is None or doc.chapter.slug != self._marked[1].chapter
        ):
            self._marked = None
        self._mark_hit()
        self._find.chapter_changed()

    @Slot(str)
    def _on_theme_changed(self, name: str) -> None:
        self._panel.set_theme(self._window.theme)
        self._find.set_theme(self._window.theme)
        self._mark_hit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop indexing when the window closes, so no thread outlives it."""
        if watched is self._window.as_widget() and event.type() == QEvent.Type.Close:
            self.shutdown()
        return super().eventFilter(watched, event)


def _count(number: int) -> str:
    """A count of chapters as the status shows it, with thousands grouped ("4,200")."""
    return f"{number:,}"


def install_search(context: AppContext, window: ReaderWindow) -> SearchFeature:
    """Add search to the window: the Search tab, Ctrl+Shift+F, Ctrl+F, F3 and the index."""
    return SearchFeature(context, window)
