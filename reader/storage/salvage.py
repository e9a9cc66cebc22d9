"""Reading notes out of a damaged database file, page by page, without SQLite.

SQLite refuses a file whose tree is damaged, and a truncated file loses every row whose
path from the root passes through the missing part. The rows themselves sit in table leaf
pages that are readable on their own, so this module reads every page of the file (and
of its change log, if one is beside it), decodes the records of each table leaf page, and
keeps those that are valid annotations by the model's own rules. A page that does not
parse is skipped; it never stops the others. Stale copies of a row (on freed pages, in
the log) are resolved the way merging does: the newest `modified` wins.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from reader.core.anchoring import Target, TextPositionSelector, TextQuoteSelector
from reader.core.notes import Annotation, AnnotationId, Colour, clamp_timestamp, validate_annotation

__all__ = ["ScanResult", "scan_file"]

_HEADER = b"SQLite format 3\0"
_TABLE_LEAF = 0x0D
_COLUMNS = 12  # the annotations table of schema 1 (later columns are ignored)
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_WAL_HEADER = 32
_WAL_FRAME_HEADER = 24


class _Bad(Exception):
    """A page or record that does not parse (skipped, never fatal)."""


@dataclass
class ScanResult:
    """What a scan found: rows read, valid annotations (newest version of each id), pages."""

    rows_read: int = 0
    rejected: int = 0
    pages_read: int = 0
    pages_unreadable: int = 0
    annotations: dict[str, Annotation] = field(default_factory=dict)


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        if pos + i >= len(data):
            raise _Bad("varint runs off the page")
        byte = data[pos + i]
        if i == 8:
            return (value << 8) | byte, pos + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    raise _Bad("unreachable")  # pragma: no cover


def _value(serial: int, data: bytes, pos: int) -> tuple[Any, int]:
    sizes = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}
    if serial == 0:
        return None, pos
    if serial in sizes:
        n = sizes[serial]
        if pos + n > len(data):
            raise _Bad("integer runs off the record")
        return int.from_bytes(data[pos : pos + n], "big", signed=True), pos + n
    if serial == 7:
        if pos + 8 > len(data):
            raise _Bad("real runs off the record")
        return struct.unpack(">d", data[pos : pos + 8])[0], pos + 8
    if serial in (8, 9):
        return serial - 8, pos
    if serial >= 12:
        n = (serial - 12) // 2
        if pos + n > len(data):
            raise _Bad("text runs off the record")
        raw = data[pos : pos + n]
        if serial % 2:
            try:
                return raw.decode("utf-8"), pos + n
            except UnicodeDecodeError:
                raise _Bad("text is not UTF-8") from None
        return bytes(raw), pos + n
    raise _Bad(f"reserved serial type {serial}")


def _record(payload: bytes) -> list[Any]:
    size, pos = _varint(payload, 0)
    if size > len(payload) or size < 1:
        raise _Bad("record header size")
    serials = []
    while pos < size:
        serial, pos = _varint(payload, pos)
        serials.append(serial)
    values = []
    pos = size
    for serial in serials:
        value, pos = _value(serial, payload, pos)
        values.append(value)
    return values


class _Pages:
    """The pages of a database file, overlaid with the newest copy of each from its log."""

    def __init__(self, data: bytes, page_size: int, usable: int, wal: bytes) -> None:
        self.page_size = page_size
        self.usable = usable
        self.data = data
        self.overlay: dict[int, list[bytes]] = {}
        if len(wal) >= _WAL_HEADER and int.from_bytes(wal[8:12], "big") == page_size:
            step = _WAL_FRAME_HEADER + page_size
            for start in range(_WAL_HEADER, len(wal) - step + 1, step):
                number = int.from_bytes(wal[start : start + 4], "big")
                page = wal[start + _WAL_FRAME_HEADER : start + step]
                self.overlay.setdefault(number, []).append(page)

    def count(self) -> int:
        return len(self.data) // self.page_size

    def get(self, number: int) -> bytes:
        if number < 1:
            raise _Bad("page 0")
        copies = self.overlay.get(number)
        if copies:
            return copies[-1]
        start = (number - 1) * self.page_size
        if start + self.page_size > len(self.data):
            raise _Bad(f"page {number} is beyond the end of the file")
        return self.data[start : start + self.page_size]

    def every_copy(self) -> list[tuple[int, bytes]]:
        pages = [(n, self.get_file(n)) for n in range(1, self.count() + 1)]
        pages += [(n, page) for n, copies in self.overlay.items() for page in copies]
        return pages

    def get_file(self, number: int) -> bytes:
        start = (number - 1) * self.page_size
        return self.data[start : start + self.page_size]


def _payload(pages: _Pages, page: bytes, pos: int) -> tuple[int, bytes]:
    """The rowid and full payload of the table leaf cell at `pos`, following overflow."""
    length, pos = _varint(page, pos)
    rowid, pos = _varint(page, pos)
    usable = pages.usable
    max_local = usable - 35
    if length <= max_local:
        if pos + length > usable:
            raise _Bad("cell runs off the page")
        return rowid, page[pos : pos + length]
    min_local = (usable - 12) * 32 // 255 - 23
    local = min_local + (length - min_local) % (usable - 4)
    if local > max_local:
        local = min_local
    if pos + local + 4 > usable:
        raise _Bad("cell runs off the page")
    parts = [page[pos : pos + local]]
    remaining = length - local
    next_page = int.from_bytes(page[pos + local : pos + local + 4], "big")
    seen: set[int] = set()
    while remaining > 0:
        if next_page in seen or next_page == 0:
            raise _Bad("overflow chain is broken")
        seen.add(next_page)
        overflow = pages.get(next_page)
        chunk = overflow[4 : 4 + min(remaining, usable - 4)]
        parts.append(chunk)
        remaining -= len(chunk)
        next_page = int.from_bytes(overflow[:4], "big")
    return rowid, b"".join(parts)


def _annotation(values: list[Any]) -> Annotation:
    """An Annotation from a decoded row, checked as the store checks what it merges."""
    (ident, chapter, created, modified, colour, note, exact, prefix, suffix, start, end, gone) = (
        values[:_COLUMNS]
    )
    texts = (ident, chapter, created, modified, colour, note, exact, prefix, suffix)
    if not all(isinstance(v, str) for v in texts):
        raise ValueError("a text column holds something else")
    if gone not in (0, 1) or (start is None) != (end is None):
        raise ValueError("inconsistent columns")
    position = TextPositionSelector(start, end) if start is not None else None
    annotation = Annotation(
        id=AnnotationId(ident),
        chapter=chapter,
        # A date from the future is set to now rather than losing the note (as on open).
        created=clamp_timestamp(created),
        modified=clamp_timestamp(modified),
        colour=cast(Colour, colour),  # checked by validate_annotation below
        note=note,
        target=Target(TextQuoteSelector(exact, prefix, suffix), position),
        deleted=bool(gone),
    )
    if not exact:
        raise ValueError("empty quote")
    validate_annotation(annotation)
    return annotation


def _scan_page(pages: _Pages, number: int, page: bytes, result: ScanResult) -> None:
    offset = 100 if number == 1 else 0
    if len(page) < offset + 8 or page[offset] != _TABLE_LEAF:
        return
    cells = int.from_bytes(page[offset + 3 : offset + 5], "big")
    if offset + 8 + 2 * cells > pages.usable:
        raise _Bad("too many cells")
    for i in range(cells):
        at = offset + 8 + 2 * i
        pointer = int.from_bytes(page[at : at + 2], "big")
        try:
            _rowid, payload = _payload(pages, page, pointer)
            values = _record(payload)
        except _Bad:
            continue
        if len(values) < _COLUMNS:
            continue  # another table's row (the schema table has 5 columns)
        result.rows_read += 1
        try:
            annotation = _annotation(values)
        except (ValueError, TypeError):
            result.rejected += 1
            continue
        known = result.annotations.get(annotation.id)
        if known is None or (annotation.modified, annotation.deleted) > (
            known.modified,
            known.deleted,
        ):
            result.annotations[annotation.id] = annotation


def _geometry(data: bytes) -> list[tuple[int, int]]:
    """(page size, usable size) to try: the header's if it is intact, else common ones."""
    if data.startswith(_HEADER) and len(data) >= 100:
        size = int.from_bytes(data[16:18], "big")
        size = 65536 if size == 1 else size
        if size in _PAGE_SIZES:
            return [(size, size - data[20])]
    return [(size, size) for size in _PAGE_SIZES]


def scan_file(path: Path) -> ScanResult:
    """Every valid annotation readable from the database file at `path` (and its log)."""
    data = path.read_bytes()
    wal_path = path.with_name(path.name + "-wal")
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    best = ScanResult()
    for page_size, usable in _geometry(data):
        pages = _Pages(data, page_size, usable, wal)
        result = ScanResult()
        for number, page in pages.every_copy():
            result.pages_read += 1
            try:
                _scan_page(pages, number, page, result)
            except _Bad:
                result.pages_unreadable += 1
        if len(result.annotations) > len(best.annotations):
            best = result
    return best
