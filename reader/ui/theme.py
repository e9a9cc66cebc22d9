"""Light, sepia and dark reading themes, text faces and line spacings: the chapter's
document stylesheet, the widget palette and the highlight colours."""

from __future__ import annotations

from copy import copy
from string import Template
from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen

from reader.paths import resource

SERIF_FAMILIES = ["Charter", "Source Serif 4", "Georgia", "DejaVu Serif", "Noto Serif", "serif"]
SERIF = ", ".join(f"'{name}'" for name in SERIF_FAMILIES[:-1]) + ", serif"
SANS = "'Inter', 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', 'Noto Sans', sans-serif"
MONO = "'JetBrains Mono', 'Consolas', 'Menlo', 'DejaVu Sans Mono', monospace"
MATH = "'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Serif', serif"
FONT_SIZES = (14, 15, 16, 17, 18, 20, 22, 24, 27, 30)
DEFAULT_FONT_SIZE = 18

# The text face of the chapter body (headings are always set in the sans face).
FACES: dict[str, str] = {"serif": SERIF, "sans": SANS}
SANS_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Noto Sans", "sans-serif"]
DEFAULT_FACE = "serif"
# Line spacing of running text, in percent of the font size.
SPACINGS: dict[str, int] = {"compact": 140, "normal": 158, "relaxed": 175}
DEFAULT_SPACING = "normal"
# What the reader may choose: a theme, or whatever the system's colour scheme says.
FOLLOW_SYSTEM = "system"
THEME_CYCLE = ("light", "sepia", "dark")  # the order Ctrl+Shift+L steps through
THEME_CHOICES = (*THEME_CYCLE, FOLLOW_SYSTEM)


class Theme(NamedTuple):
    """The colours of one reading theme, and the text face and line spacing it is set in.

    The typography rides with the colours so that everything that styles a chapter (the
    view, the guide) takes one value; `_replace` gives a theme another face.
    """

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
    face: str = DEFAULT_FACE  # a key of FACES
    spacing: str = DEFAULT_SPACING  # a key of SPACINGS

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
    selection="#a9dce3",
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
    selection="#1f5c63",
    note="#4493f8",
    tip="#3fb950",
    important="#ab7df8",
    warning="#d29922",
    caution="#f85149",
)
# Warm paper and dark brown ink; every other colour is darkened from the light theme's
# until it keeps 4.5:1 on the page, the code background and the sidebar.
SEPIA = Theme(
    name="sepia",
    page="#f4ecd8",
    text="#3b2f22",
    heading="#2b1f14",
    muted="#6b5a44",
    link="#1f5a8a",
    rule="#d6c8a8",
    code_bg="#ebe0c5",
    sidebar="#ede3cb",
    accent="#8a4f15",
    selection="#c9bfae",
    note="#1d5fa8",
    tip="#3b6e1f",
    important="#6e3fa6",
    warning="#8a5a00",
    caution="#b02a1e",
)
THEMES = {theme.name: theme for theme in (LIGHT, SEPIA, DARK)}


def resolve_theme(choice: str, system_dark: bool) -> Theme:
    """The theme to show for the reader's `choice` ("system" follows `system_dark`)."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if system_dark else LIGHT


def next_theme(current: str) -> str:
    """The theme after `current` in the cycle light, sepia, dark (and back to light)."""
    index = THEME_CYCLE.index(current) if current in THEME_CYCLE else -1
    return THEME_CYCLE[(index + 1) % len(THEME_CYCLE)]


def highlight_colour(name: str, theme: Theme, alpha: float = 0.55) -> QColor:
    """The translucent fill of highlight colour `name` in `theme`."""
    colour = swatch_colour(name, theme)
    colour.setAlphaF(alpha)
    return colour


def swatch_colour(name: str, theme: Theme) -> QColor:
    """The opaque colour of highlight `name`, for menus and the Notes panel."""
    # The colour table is first needed by the highlights, which come after the first paint.
    from reader.core.colours import colour_info

    return QColor(colour_info(name).fill(_fill_set(theme)))


def _fill_set(theme: Theme) -> str:
    """Which column of the colour table a theme draws from (a theme of another name, such
    as a window's own, by its lightness)."""
    if theme.name in THEMES:
        return theme.name
    return "dark" if theme.dark else "light"


def body_font(font_px: int, face: str = DEFAULT_FACE) -> QFont:
    """The chapter's body font at `font_px` pixels: a book serif, or the sans face."""
    font = QFont()
    sans = face == "sans"
    font.setFamilies(SANS_FAMILIES if sans else SERIF_FAMILIES)
    font.setPixelSize(font_px)
    font.setStyleHint(QFont.StyleHint.SansSerif if sans else QFont.StyleHint.Serif)
    return font


def chapter_stylesheet(theme: Theme, font_px: int) -> str:
    """The document stylesheet for `theme` at a body size of `font_px` pixels, in the
    theme's text face and line spacing."""
    template = Template(resource("styles", "chapter.css").read_text(encoding="utf-8"))
    # Code colours come from a Pygments style per theme (reader/core/code_highlight.py).
    code = resource("styles", f"code-{_fill_set(theme)}.css")
    return template.substitute(
        body_face=FACES.get(theme.face, SERIF),
        line_height=SPACINGS.get(theme.spacing, SPACINGS[DEFAULT_SPACING]),
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
