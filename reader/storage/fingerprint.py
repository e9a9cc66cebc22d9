"""A cheap fingerprint of the notes database, so that a sync can tell whether anything changed."""

from __future__ import annotations

import hashlib
import os

from reader.core.sync_state import NotesFingerprint
from reader.storage.db import Database

__all__ = ["notes_fingerprint"]

# Sums over the whole table, computed by SQLite in one scan (about 8 ms for 20,000 notes,
# where reading the rows into Python took 60 ms). Every change the program makes moves
# them: an edit, deletion or restore raises `modified` (never lowers it), so the sum of
# the times in ms (exact in 64-bit integers) grows; a merge writes with INSERT OR
# REPLACE, which gives the record a new rowid, so the sum of rowids moves; re-anchoring
# moves positions without touching `modified`, which the weighted position sum catches.
# Texts are left out: reading every note and quote would double the cost, and they
# never change without one of the above.
_SUMMARY = (
    "SELECT count(*), coalesce(max(modified), ''),"
    " coalesce(sum(CAST(round((julianday(modified) - 2440587.5) * 86400000) AS INTEGER)), 0),"
    " coalesce(sum(rowid), 0),"
    " coalesce(sum((coalesce(position_start, -1) * 7 + coalesce(position_end, -1))"
    " * (rowid % 9973 + 1)), 0)"
    " FROM annotations"
)


def notes_fingerprint(db: Database) -> NotesFingerprint:
    """The fingerprint of the notes in `db` now (one scan in SQLite, no records built)."""
    row = db.query_one(_SUMMARY)
    values = tuple(row) if row is not None else (0, "")
    digest = hashlib.blake2b(repr(values).encode("utf-8"), digest_size=20)
    try:
        stat = os.stat(db.path)
        identity = f"{stat.st_dev}:{stat.st_ino}"
    except OSError:
        identity = str(db.path)
    return NotesFingerprint(identity, int(values[0]), str(values[1]), digest.hexdigest())
