"""The HTML of a printed chapter or library: coloured highlights, notes as footnotes or appendix.

Qt-free: reader/ui/printing.py lays this HTML out on pages. Each chapter's rendered HTML
is kept as the reader shows it; highlights are placed in its current plain text (the
same placement the window and the exports use) and coloured with the light theme's fills
made opaque, since paper is white whatever the window's theme. Notes are plain text and
are escaped. Figures keep the reader's resource names, made unique per chapter, so the
printer loads each from the library with the reader's own resolution rules.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from reader.core.colours import colour_info
from reader.core.document import ChapterDocument, load_document
from reader.core.exported import dates_label
from reader.core.library import Chapter, Library
from reader.core.notes import Annotation
from reader.core.placement import place_annotations
from reader.core.print_marks import Mark, blend, mark_ranges
from reader.core.rendered import ImageRef

__all__ = [
    "CHAPTER_ANCHOR",
    "NOTES_MODES",
    "NotesMode",
    "PrintDocument",
    "PrintedNote",
    "build_print",
    "chapter_anchor",
    "library_title",
    "print_library",
]

NotesMode = Literal["none", "footnotes", "appendix"]
NOTES_MODES: tuple[NotesMode, ...] = ("none", "footnotes", "appendix")
CHAPTER_ANCHOR = "print-chapter-"
_IMAGE_SRC_RE = re.compile(r'src="(image|placeholder):(\d+)"')
# A quote longer than this is shortened in the notes list: the page shows the whole passage.
_QUOTE_CHARS = 240
_MUTED = "#5e6670"
_APPENDIX_ID = "print-notes"


@dataclass(frozen=True, slots=True)
class PrintedNote:
    """A note as printed: its number, where it belongs, its passage and its dates."""

    number: int
    chapter: int
    """The index of its chapter among the printed ones."""
    section: str | None
    colour: str
    quote: str
    note: str
    created: str
    modified: str
    found: bool
    """Whether its passage is in the chapter's current text (else it has no mark there)."""


@dataclass(frozen=True)
class PrintDocument:
    """Everything the printer needs: the HTML, its figures, titles for the outline, the notes."""

    html: str
    title: str
    chapter_titles: tuple[str, ...]
    images: dict[str, ImageRef]
    """Figure resource name (as in the HTML's src) -> the figure it stands for."""
    heading_titles: tuple[dict[str, str], ...]
    """Per chapter: heading id -> title, for the PDF's outline."""
    notes: tuple[PrintedNote, ...]
    notes_heading_id: str | None
    """The id of the appendix's heading, when the notes are printed as an appendix."""


def chapter_anchor(index: int) -> str:
    """The anchor name that marks where printed chapter `index` starts."""
    return f"{CHAPTER_ANCHOR}{index}"


def _day(timestamp: str) -> str:
    try:
        moment = datetime.strptime(timestamp[:10], "%Y-%m-%d")
    except ValueError:
        return timestamp
    return f"{moment.day} {moment:%B %Y}"


def _dates(note: PrintedNote) -> str:
    """'created 3 May 2026', or 'created 3 May 2026 · edited 5 May 2026' once changed."""
    return dates_label(note.created, note.modified, _day)


def _fill(colour: str) -> str:
    return blend([colour_info(colour).light])


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_CHARS else flat[: _QUOTE_CHARS - 1].rstrip() + "…"


def _marker(number: int) -> str:
    return f'<sup><span style="color: {_MUTED}; font-weight: 600">{number}</span></sup>'


def _note_entry(note: PrintedNote, chapter_title: str | None = None) -> str:
    """One note in a notes list: number, coloured passage, the note, its dates."""
    esc = html.escape
    where = "" if note.found else " (passage not found in the current text)"
    lines = [
        f'<p style="margin-top: 10px; margin-bottom: 2px; line-height: 130%">'
        f'<span style="font-weight: 700">{note.number}.</span>&nbsp; '
        f'<span style="background-color: {_fill(note.colour)}">{esc(_short(note.quote))}</span>'
        f'<span style="color: {_MUTED}">{esc(where)}</span></p>'
    ]
    if note.note:
        # pre-wrap keeps the note's own line breaks; escaping keeps its text as written.
        lines.append(
            f'<p style="margin-top: 2px; margin-bottom: 2px; margin-left: 24px; '
            f'line-height: 130%; white-space: pre-wrap">{esc(note.note)}</p>'
        )
    context = f"{esc(chapter_title)} · " if chapter_title else ""
    lines.append(
        f'<p style="margin-top: 0px; margin-bottom: 4px; margin-left: 24px; color: {_MUTED}; '
        f'font-size: small">{context}{esc(note.colour.capitalize())} · {esc(_dates(note))}</p>'
    )
    return "".join(lines)


def _footnotes(notes: Sequence[PrintedNote]) -> str:
    """The list of a chapter's notes that ends it."""
    if not notes:
        return ""
    head = '<p style="font-weight: 700; margin-top: 24px; margin-bottom: 4px">Notes</p>'
    return head + "".join(_note_entry(note) for note in notes)


def _appendix(notes: Sequence[PrintedNote], chapter_titles: Sequence[str]) -> str:
    """Every note at the end, grouped by chapter and section, each with its number."""
    esc = html.escape
    if not notes:
        return ""
    out = [f'<h1 id="{_APPENDIX_ID}" style="page-break-before: always">Notes</h1>']
    chapter = -1
    section: str | None = None
    for note in notes:
        if note.chapter != chapter:
            chapter, section = note.chapter, None
            if len(chapter_titles) > 1:
                out.append(f"<h2>{esc(chapter_titles[chapter])}</h2>")
        label = note.section if note.found else "Not found in the current text"
        if label and label != section:
            section = label
            # A chapter's title heading already stands above its notes as the chapter.
            if not (len(chapter_titles) > 1 and label == chapter_titles[chapter]):
                out.append(f"<h3>{esc(label)}</h3>")
        out.append(_note_entry(note))
    return "".join(out)


