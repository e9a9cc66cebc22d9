"""One chapter of a library, as the rest of the reader sees it (reader/core/library.py finds them).

Kept apart from the library's loading so that the modules that put a library together
(reader/core/assembly.py) can name a chapter without importing the loader that calls them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NewType

if TYPE_CHECKING:
    from reader.core.library_files import LibraryFiles

__all__ = ["Chapter", "ChapterChangedError", "Slug", "sha256_hex"]

Slug = NewType("Slug", str)
_UNSHOWN = ("kept_body=", "files=")


class ChapterChangedError(OSError):
    """A chapter's file changed (or vanished) on disk after the library was loaded."""


class Chapter(NamedTuple):
    """One chapter: its front matter, where its Markdown body is, and where it came from.

    The body is read from the file when asked for (a library of a thousand chapters need
    not hold them all in memory); `body_span` is where it sits in the file's text.
    `parent` is the chapter it is listed under in the Contents (None: the top level), and
    `part` the mdBook part title it belongs to, if any.

    A NamedTuple (not a dataclass: making one of those costs about 2 ms of every start,
    and each of 10,000 chapters would carry a dict); `kept_body` and `files` take no part
    in equality, like the reader's other records.
    """

    slug: Slug
    title: str
    abstract: str
    order: float | None
    path: Path
    relpath: str
    content_hash: str
    body_span: tuple[int, int] | None = None
    # The body, when it could not be located by a span (kept in memory instead).
    kept_body: str | None = None
    parent: Slug | None = None
    part: str | None = None
    # Where the file is read from when `path` names no file on disk (a zip pack).
    files: LibraryFiles | None = None

    def _compared(self) -> tuple[object, ...]:
        return (*self[:8], self.parent, self.part)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chapter):
            return NotImplemented
        return self._compared() == other._compared()

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = (f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"Chapter({', '.join(part for part in shown if not part.startswith(_UNSHOWN))})"

    @property
    def body(self) -> str:
        """The chapter's Markdown (without front matter), read from its file."""
        if self.kept_body is not None or self.body_span is None:
            return self.kept_body or ""
        try:
            data = self.path.read_bytes() if self.files is None else self.files.read(self.relpath)
        except OSError as error:
            raise ChapterChangedError(
                f"{self.relpath} can no longer be read ({error.strerror})."
            ) from None
        if sha256_hex(data) != self.content_hash:
            raise ChapterChangedError(
                f"{self.relpath} changed on disk since the library was loaded."
            )
        start, length = self.body_span
        return data.decode("utf-8-sig")[start : start + length]


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 of `data`; hashlib loads only when a file is read (not at every start)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()
