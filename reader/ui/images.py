"""Chapter figures decoded at the size they are shown, never at their full resolution.

A course figure is often a scan or a screenshot thousands of pixels wide; decoding each
at full size costs 4 bytes a pixel (twelve 8000x8000 PNGs held 3 GB). Here a figure is
decoded at most as wide as the reading column times the screen's pixel ratio, keeping its
aspect; vector figures (SVG) are drawn at that width, however small or large they declare
themselves. Files declaring an absurd size are refused without decoding a pixel.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QPainterPath

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.rendered import ImageRef
from reader.ui.placeholder import transparent_canvas
from reader.ui.theme import solid_brush

# A figure declaring more pixels than this (about 10,000 x 10,000) is refused unread: its
# decoder may need the whole picture in memory before it can be scaled.
MAX_DECLARED_PIXELS = 100_000_000
# The decoded picture itself never needs more than a column's worth; this only guards
# against absurd shapes (a figure a hundred thousand times taller than wide).
MAX_SHOWN_PIXELS = 40_000_000
# Qt refuses allocations above 256 MB by default; a figure within MAX_DECLARED_PIXELS may
# need up to 400 MB while a non-scaling decoder (PNG) reads it, once, before scaling.
_ALLOCATION_LIMIT_MB = 512
TOO_LARGE = QT_TRANSLATE_NOOP("Images", "Image too large to show.")
UNREADABLE = QT_TRANSLATE_NOOP("Images", "The image file could not be read.")
# A figure read from a zip pack is held in memory while it is decoded: one larger than
# this is not shown (a folder's figures are read by Qt as it decodes them).
MAX_PACKED_FIGURE_BYTES = 100 * 1024 * 1024


class Decoded(NamedTuple):
    """A figure decoded for showing, or why it is not shown (exactly one is set)."""

    image: QImage | None
    problem: str | None = None


def shown_width(ref: ImageRef, declared_width: int, column: float) -> float:
    """The width in screen points a figure takes in a column `column` points wide."""
    if ref.width_percent is not None:
        return max(1.0, column * ref.width_percent / 100.0)
    wanted = ref.width_pixels if ref.width_pixels is not None else declared_width
    return max(1.0, min(column, float(wanted)))


class Target(NamedTuple):
    """The pixels a figure is decoded to, and how many of them make one screen point."""

    width: int
    height: int
    ratio: float


def decode_target(
    ref: ImageRef, width: int, height: int, column: float, dpr: float, *, vector: bool
) -> Target | None:
    """The pixels a `width` x `height` figure gets in a `column`-point column on a `dpr`
    screen, or None when even that is absurd (a figure far taller than wide)."""
    shown = shown_width(ref, width, column)
    target_w = math.ceil(shown * dpr)
    if not vector:
        target_w = min(width, target_w)  # a raster figure is never blown up
    target_h = max(1, round(target_w * height / width))
    if target_w * target_h > MAX_SHOWN_PIXELS:
        return None
    # Shown `shown` points wide: the extra pixels serve a high-density screen.
    return Target(target_w, target_h, target_w / shown)


def pending_image(target: Target, colour: QColor) -> QImage:
    """A soft rectangle of exactly the size `target` is shown at, standing in for a figure
    still being decoded (the same size, so nothing moves when the figure arrives)."""
    image, painter = transparent_canvas(QSize(target.width, target.height), target.ratio)
    width, height = target.width / target.ratio, target.height / target.ratio
    # Filled as a path with an explicit brush, as transparent_canvas explains.
    card = QPainterPath()
    radius = min(8.0, width / 4, height / 4)
    card.addRoundedRect(QRectF(0, 0, width, height), radius, radius)
    painter.fillPath(card, solid_brush(colour))
    painter.end()
    return image


def decode_image(path: Path, ref: ImageRef, column: float, dpr: float) -> Decoded:
    """Decode the figure at `path` for a column `column` points wide on a `dpr` screen.

    Safe in a worker thread: it makes only a QImageReader and a QImage. A figure of a zip
    pack (`ref.files`) is read from the pack.
    """
    buffer: QBuffer | None = None
    if ref.files is None:
        reader = QImageReader(str(path))
    else:
        try:
            data = ref.files.read_path(path, MAX_PACKED_FIGURE_BYTES)
        except OSError:
            return Decoded(None, UNREADABLE)
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, path.suffix.lstrip(".").lower().encode())
    reader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
    declared = reader.size()
    vector = path.suffix.lower() in (".svg", ".svgz")
    if declared.isValid() and declared.width() > 0 and declared.height() > 0:
        width, height = declared.width(), declared.height()
        if not vector and width * height > MAX_DECLARED_PIXELS:
            return Decoded(None, translate("Images", TOO_LARGE))
        target = decode_target(ref, width, height, column, dpr, vector=vector)
        if target is None:
            return Decoded(None, translate("Images", TOO_LARGE))
        if (target.width, target.height) != (width, height):
            reader.setScaledSize(QSize(target.width, target.height))
        image = reader.read()
        if image.isNull():
            return Decoded(None, translate("Images", UNREADABLE))
        image.setDevicePixelRatio(image.width() / (target.width / target.ratio))
        return Decoded(image)
    # No declared size (some formats only know it after decoding): the allocation limit
    # still keeps a huge one from being read.
    image = reader.read()
    if image.isNull():
        return Decoded(None, translate("Images", UNREADABLE))
    if image.width() * image.height() > MAX_DECLARED_PIXELS:
        return Decoded(None, translate("Images", TOO_LARGE))
    shown = shown_width(ref, image.width(), column)
    if image.width() > shown * dpr:
        target_w = math.ceil(shown * dpr)
        image = image.scaled(
            QSize(target_w, max(1, round(target_w * image.height() / image.width())))
        )
    image.setDevicePixelRatio(max(1.0, image.width() / shown))
    return Decoded(image)
