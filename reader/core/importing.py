"""Import W3C Web Annotation files: validate the whole file first, then merge all or nothing.

Rules for files from other tools (documented in the README too):

- ids: "urn:uuid:<uuid>" and bare UUIDs are used as they are; any other IRI (for example
  Hypothesis's "https://hypothes.is/a/<id>") becomes uuid5(NAMESPACE_URL, iri), so that
  importing the same file again finds the same annotations.
- dates: any ISO 8601 date-time (a missing zone means UTC), stored as UTC milliseconds.
  An item without "modified" uses "created"; without either, the file's "generated".
  A date before 1970 refuses the file; a date more than a day ahead of this computer's
  clock is set to now and counted in the summary, and such an item never replaces a
  version already stored here (its time cannot be compared with ours).
- values: positions within 32 Mi characters (and, when the chapter is here and the
  passage is not found, within its text, else the position is dropped and the quote
  places it); quotes and notes up to 1 Mi characters; no NUL characters or unpaired
  surrogates anywhere.
- an id may appear twice in a file only as two identical items (one is dropped); two
  different items with one id refuse the file, naming both.
- colours: "styleClass" names one of the reader's colours; a missing or unknown one (say,
  a colour of a newer Field Reader) becomes yellow.
- sources: "chapter:<slug>". Another IRI is matched to a chapter of the library by the
  last segment of its path ("…/human-security.html" -> human-security), or goes to the
  chapter the user names; otherwise the file is refused.
- libraries: an item naming its library ("urn:field-reader:library", as Field Reader
  writes it) goes to that library's notes; an item naming none goes to the library the
  import is made in (the sync folder's, to the bundled library, as the notes of a Field
  Reader from before libraries are). Only the open library's notes are placed in its text.
- items are numbered from 1 in messages, the way a person counts them.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from reader.core.anchoring import Target, TextPositionSelector, anchor_all
from reader.core.document import load_document
from reader.core.exchange import DocumentFor
from reader.core.i18n import translate
from reader.core.library import ChapterChangedError, Library
from reader.core.merge import plan_merge
from reader.core.notes import BUNDLED_LIBRARY_ID, Annotation, AnnotationId, NotesRepository
from reader.core.w3c_item import ImportRefused, ItemParser, SourceResolver, is_type

__all__ = [
    "MAX_IMPORT_BYTES",
    "ImportRefused",
    "ImportSummary",
    "ParsedRecords",
    "import_file",
    "import_into",
    "parse_w3c",
    "read_import_file",
    "source_resolver",
]

MAX_IMPORT_BYTES = 50 * 1024 * 1024
"""Larger files are refused unread: 10,000 notes take about 10 MB."""

_MAX_PAGES = 10_000


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: the store's merge counts plus what anchoring found."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    orphaned: int = 0
    unknown_chapter: int = 0
    future_dates: int = 0
    other_library: int = 0
    """Of the records written, those that belong to another library than the open one."""
    moved: int = 0
    """Of the records written, notes that moved from one library to another (a newer
    version of them belongs to another library)."""
    ids: frozenset[AnnotationId] = field(default=frozenset(), compare=False, repr=False)
    """The ids of the records the merge wrote."""

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return bool(self.added or self.updated or self.deleted)

    def lines(self) -> list[str]:
        """The summary as short lines for people."""
        out = [
            translate("Importing", "added: {count}").format(count=self.added),
            translate("Importing", "updated: {count}").format(count=self.updated),
            translate("Importing", "deleted: {count}").format(count=self.deleted),
            translate("Importing", "unchanged: {count}").format(count=self.unchanged),
            translate("Importing", "orphaned: {count}").format(count=self.orphaned),
        ]
        if self.unknown_chapter:
            out.append(
                translate("Importing", "kept for chapters not in this library: {count}").format(
                    count=self.unknown_chapter
                )
            )
        if self.other_library:
            out.append(
                translate("Importing", "for other libraries than this one: {count}").format(
                    count=self.other_library
                )
            )
        if self.moved:
            out.append(
                translate("Importing", "moved to another library: {count}").format(count=self.moved)
            )
        if self.future_dates:
            out.append(
                translate("Importing", "1 date in the future was set to now")
                if self.future_dates == 1
                else translate("Importing", "{count} dates in the future were set to now").format(
                    count=self.future_dates
                )
            )
        return out

    def text(self) -> str:
        """The summary on one line."""
        return ", ".join(self.lines())


class ParsedRecords(list[Annotation]):
    """The records of one file, plus what validation had to change in them.

    `future_dates` counts dates set to now; `future_ids` are the records that carried
    one, which never replace a version already stored (see the module's rules).
    """

    def __init__(
        self,
        records: Iterable[Annotation] = (),
        future_dates: int = 0,
        future_ids: frozenset[AnnotationId] = frozenset(),
    ) -> None:
        super().__init__(records)
        self.future_dates = future_dates
        self.future_ids = future_ids


# -- reading and validating -----------------------------------------------------------------


def read_import_file(path: Path) -> bytes:
    """The bytes of an import file; ImportRefused when missing, unreadable or too large."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ImportRefused(f"{path} cannot be read ({error.strerror or error}).") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{path.name} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB; "
            "it is not a notes export."
        )
    return data


