"""Decide what a link in a chapter leads to: a place in the reader, the web, or nowhere.

Relative links resolve from the linking chapter's own folder, the way GitHub and mdBook
resolve them, and never leave the library: `../2-regression/README.md#part`, a folder (its
`README.md` or `index.md`), mdBook's `ch04-01-ownership.html` for `ch04-01-ownership.md`,
and a path starting with `/` (the library's top, as on GitHub).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from reader.core.i18n import translate
from reader.core.library import Chapter, Library

LinkKind = Literal["anchor", "chapter", "external", "blocked", "file", "missing", "outside"]
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_PAGE_SUFFIXES = (".html", ".htm")
_FOLDER_CHAPTERS = ("README.md", "index.md", "readme.md", "Readme.md", "INDEX.md", "Index.md")


@dataclass(frozen=True)
class LinkTarget:
    """Where a clicked link goes.

    `url` is set for external links only; `path` is the library-relative path a relative
    link points at (for `file`, `missing` and `outside`, to tell the reader or the author);
    `reason` says in words why a link goes nowhere.
    """

    kind: LinkKind
    slug: str | None = None
    anchor: str | None = None
    url: str | None = None
    path: str | None = None
    reason: str = ""

    @property
    def opens(self) -> bool:
        """Whether following the link shows something inside the reader or the web dialog."""
        return self.kind in ("anchor", "chapter", "external")


def _blocked(reason: str) -> LinkTarget:
    return LinkTarget("blocked", reason=reason)


def classify_link(href: str, current_slug: str, library: Library) -> LinkTarget:
    """Classify `href` written in chapter `current_slug`: only http(s) ever leaves the reader."""
    href = href.strip()
    scheme = _SCHEME_RE.match(href)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https") and urlsplit(href).netloc:
            return LinkTarget("external", url=href)
        if name == "chapter":
            slug, _, anchor = href[len("chapter:") :].partition("#")
            if library.by_slug(slug):
                return LinkTarget("chapter", slug=slug, anchor=unquote(anchor) or None)
            reason = translate("Links", 'There is no chapter "{slug}" in this library.')
            return _blocked(reason.format(slug=slug))
        if name == "mailto":
            return _blocked(translate("Links", "E-mail links are not opened by Field Reader."))
        reason = translate("Links", "Links of the kind {scheme}: are not opened by Field Reader.")
        return _blocked(reason.format(scheme=name))
    if href.startswith("//"):
        return _blocked(
            translate("Links", "This link has no scheme; Field Reader does not guess one.")
        )
    path, _, anchor = href.partition("#")
    path = path.partition("?")[0]
    anchor_id = unquote(anchor) or None
    if not path:
        if anchor_id:
            return LinkTarget("anchor", slug=current_slug, anchor=anchor_id)
        return _blocked(translate("Links", "This link does not lead anywhere."))
    current = library.by_slug(current_slug)
    folder = posixpath.dirname(current.relpath) if current is not None else ""
    relpath = library_path(unquote(path), folder)
    if relpath is None:
        return LinkTarget(
            "outside",
            path=unquote(path),
            reason=translate(
                "Links", "This link points outside the course library and is not opened."
            ),
        )
    chapter = chapter_at(relpath, library)
    if chapter is not None:
        if chapter.slug == current_slug and anchor_id:
            return LinkTarget("anchor", slug=current_slug, anchor=anchor_id)
        return LinkTarget("chapter", slug=chapter.slug, anchor=anchor_id)
    kind = library.files.kind(relpath)
    if kind is not None:
        if kind == "folder":
            reason = translate(
                "Links", "{path} is a folder of the course that Field Reader does not show."
            )
        else:
            reason = translate(
                "Links", "{path} is a file of the course that Field Reader does not show."
            )
        path = relpath.rstrip("/")
        return LinkTarget("file", path=path, reason=reason.format(path=path))
    reason = translate("Links", "{path} is not in this copy of the course.")
    return LinkTarget("missing", path=relpath, reason=reason.format(path=relpath))


def library_path(path: str, folder: str) -> str | None:
    """`path` as written in a chapter of `folder`, made relative to the library's top.

    None when it leaves the library (more `..` than folders, a drive letter) or names a
    character no file can have. A leading `/` means the library's top, as on GitHub.
    """
    cleaned = path.replace("\\", "/").strip()
    if not cleaned or "\x00" in cleaned or re.match(r"^[A-Za-z]:", cleaned):
        return None
    if cleaned.startswith("/"):
        joined = cleaned.lstrip("/")
    else:
        joined = posixpath.join(folder, cleaned) if folder else cleaned
    normal = posixpath.normpath(joined)
    if normal == "." or normal == "":
        return ""
    if normal == ".." or normal.startswith("../") or normal.startswith("/"):
        return None
    return normal + ("/" if cleaned.endswith("/") else "")


def _candidates(relpath: str) -> list[str]:
    """The chapter files a library-relative link target may mean, most likely first."""
    bare = relpath.rstrip("/")
    out: list[str] = []
    if not relpath.endswith("/") and bare:
        out.append(bare)
        stem, ext = posixpath.splitext(bare)
        lowered = ext.lower()
        if lowered in _PAGE_SUFFIXES:
            # mdBook writes x.md as x.html, and a folder's README.md as its index.html.
            out.append(stem + ".md")
            if posixpath.basename(stem).lower() == "index":
                parent = posixpath.dirname(stem)
                out.extend(posixpath.join(parent, name) for name in _FOLDER_CHAPTERS)
        elif not lowered:
            out.append(bare + ".md")
    out.extend(posixpath.join(bare, name) if bare else name for name in _FOLDER_CHAPTERS)
    return out


def chapter_at(relpath: str, library: Library) -> Chapter | None:
    """The chapter a library-relative link target names, or None."""
    candidates = _candidates(relpath)
    for candidate in candidates:
        chapter = library.by_relpath(candidate)
        if chapter is not None:
            return chapter
    for candidate in candidates:  # links written with other capitals (Windows authors)
        chapter = library.find_relpath(candidate)
        if chapter is not None:
            return chapter
    return None
