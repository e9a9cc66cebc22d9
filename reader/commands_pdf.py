"""The `pdf` command: a chapter or the whole library as a PDF, highlights and notes included."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import ModuleType

from reader.cli import QtUnavailable, UsageError, add_common_options, content_library, data_dir
from reader.command_library import library_info
from reader.core.data_folder import NOTES_FILE
from reader.core.library import ChapterChangedError
from reader.core.print_html import NotesMode, print_library
from reader.storage.annotations import existing_notes
from reader.storage.db import StorageError

DESCRIPTION = """\
Write a chapter (or, with --all, every chapter) as a PDF, without opening a window.

Highlights are printed in their colours. With --with-notes, each note is printed too:
'footnotes' puts a number after its passage and lists the chapter's notes at its end;
'appendix' lists every note at the end of the PDF, by chapter and section. Headings
become the PDF's bookmarks. The paper size follows the system's locale (Letter in the
US, Canada, Mexico, ...; A4 elsewhere).

Exit status 0 when the PDF was written, 1 when it could not be written, 2 for a usage
error."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `pdf` command."""
    parser = subparsers.add_parser(
        "pdf",
        help="write a chapter or the whole library as a PDF",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", metavar="OUT.pdf", type=Path, help="where to write the PDF")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--chapter",
        metavar="SLUG",
        default=argparse.SUPPRESS,
        help="the chapter to print (default: the library's first chapter)",
    )
    which.add_argument("--all", action="store_true", help="print every chapter, in order")
    parser.add_argument(
        "--with-notes",
        choices=("footnotes", "appendix"),
        help="print the notes as numbered footnotes or as an appendix (default: none)",
    )
    add_common_options(parser, suppress=True)
    parser.set_defaults(handler=cmd_pdf)


def _printing() -> ModuleType:
    """Import the Qt printing code, turning a missing system library into words."""
    try:
        import reader.ui.printing as printing
    except ImportError as error:
        from reader.qtcheck import explain_qt_import_error

        raise QtUnavailable(explain_qt_import_error(error)) from None
    return printing


def cmd_pdf(args: argparse.Namespace) -> int:
    """Write the PDF; exit 1 when it cannot be written."""
    # No window is ever shown: the offscreen platform needs no display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"{out} does not end in .pdf; name the PDF to write, like notes.pdf.")
    library = content_library(args)
    if not library.chapters:
        raise UsageError(f"The library {library.root} holds no chapters to print.")
    slug: str | None = None
    if not args.all:
        slug = getattr(args, "chapter", None) or library.chapters[0].slug
        if library.by_slug(slug) is None:
            raise UsageError(f'The library has no chapter "{slug}".')
    data = data_dir(args)
    if not out.parent.is_dir():
        print(f"field-reader: the folder {out.parent} does not exist.", file=sys.stderr)
        return 1
    notes: NotesMode = args.with_notes or "none"
    try:
        annotations = existing_notes(data / NOTES_FILE, library=library_info(library).id)
    except StorageError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    try:
        job = print_library(library, annotations, notes, chapter=slug)
    except ChapterChangedError:
        print(
            "field-reader: a chapter file changed while the PDF was being made; run it again.",
            file=sys.stderr,
        )
        return 1
    printing = _printing()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        result = printing.write_pdf(job, out)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"field-reader: {out} cannot be written ({reason}).", file=sys.stderr)
        return 1
    finally:
        del app
    chapters = len(job.chapter_titles)
    what = f'chapter "{job.title}"' if slug is not None else f"all {chapters} chapters"
    if slug is None and chapters == 1:
        what = "the library's one chapter"
    count = len(job.notes)
    if notes != "none":
        place = "as footnotes" if notes == "footnotes" else "in an appendix"
        what += f", {count} note{'s' if count != 1 else ''} {place}"
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    print(f"Wrote {out}: {pages} ({what}).")
    return 0
