"""Details boxes in the chapter view: folded at first, toggled by click and Enter, opened
whenever the reader is taken to a place inside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.document import ChapterDocument
from reader.core.library import Chapter, Slug
from reader.core.render import render_markdown
from reader.ui.find_bar import FindBar
from reader.ui.folds import FOLDED_ARROW, OPEN_ARROW
from reader.ui.positions import PositionMap
from reader.ui.theme import LIGHT
from reader.ui.viewer import ChapterView

FILLER = "\n\n".join(f"Opening paragraph {i} of the chapter, to wrap." for i in range(8))
CLOSING = "\n\n".join(f"Closing paragraph {i}." for i in range(30))
BODY = f"""# Start

{FILLER}

<details>
<summary>Show the answer</summary>

Hidden answer paragraph with [an inner link](#start).

## Inside heading

<details>
<summary>Nested hint</summary>

Deep secret line.

```python
print('hi')
print('bye')
```

</details>
</details>

After the box, [a visible link](#start).

## Later heading

{CLOSING}
"""


def _document(tmp_path: Path, slug: str = "boxes", body: str = BODY) -> ChapterDocument:
    path = tmp_path / f"{slug}.md"
    chapter = Chapter(Slug(slug), slug.title(), "", None, path, path.name, slug)
    return ChapterDocument(chapter, render_markdown(body, tmp_path))


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> ChapterView:
    widget = ChapterView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_document(_document(tmp_path), LIGHT, 18)
    return widget


def _block_visible(view: ChapterView, phrase: str) -> bool:
    position = view.document().toRawText().index(phrase)
    return view.document().findBlock(position).isVisible()


def _arrow(view: ChapterView, index: int) -> str:
    return view.document().toRawText()[view.folds.marker_position(index)]


def _summary_point(view: ChapterView, index: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.folds.marker_position(index) + 3)
    return view.cursorRect(cursor).center()


def test_a_box_starts_folded_and_its_body_takes_no_room(view: ChapterView) -> None:
    assert _arrow(view, 0) == FOLDED_ARROW
    assert not _block_visible(view, "Hidden answer")
    assert not _block_visible(view, "Deep secret")
    assert _block_visible(view, "After the box")
    folded_height = view.document().size().height()
    view.toggle_fold(0)
    view.toggle_fold(1)
    assert view.document().size().height() > folded_height + 60


def test_clicking_the_summary_opens_and_folds_the_box(view: ChapterView, qtbot: QtBot) -> None:
    followed: list[object] = []
    view.link_clicked.connect(followed.append)
    with qtbot.waitSignal(view.fold_toggled) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_summary_point(view, 0))
    assert signal.args == [0, True]
    assert _arrow(view, 0) == OPEN_ARROW
    assert _block_visible(view, "Hidden answer")
    # The inner box keeps its own state.
    assert not _block_visible(view, "Deep secret")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_summary_point(view, 0))
    assert _arrow(view, 0) == FOLDED_ARROW
    assert not _block_visible(view, "Hidden answer")
    assert followed == []  # the window's link routing never sees a summary


def test_enter_on_the_focused_summary_toggles_and_tab_skips_folded_links(
    view: ChapterView, qtbot: QtBot
) -> None:
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().selectedText() == f"{FOLDED_ARROW} Show the answer"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    # The inner link is in the folded body: the next stop is the link after the box.
    assert view.textCursor().selectedText() == "a visible link"
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectedText() == f"{FOLDED_ARROW} Show the answer"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.folds.is_open(0)
    assert _block_visible(view, "Hidden answer")


def test_positions_agree_after_toggling(view: ChapterView) -> None:
    doc = view.chapter_document
    assert doc is not None and view.positions is not None
    assert len(doc.plain.folds) == 2
    before = [view.positions.to_qt(i) for i in range(len(doc.plain.text))]
    view.toggle_fold(0)
    view.toggle_fold(1)
    rebuilt = PositionMap(doc.plain.text, view.document().toRawText())
    assert [rebuilt.to_qt(i) for i in range(len(doc.plain.text))] == before
    raw = view.document().toRawText()
    at = doc.plain.text.index("After the box")
    assert raw[view.positions.to_qt(at) : view.positions.to_qt(at) + 13] == "After the box"
    # The arrow is still a link to its box.
    assert view.anchorAt(_summary_point(view, 0)) == "details:0"


def test_going_to_a_place_inside_a_box_opens_it(view: ChapterView) -> None:
    doc = view.chapter_document
    assert doc is not None
    view.scroll_to_offset(doc.plain.text.index("Deep secret"))
    assert view.folds.is_open(0) and view.folds.is_open(1)
    assert _arrow(view, 1) == OPEN_ARROW
    cursor = view.cursor_for_range(*[doc.plain.text.index("Deep secret")] * 2)
    assert 0 <= view.cursorRect(cursor).top() < 40


def test_reveal_and_scroll_to_heading_open_the_box(view: ChapterView, tmp_path: Path) -> None:
    doc = view.chapter_document
    assert doc is not None
    start = doc.plain.text.index("Hidden answer")
    assert view.reveal(start, start + 6)
    assert view.folds.is_open(0) and not view.folds.is_open(1)
    view.show_document(_document(tmp_path, "other"), LIGHT, 18)
    assert not view.folds.is_open(0)
    assert view.scroll_to_heading("inside-heading")
    assert view.folds.is_open(0)
    assert view.current_heading() == "inside-heading"


def test_heading_tops_follow_the_box(view: ChapterView) -> None:
    folded = view.heading_top("later-heading")
    assert folded is not None
    # A heading in the folded body counts from the text after the box.
    inside = view.heading_top("inside-heading")
    layout, qdoc = view.document().documentLayout(), view.document()
    after = layout.blockBoundingRect(qdoc.findBlock(qdoc.toRawText().index("After the box")))
    summary = layout.blockBoundingRect(qdoc.findBlock(view.folds.marker_position(0)))
    assert inside is not None and summary.top() <= inside <= after.top()
    view.toggle_fold(0)
    opened = view.heading_top("later-heading")
    assert opened is not None and opened > folded + 30


def test_a_highlight_inside_a_folded_body_is_not_drawn(view: ChapterView, qtbot: QtBot) -> None:
    doc = view.chapter_document
    assert doc is not None
    view.setTextCursor(QTextCursor(view.document()))
    view.scroll_to_offset(doc.plain.text.index("Opening paragraph 7"))
    qtbot.wait(20)
    plain: QImage = view.viewport().grab().toImage()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ff0000"))
    start = doc.plain.text.index("Hidden answer")
    view.set_layer_ranges("highlights", [(start, doc.plain.text.index("After the box"), fmt)])
    assert view.viewport().grab().toImage() == plain
    view.toggle_fold(0)
    assert view.viewport().grab().toImage() != plain


def test_the_same_chapter_laid_out_again_keeps_open_boxes(
    view: ChapterView, tmp_path: Path
) -> None:
    doc = view.chapter_document
    assert doc is not None
    view.toggle_fold(0)
    view.show_document(doc, LIGHT, 22)  # a font size change
    assert view.folds.opened() == [True, False]
    assert _arrow(view, 0) == OPEN_ARROW and _block_visible(view, "Hidden answer")
    view.show_document(_document(tmp_path, "other"), LIGHT, 22)
    assert view.folds.opened() == [False, False]


def test_a_box_written_open_starts_open(qtbot: QtBot, tmp_path: Path) -> None:
    body = "<details open>\n<summary>Open box</summary>\n\nShown body.\n\n</details>\n\nAfter.\n"
    widget = ChapterView()
    qtbot.addWidget(widget)
    widget.show_document(_document(tmp_path, "open", body), LIGHT, 18)
    assert widget.folds.opened() == [True]
    assert _arrow(widget, 0) == OPEN_ARROW and _block_visible(widget, "Shown body")
    widget.toggle_fold(0)
    assert _arrow(widget, 0) == FOLDED_ARROW and not _block_visible(widget, "Shown body")


def test_boxes_and_code_in_a_folded_body_leave_no_empty_frame(qtbot: QtBot, tmp_path: Path) -> None:
    simple = (
        BODY[: BODY.index("## Inside heading")]
        + "</details>\n\n"
        + BODY[BODY.index("After the box") :]
    )
    heights = []
    for slug, body in (("nested", BODY), ("simple", simple)):
        widget = ChapterView()
        qtbot.addWidget(widget)
        widget.resize(700, 500)
        widget.show_document(_document(tmp_path, slug, body), LIGHT, 18)
        heights.append(widget.document().size().height())
    # Folded, the inner box and the code block take no more room than one paragraph.
    assert heights[0] == pytest.approx(heights[1], abs=2)
    # Opened, the code block gets its frame back.
    nested = ChapterView()
    qtbot.addWidget(nested)
    nested.resize(700, 500)
    nested.show_document(_document(tmp_path, "nested", BODY), LIGHT, 18)
    nested.toggle_fold(0)
    nested.toggle_fold(1)
    code = nested.document().findBlock(nested.document().toRawText().index("print('hi')"))
    frame = QTextCursor(code).currentFrame()
    assert (
        frame.frameFormat().border() > 0
        or frame.frameFormat().padding() > 0
        or (frame.frameFormat().toTableFormat().cellPadding() > 0)
    )


def test_find_opens_the_box_of_the_current_match_only(view: ChapterView, qtbot: QtBot) -> None:
    bar = FindBar(view)
    bar.open_bar()
    qtbot.keyClicks(bar.field, "secret")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_text() == "1 of 1"
    assert view.folds.is_open(0) and view.folds.is_open(1)


def test_hovering_a_summary_names_no_link(view: ChapterView, qtbot: QtBot) -> None:
    hovered: list[str] = []
    view.link_hovered.connect(lambda url: hovered.append(url.toString()))

    def move_to(point: QPoint) -> None:
        # QTest's mouseMove moves no pointer on the offscreen platform: send the event.
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(point),
            QPointF(view.viewport().mapToGlobal(point)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document().toRawText().index("a visible link") + 3)
    move_to(view.cursorRect(cursor).center())
    assert hovered == ["#start"]
    move_to(_summary_point(view, 0))
    assert hovered[-1] == ""
