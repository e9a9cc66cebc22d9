"""The size a figure file declares (PNG, JPEG, GIF, WebP, SVG), read from its first bytes.

Pure Python, no imaging library and no Qt: `field-reader check` uses it to name figures
the viewer would refuse to decode. At most `HEAD_BYTES` of a file are read, so a huge or
hostile file costs no more than a small one; a size that is not declared within them, or
a file that is not one of these formats, gives None.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

HEAD_BYTES = 64 * 1024
# The viewer (reader/ui/images.py MAX_DECLARED_PIXELS) refuses raster figures declaring
# more pixels than this without decoding them; keep the two equal.
MAX_PIXELS = 100_000_000

ImageFormat = Literal["png", "jpeg", "gif", "webp", "svg"]

# JPEG start-of-frame markers (C0-CF) except DHT (C4), JPG (C8) and DAC (CC).
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers that stand alone, without a length: TEM, RST0-7, SOI, EOI.
_BARE_MARKERS = frozenset({0x01, *range(0xD0, 0xDA)})
_SVG_TAG_RE = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE_RE = re.compile(rb"""\b(width|height|viewBox)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE)
_LENGTH_RE = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*")
# CSS pixels per unit (96 per inch).
_UNITS = {None: 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54}
_UNITS["mm"] = _UNITS["cm"] / 10


@dataclass(frozen=True)
class ImageSize:
    """A figure's declared width and height in pixels, and its format."""

    width: int
    height: int
    format: ImageFormat

    @property
    def pixels(self) -> int:
        """Width times height."""
        return self.width * self.height

    @property
    def vector(self) -> bool:
        """Whether the figure is drawn at any size (SVG) rather than decoded pixel by pixel."""
        return self.format == "svg"

    @property
    def too_large(self) -> bool:
        """Whether the viewer refuses to decode it (a raster figure over MAX_PIXELS)."""
        return not self.vector and self.pixels > MAX_PIXELS


def image_size(path: Path) -> ImageSize | None:
    """The declared size of the figure file at `path`, or None (unknown format, no size,
    unreadable file)."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return None
    return image_size_of(head)


def image_size_of(head: bytes) -> ImageSize | None:
    """The declared size in the first bytes of a figure file, or None."""
    head = head[:HEAD_BYTES]
    for reader in (_png, _gif, _jpeg, _webp, _svg):
        found = reader(head)
        if found is not None:
            return found if found.width > 0 and found.height > 0 else None
    return None


def _png(head: bytes) -> ImageSize | None:
    if not head.startswith(b"\x89PNG\r\n\x1a\n") or head[12:16] != b"IHDR" or len(head) < 24:
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageSize(width, height, "png")


def _gif(head: bytes) -> ImageSize | None:
    if head[:6] not in (b"GIF87a", b"GIF89a") or len(head) < 10:
        return None
    width, height = struct.unpack("<HH", head[6:10])
    return ImageSize(width, height, "gif")


def _jpeg(head: bytes) -> ImageSize | None:
    if not head.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            return None  # not a marker where one must be: damaged
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker in _BARE_MARKERS:
            at += 2
            continue
        (length,) = struct.unpack(">H", head[at + 2 : at + 4])
        if marker in _SOF_MARKERS:
            if at + 9 > len(head):
                return None
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return ImageSize(width, height, "jpeg")
        if marker == 0xDA or length < 2:
            return None  # image data began (or a broken length) before any frame header
        at += 2 + length
    return None


def _webp(head: bytes) -> ImageSize | None:
    if len(head) < 30 or head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(head[24:27], "little")
        height = 1 + int.from_bytes(head[27:30], "little")
        return ImageSize(width, height, "webp")
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return ImageSize(width & 0x3FFF, height & 0x3FFF, "webp")
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return ImageSize(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF), "webp")
    return None


def _svg(head: bytes) -> ImageSize | None:
    start = head.lstrip()[:1]
    if start != b"<":
        return None
    tag = _SVG_TAG_RE.search(head)
    if tag is None:
        return None
    values = {
        name.decode("ascii").lower(): value.decode("utf-8", "replace")
        for name, _, value in _ATTRIBUTE_RE.findall(tag.group(1))
    }
    width, height = _length(values.get("width")), _length(values.get("height"))
    box = _view_box(values.get("viewbox"))
    if width is None and height is None:
        if box is None:
            return None
        width, height = box
    elif width is None or height is None:
        if box is None or box[0] <= 0 or box[1] <= 0:
            return None
        # One side given: the other follows the viewBox's proportions.
        if width is None and height is not None:
            width = height * box[0] / box[1]
        elif height is None and width is not None:
            height = width * box[1] / box[0]
    if width is None or height is None:
        return None
    return ImageSize(round(width), round(height), "svg")


def _length(value: str | None) -> float | None:
    """A length attribute in CSS pixels; None for none, percentages and font units."""
    if value is None:
        return None
    match = _LENGTH_RE.fullmatch(value)
    if match is None:
        return None
    return float(match.group(1)) * _UNITS[match.group(2)]


def _view_box(value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    parts = value.replace(",", " ").split()
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return None
    if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0:
        return None
    return numbers[2], numbers[3]
