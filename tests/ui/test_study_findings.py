"""Faults found by studying with the real program on a display, each kept fixed here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import write_chapter
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QStyleOptionViewItem,
    QTreeWidgetItemIterator,
)
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, select

from reader.core.library_scan import load_library
from reader.core.print_html import print_library
from reader.ui.note_delegate import QUOTE_ROLE, NoteCardDelegate
from reader.ui.printing import page_layout, write_pdf
from reader.ui.theme import DARK, LIGHT


def fill_colours(pdf: Path) -> set[QColor]:
    """The colours the first page of `pdf` fills with (text is filled), as 8-bit colours."""
    data = PdfReader(pdf).pages[0].get_contents().get_data().decode("latin-1")
    found = re.findall(r"^([\d.]+) ([\d.]+) ([\d.]+) (?:scn|rg)$", data, re.MULTILINE)
    return {QColor.fromRgbF(float(r), float(g), float(b)).name() for r, g, b in found}


@pytest.fixture
def dark_application(qapp: QApplication) -> Iterator[QApplication]:
    """The application's palette as the dark theme sets it, restored afterwards."""
    before = qapp.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Text, QColor(DARK.text))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(DARK.text))
    qapp.setPalette(dark)
    try:
        yield qapp
    finally:
        qapp.setPalette(before)


def test_a_pdf_saved_in_the_dark_theme_has_dark_ink(
    dark_application: QApplication, tmp_path: Path
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    body = "# Paper\n\nPlain body text that has no colour of its own.\n"
    write_chapter(root, "paper.md", "Paper", body)
    out = tmp_path / "paper.pdf"
    write_pdf(print_library(load_library(root), []), out, layout=page_layout(QLocale("de_DE")))
    colours = fill_colours(out)
    # The body text was drawn in the dark theme's near-white: unreadable on paper.
    assert QColor(DARK.text).name() not in colours
    assert QColor(LIGHT.text).name() in colours


def _long_library(tmp_path: Path) -> Path:
    root = tmp_path / "long"
    root.mkdir()
    filler = "\n\n".join(f"Paragraph {n} says nothing much about rivers." for n in range(120))
    body = f"# Rivers\n\n{filler}\n\nFar below, the estuary meets the sea.\n"
    write_chapter(root, "rivers.md", "Rivers", body)
    return root


def test_ctrl_h_on_a_find_match_keeps_the_page_where_it_is(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(_long_library(tmp_path), data_dir, size=(700, 500))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.features.search
    assert search is not None
    field = search.find_bar.field
    qtbot.keyClicks(field, "estuary")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    where = bar.value()
    qtbot.keyClick(field, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert [a.target.quote.exact for a in annotations_of(window).all_annotations()] == ["estuary"]
    # The text cursor still stood at the chapter's start: making it current again
    # scrolled the page back to the top, away from the word just highlighted.
    assert bar.value() == where


def test_notes_cards_show_every_line_whole_beside_the_scroll_bar(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(700, 500))
    feature = annotations_of(window)
    doc = window.current_document()
    assert doc is not None
    # Enough cards for the list to need its scroll bar, each quote two or three lines.
    sentences = [s.strip() for s in doc.plain.text.split(".") if 60 < len(s.strip()) < 140]
    for sentence in sentences[:10]:
        select(window, sentence)
        assert feature.highlight_selection("yellow") is not None
    feature.show_panel()
    tree = feature.panel.tree
    delegate = tree.itemDelegate()
    assert isinstance(delegate, NoteCardDelegate)
    qtbot.waitUntil(lambda: tree.verticalScrollBar().isVisible())
    qtbot.wait(100)
    checked = 0
    items = QTreeWidgetItemIterator(tree)
    while items.value() is not None:
        index = tree.indexFromItem(items.value())
        items += 1
        if index.data(QUOTE_ROLE) is None:
            continue
        option = QStyleOptionViewItem()
        option.rect = tree.visualRect(index)
        option.font = tree.font()
        option.widget = tree
        parts, _height = delegate._layout(option, index)
        boxes = delegate.text_rects(option, index)
        for (text, font, height), box in zip(parts, boxes, strict=True):
            metrics = QFontMetrics(font)
            # Each text gets the height it was measured for: no line cut at its foot ...
            assert box.height() >= height, f"{text!r} is cut at its foot"
            # ... and no line runs past the card's right edge.
            for line in text.split("\n"):
                assert metrics.horizontalAdvance(line) <= box.width(), f"{line!r} is cut"
        checked += 1
    assert checked == 10


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_bookmarks_menu_offers_no_colours_and_deletes_a_bookmark(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1100, 700))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    notes = annotations_of(window)
    [(made, _)] = notes.bookmarks()
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tree = notes.panel.tree
    tree.setCurrentItem(notes.panel.item_for(made.id))
    qtbot.keyClick(tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.close()
    # The menu offered to recolour the bookmark and to "Delete Highlight".
    assert "Change &Colour" not in labels
    assert "&Delete Bookmark" in labels and "&Delete Highlight" not in labels


def test_the_bookmark_ribbon_shows_when_the_features_come_after_the_first_paint(
    seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    from reader.ui.app import application, build_window
    from reader.ui.bookmarks import BookmarkMargin

    application()
    # As the program starts: the chapter is painted first, the notes come a moment later.
    window = build_window(seed_library, data_dir, defer=True)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.features.annotations is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    margin = window.view.findChild(BookmarkMargin)
    assert margin is not None
    qtbot.waitUntil(lambda: len(margin.ribbon_tops()) == 1)
    # A child made after its window is shown stays hidden until shown itself.
    assert margin.isVisible()


# A Carpentries episode's end: a challenge whose solution folds, then the key points.
EPISODE = """# Variables

::::::::::::::::::::::::::::::::::::::: challenge

## Seeing Data Types

What type is `10.5`?

::::::::::::::: solution

## Solution

```output
<class 'float'>
```

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::: keypoints

- Basic data types in Python include integers, strings, and floating-point numbers.

::::::::::::::::::::::::::::::::::::::::::::::::::
"""


def test_opening_a_solution_keeps_the_key_points_after_it_laid_out(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.core.document import ChapterDocument
    from reader.core.library import Chapter, Slug
    from reader.core.render import render_markdown
    from reader.ui.viewer import ChapterView

    view = ChapterView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    path = tmp_path / "episode.md"
    chapter = Chapter(Slug("episode"), "Episode", "", None, path, path.name, "episode")
    view.show_document(ChapterDocument(chapter, render_markdown(EPISODE, tmp_path)), LIGHT, 18)
    assert len(view.folds) == 1 and not view.folds.is_open(0)
    qdoc = view.document()
    point = qdoc.findBlock(qdoc.toRawText().index("Basic data types"))
    assert point.layout().lineCount() > 0
    view.toggle_fold(0)
    qtbot.wait(50)
    assert view.folds.is_open(0)
    # The fold marked the wrong range dirty (a frame's start, not its own first block):
    # the key points kept their frame but lost their lines, an empty green box.
    assert point.layout().lineCount() > 0
    assert qdoc.documentLayout().blockBoundingRect(point).height() > 0
