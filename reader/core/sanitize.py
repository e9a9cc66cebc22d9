"""Rewrite rendered chapter HTML into the safe subset the viewer shows, resolving images."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

ImageStatus = Literal["found", "missing", "unsafe"]

# Tags Qt's rich text understands and that chapter authors need; anything else is
# unwrapped (its text kept), and the tags in _DROP_WITH_CONTENT vanish entirely.
_ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "big",
        "blockquote",
        "br",
        "center",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
    ]
)
_DROP_WITH_CONTENT = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "iframe",
        "object",
        "embed",
        "applet",
        "template",
        "textarea",
        "select",
        "noscript",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "form",
        "button",
    ]
)
_VOID = frozenset({"br", "hr", "img"})
_ALLOWED_ATTRS: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "align", "dir"}),
    "a": frozenset({"href", "name"}),
    "ol": frozenset({"start", "type"}),
    "td": frozenset({"colspan", "rowspan", "valign"}),
    "th": frozenset({"colspan", "rowspan", "valign"}),
}
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PERCENT_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%\s*$")
_STRETCH_WIDTH = 20000
_PIXELS_RE = re.compile(r"^\s*(\d{1,5})\s*(?:px)?\s*$")


@dataclass(frozen=True)
class ImageRef:
    """An image referenced by a chapter: as written, and what became of it."""

    src: str
    alt: str
    status: ImageStatus
    path: Path | None
    width_percent: float | None
    width_pixels: int | None

    @property
    def label(self) -> str:
        """The name shown for the figure: its alt text, else its file name."""
        if self.alt.strip():
            return self.alt.strip()
        name = self.src.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return unquote(name) or "figure"


class ImageResolver:
    """Resolves a chapter's image sources inside the library `root`, refusing any that leave it.

    Every symbolic link on the way is followed (a link out of the library is refused), but
    each folder is resolved once per chapter, not once per image: a chapter with a hundred
    figures in one folder costs a hundred file checks, not a walk of every path.
    """

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()
        self._folders: dict[str, Path] = {}

    def resolve(self, src: str) -> tuple[ImageStatus, Path | None]:
        """The status of image `src` ("found", "missing" or "unsafe") and its real path."""
        cleaned = unquote(src.strip().replace("\\", "/"))
        if not cleaned or _SCHEME_RE.match(cleaned) or cleaned.startswith("/") or "\x00" in cleaned:
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


def resolve_image(src: str, root: Path) -> tuple[ImageStatus, Path | None]:
    """Resolve one image `src` inside the library `root`; refuse anything that leaves it."""
    return ImageResolver(root).resolve(src)


def image_url(index: int, ref: ImageRef) -> str:
    """The URL the viewer is asked to load for image number `index` of a chapter."""
    return f"{'image' if ref.status == 'found' else 'placeholder'}:{index}"


class _Rewriter(HTMLParser):
    def __init__(self, root: Path) -> None:
        super().__init__(convert_charrefs=True)
        self._images = ImageResolver(root)
        self._out: list[str] = []
        self._drop_depth = 0
        self._open: list[str] = []
        self.images: list[ImageRef] = []

    def html(self) -> str:
        while self._open:
            self._out.append(f"</{self._open.pop()}>")
        return "".join(self._out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if tag in _DROP_WITH_CONTENT:
            if not closed:
                self._drop_depth += 1
            return
        if self._drop_depth or tag not in _ALLOWED_TAGS:
            return
        values = {name: value or "" for name, value in attrs}
        if tag == "img":
            self._out.append(self._image(values))
            return
        allowed = _ALLOWED_ATTRS["*"] | _ALLOWED_ATTRS.get(tag, frozenset())
        kept = "".join(
            f' {name}="{escape(value, quote=True)}"'
            for name, value in values.items()
            if name in allowed
        )
        self._out.append(f"<{tag}{kept}>")
        if tag not in _VOID and not closed:
            self._open.append(tag)

    def _image(self, values: dict[str, str]) -> str:
        src = values.get("src", "")
        status, path = self._images.resolve(src)
        width = values.get("width", "")
        percent = _PERCENT_RE.match(width)
        pixels = _PIXELS_RE.match(width)
        ref = ImageRef(
            src=src,
            alt=values.get("alt", ""),
            status=status,
            path=path,
            width_percent=min(float(percent.group(1)), 100.0) if percent else None,
            width_pixels=int(pixels.group(1)) if pixels and not percent else None,
        )
        index = len(self.images)
        self.images.append(ref)
        # Qt's rich text cannot parse percent widths (the image would vanish). A share of
        # the column is written as a very wide image shrunk by max-width, which Qt applies
        # against the text width and re-applies on every resize; nothing is ever wider
        # than the column.
        if ref.width_percent is not None:
            size = f' width="{_STRETCH_WIDTH}" style="max-width:{ref.width_percent:g}%"'
        elif ref.width_pixels is not None:
            size = f' width="{ref.width_pixels}" style="max-width:100%"'
        else:
            size = ' style="max-width:100%"'
        alt = escape(ref.label, quote=True)
        return f'<img src="{image_url(index, ref)}" alt="{alt}" title="{alt}"{size} />'

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_WITH_CONTENT:
            self._drop_depth = max(0, self._drop_depth - 1)
            return
        if self._drop_depth or tag not in self._open:
            return
        while self._open:
            top = self._open.pop()
            self._out.append(f"</{top}>")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._drop_depth:
            self._out.append(escape(data, quote=False))


def sanitize(html: str, root: Path) -> tuple[str, tuple[ImageRef, ...]]:
    """Keep the safe subset of `html`, rewriting each image to a viewer URL; list the images."""
    rewriter = _Rewriter(root)
    rewriter.feed(html)
    rewriter.close()
    return rewriter.html(), tuple(rewriter.images)
