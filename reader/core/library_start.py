"""Which library a start opens: the one asked for, else the one open last, else the bundled one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.i18n import translate
from reader.core.library import Library
from reader.core.library_list import LibraryEntry, pack_kind, read_list
from reader.core.pack import PackError, open_library

__all__ = ["StartLibrary", "choose_start_library", "unusable_note"]


def _unlisted(path: str) -> LibraryEntry:
    """An entry for the library at `path`, no longer in the list: named by its file name."""
    return LibraryEntry(path, "", Path(path).name or path, pack_kind(Path(path)))


@dataclass(frozen=True)
class StartLibrary:
    """The library to open: its path, the library if already opened, and why it was chosen.

    `library` is None for the bundled library, which is loaded as ever; `note` says why
    the library open last was not opened again.
    """

    path: Path
    library: Library | None = None
    note: str | None = None
    title: str = ""


def unusable_note(title: str, reason: str) -> str:
    """Why the library open last (`title`) is not open again: `reason`, in a sentence."""
    note = translate(
        "LibraryStart",
        "The library “{title}” could not be opened again: {reason} The bundled library "
        "is open instead.",
    )
    return note.format(title=title, reason=reason)


def choose_start_library(
    requested: Path | None,
    list_file: Path,
    bundled: Path,
    cache_file: Path | None = None,
    *,
    load: bool = True,
    own_last: str | None = None,
) -> StartLibrary:
    """The library a start opens (`requested` by --content or a reopen; PackError if unusable).

    Without a request, the library open last (the first of the list in `list_file`) is
    opened again if it is still there and opens; else the bundled one, with a note saying
    why. With `load` False the library is not opened, only found: the caller opens it
    (and gives `unusable_note(start.title, ...)` if that fails). `own_last` is where the
    library this reader had open last is ("" for the bundled one): it comes before the
    list's, so that readers sharing a computer each resume their own course.
    """
    if requested is not None:
        if not load:
            return StartLibrary(requested)
        return StartLibrary(requested, open_library(requested, cache_file))
    listing = read_list(list_file)
    last = listing.last_open()
    if own_last == "":
        return StartLibrary(bundled)
    if own_last is not None:
        own = [e for e in listing.entries if e.path == own_last]
        last = own[0] if own else _unlisted(own_last)
    if last is None or last.bundled:
        return StartLibrary(bundled)
    path = Path(last.path)
    if not path.exists():
        note = translate(
            "LibraryStart",
            "The library “{title}” is not at {path} any more (a drive unplugged?), so the "
            "bundled library is open. Choose another from the Library menu.",
        )
        return StartLibrary(bundled, note=note.format(title=last.title, path=path))
    if not load:
        return StartLibrary(path, title=last.title)
    try:
        return StartLibrary(path, open_library(path, cache_file))
    except PackError as error:
        return StartLibrary(bundled, note=unusable_note(last.title, error.message))
