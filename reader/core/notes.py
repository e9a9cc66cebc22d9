"""The notes model: annotations, their ids and timestamps, what a valid one is, which version wins.

Everything that knows what a note is lives here, free of SQLite and Qt: the exports, the
import, the sync and the window use these types, and storage (reader/storage/annotations.py)
is one implementation of `NotesRepository` beneath them.
"""

from __future__ import annotations

import builtins
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, NewType, Protocol

from reader.core.anchoring import Target
from reader.core.colours import COLOURS, Colour
from reader.core.import_limits import FUTURE_TOLERANCE, MAX_POSITION, text_problem
from reader.core.library_info import BUNDLED_LIBRARY_ID

__all__ = [
    "BUNDLED_LIBRARY_ID",
    "COLOURS",
    "KINDS",
    "MAX_LIBRARY_ID_LENGTH",
    "Annotation",
    "AnnotationChangedError",
    "AnnotationId",
    "AnnotationNotFoundError",
    "Colour",
    "InvalidAnnotation",
    "Kind",
    "MergeCounts",
    "NotesRepository",
    "NotesStoreError",
    "check_colour",
    "check_kind",
    "clamp_timestamp",
    "format_timestamp",
    "latest_allowed",
    "new_annotation_id",
    "next_timestamp",
    "parse_timestamp",
    "precedence",
    "same_version",
    "validate_annotation",
]

AnnotationId = NewType("AnnotationId", str)
"""A UUID in its canonical text form."""

Kind = Literal["highlight", "bookmark"]
"""What an annotation marks: a highlighted passage, or a bookmarked paragraph."""
KINDS: tuple[Kind, ...] = ("highlight", "bookmark")

MAX_LIBRARY_ID_LENGTH = 200
"""The longest library id a note may carry (ids are short slugs or derived names)."""

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One highlight (with an optional note) or bookmark, or the tombstone of a deleted one.

    `created` and `modified` are UTC ISO 8601 strings with millisecond precision and a
    'Z' ("2024-05-01T09:30:00.123Z"), so they also sort correctly as strings. A bookmark's
    quote is the first words of its paragraph. `previous_quote` holds the words first
    highlighted when re-anchoring found the passage reworded and the quote now holds the
    current words ("" when they never changed). `library` is the id of the library the
    note belongs to (see reader.core.pack_identity): two libraries may both have a chapter
    `intro`, and each sees only its own notes. The id of a note is global all the same.
    """

    id: AnnotationId
    chapter: str
    created: str
    modified: str
    colour: Colour
    note: str
    target: Target
    deleted: bool = False
    kind: Kind = "highlight"
    previous_quote: str = ""
    library: str = BUNDLED_LIBRARY_ID

    @property
    def reworded(self) -> bool:
        """Whether the quote holds other words than the ones first highlighted."""
        return bool(self.previous_quote) and self.previous_quote != self.target.quote.exact


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """What a merge did, counted per incoming record.

    added: ids unknown here, stored as they came (tombstones included); deleted: live
    records replaced by a newer tombstone; updated: any other replacement by a newer
    version (edits, un-deletes, a newer tombstone of an already deleted record);
    unchanged: incoming records identical to, older than, or (with a date from the
    future) not comparable with what is stored.
    """

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    moved: int = 0
    """Of the updates and deletions, those whose newer version belongs to another library
    than the stored one (the note moved with it)."""
    ids: frozenset[AnnotationId] = field(default=frozenset(), compare=False, repr=False)
    """The ids of the records written (so that only they are re-indexed and redrawn)."""


class InvalidAnnotation(ValueError):
    """A value no note may hold (a malformed id or date, a date from the future, ...).

    `message` says what is wrong in words; the store refuses the write and keeps nothing.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotesStoreError(Exception):
    """The notes could not be read or written because of the environment, not a bug.

    `message` is meant for the user. Storage raises its own subclass (StorageError).
    """

    message: str


class AnnotationNotFoundError(KeyError):
    """No live annotation has this id (it never existed, or it is deleted)."""


class AnnotationChangedError(Exception):
    """A conditional write found another version than the one it was told to expect.

    `current` is what is stored now (None if the id is unknown): a newer edit from a
    sync, an import or another window, which the refused write would have overwritten.
    """

    def __init__(self, annotation_id: AnnotationId, current: Annotation | None) -> None:
        super().__init__(f"annotation {annotation_id} was changed since the expected version")
        self.annotation_id = annotation_id
        self.current = current


class NotesRepository(Protocol):
    """Where notes are kept: what import, export and sync need of a store.

    A repository is opened for one library (`library_id`): its reads see only that
    library's notes and the notes it creates belong to it. `every_record` and `merge`
    span every library, since a note id is global and the sync file carries them all.
    """

    @property
    def library_id(self) -> str:
        """The id of the library whose notes this repository reads and writes."""
        ...

    def get(self, annotation_id: AnnotationId) -> Annotation | None:
        """The record (live or tombstone) of this library with this id, or None."""
        ...

    def list(
        self, chapter: str | None = None, include_deleted: bool = False
    ) -> builtins.list[Annotation]:
        """This library's records of one chapter (or all) in reading order; tombstones only
        if asked."""
        ...

    def all_including_tombstones(self) -> builtins.list[Annotation]:
        """Every record of this library, tombstones included."""
        ...

    def every_record(self) -> builtins.list[Annotation]:
        """Every stored record of every library, tombstones included."""
        ...

    def merge(
        self, incoming: Iterable[Annotation], *, future_ids: frozenset[AnnotationId] = ...
    ) -> MergeCounts:
        """Merge records from elsewhere (see reader.core.merge) in one transaction."""
        ...


