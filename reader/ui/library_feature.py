"""The Library menu and dropping a pack on the window: open another library, or one opened before.

Opening a library checks the pack first (reader/core/pack.py): a pack that cannot be used
is refused in a message box and the library open now stays open, untouched. A usable one
replaces the window (`ReopenRequest`): run_gui builds the new window over it, and that
window records it first in the list of libraries opened before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.i18n import translate
from reader.core.library_info import BUNDLED_LIBRARY_ID
from reader.core.library_list import (
    LibraryEntry,
    keep_damaged_copy,
    pack_kind,
    read_list,
    record,
    remove,
    write_list,
)
from reader.core.pack import PackError, open_library
from reader.paths import bundled_content_dir
from reader.ui.actions import make_action
from reader.ui.context import AppContext, ReaderWindow, ReopenRequest
from reader.ui.exchange_dialogs import dialog_options, route_qt_settings
from reader.ui.plain import show_message
from reader.ui.window_menus import (
    LIBRARY_BUNDLED,
    LIBRARY_MANAGE,
    LIBRARY_OPEN,
    LIBRARY_RECENT,
)

_STATUS_MS = 10000


def entry_of(context: AppContext) -> LibraryEntry:
    """The list entry of the library open in `context`."""
    info, root = context.library_info, context.library.root
    if info.id == BUNDLED_LIBRARY_ID:
        return LibraryEntry(str(root), info.id, info.title, "bundled")
    return LibraryEntry(str(root), info.id, info.title, pack_kind(root))


def is_available(entry: LibraryEntry) -> bool:
    """Whether the library of `entry` is still where it was (a folder, or a .zip file)."""
    if entry.bundled:
        return True
    path = Path(entry.path)
    return path.is_file() if entry.kind == "zip" else path.is_dir()


def dropped_pack(mime: QMimeData) -> tuple[Path | None, str]:
    """The one local folder or .zip dropped, or None and why it cannot be opened."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1:
        reason = translate(
            "LibraryMenu", "Drop one folder or one .zip course pack to open it as the library."
        )
        return None, reason
    if not urls[0].isLocalFile():
        reason = translate(
            "LibraryMenu", "Only a folder or .zip on this computer can be opened as a library."
        )
        return None, reason
    path = Path(urls[0].toLocalFile())
    if path.is_dir() or (path.is_file() and path.suffix.casefold() == ".zip"):
        return path, ""
    reason = translate(
        "LibraryMenu", "{name} is not a folder or a .zip course pack, so it cannot be opened."
    )
    return None, reason.format(name=path.name)


def _menu_text(text: str) -> str:
    """`text` shown as written in a menu (an & would otherwise underline the next letter)."""
    return text.replace("&", "&&")


