"""Links between lessons of a real course, followed with the mouse in the real window."""

from __future__ import annotations

from pathlib import Path

from helpers import IOT_COURSE
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, scroll_to_show

LESSON = "4-manufacturing/lessons/3-run-fruit-detector-edge/README.md"
SOIL = "2-farm/lessons/2-detect-soil-moisture/virtual-device-soil-moisture.md"
LINKED = "1-getting-started/lessons/1-introduction-to-iot/virtual-device.md"


def test_a_link_between_lessons_opens_the_linked_lesson(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT_COURSE, data_dir, size=(1000, 700))
    lesson = window.library.by_relpath(SOIL)
    linked = window.library.by_relpath(LINKED)
    assert lesson is not None and linked is not None
    assert window.open_chapter(lesson.slug, offset=0)
    href = next(h for h in window.current_document().rendered.links if LINKED in h)  # type: ignore[union-attr]
    point = scroll_to_show(window, href)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(
        lambda: window.current_document().chapter.slug == linked.slug  # type: ignore[union-attr]
    )


def test_a_section_link_opens_the_heading_whatever_its_capitals(
    open_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    window = open_window(IOT_COURSE, data_dir, size=(1000, 700))
    lesson = window.library.by_relpath(LESSON)
    assert lesson is not None and window.open_chapter(lesson.slug, offset=0)
    # Written "#Azure-IoT-Edge" by the course; GitHub's id is "azure-iot-edge".
    point = scroll_to_show(window, "#Azure-IoT-Edge")
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    top = window.view.heading_top("azure-iot-edge")
    assert top is not None
    qtbot.waitUntil(lambda: abs(window.view.verticalScrollBar().value() - top) <= 1)
    assert window.view.current_heading() == "azure-iot-edge"
