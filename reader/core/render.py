"""Turn a chapter's Markdown into the HTML the viewer shows, with its headings and images."""

from __future__ import annotations

import html as htmllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.sanitize import ImageRef, sanitize

if TYPE_CHECKING:
    from markdown import Markdown


@dataclass(frozen=True)
class Heading:
    """A heading of a chapter: Markdown level (1-6), title text and navigation id."""

    level: int
    title: str
    id: str


@dataclass(frozen=True)
class RenderedChapter:
    """A chapter ready for the viewer: safe HTML, its headings in order and its images."""

    html: str
    headings: tuple[Heading, ...]
    images: tuple[ImageRef, ...]


def _converter() -> Markdown:
    # Imported when a chapter is first converted, not when the reader starts; extension
    # objects (not names) spare python-markdown a ~30 ms scan of installed entry points.
    from markdown import Markdown
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension, slugify_unicode

    return Markdown(
        extensions=[
            # No permalink: it would add a visible character to every heading.
            TocExtension(slugify=slugify_unicode, toc_depth="1-6"),
            TableExtension(),
            FencedCodeExtension(),
            SaneListExtension(),
        ],
        output_format="html",
    )


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(
            Heading(int(token["level"]), htmllib.unescape(str(token["name"])), str(token["id"]))
        )
        out.extend(_flatten(token.get("children", [])))
    return out


def render_markdown(body: str, root: Path) -> RenderedChapter:
    """Render Markdown `body` whose images resolve inside the library folder `root`."""
    converter = _converter()
    raw = converter.convert(body)
    headings = _flatten(getattr(converter, "toc_tokens", []))
    safe, images = sanitize(raw, root)
    return RenderedChapter(safe, tuple(headings), images)
