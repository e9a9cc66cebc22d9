"""The chapter's plain text: the one definition that annotations, search and export share.

Positions in this text are Python string indices (code points). The text follows the block
structure the viewer lays out (one line per paragraph, heading, list item or table cell;
whitespace collapsed; each image one U+FFFC character), so that the viewer can map its own
positions onto it cheaply; `reader.ui` converts to Qt's UTF-16 positions at the boundary.
It also records where each details box folds and where each code block lies (the
extraction itself is in reader/core/text_extract.py).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

OBJECT_CHAR = "\ufffc"
# The arrow that starts a details box's summary line when the box is written open.
OPEN_ARROW = "\u25be"


class SectionStart(NamedTuple):
    """Where a heading's line starts in the plain text."""

    offset: int
    heading_id: str


class Fold(NamedTuple):
    """A details box: its arrow character, the range of its body, and whether it starts open.

    `marker` is the offset of the single arrow character ("▸" folded, "▾" open) that starts
    the summary line; `start`/`end` is the plain-text range of the body the viewer hides.
    """

    marker: int
    start: int
    end: int
    open: bool


class PlainText(NamedTuple):
    """A chapter's plain text, where each heading starts, its folds and its code blocks."""

    text: str
    sections: tuple[SectionStart, ...]
    folds: tuple[Fold, ...] = ()
    code: tuple[tuple[int, int], ...] = ()

    def section_at(self, offset: int) -> str | None:
        """The id of the heading whose section contains `offset`, or None before the first."""
        current: str | None = None
        for start in self.sections:
            if start.offset > offset:
                break
            current = start.heading_id
        return current


def normalize_qt_text(raw: str) -> str:
    """Map Qt's raw document text onto plain-text conventions, one character for one."""
    # Chained replace() runs in C at memory speed; translate() with a dict is ~50x slower.
    for separator in ("\u2029", "\u2028", "\ufdd0", "\ufdd1"):
        raw = raw.replace(separator, "\n")
    return raw.replace("\xa0", " ")


class OffsetMap:
    """Maps positions between two versions of nearly the same text, in linear time.

    Built by `align`; the texts may differ only in a few characters (typically whitespace
    that one side keeps and the other drops), which is what the viewer's document text
    and the plain text differ by.
    """

    def __init__(self, points: list[tuple[int, int]], source_len: int, target_len: int) -> None:
        self._source_starts = [s for s, _ in points]
        self._target_starts = [t for _, t in points]
        self._source_len = source_len
        self._target_len = target_len

    @property
    def points(self) -> tuple[tuple[int, int], ...]:
        """The offset pairs where the texts resume agreeing, first (0, 0) (to keep a map)."""
        return tuple(zip(self._source_starts, self._target_starts, strict=True))

    @property
    def target_length(self) -> int:
        """The length of the target text."""
        return self._target_len

    @property
    def identical(self) -> bool:
        """Whether both texts are the same (every position maps to itself)."""
        return len(self._source_starts) == 1 and self._source_len == self._target_len

    def to_target(self, offset: int) -> int:
        """The target position for source position `offset`."""
        k = bisect_right(self._source_starts, offset) - 1
        mapped = self._target_starts[k] + (offset - self._source_starts[k])
        upper = self._target_starts[k + 1] if k + 1 < len(self._target_starts) else self._target_len
        return max(0, min(mapped, upper))

    def to_source(self, offset: int) -> int:
        """The source position for target position `offset`."""
        k = bisect_right(self._target_starts, offset) - 1
        mapped = self._source_starts[k] + (offset - self._target_starts[k])
        upper = self._source_starts[k + 1] if k + 1 < len(self._source_starts) else self._source_len
        return max(0, min(mapped, upper))


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the run where a[i:] and b[j:] agree, found by comparing slices."""
    limit = min(len(a) - i, len(b) - j)
    run, step = 0, 1024
    while run < limit:
        size = min(step, limit - run)
        if a[i + run : i + run + size] == b[j + run : j + run + size]:
            run += size
            step = min(step * 2, 1 << 16)
        elif size == 1:
            break
        else:
            step = size // 2
    return run


def align(source: str, target: str) -> OffsetMap:
    """Align two nearly equal texts, skipping whitespace present on one side only."""
    points = [(0, 0)]
    i = j = 0
    n, m = len(source), len(target)
    while i < n and j < m:
        run = _common_run(source, i, target, j)
        i, j = i + run, j + run
        if i >= n or j >= m:
            break
        a, b = source[i], target[j]
        if b.isspace() and (not a.isspace() or target[j + 1 : j + 2] == a):
            j += 1
        elif a.isspace():
            i += 1
        else:
            i, j = i + 1, j + 1
        points.append((i, j))
    return OffsetMap(points, n, m)
