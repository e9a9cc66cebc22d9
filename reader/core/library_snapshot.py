"""A compact snapshot of the last library scan, trusted for the first paint of a restart.

Scanning a library of 10,000 chapters (a stat and a cache entry per file, the reading
order, 10,000 `Chapter`s) costs several times what a bare Qt window takes to appear. A
restart instead reads this snapshot (one `marshal` blob of plain tuples), builds only
the chapters the first paint needs, and shows the window; the whole library is built
from the snapshot right after the first paint, and a real scan then verifies it in the
background (reader/ui/library_check.py), replacing the library if anything changed
while the reader was closed.

The one chapter shown before the check is verified on its own first: its file must have
the size and modification time the scan saw (`Snapshot.unchanged`, the rule the scan cache
follows too), so the page shown is the file's content without reading or hashing it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from array import array
from pathlib import Path
from typing import Any

from reader.core.chapter import Chapter, Slug
from reader.core.library import Library
from reader.core.library_info import LibraryInfo
from reader.core.problems import Problem

__all__ = ["Snapshot", "read_snapshot", "write_snapshot"]

# Bump when the stored shape changes; an older or newer snapshot is ignored (a full scan).
_VERSION = 5
# The text fields of a chapter, each stored as one UTF-8 string of the library's values
# joined by NUL: reading a snapshot makes a dozen objects, not a hundred thousand, and the
# first paint decodes only the rows it needs (the whole library is built after the
# paint). Bytes, not str: a column holding one accented letter would take two to four
# bytes a character in memory, and the first paint's peak memory with it.
_TEXT = ("slug", "title", "abstract", "relpath", "content_hash", "parent", "part")
_SEP = "\0"
_SEP_BYTES = b"\0"
# File names that are not UTF-8 come as lone surrogates: stored and read back as they are.
_ENCODING = ("utf-8", "surrogatepass")
_NONE = "\x01"  # a parent or part that is None


def _columns(chapters: tuple[Chapter, ...]) -> dict[str, Any] | None:
    """The library's chapters as columns; None when one cannot be stored so."""
    texts: dict[str, list[str]] = {name: [] for name in _TEXT}
    orders: list[float | None] = []
    spans, stats = array("q"), array("q")
    for chapter in chapters:
        if chapter.kept_body is not None or chapter.body_span is None:
            return None  # a body held in memory is not worth snapshotting: scan instead
        values = (
            chapter.slug,
            chapter.title,
            chapter.abstract,
            chapter.relpath,
            chapter.content_hash,
            _NONE if chapter.parent is None else chapter.parent,
            _NONE if chapter.part is None else chapter.part,
        )
        for name, value in zip(_TEXT, values, strict=True):
            if _SEP in value or (_NONE in value and value != _NONE):
                return None  # a hostile title: scan instead
            texts[name].append(value)
        orders.append(chapter.order)
        spans.extend(chapter.body_span)
        try:
            # What the file was when scanned: a restart trusts the chapter it shows only
            # while its size and modification time are the same (as the scan cache does).
            stat = chapter.path.stat()
        except OSError:
            return None
        stats.extend((stat.st_size, stat.st_mtime_ns))
    columns: dict[str, Any] = {
        name: _SEP.join(values).encode(*_ENCODING) for name, values in texts.items()
    }
    columns["order"] = orders
    columns["span"] = spans.tobytes()
    columns["stat"] = stats.tobytes()
    columns["count"] = len(chapters)
    return columns


def write_snapshot(path: Path, library: Library, info: LibraryInfo) -> bool:
    """Store `library` (whose identity is `info`) as the snapshot at `path`; False when it
    cannot (or need not) be used.

    Only a folder's library is stored (a zip pack is read whole at each start). The
    identity is stored with it: the first paint has only a chapter or two, too few to
    tell which library this is, yet its notes and places are chosen by that identity.
    Failing costs only speed at the next start (the library is scanned as before).
    """
    columns = _columns(library.chapters) if library.root.is_dir() else None
    if columns is None:
        with contextlib.suppress(OSError):
            path.unlink()
        return False
    problems = [(p.path, p.kind, p.message) for p in library.problems]
    skipped = [(p.path, p.kind, p.message) for p in library.skipped]
    identity = (info.id, info.title, info.version, info.language, list(info.authors))
    data = marshal.dumps((_VERSION, str(library.root), columns, problems, skipped, identity))
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)  # a reader sees the old snapshot or the new one, never half
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    return True


