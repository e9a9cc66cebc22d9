"""The tidy stand-in drawn where a chapter's figure file is missing or refused."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from reader.ui.theme import Theme


def placeholder_image(label: str, reason: str, width: int, theme: Theme, dpr: float) -> QImage:
    """A figure-shaped card naming the figure `label` and why it is not shown."""
    width = max(160, width)
    height = max(88, round(width * 0.22))
    image = QImage(
        round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    page, muted, rule = QColor(theme.page), QColor(theme.muted), QColor(theme.rule)
    card = QColor(theme.code_bg)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(1, 1, width - 2, height - 2)
    painter.setBrush(card)
    pen = QPen(rule, 1.5, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(frame, 10, 10)
    # A small "picture" glyph: a framed landscape with a sun.
    glyph = QRectF(20, height / 2 - 18, 44, 36)
    painter.setPen(QPen(muted, 2))
    painter.setBrush(page)
    painter.drawRoundedRect(glyph, 5, 5)
    mountains = QPainterPath(QPointF(glyph.left() + 5, glyph.bottom() - 6))
    mountains.lineTo(glyph.left() + 17, glyph.top() + 15)
    mountains.lineTo(glyph.left() + 26, glyph.bottom() - 14)
    mountains.lineTo(glyph.left() + 31, glyph.top() + 20)
    mountains.lineTo(glyph.right() - 5, glyph.bottom() - 6)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mountains)
    painter.setBrush(muted)
    painter.drawEllipse(QPointF(glyph.right() - 11, glyph.top() + 10), 3.5, 3.5)
    text_left = glyph.right() + 16
    text_width = width - text_left - 16
    title_font = QFont()
    title_font.setPixelSize(15)
    title_font.setWeight(QFont.Weight.DemiBold)
    body_font = QFont()
    body_font.setPixelSize(13)
    title = QFontMetricsF(title_font).elidedText(label, Qt.TextElideMode.ElideMiddle, text_width)
    body = QFontMetricsF(body_font).elidedText(reason, Qt.TextElideMode.ElideRight, text_width)
    painter.setPen(QColor(theme.text))
    painter.setFont(title_font)
    painter.drawText(
        QRectF(text_left, 0, text_width, height / 2 - 2),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        title,
    )
    painter.setPen(muted)
    painter.setFont(body_font)
    painter.drawText(
        QRectF(text_left, height / 2 + 2, text_width, height / 2 - 2),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        body,
    )
    painter.end()
    return image
