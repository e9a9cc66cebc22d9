"""Where am I: the position in the status bar and each chapter's state in Contents, kept
across restarts; reading the state of a large library costs little."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers import SEED, write_chapter
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.data_folder import DataFolder
from reader.core.library_scan import load_library
from reader.core.pack_identity import identify
from reader.core.progress import ReadingProgress
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings, library_prefix


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The seed chapter and a long one of 200 paragraphs."""
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    body = "# Long start\n\n" + "\n\n".join(
        f"Paragraph {i} of a long chapter, with enough words to wrap onto a second line "
        "in the reading column of the window."
        for i in range(200)
    )
    write_chapter(root, "long.md", "Long", body + "\n\n# Long end\n\nlast words", slug="long")
    return root


def _open(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path, chapter: str
) -> MainWindow:
    window = open_window(library, data_dir, chapter=chapter, size=(1100, 760))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    return window


def _percent(window: MainWindow) -> int:
    """The percentage the status bar shows (-1 before the first measure)."""
    text = window.position_text()
    return int(text.split()[-1].rstrip("%")) if text else -1


def test_reading_to_the_end_marks_the_chapter_finished_and_it_stays(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = _open(open_window, qtbot, library, data_dir, "long")
    contents = window.contents
    assert contents.progress_mark("long") == ""  # unread
    qtbot.keyClick(window.view, Qt.Key.Key_End)  # the text browser's "to the end"
    qtbot.waitUntil(lambda: contents.progress_mark("long") == "✓")
    assert window.position_text() == "·  100%"
    # Back at the top, the position says so; the chapter stays finished.
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: _percent(window) < 10)
    assert contents.progress_mark("long") == "✓"
    assert contents.progress_mark("human-security") == ""
    window.close()

    again = _open(open_window, qtbot, library, data_dir, "human-security")
    qtbot.waitUntil(lambda: again.contents.progress_mark("long") == "✓")
    item = again.contents.item_for("long", "")
    assert item is not None and item.text(1) == "✓" and not again.contents.isColumnHidden(1)
    # Headings have no mark: their titles keep the whole width of the panel.
    heading = again.contents.item_for("human-security", "governance")
    assert heading is not None and heading.isFirstColumnSpanned()


def test_a_chapter_read_to_the_middle_shows_its_percentage(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    window = _open(open_window, qtbot, library, data_dir, "long")
    bar = window.view.verticalScrollBar()
    doc = window.current_document()
    assert doc is not None
    while window.view.top_offset() < len(doc.plain.text) // 2:
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.contents.progress_mark("long").endswith("%"))
    mark = window.contents.progress_mark("long")
    percent = int(mark.rstrip("%"))
    assert 50 <= percent < 100
    assert _percent(window) == percent
    # Scrolling back up does not lower how far the chapter was read.
    bar.setValue(0)
    qtbot.waitUntil(lambda: _percent(window) < 10)
    assert window.contents.progress_mark("long") == mark
    window.close()

    again = _open(open_window, qtbot, library, data_dir, "human-security")
    qtbot.waitUntil(lambda: again.contents.progress_mark("long") == mark)


def test_a_short_chapter_on_one_screen_is_finished_when_shown(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    root = tmp_path / "short"
    root.mkdir()
    write_chapter(root, "a.md", "A", "# A\n\nOne screen.", slug="a")
    write_chapter(root, "b.md", "B", "# B\n\nAnother.", slug="b")
    window = _open(open_window, qtbot, root, data_dir, "a")
    qtbot.waitUntil(lambda: window.contents.progress_mark("a") == "✓")
    assert window.position_text().endswith("100%")
    assert window.contents.progress_mark("b") == ""


def test_unreadable_progress_in_the_settings_loses_only_itself(
    open_window: WindowFactory, qtbot: QtBot, library: Path, data_dir: Path
) -> None:
    settings = QSettings(str(DataFolder(data_dir).settings), QSettings.Format.IniFormat)
    # The test library is not the bundled one: its progress is kept under its own id.
    prefix = library_prefix(identify(load_library(library)).id)
    settings.setValue(f"{prefix}reading/progress", "long=420 ???=1 human-security=oops")
    settings.sync()
    del settings
    window = _open(open_window, qtbot, library, data_dir, "human-security")
    qtbot.waitUntil(lambda: window.contents.progress_mark("long") == "42%")
    assert window.contents.progress_mark("human-security") == ""


def test_the_progress_of_a_thousand_chapters_is_one_cheap_settings_value(
    data_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    slugs = [f"module-{i // 10:03}.lesson-{i % 10}" for i in range(1000)]
    progress = ReadingProgress()
    for i, slug in enumerate(slugs):
        progress.record(slug, (i % 97) / 100, at_end=i % 4 == 0)
    one = Settings(data_dir)
    one.progress = progress.serialise()
    one.sync()
    # The alternative the model avoids: a key per chapter.
    many_dir = tmp_path / "many"
    many_dir.mkdir()
    many = QSettings(str(DataFolder(many_dir).settings), QSettings.Format.IniFormat)
    for i, slug in enumerate(slugs):
        many.setValue(f"progress/{slug}", f"{(i % 97) * 10}")
    many.sync()
    del many

    def best_of(runs: int, work: object) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            work()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return min(times)

    one_value = best_of(5, lambda: ReadingProgress.parse(Settings(data_dir).progress))

    def per_key() -> None:
        qs = QSettings(str(DataFolder(many_dir).settings), QSettings.Format.IniFormat)
        for slug in slugs:
            qs.value(f"progress/{slug}")

    key_each = best_of(5, per_key)
    # Measured on the project's machine: about 1.4 ms either way (reading the file is most
    # of it). One value keeps settings.ini short and is written in one piece.
    print(
        f"\n1,000 chapters: one value {one_value * 1e3:.2f} ms, a key each {key_each * 1e3:.2f} ms"
    )
    assert len(ReadingProgress.parse(Settings(data_dir).progress)) == 1000
    assert one_value < 0.05
