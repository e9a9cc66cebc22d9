"""The files of a library, read by their path relative to its top: a folder on disk, or a
course pack's zip file read in place (reader/core/zip_pack.py).

Everything that reads a library's files (chapters, figures, the book's table of contents,
the metadata file, links to files) goes through one of these, so a zip pack works wherever
a folder does. A folder's chapters keep reading their files directly (the fast path); the
zip's are read from the archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.rendered import FigureFiles, ImageResolver, Resolver

if TYPE_CHECKING:
    from reader.core.discovery import Discovery
    from reader.core.image_size import ImageSize

__all__ = ["FileTooLargeError", "FolderFiles", "LibraryFiles", "figure_size"]


class FileTooLargeError(OSError):
    """A file of the library is larger than what the reader would read of it."""


class LibraryFiles:
    """The files of a library, by their posix path relative to its top.

    `root` is what the library is named by: the folder, or the zip file. Paths handed out
    (`path_of`) are `root / relpath`; for a zip they name no file on disk and are read back
    with `read_path`.
    """

    on_disk = True
    """Whether `path_of` names real files (a folder) rather than entries of an archive."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def name(self) -> str:
        """The library's own name: its folder's (for a zip, its top folder's or its stem)."""
        return self.root.name

    @property
    def cache_key(self) -> str:
        """What the metadata cache is keyed on: changes whenever its entries may be stale."""
        return str(self.root)

    def path_of(self, relpath: str) -> Path:
        """The path standing for `relpath` (a real file in a folder)."""
        return self.root / relpath

    def relpath_of(self, path: Path) -> str | None:
        """The library-relative posix path of `path`, or None when it is not in the library."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return None

    def read(self, relpath: str, limit: int | None = None) -> bytes:
        """The bytes of file `relpath`; OSError when it cannot be read (FileTooLargeError
        when it is over `limit` bytes)."""
        raise NotImplementedError

    def read_path(self, path: Path, limit: int | None = None) -> bytes:
        """The bytes of the file `path_of` named `path` (as `read`)."""
        relpath = self.relpath_of(path)
        if relpath is None:
            raise FileNotFoundError(f"{path} is not a file of the library")
        return self.read(relpath, limit)

    def head(self, path: Path, size: int) -> bytes:
        """At most the first `size` bytes of the file `path`."""
        raise NotImplementedError

    def kind(self, relpath: str) -> str | None:
        """ "file", "folder", or None when nothing of that path is in the library."""
        raise NotImplementedError

    def is_file(self, relpath: str) -> bool:
        """Whether `relpath` names a file of the library."""
        return self.kind(relpath) == "file"

    def discover(self, *, skip_book: bool = False) -> Discovery:
        """Every chapter file, what was left out and why (OSError: the top is unreadable)."""
        raise NotImplementedError

    def find_summary(self) -> str | None:
        """The relpath of the SUMMARY.md that defines the library (mdBook), or None."""
        from reader.core.summary import book_source_candidates

        book = self.read_small("book.toml") if self.is_file("book.toml") else None
        for candidate in book_source_candidates(book):
            if self.is_file(candidate):
                return candidate
        return None

    def read_small(self, relpath: str, limit: int = 1024 * 1024) -> bytes | None:
        """The bytes of a small file (a book.toml, a metadata file), or None if unreadable."""
        try:
            return self.read(relpath, limit)
        except OSError:
            return None

    def names(self, limit: int) -> list[str]:
        """The relpaths of up to `limit` files, hidden folders and dependencies left out."""
        raise NotImplementedError

    def image_resolver(self, base: str) -> Resolver:
        """What resolves the image sources of a chapter in folder `base`."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the files hold open (nothing, for a folder)."""


class FolderFiles(LibraryFiles):
    """A library folder on disk."""

    def read(self, relpath: str, limit: int | None = None) -> bytes:
        """The bytes of file `relpath` of the folder (never through a link out of it)."""
        path = self.root / relpath
        if path.is_symlink() and not path.resolve().is_relative_to(self.root):
            raise PermissionError(f"{relpath} is a link out of the library")
        with path.open("rb") as handle:
            data = handle.read(-1 if limit is None else limit + 1)
        if limit is not None and len(data) > limit:
            raise FileTooLargeError(f"{relpath} is larger than {limit:,} bytes")
        return data

    def head(self, path: Path, size: int) -> bytes:
        """At most the first `size` bytes of the file `path`."""
        with path.open("rb") as handle:
            return handle.read(size)

    def kind(self, relpath: str) -> str | None:
        """ "file", "folder" or None for `relpath` in the folder."""
        target = self.root / relpath
        try:
            return "file" if target.is_file() else "folder" if target.is_dir() else None
        except OSError:
            return None

    def discover(self, *, skip_book: bool = False) -> Discovery:
        """Walk the folder (reader.core.discovery)."""
        from reader.core.discovery import discover

        return discover(self.root, skip_book=skip_book)

    def find_summary(self) -> str | None:
        """The folder's SUMMARY.md, never one reached through a link out of the library."""
        from reader.core.summary import find_summary

        found = find_summary(self.root)
        return None if found is None else found.relative_to(self.root).as_posix()

    def names(self, limit: int) -> list[str]:
        """The folder's files, walked in name order (hidden and dependency folders left out)."""
        import os

        found: list[str] = []
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in NOT_CONTENT)
            rel = Path(folder).relative_to(self.root).as_posix()
            for name in sorted(files):
                found.append(name if rel == "." else f"{rel}/{name}")
                if len(found) >= limit:
                    return found
        return found

    def image_resolver(self, base: str) -> ImageResolver:
        """Images resolve on disk, links followed but never out of the folder."""
        return ImageResolver(self.root, base)


# Folders never worth listing as places a link's target may be.
NOT_CONTENT = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def figure_size(path: Path, files: FigureFiles | None) -> ImageSize | None:
    """The size figure `path` declares in its first bytes (read from `files`, a zip pack's,
    when given: ImageRef.files)."""
    from reader.core.image_size import HEAD_BYTES, image_size, image_size_of

    if files is None:
        return image_size(path)
    try:
        return image_size_of(files.head(path, HEAD_BYTES))
    except OSError:
        return None
