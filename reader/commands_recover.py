"""The `recover` command: rebuild a damaged notes file from what is readable and a backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli import UsageError, add_common_options, data_dir
from reader.core.data_folder import NOTES_FILE
from reader.storage.db import Database
from reader.storage.errors import StorageError, StorageErrorKind
from reader.storage.recovery import open_notes, recover_notes, salvage_into

DESCRIPTION = """\
Recover notes from a damaged, truncated or empty notes file.

Without FILE, the data folder's notes.sqlite3 is checked: if it is intact nothing is
changed. If it is damaged, it is renamed aside (never deleted), every note that can still
be read from it is salvaged, the newest good backup from the data folder's backups/ is
restored, and the salvaged notes are merged into it (the newer version of each note wins).

With FILE (another copy, such as a damaged file set aside earlier), the notes readable
from FILE are merged into the data folder's notes; FILE is left as it is.

Exit status 0 when notes were recovered (or nothing needed recovering), 1 when nothing
could be recovered, 2 for a usage error."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `recover` command."""
    parser = subparsers.add_parser(
        "recover",
        help="recover notes from a damaged notes file",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        type=Path,
        nargs="?",
        help="the damaged file (default: notes.sqlite3 in the data folder)",
    )
    add_common_options(parser, suppress=True)
    parser.set_defaults(handler=cmd_recover)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _recover_in_place(path: Path) -> int:
    """Repair the data folder's notes file if it needs it."""
    if path.exists():
        try:
            with Database(path) as db:
                for notice in db.notices:
                    print(notice)
                print(f"The notes file {path} is intact; nothing needed recovering.")
                return 0
        except StorageError as error:
            if error.kind is not StorageErrorKind.CORRUPT:
                print(f"field-reader: {error.message}", file=sys.stderr)
                return 1
    report = recover_notes(path)
    print(report.message)
    print(f"rows read:           {report.rows_read}")
    print(f"rows recovered:      {report.rows_recovered}")
    print(f"rows not usable:     {report.rows_rejected}")
    print(f"rows from backup:    {report.rows_from_backup}")
    print(f"backup used:         {report.backup_used or 'none'}")
    print(f"damaged file now at: {report.damaged_path or 'there was no file'}")
    print(f"notes now:           {report.notes_now}")
    return 0 if report.recovered_anything else 1


def _recover_from(source: Path, target: Path) -> int:
    """Merge what is readable in another file into the data folder's notes."""
    if not source.is_file():
        raise UsageError(f"{source} does not exist or is not a file.")
    with open_notes(target) as db:
        for notice in db.notices:
            print(notice)
        scan, changed = salvage_into(source, db)
    print(f"rows read:           {scan.rows_read}")
    print(f"rows recovered:      {len(scan.annotations)}")
    print(f"rows not usable:     {scan.rejected}")
    print(f"notes changed:       {changed} (merged into {target})")
    print(f"{source} was left as it is.")
    return 0 if scan.annotations else 1


def cmd_recover(args: argparse.Namespace) -> int:
    """Recover notes; exit 1 when nothing could be recovered."""
    target = data_dir(args) / NOTES_FILE
    try:
        if args.file is None or _same_file(args.file, target):
            return _recover_in_place(target)
        return _recover_from(args.file, target)
    except StorageError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"field-reader: {args.file or target} cannot be read ({error.strerror}).",
            file=sys.stderr,
        )
        return 1
