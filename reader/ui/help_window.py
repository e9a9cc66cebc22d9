"""The guide "Using Field Reader", shown in its own window with the reader's renderer and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QDialog, QFrame, QTextBrowser, QVBoxLayout, QWidget

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.render import render_markdown
from reader.core.rendered import ImageRef, RenderedChapter
from reader.paths import help_dir
from reader.ui.i18n import interface_language
from reader.ui.images import decode_image
from reader.ui.theme import Theme, app_stylesheet, body_font, chapter_stylesheet

GUIDE_FILE = "using-field-reader.md"
GUIDE_TITLE = QT_TRANSLATE_NOOP("HelpWindow", "Using Field Reader")
# The guide's column: narrower than a chapter's, pictures are shown at most this wide.
_MAX_COLUMN = 760
_SIDE_MARGIN = 24


def guide_file(folder: Path, language: str = "en") -> Path:
    """The guide in `language` (using-field-reader.fr.md) when `folder` has it, else English."""
    if language != "en":
        translated = folder / GUIDE_FILE.replace(".md", f".{language}.md")
        if translated.is_file():
            return translated
    return folder / GUIDE_FILE


def load_guide(folder: Path | None = None, language: str = "en") -> RenderedChapter:
    """Render the guide in `folder` (default: the shipped help folder); images resolve there.

    The guide is read in `language` when it is translated, else in English.

    A missing or unreadable guide becomes a page saying so, naming the file, so the window
    always opens.
    """
    root = folder if folder is not None else help_dir()
    path = guide_file(root, language)
    try:
        body = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        body = f"# {translate('HelpWindow', GUIDE_TITLE)}\n\n" + translate(
            "HelpWindow",
            "The guide could not be read from `{path}`: {reason}.\n\n"
            "This copy of Field Reader is incomplete; reinstalling it brings the guide back. "
            "Your notes are not affected.",
        ).format(path=path, reason=reason)
    return render_markdown(body, root)


class HelpView(QTextBrowser):
    """Shows the rendered guide; loads only the guide's own pictures and follows only #links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Links are routed here: a #heading scrolls, anything else does nothing (the guide
        # has no web links, and the reader never opens one without asking).
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("helpView")
        self.setAccessibleName(translate("HelpWindow", GUIDE_TITLE))
        self.setAccessibleDescription(
            translate("HelpWindow", "The guide to Field Reader; Tab moves between its links")
        )
        self._rendered: RenderedChapter | None = None
        self._images: dict[str, ImageRef] = {}
        self._theme: Theme | None = None
        self._font_px = 18
        self._column = 0
        self._margin = -1
        self.anchorClicked.connect(self._on_anchor)

    def show_guide(self, rendered: RenderedChapter, theme: Theme, font_px: int) -> None:
        """Show `rendered` styled as a chapter of `theme` at `font_px`."""
        self._rendered = rendered
        self._theme = theme
        self._font_px = font_px
        self._images = {f"image:{i}": ref for i, ref in enumerate(rendered.images)}
        self._relayout(force=True)

    @property
    def rendered(self) -> RenderedChapter | None:
        """The guide being shown."""
        return self._rendered

    def column_width(self) -> int:
        """The width of the text column in pixels (pictures are decoded for it)."""
        return max(200, min(_MAX_COLUMN, self.viewport().width() - 2 * _SIDE_MARGIN))

    def _relayout(self, *, force: bool = False) -> None:
        if self._rendered is None or self._theme is None:
            return
        column = self.column_width()
        if not force and column == self._column:
            return
        self._column = column
        bar = self.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        doc = self.document()
        doc.setDefaultStyleSheet(chapter_stylesheet(self._theme, self._font_px))
        doc.setDefaultFont(body_font(self._font_px))
        doc.setDocumentMargin(_SIDE_MARGIN)
        # setHtml drops Qt's resource cache, so pictures are decoded again for the new width.
        self.setHtml(self._rendered.html)
        bar.setValue(round(share * bar.maximum()))

    def _centre(self) -> None:
        """Keep the text a readable column in the middle of a wide window."""
        available = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
        margin = max(0, (available - _MAX_COLUMN - 2 * _SIDE_MARGIN) // 2)
        if margin != self._margin:
            self._margin = margin
            self.setViewportMargins(margin, 0, margin, 0)
            # Margins resize the viewport behind QTextEdit's back: hand it a resize so the
            # text re-wraps (as the chapter view does).
            super().resizeEvent(QResizeEvent(self.size(), QSize(-1, -1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-centre the column and re-lay the guide when its width changes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._centre()
            self._relayout()

    def loadResource(self, type_: int, url: QUrl | str) -> Any:
        """Load only the guide's own pictures, decoded for the column; nothing else."""
        key = url.toString() if isinstance(url, QUrl) else str(url)
        ref = self._images.get(key)
        if type_ != QTextDocument.ResourceType.ImageResource.value or ref is None:
            return None
        if ref.status != "found" or ref.path is None:
            return None
        decoded = decode_image(ref.path, ref, float(self._column), self.devicePixelRatioF())
        return decoded.image

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("#") and len(target) > 1:
            self.scrollToAnchor(url.fragment())


class HelpWindow(QDialog):
    """A separate, non-modal window showing the guide; Esc closes it."""

    def __init__(self, theme: Theme, font_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("HelpWindow", "{title} — Field Reader").format(
                title=translate("HelpWindow", GUIDE_TITLE)
            )
        )
        self.setObjectName("helpWindow")
        self.setAccessibleName(translate("HelpWindow", GUIDE_TITLE))
        self.setAccessibleDescription(
            translate("HelpWindow", "A guide to reading, highlighting and keeping notes")
        )
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self._view = HelpView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._font_px = font_px
        self._rendered = load_guide(language=interface_language())
        self.resize(QSize(820, 720))
        self.set_theme(theme)

    @property
    def view(self) -> HelpView:
        """The text view showing the guide."""
        return self._view

    @Slot()
    def set_theme(self, theme: Theme) -> None:
        """Show the guide in `theme`, like the chapters."""
        # The page colour reaches the margins around the column too, as in the chapter view.
        page = f"QTextBrowser#helpView {{ background: {theme.page}; border: none; }}"
        self.setStyleSheet(app_stylesheet(theme) + page)
        self._view.show_guide(self._rendered, theme, self._font_px)

    def show_heading(self, heading_id: str) -> None:
        """Scroll the guide so that heading `heading_id` is at the top."""
        self._view.scrollToAnchor(heading_id)
