"""Draws one Notes-panel entry as a small card: colour bar, quote, earlier wording, note, dates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reader.core.i18n import QT_TRANSLATE_NOOP, translate

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
_WAS = QT_TRANSLATE_NOOP("NoteDelegate", "was: ")
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
    cut = len(out) == lines and " ".join(out) != " ".join(words)
    # A word longer than the line (a URL, a long compound) is cut with "…" too.
    out = [fit_line(line, metrics, width) for line in out]
    if cut and not out[-1].endswith("…"):
        out[-1] = fit_line(out[-1] + " …", metrics, width, force=True)
    return "\n".join(out), metrics.lineSpacing() * max(1, len(out))


def fit_line(line: str, metrics: QFontMetrics, width: int, *, force: bool = False) -> str:
    """`line` cut with "…" to fit `width` (and ending in "…" whatever its width, `force`)."""
    if metrics.horizontalAdvance(line) <= width and not force:
        return line
    fitted = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
    if force and not fitted.endswith("…"):
        # Qt keeps a text that fits whole; the sign that more follows goes at the end.
        fitted = metrics.elidedText(line.rstrip(" …") + "…" * 2, Qt.TextElideMode.ElideRight, width)
    return fitted


class NoteCardDelegate(QStyledItemDelegate):
    """Paints annotation entries as cards; group rows are drawn the ordinary way.

    Cards are measured for the width their row has now; the tree lays its rows out again
    when its column is resized with the sidebar, so narrowing re-measures them.
    """

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
        # The width paint's boxes get: the card is drawn 2 px in from the row's right edge.
        width = max(60, option.rect.width() - 2 - _BAR - 3 * _PAD)
        quote_font, note_font, small = self._fonts(option)
        parts: list[tuple[str, QFont, int]] = []
        quote, h = _clamp(f"“{index.data(QUOTE_ROLE)}”", quote_font, width, _QUOTE_LINES)
        parts.append((quote, quote_font, h))
        was = index.data(WAS_ROLE) or ""
        if was:
            text, h = _clamp(f"{translate('NoteDelegate', _WAS)}“{was}”", small, width, _WAS_LINES)
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
        if isinstance(view, QTreeView):
            # Measured for the width the row has now: the viewport less the indentation
            # of the row's depth (the panel lays the rows out again when it narrows).
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            depth += 1 if view.rootIsDecorated() else 0
            option.rect.setWidth(max(1, view.viewport().width() - view.indentation() * depth))
        elif isinstance(view, QWidget):
            option.rect.setWidth(view.width())
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
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        boxes = _boxes(rect, parts)
        for number, ((text, font, _), box) in enumerate(zip(parts, boxes, strict=True)):
            date = number == len(parts) - 1
            painter.setFont(font)
            # The earlier wording is muted like the date: today's words come first.
            painter.setPen(
                muted if date or text.startswith(translate("NoteDelegate", _WAS)) else text_colour
            )
            if date:
                painter.setClipping(False)
                text = fit_line(text, QFontMetrics(font), box.width())
            else:
                painter.setClipRect(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()

    def text_rects(self, option: QStyleOptionViewItem, index: Index) -> list[QRect]:
        """Where paint draws the quote, the note and the date of a card."""
        parts, _ = self._layout(option, index)
        return _boxes(option.rect.adjusted(0, 2, -2, -2), parts)


def _boxes(rect: QRect, parts: list[tuple[str, QFont, int]]) -> list[QRect]:
    """The box of each part of a card drawn in `rect`.

    The date keeps its line at the foot of the card; the quote and note are cut above
    it, so a row not yet measured for a new width never writes over it.
    """
    left, width = rect.left() + _BAR + 2 * _PAD, rect.width() - _BAR - 3 * _PAD
    y = rect.top() + _PAD
    # QRect.bottom() is one pixel above the rect's end: measure from top plus height.
    date_top = max(y, rect.top() + rect.height() - _PAD - parts[-1][2])
    boxes = []
    for _, _, height in parts[:-1]:
        boxes.append(QRect(left, y, width, max(0, min(height, date_top - 3 - y))))
        y += height + 3
    boxes.append(QRect(left, date_top, width, parts[-1][2]))
    return boxes
