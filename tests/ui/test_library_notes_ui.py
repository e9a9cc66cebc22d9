"""Two windows over two libraries that share one data folder, one after the other: each
library's `intro` shows only its own highlights and keeps its own place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, drawn, select

from reader.core.data_folder import DataFolder
from reader.core.library_scan import load_library
from reader.core.notes import BUNDLED_LIBRARY_ID
from reader.core.pack_identity import identify
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

WORDS = "freedom from fear"


def _library(root: Path, title: str) -> Path:
    root.mkdir()
    body = f"# {title}\n\nPeople want {WORDS} and freedom from want.\n"
    (root / "intro.md").write_text(body, encoding="utf-8")
    return root


def _highlight_by_keys(window: MainWindow, qtbot: QtBot, phrase: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, phrase)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: phrase in drawn(window))


def test_two_libraries_with_an_intro_chapter_keep_their_highlights_apart(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    economics = _library(tmp_path / "economics", "Economics")
    politics = _library(tmp_path / "politics", "Politics")
    first = open_window(economics, data_dir, chapter="intro")
    _highlight_by_keys(first, qtbot, WORDS)
    notes = annotations_of(first)
    notes.show_panel()
    (made,) = notes.store.list("intro")
    assert notes.panel.item_for(made.id) is not None
    first.close()

    second = open_window(politics, data_dir, chapter="intro")
    assert second.current_document() is not None
    assert drawn(second) == []
    other = annotations_of(second)
    assert other.store.list() == [] and other.all_annotations() == []
    other.show_panel()
    assert other.panel.item_for(made.id) is None
    _highlight_by_keys(second, qtbot, "freedom from want")
    (theirs,) = other.store.list("intro")
    assert theirs.library == identify(load_library(politics)).id
    second.close()

    again = open_window(economics, data_dir, chapter="intro")
    assert drawn(again) == [WORDS]
    assert [a.id for a in annotations_of(again).store.list()] == [made.id]


def test_each_library_keeps_its_own_place_and_the_bundled_one_keeps_todays_keys(
    tmp_path: Path, data_dir: Path, qapp: object
) -> None:
    # As the release before libraries left the settings file.
    raw = QSettings(str(DataFolder(data_dir).settings), QSettings.Format.IniFormat)
    raw.setValue("positions/intro", 420)
    raw.setValue("reader/last_chapter", "intro")
    raw.setValue("reading/progress", "intro=500")
    raw.sync()
    del raw
    bundled = Settings(data_dir, library_id=BUNDLED_LIBRARY_ID)
    assert bundled.position("intro") == 420 and bundled.last_chapter == "intro"
    assert bundled.progress == "intro=500"
    other = Settings(data_dir, library_id="derived:economics/2")
    assert other.position("intro") == 0 and other.last_chapter == "" and other.progress == ""
    other.set_position("intro", 77)
    other.last_chapter = "intro"
    other.progress = "intro=100"
    other.sync()
    reread = Settings(data_dir, library_id=BUNDLED_LIBRARY_ID)
    assert (reread.position("intro"), reread.progress) == (420, "intro=500")
    again = Settings(data_dir, library_id="derived:economics/2")
    assert (again.position("intro"), again.last_chapter, again.progress) == (
        77,
        "intro",
        "intro=100",
    )
