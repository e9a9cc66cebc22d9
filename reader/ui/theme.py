"""Light and dark reading themes: document stylesheet, widget palette and highlight colours."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from string import Template

from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen

from reader.core.colours import colour_info
from reader.paths import resource

SERIF_FAMILIES = ["Charter", "Source Serif 4", "Georgia", "DejaVu Serif", "Noto Serif", "serif"]
SERIF = ", ".join(f"'{name}'" for name in SERIF_FAMILIES[:-1]) + ", serif"
SANS = "'Inter', 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', 'Noto Sans', sans-serif"
MONO = "'JetBrains Mono', 'Consolas', 'Menlo', 'DejaVu Sans Mono', monospace"
MATH = "'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Serif', serif"
FONT_SIZES = (14, 15, 16, 17, 18, 20, 22, 24, 27, 30)
DEFAULT_FONT_SIZE = 18


@dataclass(frozen=True)
class Theme:
    """The colours of one reading theme."""

    name: str
    page: str
    text: str
    heading: str
    muted: str
    link: str
    rule: str
    code_bg: str
    sidebar: str
    accent: str
    selection: str
    # Call-out colours (GitHub's alert palette), and the Pygments colours of code.
    note: str
    tip: str
    important: str
    warning: str
    caution: str

    @property
    def dark(self) -> bool:
        """Whether this is a dark theme."""
        return QColor(self.page).lightnessF() < 0.5


LIGHT = Theme(
    name="light",
    page="#fbfaf6",
    text="#23272e",
    heading="#1b2a3a",
    muted="#5e6670",
    link="#1a5fb4",
    rule="#d9d5cc",
    code_bg="#f0ede6",
    sidebar="#f3f1ec",
    accent="#1a5fb4",
    selection="#b6d4fb",
    note="#0969da",
    tip="#1a7f37",
    important="#8250df",
    warning="#9a6700",
    caution="#d1242f",
)
DARK = Theme(
    name="dark",
    page="#1d1f23",
    text="#d9d6cf",
    heading="#eeebe4",
    muted="#9aa0a8",
    link="#8ab4f8",
    rule="#3a3d44",
    code_bg="#272a30",
    sidebar="#181a1d",
    accent="#8ab4f8",
    selection="#2f4a70",
    note="#4493f8",
    tip="#3fb950",
    important="#ab7df8",
    warning="#d29922",
    caution="#f85149",
)
THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def highlight_colour(name: str, theme: Theme, alpha: float = 0.55) -> QColor:
    """The translucent fill of highlight colour `name` in `theme`."""
    entry = colour_info(name)
    colour = QColor(entry.dark if theme.dark else entry.light)
    colour.setAlphaF(alpha)
    return colour


def swatch_colour(name: str, theme: Theme) -> QColor:
    """The opaque colour of highlight `name`, for menus and the Notes panel."""
    entry = colour_info(name)
    return QColor(entry.dark if theme.dark else entry.light)


def body_font(font_px: int) -> QFont:
    """The chapter's body font: a book serif at `font_px` pixels."""
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPixelSize(font_px)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def chapter_stylesheet(theme: Theme, font_px: int) -> str:
    """The document stylesheet for `theme` at a body size of `font_px` pixels."""
    template = Template(resource("styles", "chapter.css").read_text(encoding="utf-8"))
    # Code colours come from a Pygments style per theme (reader/core/code_highlight.py).
    code = resource("styles", f"code-{'dark' if theme.dark else 'light'}.css")
    return template.substitute(
        serif=SERIF,
        sans=SANS,
        mono=MONO,
        math=MATH,
        note=theme.note,
        tip=theme.tip,
        important=theme.important,
        warning=theme.warning,
        caution=theme.caution,
        font_px=font_px,
        code_px=round(font_px * 0.85),
        h1_px=round(font_px * 1.6),
        h2_px=round(font_px * 1.3),
        h3_px=round(font_px * 1.15),
        para_gap=round(font_px * 0.9),
        small_gap=round(font_px * 0.5),
        h1_gap=round(font_px * 2.2),
        h2_gap=round(font_px * 1.8),
        text=theme.text,
        heading=theme.heading,
        muted=theme.muted,
        link=theme.link,
        rule=theme.rule,
        code_bg=theme.code_bg,
    ) + code.read_text(encoding="utf-8")


def app_stylesheet(theme: Theme) -> str:
    """The widget stylesheet for `theme` (sidebar, toolbar, scroll bars, menus)."""
    template = Template(resource("styles", "app.qss").read_text(encoding="utf-8"))
    hover = QColor(theme.rule)
    hover.setAlphaF(0.45)
    return template.substitute(
        page=theme.page,
        text=theme.text,
        muted=theme.muted,
        rule=theme.rule,
        sidebar=theme.sidebar,
        accent=theme.accent,
        selection=theme.selection,
        code_bg=theme.code_bg,
        hover=hover.name(QColor.NameFormat.HexArgb),
        arrow=resource("icons", f"arrow-down-{'dark' if theme.dark else 'light'}.png").as_posix(),
    )


def palette(theme: Theme, base: QPalette) -> QPalette:
    """A widget palette for `theme`, derived from the platform's `base` palette."""
    pal = copy(base)  # not QPalette(base): its overloads would create Qt's enums at start
    page, text = QColor(theme.page), QColor(theme.text)
    sidebar = QColor(theme.sidebar)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Base, page)
        pal.setColor(group, QPalette.ColorRole.Text, text)
        pal.setColor(group, QPalette.ColorRole.Window, sidebar)
        pal.setColor(group, QPalette.ColorRole.WindowText, text)
        pal.setColor(group, QPalette.ColorRole.Button, sidebar)
        pal.setColor(group, QPalette.ColorRole.ButtonText, text)
        pal.setColor(group, QPalette.ColorRole.AlternateBase, QColor(theme.code_bg))
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, text)
        pal.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        pal.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(theme.code_bg))
        pal.setColor(group, QPalette.ColorRole.ToolTipText, text)
        pal.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    muted = QColor(theme.muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, muted)
    return pal


def solid_brush(colour: QColor) -> QBrush:
    """A solid brush of `colour`, made without QBrush's constructors.

    Those resolve overloads taking Qt.GlobalColor, which makes PySide create every enum of
    Qt's namespace (15-20 ms); the window's first page is drawn without them. A pen's brush
    is solid.
    """
    pen = QPen()
    pen.setColor(colour)
    return pen.brush()