class LibraryFeature(QObject):
    """The Library menu of one window, and opening a pack dropped on it.

    With `record`, the library open is put first in the shared list of libraries opened
    before (and a damaged list is copied aside before it is written again).
    """

    def __init__(
        self, context: AppContext, window: ReaderWindow, menu: QMenu, *, record_open: bool
    ) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self._widget = window.as_widget()
        self._record = record_open
        self._file = context.data_folder.libraries_list
        self._current = entry_of(context)
        self.last_message: QMessageBox | None = None
        self._entries = self._read_and_record()
        self._build_actions()
        menu.aboutToShow.connect(self._refresh)
        self._widget.setAcceptDrops(True)
        self._widget.installEventFilter(self)

    # -- the list -------------------------------------------------------------------------

    def _read_and_record(self) -> tuple[LibraryEntry, ...]:
        listing = read_list(self._file)
        notes = [listing.problem] if listing.problem else []
        entries = listing.entries
        if self._record:
            if listing.damaged:
                copy = keep_damaged_copy(self._file)
                if copy is not None:
                    kept = translate("LibraryMenu", "A copy of it is kept as {name}.")
                    notes.append(kept.format(name=copy.name))
            entries = record(entries, self._current)
            notes.extend(self._write(entries))
            # This reader's own course to resume at the next start.
            current = self._current
            self._context.settings.last_library = "" if current.bundled else current.path
        if notes:
            self._window.show_status(" ".join(notes), 20000)
        return entries

    def _write(self, entries: tuple[LibraryEntry, ...]) -> list[str]:
        """Keep `entries` in the list file; the words for the status bar if that failed."""
        try:
            write_list(self._file, entries)
        except OSError as error:
            message = translate(
                "LibraryMenu",
                "The list of libraries opened before cannot be saved in {path} ({reason}).",
            )
            return [message.format(path=self._file.parent, reason=error.strerror or error)]
        return []

    @property
    def entries(self) -> tuple[LibraryEntry, ...]:
        """The libraries opened before, most recent first (the open one among them)."""
        return self._entries

    # -- the menu -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window, register = self._widget, self._context.actions.register
        self.open_action = make_action(
            window,
            translate("LibraryMenu", "&Open Library…"),
            self.ask_open_pack,
            "Ctrl+O",
            translate("LibraryMenu", "Open a course pack (.zip) as the library"),
        )
        self.open_folder_action = make_action(
            window,
            translate("LibraryMenu", "Open Library &Folder…"),
            self.ask_open_folder,
            "Ctrl+Shift+O",
            translate("LibraryMenu", "Open a folder of chapters as the library"),
        )
        register(self.open_action, menu="library", group="open", order=LIBRARY_OPEN)
        register(self.open_folder_action, menu="library", group="open", order=LIBRARY_OPEN + 1)

        # Its title is known once it has been open; it is not read just for the menu.
        bundled = next((e for e in self._entries if e.bundled), None)
        if bundled is not None:
            label = translate("LibraryMenu", "{title} (bundled)").format(title=bundled.title)
        else:
            label = translate("LibraryMenu", "Bundled Chapters")
        self.bundled_action = self._entry_action(
            LibraryEntry(str(bundled_content_dir()), BUNDLED_LIBRARY_ID, label, "bundled"),
            "&0 " + _menu_text(label),
        )
        register(self.bundled_action, menu="library", group="bundled", order=LIBRARY_BUNDLED)

        self.recent_actions: dict[str, QAction] = {}
        others = [e for e in self._entries if not e.bundled]
        for number, entry in enumerate(others, start=1):
            label = _menu_text(entry.title)
            text = f"&{number} {label}" if number <= 9 else label
            action = self._entry_action(entry, text)
            self.recent_actions[entry.key] = action
            register(action, menu="library", group="recent", order=LIBRARY_RECENT + number)

        self.remove_menu = QMenu(translate("LibraryMenu", "&Remove from List"), window)
        self.remove_menu.setObjectName("removeLibraryMenu")
        self.remove_menu.setToolTipsVisible(True)
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        remove_action = self.remove_menu.menuAction()
        register(remove_action, menu="library", group="manage", order=LIBRARY_MANAGE)
        self._refresh()

    def _entry_action(self, entry: LibraryEntry, text: str) -> QAction:
        action = QAction(text, self._widget)
        action.setCheckable(True)
        action.setData(entry.key)
        action.triggered.connect(lambda _checked=False, e=entry: self._choose(e))
        return action

    @Slot()
    def _refresh(self) -> None:
        """Check the open library; show the ones no longer where they were as unavailable."""
        actions = {"bundled": self.bundled_action, **self.recent_actions}
        entries = {e.key: e for e in self._entries}
        for key, action in actions.items():
            entry = entries.get(key)
            action.setChecked(key == self._current.key)
            if entry is None:
                continue
            available = is_available(entry)
            action.setEnabled(available)
            text = action.text().removesuffix(self._unavailable_suffix())
            action.setText(text if available else text + self._unavailable_suffix())
            if entry.bundled:
                tip = translate("LibraryMenu", "The chapters that come with Field Reader")
            elif available:
                tip = entry.path
            else:
                tip = translate(
                    "LibraryMenu",
                    "Not found at {path}. Plug its drive in, or remove it from the list.",
                ).format(path=entry.path)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.remove_menu.setEnabled(any(self._removable()))

    @staticmethod
    def _unavailable_suffix() -> str:
        return translate("LibraryMenu", " (unavailable)")

    def _removable(self) -> list[LibraryEntry]:
        return [e for e in self._entries if not e.bundled and e.key != self._current.key]

    @Slot()
    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        for number, entry in enumerate(self._removable(), start=1):
            text = _menu_text(entry.title)
            if not is_available(entry):
                text += self._unavailable_suffix()
            if number <= 9:
                text = f"&{number} {text}"
            action = self.remove_menu.addAction(text)
            action.setToolTip(entry.path)
            action.triggered.connect(lambda _checked=False, e=entry: self.forget(e))

    def forget(self, entry: LibraryEntry) -> None:
        """Take `entry` off the list of libraries opened before (its files are untouched)."""
        # Read again: another profile's window may have opened a library since.
        entries = remove(read_list(self._file).entries, entry.key)
        notes = self._write(entries)
        if notes:
            self._window.show_status(" ".join(notes), _STATUS_MS)
            return
        self._entries = entries
        action = self.recent_actions.get(entry.key)
        if action is not None:
            action.setVisible(False)
        self._refresh()
        removed = translate("LibraryMenu", "“{title}” was removed from the list of libraries.")
        self._window.show_status(removed.format(title=entry.title), _STATUS_MS)

    # -- opening --------------------------------------------------------------------------

    def _choose(self, entry: LibraryEntry) -> None:
        self._refresh()  # a triggered checkable entry toggles: show the open one again
        path = bundled_content_dir() if entry.bundled else Path(entry.path)
        self.open_pack(path)

    @Slot()
    def ask_open_pack(self) -> None:
        """Ask for a course pack (.zip) and open it."""
        self._prepare_dialog()
        chosen, _filter = QFileDialog.getOpenFileName(
            self._widget,
            translate("LibraryMenu", "Open Library"),
            self._start_folder(),
            translate("LibraryMenu", "Course packs (*.zip);;All files (*)"),
            options=dialog_options(),
        )
        if chosen:
            self.open_pack(Path(chosen))

    @Slot()
    def ask_open_folder(self) -> None:
        """Ask for a folder of chapters and open it."""
        self._prepare_dialog()
        chosen = QFileDialog.getExistingDirectory(
            self._widget,
            translate("LibraryMenu", "Open Library Folder"),
            self._start_folder(),
            options=dialog_options() | QFileDialog.Option.ShowDirsOnly,
        )
        if chosen:
            self.open_pack(Path(chosen))

    def _prepare_dialog(self) -> None:
        # The file dialog's state goes to the data folder, never to ~/.config.
        route_qt_settings(self._context.data_dir)

    def _start_folder(self) -> str:
        """Where the dialogs open: beside the library open last that is not the bundled one."""
        for entry in self._entries:
            if not entry.bundled and Path(entry.path).parent.is_dir():
                return str(Path(entry.path).parent)
        return ""

    def open_pack(self, path: Path) -> bool:
        """Open the pack at `path` in place of this library; False (and why) if it cannot be."""
        if self._is_open(path):
            self._window.show_status(
                translate("LibraryMenu", "That library is already open."), _STATUS_MS
            )
            return False
        cache = None if self._context.read_only else self._context.data_folder.library_cache(path)
        try:
            open_library(path, cache)
        except PackError as error:
            kept = translate("LibraryMenu", "The library open now stays open.")
            self.last_message = show_message(
                self._widget,
                translate("LibraryMenu", "Open Library"),
                f"{error.message}\n\n{kept}",
            )
            return False
        self._context.request_reopen(ReopenRequest(content=path))
        self._widget.close()
        return True

    def _is_open(self, path: Path) -> bool:
        try:
            return path.resolve() == self._context.library.root.resolve()
        except OSError:
            return False

    # -- dropping -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept a drag of one folder or .zip on the window; open it when dropped."""
        kind = event.type()
        # QDragEnterEvent and QDragMoveEvent are kinds of QDropEvent.
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDropEvent):
            path, reason = dropped_pack(event.mimeData())
            if path is None:
                if kind == QEvent.Type.DragEnter:
                    self._window.show_status(reason, _STATUS_MS)
                event.ignore()
            else:
                event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path, reason = dropped_pack(event.mimeData())
            if path is None:
                self._window.show_status(reason, _STATUS_MS)
                event.ignore()
                return True
            event.acceptProposedAction()
            # Once the drop is over: the drag's source waits for this event to return.
            QTimer.singleShot(0, lambda: self.open_pack(path))
            return True
        return False


def install_library_menu(
    context: AppContext, window: ReaderWindow, menu: QMenu, *, record: bool = True
) -> LibraryFeature:
    """Add the Library menu (`menu`) and dropping packs to `window`; `record` lists its library."""
    return LibraryFeature(context, window, menu, record_open=record)
