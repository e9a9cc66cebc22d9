"""The highlight colours: one table of names, labels and fills for every theme (no Qt here).

The window draws from it (reader/ui/theme.py turns a fill into a QColor), the exports
colour their notes from it, and the notes model (reader/core/notes.py) accepts exactly
these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.core.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["COLOURS", "HIGHLIGHTS", "Colour", "HighlightColour", "colour_info"]

Colour = Literal["yellow", "green", "blue", "pink", "purple"]


@dataclass(frozen=True, slots=True)
class HighlightColour:
    """One highlight colour: its stored name, the label people see, and its fill per theme."""

    name: Colour
    label: str
    light: str
    dark: str
    sepia: str

    @property
    def shown_label(self) -> str:
        """The label in the interface language (`label` stays English, as exports write it)."""
        return translate("Colours", self.label)

    def fill(self, theme: str) -> str:
        """The fill on theme `theme` ("light", "sepia" or "dark"; others draw as light)."""
        return self.dark if theme == "dark" else self.sepia if theme == "sepia" else self.light


# The fills are drawn translucent over the text, so overlapping highlights stay visible;
# the dark fills are deeper so light text on them keeps its contrast, and the sepia fills
# a little warmer and deeper so they still read as colours on the cream paper. Each
# theme's text keeps 4.5:1 on every fill and every fill stays clearly apart from the
# theme's selection colour (tests/ui/test_reading_settings.py measures both). The order
# is the order menus offer them (and the digits 1-5 of Ctrl+Shift+H).
_TABLE: tuple[HighlightColour, ...] = (
    HighlightColour(
        "yellow", QT_TRANSLATE_NOOP("Colours", "Yellow"), "#ffe45c", "#8a7400", "#ffd84a"
    ),
    HighlightColour(
        "green", QT_TRANSLATE_NOOP("Colours", "Green"), "#9be58f", "#2f7a3a", "#98d982"
    ),
    HighlightColour("blue", QT_TRANSLATE_NOOP("Colours", "Blue"), "#9cc8ff", "#2d5e9e", "#92bdf2"),
    HighlightColour("pink", QT_TRANSLATE_NOOP("Colours", "Pink"), "#ffa6c9", "#9b3a66", "#f7a0bf"),
    HighlightColour(
        "purple", QT_TRANSLATE_NOOP("Colours", "Purple"), "#cfb0ff", "#6446a0", "#c7a6f2"
    ),
)

COLOURS: tuple[Colour, ...] = tuple(entry.name for entry in _TABLE)
"""The highlight colours, in the order a menu should offer them."""

HIGHLIGHTS: dict[str, HighlightColour] = {entry.name: entry for entry in _TABLE}
"""Each colour's entry by name."""


def colour_info(name: str) -> HighlightColour:
    """The entry of colour `name`; an unknown name (a newer version's) draws as yellow."""
    return HIGHLIGHTS.get(name, _TABLE[0])
