"""The identity of the library a command works on: its notes are the ones with its id."""

from __future__ import annotations

from reader.core.library import Library
from reader.core.pack_identity import LibraryInfo, identify_library
from reader.paths import bundled_content_dir

__all__ = ["library_info"]


def library_info(library: Library) -> LibraryInfo:
    """The identity of `library` (the bundled chapters' is always the bundled id)."""
    return identify_library(library, bundled_content_dir())
