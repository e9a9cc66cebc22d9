"""The Contents tree follows the course's folders, and its filter box narrows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.core.library import Chapter, Slug
from reader.core.outline import OutlineNode
from reader.ui.contents_filter import FilterBox, fold
from reader.ui.contents_panel import ContentsPanel
from reader.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
IOT = Path("/work/shared/courses/iot-for-beginners")
MODULE = "2-farm"
LESSON = "2-farm.lessons.2-detect-soil-moisture"
FILE = "2-farm.lessons.2-detect-soil-moisture.pi-soil-moisture"

needs_iot = pytest.mark.skipif(not IOT.is_dir(), reason="the shared IoT course is not here")


def _kids(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]


def _slug(item: QTreeWidgetItem) -> str:
    return str(item.data(0, Qt.ItemDataRole.UserRole))


def _is_chapter(item: QTreeWidgetItem) -> bool:
    return item.data(0, Qt.ItemDataRole.UserRole + 1) is None


def _shown(tree: ContentsPanel, item: QTreeWidgetItem) -> bool:
    """Whether the row is on screen: not hidden, every row above it expanded, in view."""
    row: QTreeWidgetItem | None = item
    while row is not None:
        if row.isHidden() or (row is not item and not row.isExpanded()):
            return False
        row = row.parent()
    rect = tree.visualItemRect(item)
    return rect.isValid() and tree.viewport().rect().contains(rect.center())


def _filter_box(window: MainWindow) -> FilterBox:
    box = window.findChild(FilterBox, "contentsFilter")
    assert box is not None
    return box


def _focus(qtbot: QtBot, window: MainWindow, widget: object) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(widget.hasFocus)  # type: ignore[attr-defined]


@needs_iot
def test_the_iot_course_nests_modules_lessons_and_lesson_files(
    open_window: WindowFactory, data_dir: Path
) -> None:
    window = open_window(IOT, data_dir)
    tree = window.contents
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    titles = [item.text(0) for item in tops if item is not None]
    assert titles[1:4] == [
        "Getting Started with IoT",
        "Farming with IoT",
        "Transport from farm to factory - using IoT to track food deliveries",
    ]
    module = tree.item_for(MODULE, "")
    assert module is not None and module.parent() is None
    lessons = [_slug(item) for item in _kids(module) if _is_chapter(item)]
    assert lessons[:3] == [
        "2-farm.lessons.1-predict-plant-growth",
        "2-farm.lessons.2-detect-soil-moisture",
        "2-farm.lessons.3-automated-plant-watering",
    ]
    lesson = tree.item_for(LESSON, "")
    assert lesson is not None and lesson.parent() is module
    files = [_slug(item) for item in _kids(lesson) if _is_chapter(item)]
    assert FILE in files and f"{LESSON}.assignment" in files
    # Every chapter of the library is in the tree, each under its parent.
    for chapter in window.library.chapters:
        item = tree.item_for(chapter.slug, "")
        assert item is not None
        above = item.parent()
        assert (_slug(above) if above is not None else None) == chapter.parent


@needs_iot
def test_a_lesson_chosen_with_the_keyboard_opens(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT, data_dir, chapter=MODULE)
    tree = window.contents
    module, lesson = tree.item_for(MODULE, ""), tree.item_for(LESSON, "")
    assert module is not None and lesson is not None
    _focus(qtbot, window, tree)
    assert tree.currentItem() is module
    # The module's own sections come first, then its lessons: count the rows to go down.
    steps, row = 0, module
    while row is not lesson:
        row = tree.itemBelow(row)
        assert row is not None
        steps += 1
    assert steps > 2  # the first lesson and some of the module's sections lie between
    for _ in range(steps):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is lesson
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    document = window.current_document()
    assert document is not None and document.chapter.slug == LESSON
    assert tree.marked() is not None and tree.marked()[0] == LESSON  # type: ignore[index]


@needs_iot
def test_opening_a_nested_chapter_expands_its_ancestors_and_marks_one_row(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT, data_dir)  # the course's README, at the top level
    tree = window.contents
    module, lesson, item = (tree.item_for(s, "") for s in (MODULE, LESSON, FILE))
    assert module is not None and lesson is not None and item is not None
    assert not module.isExpanded() and not _shown(tree, item)
    window.open_location(FILE, "")
    assert module.isExpanded() and lesson.isExpanded()
    qtbot.waitUntil(lambda: _shown(tree, item))
    # One row is marked, the chapter's own (its title heading is the chapter's row), and
    # the keyboard's current row is that one.
    accent = QColor(window.theme.accent).name()
    marked = [
        row
        for row in _every_row(tree)
        if row.font(0).bold() and row.foreground(0).color().name() == accent
    ]
    assert marked == [item]
    assert tree.currentItem() is item
    # The marked section follows the reading, still one row at a time.
    heading = next(h for h in _kids(item) if not _is_chapter(h))
    heading_id = str(heading.data(0, Qt.ItemDataRole.UserRole + 1))
    tree.mark_current(FILE, heading_id)
    marked = [row for row in _every_row(tree) if row.foreground(0).color().name() == accent]
    assert marked == [heading] and tree.currentItem() is heading
    assert tree.marked() == (FILE, heading_id)


def _every_row(tree: ContentsPanel) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        row = stack.pop()
        if row is not None:
            out.append(row)
            stack.extend(_kids(row))
    return out


@needs_iot
def test_a_chapter_does_not_repeat_its_title_heading(
    open_window: WindowFactory, data_dir: Path
) -> None:
    window = open_window(IOT, data_dir, chapter=LESSON)
    tree = window.contents
    lesson = tree.item_for(LESSON, "")
    assert lesson is not None and lesson.isExpanded()
    kids = _kids(lesson)
    assert kids and kids[0].text(0) != "Detect soil moisture"
    assert all(kid.text(0).casefold() != lesson.text(0).casefold() for kid in kids)
    # The title heading stands for the chapter's row: marking it marks the chapter.
    assert tree.item_for(LESSON, "detect-soil-moisture") is lesson
    # Headings first, then the lesson's files: never a heading after a chapter.
    kinds = [_is_chapter(kid) for kid in kids]
    assert kinds == sorted(kinds) and kinds[0] is False and kinds[-1] is True


def _panel(qtbot: QtBot, chapters: list[Chapter], outlines: dict[str, list[str]]) -> ContentsPanel:
    from reader.core.rendered import Heading

    def outline_of(chapter: Chapter) -> list[OutlineNode]:
        titles = outlines.get(chapter.slug, [])
        return [
            OutlineNode(Heading(2 if i else 1, title, f"{chapter.slug}-{i}"))
            for i, title in enumerate(titles)
        ]

    panel = ContentsPanel(outline_of)
    qtbot.addWidget(panel)
    panel.set_chapters(tuple(chapters))
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _chapter(slug: str, title: str, parent: str | None = None, part: str | None = None) -> Chapter:
    return Chapter(
        Slug(slug),
        title,
        "",
        None,
        Path(f"/x/{slug}.md"),
        f"{slug}.md",
        "0",
        parent=Slug(parent) if parent else None,
        part=part,
    )


def test_the_title_heading_is_matched_without_case_or_spacing(qtbot: QtBot) -> None:
    chapters = [_chapter("a", "Field  Work"), _chapter("b", "Tools")]
    panel = _panel(
        qtbot, chapters, {"a": ["  field work ", "Before", "After"], "b": ["Kit", "Map"]}
    )
    panel.expand_chapter("a")
    panel.expand_chapter("b")
    a, b = panel.item_for("a", ""), panel.item_for("b", "")
    assert a is not None and b is not None
    # The OutlineNodes here are flat: the title's siblings stay, the title goes.
    assert [kid.text(0) for kid in _kids(a)] == ["Before", "After"]
    assert panel.item_for("a", "a-0") is a
    # A first heading that is not the title is a section like any other.
    assert [kid.text(0) for kid in _kids(b)] == ["Kit", "Map"]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the tooltip shown offscreen
def test_titles_and_parts_are_shown_as_written(qtbot: QtBot) -> None:
    chapters = [
        _chapter("intro", "<b>Intro</b> & more"),
        _chapter("install", "Install <img src=x>", part="<i>Getting</i> started"),
        _chapter("linux", "On <u>Linux</u>", parent="install", part="<i>Getting</i> started"),
        _chapter("commands", "Commands", part="Reference"),
    ]
    panel = _panel(qtbot, chapters, {})
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    texts = [row.text(0) for row in rows if row is not None]
    assert texts == [
        "<b>Intro</b> & more",
        "<i>Getting</i> started",
        "Install <img src=x>",
        "Reference",
        "Commands",
    ]
    linux = panel.item_for("linux", "")
    assert linux is not None and linux.text(0) == "On <u>Linux</u>"
    # The tooltip is made when the row is hovered (a tooltip event on the row).
    panel.expandItem(linux.parent())
    spot = panel.visualItemRect(linux).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, panel.viewport().mapToGlobal(spot))
    QApplication.sendEvent(panel.viewport(), hover)
    assert "&lt;u&gt;" in linux.toolTip(0) and "<u>" not in linux.toolTip(0)
    assert QToolTip.text() == linux.toolTip(0)
    # A part is a title, not a place: it cannot be chosen and clicking it opens nothing.
    part = rows[1]
    assert part is not None and not part.flags() & Qt.ItemFlag.ItemIsEnabled
    opened: list[tuple[str, str]] = []
    panel.heading_activated.connect(lambda slug, heading: opened.append((slug, heading)))
    from PySide6.QtTest import QTest

    QTest.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(part).center()
    )
    assert opened == []
    QTest.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(rows[2]).center()
    )
    assert opened == [("install", "")]


def test_fold_ignores_accents_and_case() -> None:
    assert fold("Café CRÈME") == "cafe creme"
    assert fold("ÉTÉ") == fold("été") == "ete"
    assert fold("Straße") == "strasse"


def _visible_slugs(window: MainWindow, word: str) -> tuple[set[str], set[str]]:
    """The chapters a filter word matches (title or an ancestor's), and those it keeps shown."""
    library = window.library
    matched: set[str] = set()
    for chapter in library.chapters:
        row: Chapter | None = chapter
        while row is not None:
            if word in fold(row.title):
                matched.add(chapter.slug)
                break
            row = library.by_slug(row.parent) if row.parent else None
    shown = set(matched)
    for slug in matched:
        parent = library.by_slug(slug).parent  # type: ignore[union-attr]
        while parent:
            shown.add(parent)
            parent = library.by_slug(parent).parent  # type: ignore[union-attr]
    return matched, shown


@needs_iot
def test_the_filter_narrows_the_course_and_esc_restores_it(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT, data_dir, chapter=MODULE)
    tree = window.contents
    box = _filter_box(window)
    assert box.placeholderText() == "Filter chapters" and box.isClearButtonEnabled()
    readme = tree.item_for("README", "")
    module = tree.item_for(MODULE, "")
    assert readme is not None and module is not None
    # The module has been read (its sections are listed), then closed with the keyboard,
    # and the reader is back at the course's README.
    window.open_location("README", "")
    _focus(qtbot, window, tree)
    tree.setCurrentItem(module)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not module.isExpanded()
    assert any(not _is_chapter(kid) for kid in _kids(module))
    _focus(qtbot, window, box)
    qtbot.keyClicks(box, "SOIL")
    matched, shown = _visible_slugs(window, "soil")
    assert LESSON in matched and MODULE in shown and MODULE not in matched
    for chapter in window.library.chapters:
        item = tree.item_for(chapter.slug, "")
        assert item is not None
        assert item.isHidden() == (chapter.slug not in shown), chapter.slug
    assert module.isExpanded()  # the way to the matches is open
    lesson = tree.item_for(LESSON, "")
    assert lesson is not None and _shown(tree, lesson)
    # The module shows only for its lessons: its own sections are out of the way.
    sections = [kid for kid in _kids(module) if not _is_chapter(kid)]
    assert sections and all(kid.isHidden() for kid in sections)
    # Esc gives the whole tree back as it was: the module closed again, the README marked.
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert not any(row.isHidden() for row in _every_row(tree))
    assert not module.isExpanded()
    assert tree.marked() is not None and tree.marked()[0] == "README"  # type: ignore[index]
    assert _shown(tree, readme)


@needs_iot
def test_down_from_the_filter_reaches_the_first_match_and_enter_opens_it(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT, data_dir)
    tree = window.contents
    box = _filter_box(window)
    _focus(qtbot, window, box)
    qtbot.keyClicks(box, "moisture")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(tree.hasFocus)
    first = tree.item_for(LESSON, "")  # "Detect soil moisture"
    assert tree.currentItem() is first
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    current = tree.currentItem()
    # The lesson's files are kept by the lesson's title: the next row is its first file.
    assert current is not None and _is_chapter(current) and current.parent() is first
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    document = window.current_document()
    assert document is not None and document.chapter.slug == _slug(current)
    # With no text, Down goes to the row being read.
    box.clear()
    _focus(qtbot, window, box)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(tree.hasFocus)
    assert tree.currentItem() is tree.item_for(_slug(current), "")


def test_the_filter_ignores_accents_case_and_word_order(qtbot: QtBot) -> None:
    from reader.ui.contents_filter import ContentsTab

    chapters = [
        _chapter("summer", "Été en forêt"),
        _chapter("summer.cafe", "Le café", parent="summer"),
        _chapter("winter", "Hiver"),
        _chapter("winter.cafe", "Café du port", parent="winter"),
        _chapter("winter.ice", "Glace", parent="winter"),
    ]
    panel = _panel(qtbot, chapters, {})
    tab = ContentsTab(panel)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.box.setFocus()

    def hidden() -> list[str]:
        return [c.slug for c in chapters if panel.item_for(c.slug, "").isHidden()]  # type: ignore[union-attr]

    qtbot.keyClicks(tab.box, "CAFE")
    assert hidden() == ["winter.ice"]  # each café keeps its module; the ice goes
    qtbot.keyClick(tab.box, Qt.Key.Key_Escape)
    qtbot.keyClicks(tab.box, "cafe ETE")  # words anywhere along the way down
    assert hidden() == ["winter", "winter.cafe", "winter.ice"]
    qtbot.keyClick(tab.box, Qt.Key.Key_Escape)
    qtbot.keyClicks(tab.box, "hiver")  # a module's name keeps its lessons
    assert hidden() == ["summer", "summer.cafe"]
    status = tab.findChild(QLabel, "contentsFilterStatus")
    assert status is not None and status.isHidden()
    qtbot.keyClicks(tab.box, " zzz")
    assert hidden() == [c.slug for c in chapters]
    assert not status.isHidden() and "hiver zzz" in status.text()
    qtbot.keyClick(tab.box, Qt.Key.Key_Escape)
    assert hidden() == [] and status.isHidden()


def test_ten_thousand_chapters_filter_without_rendering_any(qtbot: QtBot) -> None:
    chapters: list[Chapter] = []
    for m in range(100):
        chapters.append(_chapter(f"m{m}", f"Module {m}"))
        for lesson in range(10):
            slug = f"m{m}.l{lesson}"
            chapters.append(_chapter(slug, f"Lesson {m}-{lesson}", parent=f"m{m}"))
            chapters += [
                _chapter(f"{slug}.f{f}", f"Part {f} of lesson {m}-{lesson}", parent=slug)
                for f in range(9)
            ]
    rendered: list[str] = []

    def outline_of(chapter: Chapter) -> list[OutlineNode]:
        rendered.append(chapter.slug)
        return []

    panel = ContentsPanel(outline_of)
    qtbot.addWidget(panel)
    panel.set_chapters(tuple(chapters))
    assert len(chapters) == 10_100 and panel.topLevelItemCount() == 100
    assert panel.set_filter("lesson 42-7") == 10  # the lesson and its nine parts
    shown = [c.slug for c in chapters if not panel.item_for(c.slug, "").isHidden()]  # type: ignore[union-attr]
    assert shown == ["m42", "m42.l7"] + [f"m42.l7.f{f}" for f in range(9)]
    assert panel.item_for("m42", "").isExpanded()  # type: ignore[union-attr]
    assert rendered == []  # expanding for the filter renders no chapter
    assert panel.set_filter("") == 10_100
    assert not any(
        panel.item_for(c.slug, "").isHidden() or panel.item_for(c.slug, "").isExpanded()  # type: ignore[union-attr]
        for c in chapters
    )
    assert QApplication.instance() is not None
