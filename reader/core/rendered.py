"""What rendering a chapter gives: its HTML, headings, images, links and issues.

Plain values, apart from the Markdown and HTML machinery that makes them: a chapter shown
from the render cache needs these, not the parser or the cleaner (nor their start-up cost).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Literal, NamedTuple, Protocol
from urllib.parse import unquote

ImageStatus = Literal["found", "missing", "unsafe"]

_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class Heading(NamedTuple):
    """A heading of a chapter: Markdown level (1-6), title text and navigation id."""

    level: int
    title: str
    id: str


class ImageRef(NamedTuple):
    """An image referenced by a chapter: as written, and what became of it.

    (A NamedTuple, not a dataclass: making one of those costs every start about 2 ms.
    `files` takes no part in equality.)
    """

    src: str
    alt: str
    status: ImageStatus
    path: Path | None
    width_percent: float | None
    width_pixels: int | None
    height_pixels: int | None = None
    svg: bool = False
    # Where a found figure is read from when `path` names no file on disk (a zip pack).
    files: FigureFiles | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ImageRef):
            return NotImplemented
        return self[:8] == other[:8]

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self[:8])

    def __repr__(self) -> str:
        shown = zip(self._fields[:8], self[:8], strict=True)
        return f"ImageRef({', '.join(f'{name}={value!r}' for name, value in shown)})"

    @property
    def label(self) -> str:
        """The name shown for the figure: its alt text, else its file name."""
        if self.alt.strip():
            return self.alt.strip()
        name = self.src.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return unquote(name) or "figure"


class FigureFiles(Protocol):
    """The files a figure that is not on disk is read from (a course pack's zip)."""

    def read_path(self, path: Path, limit: int | None = None) -> bytes:
        """The bytes of the file standing at `path` (OSError when it cannot be read)."""
        ...

    def head(self, path: Path, size: int) -> bytes:
        """The first bytes of the file standing at `path`."""
        ...


class Resolver(Protocol):
    """Resolves the image sources of one chapter (ImageResolver, or a zip pack's)."""

    @property
    def files(self) -> FigureFiles | None:
        """Where the figures found are read from; None: their paths are files on disk."""
        ...

    def resolve(self, src: str) -> tuple[ImageStatus, Path | None]:
        """The status of image `src` ("found", "missing" or "unsafe") and its path."""
        ...


class FileTree(Protocol):
    """A library's files, giving the resolver of a chapter's images (see library_files)."""

    def image_resolver(self, base: str) -> Resolver:
        """The resolver for a chapter in folder `base`."""
        ...


def relative_source(src: str, base: str) -> str | None:
    """Image `src` of a chapter in folder `base`, as a path from the library's top; None
    when it is a URL, absolute, or leaves the library."""
    cleaned = unquote(src.strip().replace("\\", "/"))
    if not cleaned or _SCHEME_RE.match(cleaned) or cleaned.startswith("/") or "\x00" in cleaned:
        return None
    joined = posixpath.normpath(f"{base}/{cleaned}" if base else cleaned)
    if joined == ".." or joined.startswith("../"):
        return None
    return joined


def resolver_for(root: Path | FileTree, base: str = "") -> Resolver:
    """The image resolver of a chapter in folder `base` of the library folder or files `root`."""
    if isinstance(root, Path):
        return ImageResolver(root, base)
    return root.image_resolver(base)


class ImageResolver:
    """Resolves a chapter's image sources inside the library `root`, refusing any that leave it.

    Sources are relative to the chapter's folder `base` (posix, relative to `root`; "" for
    the top). Every symbolic link on the way is followed (a link out of the library is
    refused), but each folder is resolved once per chapter, not once per image: a chapter
    with a hundred figures in one folder costs a hundred file checks, not a walk of every path.
    """

    files: FigureFiles | None = None  # figures found are files on disk

    def __init__(self, root: Path, base: str = "") -> None:
        self._root = root.resolve()
        self._base = base.strip("/")
        self._folders: dict[str, Path] = {}

    def resolve(self, src: str) -> tuple[ImageStatus, Path | None]:
        """The status of image `src` ("found", "missing" or "unsafe") and its real path."""
        cleaned = unquote(src.strip().replace("\\", "/"))
        if not cleaned or _SCHEME_RE.match(cleaned) or cleaned.startswith("/") or "\x00" in cleaned:
            return "unsafe", None
        if self._base:
            # Normalised as text first: "../x" from "a/b" is "a/x" whatever links "a/b" is.
            cleaned = posixpath.normpath(f"{self._base}/{cleaned}")
            if cleaned == ".." or cleaned.startswith("../"):
                return "unsafe", None
        folder, _, name = cleaned.rpartition("/")
        try:
            if name in ("", ".", ".."):
                resolved = (self._root / cleaned).resolve()
            else:
                resolved = self._folder(folder) / name
                if resolved.is_symlink():
                    resolved = resolved.resolve()
        except (OSError, RuntimeError, ValueError):
            return "unsafe", None
        if not resolved.is_relative_to(self._root):
            return "unsafe", None
        return ("found" if resolved.is_file() else "missing"), resolved

    def _folder(self, folder: str) -> Path:
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = (self._root / folder).resolve()
        return found


def resolve_image(src: str, root: Path, base: str = "") -> tuple[ImageStatus, Path | None]:
    """Resolve one image `src` of a chapter in folder `base`; refuse anything leaving `root`."""
    return ImageResolver(root, base).resolve(src)


def image_url(index: int, ref: ImageRef) -> str:
    """The URL the viewer is asked to load for image number `index` of a chapter."""
    return f"{'image' if ref.status == 'found' else 'placeholder'}:{index}"


class RenderedChapter(NamedTuple):
    """A chapter ready for the viewer: safe HTML, its headings, images, links and issues.

    `links` holds every link target as written, in order; `issues` holds (kind, message)
    pairs such as ("unclosed-fence", ...) or ("too-deep", ...), described in plain words.
    """

    html: str
    headings: tuple[Heading, ...]
    images: tuple[ImageRef, ...]
    links: tuple[str, ...] = ()
    issues: tuple[tuple[str, str], ...] = ()
