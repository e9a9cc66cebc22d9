"""mdBook's SUMMARY.md: the chapters of a book, their order, nesting and titles."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from reader.core.chapter_text import plain_heading
from reader.core.i18n import translate
from reader.core.problems import Problem

SUMMARY_NAME = "SUMMARY.md"
# `- [Title](path.md)` (a numbered chapter) or `[Title](path.md)` (prefix or suffix).
_ITEM_RE = re.compile(r"([ \t]*)(?:([-*+])[ \t]+)?\[(.*)\]\(([^()]*)\)[ \t]*")
_PART_RE = re.compile(r"#{1,6}[ \t]+(.*?)[ \t#]*")


@dataclass(frozen=True)
class SummaryEntry:
    """A chapter listed in SUMMARY.md; `parent` indexes the entry it is nested under."""

    relpath: str
    title: str
    parent: int | None
    part: str | None


@dataclass(frozen=True)
class Summary:
    """A parsed SUMMARY.md: where it is, its chapters in order, and what it left out."""

    relpath: str
    entries: tuple[SummaryEntry, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[Problem, ...]


def find_summary(root: Path) -> Path | None:
    """The SUMMARY.md that defines this library (mdBook's `src/`, or the top), or None."""
    book = root / "book.toml"
    data: bytes | None = None
    if book.is_file():  # most libraries have none: no TOML parser to load (about 7 ms)
        try:
            data = book.read_bytes()
        except OSError:
            data = None
    for folder in book_source_candidates(data):
        candidate = root / folder
        try:
            if candidate.is_file() and candidate.resolve().is_relative_to(root):
                return candidate
        except OSError:
            continue
    return None


def book_source_candidates(book_toml: bytes | None) -> list[str]:
    """Where a SUMMARY.md may be, most likely first: in the `src` folder book.toml names
    (`book_toml`, its bytes, if there is one), in `src/`, at the top."""
    folders = [_book_source(book_toml) if book_toml is not None else None, "src", ""]
    return [
        f"{folder}/{SUMMARY_NAME}" if folder else SUMMARY_NAME
        for folder in dict.fromkeys(folders)
        if folder is not None
    ]


def book_settings(book_toml: bytes) -> dict[str, object]:
    """The `[book]` table of a book.toml's bytes ({} when it is not valid TOML)."""
    import tomllib

    try:
        book = tomllib.loads(book_toml.decode("utf-8-sig")).get("book", {})
    except (ValueError, UnicodeDecodeError):
        return {}
    return book if isinstance(book, dict) else {}


def _book_source(book_toml: bytes) -> str | None:
    """The `src` folder that book.toml names, when it names a safe one."""
    source = book_settings(book_toml).get("src")
    if not isinstance(source, str):
        return None
    folder = posixpath.normpath(source.replace("\\", "/"))
    if folder in ("", ".") or folder.startswith(("../", "/")) or folder == "..":
        return None
    return folder


def read_summary(relpath: str, read: Callable[[str], bytes]) -> Summary:
    """Parse the SUMMARY.md at `relpath`, read by `read`; a bad file gives no entries."""
    try:
        text = read(relpath).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        if isinstance(error, OSError):
            detail = error.strerror or str(error)
        else:
            detail = translate("Library", "it is not UTF-8 text")
        message = translate("Library", "The book's table of contents could not be read ({reason}).")
        problem = Problem(relpath, "unreadable", message.format(reason=detail))
        return Summary(relpath, (), (problem,), ())
    base = posixpath.dirname(relpath)
    return parse_summary(text, relpath, base)


def parse_summary(text: str, relpath: str, base: str) -> Summary:
    """The entries of SUMMARY.md text; paths are made relative to the library root."""
    entries: list[SummaryEntry] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    listed: set[str] = set()
    # (indent, entry index or None for a draft) of the open list items, outermost first.
    stack: list[tuple[int, int | None]] = []
    part: str | None = None
    seen_item = False
    in_comment = False
    for line in text.splitlines():
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line.lstrip()[4:]
            continue
        heading = _PART_RE.fullmatch(line)
        if heading:
            # The first heading before any chapter is the book's own ("# Summary").
            if seen_item:
                part = plain_heading(heading.group(1)) or None
            stack = []
            continue
        item = _ITEM_RE.fullmatch(line)
        if item is None:
            continue
        seen_item = True
        indent = len(item.group(1).expandtabs(4))
        bullet, title, target = item.group(2), plain_heading(item.group(3)), item.group(4)
        if bullet is None:
            stack = []  # prefix and suffix chapters stand alone
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = next((index for _, index in reversed(stack) if index is not None), None)
        chapter = _target(target, base)
        if chapter is None or chapter in listed:
            if chapter is None and target.strip():
                message = translate(
                    "Library", '"{title}" points to {target}, outside the book; it was left out.'
                ).format(title=title, target=target.strip()[:80])
                problems.append(Problem(relpath, "unsafe-path", message))
            elif chapter is None:
                message = translate("Library", '"{title}" is a draft chapter (no file yet).')
                skipped.append(Problem(relpath, "skipped", message.format(title=title)))
            else:
                message = translate(
                    "Library",
                    "The file is listed twice in {summary}; it is read at its first place.",
                ).format(summary=relpath)
                skipped.append(Problem(chapter, "skipped", message))
            if bullet is not None:
                stack.append((indent, None))
            continue
        listed.add(chapter)
        entries.append(SummaryEntry(chapter, title, parent, part))
        if bullet is not None:
            stack.append((indent, len(entries) - 1))
    return Summary(relpath, tuple(entries), tuple(problems), tuple(skipped))


def _target(target: str, base: str) -> str | None:
    """The library path a link target names, or None for a draft or a path out of it."""
    target = target.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    target = unquote(target.split("#", 1)[0]).replace("\\", "/").strip()
    if not target or target.startswith("/") or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", target):
        return None
    joined = posixpath.normpath(posixpath.join(base, target))
    if joined == ".." or joined.startswith("../"):
        return None
    return joined
