"""Draws one Notes-panel entry as a small card: colour bar, quote, earlier wording, note, dates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 10
NOTE_ROLE = Qt.ItemDataRole.UserRole + 11
DATE_ROLE = Qt.ItemDataRole.UserRole + 12
BAR_ROLE = Qt.ItemDataRole.UserRole + 13
WAS_ROLE = Qt.ItemDataRole.UserRole + 14
"""The words first highlighted, when the chapter now words the passage differently."""

_PAD = 6
_BAR = 4
_QUOTE_LINES = 3
_NOTE_LINES = 4
_WAS_LINES = 2
_WAS = "was: "
Index = QModelIndex | QPersistentModelIndex


def _clamp(text: str, font: QFont, width: int, lines: int) -> tuple[str, int]:
    """`text` wrapped to `width`, cut to `lines` lines with an ellipsis; and its height."""
    metrics = QFontMetrics(font)
    words = text.split()
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines:
            break
    if current and len(out) < lines:
        out.append(current)
    if len(out) == lines and " ".join(out) != " ".join(words):
        out[-1] = metrics.elidedText(out[-1] + " …", Qt.TextElideMode.ElideRight, width)
        if not out[-1].endswith("…"):
            out[-1] += "…"
    return "\n".join(out), metrics.lineSpacing() * max(1, len(out))


class NoteCardDelegate(QStyledItemDelegate):
    """Paints annotation entries as cards; group rows are drawn the ordinary way."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        quote = QFont(option.font)
        quote.setItalic(True)
        note = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        return quote, note, small

    def _layout(
        self, option: QStyleOptionViewItem, index: Index
    ) -> tuple[list[tuple[str, QFont, int]], int]:
        width = max(60, option.rect.width() - _BAR - 3 * _PAD)
        quote_font, note_font, small = self._fonts(option)
        parts: list[tuple[str, QFont, int]] = []
        quote, h = _clamp(f"“{index.data(QUOTE_ROLE)}”", quote_font, width, _QUOTE_LINES)
        parts.append((quote, quote_font, h))
        was = index.data(WAS_ROLE) or ""
        if was:
            text, h = _clamp(f"{_WAS}“{was}”", small, width, _WAS_LINES)
            parts.append((text, small, h))
        note = index.data(NOTE_ROLE) or ""
        if note:
            text, h = _clamp(note, note_font, width, _NOTE_LINES)
            parts.append((text, note_font, h))
        date = index.data(DATE_ROLE) or ""
        parts.append((date, small, QFontMetrics(small).lineSpacing()))
        height = sum(h for _, _, h in parts) + (len(parts) - 1) * 3 + 2 * _PAD
        return parts, height

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Cards are as tall as their text; group rows keep the default size."""
        if index.data(QUOTE_ROLE) is None:
            return super().sizeHint(option, index)
        view = option.widget
        if isinstance(view, QWidget):
            option.rect.setWidth(view.width() - 40)
        _, height = self._layout(option, index)
        return QSize(option.rect.width(), height + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the colour bar, the quote, the note and the date."""
        if index.data(QUOTE_ROLE) is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect.adjusted(0, 2, -2, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hovered:
            fill = palette.color(QPalette.ColorRole.Highlight)
            if not selected:
                fill.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(index.data(BAR_ROLE) or "#cccccc"))
        painter.drawRoundedRect(
            QRect(rect.left() + 2, rect.top() + _PAD, _BAR, rect.height() - 2 * _PAD), 2, 2
        )
        parts, _ = self._layout(option, index)
        y = rect.top() + _PAD
        left = rect.left() + _BAR + 2 * _PAD
        width = rect.width() - _BAR - 3 * _PAD
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for number, (text, font, height) in enumerate(parts):
            painter.setFont(font)
            # The earlier wording is muted like the date: today's words come first.
            date = number == len(parts) - 1
            painter.setPen(muted if date or text.startswith(_WAS) else text_colour)
            painter.drawText(
                QRect(left, y, width, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                text,
            )
            y += height + 3
        painter.restore()
