"""The main window on the seed chapter: contents, navigation, images, links, restore."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import write_chapter, write_png
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextCursor
from PySide6.QtWidgets import QMenu, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from ui_helpers import annotations_of

from reader.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]

SEED_TITLES = [
    "Human Security",
    "How should Human Security be defined?",
    "Setting the boundaries of Human Security",
    "Debates & Unresolved Issues",
    "Governance",
    "Theory of Human Security",
    "Poverty",
    "Health",
    "Population Movements",
]


def _all_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    out = []
    for i in range(item.childCount()):
        child = item.child(i)
        out.append(child)
        out.extend(_all_items(child))
    return out


def test_window_opens_the_seed_with_its_title(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    assert window.windowTitle().startswith("Human Security")
    assert "Human security is an emerging paradigm" in window.view.toPlainText()


def test_contents_shows_all_nine_headings_in_order(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    top = window.contents.topLevelItem(0)
    assert top is not None and top.text(0) == "Human Security"
    # The chapter's row stands for its title heading, which is not listed again beneath it.
    assert [item.text(0) for item in _all_items(top)] == SEED_TITLES[1:]
    assert window.contents.item_for("human-security", "human-security") is top


def test_activating_poverty_scrolls_it_to_the_top(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    item = window.contents.item_for("human-security", "poverty")
    assert item is not None
    window.contents.setCurrentItem(item)
    window.contents.setFocus()
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    view = window.view
    top = view.heading_top("poverty")
    assert top is not None and top > 0
    assert abs(view.verticalScrollBar().value() - top) <= 1
    # The first line visible at the top of the view is the heading itself.
    position = view.cursorForPosition(QPoint(view.width() // 2, 8)).position()
    assert view.document().findBlock(position).text() == "Poverty"
    assert window.contents.marked() == ("human-security", "poverty")


def test_clicking_a_heading_navigates(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    item = window.contents.item_for("human-security", "governance")
    assert item is not None
    rect = window.contents.visualItemRect(item)
    qtbot.mouseClick(window.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (
        abs(
            window.view.verticalScrollBar().value() - (window.view.heading_top("governance") or -99)
        )
        <= 1
    )


def test_scrolling_to_health_marks_health_current(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    view = window.view
    top = view.heading_top("health")
    assert top is not None
    with qtbot.waitSignal(view.current_heading_changed, timeout=2000) as signal:
        view.verticalScrollBar().setValue(round(top) + 40)
    assert signal.args == ["health"]
    assert window.contents.marked() == ("human-security", "health")
    marked = window.contents.item_for("human-security", "health")
    assert marked is not None and marked.font(0).bold()
    assert marked.foreground(0).color().name() == QColor(window.theme.accent).name()
    view.verticalScrollBar().setValue(0)
    assert window.contents.marked() == ("human-security", "human-security")


def test_keyboard_reaches_contents_and_text(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(seed_library, data_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.focus_contents()
    qtbot.waitUntil(window.contents.hasFocus)
    # The current section is the keyboard's starting point; Down moves to the next heading.
    assert window.contents.currentItem() is window.contents.item_for(
        "human-security", "human-security"
    )
    qtbot.keyClick(window.contents, Qt.Key.Key_Down)
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    second = window.view.heading_top("how-should-human-security-be-defined")
    assert second is not None and abs(window.view.verticalScrollBar().value() - second) <= 1
    window.focus_text()
    qtbot.waitUntil(window.view.hasFocus)
    before = window.view.verticalScrollBar().value()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    assert window.view.verticalScrollBar().value() > before


def test_missing_figures_show_named_placeholders(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    doc = window.view.document()
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    assert names == [f"placeholder:{i}" for i in range(4)]
    image = window.view.loadResource(2, QUrl("placeholder:0"))
    assert image is not None and not image.isNull()
    # Drawn for 70% of the full measure; Qt shrinks it with a narrower column.
    assert (
        abs(image.width() / image.devicePixelRatio() - round(window.view.measure_px() * 0.7)) <= 1
    )
    placeholder_at = window.view.toPlainText().index("\ufffc")
    block = doc.findBlock(placeholder_at)
    line = block.layout().lineForTextPosition(placeholder_at - block.position())
    drawn = (
        line.cursorToX(placeholder_at - block.position() + 1)[0]
        - line.cursorToX(placeholder_at - block.position())[0]
    )
    assert abs(drawn - 0.7 * window.view.column_width()) <= 2


def test_existing_backslash_image_renders_at_the_translated_width(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    root = tmp_path / "lib"
    (root / "static" / "modules").mkdir(parents=True)
    write_png(root / "static" / "modules" / "map one.png", 40, 20)
    write_chapter(
        root,
        "c.md",
        "Maps",
        'Intro\n\n<center> <img src="static\\modules\\map one.png" '
        'alt="map" width="70%" /> </center>\n\nAfter',
    )
    window = open_window(root, data_dir)
    view = window.view
    doc = view.document()
    image_at = view.toPlainText().index("\ufffc")
    fmt = QTextCursor(doc)
    fmt.setPosition(image_at + 1)
    assert fmt.charFormat().toImageFormat().name() == "image:0"
    loaded = view.loadResource(2, QUrl("image:0"))
    assert loaded.width() == 40

    def drawn_width() -> float:
        block = doc.findBlock(image_at)
        line = block.layout().lineForTextPosition(image_at - block.position())
        left = line.cursorToX(image_at - block.position())
        right = line.cursorToX(image_at - block.position() + 1)
        return float(right[0] - left[0])

    # The picture is drawn at 70% of the text column, whatever its own size (40 px).
    assert abs(drawn_width() - 0.7 * view.column_width()) <= 2
    # And it follows the column when the window is resized, without re-rendering.
    window.resize(window.width() - 200, window.height())
    qtbot.waitUntil(lambda: abs(drawn_width() - 0.7 * view.column_width()) <= 2)
    assert view.column_width() < view.measure_px()


def test_external_link_opens_nothing(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(
        tmp_path,
        "c.md",
        "Links",
        "See [the site](https://example.org/page) and "
        "[a file](file:///etc/passwd) and [script](javascript:alert(1)).",
    )
    window = open_window(tmp_path, data_dir)
    opened: list[QUrl] = []

    class Recorder(QObject):
        @Slot(QUrl)
        def record(self, url: QUrl) -> None:
            opened.append(url)

    recorder = Recorder()
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, recorder, "record")
    try:
        window.view.link_clicked.emit(QUrl("https://example.org/page"))
        dialog = window.external_link_dialog()
        assert dialog is not None and dialog.url == "https://example.org/page"
        dialog.reject()
        window.view.link_clicked.emit(QUrl("file:///etc/passwd"))
        window.view.link_clicked.emit(QUrl("javascript:alert(1)"))
        assert window.external_link_dialog() is None
        qtbot.wait(50)
        assert opened == []
    finally:
        for scheme in ("http", "https", "file", "javascript"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_internal_anchor_and_chapter_links(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    write_chapter(
        tmp_path,
        "a.md",
        "Alpha",
        "[to two](b.md#part-two)\n\n" + "filler\n\n" * 80 + "# End",
        order=1,
    )
    write_chapter(
        tmp_path, "b.md", "Beta", "# Part one\n\n" + "text\n\n" * 80 + "# Part two\n\nhere", order=2
    )
    window = open_window(tmp_path, data_dir)
    assert window.current_document().chapter.slug == "a"  # type: ignore[union-attr]
    window.view.link_clicked.emit(QUrl("#end"))
    assert (
        abs(window.view.verticalScrollBar().value() - (window.view.heading_top("end") or -99)) <= 1
    )
    window.view.link_clicked.emit(QUrl("b.md#part-two"))
    assert window.current_document().chapter.slug == "b"  # type: ignore[union-attr]
    assert window.windowTitle().startswith("Beta")
    assert (
        abs(window.view.verticalScrollBar().value() - (window.view.heading_top("part-two") or -99))
        <= 1
    )


def test_restart_restores_chapter_position_and_window(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    write_chapter(tmp_path, "a.md", "Alpha", "# A\n\n" + "alpha text\n\n" * 40, order=1)
    write_chapter(
        tmp_path,
        "b.md",
        "Beta",
        "# B\n\n" + "\n\n".join(f"Paragraph {i} of beta." for i in range(200)),
        order=2,
    )
    window = open_window(tmp_path, data_dir, size=(760, 560))
    window.open_chapter("b", offset=0)
    offset = window.current_document().plain.text.index("Paragraph 120 of beta.")  # type: ignore[union-attr]
    window.view.scroll_to_offset(offset)
    saved_top = window.view.top_offset()
    window._splitter.setSizes([300, 460])
    sidebar_width = window._splitter.sizes()[0]
    window.close()

    again = open_window(tmp_path, data_dir)
    assert again.current_document().chapter.slug == "b"  # type: ignore[union-attr]
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert abs(again._splitter.sizes()[0] - sidebar_width) <= 2
    text = again.current_document().plain.text  # type: ignore[union-attr]
    top = again.view.top_offset()
    assert text[top:].startswith(text[saved_top : saved_top + 20]) or abs(top - saved_top) <= 25
    assert "Paragraph 120 of beta." in text[top - 40 : top + 60]


def test_library_with_no_chapters_explains_itself(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    (tmp_path / "bad.md").write_bytes(b"\x80\x81 not UTF-8 text")
    window = open_window(tmp_path, data_dir)
    assert "No chapters to show" in window.view.toPlainText()
    assert "bad.md" in window.view.toPlainText()


def test_a_chapter_edited_on_disk_is_never_shown_as_it_was(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    """Edited after the library was read: it opens as it now reads, not from stale data;
    made unreadable, it is not opened and the window says why."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    write_chapter(tmp_path, "a.md", "Alpha", "alpha text", order=1)
    b = write_chapter(tmp_path, "b.md", "Beta", "beta text", order=2)
    c = write_chapter(tmp_path, "c.md", "Gamma", "gamma text", order=3)
    window = open_window(tmp_path, data_dir)
    b.write_text(b.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    assert window.open_chapter("b") is True
    assert "A new paragraph." in window.current_document().plain.text  # type: ignore[union-attr]
    c.write_bytes(b"\x80 no longer UTF-8")
    assert window.open_chapter("c") is False
    assert window.current_document().chapter.slug == "b"  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() and "UTF-8" in w.text()
            for w in QApplication.topLevelWidgets()
        )
    )
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def test_placeholder_card_is_drawn_on_a_transparent_ground(qtbot: QtBot) -> None:
    from reader.ui.app import application
    from reader.ui.placeholder import placeholder_image
    from reader.ui.theme import THEMES

    application()
    for theme in THEMES.values():
        image = placeholder_image("map.png", "Figure not available.", 400, theme, 1.0)
        assert (image.width(), image.height()) == (400, 88)
        # Outside the rounded corner: nothing; inside the card: the theme's card colour.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(200, 10).name() == QColor(theme.code_bg).name()
        # The title is written in the text colour just above the middle line.
        title_row = [image.pixelColor(x, 35) for x in range(80, 200)]
        text = QColor(theme.text)
        assert any(
            abs(c.red() - text.red()) + abs(c.green() - text.green()) < 60 for c in title_row
        )


