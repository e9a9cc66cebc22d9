"""The one boundary between plain-text offsets (code points) and Qt cursor positions (UTF-16)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reader.core.text import align, normalize_qt_text

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    """Converts between a chapter's plain-text offsets and its QTextDocument positions."""

    def __init__(self, plain: str, qt_raw_text: str) -> None:
        qt_text = normalize_qt_text(qt_raw_text)
        self._align = align(plain, qt_text)
        # Python indices of characters outside the BMP, which take two UTF-16 units in Qt.
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(qt_text)]
        self._astral_utf16 = [index + k for k, index in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """The Qt cursor position of plain-text offset `offset`."""
        index = self._align.to_target(offset)
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        """The plain-text offset of Qt cursor position `position`."""
        k = bisect_right(self._astral_utf16, position - 1)
        # A position inside a surrogate pair belongs to the character it splits.
        index = position - k
        if k and self._astral_utf16[k - 1] == position - 1:
            index = self._astral[k - 1]
        return self._align.to_source(index)
