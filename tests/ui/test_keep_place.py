"""The reader's place holds through resizes, the sidebar, zoom, theme and a revised chapter;
the current section is the one at the top, or the one just jumped to; Contents marks one row."""

from __future__ import annotations

from pathlib import Path

from helpers import write_chapter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, select

from reader.core.document import load_document
from reader.core.library_scan import read_chapter
from reader.ui.main_window import MainWindow

SLUG = "human-security"
# Part way into the Governance section's third paragraph.
PHRASE = "leveraging their flexibility"


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let queued layout and the resize burst's timer run."""
    qtbot.wait(80)
    QApplication.processEvents()


def _top_line(window: MainWindow) -> tuple[int, int]:
    """The plain-text offsets where the line at the top of the view starts and ends."""
    view = window.view
    start = view.top_offset()
    cursor = view.cursorForPosition(QPoint(1, 1))
    block = cursor.block()
    layout = block.layout()
    line = layout.lineForTextPosition(cursor.positionInBlock())
    assert line.isValid()
    end_position = block.position() + line.textStart() + line.textLength()
    assert view.positions is not None
    return start, view.positions.from_qt(end_position)


def _read_from(window: MainWindow, phrase: str, qtbot: QtBot) -> int:
    """Scroll so that `phrase` is in the top line, a part of the line cut off; the offset
    of the first character at the top."""
    doc = window.current_document()
    assert doc is not None
    offset = doc.plain.text.index(phrase)
    window.view.scroll_to_offset(offset)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() + 7)
    _settle(qtbot, window)
    start, end = _top_line(window)
    assert start <= offset <= end, "the phrase should be in the top line to begin with"
    return start


def _assert_at_top(window: MainWindow, offset: int, what: str) -> None:
    start, end = _top_line(window)
    doc = window.current_document()
    assert doc is not None
    shown = doc.plain.text[start:end]
    assert start <= offset <= end, f"after {what} the top line is {shown!r}"


def test_resizing_keeps_the_paragraph_at_the_top(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1200, 800))
    offset = _read_from(window, PHRASE, qtbot)
    for size in ((700, 500), (1600, 1000), (1200, 800)):
        window.resize(*size)
        _settle(qtbot, window)
        _assert_at_top(window, offset, f"resizing to {size}")
        assert window.view.current_heading() == "governance"
        assert "Governance" in window.status_text()


def test_a_burst_of_resizes_keeps_the_place_taken_before_the_first(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1200, 800))
    offset = _read_from(window, PHRASE, qtbot)
    # A window edge dragged: many resizes with no pause for the event loop between them.
    for width in range(1200, 640, -40):
        window.resize(width, 700)
        QApplication.sendPostedEvents()
    _settle(qtbot, window)
    _assert_at_top(window, offset, "a dragged resize")


def test_the_sidebar_key_keeps_the_place(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(900, 700))
    offset = _read_from(window, PHRASE, qtbot)
    window.view.setFocus()
    for visible in (False, True):
        qtbot.keyClick(window.view, Qt.Key.Key_F9)
        _settle(qtbot, window)
        assert window.sidebar.isVisible() is visible
        _assert_at_top(window, offset, "F9")


def test_zoom_keeps_the_place(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1000, 700))
    offset = _read_from(window, PHRASE, qtbot)
    window.view.setFocus()
    size = window.settings.font_size
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Minus):
        qtbot.keyClick(window.view, key, Qt.KeyboardModifier.ControlModifier)
        _settle(qtbot, window)
        _assert_at_top(window, offset, f"Ctrl+{key.name}")
    assert window.settings.font_size == size


def test_the_theme_key_keeps_the_place(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1000, 700))
    offset = _read_from(window, PHRASE, qtbot)
    window.view.setFocus()
    before = window.theme.name
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _settle(qtbot, window)
    assert window.theme.name != before
    _assert_at_top(window, offset, "Ctrl+Shift+L")


def test_a_revised_chapter_shown_again_keeps_the_paragraph(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1000, 700))
    top = _read_from(window, PHRASE, qtbot)
    before = window.current_document()
    assert before is not None
    shown = before.plain.text[top : top + 40]
    path = seed_library / "human-security.md"
    text = path.read_text(encoding="utf-8")
    # Two new paragraphs above the place: every offset below them moves.
    added = "A new opening paragraph, added by the course's authors.\n\nAnd another one.\n\n"
    first = text.index("## How should")
    path.write_text(text[:first] + added + text[first:], encoding="utf-8")
    revised = load_document(read_chapter(path, path.name), seed_library)
    window.view.show_document(revised, window.theme, window.settings.font_size)
    _settle(qtbot, window)
    assert revised.plain.text.index(shown) > top
    _assert_at_top(window, revised.plain.text.index(shown), "the chapter was revised")


