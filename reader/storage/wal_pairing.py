"""Which write-ahead log belongs to the notes file: a sidecar record, and moving strays aside.

SQLite replays whatever `notes.sqlite3-wal` lies beside the database, even one written for
another file: a notes file copied over the old one (a restored copy, a file brought from
another computer) would have the old log's pages written into it. So whenever Field
Reader has the database open it records, in `notes.sqlite3.pairing`, the identity of the
database file (device, inode, size, modification and change times; all from stat, because
opening the file from Python would release SQLite's own POSIX locks in this process) and
the salts of the log. A log found at opening time is replayed only if the database file
is still the one recorded; otherwise it is renamed aside, never deleted, never replayed.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import threading
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "WalHeader",
    "database_in_use_elsewhere",
    "forget_open",
    "note_open",
    "read_wal_header",
    "record_pairing",
    "set_aside_stray_wal",
    "sidecar_path",
    "stray_wal_reason",
]

_log = logging.getLogger(__name__)

WAL_MAGIC_LE = 0x377F0682
WAL_MAGIC_BE = 0x377F0683
WAL_FORMAT = 3007000
WAL_HEADER_SIZE = 32
# SQLite's unix VFS: every connection to a WAL database holds a read lock on these bytes.
_SHARED_FIRST = 0x40000002
_SHARED_SIZE = 510

# Database files this process has open through Database: their log is live by definition,
# and they must not be opened from Python (closing any descriptor of a file drops every
# POSIX lock the process holds on it, SQLite's included).
_open_here: Counter[tuple[int, int]] = Counter()
_open_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class WalHeader:
    """The 32-byte header of a write-ahead log, and whether its checksum is right."""

    big_endian: bool
    file_format: int
    page_size: int
    checkpoint_seq: int
    salt1: int
    salt2: int
    checksum_ok: bool


@dataclass(frozen=True, slots=True)
class _Record:
    """What the sidecar remembers about the database file and its log."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int
    salts: tuple[int, int] | None
    checkpointing: bool


def sidecar_path(db_path: Path) -> Path:
    """Where the pairing record of `db_path` is kept."""
    return db_path.with_name(db_path.name + ".pairing")


def _wal_checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over `data` (a multiple of 8 bytes)."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal_header(wal_path: Path) -> WalHeader | None:
    """The header of the log at `wal_path`, or None when it is missing, short or not a log."""
    try:
        with wal_path.open("rb") as file:
            raw = file.read(WAL_HEADER_SIZE)
    except FileNotFoundError:
        return None
    if len(raw) < WAL_HEADER_SIZE:
        return None
    magic = struct.unpack(">I", raw[:4])[0]
    if magic not in (WAL_MAGIC_LE, WAL_MAGIC_BE):
        return None
    fmt, page_size, seq, salt1, salt2, c1, c2 = struct.unpack(">7I", raw[4:])
    big_endian = magic == WAL_MAGIC_BE
    return WalHeader(
        big_endian=big_endian,
        file_format=fmt,
        page_size=page_size,
        checkpoint_seq=seq,
        salt1=salt1,
        salt2=salt2,
        checksum_ok=_wal_checksum(raw[:24], big_endian) == (c1, c2),
    )


