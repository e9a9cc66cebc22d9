"""Chapter figures decoded at the size they are shown, never at their full resolution.

A course figure is often a scan or a screenshot thousands of pixels wide; decoding each
at full size costs 4 bytes a pixel (twelve 8000x8000 PNGs held 3 GB). Here a figure is
decoded at most as wide as the reading column times the screen's pixel ratio, keeping its
aspect; vector figures (SVG) are drawn at that width, however small or large they declare
themselves. Files declaring an absurd size are refused without decoding a pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from reader.core.sanitize import ImageRef

# A figure declaring more pixels than this (about 10,000 x 10,000) is refused unread: its
# decoder may need the whole picture in memory before it can be scaled.
MAX_DECLARED_PIXELS = 100_000_000
# The decoded picture itself never needs more than a column's worth; this only guards
# against absurd shapes (a figure a hundred thousand times taller than wide).
MAX_SHOWN_PIXELS = 40_000_000
# Qt refuses allocations above 256 MB by default; a figure within MAX_DECLARED_PIXELS may
# need up to 400 MB while a non-scaling decoder (PNG) reads it, once, before scaling.
_ALLOCATION_LIMIT_MB = 512
TOO_LARGE = "Image too large to show."
UNREADABLE = "The image file could not be read."


@dataclass(frozen=True)
class Decoded:
    """A figure decoded for showing, or why it is not shown (exactly one is set)."""

    image: QImage | None
    problem: str | None = None


def shown_width(ref: ImageRef, declared_width: int, column: float) -> float:
    """The width in screen points a figure takes in a column `column` points wide."""
    if ref.width_percent is not None:
        return max(1.0, column * ref.width_percent / 100.0)
    wanted = ref.width_pixels if ref.width_pixels is not None else declared_width
    return max(1.0, min(column, float(wanted)))


def decode_image(path: Path, ref: ImageRef, column: float, dpr: float) -> Decoded:
    """Decode the figure at `path` for a column `column` points wide on a `dpr` screen."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
    declared = reader.size()
    vector = path.suffix.lower() in (".svg", ".svgz")
    if declared.isValid() and declared.width() > 0 and declared.height() > 0:
        width, height = declared.width(), declared.height()
        if not vector and width * height > MAX_DECLARED_PIXELS:
            return Decoded(None, TOO_LARGE)
        shown = shown_width(ref, width, column)
        target_w = math.ceil(shown * dpr)
        if not vector:
            target_w = min(width, target_w)  # a raster figure is never blown up
        target_h = max(1, round(target_w * height / width))
        if target_w * target_h > MAX_SHOWN_PIXELS:
            return Decoded(None, TOO_LARGE)
        if (target_w, target_h) != (width, height):
            reader.setScaledSize(QSize(target_w, target_h))
        image = reader.read()
        if image.isNull():
            return Decoded(None, UNREADABLE)
        # Shown `shown` points wide: the extra pixels serve a high-density screen.
        image.setDevicePixelRatio(image.width() / shown)
        return Decoded(image)
    # No declared size (some formats only know it after decoding): the allocation limit
    # still keeps a huge one from being read.
    image = reader.read()
    if image.isNull():
        return Decoded(None, UNREADABLE)
    if image.width() * image.height() > MAX_DECLARED_PIXELS:
        return Decoded(None, TOO_LARGE)
    shown = shown_width(ref, image.width(), column)
    if image.width() > shown * dpr:
        target_w = math.ceil(shown * dpr)
        image = image.scaled(
            QSize(target_w, max(1, round(target_w * image.height() / image.width())))
        )
    image.setDevicePixelRatio(max(1.0, image.width() / shown))
    return Decoded(image)
