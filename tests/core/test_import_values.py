"""Imported values are held to sane ranges before they reach a real notes database."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reader.core.import_limits import FUTURE_TOLERANCE
from reader.core.importing import ImportRefused, import_into, parse_w3c
from reader.core.library import Library
from reader.core.library_scan import load_library
from reader.core.notes import AnnotationId, format_timestamp
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def library(seed_library: Path) -> Library:
    return load_library(seed_library)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    with Database(tmp_path / "notes.sqlite3") as db:
        yield AnnotationStore(db)


def item(**fields: Any) -> dict[str, Any]:
    """A valid item; `fields` replace its parts (selector: the list of selectors)."""
    selector = fields.pop("selector", [{"type": "TextQuoteSelector", "exact": "freedom from fear"}])
    out: dict[str, Any] = {
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "Annotation",
        "created": "2024-05-01T09:00:00Z",
        "modified": "2024-05-01T10:00:00Z",
        "target": {"source": "chapter:human-security", "selector": selector},
    }
    out.update(fields)
    return out


def w3c(*items: Any) -> str:
    return json.dumps({"type": "AnnotationPage", "items": list(items)})


def test_a_date_far_ahead_is_set_to_now_and_counted(
    store: AnnotationStore, library: Library
) -> None:
    one = item(modified="9999-12-31T23:59:59Z")
    records = parse_w3c(w3c(one), now=NOW)
    assert records.future_dates == 1 and [r.modified for r in records] == [format_timestamp(NOW)]
    summary = import_into(store, library, records)
    assert summary.added == 1 and "1 date in the future was set to now" in summary.lines()
    # The stored note can be edited: the edit's time sorts after the import's.
    [stored] = store.list()
    assert store.set_note(stored.id, "edited").modified > stored.modified


def test_a_clock_a_few_hours_fast_is_trusted(library: Library) -> None:
    soon = format_timestamp(NOW + timedelta(hours=20))
    records = parse_w3c(w3c(item(modified=soon)), now=NOW)
    assert records.future_dates == 0 and records[0].modified == soon


def test_a_future_version_never_replaces_a_stored_one(
    store: AnnotationStore, library: Library
) -> None:
    ident = str(uuid.uuid4())
    import_into(store, library, parse_w3c(w3c(item(id=ident, bodyValue="mine"))))
    [mine] = store.list()
    # Another copy from a computer whose clock reads 2999: its time cannot be compared.
    future = parse_w3c(w3c(item(id=ident, modified="2999-01-01T00:00:00Z", bodyValue="theirs")))
    summary = import_into(store, library, future)
    assert summary.unchanged == 1 and not summary.changed and summary.future_dates == 1
    assert store.list() == [mine]


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("1969-12-31T23:59:59Z", "is before 1970"),
        ("0001-01-01T00:00:00+01:00", "is not a date"),
        ("2024-02-30T00:00:00Z", "is not a date"),
    ],
)
def test_dates_before_1970_or_impossible_refuse_the_item(date: str, words: str) -> None:
    with pytest.raises(ImportRefused, match=rf'^Item 2 \(urn:uuid:.*\): "modified" {words}'):
        parse_w3c(w3c(item(), item(modified=date)), now=NOW)


def test_a_position_beyond_the_chapter_is_dropped_and_the_quote_places_the_note(
    store: AnnotationStore, library: Library
) -> None:
    lost = [
        {"type": "TextQuoteSelector", "exact": "a passage since rewritten"},
        {"type": "TextPositionSelector", "start": 5_000_000, "end": 5_000_020},
    ]
    found = [
        {"type": "TextQuoteSelector", "exact": "freedom from fear"},
        {"type": "TextPositionSelector", "start": 5_000_000, "end": 5_000_017},
    ]
    summary = import_into(store, library, parse_w3c(w3c(item(selector=lost), item(selector=found))))
    assert summary.added == 2 and summary.orphaned == 1
    by_quote = {a.target.quote.exact: a.target.position for a in store.list()}
    assert by_quote["a passage since rewritten"] is None
    placed = by_quote["freedom from fear"]
    assert placed is not None and placed.end < 5_000_000


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"bodyValue": "n" * (1024 * 1024 + 1)}, "the note is longer than 1,048,576 characters"),
        (
            {"selector": [{"type": "TextQuoteSelector", "exact": "q" * (1024 * 1024 + 1)}]},
            'the quote\'s "exact" is longer than',
        ),
        (
            {
                "selector": [
                    {"type": "TextQuoteSelector", "exact": "x"},
                    {"type": "TextPositionSelector", "start": 0, "end": 2**63},
                ]
            },
            "longer than any chapter",
        ),
        ({"bodyValue": "a\x00b"}, '"bodyValue" holds a NUL character'),
        ({"bodyValue": "a\ud800b"}, "unpaired surrogate (\\ud800)"),
        ({"\udc00": "key"}, "unpaired surrogate (\\udc00)"),
    ],
)
def test_values_out_of_range_refuse_the_item_by_name(fields: dict[str, Any], words: str) -> None:
    one = item(**fields)
    with pytest.raises(ImportRefused) as refused:
        parse_w3c(w3c(item(), one), now=NOW)
    assert refused.value.message.startswith(f"Item 2 ({one['id']})")
    assert words in refused.value.message


# -- any item: imported, or refused naming it -----------------------------------------------------


def mostly(valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
    """Valid three times in four, so that many generated items get as far as the store."""
    return st.one_of(valid, valid, valid, hostile)


CLEAN = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30
)
TEXT = st.one_of(CLEAN, CLEAN, CLEAN, st.sampled_from(["", "\x00", "\ud800", "a\udfffb"]))
NUMBER = (
    st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, 5, 2**31, 2**63, 32 * 1024 * 1024 + 1])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
)
ANY = (
    st.none() | TEXT | NUMBER | st.lists(TEXT, max_size=2) | st.dictionaries(TEXT, TEXT, max_size=2)
)


VALID_DATE = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30)).map(
    datetime.isoformat
)
DATE = mostly(
    VALID_DATE,
    st.sampled_from(["9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "yesterday", ""]) | NUMBER,
)
POSITION = st.fixed_dictionaries(
    {
        "type": st.just("TextPositionSelector"),
        "start": mostly(st.integers(0, 2**20), NUMBER | ANY),
        "end": mostly(st.integers(0, 2**20), NUMBER | ANY),
    }
)
QUOTE = st.fixed_dictionaries(
    {"type": st.just("TextQuoteSelector"), "exact": mostly(st.just("freedom from fear"), TEXT)},
    optional={"prefix": mostly(CLEAN, ANY), "suffix": mostly(TEXT, ANY)},
)
RANDOM_ITEM = st.fixed_dictionaries(
    {
        "id": mostly(
            st.uuids().map(lambda u: f"urn:uuid:{u}") | st.just("https://example.org/a/1"),
            st.sampled_from(["urn:uuid:bad", "x y"]) | ANY,
        ),
        "type": mostly(st.sampled_from(["Annotation", ["Annotation", "Other"]]), ANY),
        "modified": DATE,
        "target": mostly(
            st.fixed_dictionaries(
                {
                    "source": mostly(st.just("chapter:human-security"), ANY),
                    "selector": st.lists(mostly(QUOTE, POSITION | ANY), min_size=1, max_size=3),
                },
                optional={"styleClass": mostly(st.sampled_from(["green", "<b>"]), ANY)},
            ),
            ANY,
        ),
    },
    optional={
        "created": DATE,
        "state": mostly(st.sampled_from(["anchored", "orphaned", "deleted"]), ANY),
        "bodyValue": mostly(CLEAN, ANY),
        "body": st.fixed_dictionaries({"type": st.just("TextualBody"), "value": mostly(CLEAN, ANY)})
        | ANY,
    },
)
# Where one hostile value goes into an otherwise valid item.
PLACES: list[tuple[str, ...]] = [
    ("id",),
    ("type",),
    ("modified",),
    ("created",),
    ("state",),
    ("bodyValue",),
    ("target",),
    ("target", "source"),
    ("target", "styleClass"),
    ("target", "selector"),
    ("target", "selector", "0", "exact"),
    ("target", "selector", "0", "prefix"),
    ("target", "selector", "1", "start"),
    ("target", "selector", "1", "end"),
]
HOSTILE = NUMBER | ANY | DATE | st.text(max_size=10)


def valid_item(
    ident: uuid.UUID, modified: str, start: int, length: int, note: str
) -> dict[str, Any]:
    return item(
        id=f"urn:uuid:{ident}",
        modified=modified,
        bodyValue=note,
        selector=[
            {"type": "TextQuoteSelector", "exact": "freedom from fear", "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": start, "end": start + length},
        ],
    )


VALID_ITEM = st.builds(
    valid_item,
    st.uuids(),
    VALID_DATE,
    st.integers(0, 2**25),
    st.integers(0, 100),
    CLEAN,
)


def with_hostile(one: dict[str, Any], place: tuple[str, ...], value: Any) -> dict[str, Any]:
    """`one` with `value` put at `place` (list indexes as digits)."""
    parent: Any = one
    for key in place[:-1]:
        parent = parent[int(key)] if isinstance(parent, list) else parent[key]
    last = place[-1]
    if isinstance(parent, list):
        parent[int(last)] = value
    else:
        parent[last] = value
    return one


ITEM = st.one_of(
    VALID_ITEM,
    st.builds(with_hostile, VALID_ITEM, st.sampled_from(PLACES), HOSTILE),
    RANDOM_ITEM,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ITEM)
def test_any_item_is_imported_or_refused_naming_it(
    tmp_path_factory: pytest.TempPathFactory, library: Library, one: dict[str, Any]
) -> None:
    # allow_nan: NaN and Infinity written the way other tools' JSON writers do.
    data = json.dumps({"type": "AnnotationPage", "items": [one]}, allow_nan=True)
    try:
        records = parse_w3c(data, now=NOW)
    except ImportRefused as refused:
        assert refused.message.startswith(("Item 1", "The file is not valid JSON"))
        event("refused")
        return
    with Database(tmp_path_factory.mktemp("any") / "notes.sqlite3") as db:
        store = AnnotationStore(db)
        summary = import_into(store, library, records)
        assert summary.added == len(records) == 1
        stored = store.get(AnnotationId(records[0].id))
        assert stored is not None
        assert stored.modified <= format_timestamp(NOW + FUTURE_TOLERANCE)
        event("imported")


def test_notes_on_chapters_with_unicode_slugs_are_accepted() -> None:
    """A chapter named in any script (its slug derived from the path) keeps its notes."""
    source = "chapter:leçons.введение"
    one = item(target={"source": source, "selector": [{"type": "TextQuoteSelector", "exact": "w"}]})
    records = parse_w3c(w3c(one), now=NOW)
    assert [r.chapter for r in records] == ["leçons.введение"]
