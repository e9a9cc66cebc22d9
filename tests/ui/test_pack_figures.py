"""Figures of a zip course pack show in the real window, read from inside the zip."""

from __future__ import annotations

from pathlib import Path

from pack_zips import zip_entries
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reader.ui.app import application, build_window


def _png(width: int, height: int, colour: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _count(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    step = 4
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixel(x, y) == wanted
    )


def test_figures_inside_a_zip_pack_are_shown(qtbot: QtBot, tmp_path: Path) -> None:
    pack = zip_entries(
        tmp_path / "course.zip",
        {
            "course-main/README.md": "# Figures\n\n![Small](img/small.png)\n\n"
            "![Large](img/large.png)\n",
            # Small: decoded at once; large (3 MP): decoded on a worker thread.
            "course-main/img/small.png": _png(300, 120, "#3070c0"),
            "course-main/img/large.png": _png(2000, 1500, "#c05020"),
        },
    )
    application()
    # The second window shows the chapter from the render cache the first one wrote.
    for _ in range(2):
        window = build_window(pack, tmp_path / "data")
        qtbot.addWidget(window)
        window.resize(1000, 1400)
        window.show()
        qtbot.waitExposed(window)
        window.view.figures.wait(in_view=False)
        figures = window.view.figures
        qtbot.waitUntil(lambda: not figures.pending())  # noqa: B023 (used in this turn only)
        shot = window.view.viewport().grab().toImage()
        assert _count(shot, "#3070c0") > 500, "the small figure is not shown"
        assert _count(shot, "#c05020") > 500, "the large figure is not shown"
        window.close()
    assert any((tmp_path / "data").rglob("*.json")), "nothing was cached"
    assert not (tmp_path / "img").exists() and not (tmp_path / "course-main").exists()
