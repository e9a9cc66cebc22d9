"""The sane ranges every incoming note value must fall in, and checks of raw JSON text.

An imported value outlives the file it came in: a date in year 9999 would win every
later merge, a position of 2**63 does not fit an SQLite integer, a lone surrogate
cannot be stored as UTF-8. These limits keep such values out of the notes database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from reader.core.library import MAX_CHAPTER_BYTES

__all__ = [
    "EARLIEST_DATE",
    "FUTURE_TOLERANCE",
    "MAX_POSITION",
    "MAX_TEXT_CHARS",
    "printable",
    "text_problem",
    "walk_strings",
]

EARLIEST_DATE = datetime(1970, 1, 1, tzinfo=UTC)
"""Dates before this are refused: no note was written before then."""

FUTURE_TOLERANCE = timedelta(days=1)
"""Dates later than now plus this are set to now: another computer's clock may be a little
ahead, but a note from far in the future would win every merge."""

MAX_POSITION = MAX_CHAPTER_BYTES
"""No chapter the library opens is longer than this many characters."""

MAX_TEXT_CHARS = 1024 * 1024
"""The longest quote, context or note accepted (1 Mi characters)."""


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text (a NUL, an unpaired surrogate), or None."""
    if "\x00" in value:
        return "holds a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = value[error.start]
        return f"holds an unpaired surrogate (\\u{ord(bad):04x}), which is not text"
    return None


def walk_strings(value: Any) -> Iterator[tuple[str, str]]:
    """Every string (keys too) inside a parsed JSON value, with the key it sits under.

    Iterative, so that a value nested as deep as the JSON parser allows cannot exhaust
    the stack here.
    """
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        key, current = stack.pop()
        if isinstance(current, str):
            yield key, current
        elif isinstance(current, dict):
            for child_key, child in current.items():
                yield child_key, child_key
                stack.append((child_key, child))
        elif isinstance(current, list):
            stack.extend((key, child) for child in current)


def printable(text: str, limit: int = 80) -> str:
    """`text` shortened and with control characters and surrogates escaped, for messages."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    out: list[str] = []
    for char in short:
        code = ord(char)
        if code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
