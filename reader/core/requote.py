"""A reworded passage: when re-anchoring may store today's words as the annotation's quote.

Re-anchoring finds a highlight again after its chapter changed. When the words at the new
place differ from the stored quote (an approximate match), they are shown at once; they
are stored (the first words kept as `previous_quote`) only when the match is beyond
doubt, so that an export made without opening the chapter agrees with the window.
"""

from __future__ import annotations

from reader.core.anchoring import CONTEXT_LENGTH, Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import Annotation
from reader.core.placement import Span

__all__ = ["CONTEXT_AGREEMENT", "requoted_target"]

CONTEXT_AGREEMENT = 0.8
"""How alike the words on each side must be to their recorded context (0..1).

An approximate match is never certain by itself (anchoring shows it but does not store
it); with the words on both sides still the recorded ones, only the passage itself was
reworded, and its new words can be kept.
"""


def _similarity(recorded: str, actual: str) -> float:
    if recorded == actual:
        return 1.0
    # Imported here, as anchoring does: an unchanged chapter never needs it.
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(recorded, actual))


def requoted_target(annotation: Annotation, text: str, span: Span) -> Target | None:
    """The target to store for a passage found reworded at `span`, or None to keep the old.

    None when the words at `span` are the stored quote, or when the match is neither
    certain nor confirmed by the recorded context on both sides.
    """
    quote = annotation.target.quote
    words = text[span.start : span.end]
    if not words.strip() or words == quote.exact:
        return None
    if not span.certain:
        prefix = text[max(0, span.start - len(quote.prefix)) : span.start]
        suffix = text[span.end : span.end + len(quote.suffix)]
        # Without any recorded context there is nothing to confirm the match with.
        if not (quote.prefix or quote.suffix):
            return None
        if min(_similarity(quote.prefix, prefix), _similarity(quote.suffix, suffix)) < (
            CONTEXT_AGREEMENT
        ):
            return None
    return Target(
        TextQuoteSelector(
            words,
            text[max(0, span.start - CONTEXT_LENGTH) : span.start],
            text[span.end : span.end + CONTEXT_LENGTH],
        ),
        TextPositionSelector(span.start, span.end),
    )
