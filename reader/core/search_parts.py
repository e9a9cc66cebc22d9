"""Cut a chapter's plain text into the rows the search index stores: sections, and parts of
long sections.

FTS5's `snippet()` costs grow with the square of a row's size (measured: 50 hits of a
two-word query take 5 ms over 8,000-character rows, 0.6 s over 128,000 and 7 s over
512,000; one 31 MB section took over 8 minutes). So a section longer than `PART_CHARS`
is stored as several parts, cut at paragraph ends, each with the plain-text range it
covers: a hit then names where in the section its words are.
"""

from __future__ import annotations

from reader.core.search_types import Section
from reader.core.text import PlainText

# The longest row the index stores: a two-word query's 50 snippets stay near 10 ms.
PART_CHARS = 16_000
# A chapter whose plain text is longer than this takes seconds to open and to index;
# `field-reader check` mentions it ("big-chapter") so that an author can split it.
BIG_CHAPTER_CHARS = 2_000_000
# Where a part may end, best first: a paragraph, a line, a sentence, a word.
_BREAKS = ("\n\n", "\n", ". ", " ")


def part_ranges(text: str, start: int, end: int, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """The ranges of `text[start:end]` cut into pieces of at most `limit` characters.

    The pieces tile the range exactly (each begins where the previous ended), and each
    ends after a paragraph break when one lies in its second half, else after a line
    break, a sentence or a space; a run with none of them is cut at `limit`.
    """
    if limit < 2:
        raise ValueError("a part holds at least two characters")
    ranges: list[tuple[int, int]] = []
    begin = start
    while end - begin > limit:
        cut = begin + limit
        floor = begin + limit // 2
        for separator in _BREAKS:
            found = text.rfind(separator, floor, cut)
            if found >= 0:
                cut = found + len(separator)
                break
        ranges.append((begin, cut))
        begin = cut
    ranges.append((begin, end))
    return ranges


def plain_sections(
    plain: PlainText, titles: dict[str, str], limit: int = PART_CHARS
) -> list[Section]:
    """The sections (and parts of long sections) of a chapter's plain text, as index rows."""
    text = plain.text
    bounds: list[tuple[int, str | None]] = [(0, None)]
    bounds += [(start.offset, start.heading_id or None) for start in plain.sections]
    sections: list[Section] = []
    for number, (offset, heading_id) in enumerate(bounds):
        end = bounds[number + 1][0] if number + 1 < len(bounds) else len(text)
        title = titles.get(heading_id or "", "")
        part = 0
        for begin, stop in part_ranges(text, offset, end, limit):
            body = text[begin:stop].strip()
            if not body and (heading_id is None or part > 0):
                continue
            sections.append(Section(heading_id, title, body, begin, stop, part))
            part += 1
    return sections
