"""Lay printable HTML out on pages: a PDF with an outline of headings, or a printer.

The HTML comes from reader/core/print_html.py. It is laid out by a QTextDocument in the
reader's own units (CSS pixels at the screen's logical resolution), paginated at the page
size the system's locale uses, and painted page by page onto a QPdfWriter or a QPrinter
with the chapter's title and the page number in the bottom margin. Qt's PDF writer
cannot write an outline, so headings become bookmarks afterwards, with pypdf, at the
pages the layout put them on.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
)

from reader.core.i18n import translate
from reader.core.print_html import CHAPTER_ANCHOR, PrintDocument
from reader.core.rendered import ImageRef
from reader.ui.images import UNREADABLE, decode_image
from reader.ui.placeholder import placeholder_image
from reader.ui.theme import LIGHT, body_font, chapter_stylesheet

__all__ = [
    "MARGIN_MM",
    "OutlineEntry",
    "PrintCancelled",
    "PrintedPages",
    "Progress",
    "lay_out",
    "page_layout",
    "page_size_for",
    "paint_pages",
    "source_dpi",
    "write_pdf",
]

# Territories (ISO 3166 codes) whose paper is US Letter; everywhere else uses A4.
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO", "PA", "SV", "NI"}
)
MARGIN_MM = 18.0
# The body text on paper: 15 CSS pixels are 11.25 pt, a book's size.
PRINT_FONT_PX = 15
# Figures are decoded for about 300 dots per inch: sharp on paper, far from full size.
_IMAGE_DPI = 300.0
_DPI_PROPERTY = "fieldReaderLayoutDpi"
_FOOTER_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Noto Sans"]
# Paper takes a tighter line than the screen's 158%.
_PRINT_CSS = "\np, li, dd, dt, blockquote { line-height: 140%; }\n"
Progress = Callable[[int, int], bool]
"""Called with (pages done, pages in all); returning False stops the job."""


class PrintCancelled(Exception):
    """The person printing stopped the job; nothing was written."""


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One bookmark: its depth (0 for a chapter of the whole library), title and page."""

    level: int
    title: str
    page: int


@dataclass(frozen=True)
class PrintedPages:
    """What was printed: the page count and the outline the PDF carries."""

    pages: int
    outline: tuple[OutlineEntry, ...]


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter for the territories that use it (US, Canada, Mexico, ...), A4 elsewhere."""
    code = QLocale.territoryToCode((locale or QLocale.system()).territory())
    size = QPageSize.PageSizeId.Letter if code in _LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    return QPageSize(size)


def page_layout(locale: QLocale | None = None) -> QPageLayout:
    """A portrait page of the locale's size with margins of MARGIN_MM on every side."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        page_size_for(locale),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def source_dpi() -> float:
    """The resolution documents are laid out at: the screen's logical dots per inch.

    Read it on the window's thread and pass it to `write_pdf` when printing elsewhere.
    """
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


class _PrintTextDocument(QTextDocument):
    """A QTextDocument that loads the printed chapters' figures, and nothing else."""

    def __init__(self, images: dict[str, ImageRef], column: float, dpr: float) -> None:
        super().__init__()
        self._images = images
        self._column = column
        self._dpr = dpr

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        """A figure of the library decoded at print size, or the card naming a missing one."""
        ref = self._images.get(name.toString() if isinstance(name, QUrl) else str(name))
        if ref is None or type_ != QTextDocument.ResourceType.ImageResource.value:
            return None
        reason = translate("Viewer", "Figure not available in this copy of the course.")
        if ref.status == "found" and ref.path is not None:
            decoded = decode_image(ref.path, ref, self._column, self._dpr)
            if decoded.image is not None:
                return decoded.image
            reason = decoded.problem or translate("Images", UNREADABLE)
        elif ref.status == "unsafe" and ref.src.strip().lower().startswith(("http:", "https:")):
            reason = translate("Viewer", "A picture on the web: Field Reader works offline.")
        elif ref.status == "unsafe":
            reason = translate("Viewer", "Not shown: its path points outside the library.")
        width = self._column * (ref.width_percent or 80.0) / 100.0
        if ref.width_pixels is not None and ref.width_percent is None:
            width = min(self._column, float(ref.width_pixels))
        return placeholder_image(ref.label, reason, round(width), LIGHT, self._dpr)


