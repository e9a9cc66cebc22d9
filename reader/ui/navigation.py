"""Back and Forward in the window: Go menu, Alt+Left / Alt+Right and the mouse's side buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent

from reader.core.history import History, Place
from reader.ui.main_window import MainWindow


class NavigationFeature(QObject):
    """Remembers the places jumps leave (window.place_left) and goes back and forth."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.history = History()
        self.back_action = self._action("&Back", QKeySequence.StandardKey.Back, self.go_back)
        self.forward_action = self._action(
            "&Forward", QKeySequence.StandardKey.Forward, self.go_forward
        )
        # Above Previous and Next Chapter.
        first = window.go_menu.actions()[0]
        window.go_menu.insertActions(first, [self.back_action, self.forward_action])
        window.go_menu.insertSeparator(first)
        window.place_left.connect(self._left)
        window.view.viewport().installEventFilter(self)
        self._update()

    def _action(self, text: str, key: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(key)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{text.replace('&', '')} to where you were before the last jump"
        if text == "&Forward":
            tip = "Forward again, after going back"
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

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


def install_navigation(window: MainWindow) -> NavigationFeature:
    """Add Back and Forward to the window."""
    return NavigationFeature(window)
