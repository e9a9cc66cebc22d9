"""The Notes tab of the sidebar kept in step with the notes: built when shown, for its scope."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.core.i18n import translate
from reader.core.notes import AnnotationId
from reader.core.placement import Span
from reader.storage.db import StorageError
from reader.ui.context import AppContext, Notes, ReaderWindow
from reader.ui.note_listing import listing_for, note_entries
from reader.ui.notes_panel import NotesPanel

__all__ = ["NotesPanelLink"]


class NotesPanelLink(QObject):
    """Owns the Notes panel: adds its tab and fills it with this chapter's notes or all.

    `chapter` gives the open chapter's slug and where its notes are drawn; a notes file
    that cannot be read is handed to `read_failed`; `annotation_menu` gives the text's own
    menu for a note, which the list's menu extends with Show in Text (`go_to`, as Enter).
    """

    def __init__(
        self,
        context: AppContext,
        window: ReaderWindow,
        notes: Notes,
        chapter: Callable[[], tuple[str | None, dict[AnnotationId, Span]]],
        read_failed: Callable[[StorageError], None],
        annotation_menu: Callable[[str, list[QAction]], QMenu | None],
        go_to: Callable[[str], None],
    ) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._notes = notes
        self._chapter = chapter
        self._read_failed = read_failed
        self._annotation_menu = annotation_menu
        self._go_to = go_to
        self.menu: QMenu | None = None
        self.panel = NotesPanel(window.as_widget())
        window.sidebar.addTab(self.panel, translate("NotesPanelLink", "Notes"))
        self.panel.scope_changed.connect(self.refresh)
        self.panel.menu_requested.connect(self._show_menu)
        self.panel.activated.connect(go_to)
        self._dirty = True
        window.sidebar.currentChanged.connect(self._sidebar_changed)

    @Slot(str, QPoint)
    def _show_menu(self, annotation_id: str, where: QPoint) -> None:
        """The Notes list's menu of a note: Show in Text, then the text's own menu."""
        show = QAction(translate("NotesPanelLink", "&Show in Text"), self.panel)
        show.triggered.connect(lambda: self._go_to(annotation_id))
        menu = self._annotation_menu(annotation_id, [show])
        if menu is None:
            return
        show.setParent(menu)  # goes with the menu when it closes
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(where)

    @Slot(int)
    def _sidebar_changed(self, _index: int) -> None:
        if self._dirty and self._window.sidebar.currentWidget() is self.panel:
            self.refresh()

    def show(self) -> None:
        """Show the Notes tab of the sidebar, up to date, with the focus in its list."""
        self._window.sidebar.setVisible(True)
        self._window.sidebar.setCurrentWidget(self.panel)
        if self._dirty:
            self.refresh()
        self.panel.focus_list()

    def clear(self) -> None:
        """List no notes (the notes file cannot be read)."""
        self.panel.set_entries([], self._window.theme)

    @Slot()
    def refresh(self) -> None:
        """Rebuild the list for its scope, now if the panel is shown, else when it is."""
        if not self.panel.isVisible():
            # Building a thousand entries nobody sees would slow every chapter opening.
            self._dirty = True
            return
        self._dirty = False
        if not self._notes.readable:
            self.clear()
            return
        slug, placed = self._chapter()
        scope = slug if self.panel.this_chapter_only() and slug else None
        listing = listing_for(self.panel)
        listing.cancel()
        if scope is None and self._notes.database is not None:
            # Every other chapter is rendered and placed: off the UI thread.
            listing.start(
                self._window.as_widget(),
                self._notes.database.path,
                self._context.library,
                self._context.library_id,
                self._context.data_dir,
                self._window.current_document(),
                placed,
                lambda entries: self.panel.set_entries(entries, self._window.theme),
            )
            return
        try:
            annotations = self._notes.store.list(scope)
        except StorageError as error:
            self._read_failed(error)
            return
        entries = note_entries(
            annotations,
            self._context.library,
            self._window.current_document(),
            placed,
            self._context.document_for,
        )
        self.panel.set_entries(entries, self._window.theme)
