"""Replace a file in one step, so a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomic(path: Path, text: str | bytes, *, durable: bool = True) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` through a temporary file and an
    atomic rename.

    With `durable`, the data reaches the disk before the rename (sync files on a USB stick
    that may be pulled); caches, which can always be rebuilt, skip that wait.
    """
    import tempfile  # imported here: the reader's start-up rarely writes anything

    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
