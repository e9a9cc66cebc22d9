"""Export annotations as study notes (Markdown, HTML) or W3C Web Annotation JSON.

The JSON follows the W3C Web Annotation Data Model, so that other tools can read it and a
later import (see `reader.core.importing`) can merge it back without duplicates.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from reader.core.anchoring import TextPositionSelector
from reader.core.colours import colour_info
from reader.core.document import ChapterDocument, load_document
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.notes import Annotation, format_timestamp
from reader.core.placement import place_annotations
from reader.core.print_marks import blend

__all__ = [
    "FORMATS",
    "W3C_CONTEXT",
    "ChapterNotes",
    "ExportedNote",
    "Format",
    "collect",
    "dump_json",
    "export",
    "to_html",
    "to_markdown",
    "to_w3c_json",
    "w3c_collection",
]

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CHAPTER_SCHEME = "chapter:"

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")
State = Literal["anchored", "orphaned", "deleted"]
DocumentFor = Callable[[Chapter], ChapterDocument]


@dataclass(frozen=True)
class ExportedNote:
    """One annotation as exported: where it is in the current text, and in which section."""

    annotation: Annotation
    state: State
    position: TextPositionSelector | None
    section: str | None = None  # the heading's title


@dataclass(frozen=True)
class ChapterNotes:
    """The exported annotations of one chapter: placed ones in reading order, then orphans."""

    slug: str
    title: str
    in_library: bool
    notes: list[ExportedNote] = field(default_factory=list)

    @property
    def placed(self) -> list[ExportedNote]:
        """Annotations found in the chapter's current text."""
        return [n for n in self.notes if n.state == "anchored"]

    @property
    def orphaned(self) -> list[ExportedNote]:
        """Annotations whose passage is not in the chapter's current text."""
        return [n for n in self.notes if n.state == "orphaned"]


def collect(
    annotations: Iterable[Annotation],
    library: Library,
    *,
    reanchor: bool = True,
    document_for: DocumentFor | None = None,
) -> list[ChapterNotes]:
    """Group annotations by chapter (library order, then unknown slugs) and place them.

    With `reanchor`, each chapter's annotations are anchored in its current plain text,
    so positions and sections are today's. Without it (the sync file, written after every
    change) the stored positions are used as they are: the window keeps them current.
    """
    load = document_for or (lambda chapter: load_document(chapter, library.root))
    by_chapter: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_chapter.setdefault(annotation.chapter, []).append(annotation)
    order: dict[str, int] = {c.slug: i for i, c in enumerate(library.chapters)}
    slugs = sorted(by_chapter, key=lambda s: (order.get(s, len(order)), s))
    result: list[ChapterNotes] = []
    for slug in slugs:
        items = by_chapter[slug]
        chapter = library.by_slug(slug)
        live = [a for a in items if not a.deleted]
        tombstones = [ExportedNote(a, "deleted", None) for a in items if a.deleted]
        doc = None
        if chapter is not None and reanchor:
            # A chapter edited on disk since the library was read is exported with its
            # stored positions, as the sync file always is.
            with contextlib.suppress(ChapterChangedError):
                doc = load(chapter)
        if doc is not None:
            notes = _placed(live, doc)
        else:
            notes = [
                ExportedNote(a, "anchored" if a.target.position else "orphaned", a.target.position)
                for a in live
            ]
        notes.sort(key=_reading_order)
        title = chapter.title if chapter is not None else slug
        result.append(ChapterNotes(slug, title, chapter is not None, notes + tombstones))
    return result


def _placed(live: list[Annotation], doc: ChapterDocument) -> list[ExportedNote]:
    titles = {h.id: h.title for h in doc.rendered.headings}
    notes: list[ExportedNote] = []
    for placement in place_annotations(live, doc.plain, titles):
        span = placement.span
        if span is None:
            notes.append(ExportedNote(placement.annotation, "orphaned", None))
            continue
        position = TextPositionSelector(span.start, span.end)
        notes.append(ExportedNote(placement.annotation, "anchored", position, placement.section))
    return notes


def _reading_order(note: ExportedNote) -> tuple[int, int, str, str]:
    if note.position is not None:
        return (0, note.position.start, note.annotation.created, note.annotation.id)
    return (1, 0, note.annotation.created, note.annotation.id)


