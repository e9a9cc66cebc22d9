"""A compact snapshot of the last library scan, trusted for the first paint of a restart.

Scanning a library of 10,000 chapters (a stat and a cache entry per file, the reading
order, 10,000 `Chapter`s) costs several times what a bare Qt window takes to appear. A
restart instead reads this snapshot (one `marshal` blob of plain tuples), builds only
the chapters the first paint needs, and shows the window; the whole library is built
from the snapshot right after the first paint, and a real scan then verifies it in the
background (reader/ui/library_check.py), replacing the library if anything changed
while the reader was closed.

The one chapter shown before the check is verified on its own first: its file is read
and hashed (`start_chapter_current`), so the page shown is always the file's content.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.chapter import Chapter, Slug, sha256_hex
from reader.core.library import Library
from reader.core.pack_identity import LibraryInfo
from reader.core.problems import Problem

__all__ = ["Snapshot", "read_snapshot", "write_snapshot"]

# Bump when the rows change shape; an older or newer snapshot is ignored (a full scan).
_VERSION = 2
_Row = tuple[str, str, str, Any, str, str, Any, Any, Any]


def _row(chapter: Chapter) -> _Row | None:
    if chapter.kept_body is not None or chapter.body_span is None:
        return None  # a body held in memory is not worth snapshotting: scan instead
    return (
        chapter.slug,
        chapter.title,
        chapter.abstract,
        chapter.order,
        chapter.relpath,
        chapter.content_hash,
        tuple(chapter.body_span),
        chapter.parent,
        chapter.part,
    )


def write_snapshot(path: Path, library: Library, info: LibraryInfo) -> bool:
    """Store `library` (whose identity is `info`) as the snapshot at `path`; False when it
    cannot (or need not) be used.

    Only a folder's library is stored (a zip pack is read whole at each start). The
    identity is stored with it: the first paint has only a chapter or two, too few to
    tell which library this is, yet its notes and places are chosen by that identity.
    Failing costs only speed at the next start (the library is scanned as before).
    """
    if not library.root.is_dir():
        with contextlib.suppress(OSError):
            path.unlink()
        return False
    rows = []
    for chapter in library.chapters:
        row = _row(chapter)
        if row is None:
            with contextlib.suppress(OSError):
                path.unlink()
            return False
        rows.append(row)
    problems = [(p.path, p.kind, p.message) for p in library.problems]
    skipped = [(p.path, p.kind, p.message) for p in library.skipped]
    identity = (info.id, info.title, info.version, info.language, list(info.authors))
    data = marshal.dumps((_VERSION, str(library.root), rows, problems, skipped, identity))
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


@dataclass(frozen=True)
class Snapshot:
    """The rows of a stored scan of the library at `root`."""

    root: Path
    rows: list[_Row]
    problems: list[tuple[str, str, str]]
    skipped: list[tuple[str, str, str]]
    info: LibraryInfo

    def _chapter(self, row: _Row) -> Chapter:
        slug, title, abstract, order, relpath, content_hash, span, parent, part = row
        return Chapter(
            slug=Slug(slug),
            title=title,
            abstract=abstract,
            order=order,
            path=self.root / relpath,
            relpath=relpath,
            content_hash=content_hash,
            body_span=(span[0], span[1]),
            parent=Slug(parent) if parent is not None else None,
            part=part,
        )

    def library(self) -> Library:
        """The whole library as it was scanned."""
        new, root = object.__new__, self.root
        chapters = []
        # Built without the dataclass's checks: a frozen __init__ per chapter is a third
        # of the cost, and every row came from a Chapter.
        for slug, title, abstract, order, relpath, digest, span, parent, part in self.rows:
            chapter = new(Chapter)
            chapter.__dict__.update(
                slug=slug,
                title=title,
                abstract=abstract,
                order=order,
                path=root / relpath,
                relpath=relpath,
                content_hash=digest,
                body_span=span,
                kept_body=None,
                parent=parent,
                part=part,
            )
            chapters.append(chapter)
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
        when the snapshot is empty. The Contents and the features wait for the whole
        library (`library()`), which replaces this one right after the first paint.
        """
        if not self.rows:
            return None
        first = self._chapter(self.rows[0])
        row = next((r for r in self.rows if r[0] == wanted), None) if wanted else None
        shown = first if row is None or row[0] == first.slug else self._chapter(row)
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
        version, stored_root, rows, problems, skipped, identity = data
        ident, title, edition, language, authors = identity
        info = LibraryInfo(str(ident), str(title), str(edition), str(language), tuple(authors))
    except (TypeError, ValueError):
        return None
    if version != _VERSION or stored_root != str(root) or type(rows) is not list:
        return None
    if not all(type(r) is tuple and len(r) == 9 for r in rows):
        return None
    return Snapshot(root, rows, list(problems), list(skipped), info)


def start_chapter_current(chapter: Chapter) -> bool:
    """Whether the chapter's file still holds exactly the version the snapshot recorded."""
    try:
        return sha256_hex(chapter.path.read_bytes()) == chapter.content_hash
    except OSError:
        return False
