"""Re-anchoring a chapter's notes in its current text: where each sits, and what to record.

A passage found at a certain new place has its position recorded (the next opening takes
the fast path), and a passage found reworded has its current words recorded, so that
exports and search agree with what the window shows. Neither is an edit by the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.anchoring import Target
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span, place_annotations
from reader.core.requote import requoted_target
from reader.core.text import PlainText

__all__ = ["Reanchored", "reanchor"]


@dataclass
class Reanchored:
    """The notes of one chapter placed in its current text, and the bookkeeping they need."""

    annotations: dict[AnnotationId, Annotation] = field(default_factory=dict)
    placed: dict[AnnotationId, Span] = field(default_factory=dict)
    orphans: list[Annotation] = field(default_factory=list)
    """Notes whose passage was not found in the current text."""
    moved: list[tuple[AnnotationId, int, int]] = field(default_factory=list)
    """Passages found with certainty somewhere other than their stored position."""
    reworded: list[tuple[AnnotationId, Target]] = field(default_factory=list)
    """Passages found reworded: the target with today's words to store."""


def reanchor(annotations: Sequence[Annotation], plain: PlainText) -> Reanchored:
    """Place `annotations` (all of one chapter) in `plain` and list what should be recorded."""
    result = Reanchored()
    for placement in place_annotations(annotations, plain):
        annotation, found = placement.annotation, placement.span
        result.annotations[annotation.id] = annotation
        if found is None:
            result.orphans.append(annotation)
            continue
        result.placed[annotation.id] = found
        requoted = requoted_target(annotation, plain.text, found)
        if requoted is not None:
            result.reworded.append((annotation.id, requoted))
        elif found.certain:
            position = annotation.target.position
            if position is None or (position.start, position.end) != (found.start, found.end):
                result.moved.append((annotation.id, found.start, found.end))
    return result
