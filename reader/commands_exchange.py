"""The `export`, `import` and `sync` commands: notes to a file and back, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli import UsageError, add_common_options, content_library, data_dir
from reader.command_library import library_info
from reader.core.data_folder import NOTES_FILE
from reader.core.exchange import FORMATS, Format, export, export_all_libraries, format_for_path
from reader.core.i18n import translate
from reader.core.import_limits import printable
from reader.core.importing import (
    ImportRefused,
    import_into,
    parse_w3c,
    read_import_file,
    source_resolver,
)
from reader.core.sync import sync_folder
from reader.errorlog import log_dir, write_log
from reader.storage.annotations import AnnotationStore, existing_notes
from reader.storage.db import Database, StorageError
from reader.storage.fingerprint import notes_fingerprint

EXPORT_DESCRIPTION = """\
Export highlights and notes of the library (--content, else the bundled chapters), of one
chapter or all of them. Each library keeps its own notes.

  md    study notes: by chapter and section, each highlight a block quote
  html  the same as one self-contained, printable web page
  json  W3C Web Annotation JSON (with deletions), for `field-reader import` elsewhere;
        it names the library, and each note its library's id

With --all-libraries, every library's notes go into one JSON file, each note keeping its
library's id. Without --format the format follows the extension of -o FILE, else md.
Exit status 0."""

IMPORT_DESCRIPTION = """\
Merge a W3C Web Annotation JSON file (a Field Reader export, or another tool's
annotations with a TextQuoteSelector) into your notes. The newer version of each
annotation wins; importing the same file again changes nothing. The file is checked
completely first: if anything in it is wrong, nothing is imported. A note that names its
library goes to that library's notes; one that names none (an older export, another
tool's) goes to the library of --content (the bundled chapters by default). The summary
says how many went to another library.

Exit status 0 when the file was merged (the summary is printed), 1 when it was refused."""

SYNC_DESCRIPTION = """\
Sync with a shared folder, as the window does at start when one is set: merge every
notes export found in FOLDER (each file all or nothing), then write this computer's
notes there as field-reader-<installation id>.json. The files carry every library's
notes, and each note stays in its library. Computers that sync through the
same folder (a network drive, a USB stick) end up with the same notes; deletions travel
too. The folder is never created: an unplugged stick must not receive the notes.

Exit status 0 when every file was merged and this computer's file written, 1 when a
file was refused (the others are still merged) or the folder could not be used."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` and `import` commands."""
    out = subparsers.add_parser(
        "export",
        help="export highlights and notes (Markdown, HTML or JSON)",
        description=EXPORT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    out.add_argument("--format", choices=FORMATS, help="md, html or json (see above)")
    out.add_argument(
        "--chapter", metavar="SLUG", default=argparse.SUPPRESS, help="only this chapter's notes"
    )
    out.add_argument(
        "--all-libraries",
        action="store_true",
        help="every library's notes in one JSON file, each keeping its library's id",
    )
    out.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here (default: standard output)"
    )
    add_common_options(out, suppress=True)
    out.set_defaults(handler=cmd_export)

    imp = subparsers.add_parser(
        "import",
        help="merge an exported notes file into your notes",
        description=IMPORT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="the JSON file to import")
    imp.add_argument(
        "--chapter",
        metavar="SLUG",
        default=argparse.SUPPRESS,
        help="put annotations whose source is a web address, not a chapter of this "
        "library, into this chapter",
    )
    add_common_options(imp, suppress=True)
    imp.set_defaults(handler=cmd_import)

    sync = subparsers.add_parser(
        "sync",
        help="merge the notes in a sync folder and write this computer's there",
        description=SYNC_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sync.add_argument("folder", metavar="FOLDER", type=Path, help="the shared sync folder")
    add_common_options(sync, suppress=True)
    sync.set_defaults(handler=cmd_sync)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the notes to a file or standard output."""
    library = content_library(args)
    info = library_info(library)
    data = data_dir(args)
    chapter: str | None = getattr(args, "chapter", None)
    everything: bool = getattr(args, "all_libraries", False)
    fmt: Format = args.format or (args.output and format_for_path(args.output)) or "md"
    if everything:
        if chapter is not None:
            raise UsageError(
                translate("Export", "--all-libraries exports whole libraries: leave out --chapter.")
            )
        if fmt != "json" and (args.format is not None or args.output is not None):
            raise UsageError(
                translate(
                    "Export",
                    "--all-libraries writes JSON only (study notes are made per "
                    "library): use --format json or a .json file.",
                )
            )
        fmt = "json"
    try:
        records = existing_notes(
            data / NOTES_FILE,
            chapter,
            include_deleted=fmt == "json",
            library=None if everything else info.id,
        )
    except StorageError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    if chapter is not None and library.by_slug(chapter) is None and not records:
        raise UsageError(f'The library has no chapter "{chapter}" and no notes are kept for it.')
    if everything:
        text = export_all_libraries(records, library, info)
    else:
        text = export(records, library, fmt, info=info)
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise UsageError(f"{args.output} cannot be written ({error.strerror}).") from None
    count = len([r for r in records if not r.deleted])
    print(
        f"Exported {count} highlight{'s' if count != 1 else ''} to {args.output}.", file=sys.stderr
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Merge an export file and print the summary; 1 when the file is refused."""
    library = content_library(args)
    data = data_dir(args)
    chapter: str | None = getattr(args, "chapter", None)
    if chapter is not None and library.by_slug(chapter) is None:
        raise UsageError(f'The library has no chapter "{chapter}".')
    try:
        # The whole file is checked before the notes database is even opened.
        library_id = library_info(library).id
        records = parse_w3c(
            read_import_file(args.file), source_resolver(library, chapter), library=library_id
        )
        with Database(data / NOTES_FILE) as db:
            summary = import_into(AnnotationStore(db, library_id), library, records)
    except ImportRefused as refused:
        print(
            f"field-reader: {printable(str(args.file), 200)} was not imported; nothing was "
            f"changed.\n{refused.message}",
            file=sys.stderr,
        )
        return 1
    except StorageError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    print(f"Imported {printable(str(args.file), 200)}:")
    for line in summary.lines():
        print(f"  {line}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Merge a sync folder's exports and write ours; 1 when anything could not be done."""
    library = content_library(args)
    data = data_dir(args)
    try:
        with Database(data / NOTES_FILE) as db:
            # The fingerprint lets files unchanged since the last sync go unread.
            result = sync_folder(
                AnnotationStore(db, library_info(library).id),
                library,
                data,
                args.folder,
                fingerprint=lambda: notes_fingerprint(db),
            )
    except StorageError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    for path, summary in result.merged.items():
        print(f"Merged {printable(path.name)}: {summary.text()}")
    log = write_log(log_dir(args), "".join(result.failures.values())) if result.failures else None
    for path, message in result.refused.items():
        print(
            f"field-reader: {printable(path.name)} was not merged; nothing of it was imported."
            f"\n{message}",
            file=sys.stderr,
        )
    if log is not None:
        print(f"field-reader: the details of the internal error are in {log}.", file=sys.stderr)
    if result.write_error:
        print(f"field-reader: {result.write_error}", file=sys.stderr)
        return 1
    print(f"Wrote this computer's notes to {result.written}.")
    return 1 if result.refused else 0
