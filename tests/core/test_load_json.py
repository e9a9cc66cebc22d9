"""Large import and sync files are read piecewise, exactly as json.loads reads them."""

from __future__ import annotations

import json
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import importing
from reader.core.importing import ImportRefused, load_json, parse_w3c

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300)
@given(_json, st.sampled_from(["", " ", "\n\t "]))
def test_piecewise_reading_gives_what_json_loads_gives(value: object, space: str) -> None:
    text = json.dumps(value, indent=None if not space else 1)
    text = space + text + space
    original = importing.INCREMENTAL_FROM
    importing.INCREMENTAL_FROM = 0
    try:
        assert load_json(text) == json.loads(text)
    finally:
        importing.INCREMENTAL_FROM = original


@pytest.mark.parametrize(
    "text",
    [
        '{"items": [1, 2,]}',
        '{"items": [1 2]}',
        '{"a" 1}',
        "{'a': 1}",
        '{"a": 1} x',
        '{"a": NaN}',
        '{"items": [{"a": Infinity}]}',
        "[1, 2",
        '{"a": [',
    ],
)
def test_piecewise_reading_refuses_what_json_loads_refuses(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(importing, "INCREMENTAL_FROM", 0)
    with pytest.raises(ValueError):
        json.loads(text, parse_constant=importing._no_constant)
    with pytest.raises(ValueError):
        load_json(text)


def test_other_threads_run_while_a_large_file_is_read() -> None:
    """Read whole, a 20 MB file holds the interpreter lock for its whole parse."""
    item = {"type": "Annotation", "id": "x", "body": [{"value": "note " * 40}]}
    text = json.dumps({"type": "AnnotationPage", "items": [item] * 40_000})
    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        whole_started = time.perf_counter()
        json.loads(text)
        whole = time.perf_counter() - whole_started
        gaps.clear()
        read = load_json(text)
    finally:
        done.set()
        ticker.join()
    assert read == json.loads(text)
    # The ticker got to run many times while the piecewise read went on: its longest wait
    # is far shorter than one whole parse (compared in the same process, not as a time).
    assert len(gaps) > 10
    assert max(gaps) < whole


def test_a_large_file_with_bad_json_is_refused_in_words() -> None:
    item = '{"type": "Annotation"}, '
    text = '{"type": "AnnotationPage", "items": [' + item * 20_000 + "]}"
    with pytest.raises(ImportRefused, match="not valid JSON"):
        parse_w3c(text)