class Snapshot:
    """A stored scan of the library at `root`: its chapters by column, problems, identity."""

    def __init__(
        self,
        root: Path,
        columns: dict[str, Any],
        problems: list[tuple[str, str, str]],
        skipped: list[tuple[str, str, str]],
        info: LibraryInfo,
    ) -> None:
        self.root = root
        self.columns = columns
        self.problems = problems
        self.skipped = skipped
        self.info = info
        # Columns split out once each: the first paint reads single rows, the whole
        # library is built right after it from the same splits.
        self._split: dict[str, Any] = {}

    def _texts(self, name: str) -> list[str]:
        if name not in self._split:
            self._split[name] = bytes(self.columns[name]).decode(*_ENCODING).split(_SEP)
        texts: list[str] = self._split[name]
        return texts

    def _text(self, name: str, index: int) -> str:
        """Row `index` of column `name`, without splitting the whole column (the first
        paint reads a few rows; splitting a column of 10,000 makes 10,000 strings)."""
        if name in self._split:
            return self._texts(name)[index]
        return bytes(self.columns[name]).split(_SEP_BYTES, index + 1)[index].decode(*_ENCODING)

    def _row(self, name: str, value: str) -> int | None:
        """The first row whose column `name` holds `value`, or None."""
        if name in self._split:
            with contextlib.suppress(ValueError):
                return self._texts(name).index(value)
            return None
        column = bytes(self.columns[name])
        field = value.encode(*_ENCODING)
        found = (_SEP_BYTES + column + _SEP_BYTES).find(_SEP_BYTES + field + _SEP_BYTES)
        return None if found < 0 else column.count(_SEP_BYTES, 0, found)

    def _spans(self, column: str = "span") -> array[int]:
        if column not in self._split:
            spans = array("q")
            spans.frombytes(self.columns[column])
            self._split[column] = spans
        numbers: array[int] = self._split[column]
        return numbers

    def unchanged(self, chapter: Chapter) -> bool:
        """Whether `chapter`'s file has the size and modification time it had when scanned
        (so the chapter shown first is the file as it is now, without reading it)."""
        index = self._row("relpath", chapter.relpath)
        try:
            stat = chapter.path.stat()
        except OSError:
            return False
        if index is None:
            return False
        stats = self._spans("stat")
        return (stat.st_size, stat.st_mtime_ns) == (stats[2 * index], stats[2 * index + 1])

    def _chapter(self, index: int) -> Chapter:
        """The chapter of row `index`."""
        texts = {name: self._text(name, index) for name in _TEXT}
        spans = self._spans()
        parent, part = texts["parent"], texts["part"]
        return Chapter(
            slug=Slug(texts["slug"]),
            title=texts["title"],
            abstract=texts["abstract"],
            order=self.columns["order"][index],
            path=self.root / texts["relpath"],
            relpath=texts["relpath"],
            content_hash=texts["content_hash"],
            body_span=(spans[2 * index], spans[2 * index + 1]),
            parent=None if parent == _NONE else Slug(parent),
            part=None if part == _NONE else part,
        )

    def library(self) -> Library:
        """The whole library as it was scanned (UnicodeDecodeError: damaged on disk)."""
        root = self.root
        spans = self._spans()
        chapters: list[Chapter] = []
        if not self.columns["count"]:
            rows: Any = ()  # NUL-joined empty columns split into one "" each
        else:
            rows = zip(*(self._texts(name) for name in _TEXT), self.columns["order"], strict=True)
        # Made as the tuples they are, without Chapter's keyword handling (a third of the
        # cost): every row came from a Chapter.
        make = tuple.__new__
        for index, (slug, title, abstract, relpath, digest, parent, part, order) in enumerate(rows):
            chapters.append(
                make(
                    Chapter,
                    (
                        slug,
                        title,
                        abstract,
                        order,
                        root / relpath,
                        relpath,
                        digest,
                        (spans[2 * index], spans[2 * index + 1]),
                        None,  # kept_body
                        None if parent == _NONE else parent,
                        None if part == _NONE else part,
                        None,  # files
                    ),
                )
            )
        return Library(
            self.root,
            tuple(chapters),
            tuple(Problem(*p) for p in self.problems),  # type: ignore[arg-type]
            tuple(Problem(*p) for p in self.skipped),  # type: ignore[arg-type]
        )

    def first_paint(self, wanted: str | None) -> tuple[Library, Chapter] | None:
        """A library of the first chapter and `wanted` only, and the chapter to show.

        The chapter shown is `wanted` when the library has it, else the first one; the
        first chapter stays first, as the library's identity is taken from it. None
        when the snapshot is empty or damaged. The Contents and the features wait for the
        whole library (`library()`), which replaces this one right after the first paint.
        """
        if not self.columns["count"]:
            return None
        try:
            first = self._chapter(0)
            index = (self._row("slug", wanted) if wanted else None) or 0
            shown = first if index == 0 else self._chapter(index)
        except UnicodeDecodeError:
            return None  # damaged on disk: the library is scanned as without a snapshot
        chapters = (first,) if shown is first else (first, shown)
        problems = tuple(Problem(*p) for p in self.problems)  # type: ignore[arg-type]
        return Library(self.root, chapters, problems), shown


def read_snapshot(path: Path, root: Path) -> Snapshot | None:
    """The snapshot of the library at `root` stored at `path`, or None (missing, damaged,
    another library's or another version's)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    try:
        version, stored_root, columns, problems, skipped, identity = data
        ident, title, edition, language, authors = identity
        info = LibraryInfo(str(ident), str(title), str(edition), str(language), tuple(authors))
    except (TypeError, ValueError):
        return None
    if version != _VERSION or stored_root != str(root) or not _whole(columns):
        return None
    return Snapshot(root, columns, list(problems), list(skipped), info)


def _whole(columns: Any) -> bool:
    """Whether stored columns have every field, each with one value per chapter."""
    if type(columns) is not dict or type(columns.get("count")) is not int:
        return False
    count = columns["count"]
    texts_whole = all(
        type(columns.get(name)) is bytes and columns[name].count(_SEP_BYTES) == max(count - 1, 0)
        for name in _TEXT
    )
    orders, spans, stats = columns.get("order"), columns.get("span"), columns.get("stat")
    return (
        texts_whole
        and type(orders) is list
        and len(orders) == count
        and all(type(b) is bytes and len(b) == 16 * count for b in (spans, stats))
    )