def test_placeholder_text_is_elided_only_when_too_wide(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from reader.ui.placeholder import _fit

    metrics = QFontMetricsF(QFont())
    assert _fit(metrics, "map.png", 200, middle=True) == "map.png"
    long = "a_very_long_figure_name_that_cannot_fit_in_the_card.png"
    middle = _fit(metrics, long, 150, middle=True)
    end = _fit(metrics, long, 150, middle=False)
    assert "…" in middle and middle.startswith("a_very") and middle.endswith(".png")
    assert end.startswith("a_very_long") and end.endswith("…")
    assert metrics.horizontalAdvance(middle) <= 150 and metrics.horizontalAdvance(end) <= 150
    # The longest cut that fits: one character more would not.
    assert metrics.horizontalAdvance(long[: len(end)] + "…") > 150
    head, tail = middle.split("…")
    longer = long[: len(head) + 1] + "…" + long[len(long) - len(tail) - 1 :]
    assert metrics.horizontalAdvance(longer) > 150
    # Nothing fits: only the ellipsis is left; a combining accent stays off the ellipsis.
    assert _fit(metrics, long, 1, middle=False) == "…"
    accented = "figure_" * 6 + "e\u0301te\u0301.png"
    for width in range(40, 200, 7):
        shown = _fit(metrics, accented, width, middle=True)
        assert not unicodedata.combining(shown.split("…")[-1][:1] or "x")


def _row_ink(menu: QMenu, image: QImage, page: QColor, text: str) -> int:
    """How far the most contrasting pixel of a menu row is from the page colour."""
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    rect = menu.actionGeometry(action)
    return max(
        abs(image.pixelColor(x, y).lightness() - page.lightness())
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom())
    )


