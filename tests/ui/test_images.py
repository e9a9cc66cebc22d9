"""Figures are decoded at the width they are shown, SVGs drawn at it, absurd sizes refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reader.core.document import ChapterDocument
from reader.core.library import Chapter, Slug
from reader.core.rendered import ImageRef, RenderedChapter
from reader.ui.images import TOO_LARGE, decode_image
from reader.ui.theme import LIGHT
from reader.ui.viewer import ChapterView

IMAGE = QUrl("image:0")
RESOURCE = 2  # QTextDocument.ResourceType.ImageResource


def _png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3070c0"))
    assert image.save(str(path), "PNG")
    return path


def _declared_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares `width` x `height` (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def _svg(path: Path, width: int, height: int) -> Path:
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" '
        'fill="#c03030"/></svg>',
        encoding="utf-8",
    )
    return path


def _ref(path: Path, percent: float | None = None, pixels: int | None = None) -> ImageRef:
    return ImageRef(path.name, "A figure", "found", path, percent, pixels)


def _view(qtbot: QtBot, tmp_path: Path, ref: ImageRef) -> ChapterView:
    view = ChapterView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    chapter = Chapter(Slug("fig"), "Fig", "", None, tmp_path / "fig.md", "fig.md", "hash")
    html = '<p>Before.</p><p><img src="image:0" alt="A figure" style="max-width:100%" /></p>'
    view.show_document(ChapterDocument(chapter, RenderedChapter(html, (), (ref,))), LIGHT, 18)
    return view


def _loaded(view: ChapterView) -> QImage:
    image = view.loadResource(RESOURCE, IMAGE)
    assert isinstance(image, QImage) and not image.isNull()
    return image


def test_a_huge_figure_is_decoded_no_wider_than_the_column(qtbot: QtBot, tmp_path: Path) -> None:
    ref = _ref(_png(tmp_path / "wide.png", 4000, 3000))
    view = _view(qtbot, tmp_path, ref)
    image = _loaded(view)
    dpr = view.devicePixelRatioF()
    column = view.measure_px()
    assert image.width() <= column * dpr + 1
    assert image.height() == pytest.approx(image.width() * 3 / 4, abs=1)
    # Shown exactly a column wide: the extra pixels are for the screen's density.
    assert image.width() / image.devicePixelRatio() == pytest.approx(column, abs=0.01)
    # The view lays it out at that width, not at 4000.
    assert view.document().size().width() < 1000


def test_a_small_figure_keeps_its_own_size(qtbot: QtBot, tmp_path: Path) -> None:
    image = _loaded(_view(qtbot, tmp_path, _ref(_png(tmp_path / "small.png", 200, 100))))
    assert (image.width(), image.height()) == (200, 100)
    assert image.devicePixelRatio() == 1.0


def test_a_share_of_the_column_is_decoded_for_that_share(tmp_path: Path) -> None:
    ref = _ref(_png(tmp_path / "half.png", 3000, 1000), percent=50)
    decoded = decode_image(tmp_path / "half.png", ref, 600.0, 2.0)
    assert decoded.image is not None
    assert (decoded.image.width(), decoded.image.height()) == (600, 200)
    assert decoded.image.devicePixelRatio() == 2.0


@pytest.mark.parametrize(("declared", "shown"), [((100, 50), 100), ((4000, 1000), None)])
def test_an_svg_is_drawn_at_its_shown_width_keeping_its_aspect(
    qtbot: QtBot, tmp_path: Path, declared: tuple[int, int], shown: int | None
) -> None:
    view = _view(qtbot, tmp_path, _ref(_svg(tmp_path / "figure.svg", *declared)))
    image = _loaded(view)
    width = shown if shown is not None else view.measure_px()
    assert image.width() / image.devicePixelRatio() == pytest.approx(width, abs=0.01)
    assert image.width() / image.height() == pytest.approx(declared[0] / declared[1], rel=0.02)
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("#c03030")


def test_a_figure_declaring_an_absurd_size_is_not_decoded(qtbot: QtBot, tmp_path: Path) -> None:
    path = _declared_png(tmp_path / "absurd.png", 50_000, 50_000)
    decoded = decode_image(path, _ref(path), 700.0, 1.0)
    assert decoded.image is None and decoded.problem == TOO_LARGE
    view = _view(qtbot, tmp_path, _ref(path))
    # The card stands in for it, at a card's size, not the figure's.
    card = _loaded(view)
    assert card.width() / card.devicePixelRatio() <= view.measure_px()
    assert card.height() / card.devicePixelRatio() < 300


def test_an_unreadable_figure_gets_the_card(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"not a picture at all")
    decoded = decode_image(path, _ref(path), 700.0, 1.0)
    assert decoded.image is None and decoded.problem == "The image file could not be read."
    assert _loaded(_view(qtbot, tmp_path, _ref(path))).height() < 300


def test_a_small_figure_is_never_blown_up_for_a_dense_screen(tmp_path: Path) -> None:
    path = _png(tmp_path / "icon.png", 200, 100)
    decoded = decode_image(path, _ref(path), 700.0, 2.0)
    assert decoded.image is not None
    assert (decoded.image.width(), decoded.image.height()) == (200, 100)
    assert decoded.image.devicePixelRatio() == 1.0


def test_a_figure_outside_the_library_says_why(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.core.render import render_markdown
    from reader.ui import viewer as viewer_module

    reasons: list[str] = []
    real = viewer_module.placeholder_image

    def spy(label: str, reason: str, *args: object) -> QImage:
        reasons.append(reason)
        return real(label, reason, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(viewer_module, "placeholder_image", spy)
    root = tmp_path / "lib"
    root.mkdir()
    rendered = render_markdown("![A board](../../outside.png)", root)
    chapter = Chapter(Slug("a"), "A", "", None, root / "a.md", "a.md", "0" * 64)
    view = ChapterView()
    qtbot.addWidget(view)
    view.show_document(ChapterDocument(chapter, rendered), LIGHT, 18)
    view.loadResource(2, QUrl("placeholder:0"))
    assert reasons and "outside the library" in reasons[-1]


def test_a_picture_on_the_web_is_a_one_line_chip_not_a_card(qtbot: QtBot, tmp_path: Path) -> None:
    """A row of web badges at a course's top must not fill the first screen with cards."""
    from reader.core.render import render_markdown
    from reader.ui.placeholder import CHIP_HEIGHT, CHIP_MAX_WIDTH

    rendered = render_markdown(
        "![build status](https://img.shields.io/badge/build-passing-green.svg) "
        "![missing](nowhere.png)",
        tmp_path,
    )
    chapter = Chapter(Slug("a"), "A", "", None, tmp_path / "a.md", "a.md", "0" * 64)
    view = ChapterView()
    qtbot.addWidget(view)
    view.show_document(ChapterDocument(chapter, rendered), LIGHT, 18)
    chip = view.loadResource(2, QUrl("placeholder:0"))
    card = view.loadResource(2, QUrl("placeholder:1"))
    ratio = chip.devicePixelRatio()
    assert round(chip.height() / ratio) == CHIP_HEIGHT
    assert chip.width() / ratio <= CHIP_MAX_WIDTH
    assert card.height() / card.devicePixelRatio() >= 3 * CHIP_HEIGHT
