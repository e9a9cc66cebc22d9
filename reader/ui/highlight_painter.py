"""Drawing highlights in the chapter view: one format per colour and note, and the flash."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from reader.core.colours import HIGHLIGHTS
from reader.core.i18n import translate
from reader.core.notes import Annotation
from reader.core.placement import Span
from reader.ui.theme import Theme, highlight_colour, swatch_colour

if TYPE_CHECKING:
    from reader.ui.viewer import ChapterView


__all__ = ["FLASH_MS", "HighlightPainter", "describe_highlights"]

FLASH_MS = 900


def describe_highlights(placed: Iterable[tuple[Annotation, Span]], offset: int) -> str:
    """Words for the highlights holding plain-text `offset` (for a screen reader), or ""."""
    words = []
    for annotation, place in placed:
        if place.start <= offset < place.end:
            colour = HIGHLIGHTS[annotation.colour].shown_label.lower()
            note = " ".join(annotation.note.split())
            words.append(
                translate("HighlightPainter", "Highlighted, {colour}; note: {note}").format(
                    colour=colour, note=note
                )
                if note
                else translate("HighlightPainter", "Highlighted, {colour}").format(colour=colour)
            )
    return ". ".join(words)


class HighlightPainter(QObject):
    """Paints the highlights of the open chapter into the view's "highlights" layer."""

    def __init__(self, view: ChapterView, theme: Callable[[], Theme]) -> None:
        super().__init__(view)
        self._view = view
        self._theme = theme
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self._view.set_layer("flash", []))

    def _format(self, colour: str, noted: bool) -> QTextCharFormat:
        theme = self._theme()
        fmt = QTextCharFormat()
        fmt.setBackground(highlight_colour(colour, theme))
        if noted:
            # A note's marker: a dotted underline in the highlight's own colour.
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            marker = swatch_colour(colour, theme)
            fmt.setUnderlineColor(marker.lighter(190) if theme.dark else marker.darker(170))
        return fmt

    def paint(self, placed: Iterable[tuple[Annotation, Span]]) -> None:
        """Draw these highlights (bookmarks are left to the margin), replacing the last ones."""
        ordered = sorted(placed, key=lambda item: (item[1].start, -item[1].end))
        # Ten formats at most, shared by every highlight of the same colour and kind.
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        ranges: list[tuple[int, int, QTextCharFormat]] = []
        for annotation, place in ordered:
            if annotation.kind != "highlight":
                continue  # bookmarks are marked in the margin (reader/ui/bookmarks.py)
            key = (annotation.colour, bool(annotation.note))
            if key not in formats:
                formats[key] = self._format(*key)
            ranges.append((place.start, place.end, formats[key]))
        self._view.set_layer_ranges("highlights", ranges)

    def clear(self) -> None:
        """Draw no highlights."""
        self._view.set_layer("highlights", [])

    def flash(self, place: Span) -> None:
        """Mark `place` briefly in the theme's accent colour, to show where a jump went."""
        flash = QTextEdit.ExtraSelection()
        flash.cursor = self._view.cursor_for_range(place.start, place.end)
        fmt = QTextCharFormat()
        accent = QColor(self._theme().accent)
        accent.setAlphaF(0.35)
        fmt.setBackground(accent)
        flash.format = fmt
        self._view.set_layer("flash", [flash])
        self._flash_timer.start(FLASH_MS)
