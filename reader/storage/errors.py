"""Storage errors the user can act on: their kinds, and messages in words for each context."""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from reader.core import i18n
from reader.core.notes import NotesStoreError

__all__ = [
    "Context",
    "StorageError",
    "StorageErrorKind",
    "message_for",
    "read_only_folder_message",
    "storage_error",
    "translate",
    "translated",
]

Context = Literal["change", "open"]
"""When an error happened: while saving a change, or while opening the notes."""


class StorageErrorKind(enum.Enum):
    """What went wrong with the notes database, as far as the user is concerned."""

    BUSY = "busy"
    READ_ONLY = "read-only"
    DISK_FULL = "disk-full"
    CORRUPT = "corrupt"
    NOT_NOTES = "not-notes"
    CANNOT_OPEN = "cannot-open"
    IO_ERROR = "io-error"


class StorageError(NotesStoreError):
    """A problem caused by the environment (not a bug), with a message meant for the user."""

    def __init__(self, kind: StorageErrorKind, path: Path, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.message = message
        # The SQLite or OS wording, for logs and bug reports rather than for the user.
        self.detail = detail


# Primary SQLite result codes (extended codes carry them in the low byte).
_KIND_BY_CODE = {
    3: StorageErrorKind.READ_ONLY,  # SQLITE_PERM
    5: StorageErrorKind.BUSY,  # SQLITE_BUSY
    6: StorageErrorKind.BUSY,  # SQLITE_LOCKED
    8: StorageErrorKind.READ_ONLY,  # SQLITE_READONLY
    10: StorageErrorKind.IO_ERROR,  # SQLITE_IOERR
    11: StorageErrorKind.CORRUPT,  # SQLITE_CORRUPT
    13: StorageErrorKind.DISK_FULL,  # SQLITE_FULL
    14: StorageErrorKind.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: StorageErrorKind.CORRUPT,  # SQLITE_NOTADB
}


def read_only_folder_message(folder: Path) -> str:
    """What the user is told when the notes are shown from a folder that cannot be written."""
    return i18n.translate(
        "StorageErrors",
        "Your notes are shown read-only because the folder {folder} cannot be written to; "
        "changes cannot be saved. They can still be read, searched and exported.",
    ).format(folder=folder)


def _disk_full(path: Path, context: Context) -> str:
    if context == "open":
        return i18n.translate(
            "StorageErrors",
            "The disk holding the notes database {path} is full, so your notes are shown "
            "read-only; changes cannot be saved until some space is freed. Nothing was lost.",
        ).format(path=path)
    return i18n.translate(
        "StorageErrors",
        "The disk holding the notes database {path} is full. Your last change was not "
        "saved; your earlier notes are safe. Free some space and try again.",
    ).format(path=path)


def message_for(kind: StorageErrorKind, path: Path, context: Context = "change") -> str:
    """The sentence shown to the user for an error of `kind` on `path` during `context`."""
    unsaved = (
        i18n.translate("StorageErrors", "Your last change was not saved. ")
        if context == "change"
        else ""
    )
    if kind is StorageErrorKind.BUSY:
        return i18n.translate(
            "StorageErrors",
            "The notes database {path} is in use by another program (perhaps another "
            "Field Reader window) and stayed locked for too long. {unsaved}Close the other "
            "program and try again.",
        ).format(path=path, unsaved=unsaved)
    if kind is StorageErrorKind.READ_ONLY:
        if context == "open":
            return read_only_folder_message(path.parent)
        return i18n.translate(
            "StorageErrors",
            "The notes database {path} cannot be written to: the file or its folder is "
            "read-only. Your last change was not saved. Check the permissions of the file "
            "and its folder, or move it to a writable place.",
        ).format(path=path)
    if kind is StorageErrorKind.DISK_FULL:
        return _disk_full(path, context)
    if kind is StorageErrorKind.CORRUPT:
        return i18n.translate(
            "StorageErrors",
            "The notes database {path} is damaged or is not a database. It has been left "
            "exactly as it is. Field Reader recovers what it can when the window opens, or "
            "run 'field-reader recover': the damaged file is kept, renamed, beside the new "
            "one, and the newest backup fills the gaps.",
        ).format(path=path)
    if kind is StorageErrorKind.NOT_NOTES:
        return i18n.translate(
            "StorageErrors",
            "The file {path} is a database, but not a Field Reader notes database. It has "
            "not been changed. Move it away or choose another location for your notes.",
        ).format(path=path)
    if kind is StorageErrorKind.CANNOT_OPEN:
        return i18n.translate(
            "StorageErrors",
            "The notes database {path} could not be opened. Check that its folder exists, "
            "that you may write to it, and that the disk is connected.",
        ).format(path=path)
    maybe_unsaved = (
        i18n.translate("StorageErrors", "Your last change may not have been saved. ")
        if context == "change"
        else ""
    )
    return i18n.translate(
        "StorageErrors",
        "The disk reported an error while reading or writing the notes database {path}. "
        "{unsaved}Check the disk and try again.",
    ).format(path=path, unsaved=maybe_unsaved)


def translate(error: sqlite3.Error, path: Path, context: Context = "change") -> StorageError | None:
    """The StorageError for an environment error, or None if the error is a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    kind = _KIND_BY_CODE.get(code & 0xFF)
    if kind is None:
        return None
    return StorageError(kind, path, message_for(kind, path, context), str(error))


def storage_error(
    kind: StorageErrorKind, path: Path, detail: str, message: str | None = None
) -> StorageError:
    """A StorageError of `kind` on `path`, in the usual words for it unless `message` is given."""
    return StorageError(kind, path, message or message_for(kind, path), detail)


@contextmanager
def translated(path: Path, context: Context = "change") -> Iterator[None]:
    """Turn SQLite errors caused by the environment into StorageError; others pass as bugs."""
    try:
        yield
    except sqlite3.Error as error:
        known = translate(error, path, context)
        if known is None:
            raise
        raise known from error
