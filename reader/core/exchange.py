"""Export annotations as study notes (Markdown, HTML) or W3C Web Annotation JSON.

The JSON follows the W3C Web Annotation Data Model, so that other tools can read it and a
later import (see `reader.core.importing`) can merge it back without duplicates.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from reader.core.exported import ChapterNotes, DocumentFor, ExportedNote, collect
from reader.core.library import Library
from reader.core.library_info import LibraryInfo
from reader.core.notes import Annotation, format_timestamp
from reader.core.study_notes import to_html, to_markdown

__all__ = [
    "CHAPTER_SCHEME",
    "FORMATS",
    "LIBRARIES_PROPERTY",
    "LIBRARY_PROPERTY",
    "W3C_CONTEXT",
    "ChapterNotes",
    "DocumentFor",
    "ExportedNote",
    "Format",
    "collect",
    "dump_json",
    "dump_json_bytes",
    "export",
    "export_all_libraries",
    "format_for_path",
    "to_html",
    "to_markdown",
    "to_w3c_json",
    "w3c_collection",
]

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CHAPTER_SCHEME = "chapter:"

# Extensions of the W3C model, named by absolute IRIs so that JSON-LD readers take them
# for what they are (and other tools ignore them): on each item, the id of the library
# the note belongs to; at the top, the library exported (id and title), or with every
# library, the list of them. Files without them (older exports, other tools) still import.
LIBRARY_PROPERTY = "urn:field-reader:library"
LIBRARIES_PROPERTY = "urn:field-reader:libraries"

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")


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
            LIBRARY_PROPERTY: a.library,
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
    if a.kind == "bookmark":
        motivation = "bookmarking"
    else:
        motivation = "commenting" if a.note else "highlighting"
    item: dict[str, Any] = {
        "id": ident,
        "type": "Annotation",
        "created": a.created,
        "modified": a.modified,
        "motivation": motivation,
    }
    if a.note:
        item["body"] = {"type": "TextualBody", "value": a.note, "format": "text/plain"}
    if a.previous_quote:
        # Not in the W3C model (other tools ignore it): the words first highlighted, so that
        # a merge elsewhere knows this quote was brought up to a reworded chapter's text.
        item["previousQuote"] = a.previous_quote
    target: dict[str, Any] = {"source": CHAPTER_SCHEME + a.chapter}
    if a.kind == "highlight":
        target["styleClass"] = a.colour
    target["selector"] = selectors
    item["target"] = target
    item["state"] = note.state
    item[LIBRARY_PROPERTY] = a.library
    return item


def _library_entry(info: LibraryInfo) -> dict[str, str]:
    """A library at the top of an export: its id, and its title when known."""
    return {"id": info.id, "title": info.title} if info.title else {"id": info.id}


def w3c_collection(
    chapters: Sequence[ChapterNotes],
    generated: str | None = None,
    *,
    library: LibraryInfo | None = None,
    libraries: Sequence[LibraryInfo] | None = None,
) -> dict[str, Any]:
    """A W3C AnnotationCollection holding every note of `chapters` (tombstones included).

    `library` names the one library exported at the top; `libraries` lists every library
    of an export of them all instead (each item names its own library either way).
    """
    items = [w3c_item(note) for chapter in chapters for note in chapter.notes]
    collection: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "generator": "Field Reader",
        "generated": generated or _now(),
    }
    if libraries is not None:
        collection[LIBRARIES_PROPERTY] = [_library_entry(info) for info in libraries]
    elif library is not None:
        collection[LIBRARY_PROPERTY] = _library_entry(library)
    collection["total"] = len(items)
    collection["first"] = {"type": "AnnotationPage", "startIndex": 0, "items": items}
    return collection


def dump_json(collection: dict[str, Any]) -> str:
    """The text of a collection as written to files (see `dump_json_bytes`)."""
    return dump_json_bytes(collection).decode("utf-8")


def dump_json_bytes(collection: dict[str, Any]) -> bytes:
    """A collection as written to files, in UTF-8: indented by one space, each item on a
    line of its own (a note per line: easy to read, to search and to compare).

    The items are encoded one at a time, by the json module's C encoder, and joined as
    bytes: no single step holds the interpreter lock for long. (Indenting every item took
    a second of Python for 20,000 notes, and joining the million pieces 40 ms, during
    which the window whose notes these are could not answer.) Unicode's line and paragraph
    separators are written as escapes, so that no text breaks a line.
    """
    page = collection.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if not isinstance(page, dict) or not isinstance(items, list) or not items:
        return _utf8(json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
    # Encoded as a string no text can contain unescaped, then replaced by the items.
    marker = f"\x00items {uuid.uuid4()}\x00"
    shell = json.dumps(
        {**collection, "first": {**page, "items": marker}}, ensure_ascii=False, indent=1
    )
    before, after = shell.split(json.dumps(marker), 1)
    # The items sit three levels down (collection, page, list).
    lines = [_utf8(json.dumps(item, ensure_ascii=False)) for item in items]
    listed = b"[\n   " + b",\n   ".join(lines) + b"\n  ]"
    return _utf8(before) + listed + _utf8(after) + b"\n"


def _utf8(text: str) -> bytes:
    """JSON text in UTF-8, its line and paragraph separators (only ever inside strings)
    escaped."""
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode("utf-8")


def to_w3c_json(
    chapters: Sequence[ChapterNotes],
    generated: str | None = None,
    *,
    library: LibraryInfo | None = None,
) -> str:
    """The W3C AnnotationCollection of `chapters` (of `library`, if named) as JSON text."""
    return dump_json(w3c_collection(chapters, generated, library=library))


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


# -- one call for the command line and the window ----------------------------------------------


def export(
    annotations: Iterable[Annotation],
    library: Library,
    fmt: Format,
    *,
    generated: str | None = None,
    document_for: DocumentFor | None = None,
    info: LibraryInfo | None = None,
) -> str:
    """Export `annotations` (tombstones are kept only in JSON) in format `fmt`.

    `info` names the library at the top of a JSON export.
    """
    records = annotations if fmt == "json" else (a for a in annotations if not a.deleted)
    chapters = collect(records, library, document_for=document_for)
    stamp = generated or _now()
    if fmt == "json":
        return to_w3c_json(chapters, stamp, library=info)
    if fmt == "html":
        return to_html(chapters, stamp)
    return to_markdown(chapters, stamp)


def export_all_libraries(
    annotations: Iterable[Annotation],
    library: Library,
    info: LibraryInfo,
    *,
    generated: str | None = None,
    document_for: DocumentFor | None = None,
) -> str:
    """Every library's notes (tombstones included) as one W3C JSON file, each item keeping
    its library's id.

    The open library's notes (`library`, named by `info`) are placed in its chapters'
    current text; another library's chapters are not at hand, so its notes keep their
    stored positions and quotes. The top lists every library's id (the open one's title too).
    """
    records = list(annotations)
    own = [a for a in records if a.library == info.id]
    chapters = collect(own, library, document_for=document_for)
    others: dict[str, list[Annotation]] = {}
    for record in records:
        if record.library != info.id:
            others.setdefault(record.library, []).append(record)
    elsewhere = Library(library.root, ())
    for other in sorted(others):
        chapters.extend(collect(others[other], elsewhere, reanchor=False))
    libraries = [info, *(LibraryInfo(other, "") for other in sorted(others))]
    return dump_json(w3c_collection(chapters, generated or _now(), libraries=libraries))


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
