"""Where each note sits in a chapter: its range in the plain text, how sure that is, its section.

The one place that turns annotations and a chapter's PlainText into places: the window
draws from it, the Notes panel lists by it, the exports group by section with it and
the search index files notes under their heading with it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.anchoring import Anchor, anchor_all
from reader.core.notes import Annotation
from reader.core.text import PlainText, SectionStart

__all__ = ["Placement", "Span", "place_annotations", "section_at", "section_range", "stored_spans"]


@dataclass(frozen=True, slots=True)
class Span:
    """A found passage: plain-text offsets [start, end), and whether the match is certain.

    Only a certain span may be stored as the note's new position; an uncertain one
    (fuzzy, or an exact quote without supporting context) is shown but not remembered.
    """

    start: int
    end: int
    certain: bool


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one annotation sits: its span (None when not found) and its section."""

    annotation: Annotation
    span: Span | None
    heading_id: str | None = None
    section: str | None = None
    """The title of the heading whose section holds the passage (None before the first)."""

    @property
    def found(self) -> bool:
        """Whether the passage was found in the chapter's text."""
        return self.span is not None


def section_at(sections: Sequence[SectionStart], offset: int) -> str | None:
    """The id of the heading whose section holds `offset`, or None before the first."""
    return _finder(sections)(offset)


def section_range(
    sections: Sequence[SectionStart], heading: str | None, length: int
) -> tuple[int, int]:
    """The plain-text range of the section under `heading` (None: before the first)."""
    if heading is None:
        return 0, sections[0].offset if sections else length
    for number, start in enumerate(sections):
        if start.heading_id == heading:
            end = sections[number + 1].offset if number + 1 < len(sections) else length
            return start.offset, end
    return 0, length


def stored_spans(annotations: Sequence[Annotation]) -> list[Span | None]:
    """The spans the annotations' stored positions give, taken as they are (not certain)."""
    return [
        Span(a.target.position.start, a.target.position.end, False)
        if a.target.position is not None
        else None
        for a in annotations
    ]


def _span(found: Anchor) -> Span | None:
    if found.start is None or found.end is None:
        return None
    return Span(found.start, found.end, found.certain)


def place_annotations(
    annotations: Sequence[Annotation],
    plain: PlainText | None,
    titles: Mapping[str, str] | None = None,
    *,
    spans: Sequence[Span | None] | None = None,
    heading_at: Callable[[int], str | None] | None = None,
) -> list[Placement]:
    """Place `annotations` (all of one chapter) in its `plain` text, in the given order.

    Without `spans` every passage is anchored again in the current text (see
    reader.core.anchoring.anchor_all); with them (where the window drew each one, or the
    stored positions) those are used as they are. `titles` maps heading ids to titles.
    The section comes from the text's headings, or from `heading_at` when the sections
    live elsewhere (the search index keeps them in SQLite, with no text loaded): then
    `plain` may be None.
    """
    if spans is None:
        if plain is None:
            raise ValueError("without spans, the chapter's text is needed to find the notes")
        found = anchor_all(plain.text, [a.target for a in annotations])
        spans = [_span(anchor) for anchor in found]
    elif len(spans) != len(annotations):
        raise ValueError("one span (or None) is needed per annotation")
    if heading_at is None:
        if plain is None:
            raise ValueError("the chapter's text or a heading_at function is needed")
        heading_at = _finder(plain.sections)
    names = titles or {}
    result: list[Placement] = []
    for annotation, span in zip(annotations, spans, strict=True):
        if span is None:
            result.append(Placement(annotation, None))
            continue
        heading = heading_at(span.start)
        result.append(Placement(annotation, span, heading, names.get(heading or "")))
    return result


def _finder(sections: Sequence[SectionStart]) -> Callable[[int], str | None]:
    """section_at for many offsets: one list of offsets (a chapter may have 24,000 sections)."""
    offsets = [s.offset for s in sections]

    def heading_at(offset: int) -> str | None:
        index = bisect.bisect_right(offsets, offset)
        return sections[index - 1].heading_id if index else None

    return heading_at