def source_resolver(library: Library, default_chapter: str | None = None) -> SourceResolver:
    """Map a non-"chapter:" source IRI to a slug: its last path segment, else `default_chapter`."""
    slugs = {c.slug for c in library.chapters}

    def resolve(source: str) -> str | None:
        parts = urlsplit(source)
        candidates = [PurePosixPath(unquote(parts.path)).stem, unquote(parts.fragment)]
        for candidate in candidates:
            if candidate in slugs:
                return candidate
        return default_chapter

    return resolve


# From this size on, a file's top-level object and arrays are read one member at a time:
# json.loads holds the interpreter lock for the whole file (a 3 MB sync file is 30-100 ms),
# and the window's thread would wait that long while a sync or an import runs beside it.
INCREMENTAL_FROM = 256 * 1024
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def load_json(text: str) -> Any:
    """`json.loads(text)` (constants such as NaN refused), reading large files piecewise.

    The result and the errors are json.loads' own; between the pieces other threads run.
    """
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    if len(text) < INCREMENTAL_FROM:
        return decoder.decode(text)
    value, end = _read_value(decoder, text, _skip(text, 0), depth=0)
    end = _skip(text, end)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _read_value(decoder: json.JSONDecoder, text: str, pos: int, depth: int) -> tuple[Any, int]:
    """The value at `pos`: the top two levels of objects and arrays member by member."""
    opening = text[pos : pos + 1]
    if depth >= 2 or opening not in ("{", "["):
        return decoder.raw_decode(text, pos)
    closing = "}" if opening == "{" else "]"
    result: Any = {} if opening == "{" else []
    pos = _skip(text, pos + 1)
    if text.startswith(closing, pos):
        return result, pos + 1
    while True:
        if opening == "{":
            if not text.startswith('"', pos):
                raise json.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", text, pos
                )
            key, pos = decoder.raw_decode(text, pos)
            pos = _skip(text, pos)
            if not text.startswith(":", pos):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
            value, pos = _read_value(decoder, text, _skip(text, pos + 1), depth + 1)
            result[key] = value
        else:
            value, pos = _read_value(decoder, text, pos, depth + 1)
            result.append(value)
        pos = _skip(text, pos)
        if text.startswith(closing, pos):
            return result, pos + 1
        if not text.startswith(",", pos):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos = _skip(text, pos + 1)


