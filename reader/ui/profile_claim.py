"""Hold a reader's window claim while their files are removed, so no window can have them open.

Each reader's window claims its data folder (reader/ui/single_instance.py). Removing a
reader claims it the same way first: if a window holds it, the reader is in use; while
the claim is held, a window started on that reader hands itself off and never opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.ui.single_instance import SingleInstance


@contextmanager
def window_closed_on(data_dir: Path) -> Iterator[bool]:
    """Yield whether no window has `data_dir` open, holding its claim until the block ends.

    Where no channel can be made at all (sockets refused) there can be no other window
    either, as at a start: that counts as closed.
    """
    instance = SingleInstance(data_dir)
    if instance.channel is None:
        yield True
        return
    if not instance.listen():
        yield False
        return
    try:
        yield True
    finally:
        instance.close()