def new_annotation_id() -> AnnotationId:
    """A fresh random annotation id."""
    return AnnotationId(str(uuid.uuid4()))


# -- timestamps -------------------------------------------------------------------------------


def format_timestamp(moment: datetime) -> str:
    """`moment` as the UTC, millisecond, 'Z'-suffixed string stored in the database."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_timestamp(value: str) -> datetime:
    """A stored timestamp as an aware UTC datetime; InvalidAnnotation if it is not one."""
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        raise InvalidAnnotation(f"{value!r} is not a UTC millisecond timestamp")
    try:
        return datetime.strptime(value, _TIMESTAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:  # month 13 and the like
        raise InvalidAnnotation(f"{value!r} is not a date") from None


def latest_allowed(now: datetime | None = None) -> datetime:
    """The latest date a stored note may carry: now plus a day of clock difference."""
    return (now or datetime.now(UTC)) + FUTURE_TOLERANCE


def clamp_timestamp(value: str, now: datetime | None = None) -> str:
    """`value`, or now when it lies more than a day in the future (it cannot be compared)."""
    moment = now or datetime.now(UTC)
    if parse_timestamp(value) > latest_allowed(moment):
        return format_timestamp(moment)
    return value


def next_timestamp(previous: str | None, now: datetime | None = None) -> str:
    """Now, but always later than `previous`, so that "newer wins" sees every edit.

    Two edits within one millisecond, or a clock set back, would otherwise give an edit
    a `modified` that does not sort after the one it replaces. A `previous` further
    ahead than the tolerated clock difference is not believed (it would push every edit
    into the far future, or past year 9999): the edit then simply takes now.
    """
    moment = now or datetime.now(UTC)
    if previous is not None:
        floor = parse_timestamp(previous)
        if floor <= latest_allowed(moment):
            moment = max(moment, floor + timedelta(milliseconds=1))
    return format_timestamp(moment)


# -- values -----------------------------------------------------------------------------------


def check_colour(colour: str) -> Colour:
    """`colour` as a Colour, or InvalidAnnotation naming the colours there are."""
    for known in COLOURS:
        if colour == known:
            return known
    raise InvalidAnnotation(f"unknown colour {colour!r}; expected one of {', '.join(COLOURS)}")


def check_kind(kind: str) -> Kind:
    """`kind` as a Kind, or InvalidAnnotation naming the kinds there are."""
    for known in KINDS:
        if kind == known:
            return known
    raise InvalidAnnotation(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def validate_annotation(annotation: Annotation, now: datetime | None = None) -> None:
    """Raise InvalidAnnotation when `annotation` holds a value no stored note may hold.

    Besides the form of each field: no date more than a day ahead of `now` (it would win
    every later merge), no position beyond the longest chapter (MAX_POSITION), no text
    SQLite cannot store as UTF-8.
    """
    try:
        uuid.UUID(annotation.id)
    except (ValueError, TypeError, AttributeError):
        raise InvalidAnnotation(f"annotation id is not a UUID: {annotation.id!r}") from None
    if not annotation.chapter:
        raise InvalidAnnotation("annotation has no chapter")
    if not annotation.library or len(annotation.library) > MAX_LIBRARY_ID_LENGTH:
        raise InvalidAnnotation(
            f"the library id must be 1 to {MAX_LIBRARY_ID_LENGTH} characters long"
        )
    check_colour(annotation.colour)
    check_kind(annotation.kind)
    limit = latest_allowed(now)
    for name, value in (("created", annotation.created), ("modified", annotation.modified)):
        if parse_timestamp(value) > limit:
            raise InvalidAnnotation(
                f"the {name} date {value} is more than a day in the future; "
                "a note from the future would win every later merge"
            )
    position = annotation.target.position
    if position is not None and position.end > MAX_POSITION:
        raise InvalidAnnotation(
            f"the position {position.start}..{position.end} lies beyond "
            f"{MAX_POSITION:,} characters, longer than any chapter"
        )
    quote = annotation.target.quote
    for name, text in (
        ("chapter", annotation.chapter),
        ("library id", annotation.library),
        ("note", annotation.note),
        ("quote", quote.exact),
        ("quote prefix", quote.prefix),
        ("quote suffix", quote.suffix),
        ("previous quote", annotation.previous_quote),
    ):
        problem = text_problem(text)
        if problem is not None:
            raise InvalidAnnotation(f"the {name} {problem}")


# -- versions ---------------------------------------------------------------------------------


def same_version(stored: Annotation, expected: Annotation) -> bool:
    """Whether `stored` is still the version `expected` describes.

    The position is left out on purpose: re-anchoring moves it without any edit.
    """
    return (stored.modified, stored.deleted, stored.colour, stored.note) == (
        expected.modified,
        expected.deleted,
        expected.colour,
        expected.note,
    )


def precedence(annotation: Annotation) -> tuple[Any, ...]:
    """Order of versions of one annotation: the greatest one wins a merge.

    Newer `modified` wins; for equal times a tombstone wins, then the content decides,
    so that two stores merging each other always end up identical.
    """
    quote, position = annotation.target.quote, annotation.target.position
    content = (
        annotation.chapter,
        annotation.created,
        annotation.colour,
        annotation.note,
        quote.exact,
        quote.prefix,
        quote.suffix,
        -1 if position is None else position.start,
        -1 if position is None else position.end,
        annotation.kind,
        annotation.previous_quote,
        # Last: two versions differing only in their library are ordered all the same,
        # so that two stores merging each other still end up identical.
        annotation.library,
    )
    return (annotation.modified, annotation.deleted, content)
