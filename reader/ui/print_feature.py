"""File > Print… and File > Save as PDF…: this chapter or all, with or without the notes.

Both ask first, in a small dialog, what to print (this chapter or every chapter) and how
to print the notes (not at all, as footnotes, or as an appendix). A PDF is made on the
window's task runner (reader/ui/tasks.py): chapters rendered and pages painted off the
window's thread, progress in the status bar. Printing on a printer stays on the window's
thread (the printer and its dialog belong to it), with a progress dialog and Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.library import ChapterChangedError
from reader.core.notes import Annotation
from reader.core.print_html import NotesMode, PrintDocument, print_library
from reader.storage.db import StorageError
from reader.ui.actions import make_action
from reader.ui.context import AppContext, NotesUnavailable, ReaderWindow
from reader.ui.dialog_parts import ChapterScope, lay_out_dialog
from reader.ui.exchange_dialogs import dialog_options
from reader.ui.plain import show_message
from reader.ui.printing import (
    PrintCancelled,
    PrintedPages,
    Progress,
    lay_out,
    page_layout,
    paint_pages,
    source_dpi,
    write_pdf,
)
from reader.ui.tasks import Task, TaskCancelled, TaskContext, error_message, task_runner
from reader.ui.window_menus import FILE_EXCHANGE

# After Export, Import and Sync Folder (FILE_EXCHANGE + 0..2), before Quit.
FILE_PRINT = FILE_EXCHANGE + 10
NOTES_LABELS: dict[NotesMode, str] = {
    "none": QT_TRANSLATE_NOOP("PrintFeature", "Not printed (highlights only)"),
    "footnotes": QT_TRANSLATE_NOOP("PrintFeature", "As footnotes, at the end of each chapter"),
    "appendix": QT_TRANSLATE_NOOP("PrintFeature", "In an appendix, at the end"),
}


class PrintOptionsDialog(QDialog):
    """Asks what to print: this chapter or all chapters, and how to print the notes."""

    def __init__(self, parent: QWidget, title: str, chapter_title: str | None, ok: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._scope = ChapterScope(
            self,
            chapter_title,
            translate("PrintFeature", "&This chapter"),
            translate("PrintFeature", "&All chapters"),
        )
        self._notes = QComboBox()
        for mode, label in NOTES_LABELS.items():
            self._notes.addItem(translate("PrintFeature", label), mode)
        form = QFormLayout()
        form.addRow(translate("PrintFeature", "Print:"), self._scope.layout)
        form.addRow(translate("PrintFeature", "&Notes:"), self._notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        lay_out_dialog(self, form, buttons)

    def choice(self) -> tuple[bool, NotesMode]:
        """Whether only the current chapter is printed, and how the notes are."""
        return self._scope.this_chapter(), self._notes.currentData()


class PrintFeature(QObject):
    """The two File-menu entries and what they do."""

    def __init__(self, context: AppContext, window: ReaderWindow) -> None:
        super().__init__(window.as_widget())
        self._context = context
        self._window = window
        self.last_message: QMessageBox | None = None
        self._progress_dialog: QProgressDialog | None = None
        widget = window.as_widget()
        self.print_action = make_action(
            widget,
            translate("PrintFeature", "&Print…"),
            self.ask_print,
            QKeySequence.StandardKey.Print,
            translate(
                "PrintFeature", "Print this chapter or all chapters, with your highlights and notes"
            ),
        )
        self.pdf_action = make_action(
            widget,
            translate("PrintFeature", "Save as P&DF…"),
            self.ask_pdf,
            "Ctrl+Shift+P",
            tip=translate(
                "PrintFeature",
                "Save this chapter or all chapters as a PDF, with your highlights and notes",
            ),
        )

    # -- asking ----------------------------------------------------------------------------

    def _options(self, title: str, ok: str) -> PrintOptionsDialog:
        doc = self._window.current_document()
        dialog = PrintOptionsDialog(
            self._window.as_widget(), title, doc.chapter.title if doc is not None else None, ok
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    @Slot()
    def ask_pdf(self) -> None:
        """Ask what to print, then for the file, and write the PDF."""
        dialog = self._options(
            translate("PrintFeature", "Save as PDF"), translate("PrintFeature", "Save…")
        )
        dialog.accepted.connect(lambda: self._pdf_chosen(*dialog.choice()))
        dialog.open()

    @Slot()
    def ask_print(self) -> None:
        """Ask what to print, then for the printer, and print."""
        dialog = self._options(
            translate("PrintFeature", "Print"), translate("PrintFeature", "Print…")
        )
        dialog.accepted.connect(lambda: self._print_chosen(*dialog.choice()))
        dialog.open()

    def _slug(self, this_chapter: bool) -> str | None:
        doc = self._window.current_document()
        return doc.chapter.slug if doc is not None and this_chapter else None

    def _pdf_chosen(self, this_chapter: bool, notes: NotesMode) -> None:
        slug = self._slug(this_chapter)
        path, _ = QFileDialog.getSaveFileName(
            self._window.as_widget(),
            translate("PrintFeature", "Save as PDF"),
            str(Path.home() / f"{slug or 'all-chapters'}.pdf"),
            translate("PrintFeature", "PDF documents (*.pdf)"),
            options=dialog_options(),
        )
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.save_pdf_in_background(chosen, slug, notes)

    def _print_chosen(self, this_chapter: bool, notes: NotesMode) -> None:
        job = self._job(self._slug(this_chapter), notes)
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(job.title)
        dialog = QPrintDialog(printer, self._window.as_widget())
        dialog.setWindowTitle(translate("PrintFeature", "Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_on(printer, job)

    # -- doing -----------------------------------------------------------------------------

    def _annotations(self) -> list[Annotation] | None:
        """Every live note, [] without a notes file; None (said) when they cannot be read."""
        notes = self._context.notes
        if notes is None:
            return []
        try:
            return notes.store.list()
        except (NotesUnavailable, StorageError) as error:
            message = getattr(error, "message", None) or str(error)
            self._say(
                translate("PrintFeature", "Nothing printed"),
                translate("PrintFeature", "Your notes cannot be read. {message}").format(
                    message=message
                ),
            )
            return None

    def _job(self, slug: str | None, notes: NotesMode) -> PrintDocument | None:
        """The printable document of chapter `slug` (or all); None (said) when impossible."""
        annotations = self._annotations()
        if annotations is None:
            return None
        try:
            return print_library(
                self._context.library,
                annotations,
                notes,
                chapter=slug,
                document_for=self._context.document_for,
            )
        except (ChapterChangedError, KeyError):
            self._say(
                translate("PrintFeature", "Nothing printed"),
                translate(
                    "PrintFeature",
                    "The chapters changed on disk since they were listed. "
                    "Reopen the library and print again.",
                ),
            )
            return None

    def save_pdf(self, path: Path, slug: str | None, notes: NotesMode) -> Path | None:
        """Write chapter `slug` (or every chapter) as a PDF at `path`; None if it failed."""
        job = self._job(slug, notes)
        if job is None:
            return None
        progress = self._progress(job)
        try:
            result = write_pdf(job, path, progress=progress)
        except PrintCancelled:
            self._window.show_status(
                translate("PrintFeature", "Saving as PDF was cancelled; nothing was written."), 6000
            )
            return None
        except OSError as error:
            self._say(
                translate("PrintFeature", "PDF not saved"),
                translate("PrintFeature", "{path} could not be written ({reason}).").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        finally:
            self._close_progress()
        self._window.show_status(
            translate("PrintFeature", "Saved %n page(s) as {path}.", None, result.pages).format(
                path=path
            ),
            8000,
        )
        return path

    def save_pdf_in_background(self, path: Path, slug: str | None, notes: NotesMode) -> Task | None:
        """Write the PDF on the window's task runner: chapters are rendered and pages painted
        off the window's thread, progress shows in the status bar; None if nothing started."""
        annotations = self._annotations()  # read here: the notes' connection is this thread's
        if annotations is None:
            return None
        library, layout, dpi = self._context.library, page_layout(), source_dpi()

        def work(task: TaskContext) -> PrintedPages:
            # Rendered afresh, not from the window's cache, which is not shared with threads.
            job = print_library(library, annotations, notes, chapter=slug)

            def step(done: int, total: int) -> bool:
                task.progress(
                    done,
                    total,
                    translate("PrintFeature", "Saving as PDF… page {done} of {total}").format(
                        done=done, total=total
                    ),
                )
                return not task.cancelled

            try:
                return write_pdf(job, path, layout=layout, progress=step, dpi=dpi)
            except PrintCancelled:
                raise TaskCancelled from None  # the window closed: nothing was written

        def done(result: PrintedPages) -> None:
            self._window.show_status(
                translate("PrintFeature", "Saved %n page(s) as {path}.", None, result.pages).format(
                    path=path
                ),
                8000,
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, ChapterChangedError | KeyError):
                reason = translate(
                    "PrintFeature", "the chapters changed on disk since they were listed"
                )
            elif isinstance(error, OSError):
                reason = f"{error.strerror or error}"
            else:
                reason = error_message(error)
            self._say(
                translate("PrintFeature", "PDF not saved"),
                translate("PrintFeature", "{path} could not be written ({reason}).").format(
                    path=path, reason=reason
                ),
            )

        runner = task_runner(self._window.as_widget())
        task = runner.submit(
            "read", translate("PrintFeature", "Save as PDF"), work, on_done=done, on_error=failed
        )
        task.cancelled.connect(
            lambda: self._window.show_status(
                translate("PrintFeature", "Saving as PDF was stopped; nothing was written.")
            )
        )
        return task

    def print_on(self, printer: QPrinter, job: PrintDocument) -> int:
        """Print `job` on `printer` (already set up); the number of pages, 0 if none."""
        document = lay_out(job, printer.pageLayout())
        try:
            pages = paint_pages(job, document, printer, self._progress(job))
        except PrintCancelled:
            printer.abort()
            self._window.show_status(translate("PrintFeature", "Printing was cancelled."), 6000)
            return 0
        except OSError as error:
            self._say(
                translate("PrintFeature", "Not printed"),
                translate("PrintFeature", "The printer refused the pages ({error}).").format(
                    error=error
                ),
            )
            return 0
        finally:
            self._close_progress()
        self._window.show_status(
            translate("PrintFeature", "Sent %n page(s) to print.", None, pages), 6000
        )
        return pages

    # -- helpers ---------------------------------------------------------------------------

    def _progress(self, job: PrintDocument) -> Progress:
        """A progress callback with a Cancel button, shown when the job takes a while."""
        dialog = QProgressDialog(
            translate("PrintFeature", "Preparing the pages of {title}…").format(title=job.title),
            translate("PrintFeature", "Cancel"),
            0,
            0,
            self._window.as_widget(),
        )
        dialog.setWindowTitle(translate("PrintFeature", "Printing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(700)
        self._progress_dialog = dialog

        def step(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)  # a modal progress dialog handles events here
            QApplication.processEvents()
            return not dialog.wasCanceled()

        return step

    def _close_progress(self) -> None:
        dialog = self._progress_dialog
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
            self._progress_dialog = None

    def _say(self, title: str, text: str) -> None:
        self.last_message = show_message(self._window.as_widget(), title, text)


def install_printing(context: AppContext, window: ReaderWindow) -> PrintFeature:
    """Register Print… and Save as PDF… in the File menu, after the notes' exchange."""
    feature = PrintFeature(context, window)
    register = context.actions.register
    register(feature.print_action, menu="file", group="print", order=FILE_PRINT)
    register(feature.pdf_action, menu="file", group="print", order=FILE_PRINT + 1)
    return feature