def _chapter_notes(
    doc: ChapterDocument, annotations: Sequence[Annotation], index: int, first: int
) -> tuple[list[Mark], list[PrintedNote]]:
    """The chapter's marks in reading order, and its notes numbered from `first`."""
    titles = {h.id: h.title for h in doc.rendered.headings}
    placements = place_annotations(annotations, doc.plain, titles)
    # Reading order: found passages by position, then the ones not found, by date.
    placements.sort(
        key=lambda p: (
            p.span is None,
            p.span.start if p.span is not None else 0,
            p.annotation.created,
            p.annotation.id,
        )
    )
    marks: list[Mark] = []
    notes: list[PrintedNote] = []
    number = first
    for placement in placements:
        a = placement.annotation
        span = placement.span
        after = ""
        if a.note.strip():
            notes.append(
                PrintedNote(
                    number,
                    index,
                    placement.section,
                    a.colour,
                    a.target.quote.exact,
                    a.note,
                    a.created,
                    a.modified,
                    span is not None,
                )
            )
            after = _marker(number)
            number += 1
        if span is not None:
            fill = colour_info(a.colour).light
            marks.append(
                Mark(span.start, span.end, fill, after, _word_end(doc.plain.text, span.end))
            )
    return marks, notes


def _word_end(text: str, end: int) -> int:
    """`end`, moved to the end of the word it falls inside (a number never splits a word)."""

    def in_word(index: int) -> bool:
        return text[index].isalnum() or text[index] == "_"

    limit = min(len(text), end + 40)
    if end <= 0 or end >= limit or not in_word(end - 1):
        return end
    while end < limit and in_word(end):
        end += 1
    return end


def build_print(
    docs: Sequence[ChapterDocument],
    annotations: Iterable[Annotation],
    notes: NotesMode = "none",
    *,
    title: str | None = None,
) -> PrintDocument:
    """The printable HTML of `docs` (one chapter, or every chapter in library order).

    `annotations` may hold any chapter's records; those of the printed chapters are drawn
    (tombstones and bookmarks are ignored). With notes "footnotes", each highlight with a
    note gets a superscript number and the chapter ends with its notes; with "appendix" the notes
    follow the last chapter, grouped by chapter and section; with "none" only the colours
    are printed.
    """
    by_chapter: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        # A bookmark marks a paragraph to come back to, not a passage: nothing to print.
        if not annotation.deleted and annotation.kind == "highlight":
            by_chapter.setdefault(annotation.chapter, []).append(annotation)
    parts: list[str] = []
    images: dict[str, ImageRef] = {}
    printed: list[PrintedNote] = []
    heading_titles: list[dict[str, str]] = []
    chapter_titles = tuple(doc.chapter.title for doc in docs)
    for index, doc in enumerate(docs):
        marks, chapter_notes = _chapter_notes(
            doc, by_chapter.get(doc.chapter.slug, []), index, len(printed) + 1
        )
        if notes == "none":
            marks = [Mark(m.start, m.end, m.fill) for m in marks]
        body = _IMAGE_SRC_RE.sub(
            _renamer(index), mark_ranges(doc.rendered.html, doc.plain.text, marks)
        )
        for number, ref in enumerate(doc.rendered.images):
            kind = "image" if ref.status == "found" else "placeholder"
            images[f"{kind}:{index}.{number}"] = ref
        # Every chapter after the first starts a page; the empty anchor marks where.
        breaking = ' style="page-break-before: always"' if index else ""
        parts.append(f'<div{breaking}><a name="{chapter_anchor(index)}"></a>{body}</div>')
        if notes == "footnotes":
            parts.append(_footnotes(chapter_notes))
        printed.extend(chapter_notes)
        heading_titles.append({h.id: h.title for h in doc.rendered.headings})
    if notes == "appendix":
        parts.append(_appendix(printed, chapter_titles))
    name = title or (chapter_titles[0] if len(chapter_titles) == 1 else "All chapters")
    return PrintDocument(
        html="".join(parts),
        title=name,
        chapter_titles=chapter_titles,
        images=images,
        heading_titles=tuple(heading_titles),
        notes=tuple(printed) if notes != "none" else (),
        notes_heading_id=_APPENDIX_ID if notes == "appendix" and printed else None,
    )


def _renamer(index: int) -> Callable[[re.Match[str]], str]:
    """Renames a figure's resource for chapter `index`: "image:3" -> "image:<index>.3"."""

    def rename(match: re.Match[str]) -> str:
        return f'src="{match.group(1)}:{index}.{match.group(2)}"'

    return rename


def print_library(
    library: Library,
    annotations: Iterable[Annotation],
    notes: NotesMode = "none",
    *,
    chapter: str | None = None,
    document_for: Callable[[Chapter], ChapterDocument] | None = None,
) -> PrintDocument:
    """The printable HTML of one chapter of `library` (by slug), or of all when None.

    Raises KeyError when the library has no chapter `chapter`, and the library's
    ChapterChangedError when a chapter file changed since the library was read.
    """
    load = document_for or (lambda c: load_document(c, library.files))
    if chapter is not None:
        found = library.by_slug(chapter)
        if found is None:
            raise KeyError(chapter)
        chapters = [found]
    else:
        chapters = list(library.chapters)
    title = None if chapter is not None else library_title(library)
    return build_print([load(c) for c in chapters], annotations, notes, title=title)


def library_title(library: Library) -> str:
    """The name printed for the whole library: its folder's name, else "All chapters"."""
    return library.root.name or "All chapters"
