"""Describe a highlighted passage and find it again after the chapter text changes.

Follows the W3C Web Annotation selectors (TextQuoteSelector, TextPositionSelector)
and the way Hypothesis re-anchors them. All offsets are Python string indices
(code points) into the chapter's plain text; converting them to Qt's UTF-16
cursor positions is the viewer's job.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CONTEXT_LENGTH",
    "Anchor",
    "AnchorStatus",
    "Target",
    "TextPositionSelector",
    "TextQuoteSelector",
    "anchor",
    "anchor_all",
    "describe",
]

CONTEXT_LENGTH = 32
"""How many characters of prefix and suffix `describe` records (Hypothesis uses 32 too)."""

# Closeness to the expected place only breaks near-ties between candidates whose
# context matches about equally well; the words around a passage are much
# better evidence than where it used to be.
_POSITION_WEIGHT = 0.05
# Exact occurrences are looked for in growing windows around the expected place,
# so that a chapter where text was inserted does not cost a full scan per note.
_EXACT_RADII = (2_048, 65_536)
# A context similarity below this means the words around the match are not the
# ones around the highlight: the match may be a coincidence.
_CONTEXT_EVIDENCE = 0.5
# A unique exact occurrence at least this long is trusted even without context.
_UNIQUE_QUOTE_MIN = 16
# Short fuzzy quotes match too many places by chance; below this length a fuzzy
# match also needs the surrounding context to agree.
_FUZZY_NEEDS_CONTEXT_BELOW = 32
_FUZZY_WINDOW = 8_192
_FUZZY_CHUNK = 65_536
# Approximate search over the whole text costs 15-30 ms per quote on 1 MB. When a chapter
# was rewritten and hundreds of highlights are lost, anchor_all stops scanning whole texts
# after this many characters (about eight scans of 1 MB, hundreds of a seed-sized chapter)
# so that opening stays quick; the rest are tried near their old place only, and are
# orphaned for this opening (every opening tries them again).
_WHOLE_TEXT_FUZZY_BUDGET = 8_000_000
# Hypothesis's weights for ranking approximate matches (quote, prefix, suffix, position).
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 2.0


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The highlighted words with a little context on each side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """A half-open range [start, end) of code-point offsets into the plain text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid text position {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Target:
    """What an annotation points at: always a quote, and a position when one is known."""

    quote: TextQuoteSelector
    position: TextPositionSelector | None = None


class AnchorStatus(enum.StrEnum):
    """How a target was found again (the values are stable strings)."""

    EXACT_POSITION = "exact-position"
    EXACT_QUOTE = "exact-quote"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a target is in the current text.

    `certain` anchors may be stored as the annotation's new position; uncertain ones
    (fuzzy, or an exact quote without supporting context) should be shown, but the
    stored quote and position kept.
    """

    status: AnchorStatus
    start: int | None
    end: int | None
    certain: bool

    @property
    def found(self) -> bool:
        """True unless the target is orphaned."""
        return self.start is not None


_ORPHANED = Anchor(AnchorStatus.ORPHANED, None, None, False)


def describe(text: str, start: int, end: int) -> Target:
    """Describe text[start:end] by quote (with up to 32 characters of context) and position."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"cannot describe range {start}..{end} of a {len(text)}-character text")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )
    return Target(quote, TextPositionSelector(start, end))


def anchor(text: str, target: Target) -> Anchor:
    """Find `target` in `text`: by position, else exact quote, else approximate quote."""
    expected = target.position.start if target.position is not None else None
    return _anchor(text, target, expected)


def anchor_all(text: str, targets: Iterable[Target]) -> list[Anchor]:
    """Anchor many targets in one text; the result is in the order of `targets`.

    Targets are visited in old-position order and each one is first looked for where
    its neighbours moved to, so an insertion early in the chapter costs little and
    repeated passages keep their own highlights.
    """
    items = list(targets)
    results: list[Anchor] = [_ORPHANED] * len(items)
    order = sorted(range(len(items)), key=lambda i: _old_start_key(items[i]))
    shift = 0
    budget = [_WHOLE_TEXT_FUZZY_BUDGET]
    for i in order:
        target = items[i]
        position = target.position
        expected = position.start + shift if position is not None else None
        result = _anchor(text, target, expected, budget)
        if position is not None and result.certain and result.start is not None:
            shift = result.start - position.start
        results[i] = result
    return results


def _old_start_key(target: Target) -> tuple[int, int]:
    return (0, target.position.start) if target.position is not None else (1, 0)


def _anchor(
    text: str, target: Target, expected: int | None, budget: list[int] | None = None
) -> Anchor:
    quote = target.quote
    if not quote.exact:
        return _ORPHANED
    position = target.position
    if position is not None and text[position.start : position.end] == quote.exact:
        prefix_sim, suffix_sim = _context_similarity(text, position.start, position.end, quote)
        # The context check keeps a short quote ("the") from being confirmed by a
        # coincidence after the text around it moved.
        if (prefix_sim + suffix_sim) / 2 >= _CONTEXT_EVIDENCE:
            return Anchor(AnchorStatus.EXACT_POSITION, position.start, position.end, True)
    if not quote.exact.strip():
        # Whitespace occurs everywhere: only its recorded position can place it.
        return _ORPHANED
    found = _find_exact(text, quote, expected)
    if found is not None:
        return found
    fuzzy = _find_fuzzy(text, quote, expected, budget)
    if fuzzy is not None:
        return Anchor(AnchorStatus.FUZZY, fuzzy[0], fuzzy[1], False)
    return _ORPHANED


def _side_similarity(recorded: str, actual: str) -> float:
    if recorded == actual:
        return 1.0
    # rapidfuzz is imported where it is first needed: an unchanged chapter never needs
    # it, and the reader's start-up does not pay for loading it.
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(recorded, actual))


