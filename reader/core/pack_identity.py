"""Who a library is: an id that keeps its notes apart from other libraries', and its title.

The bundled library is always `BUNDLED_LIBRARY_ID`. Any other library is named by a
metadata file at its top when it has one, else by an id derived from what stays the same
when the pack is moved, renamed or updated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reader.core.library import Library

__all__ = ["BUNDLED_LIBRARY_ID", "LibraryInfo", "bundled_info", "identify", "identify_library"]

BUNDLED_LIBRARY_ID = "bundled"
"""The id of the chapters shipped with the reader; notes made before libraries had ids."""

_WORD_RE = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class LibraryInfo:
    """A library's identity and what the Library menu shows of it."""

    id: str
    title: str
    version: str = ""
    language: str = ""
    authors: tuple[str, ...] = ()


def bundled_info(library: Library) -> LibraryInfo:
    """The identity of the bundled library."""
    title = library.chapters[0].title if len(library.chapters) == 1 else "Field Reader"
    return LibraryInfo(BUNDLED_LIBRARY_ID, title)


def identify(library: Library) -> LibraryInfo:
    """The identity of `library`, derived from its title (a first version, see below)."""
    title = library.chapters[0].title if library.chapters else library.root.name
    folded = unicodedata.normalize("NFKC", title).casefold()
    return LibraryInfo("derived:" + _WORD_RE.sub("-", folded).strip("-"), title)


def identify_library(library: Library, bundled_root: Path) -> LibraryInfo:
    """The identity of `library`: the bundled one (at `bundled_root`) has a fixed id."""
    if library.root == bundled_root.resolve():
        return bundled_info(library)
    return identify(library)
