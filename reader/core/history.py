"""Back and forward through the places a student jumped from, as in a web browser.

A jump is following a link, choosing an entry in Contents, a search result or a note, or
moving to the next chapter. The place left behind (chapter and plain-text offset at the
top of the view) is remembered, so Back returns there; scrolling is not a jump.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class Place:
    """A reading place: a chapter and the plain-text offset shown at the top."""

    chapter: str
    offset: int


class History:
    """The places to go back and forward to; at most `limit` of each are kept."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._limit = max(1, limit)

    @property
    def can_go_back(self) -> bool:
        """Whether there is a place to go back to."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """Whether there is a place to go forward to (after going back)."""
        return bool(self._forward)

    def jumped_from(self, origin: Place) -> None:
        """A jump left `origin`: Back now returns there, and Forward starts again."""
        self._forward.clear()
        if self._back and self._back[-1] == origin:
            return  # jumping again from the same place: one step back is enough
        self._back.append(origin)
        del self._back[: -self._limit]

    def back(self, current: Place) -> Place | None:
        """The place to return to, leaving `current` to go forward to; None if none."""
        return self._step(self._back, self._forward, current)

    def forward(self, current: Place) -> Place | None:
        """The place gone back from, leaving `current` to go back to; None if none."""
        return self._step(self._forward, self._back, current)

    def forget(self, place: Place) -> None:
        """Drop `place` wherever it is (its chapter is gone from the library)."""
        self._back = [p for p in self._back if p != place]
        self._forward = [p for p in self._forward if p != place]

    def _step(self, source: list[Place], other: list[Place], current: Place) -> Place | None:
        if not source:
            return None
        target = source.pop()
        if not other or other[-1] != current:
            other.append(current)
            del other[: -self._limit]
        return target
