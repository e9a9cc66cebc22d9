"""The notes model: timestamps that always move forward, values a note may hold, colours."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.colours import COLOURS, HIGHLIGHTS, colour_info
from reader.core.import_limits import MAX_POSITION
from reader.core.notes import (
    Annotation,
    AnnotationId,
    InvalidAnnotation,
    clamp_timestamp,
    format_timestamp,
    next_timestamp,
    parse_timestamp,
    precedence,
    validate_annotation,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def sample(**changes: object) -> Annotation:
    """A valid annotation with some fields changed."""
    base = Annotation(
        id=AnnotationId(str(uuid.UUID(int=7))),
        chapter="human-security",
        created="2025-01-01T00:00:00.000Z",
        modified="2025-01-01T00:00:00.000Z",
        colour="green",
        note="a note",
        target=Target(TextQuoteSelector("words", "before ", " after"), TextPositionSelector(4, 9)),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


moments = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999000)
).map(lambda d: d.replace(tzinfo=UTC))


@given(previous=moments)
def test_next_timestamp_never_overflows_and_never_goes_past_tomorrow(previous: datetime) -> None:
    stamp = next_timestamp(format_timestamp(previous), NOW)
    moment = parse_timestamp(stamp)
    assert moment <= NOW + timedelta(days=1, milliseconds=1)
    # Later than what it replaces, unless that lay beyond the tolerated clock difference.
    if previous <= NOW + timedelta(days=1):
        assert stamp > format_timestamp(previous)
    else:
        assert moment == NOW


def test_next_timestamp_follows_a_clock_a_little_ahead() -> None:
    ahead = format_timestamp(NOW + timedelta(hours=3))
    assert next_timestamp(ahead, NOW) == format_timestamp(NOW + timedelta(hours=3, milliseconds=1))
    assert next_timestamp(None, NOW) == "2025-03-01T12:00:00.000Z"


def test_clamp_timestamp_sets_only_far_future_dates_to_now() -> None:
    assert clamp_timestamp("9999-12-31T23:59:59.999Z", NOW) == "2025-03-01T12:00:00.000Z"
    soon = format_timestamp(NOW + timedelta(hours=20))
    assert clamp_timestamp(soon, NOW) == soon
    assert clamp_timestamp("2020-01-01T00:00:00.000Z", NOW) == "2020-01-01T00:00:00.000Z"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"id": AnnotationId("not-a-uuid")}, "not a UUID"),
        ({"chapter": ""}, "no chapter"),
        ({"colour": "orange"}, "unknown colour 'orange'"),
        ({"modified": "yesterday"}, "not a UTC millisecond timestamp"),
        ({"created": "2025-13-01T00:00:00.000Z"}, "is not a date"),
        (
            {"modified": "2025-03-03T00:00:00.000Z"},
            "modified date .* more than a day in the future",
        ),
        ({"created": "9999-01-01T00:00:00.000Z"}, "created date .* more than a day in the future"),
        (
            {"target": Target(TextQuoteSelector("w"), TextPositionSelector(0, MAX_POSITION + 1))},
            "longer than any chapter",
        ),
        ({"note": "bad \x00 note"}, "note holds a NUL"),
        ({"target": Target(TextQuoteSelector("\ud800"))}, "quote holds an unpaired surrogate"),
    ],
)
def test_values_no_note_may_hold_are_refused_in_words(
    changes: dict[str, object], words: str
) -> None:
    validate_annotation(sample(), NOW)
    with pytest.raises(InvalidAnnotation, match=words) as refused:
        validate_annotation(sample(**changes), NOW)
    assert isinstance(refused.value, ValueError)
    assert refused.value.message == str(refused.value)


def test_a_day_ahead_is_still_accepted() -> None:
    validate_annotation(sample(modified=format_timestamp(NOW + timedelta(hours=23))), NOW)


def test_precedence_prefers_newer_then_tombstones_then_content() -> None:
    old, new = sample(), sample(modified="2025-02-01T00:00:00.000Z")
    assert precedence(new) > precedence(old)
    assert precedence(replace(old, deleted=True)) > precedence(old)
    assert precedence(replace(old, note="b")) != precedence(replace(old, note="a"))


def test_one_colour_table_names_labels_and_fills_every_colour() -> None:
    assert COLOURS == ("yellow", "green", "blue", "pink", "purple")
    for name in COLOURS:
        entry = HIGHLIGHTS[name]
        assert entry.name == name
        assert entry.label == name.capitalize()
        assert entry.light.startswith("#") and entry.dark.startswith("#")
    assert colour_info("a colour of a newer version") == HIGHLIGHTS["yellow"]
