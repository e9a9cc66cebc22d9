"""The search index's value types: what goes in (sections, notes) and what comes out (hits).

Kept apart from the index itself (reader/core/search.py) so that the panels and the command
line can name them without the SQLite machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from reader.core.search_query import mark_segments

__all__ = [
    "HitKind",
    "NoteEntry",
    "SearchHit",
    "SearchIndexError",
    "Section",
    "Segments",
    "SyncReport",
]

HitKind = Literal["text", "note"]
Segments = tuple[tuple[str, bool], ...]


class SearchIndexError(Exception):
    """The cache cannot be used because of the environment (disk full, read-only, ...)."""


@dataclass(frozen=True)
class NoteEntry:
    """A note to index, as plain values (the index knows nothing of the notes database)."""

    id: str
    chapter: str
    heading_id: str | None
    quote: str
    note: str


@dataclass(frozen=True)
class Section:
    """The plain text of a chapter from one heading to the next (heading None: before any).

    A long section is indexed as several parts (`part` 0, 1, ...); `start` and `end` are
    the plain-text range the row covers (`end` None: not known).
    """

    heading_id: str | None
    title: str
    text: str
    start: int = 0
    end: int | None = None
    part: int = 0


@dataclass(frozen=True)
class SearchHit:
    """One result: where it is, and a snippet whose matched words are flagged.

    For text, `start` and `end` are the plain-text range of the indexed row holding the
    match (a section, or a part of a long one); None for notes and unknown ranges.
    """

    chapter: str
    chapter_title: str
    heading: str | None
    heading_title: str
    kind: HitKind
    segments: Segments
    note_id: str | None = None
    quote: str = ""
    start: int | None = None
    end: int | None = None

    def snippet(self, start: str = "«", end: str = "»") -> str:
        """The snippet with `start` and `end` around the matched words."""
        return mark_segments(self.segments, start, end)

    def to_json(self) -> dict[str, Any]:
        """The result as the command line's JSON object."""
        return {
            "chapter": self.chapter,
            "heading": self.heading,
            "kind": self.kind,
            "snippet": self.snippet(),
        }


@dataclass(frozen=True)
class SyncReport:
    """What one synchronisation with the library did."""

    indexed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    complete: bool = True
