"""Study notes to read and print: the Markdown and HTML exports of highlights and bookmarks.

Each highlight shows today's words (with the earlier wording as "(was: …)" when the
chapter was reworded), its note, and its dates labelled ("Created … · edited …").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from reader.core.colours import colour_info
from reader.core.exported import ChapterNotes, ExportedNote, dates_label, quote_and_was
from reader.core.notes import format_timestamp
from reader.core.print_marks import blend

__all__ = ["to_html", "to_markdown"]


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


# -- Markdown -------------------------------------------------------------------------------

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


def _dates(note: ExportedNote) -> str:
    """ "Created 3 May 2026 · edited 5 May 2026" (the edit only when there was one)."""
    a = note.annotation
    label = dates_label(a.created, a.modified, _day)
    return label[:1].upper() + label[1:]


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(chapters: Sequence[ChapterNotes]) -> str:
    highlights = sum(len(c.placed) + len(c.orphaned) for c in chapters)
    bookmarks = sum(len(c.bookmarks) for c in chapters)
    text = _counted(highlights, "highlight")
    return text + (f", {_counted(bookmarks, 'bookmark')}" if bookmarks else "")


def _has_notes(chapter: ChapterNotes) -> bool:
    return bool(chapter.placed or chapter.orphaned or chapter.bookmarks)


def _first_words(note: ExportedNote) -> str:
    words = " ".join(quote_and_was(note.annotation, note.words)[0].split())
    return words if len(words) <= 80 else words[:79].rstrip() + "…"


def _chapter_title(chapter: ChapterNotes) -> str:
    return chapter.title if chapter.in_library else f"{chapter.slug} (not in this library)"


def _orphans_heading(chapter: ChapterNotes) -> str:
    return "Not found in the current text" if chapter.in_library else "Passages"


def _under_sections(
    notes: Sequence[ExportedNote],
) -> Iterator[tuple[str | None, ExportedNote]]:
    """Each note in reading order, with its section's title where a new section starts."""
    section: str | None = None
    for note in notes:
        starts = bool(note.section) and note.section != section
        if starts:
            section = note.section
        yield (section if starts else None), note


def to_markdown(chapters: Sequence[ChapterNotes], generated: str | None = None) -> str:
    """Study notes in Markdown: chapter and section headings, each highlight a block quote."""
    live = [c for c in chapters if _has_notes(c)]
    out = [
        "# Study notes",
        "",
        f"Exported from Field Reader on {_day(generated or _now())}: {_summary(live)}.",
        "",
    ]
    for chapter in live:
        out += [f"## {_md_escape_line(_chapter_title(chapter))}", ""]
        if chapter.bookmarks:
            out += ["### Bookmarks", ""]
            for note in chapter.bookmarks:
                where = f"{note.section}: " if note.section else ""
                out.append(
                    f"- {_md_escape_line(where)}“{_md_escape_line(_first_words(note))}” "
                    f"({_dates(note)})"
                )
            out.append("")
        for section, note in _under_sections(chapter.placed):
            if section is not None:
                out += [f"### {_md_escape_line(section)}", ""]
            out += _md_note(note)
        if chapter.orphaned:
            out += [f"### {_orphans_heading(chapter)}", ""]
            for note in chapter.orphaned:
                out += _md_note(note)
    if not live:
        out += ["No highlights yet.", ""]
    return "\n".join(out)


def _md_note(note: ExportedNote) -> list[str]:
    a = note.annotation
    words, was = quote_and_was(a, note.words)
    lines = _md_quote(words)
    if was is not None:
        lines += _md_quote(f"(was: {was})")
    if a.note:
        lines += [">", *_md_quote(a.note)]
    lines += [">", f"> — {a.colour}, {dates_label(a.created, a.modified, _day)}", ""]
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
.note .was { margin: 0.3em 0 0; color: #5e6670; font-size: 0.9em; }
.bookmarks { padding-left: 1.2em; }
.bookmarks li { margin: 0.3em 0; }
.bookmarks .date { color: #5e6670; font-size: 0.8em; }
@media print {
  body { background: #ffffff; margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
}
"""


def to_html(chapters: Sequence[ChapterNotes], generated: str | None = None) -> str:
    """Study notes as one self-contained, printable HTML page (inline CSS, all text escaped)."""
    esc = html.escape
    live = [c for c in chapters if _has_notes(c)]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Study notes</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Study notes</h1>",
        f'<p class="meta">Exported from Field Reader on {esc(_day(generated or _now()))}: '
        f"{esc(_summary(live))}.</p>",
    ]
    for chapter in live:
        out.append(f"<h2>{esc(_chapter_title(chapter))}</h2>")
        if chapter.bookmarks:
            out.append('<h3>Bookmarks</h3><ul class="bookmarks">')
            for note in chapter.bookmarks:
                where = f"{esc(note.section)}: " if note.section else ""
                out.append(
                    f"<li>{where}“{esc(_first_words(note))}” "
                    f'<span class="date">{esc(_dates(note))}</span></li>'
                )
            out.append("</ul>")
        for section, note in _under_sections(chapter.placed):
            if section is not None:
                out.append(f"<h3>{esc(section)}</h3>")
            out.append(_html_note(note))
        if chapter.orphaned:
            out.append(f"<h3>{_orphans_heading(chapter)}</h3>")
            out.extend(_html_note(note) for note in chapter.orphaned)
    if not live:
        out.append("<p>No highlights yet.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_note(note: ExportedNote) -> str:
    esc = html.escape
    a = note.annotation
    words, was = quote_and_was(a, note.words)
    light = colour_info(a.colour).light
    # Colours come from the fixed colour table, never from the annotation's own text; the
    # fill is the window's translucent one made opaque over white, as printers need.
    fill = blend([light])
    parts = [
        f'<div class="note" style="border-left-color: {light}">',
        f'<blockquote><mark style="background-color: {fill}">{esc(words)}</mark></blockquote>',
    ]
    if was is not None:
        parts.append(f'<p class="was">(was: {esc(was)})</p>')
    if a.note:
        parts.append(f'<p class="comment">{esc(a.note)}</p>')
    parts.append(f'<p class="date">{esc(a.colour.capitalize())} · {esc(_dates(note))}</p>')
    parts.append("</div>")
    return "".join(parts)
