"""Walk a library folder for chapter files, leaving out what is not course content.

Everything left out is recorded with its reason, and links that lead outside the library
are refused, so that a student (or `field-reader check`) can see why a file is missing.
The walk is bounded in depth and size so that a hostile tree cannot stall loading.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reader.core.i18n import QT_TRANSLATE_NOOP, number, translate
from reader.core.problems import Problem

CHAPTER_SUFFIXES = (".md", ".markdown")
MAX_DEPTH = 32
MAX_CHAPTER_FILES = 20_000
MAX_ENTRIES = 200_000

_BUILD_OUTPUT = QT_TRANSLATE_NOOP("Discovery", "build output, made from the sources")
# Folders that hold tools, dependencies or generated copies, never course chapters: each
# with why, in English (translated where the message is made, by `skipped`).
SKIPPED_FOLDERS = {
    "node_modules": QT_TRANSLATE_NOOP("Discovery", "installed JavaScript packages"),
    "__pycache__": QT_TRANSLATE_NOOP("Discovery", "Python's compiled files"),
    "venv": QT_TRANSLATE_NOOP("Discovery", "a Python virtual environment"),
    "_site": QT_TRANSLATE_NOOP("Discovery", "a website built from the chapters"),
    "site": QT_TRANSLATE_NOOP("Discovery", "a website built from the chapters"),
    "build": _BUILD_OUTPUT,
    "_build": _BUILD_OUTPUT,
    "dist": _BUILD_OUTPUT,
    "target": _BUILD_OUTPUT,
    "vendor": QT_TRANSLATE_NOOP("Discovery", "third-party code copied into the project"),
}
_NATURAL_RE = re.compile(r"(\d+)")


def is_chapter_name(name: str) -> bool:
    """True for a file name a chapter may have (`.md` or `.markdown`, any case)."""
    return name.lower().endswith(CHAPTER_SUFFIXES)


def natural_key(name: str) -> tuple[tuple[tuple[str, int], ...], str]:
    """Sort key putting "2-x" before "10-x", ignoring case (the name itself breaks ties)."""
    parts = _NATURAL_RE.split(name.casefold())
    # split() alternates text and numbers: pair each text with the number after it.
    pairs = tuple(
        (parts[i], int(parts[i + 1]) if i + 1 < len(parts) else -1) for i in range(0, len(parts), 2)
    )
    return pairs, name


def _child(folder: Path, name: str) -> Path:
    """`folder / name` for a plain file name, without parsing it again.

    On a large library this is a tenth of the start: pathlib's own shortcut for names
    read from a folder listing is used where this Python has it.
    """
    make = getattr(folder, "_make_child_relpath", None)
    return make(name) if make is not None else folder / name


class FoundFile(NamedTuple):
    """A chapter file met on the walk, with what one stat said about it.

    A named tuple, not a frozen dataclass: it is made once per file at every start.
    """

    relpath: str
    path: Path
    size: int
    mtime_ns: int


@dataclass
class Discovery:
    """What a walk found: chapter files, what it left out, and what it refused."""

    files: list[FoundFile] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def discover(root: Path, *, skip_book: bool = False) -> Discovery:
    """Every chapter file under `root` (already resolved), in no particular order.

    `skip_book` leaves out the top `book/` folder, mdBook's built copy of the chapters.
    Raises OSError when `root` itself cannot be listed.
    """
    walk = _Walk(root, skip_book)
    walk.folder(root, "", 0)
    return walk.found


class _Walk:
    """One walk's state: the limits it has used and what it found."""

    def __init__(self, root: Path, skip_book: bool) -> None:
        self.root = root
        self.root_text = str(root)
        self.prefix = self.root_text.rstrip(os.sep) + os.sep
        self.skip_book = skip_book
        self.entries = 0
        self.stopped = False
        self.found = Discovery()

    def folder(self, folder: Path, rel: str, depth: int) -> None:
        """Record the chapters of one folder, then walk its subfolders."""
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if not rel:
                raise
            message = translate(
                "Discovery", "The folder could not be read ({reason}); its chapters are missing."
            )
            self.found.problems.append(
                Problem(rel.rstrip("/"), "unreadable", message.format(reason=error.strerror))
            )
            return
        self.entries += len(entries)
        if self.entries > MAX_ENTRIES:
            self.stop(rel, TOO_MANY_ENTRIES)
            return
        subfolders = []
        for entry in entries:
            name = entry.name
            relpath = rel + name
            if name.startswith("."):
                if is_chapter_name(name) or entry.is_dir():
                    self.skip(relpath, entry.is_dir(), HIDDEN)
                continue
            if entry.is_dir():
                if entry.is_symlink():
                    self.folder_link(entry, relpath)
                    continue
                reason = SKIPPED_FOLDERS.get(name.lower())
                if reason is None and self.skip_book and not rel and name.lower() == "book":
                    reason = BOOK
                if reason is not None:
                    self.skip(relpath, True, reason)
                else:
                    subfolders.append((folder / name, relpath))
            elif is_chapter_name(name):
                self.chapter_file(entry, folder, relpath)
                if self.stopped:
                    return
        for path, relpath in subfolders:
            if self.stopped:
                return
            if depth + 1 > MAX_DEPTH:
                self.skip(relpath, True, DEEP)
            else:
                self.folder(path, relpath + "/", depth + 1)

    def chapter_file(self, entry: os.DirEntry[str], folder: Path, relpath: str) -> None:
        """Record a chapter file, unless it is a link out of the library or not a file."""
        if entry.is_symlink() and not self.inside(entry.path):
            self.found.problems.append(
                Problem(
                    relpath,
                    "unsafe-path",
                    translate(
                        "Discovery",
                        "The file is a link to a place outside the library folder and was "
                        "not read; copy the chapter into the library instead.",
                    ),
                )
            )
            return
        try:
            if not entry.is_file():
                if entry.is_symlink():
                    message = translate(
                        "Discovery", "The file is a link to something that does not exist."
                    )
                    self.found.problems.append(Problem(relpath, "unreadable", message))
                else:
                    # A FIFO or device would block or never end when read.
                    self.skip(relpath, False, NOT_A_FILE)
                return
            stat = entry.stat()
        except OSError as error:
            message = translate("Discovery", "The file could not be read ({reason}).").format(
                reason=error.strerror
            )
            self.found.problems.append(Problem(relpath, "unreadable", message))
            return
        path = _child(folder, entry.name)
        self.found.files.append(FoundFile(relpath, path, stat.st_size, stat.st_mtime_ns))
        if len(self.found.files) >= MAX_CHAPTER_FILES:
            self.stop(relpath, TOO_MANY_CHAPTERS)

    def folder_link(self, entry: os.DirEntry[str], relpath: str) -> None:
        """A link to a folder is never followed: outside is refused, inside is read there."""
        if self.inside(entry.path):
            # Following it would read those chapters twice, or loop forever.
            self.skip(relpath, True, LINKED_FOLDER)
        else:
            self.found.problems.append(
                Problem(
                    relpath,
                    "unsafe-path",
                    translate(
                        "Discovery",
                        "The folder is a link to a place outside the library folder and was "
                        "not read; copy its chapters into the library instead.",
                    ),
                )
            )

    def inside(self, path: str) -> bool:
        """True when `path`, links followed, is within the library folder."""
        real = os.path.realpath(path)
        return real == self.root_text or real.startswith(self.prefix)

    def skip(self, relpath: str, is_folder: bool, reason: str) -> None:
        """Record something left out, with the reason in words."""
        self.found.skipped.append(skipped(relpath, is_folder, reason))

    def stop(self, relpath: str, reason: str) -> None:
        """Stop the walk at a limit, and say so once."""
        self.stopped = True
        self.found.skipped.append(stopped(relpath, reason))


