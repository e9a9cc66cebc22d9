"""Foldable details boxes: hiding and showing a box's body blocks, and its summary's arrow.

Qt's rich text has no <details>; the renderer lays a box out as an ordinary summary line
(an arrow and the summary, inside a `details:N` link) followed by its body. A folded body
is hidden block by block (hidden blocks take no height and are not drawn, extra selections
on them included), and the arrow is swapped in place: one character for one, so no
position before or after it moves and the chapter's PositionMap stays right.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import (
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
    QTextTable,
    QTextTableFormat,
)

from reader.ui.positions import PositionMap

FOLDED_ARROW = "▸"
OPEN_ARROW = "▾"
SCHEME = "details"


class FoldSpan(Protocol):
    """Where a details box sits in the plain text (reader.core.text.Fold has this shape)."""

    @property
    def marker(self) -> int:
        """The offset of the arrow at the start of the summary line."""

    @property
    def start(self) -> int:
        """Where the body starts."""

    @property
    def end(self) -> int:
        """Where the body ends (exclusive)."""

    @property
    def open(self) -> bool:
        """Whether the box starts open."""


def fold_index(href: str) -> int | None:
    """The box number of a summary link `details:N`, or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme != SCHEME or not rest.isdigit():
        return None
    return int(rest)


class Folds:
    """The details boxes of the chapter a QTextDocument shows, and which of them are open."""

    def __init__(self) -> None:
        self._document: QTextDocument | None = None
        # Qt positions: (marker, body start, body end) of each box.
        self._spans: list[tuple[int, int, int]] = []
        self._open: list[bool] = []
        # Tables (call-out boxes, code blocks, inner details boxes) start with their own
        # frame, whose border and padding hidden blocks would leave behind: a folded one's
        # formats are kept here (by first position, which never moves) while it is flat.
        self._frames: list[tuple[int, QTextFrame]] = []
        self._flattened: dict[int, tuple[QTextFrameFormat, list[QTextCharFormat]]] = {}

    def reset(
        self,
        document: QTextDocument,
        folds: Sequence[FoldSpan],
        positions: PositionMap,
        opened: Sequence[bool] | None = None,
    ) -> None:
        """Take the boxes of a freshly set document and fold those not open.

        `opened` (one flag per box) replaces the boxes' own starting state, so that the
        same chapter laid out again (a theme or font change) keeps what the reader opened.
        """
        self._document = document
        self._frames = []
        self._flattened = {}
        if folds:
            self._frames = _frames_under(document.rootFrame())
        self._spans = [
            (positions.to_qt(f.marker), positions.to_qt(f.start), positions.to_qt(f.end))
            for f in folds
        ]
        if opened is not None and len(opened) == len(folds):
            self._open = list(opened)
        else:
            self._open = [f.open for f in folds]
        for index, is_open in enumerate(self._open):
            self._set_arrow(index)  # the markup's arrow says the box's own starting state
            if not is_open:
                self._apply(index)

    def clear(self) -> None:
        """Forget the boxes (the view shows something that is not a chapter)."""
        self._document = None
        self._spans = []
        self._open = []
        self._frames = []
        self._flattened = {}

    def __len__(self) -> int:
        return len(self._spans)

    def opened(self) -> list[bool]:
        """Whether each box is open, in the chapter's order."""
        return list(self._open)

    def is_open(self, index: int) -> bool:
        """Whether box `index` is open."""
        return self._open[index]

    def set_open(self, index: int, is_open: bool) -> bool:
        """Open or fold box `index`; True if that changed anything."""
        if not 0 <= index < len(self._open) or self._open[index] == is_open:
            return False
        self._open[index] = is_open
        self._set_arrow(index)
        self._apply(index)
        return True

    def toggle(self, index: int) -> bool:
        """Open box `index` if folded, fold it if open; True if there is such a box."""
        if not 0 <= index < len(self._open):
            return False
        return self.set_open(index, not self._open[index])

    def open_at(self, start: int, end: int | None = None) -> bool:
        """Open every folded box whose body holds Qt range [start, end]; True if any opened.

        Boxes inside boxes open from the outside in, so the place is really shown.
        """
        stop = start if end is None else max(start, end)
        changed = False
        for index, (_, body_start, body_end) in enumerate(self._spans):
            if not self._open[index] and body_start <= stop and start < body_end:
                changed = self.set_open(index, True) or changed
        return changed

    def hides(self, position: int) -> bool:
        """Whether Qt position `position` lies in a folded body."""
        return any(
            not self._open[i] and s <= position < e for i, (_, s, e) in enumerate(self._spans)
        )

    def marker_position(self, index: int) -> int:
        """The Qt position of box `index`'s arrow."""
        return self._spans[index][0]

    # -- the document ----------------------------------------------------------------------

    def _set_arrow(self, index: int) -> None:
        document = self._document
        if document is None:
            return
        marker = self._spans[index][0]
        if marker + 1 >= document.characterCount():
            return
        wanted = OPEN_ARROW if self._open[index] else FOLDED_ARROW
        probe = QTextCursor(document)
        probe.setPosition(marker + 1)
        # Only a real arrow is replaced: a box whose summary line was written otherwise
        # keeps its text rather than losing a letter.
        block = probe.block()
        offset = marker - block.position()
        current = block.text()[offset : offset + 1]
        if current == wanted or current not in (FOLDED_ARROW, OPEN_ARROW):
            return
        fmt = probe.charFormat()  # the arrow's own format: the link stays a link
        probe.setPosition(marker, QTextCursor.MoveMode.KeepAnchor)
        probe.insertText(wanted, fmt)

    def _apply(self, index: int) -> None:
        """Show or hide the blocks of box `index`'s body as every box over them says."""
        document = self._document
        if document is None:
            return
        _, start, end = self._spans[index]
        if end <= start:
            return
        # Boxes inside (or around) this one decide for their own blocks too.
        folded = [
            (s, e)
            for i, (_, s, e) in enumerate(self._spans)
            if not self._open[i] and s < end and start < e
        ]
        block: QTextBlock = document.findBlock(start)
        first = block.position() if block.isValid() else start
        last = first
        while block.isValid() and block.position() < end:
            position = block.position()
            hidden = any(s <= position < e for s, e in folded)
            if block.isVisible() == hidden:
                block.setVisible(not hidden)
            last = position + block.length()
            block = block.next()
        for frame_start, frame in self._frames:
            if start <= frame_start < end:
                self._flatten(frame_start, frame, any(s <= frame_start < e for s, e in folded))
        # Hidden blocks keep their old layout until Qt is told the range changed: from
        # the box's first block (not a frame's) to its last, or the text of a call-out
        # after it (Key points) is left without lines, an empty frame.
        document.markContentsDirty(first, last - first)

    def _flatten(self, first: int, frame: QTextFrame, flat: bool) -> None:
        """Take away (or give back) the room a frame's border, padding and cells take."""
        if flat == (first in self._flattened):
            return
        table = frame if isinstance(frame, QTextTable) else None
        if not flat:
            own, cells = self._flattened.pop(first)
            frame.setFrameFormat(own)
            if table is not None:
                for k, cell_format in enumerate(cells):
                    cell = table.cellAt(k // table.columns(), k % table.columns())
                    cell.setFormat(cell_format)
            return
        own = frame.frameFormat()
        kept: list[QTextCharFormat] = []
        bare = QTextTableFormat() if table is not None else QTextFrameFormat()
        bare.merge(own)
        bare.setBorder(0)
        bare.setPadding(0)
        bare.setMargin(0)
        bare.clearBackground()
        if isinstance(bare, QTextTableFormat):
            bare.setCellPadding(0)
            bare.setCellSpacing(0)
        if table is not None:
            for k in range(table.rows() * table.columns()):
                cell = table.cellAt(k // table.columns(), k % table.columns())
                cell_format = cell.format()
                kept.append(cell_format)
                flat_cell = cell_format.toTableCellFormat()
                flat_cell.setPadding(0)
                flat_cell.clearBackground()
                cell.setFormat(flat_cell)
        self._flattened[first] = (own, kept)
        frame.setFrameFormat(bare)


def _frames_under(root: QTextFrame) -> list[tuple[int, QTextFrame]]:
    """Every frame below `root`, with its first position, in document order."""
    found: list[tuple[int, QTextFrame]] = []
    stack = list(reversed(root.childFrames()))
    while stack:
        frame = stack.pop()
        found.append((frame.firstPosition(), frame))
        stack.extend(reversed(frame.childFrames()))
    return found
