"""Walk the entries of a course pack's zip for chapter files, with a folder's rules.

The same files are chapters, and the same are left out for the same reasons, as when the
pack is unpacked into a folder and read by reader/core/discovery.py: hidden files and
folders, dependencies and build output, mdBook's built book, folders nested too deep, and
the same limits on the number of entries and chapter files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.discovery import (
    BOOK,
    DEEP,
    HIDDEN,
    MAX_CHAPTER_FILES,
    MAX_DEPTH,
    MAX_ENTRIES,
    SKIPPED_FOLDERS,
    TOO_MANY_CHAPTERS,
    TOO_MANY_ENTRIES,
    Discovery,
    FoundFile,
    is_chapter_name,
    skipped,
    stopped,
)
from reader.core.i18n import translate
from reader.core.problems import Problem


@dataclass
class ZipFolder:
    """A folder inside the zip: its files (name -> size, time) and its subfolders."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    folders: dict[str, ZipFolder] = field(default_factory=dict)
    links: set[str] = field(default_factory=set)

    def folder(self, relpath: str) -> ZipFolder | None:
        """The folder at `relpath` ("" for this one), or None."""
        node: ZipFolder | None = self
        for part in relpath.split("/") if relpath else ():
            node = node.folders.get(part) if node is not None else None
        return node


def add_entry(top: ZipFolder, relpath: str, size: int, mtime_ns: int, *, link: bool) -> None:
    """Put the file at `relpath` (or the folder, when it ends with "/") into the tree."""
    parts = relpath.rstrip("/").split("/")
    node = top
    folders = parts if relpath.endswith("/") else parts[:-1]
    for part in folders:
        node = node.folders.setdefault(part, ZipFolder())
    if relpath.endswith("/"):
        return
    if link:
        node.links.add(parts[-1])
    else:
        node.files[parts[-1]] = (size, mtime_ns)


def walk_zip(top: ZipFolder, root: Path, *, skip_book: bool = False) -> Discovery:
    """Every chapter file in the tree `top`, with what was left out (paths under `root`)."""
    walk = _ZipWalk(root, skip_book)
    walk.folder(top, "", 0)
    return walk.found


class _ZipWalk:
    """One walk's state, as reader.core.discovery's walk of a folder."""

    def __init__(self, root: Path, skip_book: bool) -> None:
        self.root = root
        self.skip_book = skip_book
        self.entries = 0
        self.stopped = False
        self.found = Discovery()

    def folder(self, node: ZipFolder, rel: str, depth: int) -> None:
        """Record the chapters of one folder, then walk its subfolders."""
        self.entries += len(node.files) + len(node.folders) + len(node.links)
        if self.entries > MAX_ENTRIES:
            self.stop(rel, TOO_MANY_ENTRIES)
            return
        subfolders = []
        for name, child in node.folders.items():
            relpath = rel + name
            if name.startswith("."):
                self.found.skipped.append(skipped(relpath, True, HIDDEN))
                continue
            reason = SKIPPED_FOLDERS.get(name.lower())
            if reason is None and self.skip_book and not rel and name.lower() == "book":
                reason = BOOK
            if reason is not None:
                self.found.skipped.append(skipped(relpath, True, reason))
            else:
                subfolders.append((child, relpath))
        for name in node.links:
            if is_chapter_name(name) and not name.startswith("."):
                self.found.problems.append(
                    Problem(
                        rel + name,
                        "unsafe-path",
                        translate(
                            "Discovery",
                            "The file is a link stored in the zip and was not read; put the "
                            "chapter itself in the pack instead.",
                        ),
                    )
                )
        for name, (size, mtime_ns) in node.files.items():
            if not is_chapter_name(name):
                continue
            relpath = rel + name
            if name.startswith("."):
                self.found.skipped.append(skipped(relpath, False, HIDDEN))
                continue
            self.found.files.append(FoundFile(relpath, self.root / relpath, size, mtime_ns))
            if len(self.found.files) >= MAX_CHAPTER_FILES:
                self.stop(relpath, TOO_MANY_CHAPTERS)
                return
        for child, relpath in subfolders:
            if self.stopped:
                return
            if depth + 1 > MAX_DEPTH:
                self.found.skipped.append(skipped(relpath, True, DEEP))
            else:
                self.folder(child, relpath + "/", depth + 1)

    def stop(self, relpath: str, limit: str) -> None:
        """Stop the walk at a limit, and say so once."""
        self.stopped = True
        self.found.skipped.append(stopped(relpath, limit))
