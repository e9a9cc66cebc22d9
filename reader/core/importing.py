"""Import W3C Web Annotation files: validate the whole file first, then merge all or nothing.

Rules for files from other tools (documented in the README too):

- ids: "urn:uuid:<uuid>" and bare UUIDs are used as they are; any other IRI (for example
  Hypothesis's "https://hypothes.is/a/<id>") becomes uuid5(NAMESPACE_URL, iri), so that
  importing the same file again finds the same annotations.
- dates: any ISO 8601 date-time (a missing zone means UTC), stored as UTC milliseconds.
  An item without "modified" uses "created"; without either, the file's "generated".
- colours: "styleClass" names one of the reader's colours; a missing or unknown one (say,
  a colour of a newer Field Reader) becomes yellow.
- sources: "chapter:<slug>". Another IRI is matched to a chapter of the library by the
  last segment of its path ("…/human-security.html" -> human-security), or goes to the
  chapter the user names; otherwise the file is refused.
- items are numbered from 1 in messages, the way a person counts them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector, anchor_all
from reader.core.document import load_document
from reader.core.exchange import CHAPTER_SCHEME, DocumentFor
from reader.core.library import ChapterChangedError, Library
from reader.storage.annotations import (
    COLOURS,
    Annotation,
    AnnotationId,
    AnnotationStore,
    Colour,
    format_timestamp,
)

__all__ = [
    "MAX_IMPORT_BYTES",
    "ImportRefused",
    "ImportSummary",
    "import_file",
    "import_into",
    "parse_w3c",
    "read_import_file",
    "source_resolver",
]

MAX_IMPORT_BYTES = 50 * 1024 * 1024
"""Larger files are refused unread: 10,000 notes take about 10 MB."""

_MAX_ID_LENGTH = 2048
_MAX_PAGES = 10_000
_SLUG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
# An IRI: a scheme, a colon, and no white space or control characters.
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+$")
_STATES = ("anchored", "orphaned", "deleted")

SourceResolver = Callable[[str], str | None]


class ImportRefused(Exception):
    """The file cannot be imported; `message` names the problem (and the item) for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: the store's merge counts plus what anchoring found."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    orphaned: int = 0
    unknown_chapter: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return bool(self.added or self.updated or self.deleted)

    def lines(self) -> list[str]:
        """The summary as short lines for people."""
        out = [
            f"added: {self.added}",
            f"updated: {self.updated}",
            f"deleted: {self.deleted}",
            f"unchanged: {self.unchanged}",
            f"orphaned: {self.orphaned}",
        ]
        if self.unknown_chapter:
            out.append(f"kept for chapters not in this library: {self.unknown_chapter}")
        return out

    def text(self) -> str:
        """The summary on one line."""
        return ", ".join(self.lines())


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