# -- W3C Web Annotation JSON ----------------------------------------------------------------


def w3c_item(note: ExportedNote) -> dict[str, Any]:
    """One annotation (or tombstone) as a W3C Web Annotation object."""
    a = note.annotation
    ident = f"urn:uuid:{a.id}"
    if note.state == "deleted":
        return {
            "id": ident,
            "type": "Annotation",
            "modified": a.modified,
            "target": {"source": CHAPTER_SCHEME + a.chapter},
            "state": "deleted",
        }
    quote = a.target.quote
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": quote.exact,
            "prefix": quote.prefix,
            "suffix": quote.suffix,
        }
    ]
    if note.position is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": note.position.start, "end": note.position.end}
        )
    item: dict[str, Any] = {
        "id": ident,
        "type": "Annotation",
        "created": a.created,
        "modified": a.modified,
        "motivation": "commenting" if a.note else "highlighting",
    }
    if a.note:
        item["body"] = {"type": "TextualBody", "value": a.note, "format": "text/plain"}
    item["target"] = {
        "source": CHAPTER_SCHEME + a.chapter,
        "styleClass": a.colour,
        "selector": selectors,
    }
    item["state"] = note.state
    return item


def w3c_collection(
    chapters: Sequence[ChapterNotes], generated: str | None = None
) -> dict[str, Any]:
    """A W3C AnnotationCollection holding every note of `chapters` (tombstones included)."""
    items = [w3c_item(note) for chapter in chapters for note in chapter.notes]
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "generator": "Field Reader",
        "generated": generated or _now(),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dump_json(collection: dict[str, Any]) -> str:
    """The text of a collection as written to files."""
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def to_w3c_json(chapters: Sequence[ChapterNotes], generated: str | None = None) -> str:
    """The W3C AnnotationCollection of `chapters` as JSON text."""
    return dump_json(w3c_collection(chapters, generated))


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


# -- Markdown study notes -------------------------------------------------------------------

# Characters that Markdown (CommonMark) may read as markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
# Line starts that begin a heading, list, quote, rule or table.
_MD_LINE_START = re.compile(r"^(\s*)(#|[-+=]|\d+[.)])")


def _md_escape_line(line: str) -> str:
    escaped = _MD_INLINE.sub(r"\\\1", line)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _md_quote(text: str) -> list[str]:
    """`text` as block-quote lines: every line prefixed, so nothing can end the quote."""
    return [f"> {_md_escape_line(line)}".rstrip() for line in text.splitlines() or [""]]


def _day(timestamp: str) -> str:
    moment = datetime.strptime(timestamp[:10], "%Y-%m-%d")
    return f"{moment.day} {moment:%B %Y}"


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def to_markdown(chapters: Sequence[ChapterNotes], generated: str | None = None) -> str:
    """Study notes in Markdown: chapter and section headings, each highlight a block quote."""
    live = [c for c in chapters if c.placed or c.orphaned]
    total = sum(len(c.placed) + len(c.orphaned) for c in live)
    out = [
        "# Study notes",
        "",
        f"Exported from Field Reader on {_day(generated or _now())}: "
        f"{_counted(total, 'highlight')}.",
        "",
    ]
    for chapter in live:
        title = chapter.title if chapter.in_library else f"{chapter.slug} (not in this library)"
        out += [f"## {_md_escape_line(title)}", ""]
        section: str | None = None
        for note in chapter.placed:
            if note.section and note.section != section:
                section = note.section
                out += [f"### {_md_escape_line(section)}", ""]
            out += _md_note(note)
        if chapter.orphaned:
            heading = "Not found in the current text" if chapter.in_library else "Passages"
            out += [f"### {heading}", ""]
            for note in chapter.orphaned:
                out += _md_note(note)
    if not live:
        out += ["No highlights yet.", ""]
    return "\n".join(out)


def _md_note(note: ExportedNote) -> list[str]:
    a = note.annotation
    lines = _md_quote(a.target.quote.exact)
    if a.note:
        lines += [">", *_md_quote(a.note)]
    lines += [">", f"> — {a.colour}, {_day(a.created)}", ""]
    return lines


# -- HTML ------------------------------------------------------------------------------------

