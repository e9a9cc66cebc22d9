"""Notice when another program (an import, a sync, another window) changes the notes database.

SQLite's `PRAGMA data_version` on the window's own connection changes whenever another
connection commits to the file, and never for the window's own writes; reading it is a
few microseconds, so it is polled on a timer and again whenever the application
becomes active.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from reader.storage.db import Database, StorageError

POLL_INTERVAL_MS = 1500
"""How often the database is looked at: an outside change shows within this time."""


class DatabaseWatcher(QObject):
    """Emits `changed` after another connection has committed to the watched database."""

    changed = Signal()

    def __init__(
        self, db: Database, parent: QObject | None = None, interval_ms: int = POLL_INTERVAL_MS
    ) -> None:
        """Watch `db` from now on (changes committed before this are not reported)."""
        super().__init__(parent)
        self._db = db
        self._version = self._read()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        if self._version is not None:
            self._timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # Coming back to the window after running `field-reader import` in a terminal
            # shows the result at once, not at the next tick.
            app.applicationStateChanged.connect(self._application_state)

    def _read(self) -> int | None:
        try:
            row = self._db.query_one("PRAGMA data_version")
        except (StorageError, sqlite3.Error):
            # Closed with its window, or unreadable: the window reports the latter itself.
            return None
        return int(row[0]) if row is not None else None

    @Slot()
    def check(self) -> bool:
        """Look now; emit `changed` and return True if another connection wrote since."""
        if self._version is None:
            return False
        from reader.ui.tasks import writes_running

        if writes_running(self):
            # This window's own import or sync is writing: it says what it merged when it
            # is done, and reloading half-way would redo the work on the UI thread.
            return False
        version = self._read()
        if version is None:
            self._timer.stop()
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def acknowledge(self) -> None:
        """Take every commit so far as seen: this window's own task made it and says so."""
        if self._version is not None:
            self._version = self._read() or self._version

    def stop(self) -> None:
        """Stop watching (the database is about to be closed)."""
        self._timer.stop()
        self._version = None

    @Slot(Qt.ApplicationState)
    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
