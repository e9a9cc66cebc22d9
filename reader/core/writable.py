"""Whether a folder can really be written: found by trying, since os.access is not trusted."""

from __future__ import annotations

import os
from pathlib import Path


def folder_writable(folder: Path) -> bool:
    """Whether a file can really be created in the existing folder `folder`.

    os.access alone misreports read-only media and network shares, and says yes to root,
    so a real file is created and removed; os.access only answers a plain no early.
    """
    if not os.access(folder, os.W_OK):
        return False
    import tempfile  # imported here: the reader's start-up rarely checks a folder

    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError:
        return False
    return True