def lay_out(job: PrintDocument, layout: QPageLayout, dpi: float | None = None) -> QTextDocument:
    """The job's document, styled for paper (light theme, serif body) and paginated.

    `dpi` is the resolution to lay out at (default: `source_dpi()`).
    """
    dpi = dpi or source_dpi()
    rect = layout.paintRect(QPageLayout.Unit.Point)
    page = QSizeF(rect.width() * dpi / 72.0, rect.height() * dpi / 72.0)
    doc = _PrintTextDocument(job.images, page.width(), _IMAGE_DPI / dpi)
    doc.setDefaultStyleSheet(chapter_stylesheet(LIGHT, PRINT_FONT_PX) + _PRINT_CSS)
    doc.setDefaultFont(body_font(PRINT_FONT_PX))
    doc.setDocumentMargin(0)
    doc.setPageSize(page)
    doc.setHtml(job.html)
    doc.setProperty(_DPI_PROPERTY, dpi)  # paint_pages scales from it
    return doc


def _anchors(block: QTextBlock) -> list[str]:
    names: list[str] = []
    fragments = block.begin()
    while not fragments.atEnd():
        names.extend(fragments.fragment().charFormat().anchorNames())
        fragments += 1
    return names


def outline_of(job: PrintDocument, doc: QTextDocument) -> list[OutlineEntry]:
    """The headings (and, for several chapters, the chapters) with the page each starts on."""
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    whole_library = len(job.chapter_titles) > 1
    entries: list[OutlineEntry] = []
    chapter = 0
    appendix = False
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        names = _anchors(block) if level or block.position() == 0 or whole_library else []
        page = int(layout.blockBoundingRect(block).top() // height)
        for name in names:
            if name.startswith(CHAPTER_ANCHOR) and name[len(CHAPTER_ANCHOR) :].isdigit():
                chapter = int(name[len(CHAPTER_ANCHOR) :])
                if whole_library:
                    entries.append(OutlineEntry(0, job.chapter_titles[chapter], page))
        if level:
            if job.notes_heading_id is not None and job.notes_heading_id in names:
                appendix = True
                entries.append(
                    OutlineEntry(0 if whole_library else 1, translate("Printing", "Notes"), page)
                )
            else:
                titles = {} if appendix else job.heading_titles[chapter]
                title = next((titles[n] for n in names if n in titles), block.text().strip())
                # A chapter that opens with its own title is one bookmark, not two.
                repeats = entries and entries[-1] == OutlineEntry(0, title, page)
                if not (whole_library and not appendix and repeats):
                    entries.append(OutlineEntry(level, title, page))
        block = block.next()
    return entries


def _chapter_of_pages(job: PrintDocument, doc: QTextDocument, pages: int) -> list[str]:
    """The title to print at the foot of each page: its chapter's (the first on the page)."""
    titles = [job.chapter_titles[0] if job.chapter_titles else job.title] * pages
    if len(job.chapter_titles) <= 1:
        return titles
    height = doc.pageSize().height()
    starts: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        for name in _anchors(block):
            if name.startswith(CHAPTER_ANCHOR) and name[len(CHAPTER_ANCHOR) :].isdigit():
                page = int(doc.documentLayout().blockBoundingRect(block).top() // height)
                starts.append((page, int(name[len(CHAPTER_ANCHOR) :])))
        block = block.next()
    for page, chapter in starts:
        for index in range(page, pages):
            titles[index] = job.chapter_titles[chapter]
    return titles


def paint_pages(
    job: PrintDocument,
    doc: QTextDocument,
    device: QPagedPaintDevice,
    progress: Progress | None = None,
) -> int:
    """Paint every page of `doc` onto `device` (already set to the page layout); the count.

    Raises PrintCancelled when `progress` returns False; what was painted is then unused.
    """
    pages = max(1, doc.pageCount())
    footers = _chapter_of_pages(job, doc, pages)
    page = doc.pageSize()
    scale = device.logicalDpiY() / float(doc.property(_DPI_PROPERTY) or source_dpi())
    paint = device.pageLayout().paintRectPixels(device.logicalDpiY())
    footer_font = QFont()
    footer_font.setFamilies(_FOOTER_FAMILIES)
    footer_font.setPointSizeF(8.0)
    # Text without a colour of its own is drawn in the palette's Text colour. Qt would
    # take the application's, which is near white in the dark theme: paper is light.
    context = QAbstractTextDocumentLayout.PaintContext()
    ink = QPalette()
    ink.setColor(QPalette.ColorRole.Text, QColor(LIGHT.text))
    ink.setColor(QPalette.ColorRole.Link, QColor(LIGHT.link))
    context.palette = ink
    painter = QPainter(device)
    try:
        for number in range(pages):
            if number and not device.newPage():
                raise OSError(f"page {number + 1} could not be started")
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -number * page.height())
            context.clip = QRectF(QPointF(0, number * page.height()), page)
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            # The foot of the page, in the bottom margin: chapter on the left, page number
            # on the right.
            painter.setFont(footer_font)
            painter.setPen(QColor(LIGHT.muted))
            baseline = paint.height() + device.logicalDpiY() * 8 / 25.4
            painter.drawText(QPointF(0, baseline), footers[number])
            label = f"{number + 1} / {pages}"
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QPointF(paint.width() - width, baseline), label)
            if progress is not None and not progress(number + 1, pages):
                raise PrintCancelled()
    finally:
        painter.end()
    return pages