def parse_w3c(data: bytes | str, resolve: SourceResolver | None = None) -> list[Annotation]:
    """Validate a W3C annotation file and return its records, or raise ImportRefused.

    Tombstones come back with `deleted` set and an empty quote; import_into completes them
    from the stored record. Repeated ids keep their newest version.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise ImportRefused("The file is too large to be a notes export.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportRefused(f"The file is not UTF-8 text (byte {error.start}).") from None
    try:
        document = json.loads(data, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            f"The file is not valid JSON ({error.msg} at line {error.lineno}, "
            f"column {error.colno})."
        ) from None
    except RecursionError:
        raise ImportRefused("The file is nested too deeply to be a notes export.") from None
    except ValueError as error:
        raise ImportRefused(f"The file is not valid JSON ({error}).") from None
    items, generated = _items(document)
    records: dict[str, Annotation] = {}
    for index, item in enumerate(items, start=1):
        record = _ItemParser(index, item, generated, resolve).parse()
        current = records.get(record.id)
        if current is None or (record.modified, record.deleted) > (
            current.modified,
            current.deleted,
        ):
            records[record.id] = record
    return list(records.values())


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _is_type(value: Any, name: str) -> bool:
    return value == name or (isinstance(value, list) and name in value)


def _items(document: Any) -> tuple[list[Any], str | None]:
    """The annotation items of a collection, page, list or single annotation."""
    if isinstance(document, list):
        return document, None
    if not isinstance(document, dict):
        raise ImportRefused("The file does not hold W3C annotations (it is not a JSON object).")
    kind = document.get("type")
    generated = document.get("generated")
    stamp = generated if isinstance(generated, str) else None
    if _is_type(kind, "Annotation"):
        return [document], stamp
    if _is_type(kind, "AnnotationPage"):
        return _page_items(document, "The annotation page"), stamp
    if not _is_type(kind, "AnnotationCollection"):
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
        if not _is_type(page.get("type"), "AnnotationPage"):
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


class _ItemParser:
    """Checks one item and builds its record; every complaint names the item."""

    def __init__(
        self, index: int, item: Any, generated: str | None, resolve: SourceResolver | None
    ) -> None:
        self._index = index
        self._item = item
        self._generated = generated
        self._resolve = resolve
        self._label = f"Item {index}"

    def _refuse(self, problem: str) -> ImportRefused:
        return ImportRefused(f"{self._label}: {problem}.")

    def parse(self) -> Annotation:
        item = self._item
        if not isinstance(item, dict):
            raise self._refuse("is not a JSON object")
        raw_id = item.get("id")
        if isinstance(raw_id, str):
            self._label = f"Item {self._index} ({raw_id[:80]})"
        annotation_id = self._id(raw_id)
        if not _is_type(item.get("type"), "Annotation"):
            raise self._refuse(f'"type" is {_shown(item.get("type"))}, not "Annotation"')
        state = item.get("state", "anchored")
        if state not in _STATES:
            raise self._refuse(f'"state" is {_shown(state)}; expected one of {", ".join(_STATES)}')
        modified, created = self._dates(item)
        target = self._target(item.get("target"))
        chapter = self._chapter(target.get("source"))
        if state == "deleted":
            return Annotation(
                id=annotation_id,
                chapter=chapter,
                created=created,
                modified=modified,
                colour="yellow",
                note="",
                target=Target(TextQuoteSelector("")),
                deleted=True,
            )
        return Annotation(
            id=annotation_id,
            chapter=chapter,
            created=created,
            modified=modified,
            colour=self._colour(target.get("styleClass")),
            note=self._note(item),
            target=self._selectors(target.get("selector")),
        )

    def _id(self, raw: Any) -> AnnotationId:
        if not isinstance(raw, str) or not raw:
            raise self._refuse('has no "id"' if raw is None else '"id" is not text')
        if len(raw) > _MAX_ID_LENGTH:
            raise self._refuse(f'"id" is longer than {_MAX_ID_LENGTH} characters')
        text = raw[len("urn:uuid:") :] if raw.lower().startswith("urn:uuid:") else None
        try:
            return AnnotationId(str(uuid.UUID(text if text is not None else raw)))
        except ValueError:
            if text is not None:
                raise self._refuse(f'"id" is not a valid urn:uuid: {_shown(raw)}') from None
        if not _IRI_RE.match(raw):
            raise self._refuse(f'"id" is neither a urn:uuid nor an IRI: {_shown(raw)}')
        # A stable UUID for another tool's IRI, so a second import finds the same record.
        return AnnotationId(str(uuid.uuid5(uuid.NAMESPACE_URL, raw)))

    def _date(self, key: str, value: Any) -> str:
        if not isinstance(value, str) or len(value) > 64:
            raise self._refuse(f'"{key}" is not a date: {_shown(value)}')
        try:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            moment = moment.astimezone(UTC)
        except (ValueError, OverflowError):
            raise self._refuse(f'"{key}" is not a date: {_shown(value)}') from None
        if not 1970 <= moment.year <= 9999:
            raise self._refuse(f'"{key}" is not a plausible date: {_shown(value)}')
        return format_timestamp(moment)

    def _dates(self, item: dict[str, Any]) -> tuple[str, str]:
        raw_modified, raw_created = item.get("modified"), item.get("created")
        modified = self._date("modified", raw_modified) if raw_modified is not None else None
        created = self._date("created", raw_created) if raw_created is not None else None
        if modified is None and created is None:
            if self._generated is None:
                raise self._refuse('has no "modified" or "created" date')
            modified = created = self._date("generated", self._generated)
        modified = modified or created
        created = created or modified
        assert modified is not None and created is not None
        return modified, created

    def _target(self, raw: Any) -> dict[str, Any]:
        if isinstance(raw, list) and len(raw) == 1:
            raw = raw[0]
        if not isinstance(raw, dict):
            raise self._refuse('"target" must be one object with a "source"')
        return raw

    def _chapter(self, source: Any) -> str:
        if not isinstance(source, str) or not source:
            raise self._refuse('the target has no "source"')
        if source.startswith(CHAPTER_SCHEME):
            slug = source[len(CHAPTER_SCHEME) :]
            if not _SLUG_RE.match(slug):
                raise self._refuse(f"the source {_shown(source)} does not name a chapter slug")
            return slug
        resolved = self._resolve(source) if self._resolve is not None else None
        if resolved is None:
            raise self._refuse(
                f"the source {_shown(source)} is not a chapter of this library "
                "(choose the chapter to import it into)"
            )
        return resolved

    def _colour(self, raw: Any) -> Colour:
        if raw is not None and not isinstance(raw, str):
            raise self._refuse(f'"styleClass" is not text: {_shown(raw)}')
        # Unknown colours (a newer version's, another tool's classes) fall back to yellow.
        for colour in COLOURS:
            if raw == colour:
                return colour
        return "yellow"

    def _note(self, item: dict[str, Any]) -> str:
        values: list[str] = []
        body_value = item.get("bodyValue")
        if body_value is not None:
            if not isinstance(body_value, str):
                raise self._refuse('"bodyValue" is not text')
            values.append(body_value)
        body = item.get("body")
        bodies = body if isinstance(body, list) else [] if body is None else [body]
        for part in bodies:
            if isinstance(part, str):
                continue  # a link to an external body: nothing to show as a note
            if not isinstance(part, dict):
                raise self._refuse('"body" is neither an object nor a link')
            if part.get("purpose") == "tagging" or not _is_type(
                part.get("type", "TextualBody"), "TextualBody"
            ):
                continue
            value = part.get("value")
            if not isinstance(value, str):
                raise self._refuse('the TextualBody has no text "value"')
            values.append(value)
        return "\n\n".join(v for v in values if v)

    def _selectors(self, raw: Any) -> Target:
        selectors = raw if isinstance(raw, list) else [raw] if raw is not None else []
        quote: TextQuoteSelector | None = None
        position: TextPositionSelector | None = None
        for selector in selectors:
            if not isinstance(selector, dict):
                raise self._refuse("a selector is not a JSON object")
            kind = selector.get("type")
            if kind == "TextQuoteSelector":
                quote = self._quote(selector)
            elif kind == "TextPositionSelector":
                position = self._position(selector)
        if quote is None:
            raise self._refuse("the target has no TextQuoteSelector with the quoted text")
        return Target(quote, position)

    def _quote(self, selector: dict[str, Any]) -> TextQuoteSelector:
        exact = selector.get("exact")
        if not isinstance(exact, str) or not exact:
            raise self._refuse('the TextQuoteSelector has no "exact" text')
        prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
        if not isinstance(prefix, str) or not isinstance(suffix, str):
            raise self._refuse('the TextQuoteSelector\'s "prefix" and "suffix" must be text')
        return TextQuoteSelector(exact, prefix, suffix)

    def _position(self, selector: dict[str, Any]) -> TextPositionSelector:
        start, end = selector.get("start"), selector.get("end")
        if (
            not isinstance(start, int)
            or not isinstance(end, int)
            or isinstance(start, bool)
            or isinstance(end, bool)
            or not 0 <= start <= end
        ):
            raise self._refuse(
                f"the TextPositionSelector {_shown(start)}..{_shown(end)} is not a range"
            )
        return TextPositionSelector(start, end)


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


# -- merging ------------------------------------------------------------------------------------


def import_into(
    store: AnnotationStore,
    library: Library,
    records: Iterable[Annotation],
    *,
    document_for: DocumentFor | None = None,
) -> ImportSummary:
    """Anchor imported records in this library's text, then merge them in one transaction.

    A certain anchor becomes the stored position (so an export of an older edition lands
    in the right place); otherwise the file's position, if any, is kept. Records of
    chapters not in the library are kept unanchored.
    """
    load = document_for or (lambda chapter: load_document(chapter, library.root))
    local = {a.id: a for a in store.all_including_tombstones()}
    prepared: list[Annotation] = []
    to_anchor: dict[str, list[int]] = {}
    unknown = 0
    for record in records:
        current = local.get(record.id)
        newer = current is None or record.modified > current.modified
        if record.deleted and not record.target.quote.exact and current is not None:
            # A tombstone carries no content: keep ours, marked deleted as of its time.
            record = replace(current, deleted=True, modified=record.modified)
        elif (
            not record.deleted
            and current is not None
            and not current.deleted
            and current.modified == record.modified
            and current.target.quote == record.target.quote
        ):
            # The same version: where it sits here is our own bookkeeping, not a change.
            record = replace(record, target=current.target)
        elif not record.deleted and newer:
            if library.by_slug(record.chapter) is None:
                unknown += 1
            else:
                to_anchor.setdefault(record.chapter, []).append(len(prepared))
        prepared.append(record)
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
        found = anchor_all(text, [prepared[i].target for i in indexes])
        for i, place in zip(indexes, found, strict=True):
            record = prepared[i]
            if place.certain and place.start is not None and place.end is not None:
                position = TextPositionSelector(place.start, place.end)
                prepared[i] = replace(record, target=Target(record.target.quote, position))
            elif not place.found:
                orphaned += 1
    try:
        merged = store.merge(prepared)
    except ValueError as error:  # parse_w3c checks everything merge does; a bug if reached
        raise ImportRefused(f"The file could not be merged ({error}).") from error
    return ImportSummary(
        merged.added, merged.updated, merged.deleted, merged.unchanged, orphaned, unknown
    )


def import_file(
    store: AnnotationStore,
    library: Library,
    path: Path,
    *,
    default_chapter: str | None = None,
    document_for: DocumentFor | None = None,
) -> ImportSummary:
    """Read, validate and merge one export file; ImportRefused leaves the store untouched."""
    records = parse_w3c(read_import_file(path), source_resolver(library, default_chapter))
    return import_into(store, library, records, document_for=document_for)
