"""A chapter edited on disk shows again in place: same paragraph at the top, highlights on
their words, listed in Notes; a broken file keeps the version shown and says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import write_chapter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, drawn, select

from reader.core.library_scan import load_library
from reader.ui.chapter_watch import DEBOUNCE_MS
from reader.ui.context import create_context
from reader.ui.main_window import MainWindow

SLUG = "human-security"
# Part way into the Governance section's third paragraph.
PLACE = "leveraging their flexibility"
MARKED = "Population movements, both involuntary"
ADDED = "A new opening paragraph, added by the course's authors.\n\nAnd another one.\n\n"


def _hash(window: MainWindow) -> str:
    doc = window.current_document()
    assert doc is not None
    return doc.chapter.content_hash


def _text(window: MainWindow) -> str:
    doc = window.current_document()
    assert doc is not None
    return doc.plain.text


def _top_line(window: MainWindow) -> str:
    """The plain text of the line at the top of the view."""
    view = window.view
    cursor = view.cursorForPosition(QPoint(1, 1))
    block = cursor.block()
    line = block.layout().lineForTextPosition(cursor.positionInBlock())
    assert line.isValid() and view.positions is not None
    start = view.positions.from_qt(block.position() + line.textStart())
    end = view.positions.from_qt(block.position() + line.textStart() + line.textLength())
    return _text(window)[start:end]


def _read_from(window: MainWindow, phrase: str, qtbot: QtBot) -> None:
    """Scroll so that `phrase` starts the view's top line."""
    window.view.scroll_to_offset(_text(window).index(phrase))
    qtbot.wait(80)
    QApplication.processEvents()
    assert phrase in _top_line(window)


def _insert_above(path: Path, anchor: str, added: str) -> None:
    text = path.read_text(encoding="utf-8")
    at = text.index(anchor)
    path.write_text(text[:at] + added + text[at:], encoding="utf-8")


@pytest.fixture
def reading(open_window: WindowFactory, seed_library: Path, data_dir: Path) -> MainWindow:
    """The seed chapter open in a window, with highlights and notes."""
    return open_window(seed_library, data_dir, chapter=SLUG, size=(1000, 700))


