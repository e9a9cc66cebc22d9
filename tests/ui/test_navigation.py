"""Back and Forward in the real window: links, Contents, next chapter, search, mouse buttons."""

from __future__ import annotations

from pathlib import Path

from helpers import write_chapter
from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.ui.main_window import MainWindow
from reader.ui.navigation import NavigationFeature


def _library(root: Path) -> None:
    write_chapter(
        root,
        "a.md",
        "Alpha",
        "# Start\n\n[to the end](#end) and [to two](b.md#part-two)\n\n"
        + "\n\n".join(f"Alpha paragraph {i}." for i in range(120))
        + "\n\n# End\n\nlast words",
        order=1,
    )
    write_chapter(
        root,
        "b.md",
        "Beta",
        "# Part one\n\n"
        + "\n\n".join(f"Beta paragraph {i}." for i in range(120))
        + "\n\n# Part two\n\nhere",
        order=2,
    )


def _nav(window: MainWindow) -> NavigationFeature:
    feature = window.features.navigation
    assert feature is not None
    return feature


def _where(window: MainWindow) -> tuple[str, int]:
    """The chapter and the text position at the top of the view (a place, as Back keeps it)."""
    doc = window.current_document()
    assert doc is not None
    return doc.chapter.slug, window.view.top_offset()


def test_back_and_forward_retrace_links_within_and_across_chapters(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    nav = _nav(window)
    assert not nav.back_action.isEnabled() and not nav.forward_action.isEnabled()
    window.view.verticalScrollBar().setValue(300)  # scrolling is not a jump
    assert not nav.back_action.isEnabled()
    start = _where(window)
    window.view.link_clicked.emit(QUrl("#end"))
    at_end = _where(window)
    assert at_end[1] > start[1] > 0
    window.view.link_clicked.emit(QUrl("b.md#part-two"))
    in_beta = _where(window)
    assert in_beta[0] == "b"
    assert nav.back_action.isEnabled()

    nav.back_action.trigger()
    assert _where(window) == at_end
    nav.back_action.trigger()
    assert _where(window) == start
    assert not nav.back_action.isEnabled() and nav.forward_action.isEnabled()
    nav.forward_action.trigger()
    assert _where(window) == at_end
    nav.forward_action.trigger()
    assert _where(window) == in_beta
    assert not nav.forward_action.isEnabled()


def test_contents_next_chapter_and_search_results_are_jumps_too(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    nav = _nav(window)
    start = _where(window)
    window.open_location("a", "end")  # as a click in Contents does
    assert nav.back_action.isEnabled()
    at_end = _where(window)
    next_chapter = next(a for a in window.go_menu.actions() if a.text() == "&Next Chapter")
    next_chapter.trigger()
    assert _where(window)[0] == "b"
    search = window.features.search
    assert search is not None
    qtbot.waitUntil(search.is_ready, timeout=20000)
    hits = search.run_query("alpha paragraph 7")
    assert hits
    search.open_hit(hits[0])
    assert _where(window)[0] == "a"
    nav.go_back()
    assert _where(window)[0] == "b"
    nav.go_back()
    assert _where(window) == at_end
    nav.go_back()
    assert _where(window) == start


def test_mouse_side_buttons_and_keys_go_back_and_forward(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    nav = _nav(window)
    start = _where(window)
    window.view.link_clicked.emit(QUrl("#end"))
    at_end = _where(window)

    def press(button: Qt.MouseButton) -> None:
        event = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(20, 20),
            QPointF(20, 20),
            button,
            button,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window.view.viewport(), event)

    press(Qt.MouseButton.BackButton)
    assert _where(window) == start
    press(Qt.MouseButton.ForwardButton)
    assert _where(window) == at_end
    assert nav.back_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Back)
    assert "Back" in [a.text().replace("&", "") for a in window.go_menu.actions()]


def test_a_place_whose_chapter_cannot_open_is_skipped(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    nav = _nav(window)
    window.view.link_clicked.emit(QUrl("b.md#part-two"))
    window.context.signals.place_left.emit(
        "gone-chapter", 0
    )  # a jump from a chapter no longer there
    window.view.link_clicked.emit(QUrl("a.md"))
    nav.go_back()  # to b
    assert _where(window)[0] == "b"
    nav.go_back()
    assert _where(window)[0] == "a"
    assert "no longer in the library" in window.statusBar().currentMessage()


def test_a_jump_that_went_nowhere_costs_no_extra_step_back(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    start = _where(window)
    window.view.link_clicked.emit(QUrl("#end"))
    window.leave_place()  # as when a note's chapter then fails to open: no move at all
    _nav(window).go_back()
    assert _where(window) == start


def test_back_is_alt_left_never_plain_backspace(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    _library(tmp_path)
    window = open_window(tmp_path, data_dir)
    nav = _nav(window)
    for action in (nav.back_action, nav.forward_action):
        keys = [k.toString() for k in action.shortcuts()]
        assert keys and not any(k in ("Backspace", "Shift+Backspace") for k in keys)
    assert "Alt+Left" in [k.toString() for k in nav.back_action.shortcuts()]
