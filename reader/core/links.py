"""Decide what a link in a chapter leads to: a place in the reader, the web, or nowhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from reader.core.library import Library

LinkKind = Literal["anchor", "chapter", "external", "blocked"]
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class LinkTarget:
    """Where a clicked link goes; `url` is set for external links only."""

    kind: LinkKind
    slug: str | None = None
    anchor: str | None = None
    url: str | None = None


def classify_link(href: str, current_slug: str, library: Library) -> LinkTarget:
    """Classify `href` from chapter `current_slug`: only http(s) ever leaves the reader."""
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
        return LinkTarget("blocked")
    path, _, anchor = href.partition("#")
    anchor_id = unquote(anchor) or None
    if not path:
        return (
            LinkTarget("anchor", slug=current_slug, anchor=anchor_id)
            if anchor_id
            else LinkTarget("blocked")
        )
    relpath = unquote(path).replace("\\", "/").removeprefix("./")
    chapter = library.by_relpath(relpath)
    if chapter is None:
        return LinkTarget("blocked")
    return LinkTarget("chapter", slug=chapter.slug, anchor=anchor_id)
