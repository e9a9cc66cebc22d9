"""The libraries opened before: the Library menu's list, kept in the shared data folder.

Every profile of a data folder sees the same list (`DataFolder.libraries_list`), most
recent first, capped at `MAX_LIBRARIES` entries (the bundled library is never dropped).
A damaged or hand-edited file is read as far as it goes and never stops the reader.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

from reader.core.i18n import translate

__all__ = [
    "FORMAT_VERSION",
    "MAX_LIBRARIES",
    "LibraryEntry",
    "LibraryKind",
    "LibraryList",
    "keep_damaged_copy",
    "pack_kind",
    "read_list",
    "record",
    "remove",
    "write_list",
]

FORMAT_VERSION = 1
MAX_LIBRARIES = 30
"""How many libraries the list keeps (the bundled one is kept whatever its age)."""

LibraryKind = Literal["folder", "zip", "bundled"]


def pack_kind(path: Path) -> LibraryKind:
    """How the library at `path` is listed: a .zip file is a "zip", anything else a "folder"."""
    return "zip" if path.suffix.casefold() == ".zip" and not path.is_dir() else "folder"


_KINDS: tuple[str, ...] = get_args(LibraryKind)


@dataclass(frozen=True)
class LibraryEntry:
    """One library opened before: where it is, who it is, and when it was last opened.

    `opened` is an ISO 8601 time in UTC ("" when a hand-edited entry has none). The
    bundled library's `path` is where it was; it is found again wherever the program is.
    """

    path: str
    id: str
    title: str
    kind: LibraryKind
    opened: str = ""

    @property
    def key(self) -> str:
        """What makes two entries the same library in the list: its place (or "bundled")."""
        return "bundled" if self.kind == "bundled" else self.path

    @property
    def bundled(self) -> bool:
        """Whether this is the library shipped with the reader."""
        return self.kind == "bundled"


@dataclass(frozen=True)
class LibraryList:
    """The entries read from the file (most recent first), and what was wrong with it."""

    entries: tuple[LibraryEntry, ...] = ()
    problem: str | None = None
    damaged: bool = field(default=False)

    def last_open(self) -> LibraryEntry | None:
        """The library open last, if any was recorded."""
        return self.entries[0] if self.entries else None


def now_text(moment: datetime | None = None) -> str:
    """`moment` (default: now) as the list writes it: ISO 8601 in UTC, to the second."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sort_key(entry: LibraryEntry) -> float:
    """Newest first; an entry without a readable time goes last (negated timestamps)."""
    try:
        return -datetime.fromisoformat(entry.opened).timestamp()
    except ValueError:
        return float("inf")


def _entry(raw: Any) -> LibraryEntry | None:
    """The entry written as `raw`, or None when it lacks what an entry needs."""
    if not isinstance(raw, dict):
        return None
    path, kind = raw.get("path"), raw.get("kind")
    if not isinstance(path, str) or kind not in _KINDS or (not path and kind != "bundled"):
        return None
    text = {name: raw.get(name) for name in ("id", "title", "opened")}
    values = {name: value if isinstance(value, str) else "" for name, value in text.items()}
    title = values["title"] or Path(path).name or path
    library_id = values["id"] or ("bundled" if kind == "bundled" else "")
    return LibraryEntry(path, library_id, title, kind, values["opened"])


def read_list(file: Path) -> LibraryList:
    """The list kept in `file`: empty when there is none, read as far as it goes when damaged."""
    try:
        data = json.loads(file.read_bytes())
    except FileNotFoundError:
        return LibraryList()
    except OSError as error:
        message = translate(
            "LibraryList",
            "The list of libraries opened before ({path}) cannot be read ({reason}); "
            "it starts empty.",
        )
        return LibraryList(problem=message.format(path=file, reason=error.strerror or error))
    except ValueError:  # not JSON, or not UTF-8
        message = translate(
            "LibraryList",
            "The list of libraries opened before ({path}) is damaged; it starts empty.",
        )
        return LibraryList(problem=message.format(path=file), damaged=True)
    raw_entries = data.get("libraries") if isinstance(data, dict) else None
    if not isinstance(raw_entries, list):
        message = translate(
            "LibraryList",
            "The list of libraries opened before ({path}) holds no list; it starts empty.",
        )
        return LibraryList(problem=message.format(path=file), damaged=True)
    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    dropped = 0
    for raw in raw_entries:
        entry = _entry(raw)
        if entry is None:
            dropped += 1
        elif entry.key not in seen:
            seen.add(entry.key)
            entries.append(entry)
    entries.sort(key=_sort_key)
    if not dropped:
        return LibraryList(tuple(entries))
    message = translate(
        "LibraryList",
        "{count} entries of the list of libraries opened before ({path}) were damaged "
        "and left out; the others are kept.",
    )
    return LibraryList(tuple(entries), message.format(count=dropped, path=file), damaged=True)


def write_list(file: Path, entries: tuple[LibraryEntry, ...]) -> None:
    """Keep `entries` in `file`, replacing it in one step (OSError when it cannot be written)."""
    from reader.core.atomic import write_atomic

    data = {"version": FORMAT_VERSION, "libraries": [asdict(entry) for entry in entries]}
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def record(
    entries: tuple[LibraryEntry, ...],
    entry: LibraryEntry,
    *,
    cap: int = MAX_LIBRARIES,
    moment: datetime | None = None,
) -> tuple[LibraryEntry, ...]:
    """The list with `entry` opened now: first, once, and at most `cap` entries long.

    The oldest entries past the cap are dropped, never the bundled library.
    """
    opened = replace(entry, opened=now_text(moment))
    rest = [e for e in entries if e.key != opened.key]
    kept = [opened, *rest]
    while len(kept) > max(cap, 1):
        oldest = next((e for e in reversed(kept) if not e.bundled), None)
        if oldest is None:
            break
        kept.remove(oldest)
    return tuple(kept)


def remove(entries: tuple[LibraryEntry, ...], key: str) -> tuple[LibraryEntry, ...]:
    """The list without the library named by `key` (the bundled one stays)."""
    return tuple(e for e in entries if e.key != key or e.bundled)


def keep_damaged_copy(file: Path, moment: datetime | None = None) -> Path | None:
    """Copy a damaged list aside (libraries.json.damaged-<time>) before it is rewritten."""
    import shutil

    stamp = now_text(moment).replace(":", "")
    copy = file.with_name(f"{file.name}.damaged-{stamp}")
    try:
        shutil.copy2(file, copy)
    except OSError:
        return None
    return copy
