"""Storage fixtures: real SQLite files in a temporary folder, closed after each test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's notes database lives (not created yet)."""
    return tmp_path / "notes" / "notes.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A freshly created and migrated notes database."""
    database = Database(db_path)
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> AnnotationStore:
    """An annotation store on the test database."""
    return AnnotationStore(db)


@pytest.fixture
def target() -> Target:
    """A typical highlight target."""
    return Target(
        TextQuoteSelector("freedom from fear", "argued for ", " and freedom from want"),
        TextPositionSelector(120, 137),
    )


@pytest.fixture
def second_connection(db: Database) -> Iterator[sqlite3.Connection]:
    """An independent connection to the same file, as another process would have."""
    conn = sqlite3.connect(db.path)
    yield conn
    conn.close()
