"""A library as the reader holds it: its chapters in reading order and what was wrong.

A library is any folder of Markdown: every `.md` (or `.markdown`) file under it is a
chapter, a folder's README or index stands for the folder, and an mdBook SUMMARY.md,
when there is one, decides which files are chapters and in what order. Reading one
(`load_library`, `read_chapter`) is reader/core/library_scan.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.chapter import Chapter, ChapterChangedError, Slug
from reader.core.library_files import FolderFiles, LibraryFiles
from reader.core.problems import Problem, ProblemKind
from reader.core.slugs import SLUG_RE, is_valid_slug

__all__ = [
    "MAX_CHAPTER_BYTES",
    "Chapter",
    "ChapterChangedError",
    "Library",
    "Problem",
    "ProblemKind",
    "Progress",
    "Slug",
    "is_valid_slug",
]

# The largest chapter file opened. Ten megabytes of Markdown is some twenty novels, far
# beyond any real chapter; at this size a chapter still opens, is checked and is indexed
# within five seconds and 500 MB on a two-core machine (benchmarks/hostile_bench.py).
MAX_CHAPTER_BYTES = 10 * 1024 * 1024
_SLUG_RE = SLUG_RE  # kept for code that validated slugs with it (use fullmatch)


class Library:
    """The chapters of one folder in reading order, the problems met, and what was left out.

    `chapters` is the depth-first reading order: each chapter comes before those listed
    under it (`Chapter.parent`). `skipped` lists files and folders that were not read,
    each with the reason (kind "skipped"). `root` names the library: its folder, or the
    zip file of a course pack; `files` reads any of its files (`source`, when given: a
    zip pack's).

    Immutable by convention (a changed library is a new one: `replace`). A plain class,
    not a dataclass: making one of those costs every start about 2 ms.
    """

    __slots__ = ("_relpaths", "_slugs", "chapters", "problems", "root", "skipped", "source")

    def __init__(
        self,
        root: Path,
        chapters: tuple[Chapter, ...],
        problems: tuple[Problem, ...] = (),
        skipped: tuple[Problem, ...] = (),
        source: LibraryFiles | None = None,
    ) -> None:
        self.root = root
        self.chapters = chapters
        self.problems = problems
        self.skipped = skipped
        self.source = source
        self._slugs: dict[str, Chapter] = {c.slug: c for c in chapters}
        self._relpaths: dict[str, Chapter] = {c.relpath: c for c in chapters}

    def replace(
        self,
        *,
        chapters: tuple[Chapter, ...] | None = None,
        problems: tuple[Problem, ...] | None = None,
    ) -> Library:
        """This library with other chapters or problems."""
        return Library(
            self.root,
            self.chapters if chapters is None else chapters,
            self.problems if problems is None else problems,
            self.skipped,
            self.source,
        )

    def _compared(self) -> tuple[object, ...]:
        return (self.root, self.chapters, self.problems, self.skipped)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Library):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return (
            f"Library(root={self.root!r}, chapters={len(self.chapters)},"
            f" problems={self.problems!r}, skipped={self.skipped!r})"
        )

    @property
    def files(self) -> LibraryFiles:
        """The library's files, read by their path relative to its top."""
        return self.source if self.source is not None else FolderFiles(self.root)

    def read(self, relpath: str, limit: int | None = None) -> bytes:
        """The bytes of the library's file at `relpath` (a chapter, a figure, ...)."""
        return self.files.read(relpath, limit)

    def by_slug(self, slug: str) -> Chapter | None:
        """The chapter with this slug, or None."""
        return self._slugs.get(slug)

    def by_relpath(self, relpath: str) -> Chapter | None:
        """The chapter stored at exactly this path relative to the library, or None."""
        return self._relpaths.get(relpath)

    def find_relpath(self, relpath: str) -> Chapter | None:
        """The chapter at this relative path: exact first, then ignoring case.

        Backslashes, `./` and `folder/../` are tidied first: links written on Windows or
        by hand still find their chapter. None when nothing (or more than one) matches.
        """
        import posixpath

        tidy = posixpath.normpath(relpath.replace("\\", "/")).removeprefix("./")
        chapter = self._relpaths.get(relpath) or self._relpaths.get(tidy)
        if chapter is not None:
            return chapter
        folded = [c for c in self.chapters if c.relpath.casefold() == tidy.casefold()]
        return folded[0] if len(folded) == 1 else None

    def children(self, parent: str | None) -> tuple[Chapter, ...]:
        """The chapters listed directly under `parent` (None: the top level), in order."""
        return tuple(c for c in self.chapters if c.parent == parent)


# What a long read reports as it goes: chapters read so far, and how many in all.
Progress = Callable[[int, int], None]
