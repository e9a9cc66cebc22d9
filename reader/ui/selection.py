"""What the student chose in the chapter: the selected text, else the find bar's match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.find_bar import FindBar

if TYPE_CHECKING:
    from reader.ui.viewer import ChapterView

__all__ = ["selected_range"]


def selected_range(view: ChapterView, text: str) -> tuple[int, int] | None:
    """The plain-text range chosen in `view` (whose plain text is `text`), trimmed of
    surrounding white space; None when nothing (or only white space) is chosen.

    With nothing selected, the find bar's current match stands for the selection: a
    phrase found with Ctrl+F is highlighted with Ctrl+H without a mouse.
    """
    cursor = view.textCursor()
    positions = view.positions
    if positions is None:
        return None
    if cursor.hasSelection():
        start = positions.from_qt(cursor.selectionStart())
        end = positions.from_qt(cursor.selectionEnd())
    else:
        # The bar is a child of the view (reader/ui/find_bar.py), installed by search.
        bar = view.findChild(FindBar)
        match = bar.current_match() if bar is not None else None
        if match is None:
            return None
        start, end = match
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
