"""Helpers for the window tests: reach a feature, select a phrase, read the drawn highlights."""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.annotations_feature import AnnotationsFeature
from reader.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
PHRASE = '"freedom from want" and "freedom from fear"'


def annotations_of(window: MainWindow) -> AnnotationsFeature:
    """The window's highlights-and-notes feature."""
    found = window.features["annotations"]
    assert isinstance(found, AnnotationsFeature)
    return found


def select(window: MainWindow, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Select `phrase` in the view the way a user's drag would, via the Qt cursor."""
    doc = window.current_document()
    assert doc is not None
    start = -1
    for _ in range(occurrence + 1):
        start = doc.plain.text.index(phrase, start + 1)
    window.view.setTextCursor(window.view.cursor_for_range(start, start + len(phrase)))
    return start, start + len(phrase)


def drawn(window: MainWindow) -> list[str]:
    """The text under each drawn highlight."""
    return [s.cursor.selectedText() for s in window.view.layer("highlights")]