def test_an_edit_on_disk_shows_again_at_the_same_paragraph_with_its_highlight(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    feature = annotations_of(reading)
    select(reading, MARKED)
    note = feature.highlight_selection("yellow")
    assert note is not None
    _read_from(reading, PLACE, qtbot)
    top_before = _top_line(reading)
    before = _hash(reading)
    offset_before = _text(reading).index(PLACE)

    _insert_above(seed_library / "human-security.md", "## How should", ADDED)
    qtbot.waitUntil(lambda: _hash(reading) != before, timeout=5000)
    qtbot.wait(80)
    QApplication.processEvents()

    assert "A new opening paragraph" in _text(reading)
    assert _text(reading).index(PLACE) > offset_before  # every offset below moved
    assert _top_line(reading) == top_before
    assert drawn(reading) == [MARKED]
    feature.show_panel()
    item = feature.panel.item_for(note.id)
    assert item is not None
    assert item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Changed")
    assert "changed on disk" in reading.statusBar().currentMessage()
    # The library holds the new version in the same place.
    chapter = reading.library.by_slug(SLUG)
    assert chapter is not None and chapter.content_hash == _hash(reading)
    assert reading.context.library is reading.library


def test_a_file_renamed_over_the_chapter_shows_and_stays_watched(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    path = seed_library / "human-security.md"
    for word in ("First", "Second"):
        before = _hash(reading)
        # How many editors save: a new file beside it, renamed over the old one.
        fresh = seed_library / ".human-security.md.swp"
        text = path.read_text(encoding="utf-8")
        at = text.index("## How should")
        fresh.write_text(text[:at] + f"{word} saved paragraph.\n\n" + text[at:], encoding="utf-8")
        os.replace(fresh, path)
        qtbot.waitUntil(lambda old=before: _hash(reading) != old, timeout=5000)
        assert f"{word} saved paragraph." in _text(reading)


def test_several_quick_writes_show_once(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    shown: list[str] = []
    reading.context.signals.chapter_opened.connect(shown.append)
    path = seed_library / "human-security.md"
    original = path.read_text(encoding="utf-8")
    # An editor writing in steps: emptied, then written in pieces.
    path.write_text("", encoding="utf-8")
    qtbot.wait(DEBOUNCE_MS // 4)
    path.write_text(original[:200], encoding="utf-8")
    qtbot.wait(DEBOUNCE_MS // 4)
    path.write_text("# Rewritten\n\nOne paragraph.\n\n" + original, encoding="utf-8")
    qtbot.waitUntil(lambda: "One paragraph." in _text(reading), timeout=5000)
    qtbot.wait(DEBOUNCE_MS * 2)
    assert shown == [SLUG]


def test_a_broken_or_missing_file_keeps_the_version_shown(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    path = seed_library / "human-security.md"
    original = path.read_bytes()
    before = _text(reading)
    path.write_bytes(b"# Broken\n\n\xff\xfe not UTF-8\n")
    qtbot.waitUntil(lambda: "not valid UTF-8" in reading.statusBar().currentMessage())
    assert "version shown is kept" in reading.statusBar().currentMessage()
    assert _text(reading) == before
    path.unlink()
    qtbot.waitUntil(lambda: "can no longer be read" in reading.statusBar().currentMessage())
    assert _text(reading) == before
    # Put back with a change: shown again.
    path.write_bytes(original.replace(b"## How should", b"Back again.\n\n## How should", 1))
    qtbot.waitUntil(lambda: "Back again." in _text(reading), timeout=5000)


def test_a_chapter_changed_before_it_is_opened_opens_as_it_now_reads(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    other = write_chapter(seed_library, "field-notes.md", "Field notes", "# Field notes\n\nOld.\n")
    window = open_window(seed_library, data_dir, chapter=SLUG)
    other.write_text("---\ntitle: Field notes\n---\n\n# Field notes\n\nNew.\n", encoding="utf-8")
    assert window.open_chapter("field-notes")
    assert "New." in _text(window)
    assert window.library.by_slug("field-notes") is not None
    assert window.windowTitle().startswith("Field notes")


def test_replacing_a_chapter_keeps_the_library_order(
    seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(seed_library, "a-first.md", "A first", "# A first\n\nText.\n", order=1)
    write_chapter(seed_library, "z-last.md", "Z last", "# Z last\n\nText.\n", order=3)
    context = create_context(load_library(seed_library), data_dir)
    slugs = [c.slug for c in context.library.chapters]
    from reader.ui.chapter_watch import revise_chapter

    first = context.library.chapters[0]
    first.path.write_text("---\ntitle: A first\n---\n\n# A first\n\nRevised.\n", encoding="utf-8")
    with qtbot.waitSignal(context.signals.library_changed):
        context.replace_chapter(revise_chapter(first))
    assert [c.slug for c in context.library.chapters] == slugs
    revised = context.library.by_slug(first.slug)
    assert revised is not None and revised.order == first.order
    assert "Revised." in revised.body


def test_search_finds_the_words_of_a_chapter_edited_on_disk(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    search = reading.features.search
    assert search is not None
    qtbot.waitUntil(search.is_ready, timeout=10000)
    assert not search.run_query("zanzibarite")
    path = seed_library / "human-security.md"
    before = _hash(reading)
    _insert_above(path, "## How should", "The rare mineral zanzibarite is mined here.\n\n")
    qtbot.waitUntil(lambda: _hash(reading) != before, timeout=5000)
    qtbot.waitUntil(lambda: bool(search.run_query("zanzibarite")), timeout=10000)


def test_contents_lists_the_headings_of_a_chapter_edited_on_disk(
    reading: MainWindow, seed_library: Path, qtbot: QtBot
) -> None:
    contents = reading.contents
    assert contents.item_for(SLUG, "brand-new-section") is None
    path = seed_library / "human-security.md"
    before = _hash(reading)
    _insert_above(path, "## How should", "## Brand new section\n\nIts words.\n\n")
    qtbot.waitUntil(lambda: _hash(reading) != before, timeout=5000)
    row = contents.item_for(SLUG, "brand-new-section")
    assert row is not None and row.text(0) == "Brand new section"
    titles = [row.parent().child(i).text(0) for i in range(row.parent().childCount())]
    assert titles.count("Brand new section") == 1
