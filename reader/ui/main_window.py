"""The main window: wires the library, the chapter view and the sidebar together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# Qt's enum namespace (QtCore.Qt) and the message box are reached through their modules
# where used: PySide creates a class's Python enums on first access (the Qt namespace
# alone takes 15-20 ms), and none of them is needed before the chapter is first painted
# (reader/ui/qt_names.py names the values used until then).
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QColor, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.core.document import ChapterDocument
from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.outline import OutlineNode
from reader.ui.actions import make_action
from reader.ui.chapter_watch import ChapterUnreadable, ChapterWatch, revised_document
from reader.ui.contents_filter import ContentsTab
from reader.ui.contents_panel import ContentsPanel
from reader.ui.context import AppContext
from reader.ui.features import Features
from reader.ui.plain import show_message
from reader.ui.progress import ProgressTracker
from reader.ui.qt_names import PLAIN_TEXT
from reader.ui.reading_settings import install_reading_settings, system_dark_guess
from reader.ui.settings import Settings
from reader.ui.theme import (
    FACES,
    FONT_SIZES,
    SPACINGS,
    THEME_CHOICES,
    Theme,
    app_stylesheet,
    next_theme,
    palette,
    resolve_theme,
)
from reader.ui.viewer import ChapterView
from reader.ui.window_menus import VIEW_SIDEBAR, VIEW_TEXT, WindowMenus

if TYPE_CHECKING:
    from reader.ui.caret import CaretBrowsing
    from reader.ui.link_dialog import ExternalLinkDialog

APP_TITLE = "Field Reader"
_SIDEBAR_MIN_WIDTH = 180
_TEXT_MIN_WIDTH = 280
_TEXT_DESCRIPTION = QT_TRANSLATE_NOOP(
    "MainWindow", "The chapter. F7 turns on the caret for selecting with the keyboard."
)


class MainWindow(QMainWindow):
    """Field Reader's window: Contents on the left, the chapter on the right.

    What it does is announced on the context's signals (chapter_opened, theme_changed,
    place_left); its features are reached through `features`, one typed field each.
    """

    def __init__(
        self,
        context: AppContext,
        *,
        start_chapter: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._signals = context.signals
        library = self._library = context.library
        self._data_dir = context.data_dir
        self._settings = context.settings
        self._cache = context.documents
        # The theme chosen ("system" follows the platform) and the one shown, which also
        # carries the text face and line spacing.
        self._theme_choice = self._settings.theme
        self._system_dark = system_dark_guess()
        self._theme: Theme = self._look()
        self._font_px = self._settings.font_size
        self._current: ChapterDocument | None = None
        self._pending_offset: int | None = None
        self._pending_heading: str | None = None
        self._shown_once = False
        self._link_dialog: ExternalLinkDialog | None = None
        # Features installed on the window (annotations, search, ...), once installed.
        self.features = Features()

        self.setWindowTitle(self._title_for(None))
        self._view = ChapterView()
        self._view.alignments = context.documents
        self._view.setAccessibleName(translate("MainWindow", "Chapter text"))
        self._view.setAccessibleDescription(translate("MainWindow", _TEXT_DESCRIPTION))
        self._contents = ContentsPanel(self._outline_of)
        self._contents_tab = ContentsTab(self._contents)  # the filter box above the tree
        self._sidebar = QTabWidget()
        self._sidebar.setObjectName("sidebar")
        self._sidebar.setDocumentMode(True)
        self._sidebar.setAccessibleName(translate("MainWindow", "Sidebar"))
        self._sidebar.setAccessibleDescription(
            translate("MainWindow", "Contents, Notes and Search; Ctrl+1, 2 and 3")
        )
        self._sidebar.tabBar().setAccessibleName(translate("MainWindow", "Sidebar tabs"))
        self._sidebar.addTab(self._contents_tab, translate("MainWindow", "Contents"))
        self._contents_tab.setAccessibleName(translate("MainWindow", "Contents"))
        self._splitter = QSplitter()  # side by side: Qt's default orientation
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._sidebar)
        self._splitter.addWidget(self._view)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setCollapsible(1, False)
        # Small screens: the sidebar narrows to a readable minimum and the text keeps room
        # for a column (F9 hides the sidebar; dragging the handle cannot hide either).
        self._splitter.setCollapsible(0, False)
        self._sidebar.setMinimumWidth(_SIDEBAR_MIN_WIDTH)
        self._view.setMinimumWidth(_TEXT_MIN_WIDTH)
        self._splitter.setHandleWidth(1)
        self.setCentralWidget(self._splitter)
        self._status = QLabel()
        # Chapter and section titles, shown as written (set by the property's name: see
        # reader/ui/qt_names.py).
        self._status.setProperty("textFormat", PLAIN_TEXT)
        self.statusBar().addPermanentWidget(self._status)
        self._status.setAccessibleName(translate("MainWindow", "Chapter and section"))
        self._position = QLabel()  # "· 42%": how far down the chapter the view is
        self._position.setObjectName("positionLabel")
        self._position.setAccessibleName(translate("MainWindow", "Position in the chapter"))
        self.statusBar().addPermanentWidget(self._position)

        # Caret browsing (F7) is built when first turned on: most starts never need it.
        self._caret: CaretBrowsing | None = None
        if self._settings.caret_browsing:
            self.caret.set_enabled(True, focus=False)
        self._register_keyboard_actions()
        self.reading_settings = install_reading_settings(
            self, context.actions, self._view.viewport()
        )
        self._menus = WindowMenus(self, self, context.actions)
        self._name_toolbar_buttons()
        if not context.library_partial:  # else filled when the whole library is in
            self._contents.set_chapters(library.chapters)
        self.progress = ProgressTracker(self._view, self._settings, self._contents, self)
        self.progress.position_changed.connect(self._show_position)
        self._contents.heading_activated.connect(self.open_location)
        self._view.link_clicked.connect(self._follow_link)
        self._view.link_hovered.connect(self._show_link_target)
        self._view.current_heading_changed.connect(self._on_current_heading)
        self._restore_window()
        self._apply_theme()
        # The open chapter's file is watched: an edit on disk shows again in place.
        self._chapter_watch = ChapterWatch(context, self, self)
        self._signals.library_changed.connect(self._library_replaced)

        slug = start_chapter or self._settings.last_chapter
        chapter = library.by_slug(slug) if slug else None
        if chapter is None and library.chapters:
            chapter = library.chapters[0]
        if chapter is not None:
            offset = self._settings.position(chapter.slug) if not start_chapter else None
            self.open_chapter(chapter.slug, offset=offset)
        else:
            self._show_empty_library()
        if library.problems:
            count = len(library.problems)
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "%n problem(s) found in the library: see Help > Library problems.",
                    None,
                    count,
                ),
                15000,
            )

    def _restore_window(self) -> None:
        geometry = self._settings.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 820)
        state = self._settings.bytes("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self._settings.bytes("window/splitter")
        if splitter is None or not self._splitter.restoreState(splitter):
            self._splitter.setSizes([310, 890])
        self._menus.toggle_sidebar.setChecked(not self._sidebar.isHidden())

    # -- public API ----------------------------------------------------------------------

    @property
    def caret(self) -> CaretBrowsing:
        """Caret browsing on the chapter view (built on first use)."""
        if self._caret is None:
            from reader.ui.caret import CaretBrowsing

            self._caret = CaretBrowsing(self._view)
        return self._caret

    @property
    def context(self) -> AppContext:
        """What the window and its features share."""
        return self._context

    def as_widget(self) -> MainWindow:
        """The window itself (features parent their dialogs on it)."""
        return self

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        """Show a passing message in the status bar."""
        self.statusBar().showMessage(message, timeout_ms)

    def rebuild_menus(self) -> None:
        """Lay the menus and toolbar out again, with the actions registered since."""
        self._menus.rebuild()
        self._name_toolbar_buttons()

    def _register_keyboard_actions(self) -> None:
        """Caret browsing (F7) and Ctrl+3, registered before the menus are first laid out."""
        register = self._context.actions.register
        self.caret_action = make_action(
            self,
            translate("MainWindow", "Caret &Browsing"),
            self._set_caret_browsing,
            "F7",
            translate(
                "MainWindow",
                "Move through the text with a caret; Shift+arrows select it for highlighting",
            ),
        )
        self.caret_action.setCheckable(True)
        self.caret_action.setChecked(self._caret is not None and self._caret.is_enabled())
        register(self.caret_action, menu="view", group="caret", order=VIEW_TEXT + 5)
        to_search = make_action(
            self,
            translate("MainWindow", "Go to &Search Results"),
            self.focus_search_results,
            "Ctrl+3",
            translate("MainWindow", "Move the keyboard focus to the search results"),
        )
        register(to_search, menu="view", group="sidebar", order=VIEW_SIDEBAR + 3)

    def _name_toolbar_buttons(self) -> None:
        """Give each toolbar button its action's words, for screen readers."""
        toolbar = self._menus.toolbar
        toolbar.setAccessibleName(translate("MainWindow", "Reading toolbar"))
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is None or action.isSeparator() or widget.accessibleName():
                continue
            if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
                action = widget.defaultAction()  # a button carried by a widget action
            widget.setAccessibleName(action.text().replace("&", ""))
            widget.setAccessibleDescription(action.toolTip())

    @property
    def file_menu(self) -> QMenu:
        """The File menu."""
        return self._menus.menu("file")

    @property
    def library_menu(self) -> QMenu:
        """The Library menu."""
        return self._menus.menu("library")

    @property
    def go_menu(self) -> QMenu:
        """The Go menu."""
        return self._menus.menu("go")

    @property
    def toolbar(self) -> QToolBar:
        """The reading toolbar."""
        return self._menus.toolbar

    @property
    def library(self) -> Library:
        """The library being read."""
        return self._library

    @property
    def view(self) -> ChapterView:
        """The chapter view."""
        return self._view

    @property
    def contents(self) -> ContentsPanel:
        """The Contents sidebar."""
        return self._contents

    @property
    def sidebar(self) -> QTabWidget:
        """The sidebar's tabs (Contents and the panels features add)."""
        return self._sidebar

    @property
    def settings(self) -> Settings:
        """The window's settings."""
        return self._settings

    @property
    def data_dir(self) -> Path:
        """The folder where user data lives."""
        return self._data_dir

    @property
    def theme(self) -> Theme:
        """The active reading theme."""
        return self._theme

    def status_text(self) -> str:
        """What the status bar says is being read: the chapter and its current section."""
        return self._status.text()

    def current_document(self) -> ChapterDocument | None:
        """The chapter being shown."""
        return self._current

    def document_for(self, chapter: Chapter) -> ChapterDocument:
        """The rendered document of any chapter (cached)."""
        return self._cache.get(chapter)

    def _outline_of(self, chapter: Chapter) -> list[OutlineNode]:
        try:
            return self._cache.get(chapter).outline
        except ChapterChangedError:
            return []

    @Slot(str, str)
    def open_location(self, slug: str, heading_id: str) -> None:
        """Jump to chapter `slug` at heading `heading_id` ("" for its start)."""
        self.leave_place()
        self.open_chapter(slug, heading=heading_id or None, offset=None if heading_id else 0)

    def leave_place(self) -> None:
        """Say that a jump is about to leave the place shown (so Back can return to it)."""
        if self._current is not None and self._shown_once:
            self._signals.place_left.emit(self._current.chapter.slug, self._view.top_offset())

    def open_chapter(
        self, slug: str, *, heading: str | None = None, offset: int | None = None
    ) -> bool:
        """Show chapter `slug`, at a heading or plain-text offset if given; False if unknown."""
        chapter = self._library.by_slug(slug)
        if chapter is None:
            return False
        if self._current is None or self._current.chapter.slug != slug:
            try:
                doc = self._cache.get(chapter)
            except ChapterChangedError:
                # Its file changed since the library was read: read that chapter again.
                try:
                    doc = revised_document(self._context, chapter)
                except (ChapterUnreadable, ChapterChangedError) as error:
                    show_message(
                        self,
                        translate("MainWindow", "Chapter changed"),
                        translate(
                            "MainWindow",
                            "{error} It cannot be shown now; your notes on it are kept.",
                        ).format(error=error),
                    )
                    return False
                chapter = doc.chapter
            self._remember_position()
            self.progress.flush()
            self._current = doc
            self._chapter_watch.follow(doc.chapter)
            self._view.show_document(doc, self._theme, self._font_px)
            self._position.clear()
            self.setWindowTitle(self._title_for(chapter.title))
            self._contents.expand_chapter(slug)
            self._settings.last_chapter = slug
            self._signals.chapter_opened.emit(slug)
            if heading is None and offset is None:
                offset = self._settings.position(slug)
        if heading is not None or offset is not None:
            if self._shown_once:
                self._scroll(heading, offset)
            else:
                self._pending_heading, self._pending_offset = heading, offset
        self._on_current_heading(self._view.current_heading() or "")
        self.progress.chapter_shown(slug)
        return True

    def show_revision(self, doc: ChapterDocument) -> None:
        """Show the open chapter's new version (its file changed on disk), keeping the place."""
        if self._current is None or self._current.chapter.slug != doc.chapter.slug:
            return
        self._current = doc
        self.setWindowTitle(self._title_for(doc.chapter.title))
        # The view keeps the paragraph at the top where it was, found again in the new text;
        # chapter_opened has the highlights placed on it again.
        self._rerender()

    def _title_for(self, chapter_title: str | None) -> str:
        """The window's title: the chapter, the library (when it says more), the program."""
        parts = [chapter_title] if chapter_title else []
        library_title = self._context.library_info.title
        if library_title.casefold() not in {p.casefold() for p in [*parts, APP_TITLE]}:
            parts.append(library_title)
        return " — ".join([*parts, APP_TITLE])

    @Slot()
    def _library_replaced(self) -> None:
        self._library = self._context.library
        if self._contents.update_chapters(self._library.chapters) and self._current is not None:
            # A new list (the whole library after the first paint, or a verified scan).
            slug = self._current.chapter.slug
            self._contents.expand_chapter(slug)
            self._on_current_heading(self._view.current_heading() or "")
        if self._current is not None:
            # The revised chapter (the one open) lists its headings as they now are.
            revised = self._library.by_slug(self._current.chapter.slug)
            if revised is not None:
                self._contents.refresh_chapter(revised)

    def _heading_id(self, anchor: str) -> str:
        """The id of the open chapter's heading that `anchor` names.

        Browsers on GitHub match a link's `#Section-Name` to the heading id `section-name`
        whatever its capitals, and course authors rely on it.
        """
        if self._current is None:
            return anchor
        ids = [h.id for h in self._current.rendered.headings]
        if anchor in ids:
            return anchor
        folded = anchor.casefold()
        return next((i for i in ids if i.casefold() == folded), anchor)

    def _scroll(self, heading: str | None, offset: int | None) -> None:
        if heading is not None and self._view.scroll_to_heading(self._heading_id(heading)):
            return
        if offset is not None:
            self._view.scroll_to_offset(offset)

    def _remember_position(self) -> None:
        if self._current is not None and self._shown_once:
            self._settings.set_position(self._current.chapter.slug, self._view.top_offset())

    def showEvent(self, event: QShowEvent) -> None:
        """Scroll to the restored position once the window has its real size."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            heading, offset = self._pending_heading, self._pending_offset
            self._pending_heading = self._pending_offset = None
            if heading is not None or offset is not None:
                self._scroll(heading, offset)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window, the chapter and the place in it."""
        self._remember_position()
        self.progress.flush()
        self._settings.set_bytes("window/geometry", self.saveGeometry())
        self._settings.set_bytes("window/state", self.saveState())
        self._settings.set_bytes("window/splitter", QByteArray(self._splitter.saveState()))
        self._settings.sync()
        super().closeEvent(event)

    # -- slots ---------------------------------------------------------------------------

    @Slot(str)
    def _on_current_heading(self, heading_id: str) -> None:
        if self._current is None:
            return
        self._contents.mark_current(self._current.chapter.slug, heading_id or None)
        title = next((h.title for h in self._current.rendered.headings if h.id == heading_id), "")
        if title.casefold() == self._current.chapter.title.casefold():
            title = ""  # the chapter's own title heading: not "Intro › Intro"
        self._status.setText(f"{self._current.chapter.title}{'  ›  ' + title if title else ''}")

    def position_text(self) -> str:
        """What the status bar says of the position in the chapter ("·  42%")."""
        return self._position.text()

    @Slot(str, int)
    def _show_position(self, slug: str, percent: int) -> None:
        if self._current is not None and self._current.chapter.slug == slug:
            self._position.setText(f"·  {percent}%")

    @Slot(QUrl)
    def _follow_link(self, url: QUrl) -> None:
        if self._current is None:
            return
        from reader.core.links import classify_link  # on the first click, not at start

        target = classify_link(url.toString(), self._current.chapter.slug, self._library)
        if (target.kind == "anchor" and target.anchor) or (
            target.kind == "chapter" and target.slug
        ):
            self.leave_place()
        if target.kind == "anchor" and target.anchor:
            if not self._view.scroll_to_heading(self._heading_id(target.anchor)):
                self._view.scrollToAnchor(target.anchor)
        elif target.kind == "chapter" and target.slug:
            self.open_chapter(
                target.slug, heading=target.anchor, offset=None if target.anchor else 0
            )
        elif target.kind == "external" and target.url:
            from reader.ui.link_dialog import ExternalLinkDialog

            self._link_dialog = ExternalLinkDialog(target.url, self)
            self._link_dialog.open()
        else:
            self.statusBar().showMessage(
                target.reason
                or translate(
                    "MainWindow", "This link does not lead anywhere Field Reader can open."
                ),
                6000,
            )

    @Slot(QUrl)
    def _show_link_target(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(url.toString(), 4000)

    def external_link_dialog(self) -> ExternalLinkDialog | None:
        """The web-link dialog currently open, if any."""
        dialog = self._link_dialog
        try:
            return dialog if dialog is not None and dialog.isVisible() else None
        except RuntimeError:  # already deleted on close
            return None

    @Slot()
    def focus_contents(self) -> None:
        """Put the keyboard focus on the Contents tree."""
        self.set_sidebar_visible(True)
        self._sidebar.setCurrentWidget(self._contents_tab)
        first = self._contents.topLevelItem(0)
        if self._contents.currentItem() is None and first is not None:
            # Down and Enter should work at once, as in a list that has a row chosen.
            self._contents.setCurrentItem(first)
        self._contents.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    @Slot(bool)
    def _set_caret_browsing(self, on: bool) -> None:
        self.caret.set_enabled(on)
        self._settings.caret_browsing = on
        self.show_status(
            translate(
                "MainWindow",
                "Caret browsing on: arrows move the caret, Shift+arrows select, Ctrl+H highlights.",
            )
            if on
            else translate("MainWindow", "Caret browsing off."),
            5000,
        )

    @Slot()
    def focus_search_results(self) -> None:
        """Put the keyboard focus on the search results (on the field when there are none)."""
        search = self.features.search
        if search is None:
            self.show_status(translate("MainWindow", "Search is not ready yet."), 4000)
            return
        self.set_sidebar_visible(True)
        self._sidebar.setCurrentWidget(search.panel)
        search.panel.focus_results()

    @Slot()
    def focus_text(self) -> None:
        """Put the keyboard focus on the chapter text."""
        self._view.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    @Slot(bool)
    def set_sidebar_visible(self, visible: bool) -> None:
        """Show or hide the sidebar (Contents and the panels features add)."""
        self._sidebar.setVisible(visible)
        self._menus.toggle_sidebar.setChecked(visible)

    def change_font_size(self, step: int) -> None:
        """Make the text larger (+1) or smaller (-1), keeping the place."""
        index = FONT_SIZES.index(self._font_px) if self._font_px in FONT_SIZES else 3
        index = max(0, min(len(FONT_SIZES) - 1, index + step))
        if FONT_SIZES[index] != self._font_px:
            self._font_px = FONT_SIZES[index]
            self._settings.font_size = self._font_px
            self._rerender()

    @property
    def theme_choice(self) -> str:
        """The theme chosen: "light", "sepia", "dark" or "system"."""
        return self._theme_choice

    def _look(self) -> Theme:
        """The theme to show for the choices made, in the chosen face and spacing."""
        theme = resolve_theme(self._theme_choice, self._system_dark)
        return theme._replace(face=self._settings.face, spacing=self._settings.spacing)

    def set_theme(self, name: str) -> None:
        """Choose theme `name` ("light", "sepia", "dark", or "system" to follow the system)."""
        if name not in THEME_CHOICES:
            return
        self._theme_choice = name
        self._settings.theme = name
        self._show_look()

    @Slot()
    def cycle_theme(self) -> None:
        """Go to the next theme: light, sepia, dark, light again (from the theme shown)."""
        self.set_theme(next_theme(self._theme.name))

    def set_system_dark(self, dark: bool) -> None:
        """The system's colour scheme is now dark (or light): followed if so chosen."""
        self._system_dark = dark
        self._show_look()

    def set_face(self, name: str) -> None:
        """Set the chapter in "serif" or "sans", keeping the place."""
        if name in FACES:
            self._settings.face = name
            self._show_look()

    def set_spacing(self, name: str) -> None:
        """Space the lines "compact", "normal" or "relaxed", keeping the place."""
        if name in SPACINGS:
            self._settings.spacing = name
            self._show_look()

    def _show_look(self) -> None:
        """Show the theme, face and spacing chosen, if they changed; check their entries."""
        look = self._look()
        if look != self._theme:
            recoloured = look.name != self._theme.name
            self._theme = look
            if recoloured:
                self._apply_theme()
            self._rerender()
            if recoloured:
                self._signals.theme_changed.emit(look.name)
        self.reading_settings.refresh()

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Every theme sets the same roles, so the current palette is as good a base as
            # the style's standard one (and reaching QStyle from Python costs 5 ms at start).
            app.setPalette(palette(self._theme, app.palette()))
        self.setStyleSheet(app_stylesheet(self._theme))
        self._contents.set_accent(QColor(self._theme.accent))
        self._contents.set_mark_colours(QColor(self._theme.muted), QColor(self._theme.tip))

    def _rerender(self) -> None:
        if self._current is None:
            return
        # The view keeps the paragraph at the top where it was (see reader/ui/place_keeper.py).
        self._view.show_document(self._current, self._theme, self._font_px)
        self._signals.chapter_opened.emit(self._current.chapter.slug)

    def step_chapter(self, step: int) -> None:
        """Open the next (+1) or previous (-1) chapter of the library, at its start."""
        if self._current is None:
            return
        slugs = [c.slug for c in self._library.chapters]
        index = slugs.index(self._current.chapter.slug) + step
        if 0 <= index < len(slugs):
            self.leave_place()
            self.open_chapter(slugs[index], offset=0)

    def _show_empty_library(self) -> None:
        from html import escape  # only for a library without chapters

        problems = "".join(
            f"<li><b>{escape(p.path)}</b>: {escape(p.message)}</li>" for p in self._library.problems
        )
        self._view.setHtml(
            translate(
                "MainWindow",
                "<h2>No chapters to show</h2><p>Field Reader found no readable chapter in "
                "<code>{folder}</code>. Every <code>.md</code> file "
                "in the folder and its subfolders is a chapter.</p>",
            ).format(folder=escape(str(self._library.root)))
            + (
                translate("MainWindow", "<p>Problems found:</p><ul>{problems}</ul>").format(
                    problems=problems
                )
                if problems
                else ""
            )
        )

    @Slot()
    def show_problems(self) -> None:
        """List the files of the library that could not be opened, and why."""
        if not self._library.problems:
            information = QtWidgets.QMessageBox.Icon.Information
            show_message(
                self,
                translate("MainWindow", "Library problems"),
                translate("MainWindow", "Every chapter file opened without a problem."),
                information,
            )
            return
        text = "\n".join(f"• {p.path}: {p.message}" for p in self._library.problems)
        show_message(
            self,
            translate("MainWindow", "Library problems"),
            translate(
                "MainWindow", "Some files of the library could not be opened; the others are shown."
            )
            + "\n\n"
            + text,
        )
