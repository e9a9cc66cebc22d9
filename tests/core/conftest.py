"""Fixtures of the core tests: notes databases opened by name in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from notes_factory import StoreFactory

from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[StoreFactory]:
    """Open notes databases by name in the test folder; all closed afterwards."""
    opened: list[Database] = []

    def factory(name: str) -> AnnotationStore:
        db = Database(tmp_path / f"{name}.sqlite3")
        opened.append(db)
        return AnnotationStore(db)

    yield factory
    for db in opened:
        db.close()