def test_disabled_menu_entries_look_disabled(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    menu = window.go_menu  # Back and Forward start disabled, Next Chapter is not
    assert not next(a for a in menu.actions() if a.text() == "&Back").isEnabled()
    for theme in ("light", "dark"):
        window.set_theme(theme)
        menu.ensurePolished()
        menu.resize(menu.sizeHint())
        image = menu.grab().toImage()  # drawn as it would pop up, without popping up
        page = QColor(window.theme.page)
        disabled = _row_ink(menu, image, page, "Back")
        assert disabled < _row_ink(menu, image, page, "Next Chapter") - 40


def test_quit_and_redo_answer_to_the_usual_keys(
    open_window: WindowFactory, seed_library: Path, data_dir: Path
) -> None:
    window = open_window(seed_library, data_dir)
    quit_action = next(a for a in window.file_menu.actions() if a.text() == "&Quit")
    assert quit_action.shortcuts()  # Ctrl+Q where the platform names no Quit key
    redo = annotations_of(window).redo_action
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= {k.toString() for k in redo.shortcuts()}


def test_renderings_of_chapters_long_gone_are_deleted_after_start(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, qtbot: QtBot
) -> None:
    import os
    import time

    from reader.core.render_cache import FORMAT_VERSION, render_cache_folder

    folder = render_cache_folder(data_dir)
    folder.mkdir(parents=True)
    stale = folder / f"v{FORMAT_VERSION}-{'a' * 64}.marshal"
    stale.write_text("{}", encoding="utf-8")
    long_ago = time.time() - 60 * 86400
    os.utime(stale, (long_ago, long_ago))
    window = open_window(seed_library, data_dir)
    qtbot.waitUntil(lambda: not stale.exists(), timeout=3000)
    chapter = window.library.chapters[0]
    assert (folder / f"v{FORMAT_VERSION}-{chapter.content_hash}.marshal").exists()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip pops up
def test_contents_tooltips_show_front_matter_as_written(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    write_chapter(
        tmp_path,
        "a.md",
        "<i>Alpha</i>",
        "# <b>Part</b> one\n\ntext",
        abstract="a < b & <img src=x>",
    )
    window = open_window(tmp_path, data_dir)
    chapter = window.contents.item_for("a", "")
    assert chapter is not None and chapter.text(0) == "<i>Alpha</i>"
    # The tooltip is made when the row is hovered (a tooltip event on the row).
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication

    panel = window.contents
    spot = panel.visualItemRect(chapter).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, panel.viewport().mapToGlobal(spot))
    QApplication.sendEvent(panel.viewport(), hover)
    assert "a &lt; b &amp; &lt;img src=x&gt;" in chapter.toolTip(0)
    assert "<img" not in chapter.toolTip(0)
    from PySide6.QtWidgets import QLabel

    [where] = [w for w in window.statusBar().findChildren(QLabel) if "Alpha" in w.text()]
    assert where.textFormat() == Qt.TextFormat.PlainText
    assert where.text().startswith("<i>Alpha</i>")


def test_file_names_and_errors_are_shown_as_written(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    (tmp_path / "<img src=x>.md").write_bytes(b"\x80 not UTF-8 text")
    window = open_window(tmp_path, data_dir)
    shown = window.view.toPlainText()
    assert "No chapters to show" in shown and "<img src=x>.md" in shown
    window.show_problems()

    def box() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((b for b in boxes if b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None)
    problems = box()
    assert problems is not None
    assert problems.textFormat() == Qt.TextFormat.PlainText
    assert "<img src=x>.md" in problems.text()
    problems.close()


def test_status_bar_names_a_section_once_not_the_title_twice(
    open_window: WindowFactory, tmp_path: Path, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    (tmp_path / "README.md").write_text(
        "# Getting started\n\nIntro.\n\n## Wiring\n\n" + "text\n\n" * 80, encoding="utf-8"
    )
    window = open_window(tmp_path, data_dir, size=(900, 600))
    labels = [w.text() for w in window.statusBar().findChildren(QLabel) if w.text()]
    assert "Getting started" in labels
    window.open_location("README", "wiring")
    labels = [w.text() for w in window.statusBar().findChildren(QLabel) if w.text()]
    assert "Getting started  ›  Wiring" in labels
