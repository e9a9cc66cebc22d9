"""Helpers for the window tests: reach a feature, select a phrase, read the drawn highlights,
find a link, and drive the File menu, dialogs and Qt's file dialog by keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from reader.ui.annotations_feature import AnnotationsFeature
from reader.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
PHRASE = '"freedom from want" and "freedom from fear"'


def annotations_of(window: MainWindow) -> AnnotationsFeature:
    """The window's highlights-and-notes feature (installed)."""
    found = window.features.annotations
    assert found is not None, "the window has no notes"
    return found


def select(window: MainWindow, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Select `phrase` in the view the way a user's drag would, via the Qt cursor."""
    doc = window.current_document()
    assert doc is not None
    start = -1
    for _ in range(occurrence + 1):
        start = doc.plain.text.index(phrase, start + 1)
    window.view.setTextCursor(window.view.cursor_for_range(start, start + len(phrase)))
    return start, start + len(phrase)


def drawn(window: MainWindow) -> list[str]:
    """The text under each drawn highlight."""
    return [s.cursor.selectedText() for s in window.view.layer("highlights")]


def link_cursor(view: QTextEdit, href: str) -> QTextCursor:
    """A cursor in the middle of the first link to `href` in the text of `view`."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                return cursor
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} in the text")


def link_point(window: MainWindow, href: str) -> QPoint:
    """The viewport point in the middle of the first link to `href` in the shown chapter."""
    return window.view.cursorRect(link_cursor(window.view, href)).center()


def scroll_to_show(window: MainWindow, href: str) -> QPoint:
    """Scroll the link to `href` into view and give its point on the viewport."""
    point = link_point(window, href)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() + point.y() - window.view.viewport().height() // 3)
    return link_point(window, href)


def from_file_menu(qtbot: QtBot, window: MainWindow, label: str) -> None:
    """Open the File menu and choose `label` with the arrow keys and Enter."""
    menu = window.file_menu
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    for _ in range(len(menu.actions()) + 1):
        active = menu.activeAction()
        if active is not None and active.text().replace("&", "") == label:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    else:
        raise AssertionError(f"{label!r} is not in the File menu")
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def shown_dialog(qtbot: QtBot, window: MainWindow, kind: type[QDialog]) -> QDialog:
    """The visible dialog of class `kind` that the window just opened."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)), timeout=3000)
    [dialog] = [d for d in window.findChildren(kind) if d.isVisible()]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def answer_file_dialog(name: str) -> list[str]:
    """Answer the next Qt file dialog by typing `name` into its name field and pressing Enter.

    `name` is relative to the folder the dialog opens in: as a user types an absolute path,
    Qt's dialog selects the folders it passes ("/", ...), which would then be the answer.

    The dialog runs its own event loop, so the answer is given from a timer. Returns the
    titles of the dialogs answered; a dialog that does not close is rejected, so a broken
    dialog fails the test instead of hanging it.
    """
    answered: list[str] = []
    tries = [0]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            tries[0] += 1
            if tries[0] < 250:  # about five seconds
                QTimer.singleShot(20, answer)
            return
        answered.append(dialog.windowTitle())
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        if field is None:
            dialog.reject()
            return
        # The file dialog follows typing only while its field has the focus.
        dialog.activateWindow()
        QTest.qWaitForWindowActive(dialog)
        field.setFocus()
        field.clear()
        QTest.keyClicks(field, name)
        QTest.keyClick(field, Qt.Key.Key_Return)
        if dialog.isVisible():
            answered.append("still open")
            dialog.reject()

    QTimer.singleShot(0, answer)
    return answered


def run_steps(steps: list[Callable[[], bool]], *, patience: int = 500) -> list[str]:
    """Run each step from the event loop, every 20 ms, until it returns True, in order.

    For whole sessions driven through `run_gui`, which runs its own event loop: what a
    step raises is collected (and every window closed, so that `run_gui` returns) instead
    of being lost in the loop, as is a step still waiting after `patience` tries.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    errors: list[str] = []
    tries = [0]

    def give_up(error: str) -> None:
        errors.append(error)
        steps.clear()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QWidget) and widget.isVisible():
                widget.close()

    def tick() -> None:
        if not steps:
            return
        try:
            done = steps[0]()
        except Exception as error:  # reported by the test, not lost in the event loop
            give_up(repr(error))
            return
        tries[0] = 0 if done else tries[0] + 1
        if done:
            steps.pop(0)
        if steps and tries[0] > patience:
            give_up(f"a step never happened: {getattr(steps[0], '__name__', steps[0])}")
            return
        QTimer.singleShot(20, tick)

    QTimer.singleShot(20, tick)
    return errors
