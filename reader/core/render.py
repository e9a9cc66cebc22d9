"""Turn a chapter's Markdown into the HTML the viewer shows, with its headings and images."""

from __future__ import annotations

import html as htmllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions.toc import TocExtension, slugify_unicode

from reader.core.sanitize import ImageRef, sanitize


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


def _converter() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            # No permalink: it would add a visible character to every heading.
            TocExtension(slugify=slugify_unicode, toc_depth="1-6"),
            "tables",
            "fenced_code",
            "sane_lists",
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
