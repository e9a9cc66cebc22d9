"""Background work that never makes the window wait for the interpreter.

Tasks (reader/ui/tasks.py) and the search index's worker run Python on threads beside
the window's, and only one thread runs Python at a time. Two things made the window wait
while a sync of 20,000 notes ran beside it, for 40-110 ms at a time:

- **Full garbage collections.** One walks every object the program tracks, holding the
  interpreter the whole time; a sync makes about a million objects, and Python ran a full
  collection each time their number had grown by a quarter (60-100 ms each). While
  background work runs, the oldest generation waits for a thousand times more younger
  collections than usual, which in practice means until the work is done. Young
  collections go on as usual and still free short-lived cycles.
- **Handing over the interpreter.** A thread that needs it waits up to the switch interval
  (5 ms by default) before the running thread is asked to let go, and answering one event
  takes the window several such turns. While background work runs the interval is 1 ms:
  events were then answered within 12 ms, and the sync took no longer.

`working()` is entered by each piece of background work; they may overlap, and when the
last one ends the usual settings return.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["working"]

# Younger collections needed before a full one, while background work runs (Python's
# default is 10).
PATIENT_COLLECTIONS = 10_000
# Seconds a thread that needs the interpreter waits before it is handed over (Python's
# default is 0.005).
SWITCH_INTERVAL = 0.001

_lock = threading.Lock()
_running = 0
_usual: tuple[tuple[int, int, int], float] | None = None


@contextmanager
def working() -> Iterator[None]:
    """Background work: no full collections and a quick hand-over until it (and all other
    background work) has ended."""
    global _running, _usual
    with _lock:
        if _running == 0:
            _usual = gc.get_threshold(), sys.getswitchinterval()
            young, middle, _ = _usual[0]
            gc.set_threshold(young, middle, PATIENT_COLLECTIONS)
            sys.setswitchinterval(SWITCH_INTERVAL)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _usual is not None:
                thresholds, interval = _usual
                gc.set_threshold(*thresholds)
                sys.setswitchinterval(interval)
                _usual = None
