"""How far each chapter has been read: furthest point reached and whether its end was seen.

Qt-free. The whole library's state is one short string in settings.ini, so a library of a
thousand chapters costs one settings key (and one split) at start, not a thousand keys:

    human-security=1000! governance=420

Each entry is a chapter slug (letters, digits, ".", "_" and "-": never "=", "!" or a
space), "=", the furthest point reached in thousandths of the chapter's text, and "!"
once the chapter's end has been on the screen. Entries that do not read that way (a
hand-edited file) are skipped and counted; the rest are kept.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.core.slugs import is_valid_slug

__all__ = ["FULL", "ChapterProgress", "ReadingProgress", "progress_label"]

FULL = 1000  # thousandths: the whole chapter


class ChapterProgress(NamedTuple):
    """One chapter's state: the furthest point reached (thousandths) and the finished flag."""

    furthest: int
    finished: bool

    @property
    def percent(self) -> int:
        """The furthest point reached in whole percent (100 only once finished)."""
        return 100 if self.finished else min(99, self.furthest // 10)


def progress_label(state: ChapterProgress | None) -> str:
    """What Contents shows: "" unread, "42%" started, "✓" finished."""
    if state is None:
        return ""
    if state.finished:
        return "✓"
    return f"{state.percent}%"


class ReadingProgress:
    """The reading state of every chapter, by slug."""

    def __init__(self, entries: dict[str, ChapterProgress] | None = None) -> None:
        self._entries: dict[str, ChapterProgress] = dict(entries or {})
        self.skipped = 0  # entries of the parsed text that could not be read

    @classmethod
    def parse(cls, text: str) -> ReadingProgress:
        """The state written by `serialise`; unreadable entries are skipped and counted."""
        progress = cls()
        for entry in text.split():
            slug, sep, value = entry.partition("=")
            finished = value.endswith("!")
            digits = value[:-1] if finished else value
            if not sep or not is_valid_slug(slug) or not digits.isascii() or not digits.isdigit():
                progress.skipped += 1
                continue
            furthest = min(FULL, int(digits))
            progress._entries[slug] = ChapterProgress(FULL if finished else furthest, finished)
        return progress

    def serialise(self) -> str:
        """The state as one line (see the module's docstring)."""
        return " ".join(
            f"{slug}={state.furthest}{'!' if state.finished else ''}"
            for slug, state in self._entries.items()
        )

    def get(self, slug: str) -> ChapterProgress | None:
        """The state of chapter `slug`, or None if it was never read."""
        return self._entries.get(slug)

    def __len__(self) -> int:
        return len(self._entries)

    def items(self) -> list[tuple[str, ChapterProgress]]:
        """Every chapter read so far, with its state."""
        return list(self._entries.items())

    def record(self, slug: str, reached: float, at_end: bool) -> bool:
        """Note that chapter `slug` was read up to fraction `reached` (0..1), its end seen
        if `at_end`; True when that changed what is kept.

        The furthest point only grows and a finished chapter stays finished: scrolling
        back up to reread a section does not undo having read to the end.
        """
        if not is_valid_slug(slug):
            raise ValueError(f"not a chapter slug: {slug!r}")
        before = self._entries.get(slug)
        point = FULL if at_end else max(0, min(FULL, int(reached * FULL)))
        furthest = max(point, before.furthest if before is not None else 0)
        finished = at_end or (before is not None and before.finished)
        after = ChapterProgress(FULL if finished else furthest, finished)
        if after == before:
            return False
        self._entries[slug] = after
        return True