# No CSS variables anywhere: print engines and HTML-to-PDF converters drop them, and the
# colours with them. Each note carries its own colours as inline hex values instead.
_CSS = """
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Charter, 'Source Serif 4', Georgia, 'DejaVu Serif', serif;
  color: #23272e; background: #fbfaf6; max-width: 46em; margin: 2.5em auto; padding: 0 1.5em;
  line-height: 1.55; }
h1, h2, h3 { font-family: 'Inter', 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
  color: #1b2a3a; line-height: 1.25; }
h1 { font-size: 1.9em; margin-bottom: 0.2em; }
h2 { font-size: 1.4em; margin-top: 2em; border-bottom: 1px solid #d9d5cc; padding-bottom: 0.2em; }
h3 { font-size: 1.1em; margin-top: 1.5em; color: #5e6670; }
.meta { color: #5e6670; font-size: 0.9em; }
.note { margin: 1em 0; padding: 0.6em 0.9em; border-left: 5px solid #d9d5cc;
  background: #ffffff; border-radius: 3px; break-inside: avoid; page-break-inside: avoid; }
.note blockquote { margin: 0; }
.note mark { color: inherit; padding: 0.05em 0.1em;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.note .comment { margin: 0.5em 0 0; white-space: pre-wrap;
  font-family: 'Inter', 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif;
  font-size: 0.92em; }
.note .date { margin: 0.4em 0 0; color: #5e6670; font-size: 0.8em; }
@media print {
  body { background: #ffffff; margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
}
"""


def to_html(chapters: Sequence[ChapterNotes], generated: str | None = None) -> str:
    """Study notes as one self-contained, printable HTML page (inline CSS, all text escaped)."""
    esc = html.escape
    live = [c for c in chapters if c.placed or c.orphaned]
    total = sum(len(c.placed) + len(c.orphaned) for c in live)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Study notes</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Study notes</h1>",
        f'<p class="meta">Exported from Field Reader on {esc(_day(generated or _now()))}: '
        f"{esc(_counted(total, 'highlight'))}.</p>",
    ]
    for chapter in live:
        title = chapter.title if chapter.in_library else f"{chapter.slug} (not in this library)"
        out.append(f"<h2>{esc(title)}</h2>")
        section: str | None = None
        for note in chapter.placed:
            if note.section and note.section != section:
                section = note.section
                out.append(f"<h3>{esc(section)}</h3>")
            out.append(_html_note(note))
        if chapter.orphaned:
            heading = "Not found in the current text" if chapter.in_library else "Passages"
            out.append(f"<h3>{heading}</h3>")
            out.extend(_html_note(note) for note in chapter.orphaned)
    if not live:
        out.append("<p>No highlights yet.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_note(note: ExportedNote) -> str:
    esc = html.escape
    a = note.annotation
    light = colour_info(a.colour).light
    # Colours come from the fixed colour table, never from the annotation's own text; the
    # fill is the window's translucent one made opaque over white, as printers need.
    fill = blend([light])
    parts = [
        f'<div class="note" style="border-left-color: {light}">',
        f'<blockquote><mark style="background-color: {fill}">'
        f"{esc(a.target.quote.exact)}</mark></blockquote>",
    ]
    if a.note:
        parts.append(f'<p class="comment">{esc(a.note)}</p>')
    parts.append(f'<p class="date">{esc(a.colour.capitalize())} · {esc(_day(a.created))}</p>')
    parts.append("</div>")
    return "".join(parts)


# -- one call for the command line and the window ----------------------------------------------


def export(
    annotations: Iterable[Annotation],
    library: Library,
    fmt: Format,
    *,
    generated: str | None = None,
    document_for: DocumentFor | None = None,
) -> str:
    """Export `annotations` (tombstones are kept only in JSON) in format `fmt`."""
    records = annotations if fmt == "json" else (a for a in annotations if not a.deleted)
    chapters = collect(records, library, document_for=document_for)
    stamp = generated or _now()
    if fmt == "json":
        return to_w3c_json(chapters, stamp)
    if fmt == "html":
        return to_html(chapters, stamp)
    return to_markdown(chapters, stamp)


def format_for_path(path: Path) -> Format | None:
    """The export format a file name asks for (.md, .html/.htm, .json), if any."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".txt"):
        return "md"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".json":
        return "json"
    return None
