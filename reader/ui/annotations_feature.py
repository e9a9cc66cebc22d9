"""Highlights and notes in the window: the feature that ties them together, and its commands.

Re-anchoring is in reader/core/reanchor.py, drawing in highlight_painter.py, the Notes
panel's upkeep in notes_panel_link.py; this module keeps the open chapter's notes, the
editing commands (undoable), and going to a note.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMenu

from reader.core.anchoring import describe
from reader.core.i18n import translate
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span, place_annotations
from reader.core.reanchor import reanchor
from reader.storage.annotations import AnnotationStore
from reader.storage.db import StorageError
from reader.ui.annotation_commands import AddCommand, DeleteCommand, EditCommand
from reader.ui.bookmarks import Bookmarks
from reader.ui.caret import HINT, CaretAnnouncer
from reader.ui.context import AppContext, Notes, NotesUnavailable, ReaderWindow
from reader.ui.db_watch import DatabaseWatcher
from reader.ui.highlight_menus import HighlightMenus, swatch_icon
from reader.ui.highlight_painter import HighlightPainter, describe_highlights
from reader.ui.note_dialog import NoteDialog
from reader.ui.notes_menu import NotesCommands, build_notes_menu
from reader.ui.notes_panel_link import NotesPanelLink
from reader.ui.plain import show_message
from reader.ui.selection import selected_range

__all__ = ["AnnotationsFeature", "NotesUnavailable", "install_annotations"]


class AnnotationsFeature(QObject):
    """Keeps the view and the Notes panel in step with the notes of the context.

    Its writes are announced on `signals.notes_changed`; it reads the notes again on
    `signals.notes_replaced` (an import, a sync, another program).
    """

    def __init__(self, context: AppContext, window: ReaderWindow, notes: Notes) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._signals = context.signals
        self._window = window
        self._view = window.view
        self._notes = notes
        self._annotations: dict[AnnotationId, Annotation] = {}
        self._placed: dict[AnnotationId, Span] = {}
        self._orphans: list[Annotation] = []
        self._slug: str | None = None
        self._default_colour = "yellow"
        self.undo_stack = QUndoStack(self)
        # The version of each highlight the undo stack wrote last: undo and redo write only
        # over it, never over a newer one from a sync, an import or another program.
        self.written_versions: dict[AnnotationId, Annotation] = {}
        self.painter = HighlightPainter(window.view, lambda: window.theme)
        self.notes_panel = NotesPanelLink(
            context,
            window,
            notes,
            lambda: (self._slug, self._placed),
            self._give_up_reading,
            self._annotation_menu,
            self.go_to,
        )
        self.panel = self.notes_panel.panel
        self.panel.delete_requested.connect(self.delete)
        actions = build_notes_menu(
            context.actions,
            window.as_widget(),
            NotesCommands(
                highlight=self.highlight_selection,
                highlight_in=lambda colour: self.highlight_selection(colour),
                pop_colours=self.pop_colour_menu,
                highlight_with_note=self.highlight_with_note,
                show_panel=self.show_panel,
            ),
            self.undo_stack,
            lambda colour: swatch_icon(colour, window.theme),
        )
        self.colour_menu = actions.colour_menu
        self.highlight_action, self.colour_menu_action = (
            actions.highlight,
            actions.colour_menu_action,
        )
        self.note_action = actions.note
        self.undo_action, self.redo_action = actions.undo, actions.redo
        self.menus = HighlightMenus(self, window.view, lambda: window.theme, window.as_widget())
        self.bookmarking = Bookmarks(context, window, self)
        context.signals.chapter_opened.connect(self.reanchor)
        context.signals.notes_replaced.connect(self._show_stored)
        context.signals.notes_merged.connect(self._show_merged)
        self._selection_changed(False)
        self.announcer = CaretAnnouncer(self._view, self._describe_at)
        if notes.problem:
            QTimer.singleShot(0, self._warn_problem)
        self.watcher: DatabaseWatcher | None = None
        if notes.database is not None:
            self.watcher = DatabaseWatcher(notes.database, self)
            self.watcher.changed.connect(self.reload_from_disk)
        current = window.current_document()
        if current is not None:
            self.reanchor(current.chapter.slug)

    # -- set-up --------------------------------------------------------------------------

    @property
    def store(self) -> AnnotationStore:
        """The annotation store; NotesUnavailable when the notes file could not be read."""
        return self._notes.store

    @property
    def writable(self) -> bool:
        """Whether highlights can be made and changed."""
        return self._notes.writable

    @property
    def _store(self) -> AnnotationStore | None:
        return self._notes.store if self._notes.readable else None

    @Slot()
    def _warn_problem(self) -> None:
        show_message(
            self._window.as_widget(),
            translate("AnnotationsFeature", "Notes"),
            self._notes.problem or "",
        )
        self._window.show_status(self._notes.problem or "", 20000)

    def _give_up_reading(self, error: StorageError) -> None:
        """The notes file cannot be read (damaged, or a newer layout): carry on without it."""
        self._notes.give_up(
            translate(
                "AnnotationsFeature",
                "Your notes could not be read from {path} ({message}). The file is "
                "left as it is; the chapters can still be read.",
            ).format(path=error.path, message=error.message)
        )
        self.painter.clear()
        self._selection_changed(False)
        self.notes_panel.clear()
        self._warn_problem()

    def report_storage_error(self, error: StorageError) -> None:
        """Tell the user that a change could not be saved, and why."""
        show_message(
            self._window.as_widget(),
            translate("AnnotationsFeature", "Your change was not saved"),
            error.message,
        )

    def changed_elsewhere(self, current: Annotation | None, action: str) -> None:
        """An undo or redo was skipped because the highlight changed since: say so, show it."""
        deleted = current is None or current.deleted
        messages = {
            (True, "undo"): translate(
                "AnnotationsFeature",
                "This highlight was deleted elsewhere since; undo skipped so the newer "
                "version is kept.",
            ),
            (True, "redo"): translate(
                "AnnotationsFeature",
                "This highlight was deleted elsewhere since; redo skipped so the newer "
                "version is kept.",
            ),
            (False, "undo"): translate(
                "AnnotationsFeature",
                "This highlight was changed elsewhere since; undo skipped so the newer "
                "version is kept.",
            ),
            (False, "redo"): translate(
                "AnnotationsFeature",
                "This highlight was changed elsewhere since; redo skipped so the newer "
                "version is kept.",
            ),
        }
        self._window.show_status(messages[deleted, "redo" if action == "redo" else "undo"], 10000)
        self.reload_from_disk()

    @Slot()
    def reload_from_disk(self) -> None:
        """Another program changed the stored notes: say so on the hub, which shows them."""
        if self._store is not None:
            self._signals.notes_replaced.emit()

    @Slot(list)
    def _show_merged(self, _ids: list[str]) -> None:
        # The watcher would report the same commits again as another program's.
        if self.watcher is not None:
            self.watcher.acknowledge()
        self._show_stored()

    @Slot()
    def _show_stored(self) -> None:
        doc = self._window.current_document()
        self.reanchor(doc.chapter.slug if doc is not None else "")

    def show_panel(self) -> None:
        """Show the Notes tab of the sidebar."""
        self.notes_panel.show()

    # -- placing and drawing (reader/core/reanchor.py, highlight_painter.py) -------------------

    @Slot(str)
    def reanchor(self, slug: str) -> None:
        """Find every annotation of chapter `slug` in its current text and draw it."""
        self._slug = slug
        self._annotations.clear()
        self._placed.clear()
        self._orphans = []
        doc = self._window.current_document()
        if self._store is None or doc is None or doc.chapter.slug != slug:
            self.painter.clear()
            self.notes_panel.refresh()
            return
        try:
            annotations = self._store.list(slug)
        except StorageError as error:
            self._give_up_reading(error)
            return
        found = reanchor(annotations, doc.plain)
        self._annotations.update(found.annotations)
        self._placed.update(found.placed)
        self._orphans = found.orphans
        if (found.moved or found.reworded) and self.writable:
            # A certain new place is remembered, so the next open takes the fast path, and
            # the current words of a reworded passage, so that exports and search agree
            # with the window. Only bookkeeping: a failed write still leaves them drawn.
            with contextlib.suppress(StorageError):
                self.store.update_positions(found.moved)
                if found.reworded and self.store.update_quotes(found.reworded):
                    for annotation_id, _ in found.reworded:
                        stored = self.store.get(annotation_id)
                        if stored is not None:
                            self._annotations[annotation_id] = stored
                    self._signals.notes_changed.emit([i for i, _ in found.reworded])
        self._redraw()
        self.notes_panel.refresh()

    def _record(self, annotation: Annotation, found: Span | None) -> None:
        if found is None:
            self._orphans.append(annotation)
        else:
            self._placed[annotation.id] = found

    def _redraw(self) -> None:
        self.painter.paint((self._annotations[i], place) for i, place in self._placed.items())
        self.announcer.update()

    def placed_changed(self, annotation: Annotation) -> None:
        """An annotation was created, restored or edited: place it again and redraw."""
        self._signals.notes_changed.emit([annotation.id])
        if annotation.chapter != self._slug:
            self.notes_panel.refresh()
            return
        self._annotations[annotation.id] = annotation
        self._orphans = [a for a in self._orphans if a.id != annotation.id]
        doc = self._window.current_document()
        # A colour or note edit leaves the passage where it is drawn; a new or restored
        # highlight is placed afresh.
        if annotation.id not in self._placed and doc is not None:
            self._record(annotation, place_annotations([annotation], doc.plain)[0].span)
        self._redraw()
        self.notes_panel.refresh()

    def removed(self, annotation: Annotation) -> None:
        """An annotation was deleted: stop drawing it."""
        self._signals.notes_changed.emit([annotation.id])
        self._annotations.pop(annotation.id, None)
        self._placed.pop(annotation.id, None)
        self._orphans = [a for a in self._orphans if a.id != annotation.id]
        self._redraw()
        self.notes_panel.refresh()

    # -- user actions -------------------------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The plain-text range the student chose (see reader/ui/selection.py), or None."""
        doc = self._window.current_document()
        return None if doc is None else selected_range(self._view, doc.plain.text)

    def highlight_selection(self, colour: str | None = None, note: str = "") -> Annotation | None:
        """Highlight the selected text in `colour` (default: the last one used)."""
        chosen = colour or self._default_colour
        selected = self.selected_range()
        doc = self._window.current_document()
        if selected is None or doc is None:
            self._window.show_status(translate("Caret", HINT), 6000)
            return None
        if not self.writable:
            self._window.show_status(
                self._notes.problem or translate("AnnotationsFeature", "Notes cannot be changed."),
                6000,
            )
            return None
        self._default_colour = chosen
        target = describe(doc.plain.text, *selected)
        command = AddCommand(self, doc.chapter.slug, target, chosen, note)
        self.undo_stack.push(command)
        cursor = self._view.textCursor()
        # Setting the cursor scrolls to it: for a find match it still stands where it
        # was, often far from the page shown, so only a real selection is cleared.
        if cursor.hasSelection():
            cursor.clearSelection()
            self._view.setTextCursor(cursor)
        return command.annotation

    @Slot()
    def highlight_with_note(self) -> None:
        """Highlight the selection and open the note editor for it."""
        created = self.highlight_selection()
        if created is not None:
            self.edit_note(created.id)

    def pop_colour_menu(self) -> None:
        """Offer the highlight colours at the text cursor (Ctrl+Shift+H, then 1 to 5)."""
        if self.selected_range() is None:
            self._window.show_status(translate("Caret", HINT), 6000)
            return
        rect = self._view.cursorRect()
        self.colour_menu.popup(self._view.viewport().mapToGlobal(rect.bottomLeft()))

    def set_colour(self, annotation_id: AnnotationId, colour: str) -> None:
        """Change the colour of a highlight (undoable)."""
        annotation = self._live(annotation_id)
        if annotation is not None and annotation.colour != colour and self.writable:
            self._default_colour = colour
            self.undo_stack.push(EditCommand(self, annotation, "colour", colour))

    def set_note(self, annotation_id: AnnotationId, note: str) -> None:
        """Replace the note of a highlight (undoable)."""
        annotation = self._live(annotation_id)
        if annotation is not None and annotation.note != note and self.writable:
            self.undo_stack.push(EditCommand(self, annotation, "note", note))

    def edit_note(self, annotation_id: AnnotationId) -> NoteDialog | None:
        """Open the note editor for a highlight; saving applies the note."""
        annotation = self._live(annotation_id)
        if annotation is None:
            return None
        dialog = NoteDialog(
            annotation.target.quote.exact, annotation.note, self._window.as_widget()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_note(annotation_id, dialog.note()))
        dialog.open()
        self.note_dialog = dialog
        return dialog

    @Slot(str)
    def delete(self, annotation_id: str) -> None:
        """Delete a highlight (undoable with Ctrl+Z)."""
        if self._live(AnnotationId(annotation_id)) is not None and self.writable:
            live = self._live(AnnotationId(annotation_id))
            what = "Bookmark" if live is not None and live.kind == "bookmark" else "Highlight"
            self.undo_stack.push(DeleteCommand(self, AnnotationId(annotation_id), what))
            self._window.show_status(
                translate("AnnotationsFeature", "Bookmark deleted. Ctrl+Z brings it back.")
                if what == "Bookmark"
                else translate("AnnotationsFeature", "Highlight deleted. Ctrl+Z brings it back."),
                6000,
            )

    def copy_quote(self, annotation_id: AnnotationId) -> None:
        """Copy a highlight's quoted text to the clipboard."""
        annotation = self._live(annotation_id)
        if annotation is not None:
            QGuiApplication.clipboard().setText(annotation.target.quote.exact)

    def _live(self, annotation_id: AnnotationId) -> Annotation | None:
        if self._store is None:
            return None
        annotation = self._annotations.get(annotation_id) or self._store.get(annotation_id)
        return annotation if annotation is not None and not annotation.deleted else None

    def placed(self) -> list[tuple[Annotation, Span]]:
        """Every drawn highlight of the open chapter with where it is drawn."""
        pairs = [(self._annotations[i], place) for i, place in self._placed.items()]
        return [(a, place) for a, place in pairs if a.kind == "highlight"]

    def bookmarks(self) -> list[tuple[Annotation, Span]]:
        """Every placed bookmark of the open chapter with its paragraph's first words."""
        pairs = [(self._annotations[i], place) for i, place in self._placed.items()]
        return [(a, place) for a, place in pairs if a.kind == "bookmark"]

    @Slot(bool)
    def _selection_changed(self, _has_selection: bool) -> None:
        # Enabled without a selection too: Ctrl+H then highlights the find bar's match, or
        # says how to select with the keyboard, instead of doing nothing.
        for action in (self.highlight_action, self.colour_menu_action, self.note_action):
            action.setEnabled(self.writable)

    def _describe_at(self, position: int) -> str:
        """Words for the highlights holding Qt position `position` (the caret), or ""."""
        positions = self._view.positions
        if positions is None or not self._placed:
            return ""
        return describe_highlights(self.placed(), positions.from_qt(position))

    def _annotation_menu(self, annotation_id: str, leading: list[QAction]) -> QMenu | None:
        """The text's own menu for a live annotation, after `leading` (for the Notes list)."""
        annotation = self._live(AnnotationId(annotation_id))
        if annotation is None:
            return None
        return self.menus.annotation_menu([annotation], self.panel, leading)

    # -- the chapter's notes, and going to one ----------------------------------------------------

    def all_annotations(self) -> list[Annotation]:
        """Every live annotation, or none when the notes file cannot be read (for search)."""
        if self._store is None:
            return []
        try:
            return self._store.list(None)
        except StorageError as error:
            self._give_up_reading(error)
            return []

    def placement(self, annotation_id: AnnotationId) -> Span | None:
        """Where an annotation of the open chapter is drawn, if it is placed."""
        return self._placed.get(annotation_id)

    def orphans(self) -> list[Annotation]:
        """Annotations of the open chapter that could not be placed."""
        return list(self._orphans)

    @Slot(str)
    def go_to(self, annotation_id: str) -> None:
        """Open the chapter of an annotation and show it with a brief flash."""
        if self._store is None:
            return
        annotation = self._store.get(AnnotationId(annotation_id))
        if annotation is None or annotation.deleted:
            return
        if self._context.library.by_slug(annotation.chapter) is None:
            self._window.show_status(
                translate("AnnotationsFeature", "That chapter is not in this library."), 5000
            )
            return
        self._window.leave_place()
        if self._slug != annotation.chapter and not self._window.open_chapter(annotation.chapter):
            return  # the window has said why (the chapter changed on disk)
        place = self._placed.get(annotation.id)
        if place is None:
            self._window.show_status(
                translate(
                    "AnnotationsFeature",
                    "This note's passage was not found in the current text of the chapter.",
                ),
                6000,
            )
            return
        view = self._view
        view.scroll_to_offset(place.start)
        if annotation.kind == "bookmark":
            return  # its paragraph at the top, where Ctrl+D made it (and removes it)
        # Leave a little of the text above the passage in view.
        bar = view.verticalScrollBar()
        bar.setValue(max(0, bar.value() - view.viewport().height() // 4))
        self.painter.flash(place)


def install_annotations(context: AppContext, window: ReaderWindow) -> AnnotationsFeature | None:
    """Add highlighting and the Notes panel to the window; None when there are no notes."""
    notes = context.notes
    if notes is None:
        return None
    return AnnotationsFeature(context, window, notes)
