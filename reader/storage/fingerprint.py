"""A cheap fingerprint of the notes database, so that a sync can tell whether anything changed."""

from __future__ import annotations

import hashlib
import os

from reader.core.sync_state import NotesFingerprint
from reader.storage.db import Database

__all__ = ["notes_fingerprint"]

# Every column an export carries except the texts, whose changes always come with a new
# `modified` (edits) or a new version (merges); lengths catch the rest. Positions are
# included: re-anchoring moves them without touching `modified`.
_ROWS = (
    "SELECT id, modified, deleted, colour, position_start, position_end,"
    " length(note), length(quote_exact), chapter FROM annotations ORDER BY id"
)


def notes_fingerprint(db: Database) -> NotesFingerprint:
    """The fingerprint of the notes in `db` now (one indexed scan, no records built)."""
    digest = hashlib.blake2b(digest_size=20)
    count = 0
    newest = ""
    for row in db.query(_ROWS):
        count += 1
        if row[1] > newest:
            newest = row[1]
        digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    try:
        stat = os.stat(db.path)
        identity = f"{stat.st_dev}:{stat.st_ino}"
    except OSError:
        identity = str(db.path)
    return NotesFingerprint(identity, count, newest, digest.hexdigest())
