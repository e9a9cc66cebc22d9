"""The one boundary between plain-text offsets (code points) and Qt cursor positions (UTF-16).

Lining a chapter's plain text up with Qt's text of it reads the whole document back from
Qt (about 18 ms for 1 MB), so the result is kept with the chapter's rendering
(reader.core.render_cache.Alignment) and a restart uses it once a few characters show it
still holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import qVersion
from PySide6.QtGui import QTextDocument

from reader.core.render_cache import Alignment
from reader.core.text import OffsetMap, align, normalize_qt_text

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
# Whose text an alignment is of: another Qt version may make other text of the same HTML.
VIEWER = f"Qt {qVersion()}"
# How many runs of agreeing text (at most) are checked against the document before a kept
# alignment is trusted: three characters of each, well under a millisecond.
_CHECKED_RUNS = 256


class PositionMap:
    """Converts between a chapter's plain-text offsets and its QTextDocument positions."""

    def __init__(self, plain: str, qt_raw_text: str) -> None:
        qt_text = normalize_qt_text(qt_raw_text)
        # Python indices of characters outside the BMP, which take two UTF-16 units in Qt.
        astral = [m.start() for m in _ASTRAL_RE.finditer(qt_text)]
        self._set(align(plain, qt_text), astral)

    def _set(self, offsets: OffsetMap, astral: list[int]) -> None:
        self._align = offsets
        self._astral = astral
        self._astral_utf16 = [index + k for k, index in enumerate(astral)]

    @classmethod
    def of_document(
        cls, plain: str, qdoc: QTextDocument, kept: Alignment | None
    ) -> tuple[PositionMap, Alignment | None]:
        """The map of `qdoc`, just given the HTML of the chapter whose plain text is
        `plain`, from `kept` when that still holds; with the alignment to keep when it was
        worked out anew (else None)."""
        if kept is not None and kept.viewer == VIEWER:
            positions = cls.__new__(cls)
            offsets = OffsetMap(list(kept.points), len(plain), kept.length)
            positions._set(offsets, list(kept.astral))
            if positions._holds(plain, qdoc, kept.length):
                return positions, None
        positions = cls(plain, qdoc.toRawText())
        offsets = positions._align
        return positions, Alignment(
            VIEWER, offsets.points, offsets.target_length, tuple(positions._astral)
        )

    def _holds(self, plain: str, qdoc: QTextDocument, length: int) -> bool:
        """Whether this map, made from a kept alignment, fits `qdoc`: the same length, and
        the same characters on both sides at the ends and the middle of the runs where
        the texts agree (of a spread of them, in a long chapter)."""
        if qdoc.characterCount() - 1 != length + len(self._astral):
            return False
        points = self._align.points
        ends = [*points[1:], (len(plain) + 1, length + 1)]
        step = max(1, len(points) // _CHECKED_RUNS)
        runs = list(zip(points, ends, strict=True))[::step]
        for (source, target), (next_source, next_target) in runs:
            run = min(next_source - source, next_target - target) - 1
            for offset in {source, source + run // 2, source + run - 1} if run > 0 else ():
                if offset >= len(plain) or ord(plain[offset]) > 0xFFFF:
                    continue  # Qt holds an astral character as two halves: checked by length
                if normalize_qt_text(qdoc.characterAt(self.to_qt(offset))) != plain[offset]:
                    return False
        return True

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
