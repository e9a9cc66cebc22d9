"""Query parsing, folding, matching and snippets: whatever a user types is safe."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search_query import (
    MATCH_END,
    MATCH_START,
    Term,
    find_query,
    find_text,
    fold,
    make_snippet,
    mark_segments,
    parse_query,
    snippet_segments,
)

HOSTILE = ['"', '""', '"""', "-", "+", ":", "(", ")", "*", "^", "NOT", "a OR b", "NEAR(a b)",
           'col:"x"', "-word", "+word", "(a", "a)", '"unbalanced phrase', "\x00", "   ", "",
           "'", "a'b", "x*y*", "**", "\\", "{a b}", "%_", "é*", "AND AND", "a - b"]  # fmt: skip


def test_plain_words_are_separate_terms() -> None:
    query = parse_query("freedom  from Fear")
    assert query.terms == (Term(("freedom",)), Term(("from",)), Term(("Fear",)))
    assert query.fts5() == '"freedom" AND "from" AND "Fear"'


def test_quoted_words_are_one_phrase() -> None:
    query = parse_query('"freedom from fear" state')
    assert query.terms == (Term(("freedom", "from", "fear")), Term(("state",)))


def test_trailing_star_makes_a_prefix() -> None:
    assert parse_query("secur*").terms == (Term(("secur",), prefix=True),)
    assert parse_query('"human secur"*').terms == (Term(("human", "secur"), prefix=True),)
    assert parse_query("*secur").terms == (Term(("secur",)),)


def test_unbalanced_quote_runs_to_the_end() -> None:
    assert parse_query('state "freedom from').terms == (
        Term(("state",)),
        Term(("freedom", "from")),
    )


def test_inner_punctuation_makes_a_phrase_as_in_fts5() -> None:
    assert parse_query("e-mail").terms == (Term(("e", "mail")),)
    assert parse_query("don't").terms == (Term(("don", "t")),)


def test_operators_and_empty_input_give_no_terms() -> None:
    for text in ("", "   ", "-", "+", ":", "(", ")", '""', "*", "- + : ( )"):
        assert parse_query(text).empty, text
        assert parse_query(text).fts5() == ""


def test_query_words_never_become_fts5_operators() -> None:
    assert parse_query("a OR b NOT c").fts5() == '"a" AND "OR" AND "b" AND "NOT" AND "c"'
    assert parse_query('col:"x"').fts5() == '"col" AND "x"'


def test_repeated_terms_count_once() -> None:
    assert len(parse_query("state state STATE").terms) == 2  # matching ignores case later


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('Le café de la liberté: freedom from fear')")
    yield conn
    conn.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_valid_fts5(fts: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    if not query.empty:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (query.fts5(),)).fetchall()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_input_is_valid_fts5(fts: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    if not query.empty:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (query.fts5(),)).fetchall()
    find_query("Le café de la liberté: freedom from fear", query)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_is_valid_fts5_with_quotes_and_stars(fts: sqlite3.Connection, text: str) -> None:
    for variant in (f'"{text}', f"{text}*", f'"{text}"*', f"-{text}:("):
        query = parse_query(variant)
        if not query.empty:
            fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (query.fts5(),)).fetchall()


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Café NAÏVE Liberté") == "cafe naive liberte"
    assert fold("İstanbul") == "istanbul"


def test_find_query_matches_whole_words_ignoring_accents() -> None:
    text = "Le Café et le cafetier; café-crème."
    spans = find_query(text, parse_query("cafe"))
    assert [text[s:e] for s, e in spans] == ["Café", "café"]


def test_find_query_marks_whole_prefixed_words_and_phrases() -> None:
    text = "Human security and SECURITIES; freedom  from\nfear."
    spans = find_query(text, parse_query('secur* "freedom from fear"'))
    assert [text[s:e] for s, e in spans] == ["security", "SECURITIES", "freedom  from\nfear"]


def test_find_query_maps_offsets_through_length_changing_folds() -> None:
    text = "Die Straße, die Stadt: İzmir und Paris"
    spans = find_query(text, parse_query("paris"))
    assert [text[s:e] for s, e in spans] == ["Paris"]


def test_find_text_is_case_insensitive_by_default() -> None:
    text = "State, state and STATEMENT"
    assert [text[s:e] for s, e in find_text(text, "state")] == ["State", "state", "STATE"]
    assert [text[s:e] for s, e in find_text(text, "state", case_sensitive=True)] == ["state"]
    assert find_text(text, "") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(min_size=1, max_size=5))
def test_find_text_spans_stay_inside_the_text(text: str, needle: str) -> None:
    previous_end = 0
    for start, end in find_text(text, needle):
        assert previous_end <= start <= end <= len(text)
        previous_end = end


def test_snippet_marks_matches_near_the_first_one() -> None:
    text = " ".join(f"w{i}" for i in range(100)) + " target " + " ".join("x" for _ in range(50))
    snippet = make_snippet(text, find_query(text, parse_query("target")), words=10)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{MATCH_START}target{MATCH_END}" in snippet
    segments = snippet_segments(snippet)
    assert ("target", True) in segments
    assert "«target»" in mark_segments(segments)


def test_snippet_segments_stay_on_one_line_without_image_marks() -> None:
    segments = snippet_segments(f"a\n\ufffc b {MATCH_START}c{MATCH_END}")
    assert segments == (("a b ", False), ("c", True))
