"""Reading a library: its files walked, each chapter's front matter read (or taken from
the metadata cache), the reading order assembled, and what is wrong reported.

Apart from reader/core/library.py (the `Library` a reader holds) so that a restart, which
builds its first page from the snapshot of the last scan, loads none of this code before
the first paint.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.atomic import write_atomic
from reader.core.chapter import Chapter, sha256_hex
from reader.core.chapter_text import (
    FrontMatterError,
    first_heading,
    parse_yaml,
    split_front_matter,
)
from reader.core.discovery import FoundFile
from reader.core.i18n import translate
from reader.core.library import MAX_CHAPTER_BYTES, Library, Progress
from reader.core.library_files import FolderFiles, LibraryFiles
from reader.core.problems import Problem, ProblemKind
from reader.core.slugs import is_valid_slug
from reader.core.summary import read_summary

if TYPE_CHECKING:
    from reader.core.summary import Summary

__all__ = ["BadChapterError", "load_files", "load_library", "read_chapter"]


class _BadChapter(Exception):
    """A chapter file that cannot be used; carries the problem to report."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind
        self.message = message


# What read_chapter raises for a file it cannot use (`kind` and `message` say why).
BadChapterError = _BadChapter


def load_library(
    root: Path, cache_file: Path | None = None, progress: Progress | None = None
) -> Library:
    """Read every chapter under `root`; bad files are reported, left-out ones listed.

    With `cache_file`, files whose size and modification time are unchanged since the
    last load are not read at all: their metadata comes from there (YAML and reading
    are most of the cost). `progress` is called every few hundred chapters (it may raise
    to stop the read).
    """
    return load_files(FolderFiles(root.resolve()), cache_file, progress)


def load_files(
    files: LibraryFiles, cache_file: Path | None = None, progress: Progress | None = None
) -> Library:
    """The library of `files` (a folder's, or a zip pack's: reader/core/pack.py)."""
    import gc

    # Loading makes a few objects per chapter and frees none of them: the cyclic
    # collector would walk them again and again (a third of a large library's restart).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(files, cache_file, progress)
    finally:
        if enabled:
            gc.enable()


def _load(files: LibraryFiles, cache_file: Path | None, progress: Progress | None) -> Library:
    """load_library's work."""
    from reader.core import assembly

    root = files.root
    if files.on_disk and not root.is_dir():
        message = translate("Library", "The library folder {path} does not exist.")
        problem = Problem(".", "unreadable", message.format(path=root))
        return Library(root, (), (problem,))
    summary_path = files.find_summary()
    try:
        found = files.discover(skip_book=summary_path is not None)
    except OSError as error:
        message = translate(
            "Library", "The library folder {path} could not be read ({reason})."
        ).format(path=root, reason=error.strerror)
        return Library(root, (), (Problem(".", "unreadable", message),))
    problems = list(found.problems)
    skipped = list(found.skipped)
    summary: Summary | None = None
    chapter_files = found.files
    if summary_path is not None:
        summary = read_summary(summary_path, files.read)
        problems.extend(summary.problems)
        skipped.extend(summary.skipped)
        chapter_files, left_out = assembly.listed_files(chapter_files, summary)
        problems.extend(left_out)
        skipped.extend(
            Problem(f.relpath, "skipped", _unlisted_message(f.relpath, summary.relpath))
            for f in found.files
            if f.relpath not in {g.relpath for g in chapter_files}
        )
    cache = _read_cache(cache_file, files.cache_key)
    # A folder's chapters are read straight from their paths; a zip pack's from the zip.
    source = None if files.on_disk else files
    entries: dict[str, dict[str, Any]] = {}
    readable: list[FoundFile] = []
    total = len(chapter_files)
    for done, found_file in enumerate(chapter_files):
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, total)
        try:
            entries[found_file.relpath] = _entry(found_file, cache.get(found_file.relpath), source)
        except _BadChapter as bad:
            problems.append(Problem(found_file.relpath, bad.kind, bad.message))
            continue
        readable.append(found_file)
    name = files.name
    try:
        chapters, more = assembly.assemble(
            root, readable, entries, summary, name=name, source=source
        )
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        # A cache entry of the right shape but damaged inside: read every file again.
        entries = {f.relpath: _entry(f, None, source) for f in readable}
        chapters, more = assembly.assemble(
            root, readable, entries, summary, name=name, source=source
        )
    problems.extend(more)
    if cache_file is not None and entries != cache:
        _write_cache(cache_file, files.cache_key, entries)
    return Library(root, tuple(chapters), tuple(problems), tuple(skipped), source)


def _unlisted_message(relpath: str, summary: str) -> str:
    if relpath == summary:
        return translate("Library", "The file is the book's table of contents, not a chapter.")
    return translate("Library", "The file was skipped: it is not listed in {summary}.").format(
        summary=summary
    )


_PROGRESS_EVERY = 250
_CACHE_VERSION = 3


def _read_cache(cache_file: Path | None, root: str) -> dict[str, Any]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_bytes())  # bytes: JSON is UTF-8, decoded faster
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _CACHE_VERSION:
        return {}
    if data.get("root") != root or not isinstance(data.get("chapters"), dict):
        return {}
    return dict(data["chapters"])


def _write_cache(cache_file: Path, root: str, chapters: dict[str, Any]) -> None:
    """Store the metadata cache atomically; failing only costs speed next time."""
    data = {"version": _CACHE_VERSION, "root": root, "chapters": chapters}
    with contextlib.suppress(OSError):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_file, json.dumps(data, ensure_ascii=False), durable=False)


