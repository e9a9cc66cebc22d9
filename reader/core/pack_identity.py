"""Who a library is: an id that keeps its notes apart from other libraries', and its title.

The bundled library is always `BUNDLED_LIBRARY_ID`. Any other library is named by its
metadata file (`field-reader.json` at the pack's top) when it has one with an id, else by
an id derived from what stays the same when the pack is moved, its zip renamed or a newer
version installed: mdBook's book title, else the title of the top README (or index), else
the pack's own name with any version or branch suffix taken off ("course-main",
"course-v2" and "course (2)" are all "course"). A derived id starts with "derived:", which
no metadata id may contain, so the two kinds never meet.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from reader.core.chapter import ChapterChangedError
from reader.core.chapter_text import first_heading, plain_heading
from reader.core.i18n import translate
from reader.core.library import Library
from reader.core.library_files import LibraryFiles
from reader.core.library_info import BUNDLED_LIBRARY_ID, LibraryInfo
from reader.core.problems import Problem
from reader.core.summary import book_settings

__all__ = [
    "BUNDLED_LIBRARY_ID",
    "METADATA_FILE",
    "LibraryInfo",
    "bundled_info",
    "clean_name",
    "identify",
    "identify_library",
    "read_metadata",
]

METADATA_FILE = "field-reader.json"
_METADATA_BYTES = 64 * 1024
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_WORD_RE = re.compile(r"[^\w]+")
# A version or branch a copy of the course was named after ("-main", "-v1.2", " (2)").
_SUFFIX_RE = re.compile(
    r"(?:\s*\(\d+\)"
    r"|[-_. ](?:main|master|gh-pages|develop|trunk|latest)"
    r"|[-_ ]v\d+(?:[._]\d+)*[a-z0-9.-]*"
    r"|[-_ ]\d+(?:[._]\d+)+[a-z0-9.-]*)$",
    re.IGNORECASE,
)
_TOP_CHAPTERS = ("readme", "index")
_TITLE_RE = re.compile(r" {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")


def bundled_info(library: Library) -> LibraryInfo:
    """The identity of the bundled library."""
    title = library.chapters[0].title if len(library.chapters) == 1 else "Field Reader"
    return LibraryInfo(BUNDLED_LIBRARY_ID, title)


def identify(library: Library) -> LibraryInfo:
    """The identity of `library`: its metadata file's, completed by what it derives."""
    files = library.files
    meta = read_metadata(files)[0]
    book = _book(files)
    heading = _top_heading(library)
    name = clean_name(files.name)
    derived_from = _text(book.get("title")) or heading or name
    identity = meta.get("id") or "derived:" + _slug(derived_from)
    # A library of one chapter (a single lesson) is best named by that chapter.
    single = library.chapters[0].title if len(library.chapters) == 1 else ""
    title = meta.get("title") or _text(book.get("title")) or heading or single or name
    language = meta.get("language") or _language(book.get("language")) or ""
    return LibraryInfo(
        identity, title, meta.get("version", ""), language, tuple(meta.get("authors", ()))
    )


def identify_library(library: Library, bundled_root: Path) -> LibraryInfo:
    """The identity of `library`: the bundled one (at `bundled_root`) has a fixed id."""
    if library.root == bundled_root.resolve():
        return bundled_info(library)
    return identify(library)


def clean_name(name: str) -> str:
    """A pack's name without the version or branch it was saved as ("course-main" -> "course")."""
    name = name.strip()
    for _ in range(8):
        shorter = _SUFFIX_RE.sub("", name).strip()
        if shorter == name or not shorter:
            break
        name = shorter
    return name


def read_metadata(files: LibraryFiles) -> tuple[dict[str, Any], Problem | None]:
    """The usable fields of the pack's metadata file ({} without one), and a problem
    naming what in it was ignored (None when all is well)."""
    if not files.is_file(METADATA_FILE):
        return {}, None
    data = files.read_small(METADATA_FILE, _METADATA_BYTES)
    try:
        if data is None:
            raise ValueError(translate("Pack", "it could not be read, or is over 64 KB"))
        parsed = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        reason = str(error) if data is None else translate("Pack", "it is not valid JSON")
        return {}, _bad_metadata(reason)
    if not isinstance(parsed, dict):
        return {}, _bad_metadata(translate("Pack", "it must hold one JSON object {...}"))
    kept: dict[str, Any] = {}
    wrong: list[str] = []
    for key, check in _FIELDS.items():
        if key not in parsed:
            continue
        value = check(parsed[key])
        if value is None:
            wrong.append(key)
        else:
            kept[key] = value
    if wrong:
        reason = translate("Pack", "these fields are not valid and were ignored: {fields}")
        return kept, _bad_metadata(reason.format(fields=", ".join(wrong)))
    return kept, None


def _bad_metadata(reason: str) -> Problem:
    message = translate(
        "Pack",
        "The pack's metadata file is not used as written: {reason}. See the format in "
        "the README (an id of letters, digits, '.', '_' or '-', up to 64 characters).",
    ).format(reason=reason)
    return Problem(METADATA_FILE, "bad-metadata", message)


def _valid_id(value: Any) -> str | None:
    if isinstance(value, str) and _ID_RE.fullmatch(value) and value != BUNDLED_LIBRARY_ID:
        return value
    return None


def _text(value: Any, limit: int = 200) -> str | None:
    if isinstance(value, str) and value.strip() and len(value) <= limit:
        return " ".join(value.split())
    return None


def _version(value: Any) -> str | None:
    return _text(value, 40)


def _language(value: Any) -> str | None:
    if isinstance(value, str) and _LANGUAGE_RE.fullmatch(value):
        return value
    return None


def _authors(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or len(value) > 100:
        return None
    names = [_text(item) for item in value]
    return None if any(name is None for name in names) else tuple(n for n in names if n)


_FIELDS = {
    "id": _valid_id,
    "title": _text,
    "version": _version,
    "language": _language,
    "authors": _authors,
}


def _book(files: LibraryFiles) -> dict[str, object]:
    """mdBook's `[book]` settings of the pack ({} without a book.toml)."""
    if not files.is_file("book.toml"):
        return {}
    data = files.read_small("book.toml")
    return book_settings(data) if data is not None else {}


def _top_heading(library: Library) -> str:
    """The title heading of the library's top README or index chapter, or "".

    Its first level-one heading when it has one (course READMEs often open with a banner's
    smaller headings, the same in many courses), else its first heading.
    """
    fallback = ""
    for chapter in library.chapters:
        stem = chapter.relpath.rsplit(".", 1)[0]
        if "/" in chapter.relpath or stem.casefold() not in _TOP_CHAPTERS:
            continue
        # A README and an index side by side (Carpentries): the one with a title wins.
        # Its headings only: a chapter without one is titled by the pack's own name.
        try:
            body = chapter.body
        except ChapterChangedError:
            continue
        title = _first_title(body)
        if title:
            return title
        fallback = fallback or first_heading(body)
    return fallback


def _first_title(body: str) -> str:
    """The text of the first `# Title` line of `body` outside fenced code, or ""."""
    fence = ""
    for line in body.splitlines():
        stripped = line.strip()
        if fence:
            fence = "" if stripped.startswith(fence) else fence
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        else:
            found = _TITLE_RE.fullmatch(line)
            if found and plain_heading(found.group(1)):
                return plain_heading(found.group(1))
    return ""


def _slug(text: str) -> str:
    """`text` as an id: case folded, runs of anything but letters and digits as "-"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD_RE.sub("-", folded).strip("-_")[:64] or "library"
