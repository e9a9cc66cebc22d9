"""The tidy stand-in drawn where a chapter's figure file is missing or refused.

Placeholders are drawn while the first page is laid out, so this module keeps clear of
every call that makes PySide create the enums of Qt's namespace (15-20 ms, the largest
single cost of showing the first page): QPainter.setPen and setBrush, QImage.fill, the
QBrush constructors and eliding all resolve overloads that take Qt.GlobalColor or another
Qt enum. Shapes are filled and stroked as paths with explicit pens and brushes instead,
text is laid out by a small QTextDocument, which takes its colour from the markup, and a
name too long for its card is shortened here rather than by Qt's elidedText.
"""

from __future__ import annotations

import math
import unicodedata

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextDocument,
)

from reader.core.i18n import translate
from reader.ui.theme import Theme, solid_brush

_ELLIPSIS = "\u2026"
# Narrower cards leave the picture glyph out.
_GLYPH_MIN_WIDTH = 260


def _pen(colour: QColor, width: float, dashes: list[float] | None = None) -> QPen:
    pen = QPen()
    pen.setColor(colour)
    pen.setWidthF(width)
    if dashes:
        pen.setDashPattern(dashes)
    return pen


def _fit(metrics: QFontMetricsF, text: str, width: float, *, middle: bool) -> str:
    """`text`, shortened with an ellipsis (in the middle or at the end) only if it is
    wider than `width`.

    Not QFontMetricsF.elidedText: its mode is a Qt.TextElideMode, and touching that makes
    the enums of Qt's namespace (a long figure name would cost the first page 15-20 ms).
    The longest cut that fits is found by halving, a few measurements per line.
    """
    if metrics.horizontalAdvance(text) <= width:
        return text

    def cut(keep: int) -> str:
        """`text` with only `keep` of its characters, the ellipsis where the rest was."""
        if not middle:
            return text[:keep].rstrip() + _ELLIPSIS
        tail = keep // 2
        start = len(text) - tail
        # A combining mark stays with the letter it follows, not with the ellipsis.
        while start < len(text) and unicodedata.combining(text[start]):
            start += 1
        return text[: keep - tail].rstrip() + _ELLIPSIS + text[start:].lstrip()

    low, high = 0, len(text) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if metrics.horizontalAdvance(cut(mid)) <= width:
            low = mid
        else:
            high = mid - 1
    return cut(low)


