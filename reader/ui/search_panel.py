"""The Search sidebar tab: a field, and results that appear as the user types."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.i18n import translate
from reader.core.search_types import SearchHit
from reader.ui.focus_cue import draw_focus_ring, is_menu_key, open_context_menu, ring_rect
from reader.ui.theme import LIGHT, Theme

TYPING_DELAY_MS = 150
_HIT_ROLE = Qt.ItemDataRole.UserRole
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_PADDING = 6


def hit_html(hit: SearchHit, theme: Theme) -> str:
    """A result as rich text: where it is (small, muted), then its snippet, matches in bold."""
    where = html.escape(hit.chapter_title)
    if hit.heading_title:
        where += f" › {html.escape(hit.heading_title)}"
    badge = ""
    if hit.kind == "note":
        label = translate("SearchPanel", "NOTE")
        badge = f'<span style="color:{theme.accent}; font-weight:600;">{label}</span> · '
    snippet = "".join(
        f'<b style="color:{theme.heading};">{html.escape(text)}</b>'
        if matched
        else html.escape(text)
        for text, matched in hit.segments
    )
    return (
        f'<div style="color:{theme.muted}; font-size:small;">{badge}{where}</div>'
        f"<div>{snippet}</div>"
    )


class _HitDelegate(QStyledItemDelegate):
    """Draws each result's rich text, wrapped to the list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view
        self.accent = LIGHT.accent

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(_PADDING)
        doc.setHtml(str(index.data(_HTML_ROLE) or ""))
        doc.setTextWidth(max(80, self._view.viewport().width()))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the item's background and selection, then its rich text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()
        # The keyboard's row, ringed while the list has the focus (Ctrl+3, Up and Down).
        ring = ring_rect(self._view)
        if ring is not None and ring == self._view.visualRect(index):
            draw_focus_ring(painter, ring, QColor(self.accent))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The height of the wrapped rich text at the list's width."""
        doc = self._document(option, index)
        return QSize(int(doc.textWidth()), math.ceil(doc.size().height()))