# Why something was left out, when the reason is a clause about it (each has a whole
# sentence below, for a file and for a folder); any other reason is a noun phrase.
HIDDEN = "hidden"
DEEP = "deep"
NOT_A_FILE = "not-a-file"
LINKED_FOLDER = "linked-folder"
BOOK = QT_TRANSLATE_NOOP("Discovery", "mdBook's built book, made from the chapters")
# Where a walk stops, and why.
TOO_MANY_ENTRIES = "entries"
TOO_MANY_CHAPTERS = "chapters"


def skipped(relpath: str, is_folder: bool, reason: str) -> Problem:
    """A file or folder left out of the library, with the reason in words.

    `reason` is HIDDEN, DEEP, NOT_A_FILE, LINKED_FOLDER, or a noun phrase saying what the
    folder holds (a value of SKIPPED_FOLDERS, BOOK).
    """
    if reason == HIDDEN and is_folder:
        text = translate(
            "Discovery",
            "The folder {path}/ was skipped: it is hidden (its name starts with a dot).",
        )
    elif reason == HIDDEN:
        text = translate(
            "Discovery", "The file {path} was skipped: it is hidden (its name starts with a dot)."
        )
    elif reason == DEEP:
        text = translate(
            "Discovery",
            "The folder {path}/ was skipped: it is more than {depth} folder levels deep.",
        )
    elif reason == NOT_A_FILE:
        text = translate("Discovery", "The file {path} was skipped: it is not a regular file.")
    elif reason == LINKED_FOLDER:
        text = translate(
            "Discovery",
            "The folder {path}/ was skipped: it is a link to a folder that is already read as "
            "part of the library.",
        )
    else:
        text = translate("Discovery", "The folder {path}/ was skipped: {reason}.")
        reason = translate("Discovery", reason)
    message = text.format(path=relpath, depth=MAX_DEPTH, reason=reason)
    return Problem(relpath, "skipped", message)


def stopped(relpath: str, limit: str) -> Problem:
    """Where a walk stopped at one of its limits (TOO_MANY_ENTRIES or TOO_MANY_CHAPTERS)."""
    if limit == TOO_MANY_ENTRIES:
        text = translate(
            "Discovery",
            "Reading stopped here: the library holds more than {count} files and folders. "
            "Open a smaller folder as the library.",
        )
        count = MAX_ENTRIES
    else:
        text = translate(
            "Discovery",
            "Reading stopped here: the library holds more than {count} chapter files. "
            "Open a smaller folder as the library.",
        )
        count = MAX_CHAPTER_FILES
    return Problem(relpath or ".", "skipped", text.format(count=number(count)))
