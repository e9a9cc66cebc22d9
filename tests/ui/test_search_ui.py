"""The Search tab and the find bar, driven through the real window with pytest-qt."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import SEED, write_chapter
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit, QToolButton
from pytestqt.qtbot import QtBot

import reader.core.search as search_module
import reader.core.search_build as search_build
from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.library import Chapter
from reader.core.library_scan import load_library
from reader.core.search import FALLBACK_NOTICE
from reader.core.search_query import find_text, fold
from reader.core.search_types import NoteEntry, Section
from reader.ui.context import create_context
from reader.ui.main_window import MainWindow
from reader.ui.search_feature import SearchFeature, install_search

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
OTHER = """## Elsewhere

Nothing about that topic here, only café culture and security of tenure.

## Tenure

Land tenure security matters.
"""

Opener = Callable[..., tuple[MainWindow, SearchFeature]]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    write_chapter(root, "other.md", "Other Chapter", OTHER, slug="other", order=2)
    return root


@pytest.fixture
def open_search(qtbot: QtBot, library: Path, data_dir: Path) -> Opener:
    """Open the window with search installed, once the index is ready."""

    def factory(chapter: str | None = None) -> tuple[MainWindow, SearchFeature]:
        window = MainWindow(create_context(load_library(library), data_dir), start_chapter=chapter)
        qtbot.addWidget(window)
        feature = install_search(window.context, window)
        window.rebuild_menus()
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(feature.is_ready, timeout=20000)
        return window, feature

    return factory


def marked_words(window: MainWindow, layer: str) -> list[str]:
    return [s.cursor.selectedText() for s in window.view.layer(layer)]


def type_query(qtbot: QtBot, window: MainWindow, feature: SearchFeature, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert feature.panel.field.hasFocus()
    qtbot.keyClicks(feature.panel.field, text)


def test_search_tab_and_shortcut(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search()
    assert window.sidebar.tabText(window.sidebar.indexOf(feature.panel)) == "Search"
    window.sidebar.hide()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert window.sidebar.isVisible()
    assert window.sidebar.currentWidget() is feature.panel
    assert feature.panel.field.hasFocus()


def test_results_appear_as_the_user_types(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search()
    type_query(qtbot, window, feature, "freedom from fear")
    qtbot.waitUntil(lambda: bool(feature.panel.hits()))
    best = feature.panel.hits()[0]
    assert (best.chapter, best.heading, best.kind) == ("human-security", "human-security", "text")
    assert re.fullmatch(r"\d+ results?\.", feature.panel.status_text())
    item = feature.panel.results.item(0)
    assert "Human Security" in item.text() and "freedom" in item.text()


def test_enter_opens_the_section_and_marks_the_words(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="other")
    type_query(qtbot, window, feature, '"freedom from fear"')
    qtbot.waitUntil(lambda: bool(feature.panel.hits()))
    with qtbot.waitSignal(window.context.signals.chapter_opened):
        qtbot.keyClick(feature.panel.field, Qt.Key.Key_Return)
    doc = window.current_document()
    assert doc is not None and doc.chapter.slug == "human-security"
    qtbot.waitUntil(lambda: bool(marked_words(window, "search")))
    assert {fold(w) for w in marked_words(window, "search")} == {"freedom from fear"}


def test_up_down_and_click(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search()
    type_query(qtbot, window, feature, "security")
    qtbot.waitUntil(lambda: len(feature.panel.hits()) > 2)
    results = feature.panel.results
    assert results.currentRow() == 0
    qtbot.keyClick(feature.panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(feature.panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(feature.panel.field, Qt.Key.Key_Up)
    assert results.currentRow() == 1
    other = next(i for i, h in enumerate(feature.panel.hits()) if h.chapter == "other")
    item = results.item(other)
    results.scrollToItem(item)
    with qtbot.waitSignal(feature.panel.result_activated) as signal:
        qtbot.mouseClick(
            results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center()
        )
    assert signal.args[0].chapter == "other"
    doc = window.current_document()
    assert doc is not None and doc.chapter.slug == "other"
    qtbot.waitUntil(lambda: bool(marked_words(window, "search")))
    assert {w.lower() for w in marked_words(window, "search")} == {"security"}


@pytest.mark.parametrize("text", ['"', "-", "(", ":", "+", '"unbalanced', "a OR (", "*", "   "])
def test_odd_input_gives_a_list(qtbot: QtBot, open_search: Opener, text: str) -> None:
    window, feature = open_search()
    type_query(qtbot, window, feature, text)
    qtbot.waitUntil(lambda: feature.panel.status_text() in ("", "No results."))
    assert feature.panel.hits() == []


def test_diacritics_and_prefix(qtbot: QtBot, open_search: Opener) -> None:
    _window, feature = open_search()
    assert [h.chapter for h in feature.run_query("cafe")] == ["other"]
    assert {h.heading for h in feature.run_query("tenur*")} == {"elsewhere", "tenure"}


def test_notes_are_found_and_marked_as_notes(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="other")
    feature.update_notes(
        [NoteEntry("n1", "human-security", "human-security", "freedom from want", "Ask Sen")]
    )
    type_query(qtbot, window, feature, "sen")
    qtbot.waitUntil(lambda: bool(feature.panel.hits()))
    [hit] = feature.panel.hits()
    assert hit.kind == "note"
    assert feature.panel.results.item(0).text().startswith("Note in Human Security")
    with qtbot.waitSignal(window.context.signals.chapter_opened):
        qtbot.keyClick(feature.panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(marked_words(window, "search")))
    assert marked_words(window, "search") == ["freedom from want"]
    feature.remove_note("n1")
    assert feature.run_query("sen") == []


def find_count(feature: SearchFeature) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+) of (\d+)", feature.find_bar.count_text())
    assert match, feature.find_bar.count_text()
    return int(match.group(1)), int(match.group(2))


def test_find_bar_steps_through_matches(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="human-security")
    bar = feature.find_bar
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "SECURITY")
    qtbot.waitUntil(lambda: bool(re.fullmatch(r"\d+ of \d+", bar.count_text())))
    doc = window.current_document()
    assert doc is not None
    total = len(find_text(doc.plain.text, "security"))
    assert total > 10
    assert find_count(feature) == (1, total)
    assert len(window.view.layer("find")) == total
    assert {w.lower() for w in marked_words(window, "find")} == {"security"}

    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert find_count(feature) == (3, total)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert find_count(feature) == (2, total)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert find_count(feature) == (3, total)
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert find_count(feature) == (total, total)  # wraps around

    # The current match is drawn stronger than the others.
    current = window.view.layer("find")[total - 1].format.background().color().alpha()
    other = window.view.layer("find")[0].format.background().color().alpha()
    assert current > other

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.layer("find") == []
    assert window.view.hasFocus()


def test_find_bar_no_matches_and_case(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="human-security")
    bar = feature.find_bar
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.field, "zyxw")
    qtbot.waitUntil(lambda: bar.count_text() == "No matches")
    bar.field.clear()
    qtbot.keyClicks(bar.field, "Human Security")
    qtbot.waitUntil(lambda: bool(re.fullmatch(r"\d+ of \d+", bar.count_text())))
    insensitive = find_count(feature)[1]
    bar.findChild(QToolButton, "findCase").click()  # Match case
    qtbot.waitUntil(lambda: find_count(feature)[1] < insensitive)


def test_find_marks_lie_over_highlights(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="human-security")
    view = window.view
    doc = window.current_document()
    assert doc is not None
    start = doc.plain.text.index("freedom from fear")
    highlight = QTextEdit.ExtraSelection()
    highlight.cursor = view.cursor_for_range(start, start + 17)
    highlight.format.setBackground(QColor("#ffe066"))
    view.set_layer("highlights", [highlight])
    feature.find_bar.open_bar()
    qtbot.keyClicks(feature.find_bar.field, "from fear")
    qtbot.waitUntil(lambda: bool(view.layer("find")))
    drawn = view.extraSelections()
    yellow = [i for i, s in enumerate(drawn) if s.format.background().color() == QColor("#ffe066")]
    underlined = [
        i
        for i, s in enumerate(drawn)
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    ]
    assert yellow and underlined and max(yellow) < min(underlined)
    # A see-through tint and an underline: what is under a find mark stays visible.
    assert all(s.format.background().color().alpha() < 255 for s in view.layer("find"))


def test_find_follows_the_open_chapter(qtbot: QtBot, open_search: Opener) -> None:
    window, feature = open_search(chapter="human-security")
    feature.find_bar.open_bar()
    qtbot.keyClicks(feature.find_bar.field, "tenure")
    qtbot.waitUntil(lambda: feature.find_bar.count_text() == "No matches")
    window.open_chapter("other", offset=0)
    qtbot.waitUntil(lambda: feature.find_bar.count_text() == "3 matches")
    assert len(window.view.layer("find")) == 3
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    current = feature.find_bar.count_text()
    assert current.endswith(" of 3")
    window.set_theme("dark" if not window.theme.dark else "light")
    qtbot.waitUntil(lambda: len(window.view.layer("find")) == 3)
    assert feature.find_bar.count_text() == current


def test_unchanged_library_starts_ready(qtbot: QtBot, open_search: Opener) -> None:
    first, _ = open_search()
    first.close()
    _window, feature = open_search()
    assert feature.is_ready()
    assert feature.index.counts()["chapters"] == 2


def test_edited_chapter_is_reindexed_at_start(
    qtbot: QtBot, open_search: Opener, library: Path
) -> None:
    first, _ = open_search()
    first.close()
    write_chapter(library, "other.md", "Other Chapter", "## New\n\nMangroves.", slug="other")
    _window, feature = open_search()
    assert [h.heading for h in feature.run_query("mangroves")] == ["new"]
    assert feature.run_query("tenure") == []


def test_fallback_tells_the_user_once(
    qtbot: QtBot, open_search: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "fts5_available", lambda: False)
    window, feature = open_search()
    assert not feature.index.uses_fts5
    assert window.statusBar().currentMessage() == FALLBACK_NOTICE
    assert [h.chapter for h in feature.run_query("cafe")] == ["other"]
    window.close()
    again, _ = open_search()
    assert again.statusBar().currentMessage() != FALLBACK_NOTICE


def test_closing_while_indexing_stops_the_worker(
    qtbot: QtBot, library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(40):
        write_chapter(library, f"c{number}.md", f"C {number}", f"## H\n\nWord{number} text.")
    chapters = len(load_library(library).chapters)
    read: list[str] = []
    real_sections = search_build.chapter_sections

    def slow_sections(chapter: Chapter, root: Path) -> list[Section]:
        # Runs on the worker thread: each chapter takes a while, so indexing is surely
        # under way (and far from done) when the window closes.
        read.append(chapter.slug)
        time.sleep(0.05)
        return real_sections(chapter, root)

    monkeypatch.setattr(search_build, "chapter_sections", slow_sections)
    window = MainWindow(create_context(load_library(library), data_dir))
    qtbot.addWidget(window)
    feature = install_search(window.context, window)
    [worker] = feature.findChildren(QThread)
    window.show()
    qtbot.waitUntil(lambda: len(read) >= 3, timeout=10000)
    assert worker.isRunning()
    window.close()
    # Closing returns only after the thread has ended, and it ended early: not every
    # chapter was read.
    assert not worker.isRunning() and worker.isFinished()
    read_at_close = len(read)
    assert read_at_close < chapters
    with search_module.SearchIndex(search_module.index_path(data_dir)) as index:
        indexed_at_close = index.counts()
    qtbot.wait(400)
    assert len(read) == read_at_close
    with search_module.SearchIndex(search_module.index_path(data_dir)) as index:
        assert index.counts() == indexed_at_close
        # What was left is indexed at the next start.
        changed, _removed = index.stale(load_library(library))
    assert changed
    assert not feature.is_ready()
    feature.shutdown()  # idempotent


def test_notes_source_is_synced_with_headings(qtbot: QtBot, open_search: Opener) -> None:
    _window, feature = open_search()
    notes = [
        FakeAnnotation("a1", "other", "Ask about agrarian change", "tenure security", 90),
        FakeAnnotation("a2", "other", "", "bare highlight", None),
    ]
    feature.set_notes_source(lambda: notes)
    [hit] = feature.run_query("agrarian")
    assert (hit.kind, hit.chapter, hit.heading, hit.note_id) == ("note", "other", "tenure", "a1")
    notes.pop(0)
    feature.refresh_notes()
    assert feature.run_query("agrarian") == []


@dataclass(frozen=True)
class FakeAnnotation:
    """Just what the index reads of an annotation."""

    id: str
    chapter: str
    note: str
    quote: str
    start: int | None
    deleted: bool = False

    @property
    def target(self) -> Target:
        position = None if self.start is None else TextPositionSelector(self.start, self.start + 1)
        return Target(TextQuoteSelector(self.quote), position)
