"""A window that asks to be reopened is replaced by a new one in the same process."""

from __future__ import annotations

from pathlib import Path

from helpers import write_chapter
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.ui.app import run_gui
from reader.ui.context import ReopenRequest
from reader.ui.main_window import MainWindow


def _windows() -> list[MainWindow]:
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, MainWindow) and w.isVisible()]


def test_reopen_builds_a_window_over_the_other_library_then_stops(
    qapp: QApplication, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (tmp_path / "data").mkdir()
    write_chapter(first, "a.md", "First Library Chapter", "Text of the first library.")
    write_chapter(second, "b.md", "Second Library Chapter", "Text of the second library.")
    seen: list[str] = []

    def step() -> None:
        windows = _windows()
        if not windows:
            QTimer.singleShot(20, step)
            return
        window = windows[0]
        document = window.current_document()
        assert document is not None
        seen.append(document.chapter.title)
        if len(seen) == 1:
            window.context.request_reopen(ReopenRequest(content=second))
        window.close()
        if len(seen) == 1:
            QTimer.singleShot(20, step)

    QTimer.singleShot(20, step)
    status = run_gui(first, tmp_path / "data")
    assert status == 0
    assert seen == ["First Library Chapter", "Second Library Chapter"]
