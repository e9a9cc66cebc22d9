"""A course pack's zip file, read in place: never unpacked to disk.

Opening checks the whole archive before anything is read from it, so that a damaged or
hostile zip is refused with a reason (PackError) and costs little memory: the end of its
central directory is read first (entry count and size bounded before Python lists the
entries), then every entry's name and declared size. A zip whose entries all sit in one
top folder (GitHub's "Download ZIP": `course-main/...`) has that folder as its top.
Reading an entry never reads more than its declared size plus one byte.
"""

from __future__ import annotations

import calendar
import re
import stat
import struct
import threading
import zipfile
import zlib
from pathlib import Path

from reader.core.discovery import Discovery
from reader.core.i18n import QT_TRANSLATE_NOOP, translate
from reader.core.library_files import NOT_CONTENT, FileTooLargeError, LibraryFiles
from reader.core.pack_error import PackError
from reader.core.rendered import FigureFiles, ImageStatus, relative_source
from reader.core.zip_walk import ZipFolder, add_entry, walk_zip

__all__ = ["MAX_TOTAL_BYTES", "MAX_ZIP_ENTRIES", "ZipFiles", "is_zip", "open_zip"]

# A course pack with more entries than this is not a course (the folder walk stops at
# 200,000); each listed entry costs Python about half a kilobyte.
MAX_ZIP_ENTRIES = 100_000
MAX_CENTRAL_DIRECTORY = 32 * 1024 * 1024
# What all the entries may declare together once uncompressed.
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
# Text and figures compress a few times, rarely fifty; a megabyte that compresses more
# than this is a bomb (zeros compress about a thousand times).
MAX_RATIO = 200
_RATIO_FROM_BYTES = 1024 * 1024
_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_MAC_FOLDER = "__MACOSX/"


def is_zip(path: Path) -> bool:
    """Whether the file at `path` is a zip archive, by its content (not its name)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError:
        return False
    return start in (b"PK\x03\x04", b"PK\x05\x06") or zipfile.is_zipfile(path)


def open_zip(path: Path) -> ZipFiles:
    """The files of the zip pack at `path`; PackError when it is damaged or hostile."""
    path = path.resolve()
    try:
        info = path.stat()
        _check_directory(path)
        archive = zipfile.ZipFile(path)
    except PackError:
        raise
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _refused(
            path, QT_TRANSLATE_NOOP("Pack", "it is damaged ({error})"), error=str(error)[:120]
        ) from None
    try:
        files = ZipFiles(path, archive, info.st_size, info.st_mtime_ns)
    except BaseException:
        archive.close()
        raise
    return files


def _refused(path: Path, reason: str, **values: str) -> PackError:
    """The PackError of a zip refused for `reason` (a translated template)."""
    why = translate("Pack", reason).format(**values)
    return PackError(
        translate(
            "Pack",
            "The course pack {name} cannot be opened: {why}. Nothing was unpacked or changed; "
            "ask its author for a new copy, or open another library.",
        ).format(name=path.name, why=why)
    )


def _check_directory(path: Path) -> None:
    """Refuse a zip whose central directory is absurd, before Python lists its entries."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        tail_start = max(0, size - _EOCD.size - 65535)
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + _EOCD.size > len(tail):
            raise _refused(
                path,
                QT_TRANSLATE_NOOP(
                    "Pack", "it is not a zip file, or its end is missing (cut short?)"
                ),
            )
        fields = _EOCD.unpack_from(tail, at)
        entries, directory = fields[4], fields[5]
        if (entries == 0xFFFF or directory == 0xFFFFFFFF) and at >= _ZIP64_LOCATOR.size:
            locator = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
            if locator[0] == b"PK\x06\x07":
                handle.seek(locator[2])
                record = handle.read(_ZIP64_EOCD.size)
                if len(record) == _ZIP64_EOCD.size and record[:4] == b"PK\x06\x06":
                    values = _ZIP64_EOCD.unpack(record)
                    entries, directory = values[7], values[8]
    if entries > MAX_ZIP_ENTRIES:
        raise _refused(
            path,
            QT_TRANSLATE_NOOP(
                "Pack", "it holds {count} entries, more than the {limit} a course pack may have"
            ),
            count=f"{entries:,}",
            limit=f"{MAX_ZIP_ENTRIES:,}",
        )
    if directory > MAX_CENTRAL_DIRECTORY or directory > size:
        raise _refused(
            path, QT_TRANSLATE_NOOP("Pack", "its list of entries is damaged or absurdly large")
        )


def _unsafe_name(name: str) -> bool:
    """Whether an entry's name would land outside a folder it was unpacked into."""
    cleaned = name.replace("\\", "/")
    if "\x00" in cleaned or cleaned.startswith("/") or _DRIVE_RE.match(cleaned):
        return True
    return ".." in cleaned.split("/")


def _top_folder(names: list[str]) -> str:
    """The one folder every entry sits in ("course-main/"), or "" when there is none."""
    tops = {name.split("/", 1)[0] for name in names if not name.startswith(_MAC_FOLDER)}
    if len(tops) != 1:
        return ""
    top = tops.pop()
    has_content = any(n.startswith(top + "/") and n != top + "/" for n in names)
    nothing_beside = all(n.startswith(top + "/") or n.startswith(_MAC_FOLDER) for n in names)
    return top + "/" if has_content and nothing_beside else ""


