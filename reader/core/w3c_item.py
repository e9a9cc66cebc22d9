"""One W3C annotation item checked and turned into a record: every complaint names the item.

reader/core/importing.py reads whole files with this; the rules for files from other
tools (ids, dates, colours, sources) are described there.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.exchange import CHAPTER_SCHEME, LIBRARY_PROPERTY
from reader.core.import_limits import (
    EARLIEST_DATE,
    FUTURE_TOLERANCE,
    MAX_POSITION,
    MAX_TEXT_CHARS,
    printable,
    text_problem,
    walk_strings,
)
from reader.core.notes import (
    BUNDLED_LIBRARY_ID,
    COLOURS,
    MAX_LIBRARY_ID_LENGTH,
    Annotation,
    AnnotationId,
    Colour,
    Kind,
    format_timestamp,
)
from reader.core.slugs import is_valid_slug

_MAX_ID_LENGTH = 2048
# An IRI: a scheme, a colon, and no white space or control characters.
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+$")
_STATES = ("anchored", "orphaned", "deleted")

SourceResolver = Callable[[str], str | None]


class ImportRefused(Exception):
    """The file cannot be imported; `message` names the problem (and the item) for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_type(value: Any, name: str) -> bool:
    """Whether a JSON-LD "type" is `name` (or a list holding it)."""
    return value == name or (isinstance(value, list) and name in value)


class ItemParser:
    """Checks one item and builds its record; every complaint names the item.

    After parse(), `future_dates` counts the dates that lay in the future and were set
    to `now` (the time the whole file is read at). An item that names no library (an
    older export, another tool's) belongs to `library`.
    """

    def __init__(
        self,
        index: int,
        item: Any,
        generated: str | None,
        resolve: SourceResolver | None,
        now: datetime | None = None,
        library: str = BUNDLED_LIBRARY_ID,
    ) -> None:
        self._index = index
        self._library = library
        self._item = item
        self._generated = generated
        self._resolve = resolve
        self._now = now or datetime.now(UTC)
        self._label = f"Item {index}"
        self.future_dates = 0

    def _refuse(self, problem: str) -> ImportRefused:
        return ImportRefused(f"{self._label}: {problem}.")

    def parse(self) -> Annotation:
        """The item's record, or ImportRefused naming the item and the problem."""
        item = self._item
        if not isinstance(item, dict):
            raise self._refuse("is not a JSON object")
        raw_id = item.get("id")
        if isinstance(raw_id, str):
            self._label = f"Item {self._index} ({printable(raw_id)})"
        # Before anything else: text SQLite cannot hold, or that no reader could use.
        for key, text in walk_strings(item):
            problem = text_problem(text)
            if problem is not None:
                where = f'the text under "{printable(key, 40)}"' if key else "a text"
                raise self._refuse(f"{where} {problem}")
        annotation_id = self._id(raw_id)
        if not is_type(item.get("type"), "Annotation"):
            raise self._refuse(f'"type" is {_shown(item.get("type"))}, not "Annotation"')
        state = item.get("state", "anchored")
        if state not in _STATES:
            raise self._refuse(f'"state" is {_shown(state)}; expected one of {", ".join(_STATES)}')
        modified, created = self._dates(item)
        target = self._target(item.get("target"))
        chapter = self._chapter(target.get("source"))
        library = self._library_id(item.get(LIBRARY_PROPERTY))
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
                library=library,
            )
        return Annotation(
            id=annotation_id,
            chapter=chapter,
            created=created,
            modified=modified,
            colour=self._colour(target.get("styleClass")),
            note=self._note(item),
            target=self._selectors(target.get("selector")),
            kind=self._kind(item.get("motivation")),
            previous_quote=self._previous_quote(item.get("previousQuote")),
            library=library,
        )

    def _library_id(self, raw: Any) -> str:
        if raw is None:
            return self._library
        if not isinstance(raw, str) or not raw:
            raise self._refuse(f'"{LIBRARY_PROPERTY}" is not a library id: {_shown(raw)}')
        if len(raw) > MAX_LIBRARY_ID_LENGTH:
            raise self._refuse(
                f'"{LIBRARY_PROPERTY}" is longer than {MAX_LIBRARY_ID_LENGTH} characters'
            )
        return raw

    def _kind(self, motivation: Any) -> Kind:
        # W3C allows one motivation or a list; "bookmarking" anywhere makes a bookmark.
        values = motivation if isinstance(motivation, list) else [motivation]
        return "bookmark" if "bookmarking" in values else "highlight"

    def _previous_quote(self, raw: Any) -> str:
        if raw is None:
            return ""
        if not isinstance(raw, str):
            raise self._refuse(f'"previousQuote" is not text: {_shown(raw)}')
        if len(raw) > MAX_TEXT_CHARS:
            raise self._refuse(f'"previousQuote" is longer than {MAX_TEXT_CHARS:,} characters')
        return raw

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
        if moment < EARLIEST_DATE:
            raise self._refuse(f'"{key}" is before 1970: {_shown(value)}')
        if moment > self._now + FUTURE_TOLERANCE:
            # A date from the future would win every later merge and could never be
            # overtaken by an edit: it is set to now, and the import says so.
            self.future_dates += 1
            moment = self._now
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
            if not is_valid_slug(slug):
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
            if part.get("purpose") == "tagging" or not is_type(
                part.get("type", "TextualBody"), "TextualBody"
            ):
                continue
            value = part.get("value")
            if not isinstance(value, str):
                raise self._refuse('the TextualBody has no text "value"')
            values.append(value)
        note = "\n\n".join(v for v in values if v)
        if len(note) > MAX_TEXT_CHARS:
            raise self._refuse(f"the note is longer than {MAX_TEXT_CHARS:,} characters")
        return note

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
        for name, text in (("exact", exact), ("prefix", prefix), ("suffix", suffix)):
            if len(text) > MAX_TEXT_CHARS:
                raise self._refuse(
                    f'the quote\'s "{name}" is longer than {MAX_TEXT_CHARS:,} characters'
                )
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
        if end > MAX_POSITION:
            # No chapter is that long; such a number does not even fit the database.
            raise self._refuse(
                f"the TextPositionSelector {_shown(start)}..{_shown(end)} lies beyond "
                f"{MAX_POSITION:,} characters, longer than any chapter"
            )
        return TextPositionSelector(start, end)


def _shown(value: Any) -> str:
    """A value as JSON for a message: short, one line, surrogates and controls escaped."""
    if isinstance(value, str):
        return f'"{printable(value, 58)}"'
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"
