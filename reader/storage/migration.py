"""Bringing a notes database up to this version's schema, in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.storage.errors import StorageErrorKind, storage_error, translated
from reader.storage.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "newer_schema_message"]


def newer_schema_message(found: int) -> str:
    """The explanation shown when a database was written by a newer Field Reader."""
    return (
        "This notes database was written by a newer version of Field Reader "
        f"(schema {found}, this version understands {SCHEMA_VERSION}). It was opened "
        "read-only: nothing will be changed. Update Field Reader to edit your notes."
    )


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply the migrations the database on `conn` lacks; returns the schema version it has.

    Every migration and the version bump run in one transaction, so a database is never
    left half-migrated. A database migrated by a newer Field Reader meanwhile is refused.
    """
    with translated(path, "open"):
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version == SCHEMA_VERSION:
            return version
        # One explicit transaction (not executescript, which commits on its own);
        # BEGIN IMMEDIATE so that two processes cannot migrate at the same time.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                # Another, newer Field Reader migrated it while we were opening.
                raise storage_error(StorageErrorKind.READ_ONLY, path, newer_schema_message(version))
            for migration in MIGRATIONS[version:]:
                for statement in migration:
                    conn.execute(statement)
            # The version goes last: a half-applied migration is never marked done.
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
    return SCHEMA_VERSION