def test_a_heading_exactly_at_the_top_is_the_current_section(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(700, 500))
    _settle(qtbot, window)  # figure cards drawn for this width
    view = window.view
    bar = view.verticalScrollBar()
    for heading, title in (("governance", "Governance"), ("health", "Health")):
        top = view.heading_top(heading)
        assert top is not None
        bar.setValue(round(top) + 200)  # somewhere inside the section first
        bar.setValue(round(top))
        _settle(qtbot, window)
        assert view.current_heading() == heading
        assert window.status_text().endswith(title)
        assert window.contents.marked() == (SLUG, heading)
        # One pixel above the heading: the section before it is being read.
        bar.setValue(round(top) - 2)
        assert view.current_heading() != heading


def test_a_jump_from_the_notes_panel_names_the_note_section(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    # A tall window: the passage is shown a quarter of the way down, so the section
    # before it is still at the top of the view.
    window = open_window(seed_library, data_dir, size=(900, 1000))
    feature = annotations_of(window)
    select(window, "Population movements, both involuntary")
    note = feature.highlight_selection("yellow")
    assert note is not None
    window.view.scroll_to_heading("governance")
    _settle(qtbot, window)
    assert window.status_text().endswith("Governance")
    feature.show_panel()
    tree = feature.panel.tree
    item = feature.panel.item_for(note.id)
    assert item is not None
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(qtbot, window)
    assert window.view.current_heading() == "population-movements"
    assert window.status_text().endswith("Population Movements")
    assert window.contents.marked() == (SLUG, "population-movements")


def test_a_jump_to_the_last_section_makes_it_current(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1600, 1000))
    item = window.contents.item_for(SLUG, "population-movements")
    assert item is not None
    window.contents.activate(item)
    _settle(qtbot, window)
    assert window.view.current_heading() == "population-movements"
    assert window.status_text().endswith("Population Movements")


def test_contents_shows_one_marker(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1200, 800))
    contents = window.contents
    window.focus_contents()
    qtbot.waitUntil(contents.hasFocus)
    clicked = contents.item_for(SLUG, "poverty")
    assert clicked is not None
    qtbot.mouseClick(
        contents.viewport(),
        Qt.MouseButton.LeftButton,
        pos=contents.visualItemRect(clicked).center(),
    )
    _settle(qtbot, window)
    top = window.view.heading_top("health")
    assert top is not None
    window.view.verticalScrollBar().setValue(round(top) + 30)
    _settle(qtbot, window)
    accent = QColor(window.theme.accent).name()
    marked = [
        item
        for item in _all_rows(contents.invisibleRootItem())
        if item.font(0).bold() and item.foreground(0).color().name() == accent
    ]
    selected = contents.selectedItems()
    assert [i.text(0) for i in marked] == ["Health"]
    # The keyboard's row is never a second marker: it is the marked row.
    assert all(item is marked[0] for item in selected)


def _all_rows(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    rows = []
    for i in range(item.childCount()):
        rows.append(item.child(i))
        rows.extend(_all_rows(item.child(i)))
    return rows


def test_a_chapter_opens_at_the_top_of_its_page_and_stays_there_through_resizes(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    # The page's top margin stays in view above the first line: with a heading first (the
    # seed) and with a box first, whose padding is no line of text (lesson episodes).
    library = tmp_path / "library"
    library.mkdir()
    write_chapter(library, "a.md", "A", "# First\n\nText.\n\n" + "More text.\n\n" * 80)
    box = '<table class="box box-note"><tr><td>\n\nObjectives\n\n- one\n\n</td></tr></table>'
    write_chapter(library, "b.md", "B", box + "\n\n" + "Text.\n\n" * 80)
    for slug in ("a", "b"):
        window = open_window(library, data_dir, chapter=slug, size=(1200, 800))
        _settle(qtbot, window)
        assert window.view.verticalScrollBar().value() == 0, slug
        for size in ((700, 500), (1600, 1000)):
            window.resize(*size)
            _settle(qtbot, window)
            assert window.view.verticalScrollBar().value() == 0, (slug, size)
        window.close()
    # Back in the chapter at its start, from the saved place: still the top of the page.
    again = open_window(library, data_dir, chapter="b", size=(900, 700))
    _settle(qtbot, again)
    assert again.view.verticalScrollBar().value() == 0
