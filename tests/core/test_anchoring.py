"""Tests for describing passages and anchoring them again after the text changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import reader.core.anchoring as anchoring
from reader.core.anchoring import (
    CONTEXT_LENGTH,
    Anchor,
    AnchorStatus,
    Target,
    TextPositionSelector,
    TextQuoteSelector,
    anchor,
    anchor_all,
    describe,
)

PARAGRAPHS = [
    "Human security is an emerging paradigm that places ordinary people at the centre "
    "of security concerns.",
    "In contrast to traditional notions of national security, it covers poverty, "
    "infectious diseases, natural disasters and political repression.",
    "The concept was popularised by the Human Development Report of 1994, which argued "
    "for freedom from fear and freedom from want.",
    "Critics reply that a concept covering everything explains nothing, and that it "
    "gives governments a licence to intervene.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def span(text: str, words: str) -> tuple[int, int]:
    """The range of the only occurrence of `words` in `text`."""
    assert text.count(words) == 1, words
    start = text.index(words)
    return start, start + len(words)


def found_text(text: str, result: Anchor) -> str:
    assert result.start is not None and result.end is not None
    return text[result.start : result.end]


def test_describe_records_quote_context_and_position() -> None:
    start, end = span(TEXT, "Human Development Report")
    target = describe(TEXT, start, end)
    assert target.quote.exact == "Human Development Report"
    assert target.quote.prefix == TEXT[start - CONTEXT_LENGTH : start]
    assert target.quote.suffix == TEXT[end : end + CONTEXT_LENGTH]
    assert target.position == TextPositionSelector(start, end)


def test_describe_at_the_edges_keeps_short_context() -> None:
    target = describe("abc", 0, 3)
    assert target.quote == TextQuoteSelector("abc", "", "")


@pytest.mark.parametrize(("start", "end"), [(3, 3), (-1, 2), (2, 1), (0, len(TEXT) + 1)])
def test_describe_rejects_empty_or_invalid_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        describe(TEXT, start, end)


def test_position_selector_rejects_inverted_ranges() -> None:
    with pytest.raises(ValueError):
        TextPositionSelector(5, 4)


def test_unchanged_text_anchors_by_position() -> None:
    start, end = span(TEXT, "freedom from fear")
    result = anchor(TEXT, describe(TEXT, start, end))
    assert result == Anchor(AnchorStatus.EXACT_POSITION, start, end, True)
    assert result.found
    assert result.status == "exact-position"


def test_text_inserted_before_the_quote_moves_the_anchor() -> None:
    start, end = span(TEXT, "freedom from fear")
    target = describe(TEXT, start, end)
    edited = "A new opening paragraph.\n\n" + TEXT
    result = anchor(edited, target)
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert result.certain
    assert found_text(edited, result) == "freedom from fear"
    assert result.start == start + len("A new opening paragraph.\n\n")


def test_word_changed_inside_the_quote_is_a_fuzzy_match() -> None:
    quote = "places ordinary people at the centre of security concerns"
    start, end = span(TEXT, quote)
    target = describe(TEXT, start, end)
    edited = TEXT.replace("ordinary people", "everyday people")
    result = anchor(edited, target)
    assert result.status is AnchorStatus.FUZZY
    assert not result.certain
    assert found_text(edited, result) == quote.replace("ordinary", "everyday")


def test_fuzzy_match_follows_a_longer_replacement() -> None:
    quote = "covers poverty, infectious diseases, natural disasters"
    start, end = span(TEXT, quote)
    target = describe(TEXT, start, end)
    edited = "Preface.\n\n" + TEXT.replace("infectious diseases", "infectious and chronic diseases")
    result = anchor(edited, target)
    assert result.status is AnchorStatus.FUZZY
    assert found_text(edited, result) == quote.replace(
        "infectious diseases", "infectious and chronic diseases"
    )


def test_too_many_changes_orphan_the_annotation() -> None:
    start, end = span(TEXT, "freedom from fear")
    target = describe(TEXT, start, end)
    edited = TEXT.replace("freedom from fear", "liberty against dread")
    assert anchor(edited, target).status is AnchorStatus.ORPHANED


def test_repeated_quote_is_disambiguated_by_context() -> None:
    text = (
        "Chapter one says the answer is forty-two, as the computer claimed.\n"
        "Chapter two says the answer is forty-two, according to the mice."
    )
    second = text.rindex("the answer is forty-two")
    target = describe(text, second, second + len("the answer is forty-two"))
    quote_only = Target(target.quote)
    result = anchor(text, quote_only)
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert result.certain
    assert result.start == second
    # The same after an insertion that moves both occurrences.
    edited = "Preface.\n" + text
    assert anchor(edited, target).start == second + len("Preface.\n")


def test_closer_occurrence_wins_when_context_is_equal() -> None:
    block = "x" * 40 + " the same words " + "y" * 40 + "\n"
    text = block * 3
    third = 2 * len(block) + 40
    target = describe(text, third, third + len(" the same words "))
    edited = "inserted " + text
    result = anchor(edited, target)
    assert result.start == third + len("inserted ")


def test_paragraph_deleted_orphans_the_annotation() -> None:
    quote = "a licence to intervene"
    start, end = span(TEXT, quote)
    target = describe(TEXT, start, end)
    edited = "\n\n".join(PARAGRAPHS[:3])
    result = anchor(edited, target)
    assert result == Anchor(AnchorStatus.ORPHANED, None, None, False)
    assert not result.found


def test_emoji_before_the_quote_keeps_python_indices() -> None:
    text = "Smile 😀🎉 and 𝄞 music and 𠜎 CJK before the quoted words here."
    start, end = span(text, "quoted words")
    target = describe(text, start, end)
    assert anchor(text, target).start == start
    edited = "🚀🚀🚀 " + text
    result = anchor(edited, target)
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert found_text(edited, result) == "quoted words"
    assert result.start == start + 4


def test_empty_quote_is_orphaned() -> None:
    target = Target(TextQuoteSelector(""), TextPositionSelector(3, 3))
    assert anchor(TEXT, target).status is AnchorStatus.ORPHANED


def test_whitespace_quote_anchors_only_by_position() -> None:
    start = TEXT.index("\n\n")
    target = describe(TEXT, start, start + 2)
    assert anchor(TEXT, target).status is AnchorStatus.EXACT_POSITION
    # Moved whitespace cannot be told from any other whitespace.
    assert anchor("Preface. " + TEXT, target).status is AnchorStatus.ORPHANED
    assert anchor(TEXT, Target(target.quote)).status is AnchorStatus.ORPHANED


def test_empty_text_orphans_everything() -> None:
    target = describe(TEXT, 0, 20)
    assert anchor("", target).status is AnchorStatus.ORPHANED
    assert anchor_all("", [target, target]) == [anchor("", target)] * 2


def test_position_beyond_the_end_of_a_shorter_text() -> None:
    target = Target(TextQuoteSelector("centre"), TextPositionSelector(10_000, 10_006))
    result = anchor(TEXT, target)
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert found_text(TEXT, result) == "centre"


def test_short_quote_is_not_confirmed_by_a_coincidence_at_its_old_position() -> None:
    text = "Once upon a time the dragon slept soundly in its cave."
    start, end = span(text, "the")
    target = describe(text, start, end)
    # Another "the" lands exactly on the old position, among unrelated words.
    noise = "n" * start + "the mangled words. "
    edited = noise + text
    assert edited[start:end] == "the"
    result = anchor(edited, target)
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert result.start == len(noise) + start


def test_anchor_all_keeps_input_order_and_follows_shifts() -> None:
    targets = [
        describe(TEXT, *span(TEXT, words)) for words in ("licence", "Human security", "1994")
    ]
    edited = "Preface.\n\n" + TEXT.replace("poverty, ", "")
    results = anchor_all(edited, targets)
    assert [found_text(edited, r) for r in results] == ["licence", "Human security", "1994"]
    assert [r.status for r in results] == [
        AnchorStatus.EXACT_QUOTE,
        AnchorStatus.EXACT_QUOTE,
        AnchorStatus.EXACT_QUOTE,
    ]


def test_anchor_all_with_quote_only_targets() -> None:
    targets = [Target(TextQuoteSelector("1994")), Target(TextQuoteSelector("not in the text"))]
    results = anchor_all(TEXT, targets)
    assert found_text(TEXT, results[0]) == "1994"
    assert results[1].status is AnchorStatus.ORPHANED


def test_unchanged_large_text_never_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 annotations on ~1 MB of unchanged text are confirmed where they were recorded:
    no quote search, no approximate search and no edit distance is ever computed."""
    text = (TEXT + "\n\n") * (1_000_000 // len(TEXT))
    step = len(text) // 1000
    targets = [describe(text, i * step, i * step + 25) for i in range(1000)]

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the fast path searched the text")

    monkeypatch.setattr(anchoring, "_find_exact", forbidden)
    monkeypatch.setattr(anchoring, "_find_fuzzy", forbidden)
    monkeypatch.setattr(Levenshtein, "normalized_similarity", forbidden)
    results = anchor_all(text, targets)
    assert [(r.status, r.start, r.end, r.certain) for r in results] == [
        (AnchorStatus.EXACT_POSITION, i * step, i * step + 25, True) for i in range(1000)
    ]


texts = st.text(
    alphabet=st.sampled_from("ab \n😀é"),
    min_size=1,
    max_size=200,
) | st.text(min_size=1, max_size=200)


@given(data=st.data(), text=texts)
def test_describe_then_anchor_round_trips(data: st.DataObject, text: str) -> None:
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    result = anchor(text, describe(text, start, end))
    assert (result.status, result.start, result.end, result.certain) == (
        AnchorStatus.EXACT_POSITION,
        start,
        end,
        True,
    )


@given(data=st.data(), text=texts)
def test_quote_only_anchor_finds_an_identical_passage(data: st.DataObject, text: str) -> None:
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(text)), label="end")
    quote = describe(text, start, end).quote
    result = anchor(text, Target(quote))
    if not quote.exact.strip():
        assert result.status is AnchorStatus.ORPHANED
        return
    assert result.status is AnchorStatus.EXACT_QUOTE
    assert result.certain
    assert result.start is not None and result.end is not None
    # Possibly another occurrence, but one that is indistinguishable by its context.
    assert describe(text, result.start, result.end).quote == quote


def test_whole_text_search_is_bounded_when_many_highlights_are_lost() -> None:
    """A rewritten chapter does not make opening take seconds: scans stop at a budget."""
    import reader.core.anchoring as anchoring

    words = [f"word{i % 997}x{i % 13}" for i in range(20_000)]
    old = " ".join(words)
    targets = [describe(old, i * 300, i * 300 + 60) for i in range(200)]
    new = " ".join(reversed(words)).upper()  # nothing can be found any more
    calls = {"whole": 0}
    original = anchoring._best_fuzzy

    def counting(text, quote, expected, regions):  # type: ignore[no-untyped-def]
        if len(regions) > 1 or regions[0] == (0, len(text)):
            calls["whole"] += 1
        return original(text, quote, expected, regions)

    anchoring._best_fuzzy = counting  # type: ignore[assignment]
    try:
        results = anchor_all(new, targets)
    finally:
        anchoring._best_fuzzy = original  # type: ignore[assignment]
    assert all(r.status == AnchorStatus.ORPHANED for r in results)
    assert calls["whole"] <= anchoring._WHOLE_TEXT_FUZZY_BUDGET // len(new)
    # A single anchor() still searches the whole text.
    assert anchor(new, targets[0]).status == AnchorStatus.ORPHANED