def _context_similarity(
    text: str, start: int, end: int, quote: TextQuoteSelector
) -> tuple[float, float]:
    prefix = text[max(0, start - len(quote.prefix)) : start]
    suffix = text[end : end + len(quote.suffix)]
    return _side_similarity(quote.prefix, prefix), _side_similarity(quote.suffix, suffix)


def _closeness(start: int, expected: int | None, length: int) -> float:
    if expected is None:
        return 0.0
    return 1.0 - min(1.0, abs(start - expected) / max(1, length))


def _find_exact(text: str, quote: TextQuoteSelector, expected: int | None) -> Anchor | None:
    exact = quote.exact
    n = len(text)
    windows: list[tuple[int, int, int | None]] = [(0, n, None)]
    if expected is not None:
        windows[:0] = [
            (max(0, expected - r), min(n, expected + r + len(exact)), r) for r in _EXACT_RADII
        ]
    for lo, hi, radius in windows:
        best_start, best_score, best_context, count = -1, -1.0, 0.0, 0
        i = text.find(exact, lo, hi)
        while i != -1:
            count += 1
            prefix_sim, suffix_sim = _context_similarity(text, i, i + len(exact), quote)
            context = (prefix_sim + suffix_sim) / 2
            score = context + _POSITION_WEIGHT * _closeness(i, expected, n)
            if score > best_score:
                best_start, best_score, best_context = i, score, context
            i = text.find(exact, i + 1, hi)
        whole_text = lo == 0 and hi == n
        if best_start >= 0 and radius is not None and not whole_text:
            # Anything outside the window is farther than `radius` from the expected
            # place, so it cannot score above this bound: stop if we already reach it.
            if best_score >= 1.0 + _POSITION_WEIGHT * (1.0 - radius / max(1, n)):
                return _exact_quote(best_start, len(exact), best_context, unique=False)
            continue
        if whole_text:
            if best_start < 0:
                return None
            unique = count == 1 and len(exact) >= _UNIQUE_QUOTE_MIN
            return _exact_quote(best_start, len(exact), best_context, unique=unique)
    return None


def _exact_quote(start: int, length: int, context: float, *, unique: bool) -> Anchor:
    certain = unique or context >= _CONTEXT_EVIDENCE
    return Anchor(AnchorStatus.EXACT_QUOTE, start, start + length, certain)


