"""Internal errors (bugs) go to a log file in the data folder, and a short line to the user.

A traceback helps whoever fixes the bug, not the student who met it: the student reads
one line saying what happened and where the details are.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from reader.core.data_folder import DataFolder
from reader.core.import_limits import printable

__all__ = ["INTERNAL_ERROR_STATUS", "LOG_FILE", "internal_error_message", "log_dir", "write_log"]

LOG_FILE = "internal-errors.log"
INTERNAL_ERROR_STATUS = 70  # EX_SOFTWARE in BSD's sysexits.h: an internal software error
# The log is kept short: beyond this it starts again, the previous one kept beside it.
_MAX_LOG_BYTES = 1024 * 1024
_MAX_TRACEBACK_CHARS = 20_000


def log_dir(args: argparse.Namespace | None) -> Path:
    """The `logs` folder of the data folder this command line uses (no notice printed)."""
    from reader.paths import resolve_data_dir

    try:
        data = getattr(args, "data_dir", None)
        portable = bool(getattr(args, "portable", False))
        return DataFolder(resolve_data_dir(data, portable).path).logs
    except Exception:  # the data folder itself may be what is broken
        return Path(tempfile.gettempdir()) / "field-reader-logs"


def write_log(folder: Path, text: str) -> Path | None:
    """Append `text` with a time stamp to the log in `folder`; None when it cannot be written."""
    path = folder / LOG_FILE
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > _MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(f"--- {stamp}\n{text.rstrip()}\n")
    except OSError:
        return None
    return path


def internal_error_message(error: BaseException, log: Path | None) -> str:
    """The one line a user reads about a bug: what, that it is ours, and where the details are."""
    what = printable(f"{type(error).__name__}: {error}", 200)
    where = f" The details are in {log}." if log is not None else ""
    return (
        f"field-reader: Field Reader hit an internal error ({what}); please report it. "
        f"Nothing was half-saved: each change is written whole or not at all.{where}"
    )


def report_internal_error(error: BaseException, args: argparse.Namespace | None) -> int:
    """Log the traceback of a bug, print the short line, and return the exit status."""
    text = "".join(traceback.format_exception(error))
    if len(text) > _MAX_TRACEBACK_CHARS:
        # A RecursionError's traceback repeats a thousand frames: its two ends tell the story.
        half = _MAX_TRACEBACK_CHARS // 2
        text = (
            f"{text[:half]}\n[... {len(text) - 2 * half:,} characters left out ...]\n{text[-half:]}"
        )
    log = write_log(log_dir(args), f"{' '.join(sys.argv)}\n{text}")
    print(internal_error_message(error, log), file=sys.stderr)
    return INTERNAL_ERROR_STATUS
