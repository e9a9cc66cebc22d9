"""Killing the process at random moments never loses a change the store said was saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from helpers import REPO
from notes_factory import integrity

from reader.storage.annotations import AnnotationStore
from reader.storage.db import Database

RUNS = 50

# Adds, edits and deletes through the store; after each commit returns, one log line is
# appended and made durable. Checkpoints are made frequent so kills land inside them too.
WORKER = textwrap.dedent(
    """
    import os, random, sys
    from pathlib import Path
    import reader.storage.db as db_module
    from reader.core.anchoring import Target, TextQuoteSelector
    from reader.storage.annotations import AnnotationStore
    from reader.storage.db import Database
    db_module.CHECKPOINT_WAL_BYTES = 32 * 1024
    path, log_path, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    log = open(log_path, "a", encoding="utf-8")
    def done(line):
        log.write(line + "\\n")
        log.flush()
        os.fsync(log.fileno())
    db = Database(path)
    store = AnnotationStore(db)
    live = [a.id for a in store.list()]
    print("ready", flush=True)
    while True:
        roll = rng.random()
        if roll < 0.5 or not live:
            a = store.add("chapter", Target(TextQuoteSelector("some words " * 20)), "green")
            live.append(a.id)
            done(f"add {a.id}")
        elif roll < 0.85:
            ident = rng.choice(live)
            note = store.get(ident).note
            version = int(note[1:7]) + 1 if note.startswith("v") else 1
            store.set_note(ident, f"v{version:06d} " + "x" * rng.randrange(2000))
            done(f"edit {ident} {version}")
        else:
            ident = live.pop(rng.randrange(len(live)))
            store.delete(ident)
            done(f"delete {ident}")
    """
)


def check_logged_changes(path: Path, log: Path) -> int:
    """Assert that every logged change is in the database; returns how many were checked."""
    expected_edit: dict[str, int] = {}
    added: set[str] = set()
    deleted: set[str] = set()
    lines = log.read_text(encoding="utf-8").splitlines()
    for line in lines:
        op, ident, *rest = line.split()
        if op == "add":
            added.add(ident)
        elif op == "edit":
            expected_edit[ident] = int(rest[0])
        else:
            deleted.add(ident)
    with Database(path) as db:
        assert db.notices == [], db.notices
        records = {a.id: a for a in AnnotationStore(db).all_including_tombstones()}
    for ident in added:
        assert ident in records, f"logged add of {ident} lost"
    for ident, version in expected_edit.items():
        # A change made after the last logged one (killed before its log line) may be there.
        assert int(records[ident].note[1:7]) >= version, f"logged edit of {ident} lost"
    for ident in deleted:
        assert records[ident].deleted, f"logged delete of {ident} lost"
    return len(lines)


def test_random_kills_lose_no_logged_change(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    log = tmp_path / "changes.log"
    log.touch()
    rng = random.Random(20261201)
    checked = 0
    started = time.monotonic()
    for run in range(RUNS):
        worker = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(log), str(run)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(worker.pid, signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
        checked = check_logged_changes(path, log)
        assert integrity(path) == "ok"
    elapsed = time.monotonic() - started
    print(f"{RUNS} kills, {checked} logged changes, none lost, {elapsed:.1f} s")
    assert checked > RUNS