def _find_fuzzy(
    text: str, quote: TextQuoteSelector, expected: int | None, budget: list[int] | None = None
) -> tuple[int, int] | None:
    """An approximate match, near `expected` first; whole-text scans draw on `budget`."""
    exact = quote.exact
    max_errors = len(exact) // 4
    if max_errors == 0:
        return None
    n = len(text)
    if expected is not None:
        lo = max(0, expected - _FUZZY_WINDOW)
        hi = min(n, expected + len(exact) + max_errors + _FUZZY_WINDOW)
        near = _best_fuzzy(text, quote, expected, [(lo, hi)])
        if near is not None or (lo == 0 and hi == n):
            return near
    if budget is not None:
        if budget[0] < n:
            return None
        budget[0] -= n
    overlap = len(exact) + max_errors
    step = max(_FUZZY_CHUNK, 4 * overlap)
    regions = [(lo, min(n, lo + step + overlap)) for lo in range(0, max(1, n), step)]
    return _best_fuzzy(text, quote, expected, regions)


def _best_fuzzy(
    text: str,
    quote: TextQuoteSelector,
    expected: int | None,
    regions: list[tuple[int, int]],
) -> tuple[int, int] | None:
    from rapidfuzz import fuzz

    exact = quote.exact
    length = len(exact)
    max_errors = length // 4
    # A window of the quote's length around a match with k edits differs by at most
    # about 3k insertions/deletions, which bounds partial_ratio from below.
    cutoff = max(0.0, 100.0 * (1.0 - 1.5 * max_errors / length) - 1.0)
    best: tuple[float, int, int] | None = None
    for lo, hi in regions:
        if hi - lo < length - max_errors:
            continue
        if hi - lo <= length:
            start, end = lo, hi
        else:
            alignment = fuzz.partial_ratio_alignment(exact, text[lo:hi], score_cutoff=cutoff)
            if alignment is None:
                continue
            start, end = lo + alignment.dest_start, lo + alignment.dest_end
        start, end, distance = _refine(text, exact, start, end, max_errors)
        if distance > max_errors:
            continue
        prefix_sim, suffix_sim = _context_similarity(text, start, end, quote)
        if length < _FUZZY_NEEDS_CONTEXT_BELOW and (prefix_sim + suffix_sim) / 2 < (
            _CONTEXT_EVIDENCE
        ):
            continue
        score = (
            _W_QUOTE * (1.0 - distance / length)
            + _W_PREFIX * prefix_sim
            + _W_SUFFIX * suffix_sim
            + _W_POSITION * _closeness(start, expected, len(text))
        )
        if best is None or score > best[0]:
            best = (score, start, end)
    return None if best is None else (best[1], best[2])


def _refine(text: str, exact: str, start: int, end: int, max_errors: int) -> tuple[int, int, int]:
    """Move the ends of an approximate match to minimise its edit distance to `exact`.

    partial_ratio aligns a window of the quote's own length, but an edit may have made
    the passage longer or shorter, so each end is moved by up to `max_errors`.
    """
    from rapidfuzz.distance import Levenshtein

    n = len(text)
    best = Levenshtein.distance(exact, text[start:end])
    for _ in range(3):
        if best == 0:
            break
        improved = False
        for candidate in _by_distance(end, max(start, end - max_errors), min(n, end + max_errors)):
            d = Levenshtein.distance(exact, text[start:candidate], score_cutoff=best - 1)
            if d < best:
                best, end, improved = d, candidate, True
        for candidate in _by_distance(
            start, max(0, start - max_errors), min(end, start + max_errors)
        ):
            d = Levenshtein.distance(exact, text[candidate:end], score_cutoff=best - 1)
            if d < best:
                best, start, improved = d, candidate, True
        if not improved:
            break
    return start, end, best


def _by_distance(centre: int, lo: int, hi: int) -> list[int]:
    """Offsets in [lo, hi] nearest `centre` first, so that ties keep the closer end."""
    return sorted(range(lo, hi + 1), key=lambda x: abs(x - centre))