class SearchPanel(QWidget):
    """Search every chapter and note: type, then Up/Down and Enter (or click) to open."""

    query_changed = Signal(str)  # after a pause in typing
    result_activated = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._theme: Theme = LIGHT
        self._hits: list[SearchHit] = []
        self._field = QLineEdit()
        self._field.setObjectName("searchField")
        self._field.setPlaceholderText(translate("SearchPanel", "Search chapters and notes"))
        self._field.setClearButtonEnabled(True)
        self._field.setAccessibleName(translate("SearchPanel", "Search chapters and notes"))
        self._field.setAccessibleDescription(
            translate(
                "SearchPanel",
                "Type words; Up and Down choose a result, Enter opens it; "
                "Ctrl+3 goes to the results",
            )
        )
        self._field.installEventFilter(self)
        self._status = QLabel()
        self._status.setObjectName("searchStatus")
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._list = QListWidget()
        self._list.setObjectName("searchResults")
        self._list.setAccessibleName(translate("SearchPanel", "Search results"))
        self._list.setAccessibleDescription(
            translate("SearchPanel", "Up and Down choose a result; Enter opens it")
        )
        self._delegate = _HitDelegate(self._list)
        self._list.setItemDelegate(self._delegate)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._list.setUniformItemSizes(False)
        self._list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._list.installEventFilter(self)
        self._list.viewport().installEventFilter(self)
        self.last_menu: QMenu | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self._field)
        layout.addWidget(self._status)
        layout.addWidget(self._list, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self._emit_query)
        self._field.textChanged.connect(self._typing.start)
        self._field.returnPressed.connect(self.activate_current)
        self._list.itemClicked.connect(self._activate_item)

    # -- public ------------------------------------------------------------------------------

    @property
    def field(self) -> QLineEdit:
        """The search field."""
        return self._field

    @property
    def results(self) -> QListWidget:
        """The list of results."""
        return self._list

    def query(self) -> str:
        """The text in the search field."""
        return self._field.text()

    def hits(self) -> list[SearchHit]:
        """The results shown, best first."""
        return list(self._hits)

    def status_text(self) -> str:
        """The line above the results ("12 results", "No results", ...)."""
        return self._status.text()

    def focus_results(self) -> None:
        """Put the keyboard on the results, on the chosen one (else the first); on the field
        when there are none."""
        if not self._list.count():
            self.focus_field()
            return
        if self._list.currentRow() < 0:
            self._list.setCurrentRow(0)
        self._list.scrollToItem(self._list.currentItem())
        self._list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_field(self) -> None:
        """Put the focus in the field with its text selected, ready to type."""
        self._field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._field.selectAll()

    def set_status(self, text: str) -> None:
        """Show a line of information above the results."""
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def set_results(self, query: str, hits: list[SearchHit], note: str = "") -> None:
        """Show `hits` for `query` (ignored if the field has changed since)."""
        if query != self._field.text():
            return
        self._hits = list(hits)
        self._list.clear()
        for number, hit in enumerate(hits, start=1):
            item = QListWidgetItem()
            where = hit.chapter_title + (f" › {hit.heading_title}" if hit.heading_title else "")
            text = (
                translate("SearchPanel", "Note in {where}: {snippet}")
                if hit.kind == "note"
                else translate("SearchPanel", "{where}: {snippet}")
            )
            item.setText(text.format(where=where, snippet=hit.snippet("", "")))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                translate("SearchPanel", "Result {number} of {total}").format(
                    number=number, total=len(hits)
                ),
            )
            item.setData(_HIT_ROLE, hit)
            item.setData(_HTML_ROLE, hit_html(hit, self._theme))
            self._list.addItem(item)
        if hits:
            self._list.setCurrentRow(0)
        count = len(hits)
        if not query.strip():
            summary = ""
        elif count == 0:
            summary = translate("SearchPanel", "No results.")
        else:
            summary = translate("SearchPanel", "%n result(s).", None, count)
        self.set_status(" ".join(part for part in (summary, note) if part))

    def set_theme(self, theme: Theme) -> None:
        """Colour the results for `theme`."""
        self._theme = theme
        self._delegate.accent = theme.accent
        for row in range(self._list.count()):
            item = self._list.item(row)
            item.setData(_HTML_ROLE, hit_html(item.data(_HIT_ROLE), theme))

    @Slot()
    def activate_current(self) -> None:
        """Open the selected result (Enter)."""
        self._typing.stop()
        item = self._list.currentItem()
        if item is None and self._field.text() and not self._hits:
            # Enter before the pause ended: search now, then open the best result.
            self._emit_query()
            item = self._list.currentItem()
        if item is not None:
            self.result_activated.emit(item.data(_HIT_ROLE))

    # -- internals -------------------------------------------------------------------------

    @Slot()
    def _emit_query(self) -> None:
        self._typing.stop()
        self.query_changed.emit(self._field.text())

    @Slot(QListWidgetItem)
    def _activate_item(self, item: QListWidgetItem) -> None:
        self.result_activated.emit(item.data(_HIT_ROLE))

    def _move(self, step: int) -> None:
        count = self._list.count()
        if count:
            row = max(0, min(count - 1, self._list.currentRow() + step))
            self._list.setCurrentRow(row)
            self._list.scrollToItem(self._list.item(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the field move through the results; Enter in the list opens one."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and watched is self._field:
                self._move(-1 if key == Qt.Key.Key_Up else +1)
                return True
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and watched is self._field:
                self._move(-5 if key == Qt.Key.Key_PageUp else +5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is self._list:
                self.activate_current()
                return True
            if watched is self._list and is_menu_key(event):
                return open_context_menu(self._list)
        if event.type() == QEvent.Type.ContextMenu and watched is self._list.viewport():
            assert isinstance(event, QContextMenuEvent)
            item = self._list.itemAt(event.pos())
            if item is not None:
                self.result_menu(item).popup(event.globalPos())
                return True
        return super().eventFilter(watched, event)

    def result_menu(self, item: QListWidgetItem) -> QMenu:
        """A result's menu: open it, or copy where it is and its words."""
        hit = item.data(_HIT_ROLE)
        menu = QMenu(self._list)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opening = menu.addAction(translate("SearchPanel", "&Open"))
        opening.triggered.connect(lambda: self.result_activated.emit(hit))
        menu.setDefaultAction(opening)
        copying = menu.addAction(translate("SearchPanel", "&Copy Text"))
        place = " › ".join(t for t in (hit.chapter_title, hit.heading_title) if t)
        copying.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(f"{place}\n{hit.snippet('', '')}")
        )
        self.last_menu = menu
        return menu
