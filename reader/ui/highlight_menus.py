"""Clicking, right-clicking and hovering highlights: hit testing, menus and note tooltips."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QColor, QHelpEvent, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from reader.core.colours import COLOURS, HIGHLIGHTS
from reader.core.i18n import translate
from reader.core.notes import Annotation, AnnotationId
from reader.core.placement import Span
from reader.ui.code_blocks import copy_code_action
from reader.ui.plain import plain_tooltip
from reader.ui.theme import Theme, swatch_colour
from reader.ui.viewer import ChapterView


class HighlightHost(Protocol):
    """What the menus need of the highlights: where they are drawn, and what can be done."""

    highlight_action: QAction
    colour_menu: QMenu
    note_action: QAction

    @property
    def writable(self) -> bool:
        """Whether highlights can be changed."""
        ...

    def placed(self) -> list[tuple[Annotation, Span]]:
        """Every drawn highlight with where it is drawn."""
        ...

    def set_colour(self, annotation_id: AnnotationId, colour: str) -> None:
        """Change a highlight's colour."""
        ...

    def edit_note(self, annotation_id: AnnotationId) -> object:
        """Open the note editor of a highlight."""
        ...

    def copy_quote(self, annotation_id: AnnotationId) -> None:
        """Copy a highlight's quote."""
        ...

    def delete(self, annotation_id: str) -> None:
        """Delete a highlight."""
        ...


def swatch_icon(colour: str, theme: Theme, size: int = 14) -> QIcon:
    """A small rounded square of highlight colour `colour`."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(swatch_colour(colour, theme))
    painter.setPen(QColor(theme.rule))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def _short(annotation: Annotation, limit: int = 40) -> str:
    quote = annotation.target.quote.exact
    return quote if len(quote) <= limit else quote[:limit] + "…"


class HighlightMenus(QObject):
    """The chapter view's menus and tooltips for highlights."""

    def __init__(
        self,
        host: HighlightHost,
        view: ChapterView,
        theme: Callable[[], Theme],
        window: QWidget,
    ) -> None:
        super().__init__(view)
        self._feature = host
        self._theme = theme
        self._window = window
        self._view = view
        self._press: QPoint | None = None
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._context_menu)
        self._view.viewport().installEventFilter(self)
        self._view.viewport().setMouseTracking(True)

    def annotations_at(self, point: QPoint) -> list[Annotation]:
        """The highlights under viewport point `point`, innermost first."""
        positions = self._view.positions
        if positions is None:
            return []
        cursor = self._view.cursorForPosition(point)
        # Only count the point as "on" a character when it is inside that character's box.
        rect = self._view.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return []
        offset = positions.from_qt(cursor.position())
        hits = []
        for annotation, place in self._feature.placed():
            if place.start <= offset < place.end or (
                offset == place.end
                and offset > place.start
                and cursor.position() > 0
                and point.x() < rect.x()
            ):
                hits.append((place.end - place.start, annotation))
        hits.sort(key=lambda item: item[0])
        return [annotation for _, annotation in hits]

    def annotation_menu(
        self,
        annotations: list[Annotation],
        parent: QWidget | None = None,
        leading: list[QAction] | None = None,
    ) -> QMenu:
        """The menu offered for highlights: colour, note, copy, delete (one part per
        highlight), after the `leading` entries (the Notes list puts Show in Text there)."""
        menu = QMenu(parent or self._window)
        if leading:
            menu.addActions(leading)
            menu.setDefaultAction(leading[0])
            menu.addSeparator()
        for annotation in annotations:
            target = menu
            if len(annotations) > 1:
                icon = swatch_icon(annotation.colour, self._theme())
                target = menu.addMenu(icon, f"“{_short(annotation)}”")
            self._fill_annotation_menu(target, annotation)
        return menu

    def _fill_annotation_menu(self, menu: QMenu, annotation: Annotation) -> None:
        bookmark = annotation.kind == "bookmark"
        changes: list[QAction] = []
        # A bookmark is a ribbon in the margin, never painted in a colour: no colours.
        if not bookmark:
            colours = menu.addMenu(translate("HighlightMenus", "Change &Colour"))
            for colour in COLOURS:
                icon = swatch_icon(colour, self._theme())
                action = colours.addAction(icon, HIGHLIGHTS[colour].shown_label)
                action.setCheckable(True)
                action.setChecked(colour == annotation.colour)
                action.triggered.connect(partial(self._feature.set_colour, annotation.id, colour))
            changes.append(colours.menuAction())
        note = menu.addAction(
            translate("HighlightMenus", "Edit &Note…")
            if annotation.note
            else translate("HighlightMenus", "Add &Note…")
        )
        note.triggered.connect(partial(self._feature.edit_note, annotation.id))
        copy = menu.addAction(translate("HighlightMenus", "Copy &Quote"))
        copy.triggered.connect(partial(self._feature.copy_quote, annotation.id))
        menu.addSeparator()
        delete = menu.addAction(
            translate("HighlightMenus", "&Delete Bookmark")
            if bookmark
            else translate("HighlightMenus", "&Delete Highlight")
        )
        delete.triggered.connect(partial(self._feature.delete, annotation.id))
        for action in (*changes, note, delete):
            action.setEnabled(self._feature.writable)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._view.viewport().mapToGlobal(point))

    def context_menu(self, point: QPoint) -> QMenu:
        """The text's context menu at `point`: highlight actions, then Qt's own."""
        menu = QMenu(self._view)
        if self._view.textCursor().hasSelection():
            menu.addAction(self._feature.highlight_action)
            menu.addMenu(self._feature.colour_menu)
            menu.addAction(self._feature.note_action)
            menu.addSeparator()
        for annotation in self.annotations_at(point):
            icon = swatch_icon(annotation.colour, self._theme())
            sub = menu.addMenu(
                icon,
                translate("HighlightMenus", "Highlight “{quote}”").format(quote=_short(annotation)),
            )
            self._fill_annotation_menu(sub, annotation)
            menu.addSeparator()
        copy_code = copy_code_action(self._view, point, menu)
        if copy_code is not None:
            menu.addAction(copy_code)
        standard = self._view.createStandardContextMenu(point)
        standard.setParent(menu)
        for action in standard.actions():
            menu.addAction(action)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Clicks on highlights open their menu; hovering a noted highlight shows the note."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            point = event.position().toPoint()
            clicked = self._press is not None and (point - self._press).manhattanLength() < 4
            self._press = None
            if (
                clicked
                and event.button() == Qt.MouseButton.LeftButton
                and not self._view.textCursor().hasSelection()
                and not self._view.anchorAt(point)
            ):
                hits = self.annotations_at(point)
                if hits:
                    menu = self.annotation_menu(hits)
                    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                    menu.popup(self._view.viewport().mapToGlobal(point))
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            notes = [a.note for a in self.annotations_at(event.pos()) if a.note]
            if notes:
                tip = plain_tooltip("\n\n".join(notes))
                QToolTip.showText(event.globalPos(), tip, self._view.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)
