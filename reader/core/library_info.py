"""A library's identity as the rest of the program holds it (worked out in pack_identity).

Kept apart from the code that works an identity out, which a restart does not run: the
snapshot of the last scan carries the identity.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["BUNDLED_LIBRARY_ID", "LibraryInfo"]

BUNDLED_LIBRARY_ID = "bundled"
"""The id of the chapters shipped with the reader; notes made before libraries had ids."""


class LibraryInfo(NamedTuple):
    """A library's identity and what the Library menu shows of it."""

    id: str
    title: str
    version: str = ""
    language: str = ""
    authors: tuple[str, ...] = ()