def _add_outline(pdf: Path, entries: list[OutlineEntry], out: Path, title: str) -> None:
    """Copy `pdf` to `out` with `entries` as its bookmarks, nested by level."""
    from pypdf import PdfReader, PdfWriter  # only printing needs it

    writer = PdfWriter(clone_from=PdfReader(pdf))
    pages = len(writer.pages)
    parents: list[tuple[int, Any]] = []
    for entry in entries:
        while parents and parents[-1][0] >= entry.level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(
            title=entry.title, page_number=min(entry.page, pages - 1), parent=parent
        )
        parents.append((entry.level, item))
    if entries:
        writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": title, "/Creator": "Field Reader"})
    with out.open("wb") as handle:
        writer.write(handle)


def write_pdf(
    job: PrintDocument,
    path: Path,
    *,
    layout: QPageLayout | None = None,
    progress: Progress | None = None,
    dpi: float | None = None,
) -> PrintedPages:
    """Write `job` as a PDF at `path` (replaced in one step); its pages and outline.

    Raises OSError when the file cannot be written (the old file, if any, is kept) and
    PrintCancelled when `progress` stops the job. It may run on a worker thread, given
    `dpi` (see `source_dpi`) and a `layout`: it touches nothing of the window's.
    """
    page = layout or page_layout()
    doc = lay_out(job, page, dpi)
    fd, raw_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".raw")
    os.close(fd)
    raw = Path(raw_name)
    final = raw.with_suffix(".tmp")
    try:
        writer = QPdfWriter(str(raw))
        writer.setPageLayout(page)
        writer.setResolution(300)
        writer.setTitle(job.title)
        writer.setCreator("Field Reader")
        pages = paint_pages(job, doc, writer, progress)
        del writer  # finishes the file
        if raw.stat().st_size == 0:
            raise OSError(f"{path}: the PDF could not be written.")
        entries = outline_of(job, doc)
        _add_outline(raw, entries, final, job.title)
        os.replace(final, path)
    finally:
        for leftover in (raw, final):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return PrintedPages(pages, tuple(entries))
