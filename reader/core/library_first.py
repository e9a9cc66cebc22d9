"""A big library's first start: the chapter to show read on its own, before the rest.

Reading a library of 10,000 chapters (each file's front matter) takes seconds; finding
its files takes a fraction of one. A first start (no snapshot of an earlier scan) of a
big library therefore finds the files, reads only the chapters the first paint needs
and shows the window; the whole library is read right after, in the background
(reader/ui/library_check.py), and replaces this partial one.

Which chapter comes first can only be known for sure once every file's front matter is
read (an `order:` can move any chapter to the front). The rule used here: the reading
order as if no file had front matter (SUMMARY.md's order, else the folders' natural
order: README or index first, then "2-x" before "10-x"). That is the true first chapter
in the common case (a SUMMARY.md, or files named in their order); when it is not, the
Contents shows the true order once the whole library is in, and the chapter shown stays.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from reader.core import assembly
from reader.core.chapter import Chapter
from reader.core.discovery import FoundFile
from reader.core.library import Library
from reader.core.library_files import LibraryFiles
from reader.core.library_scan import BadChapterError, _entry
from reader.core.slugs import FOLDER_CHAPTER_STEMS, derive_slug
from reader.core.summary import Summary, read_summary

__all__ = ["BACKGROUND_FROM", "FirstRead", "find_first"]

# From this many chapter files on, a first start reads the rest after the first paint.
# Below it, reading everything first costs less than a tenth of a second.
BACKGROUND_FROM = 400


@dataclass
class FirstRead:
    """The files of a library found, and the few chapters read so far."""

    files: LibraryFiles
    found: list[FoundFile]  # the chapter files, in the guessed reading order
    summary: Summary | None
    _entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many chapter files the library has."""
        return len(self.found)

    def first_paint(self, wanted: str | None) -> tuple[Library, Chapter] | None:
        """A library of the chapters the first paint needs, and the chapter to show.

        The chapters read: the first one (in the guessed order) and the next, the top
        README or index (the library's identity is taken from it), and the file whose
        slug would be `wanted` when no front matter chose another. The chapter shown is
        `wanted` when it is among them, else the first. None when none can be read (the
        caller then reads the whole library, which reports why).
        """
        chosen = self.found[:2] + [f for f in self.found if _top_chapter(f.relpath)]
        if wanted:
            chosen += [f for f in self.found if wanted in self._slugs_of(f.relpath)]
        readable = []
        for found in dict.fromkeys(chosen):
            entry = self._entry(found)
            if entry is not None:
                readable.append(found)
        if not readable:
            return None
        entries = {f.relpath: self._entries[f.relpath] for f in readable}
        chapters, problems = assembly.assemble(
            self.files.root,
            readable,
            entries,
            self.summary,
            name=self.files.name,
            source=None if self.files.on_disk else self.files,
        )
        if not chapters:
            return None
        first_file = next(f for f in self.found if f in readable)
        first = next((c for c in chapters if c.relpath == first_file.relpath), chapters[0])
        shown = next((c for c in chapters if c.slug == wanted), first) if wanted else first
        # The first chapter leads, as in the whole library (a window opens it by default).
        ordered = (first, *(c for c in chapters if c is not first))
        source = None if self.files.on_disk else self.files
        return Library(self.files.root, ordered, tuple(problems), (), source), shown

    def _slugs_of(self, relpath: str) -> tuple[str, ...]:
        """The slugs a file gets when no front matter chose another: derived, or its stem."""
        base = posixpath.dirname(self.summary.relpath) if self.summary is not None else ""
        under = relpath[len(base) + 1 :] if base and relpath.startswith(base + "/") else relpath
        stem = relpath.rpartition(".")[0]
        return (derive_slug(under), stem) if "/" not in relpath else (derive_slug(under),)

    def _entry(self, found: FoundFile) -> dict[str, object] | None:
        if found.relpath not in self._entries:
            try:
                source = None if self.files.on_disk else self.files
                self._entries[found.relpath] = _entry(found, None, source)
            except BadChapterError:
                return None
        return self._entries[found.relpath]


def _top_chapter(relpath: str) -> bool:
    return "/" not in relpath and relpath.rpartition(".")[0].casefold() in FOLDER_CHAPTER_STEMS


def find_first(files: LibraryFiles, *, at_least: int = BACKGROUND_FROM) -> FirstRead | None:
    """The library's files in their guessed reading order, when it has `at_least` chapter
    files; None for a smaller library (or one that cannot be listed: reading it whole
    reports why)."""
    try:
        summary_path = files.find_summary()
        found = files.discover(skip_book=summary_path is not None)
    except OSError:
        return None
    chapter_files = found.files
    if len(chapter_files) < at_least:
        return None
    summary = None
    if summary_path is not None:
        summary = read_summary(summary_path, files.read)
        chapter_files, _ = assembly.listed_files(chapter_files, summary)
        if len(chapter_files) < at_least:
            return None
    return FirstRead(files, assembly.guessed_order(chapter_files, summary), summary)
