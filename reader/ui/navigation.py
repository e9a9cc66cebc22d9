"""Back and Forward in the window: Go menu, Alt+Left / Alt+Right and the mouse's side buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QKeySequence, QMouseEvent

from reader.core.history import History, Place
from reader.ui.actions import make_action
from reader.ui.main_window import MainWindow


class NavigationFeature(QObject):
    """Remembers the places jumps leave (window.place_left) and goes back and forth."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.history = History()
        self.back_action = make_action(
            window,
            "&Back",
            self.go_back,
            QKeySequence.StandardKey.Back,
            "Back to where you were before the last jump",
        )
        self.forward_action = make_action(
            window,
            "&Forward",
            self.go_forward,
            QKeySequence.StandardKey.Forward,
            "Forward again, after going back",
        )
        # Not Backspace (some platforms bind it to Back): in a reader it would throw the
        # student back a page when a key meant for a text field lands elsewhere.
        for action in (self.back_action, self.forward_action):
            action.setShortcuts([k for k in action.shortcuts() if not _is_plain_backspace(k)])
        # Above Previous and Next Chapter.
        first = window.go_menu.actions()[0]
        window.go_menu.insertActions(first, [self.back_action, self.forward_action])
        window.go_menu.insertSeparator(first)
        window.place_left.connect(self._left)
        window.view.viewport().installEventFilter(self)
        self._update()

    def _here(self) -> Place | None:
        doc = self._window.current_document()
        if doc is None:
            return None
        return Place(doc.chapter.slug, self._window.view.top_offset())

    @Slot(str, int)
    def _left(self, slug: str, offset: int) -> None:
        self.history.jumped_from(Place(slug, offset))
        self._update()

    @Slot()
    def go_back(self) -> None:
        """Return to where the last jump left from."""
        self._go(self.history.back)

    @Slot()
    def go_forward(self) -> None:
        """Redo the jump that Back undid."""
        self._go(self.history.forward)

    def _go(self, step: Callable[[Place], Place | None]) -> None:
        here = self._here()
        if here is None:
            return
        while (target := step(here)) is not None:
            if target == here:
                continue  # a jump that went nowhere (its chapter could not be opened)
            if self._window.open_chapter(target.chapter, offset=target.offset):
                break
            self.history.forget(target)
            self._window.statusBar().showMessage("That place is no longer in the library.", 5000)
        self._update()

    def _update(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward side buttons, over the chapter text."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            button = event.button()
            if button == QtCore.Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == QtCore.Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return False


def _is_plain_backspace(keys: QKeySequence) -> bool:
    return keys.toString().endswith("Backspace") and "Alt" not in keys.toString()


def install_navigation(window: MainWindow) -> NavigationFeature:
    """Add Back and Forward to the window."""
    return NavigationFeature(window)