class ZipFiles(LibraryFiles):
    """The files of a zip pack, read from the archive by their path below its top."""

    on_disk = False

    def __init__(self, path: Path, archive: zipfile.ZipFile, size: int, mtime_ns: int) -> None:
        super().__init__(path)
        self._archive = archive
        self._lock = threading.Lock()  # figures are decoded on worker threads
        self._key = f"zip:{path}:{size}:{mtime_ns}"
        self._entries: dict[str, zipfile.ZipInfo] = {}
        self._tree = ZipFolder()
        infos = archive.infolist()
        names = [info.filename.replace("\\", "/") for info in infos]
        self._check(infos, names)
        self._prefix = _top_folder(names)
        self._name = self._prefix.rstrip("/") or path.stem
        for info, name in zip(infos, names, strict=True):
            if not name.startswith(self._prefix) or name == self._prefix:
                continue
            relpath = name[len(self._prefix) :]
            mode = info.external_attr >> 16
            link = stat.S_ISLNK(mode)
            add_entry(self._tree, relpath, info.file_size, _mtime_ns(info), link=link)
            if not relpath.endswith("/") and not link:
                self._entries[relpath] = info

    def _check(self, infos: list[zipfile.ZipInfo], names: list[str]) -> None:
        """Refuse the whole pack for any entry made to escape, locked, or a bomb."""
        path, total, seen = self.root, 0, set()
        for info, name in zip(infos, names, strict=True):
            if _unsafe_name(info.filename):
                raise _refused(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Pack",
                        'it holds an entry named "{entry}" that points outside the pack, as '
                        "only a zip made to do harm does",
                    ),
                    entry=info.filename[:80],
                )
            if info.flag_bits & 0x1:
                raise _refused(
                    path, QT_TRANSLATE_NOOP("Pack", "its files are protected by a password")
                )
            if name in seen:
                raise _refused(
                    path,
                    QT_TRANSLATE_NOOP("Pack", 'it holds two entries named "{entry}"'),
                    entry=name[:80],
                )
            seen.add(name)
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            ratio_bomb = info.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO
            if total > MAX_TOTAL_BYTES or ratio_bomb:
                raise _refused(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Pack",
                        "it would unpack to far more than it holds ({entry} declares {size}), "
                        "as a zip bomb does",
                    ),
                    entry=name[:80],
                    size=_megabytes(info.file_size),
                )

    @property
    def name(self) -> str:
        """The pack's top folder inside the zip ("course-main"), else the zip's stem."""
        return self._name

    @property
    def top_folder(self) -> str:
        """The folder inside the zip that is the library's top ("" when there is none)."""
        return self._prefix.rstrip("/")

    @property
    def cache_key(self) -> str:
        """The zip's path, size and time: any change makes every cached entry stale."""
        return self._key

    def read(self, relpath: str, limit: int | None = None) -> bytes:
        """The bytes of entry `relpath`, at most its declared size (OSError if damaged)."""
        info = self._entries.get(relpath)
        if info is None:
            raise FileNotFoundError(f"{relpath} is not in the course pack")
        if limit is not None and info.file_size > limit:
            raise FileTooLargeError(f"{relpath} is larger than {limit:,} bytes")
        data = self._read(info, info.file_size + 1)
        if len(data) != info.file_size:
            raise OSError(f"{relpath} is damaged in the zip (its size is wrong)")
        return data

    def head(self, path: Path, size: int) -> bytes:
        """At most the first `size` bytes of the entry standing at `path`."""
        relpath = self.relpath_of(path)
        info = self._entries.get(relpath) if relpath is not None else None
        if info is None:
            raise FileNotFoundError(f"{path} is not in the course pack")
        return self._read(info, min(size, info.file_size))

    def _read(self, info: zipfile.ZipInfo, size: int) -> bytes:
        try:
            with self._lock, self._archive.open(info) as handle:
                return handle.read(size)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
            # A CRC that does not match, a cut-short entry, an unknown compression.
            raise OSError(f"{info.filename} is damaged in the zip ({error})") from None

    def kind(self, relpath: str) -> str | None:
        """ "file", "folder" or None for `relpath` inside the pack."""
        bare = relpath.rstrip("/")
        if bare in self._entries and not relpath.endswith("/"):
            return "file"
        return "folder" if self._tree.folder(bare) is not None else None

    def discover(self, *, skip_book: bool = False) -> Discovery:
        """The pack's chapter files, walked with a folder's rules (reader.core.zip_walk)."""
        return walk_zip(self._tree, self.root, skip_book=skip_book)

    def names(self, limit: int) -> list[str]:
        """The pack's files in name order, hidden and dependency folders left out."""
        found = [
            relpath
            for relpath in sorted(self._entries)
            if not any(p.startswith(".") or p in NOT_CONTENT for p in relpath.split("/")[:-1])
        ]
        return found[:limit]

    def image_resolver(self, base: str) -> ZipImageResolver:
        """Images resolve among the pack's entries, never out of it."""
        return ZipImageResolver(self, base)

    def close(self) -> None:
        """Close the zip file."""
        with self._lock:
            self._archive.close()


class ZipImageResolver:
    """Resolves a chapter's image sources among the entries of a zip pack."""

    def __init__(self, files: ZipFiles, base: str) -> None:
        self._files = files
        self._base = base.strip("/")

    @property
    def files(self) -> FigureFiles:
        """The pack, which the figures found are read from."""
        return self._files

    def resolve(self, src: str) -> tuple[ImageStatus, Path | None]:
        """The status of image `src` and the path standing for its entry."""
        relpath = relative_source(src, self._base)
        if relpath is None:
            return "unsafe", None
        found = relpath not in ("", ".") and self._files.kind(relpath) == "file"
        return ("found" if found else "missing"), self._files.path_of(relpath)


def _mtime_ns(info: zipfile.ZipInfo) -> int:
    """An entry's modification time in nanoseconds (zip keeps it to two seconds)."""
    try:
        return calendar.timegm((*info.date_time, 0, 0, 0)) * 1_000_000_000
    except (ValueError, OverflowError):
        return 0


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
