"""Small screens: the find field stays over the text, panels keep usable widths, Notes cards
are measured for the width they have, and figure cards keep legible words."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, annotations_of, select

from reader.ui.main_window import MainWindow
from reader.ui.note_delegate import NoteCardDelegate

# A passage long enough to need more lines than a card shows in a narrow sidebar.
LONG = (
    "Governance, both international and domestic, plays a crucial role in addressing "
    "human security concerns."
)


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(120)
    QApplication.processEvents()


def _inside(window: MainWindow, widget: QLineEdit) -> bool:
    view = window.view
    top_left = widget.mapTo(view, QPoint(0, 0))
    return view.rect().contains(QRect(top_left, widget.size()))


def test_the_find_field_stays_over_the_text_at_every_width(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1600, 1000))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.findChild(QLineEdit, "findField")
    assert field is not None
    qtbot.waitUntil(field.isVisible)
    for size in ((1600, 1000), (700, 500), (640, 480)):
        window.resize(*size)
        _settle(qtbot)
        assert _inside(window, field), f"the find field leaves the text at {size}"
        assert field.width() >= 80, f"the find field is too narrow to use at {size}"
    # Typing still goes into it there.
    qtbot.keyClicks(field, "human")
    assert field.text() == "human"


def test_the_splitter_cannot_hide_the_text_or_crush_the_sidebar(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(640, 480))
    splitter = window.view.parentWidget()
    assert splitter is not None
    splitter.setSizes([2000, 0])  # as far as a drag to the right can go
    _settle(qtbot)
    assert window.view.width() >= 280
    splitter.setSizes([0, 2000])
    _settle(qtbot)
    assert window.sidebar.isVisible() and window.sidebar.width() >= 180
    assert window.view.width() >= 280


def _card_option(tree: object, rect: QRect) -> QStyleOptionViewItem:
    from PySide6.QtWidgets import QTreeWidget

    assert isinstance(tree, QTreeWidget)
    option = QStyleOptionViewItem()
    option.rect = rect
    option.font = tree.font()
    option.widget = tree
    return option


def test_notes_cards_are_measured_again_when_the_sidebar_narrows(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1200, 800))
    feature = annotations_of(window)
    select(window, LONG)
    note = feature.highlight_selection("yellow")
    assert note is not None
    feature.show_panel()
    tree = feature.panel.tree
    delegate = tree.itemDelegate()
    assert isinstance(delegate, NoteCardDelegate)
    splitter = window.view.parentWidget()
    for sidebar in range(420, 179, -12):
        splitter.setSizes([sidebar, 1200 - sidebar])  # type: ignore[attr-defined]
        _settle(qtbot)
        item = feature.panel.item_for(note.id)
        assert item is not None
        index = tree.indexFromItem(item)
        rect = tree.visualRect(index)
        option = _card_option(tree, rect)
        needed = delegate.sizeHint(_card_option(tree, rect), index).height()
        assert rect.height() >= needed, f"the card is not measured for {sidebar} px"
        boxes = delegate.text_rects(option, index)
        for upper, lower in pairwise(boxes):
            assert upper.bottom() < lower.top(), "a card's texts overlap"
        assert all(rect.contains(box) for box in boxes)
    # Three lines at most in the narrow sidebar: the quote ends with "…".
    quote, _height = _quote_lines(delegate, option, index)
    assert quote.endswith("…")


def _quote_lines(
    delegate: NoteCardDelegate, option: QStyleOptionViewItem, index: object
) -> tuple[str, int]:
    parts, _ = delegate._layout(option, index)  # type: ignore[arg-type]
    return parts[0][0], parts[0][2]


def _card_names(window: MainWindow) -> list[tuple[str, int]]:
    """The resource names of the figure cards in the chapter, with their positions."""
    qdoc = window.view.document()
    found = []
    cursor = qdoc.find("\ufffc", 0)
    while not cursor.isNull():
        fmt = cursor.charFormat()
        if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("placeholder:"):
            found.append((fmt.toImageFormat().name(), cursor.selectionStart()))
        cursor = qdoc.find("\ufffc", cursor)
    return found


def _shown_width(window: MainWindow, position: int) -> float:
    """The width the figure at `position` takes in the laid-out text."""
    qdoc = window.view.document()
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position)
    left = window.view.cursorRect(cursor).left()
    cursor.setPosition(position + 1)
    return float(window.view.cursorRect(cursor).left() - left)


def _legible_cards(window: MainWindow) -> list[float]:
    """The pixel size at which each figure card's 13 px reason is shown."""
    sizes = []
    for name, position in _card_names(window):
        image = window.view.document().resource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(name)
        )
        assert isinstance(image, QImage)
        sizes.append(
            13 * _shown_width(window, position) / (image.width() / image.devicePixelRatio())
        )
    return sizes


def test_cards_are_drawn_for_the_new_size_at_once_when_asked(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    # The screenshot command sizes its window and takes the picture straight away.
    window = open_window(seed_library, data_dir, size=(1600, 1000))
    assert _card_names(window)
    window.resize(640, 480)
    QApplication.processEvents()
    window.view.redraw_cards_now()
    assert min(_legible_cards(window)) >= 11


def test_figure_cards_keep_legible_words_in_a_small_window(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir, size=(1600, 1000))
    cards = _card_names(window)
    assert cards, "the seed chapter shows a card for its missing figure"
    for size in ((640, 480), (1600, 1000)):
        window.resize(*size)
        _settle(qtbot)
        # The card's reason is drawn at 13 px: shown at 11 px or more.
        for shown in _legible_cards(window):
            assert shown >= 11, f"card words at {shown:.1f} px at {size}"
