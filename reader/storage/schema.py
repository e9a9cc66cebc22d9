"""The notes database schema: its version number and the migrations that build it."""

from __future__ import annotations

SCHEMA_VERSION = 3
"""The schema this version of Field Reader reads and writes (kept in PRAGMA user_version)."""

APPLICATION_ID = 0x46526472
"""PRAGMA application_id of a Field Reader notes database ("FRdr"), to recognise foreign files."""

# MIGRATIONS[i] takes a database from schema i to schema i + 1. They run in one
# transaction together with the version bump, so each statement must be valid
# inside a transaction (no VACUUM, no journal_mode). Never edit a released
# migration: add a new one and bump SCHEMA_VERSION.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        # Colours are checked in Python, not here, so that adding one later does not
        # need a table rebuild. Positions are code-point offsets into the chapter's
        # plain text; NULL when only the quote is known.
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY NOT NULL,
            chapter TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            colour TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            quote_exact TEXT NOT NULL,
            quote_prefix TEXT NOT NULL DEFAULT '',
            quote_suffix TEXT NOT NULL DEFAULT '',
            position_start INTEGER,
            position_end INTEGER,
            deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            CHECK ((position_start IS NULL) = (position_end IS NULL)),
            CHECK (position_start IS NULL
                   OR (0 <= position_start AND position_start <= position_end))
        )
        """,
        "CREATE INDEX annotations_by_chapter ON annotations (chapter, deleted)",
    ),
    (
        # Bookmarks are annotations of another kind, so that they travel, merge and undo
        # like highlights. The kind is checked in Python, like the colour, so that a new
        # kind needs no table rebuild.
        "ALTER TABLE annotations ADD COLUMN kind TEXT NOT NULL DEFAULT 'highlight'",
        # The words first highlighted, once re-anchoring has stored the current ones in
        # quote_exact ('' while they never changed).
        "ALTER TABLE annotations ADD COLUMN previous_quote TEXT NOT NULL DEFAULT ''",
    ),
    (
        # Notes belong to their library: two libraries that both have a chapter `intro`
        # keep their notes apart. Every note made before is the bundled library's
        # ('bundled' is reader.core.pack_identity.BUNDLED_LIBRARY_ID, written out here
        # because a released migration never changes).
        "ALTER TABLE annotations ADD COLUMN library TEXT NOT NULL DEFAULT 'bundled'",
        "DROP INDEX annotations_by_chapter",
        "CREATE INDEX annotations_by_library ON annotations (library, chapter, deleted)",
    ),
)

if len(MIGRATIONS) != SCHEMA_VERSION:  # pragma: no cover - caught by any test run
    raise RuntimeError("SCHEMA_VERSION must equal the number of migrations")
