"""The window's start without the cyclic garbage collector, which has nothing to find yet.

Importing the Qt shell and building the window make some hundred thousand objects that
live as long as the program. Before the first paint the collector ran about fifty times
over them (14 ms, a twentieth of the start-up) and found almost nothing. So the start
pauses it (`pause`), and once the window is painted (`resume`) those objects are set
aside for good (`gc.freeze`: the collector no longer walks them, which also makes every
later collection cheaper while the student reads) and it runs again as usual. The cost:
the few cycles of garbage the start itself leaves stay in memory.
"""

from __future__ import annotations

import gc

__all__ = ["pause", "resume"]

_paused = False


def pause() -> None:
    """Stop cyclic collection until `resume` (the window's start)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Set aside what the start made and collect as usual again; nothing if not paused."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