def parse_w3c(
    data: bytes | str,
    resolve: SourceResolver | None = None,
    *,
    now: datetime | None = None,
    library: str = BUNDLED_LIBRARY_ID,
) -> ParsedRecords:
    """Validate a W3C annotation file and return its records, or raise ImportRefused.

    Items that name no library belong to `library` (the one the import is made in).

    Tombstones come back with `deleted` set and an empty quote; import_into completes them
    from the stored record. An id repeated with identical content is kept once; with
    different content the file is refused. `now` is when dates count as the future.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise ImportRefused("The file is too large to be a notes export.")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportRefused(
                "The file is not UTF-8 text: it is UTF-16 (a notes export is UTF-8)."
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportRefused(f"The file is not UTF-8 text (byte {error.start}).") from None
    try:
        document = load_json(data)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"The file is not valid JSON ({error.msg} at line {error.lineno}, "
            f"column {error.colno})."
        ) from None
    except RecursionError:
        raise ImportRefused("The file is nested too deeply to be a notes export.") from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            # Python refuses to read numbers this long (they cost quadratic time).
            raise ImportRefused(
                f"The file holds a number of more than {sys.get_int_max_str_digits()} digits."
            ) from None
        raise ImportRefused(f"The file is not valid JSON ({error}).") from None
    items, generated = _items(document)
    moment = now or datetime.now(UTC)
    records: dict[str, tuple[int, Annotation]] = {}
    future_dates = 0
    future_ids: set[AnnotationId] = set()
    for index, item in enumerate(items, start=1):
        parser = ItemParser(index, item, generated, resolve, moment, library)
        record = parser.parse()
        if parser.future_dates:
            future_dates += parser.future_dates
            future_ids.add(record.id)
        seen = records.get(record.id)
        if seen is None:
            records[record.id] = (index, record)
        elif seen[1] != record:
            # Which of the two is the note cannot be told; taking either would lose the other.
            raise ImportRefused(
                f"Items {seen[0]} and {index} have the same id ({record.id}) but different content."
            )
    return ParsedRecords(
        (record for _, record in records.values()), future_dates, frozenset(future_ids)
    )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _items(document: Any) -> tuple[list[Any], str | None]:
    """The annotation items of a collection, page, list or single annotation."""
    if isinstance(document, list):
        return document, None
    if not isinstance(document, dict):
        raise ImportRefused("The file does not hold W3C annotations (it is not a JSON object).")
    kind = document.get("type")
    generated = document.get("generated")
    stamp = generated if isinstance(generated, str) else None
    if is_type(kind, "Annotation"):
        return [document], stamp
    if is_type(kind, "AnnotationPage"):
        return _page_items(document, "The annotation page"), stamp
    if not is_type(kind, "AnnotationCollection"):
        shown = json.dumps(kind, ensure_ascii=False)[:60] if kind is not None else "missing"
        raise ImportRefused(
            'The file is not a W3C annotation collection (its "type" is '
            f'{shown}; expected "AnnotationCollection").'
        )
    items: list[Any] = []
    page = document.get("first")
    pages = 0
    while page is not None:
        pages += 1
        if not isinstance(page, dict) or pages > _MAX_PAGES:
            raise ImportRefused(
                'The collection\'s pages must be embedded in the file ("first" and "next" '
                "as objects, not links)."
            )
        if not is_type(page.get("type"), "AnnotationPage"):
            raise ImportRefused(f'Page {pages} of the collection is not an "AnnotationPage".')
        items.extend(_page_items(page, f"Page {pages} of the collection"))
        page = page.get("next")
    total = document.get("total")
    if total is not None and (
        isinstance(total, bool) or not isinstance(total, int) or total != len(items)
    ):
        raise ImportRefused(
            f'The collection says it holds {json.dumps(total)[:20]} annotations ("total") '
            f"but {len(items)} are in the file: it may be incomplete."
        )
    return items, stamp


def _page_items(page: dict[str, Any], what: str) -> list[Any]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise ImportRefused(f'{what} has no list of "items".')
    return items


# -- merging ------------------------------------------------------------------------------------


def import_into(
    store: NotesRepository,
    library: Library,
    records: Iterable[Annotation],
    *,
    document_for: DocumentFor | None = None,
) -> ImportSummary:
    """Anchor imported records in this library's text, then merge them in one transaction.

    `library` is the open library, whose notes `store` reads; records of other libraries
    are merged into theirs as they are (their chapters are not at hand to place them in).

    A certain anchor becomes the stored position (so an export of an older edition lands
    in the right place); otherwise the file's position, if any, is kept. Records of
    chapters not in the library are kept unanchored. What wins is decided once, by
    reader.core.merge: here only to know which records are worth anchoring, and again
    by the store inside its transaction.
    """
    load = document_for or (lambda chapter: load_document(chapter, library.files))
    future_ids = records.future_ids if isinstance(records, ParsedRecords) else frozenset()
    future_dates = records.future_dates if isinstance(records, ParsedRecords) else 0
    incoming = list(records)
    try:
        local = {a.id: a for a in store.every_record()}
        plan = plan_merge(incoming, local, future_ids=future_ids)
    except (ValueError, OverflowError) as error:  # parse_w3c checks all of it: a bug if reached
        raise ImportRefused(f"The file could not be merged ({error}).") from error
    index = {record.id: i for i, record in enumerate(incoming)}
    to_anchor: dict[str, list[int]] = {}
    unknown = 0
    for write in plan.writes:
        if write.record.deleted or write.record.library != store.library_id:
            continue
        if library.by_slug(write.record.chapter) is None:
            unknown += 1
        else:
            to_anchor.setdefault(write.record.chapter, []).append(index[write.record.id])
    orphaned = 0
    for slug, indexes in to_anchor.items():
        chapter = library.by_slug(slug)
        assert chapter is not None
        try:
            text = load(chapter).plain.text
        except ChapterChangedError:
            # Edited on disk since the library was read: the records keep the file's
            # positions and are placed in the new text when the chapter is next opened.
            continue
        for i in indexes:
            position = incoming[i].target.position
            if position is not None and position.end > len(text):
                # Beyond this chapter's text: an older, longer edition's place, or junk.
                # The quote alone places the note.
                incoming[i] = replace(incoming[i], target=Target(incoming[i].target.quote))
        found = anchor_all(text, [incoming[i].target for i in indexes])
        for i, place in zip(indexes, found, strict=True):
            record = incoming[i]
            if place.certain and place.start is not None and place.end is not None:
                position = TextPositionSelector(place.start, place.end)
                incoming[i] = replace(record, target=Target(record.target.quote, position))
            elif not place.found:
                orphaned += 1
    try:
        merged = store.merge(incoming, future_ids=future_ids)
    except (ValueError, OverflowError) as error:  # parse_w3c checks all of it: a bug if reached
        raise ImportRefused(f"The file could not be merged ({error}).") from error
    elsewhere = sum(
        1
        for write in plan.writes
        if write.record.id in merged.ids and write.record.library != store.library_id
    )
    return ImportSummary(
        merged.added,
        merged.updated,
        merged.deleted,
        merged.unchanged,
        orphaned,
        unknown,
        future_dates,
        elsewhere,
        merged.moved,
        merged.ids,
    )


def import_file(
    store: NotesRepository,
    library: Library,
    path: Path,
    *,
    default_chapter: str | None = None,
    document_for: DocumentFor | None = None,
) -> ImportSummary:
    """Read, validate and merge one export file; ImportRefused leaves the store untouched.

    Items that name no library go to the store's (the open library).
    """
    records = parse_w3c(
        read_import_file(path),
        source_resolver(library, default_chapter),
        library=store.library_id,
    )
    return import_into(store, library, records, document_for=document_for)