def _db_page_size(db_path: Path) -> int | None:
    """The page size written in the database header, or None if the header is not SQLite's."""
    with db_path.open("rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return None
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _key(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_dev, stat.st_ino


def note_open(db_path: Path) -> None:
    """Remember that this process has `db_path` open (call once the connection exists)."""
    with _open_lock:
        _open_here[_key(db_path.stat())] += 1


def forget_open(db_path: Path) -> None:
    """Undo one note_open (call after the connection is closed)."""
    try:
        key = _key(db_path.stat())
    except OSError:
        return
    with _open_lock:
        _open_here[key] -= 1
        if _open_here[key] <= 0:
            del _open_here[key]


def _open_in_this_process(db_path: Path) -> bool:
    with _open_lock:
        return _open_here.get(_key(db_path.stat()), 0) > 0


def database_in_use_elsewhere(db_path: Path) -> bool:
    """Whether another process has the database open (it holds SQLite's shared lock)."""
    try:
        import fcntl
    except ImportError:  # Windows: an open log cannot be renamed there, which is enough.
        return False
    try:
        fd = os.open(db_path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST, 0)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, _SHARED_SIZE, _SHARED_FIRST, 0)
        return False
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def record_pairing(db_path: Path, *, checkpointing: bool = False) -> None:
    """Write the sidecar: the database file as it is now, and the salts of its log.

    Best effort: a folder that refuses the write only loses the protection, not notes.
    """
    header = read_wal_header(db_path.with_name(db_path.name + "-wal"))
    try:
        stat = db_path.stat()
        record = _Record(
            stat.st_dev,
            stat.st_ino,
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            (header.salt1, header.salt2) if header is not None else None,
            checkpointing,
        )
        sidecar = sidecar_path(db_path)
        temp = sidecar.with_name(f".{sidecar.name}.{os.getpid()}.tmp")
        with temp.open("w", encoding="utf-8") as file:
            json.dump(asdict(record), file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, sidecar)
        _fsync_folder(sidecar.parent)
    except OSError as error:
        _log.warning("could not record which log belongs to %s: %s", db_path, error)


def _read_record(db_path: Path) -> _Record | None:
    try:
        raw = json.loads(sidecar_path(db_path).read_text(encoding="utf-8"))
        salts = raw["salts"]
        return _Record(
            int(raw["dev"]),
            int(raw["ino"]),
            int(raw["size"]),
            int(raw["mtime_ns"]),
            int(raw["ctime_ns"]),
            (int(salts[0]), int(salts[1])) if salts is not None else None,
            bool(raw["checkpointing"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _belongs(db_path: Path, header: WalHeader | None) -> tuple[bool, str]:
    """Whether the log beside `db_path` was written for it, and why not if it was not."""
    if header is None:
        return False, "it is not a valid SQLite log"
    if not header.checksum_ok or header.file_format != WAL_FORMAT:
        return False, "its header is damaged"
    if header.page_size != _db_page_size(db_path):
        return False, "its page size differs from the notes file's"
    record = _read_record(db_path)
    if record is None:
        # No record (a notes file from before records were kept, or a lost sidecar):
        # SQLite's own behaviour, replaying the log, is the least surprising choice.
        return True, ""
    stat = db_path.stat()
    same_file = (stat.st_dev, stat.st_ino) == (record.dev, record.ino)
    unchanged = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns) == (
        record.size,
        record.mtime_ns,
        record.ctime_ns,
    )
    if same_file and unchanged:
        return True, ""
    # Killed during a checkpoint: the file changed, but the log is the one recorded.
    if same_file and record.checkpointing and record.salts == (header.salt1, header.salt2):
        return True, ""
    return False, "the notes file was replaced or changed since that log was written"


def stray_wal_reason(db_path: Path) -> str | None:
    """Why the log beside `db_path` does not belong to it, or None (no log, or it belongs).

    A log of a database open in this or another process is live and always belongs.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    if not wal.exists() or not db_path.exists() or wal.stat().st_size == 0:
        return None
    if _open_in_this_process(db_path) or database_in_use_elsewhere(db_path):
        return None
    belongs, why = _belongs(db_path, read_wal_header(wal))
    return None if belongs else why


def set_aside_stray_wal(db_path: Path, now: datetime | None = None) -> str | None:
    """Move a log (and its index) that does not belong to `db_path` aside; say so in words.

    Returns None when nothing was moved. Raises OSError when the log cannot be moved.
    """
    why = stray_wal_reason(db_path)
    if why is None:
        return None
    wal = db_path.with_name(db_path.name + "-wal")
    shm = db_path.with_name(db_path.name + "-shm")
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%SZ")
    moved_wal = db_path.with_name(f"{db_path.name}-wal-set-aside-{stamp}")
    os.replace(wal, moved_wal)
    if shm.exists():
        os.replace(shm, db_path.with_name(f"{db_path.name}-shm-set-aside-{stamp}"))
    _fsync_folder(db_path.parent)
    return (
        f"A leftover change log {wal.name} was found beside your notes file but did not "
        f"belong to it ({why}). It was not applied, so your notes are as the notes file "
        f"holds them; the log was kept as {moved_wal}."
    )
