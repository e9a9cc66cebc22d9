"""A window syncing 20,000 notes keeps handling events: the sync runs off the UI thread."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.anchoring import describe
from reader.core.document import load_document
from reader.core.exchange import collect, dump_json, w3c_collection
from reader.core.library_scan import load_library
from reader.core.notes import Annotation, AnnotationId, format_timestamp
from reader.core.sync import sync_file_name
from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database
from reader.ui.exchange_feature import ExchangeFeature
from reader.ui.main_window import MainWindow

FILES = 8
NOTES = 20_000
LATENCY_S = 0.100


def write_machines(seed_library: Path, stick: Path) -> None:
    """Eight other machines' files of 2,500 notes each on the seed chapter."""
    library = load_library(seed_library)
    chapter = library.chapters[0]
    text = load_document(chapter, library.root).plain.text
    words = [i for i in range(1, len(text) - 40) if text[i - 1] == " " and text[i] != " "]
    base = datetime(2024, 5, 1, tzinfo=UTC)
    per_file = NOTES // FILES
    for machine in range(FILES):
        records = []
        for n in range(per_file):
            start = words[(machine * per_file + n) % len(words)]
            stamp = format_timestamp(base + timedelta(seconds=n))
            records.append(
                Annotation(
                    id=AnnotationId(str(uuid.uuid4())),
                    chapter=chapter.slug,
                    created=stamp,
                    modified=stamp,
                    colour="green",
                    note=f"note {machine}-{n}",
                    target=describe(text, start, start + 12),
                )
            )
        collection = w3c_collection(collect(records, library, reanchor=False))
        name = sync_file_name(str(uuid.UUID(int=machine + 1)))
        (stick / name).write_text(dump_json(collection), encoding="utf-8")


def exchange(window: MainWindow) -> ExchangeFeature:
    feature = window.features.exchange
    assert isinstance(feature, ExchangeFeature)
    return feature


def test_events_are_handled_within_100_ms_while_20000_notes_are_synced(
    open_window: WindowFactory, seed_library: Path, data_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    write_machines(seed_library, stick)
    window = open_window(seed_library, data_dir)
    feature = exchange(window)
    progress: list[str] = []
    window.statusBar().messageChanged.connect(progress.append)
    latencies: list[float] = []
    finished: list[object] = []
    feature.sync.synced.connect(finished.append)

    def probe() -> None:
        # Post an event and time how long the event loop takes to handle it.
        posted = time.perf_counter()

        def handled() -> None:
            if finished:
                return  # the sync is over: what follows (showing the notes) is not measured
            latencies.append(time.perf_counter() - posted)
            QTimer.singleShot(20, probe)

        QTimer.singleShot(0, handled)

    # Let the window finish what it queued at start (search, caches) before measuring.
    settled: list[bool] = []
    QTimer.singleShot(0, lambda: settled.append(True))
    qtbot.waitUntil(lambda: bool(settled))
    feature.sync.set_sync_dir(stick)  # starts the sync
    probe()
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    result = finished[0]
    assert sum(s.added for s in result.merged.values()) == NOTES  # type: ignore[attr-defined]
    # Events kept flowing through the whole sync, every one handled within 100 ms (about
    # 12 ms at most on a two-core machine; see reader/background_work.py. Before the task
    # runner the window was frozen for the whole sync, seconds on end, and before the
    # background settings single events waited up to 110 ms).
    assert len(latencies) >= 5, latencies
    assert max(latencies) < LATENCY_S, sorted(latencies)[-5:]
    assert any(f"of {FILES} files" in message for message in progress)
    with Database(data_dir / "notes.sqlite3") as db:
        assert len(AnnotationStore(db).list()) == NOTES
