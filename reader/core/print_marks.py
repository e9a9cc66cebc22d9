"""Colour ranges of a chapter's plain text inside its rendered HTML (for printing; no Qt).

The printed page is built from the chapter's HTML, while notes know their passage as
offsets in the chapter's plain text (reader/core/text.py). Here the HTML's text is read
once, in document order, into a stream that follows the plain text's conventions closely
enough for `align` to pair the two; each range is then wrapped, text node by text node,
in spans that carry its colour inline, so the markup stays well formed however the range
crosses paragraphs, links or code.
"""

from __future__ import annotations

import html
import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.text import OBJECT_CHAR, align

__all__ = ["Mark", "blend", "mark_ranges"]

# A tag (quoted attribute values may hold '>'), or a comment.
_TAG_RE = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL)
_NAME_RE = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")
# One character reference, or a run without any.
_UNIT_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?|[^&]+|&")
# Tags that end a line of the plain text (reader/core/text.py lists the same).
_LINE_TAGS = frozenset(
    {"p", "li", "div", "center", "blockquote", "pre", "dt", "dd", "ul", "ol", "dl", "hr"}
    | {"table", "tr", "td", "th", "br", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# Printed fills are the window's translucent fills over white paper, made opaque so that
# printers and converters cannot drop the transparency.
FILL_ALPHA = 0.55


@dataclass(frozen=True, slots=True)
class Mark:
    """A plain-text range [start, end) to colour with `fill` (#rrggbb), and what follows it.

    `after` is HTML put right after the range's last character (a footnote number), or "";
    `after_at`, when set, is the plain-text offset it follows instead (the end of a word
    that the range ends inside).
    """

    start: int
    end: int
    fill: str
    after: str = ""
    after_at: int | None = None


@dataclass(slots=True)
class _Chunk:
    """A text node: where its characters are in the stream and in the HTML source."""

    stream_start: int
    stream_end: int
    source_start: int
    # Source offset of each stream character, only when a character reference makes the
    # two differ in length (most text nodes hold none).
    offsets: list[int] | None
    source_end: int

    def source_at(self, stream_index: int) -> int:
        """The source offset where stream character `stream_index` begins."""
        if stream_index >= self.stream_end:
            return self.source_end
        if self.offsets is None:
            return self.source_start + stream_index - self.stream_start
        return self.offsets[stream_index - self.stream_start]

    def source_after(self, stream_index: int) -> int:
        """The source offset just after stream character `stream_index`."""
        return self.source_at(stream_index + 1)


def blend(fills: Sequence[str], alpha: float = FILL_ALPHA) -> str:
    """The opaque #rrggbb of `fills` laid over white paper, each at `alpha`, in order."""
    red = green = blue = 255.0
    for fill in fills:
        value = fill.lstrip("#")
        r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
        red = red * (1 - alpha) + r * alpha
        green = green * (1 - alpha) + g * alpha
        blue = blue * (1 - alpha) + b * alpha
    return f"#{round(red):02x}{round(green):02x}{round(blue):02x}"


def _read(source: str) -> tuple[str, list[_Chunk]]:
    """The text stream of `source` (lines ended as the plain text ends them) and its nodes."""
    parts: list[str] = []
    chunks: list[_Chunk] = []
    length = 0
    at = 0

    def text(start: int, end: int) -> None:
        nonlocal length
        raw = source[start:end]
        if "&" not in raw:
            parts.append(raw)
            chunks.append(_Chunk(length, length + len(raw), start, None, end))
            length += len(raw)
            return
        offsets: list[int] = []
        decoded: list[str] = []
        for unit in _UNIT_RE.finditer(raw):
            piece = unit.group()
            if piece.startswith("&"):
                value = html.unescape(piece)
                offsets.extend([start + unit.start()] * len(value))
                decoded.append(value)
            else:
                offsets.extend(range(start + unit.start(), start + unit.end()))
                decoded.append(piece)
        value = "".join(decoded)
        parts.append(value)
        chunks.append(_Chunk(length, length + len(value), start, offsets, end))
        length += len(value)

    for tag in _TAG_RE.finditer(source):
        if tag.start() > at:
            text(at, tag.start())
        at = tag.end()
        name = _NAME_RE.match(tag.group())
        if name is None:
            continue
        lowered = name.group(1).lower()
        if lowered == "img" and not tag.group().startswith("</"):
            parts.append(OBJECT_CHAR)
            length += 1
        elif lowered in _LINE_TAGS:
            parts.append("\n")
            length += 1
    if at < len(source):
        text(at, len(source))
    return "".join(parts), chunks


def mark_ranges(source: str, plain: str, marks: Sequence[Mark]) -> str:
    """`source` (a chapter's HTML whose plain text is `plain`) with each mark coloured.

    Overlapping marks blend their fills; a mark's `after` follows its last character.
    Marks outside the text, or empty, colour nothing (their `after` is still placed).
    """
    if not marks:
        return source
    stream, chunks = _read(source)
    mapping = align(plain, stream)
    starts = [chunk.stream_start for chunk in chunks]
    # Insertions into the source, ordered at one offset: closing spans, then what follows a
    # mark, then opening spans, so that spans never cross.
    inserts: list[tuple[int, int, int, str]] = []
    ranges: list[tuple[int, int, int]] = []  # (stream start, stream end, mark index)
    for number, mark in enumerate(marks):
        low = mapping.to_target(max(0, min(mark.start, len(plain))))
        high = mapping.to_target(max(0, min(mark.end, len(plain))))
        if high > low:
            ranges.append((low, high, number))
        if mark.after:
            tail = high
            if mark.after_at is not None and mark.after_at > mark.end:
                tail = mapping.to_target(min(mark.after_at, len(plain)))
            where = _after_position(stream, chunks, starts, low, tail)
            if where is not None:
                inserts.append((where, 1, number, mark.after))
    # One sweep over the range ends: between two consecutive ends the same marks cover.
    events = sorted([(low, 1, n) for low, _, n in ranges] + [(high, 0, n) for _, high, n in ranges])
    active: set[int] = set()
    for (left, kind, number), (right, _, _) in itertools.pairwise([*events, (-1, 0, -1)]):
        if kind:
            active.add(number)
        else:
            active.discard(number)
        if not active or right <= left:
            continue
        covering = sorted(active)
        fill = blend([marks[n].fill for n in covering])
        for chunk in _chunks_between(chunks, starts, left, right):
            first = max(left, chunk.stream_start)
            last = min(right, chunk.stream_end)
            if last <= first:
                continue
            begin, end = chunk.source_at(first), chunk.source_after(last - 1)
            if end <= begin:
                continue
            inserts.append((begin, 2, 0, f'<span style="background-color: {fill}">'))
            inserts.append((end, 0, 0, "</span>"))
    inserts.sort(key=lambda item: (item[0], item[1], item[2]))
    out: list[str] = []
    at = 0
    for offset, _, _, text in inserts:
        out.append(source[at:offset])
        out.append(text)
        at = offset
    out.append(source[at:])
    return "".join(out)


def _chunks_between(chunks: list[_Chunk], starts: list[int], left: int, right: int) -> list[_Chunk]:
    """The text nodes holding any stream character in [left, right)."""
    index = max(0, bisect_right(starts, left) - 1)
    found: list[_Chunk] = []
    while index < len(chunks) and chunks[index].stream_start < right:
        if chunks[index].stream_end > left:
            found.append(chunks[index])
        index += 1
    return found


def _after_position(
    stream: str, chunks: list[_Chunk], starts: list[int], low: int, high: int
) -> int | None:
    """The source offset just after the last text character of stream range [low, high)."""
    index = bisect_right(starts, max(low, high - 1)) - 1
    while index >= 0:
        chunk = chunks[index]
        last = min(max(low, high - 1), chunk.stream_end - 1)
        if last >= chunk.stream_start:
            # Trailing whitespace of a node is not the passage's: place the mark after text.
            while last > chunk.stream_start and last > low and stream[last].isspace():
                last -= 1
            return chunk.source_after(last)
        index -= 1
    return None