def _text(
    painter: QPainter, text: str, font: QFont, colour: QColor, at: QPointF, *, above: bool
) -> None:
    """Draw one line of `text` starting at `at`, its top there (or its bottom, `above`)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    # Escaped by hand: html.escape would load html.entities, a table of 2,000 names, before
    # the first paint (the missing figures of a chapter are drawn for it).
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    doc.setHtml(f'<span style="color: {colour.name()}; white-space: pre">{safe}</span>')
    top = at.y() - doc.size().height() if above else at.y()
    painter.save()
    painter.translate(at.x(), top)
    doc.drawContents(painter)
    painter.restore()


def _shape(painter: QPainter, path: QPainterPath, fill: QColor | None, pen: QPen | None) -> None:
    if fill is not None:
        painter.fillPath(path, solid_brush(fill))
    if pen is not None:
        painter.strokePath(path, pen)


def transparent_canvas(pixels: QSize, dpr: float) -> tuple[QImage, QPainter]:
    """A transparent image of `pixels` at device pixel ratio `dpr`, and an antialiased
    painter on it (to be ended by the caller)."""
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    # Start from transparent (a new image holds whatever the memory held). Filled as a
    # path with an explicit brush: QImage.fill and QBrush's constructors would create
    # PySide's Qt namespace enums before the first paint.
    everything = QPainterPath()
    everything.addRect(QRectF(0, 0, pixels.width() / dpr, pixels.height() / dpr))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.fillPath(everything, solid_brush(QColor(0, 0, 0, 0)))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def placeholder_image(label: str, reason: str, width: int, theme: Theme, dpr: float) -> QImage:
    """A figure-shaped card naming the figure `label` and why it is not shown."""
    width = max(160, width)
    height = max(88, round(width * 0.22))
    image, painter = transparent_canvas(QSize(round(width * dpr), round(height * dpr)), dpr)
    page, muted, rule = QColor(theme.page), QColor(theme.muted), QColor(theme.rule)

    card = QPainterPath()
    card.addRoundedRect(QRectF(1, 1, width - 2, height - 2), 10, 10)
    _shape(painter, card, QColor(theme.code_bg), _pen(rule, 1.5, [4, 2]))  # Qt's dash line
    # A small "picture" glyph: a framed landscape with a sun; a narrow card (drawn at the
    # size it is shown, in a small window) leaves it out and keeps the room for words.
    glyph = QRectF(20, height / 2 - 18, 44, 36) if width >= _GLYPH_MIN_WIDTH else None
    if glyph is not None:
        _glyph(painter, glyph, page, muted)
    text_left = glyph.right() + 16 if glyph is not None else 16.0
    text_width = width - text_left - 16
    title_font = QFont()
    title_font.setPixelSize(15)
    title_font.setWeight(QFont.Weight.DemiBold)
    body_font = QFont()
    body_font.setPixelSize(13)
    # The title sits just above the middle line, the reason just below it.
    title = _fit(QFontMetricsF(title_font), label, text_width, middle=True)
    body = _fit(QFontMetricsF(body_font), reason, text_width, middle=False)
    _text(
        painter,
        title,
        title_font,
        QColor(theme.text),
        QPointF(text_left, height / 2 - 2),
        above=True,
    )
    _text(painter, body, body_font, muted, QPointF(text_left, height / 2 + 2), above=False)
    painter.end()
    return image


def _glyph(painter: QPainter, glyph: QRectF, page: QColor, muted: QColor) -> None:
    """Draw the picture glyph in `glyph`."""
    frame = QPainterPath()
    frame.addRoundedRect(glyph, 5, 5)
    _shape(painter, frame, page, _pen(muted, 2))
    mountains = QPainterPath(QPointF(glyph.left() + 5, glyph.bottom() - 6))
    mountains.lineTo(glyph.left() + 17, glyph.top() + 15)
    mountains.lineTo(glyph.left() + 26, glyph.bottom() - 14)
    mountains.lineTo(glyph.left() + 31, glyph.top() + 20)
    mountains.lineTo(glyph.right() - 5, glyph.bottom() - 6)
    _shape(painter, mountains, None, _pen(muted, 2))
    sun = QPainterPath()
    sun.addEllipse(QPointF(glyph.right() - 11, glyph.top() + 10), 3.5, 3.5)
    _shape(painter, sun, muted, _pen(muted, 2))


# A web picture's chip: one line of small text, never wider than this.
CHIP_MAX_WIDTH = 360
CHIP_HEIGHT = 26


def web_chip(label: str, theme: Theme, dpr: float) -> QImage:
    """A one-line chip standing for a picture on the web (a badge, a video's thumbnail).

    Courses put rows of web badges at their top; a full figure card for each would fill
    the first screen with cards for pictures an offline reader never loads.
    """
    font = QFont()
    font.setPixelSize(12)
    metrics = QFontMetricsF(font)
    words = translate("Placeholder", "Web picture: {label}").format(label=label)
    width = min(CHIP_MAX_WIDTH, math.ceil(metrics.horizontalAdvance(words)) + 24)
    height = CHIP_HEIGHT
    image, painter = transparent_canvas(QSize(round(width * dpr), round(height * dpr)), dpr)
    chip = QPainterPath()
    chip.addRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 6, 6)
    _shape(painter, chip, QColor(theme.code_bg), _pen(QColor(theme.rule), 1.0, [3, 2]))
    shown = _fit(metrics, words, width - 16, middle=False)
    top = (height - metrics.height()) / 2
    _text(painter, shown, font, QColor(theme.muted), QPointF(10, top), above=False)
    painter.end()
    return image