def _parse_front_matter(source: str) -> dict[str, Any]:
    """The metadata of front matter `source` (a seam the cache tests watch)."""
    return parse_yaml(source)


# "heading" and "problems" are left out when empty: a smaller cache loads faster.
_ENTRY_KEYS = frozenset(
    ("hash", "size", "mtime_ns", "body", "fm", "title", "slug", "abstract", "order")
)


def _usable(entry: Any) -> bool:
    """True when a metadata-cache entry has every field, each of the right type."""
    if type(entry) is not dict or not entry.keys() >= _ENTRY_KEYS:
        return False
    body, order = entry["body"], entry["order"]
    # `type(...) is` rather than isinstance: this runs for every chapter at every start.
    return (
        type(entry["hash"]) is str
        and type(entry["title"]) is str
        and type(entry["slug"]) is str
        and type(entry["abstract"]) is str
        and type(entry["fm"]) is bool
        and type(body) is list
        and len(body) == 2
        and type(body[0]) is int
        and type(body[1]) is int
        and (order is None or type(order) is float or type(order) is int)
        and type(entry.get("heading", "")) is str
        and type(entry.get("problems", [])) is list
    )


def _entry(found: FoundFile, cached: Any, source: LibraryFiles | None = None) -> dict[str, Any]:
    """The metadata of one chapter file: from the cache when unchanged, else read (from
    `source` when given, a zip pack)."""
    if (
        isinstance(cached, dict)
        and cached.get("size") == found.size
        and cached.get("mtime_ns") == found.mtime_ns
        and _usable(cached)
    ):
        # Same size and modification time as when it was cached: trust the entry
        # without reading the file (as version control tools do).
        return cached
    if found.size > MAX_CHAPTER_BYTES:
        message = translate(
            "Library",
            "The file is {size} MB; chapters larger than {limit} MB are not opened. Split it "
            "into several chapters (one file per section, say).",
        )
        size = f"{found.size / (1024 * 1024):.0f}"
        raise _BadChapter(
            "unreadable", message.format(size=size, limit=MAX_CHAPTER_BYTES // (1024 * 1024))
        )
    try:
        data = found.path.read_bytes() if source is None else source.read(found.relpath)
    except OSError as error:
        reason = error.strerror or str(error)
        message = translate("Library", "The file could not be read: {reason}.")
        raise _BadChapter("unreadable", message.format(reason=reason)) from None
    entry = _parse(data)
    entry["size"], entry["mtime_ns"] = found.size, found.mtime_ns
    return entry


def _parse(data: bytes) -> dict[str, Any]:
    """The metadata-cache entry of a chapter file's bytes (raises _BadChapter if unusable)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = translate(
            "Library", "The file is not valid UTF-8 (byte {byte}); save it as UTF-8 text."
        )
        raise _BadChapter("unreadable", message.format(byte=error.start)) from None
    source, start = split_front_matter(text)
    problems: list[list[str]] = []
    meta: dict[str, Any] = {}
    if source is not None:
        try:
            meta = _parse_front_matter(source)
        except FrontMatterError as error:
            message = translate("Library", "{problem} The chapter is shown without it.")
            problems.append(["bad-front-matter", message.format(problem=error)])
    body = text[start:]
    stripped = body.strip()
    # python-frontmatter stripped the body; the span keeps that, so notes stay in place.
    span = [start + len(body) - len(body.lstrip()), len(stripped)]
    title = _meta_text(meta, "title", problems)
    slug = _meta_text(meta, "slug", problems)
    if slug and not is_valid_slug(slug):
        message = translate(
            "Library",
            'The slug "{slug}" may only use letters, digits, ".", "_" and "-" and must start '
            "with a letter or digit; a slug made from the file's path is used instead.",
        )
        problems.append(["bad-front-matter", message.format(slug=slug[:60])])
        slug = ""
    order = meta.get("order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int | float)):
        message = translate("Library", "`order` must be a number, not {value}; it is ignored.")
        problems.append(["bad-front-matter", message.format(value=f"{order!r:.40}")])
        order = None
    entry: dict[str, Any] = {
        "hash": sha256_hex(data),
        "body": span,
        "fm": source is not None,
        "title": title,
        "slug": slug,
        "abstract": _meta_text(meta, "abstract", problems),
        "order": float(order) if order is not None else None,
    }
    # The heading matters only when the front matter names no title.
    heading = "" if title else first_heading(stripped)
    if heading:
        entry["heading"] = heading
    if problems:
        entry["problems"] = problems
    return entry


def _meta_text(meta: dict[str, Any], key: str, problems: list[list[str]]) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split())
    message = translate("Library", "`{key}` must be text, not a {type}; it is ignored.")
    problems.append(["bad-front-matter", message.format(key=key, type=type(value).__name__)])
    return ""


def read_chapter(path: Path, relpath: str) -> Chapter:
    """Read one chapter file on its own (slug and title as a one-chapter library gives).

    Raises _BadChapter when the file cannot be used at all.
    """
    from reader.core import assembly

    stat = path.stat()
    found = FoundFile(relpath, path, stat.st_size, stat.st_mtime_ns)
    entry = _entry(found, None)
    chapters, _ = assembly.assemble(path.parent, [found], {relpath: entry}, None)
    return chapters[0]
