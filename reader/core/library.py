"""Find the chapters of a library folder, read their front matter and report bad files."""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NewType

from reader.core.atomic import write_atomic

Slug = NewType("Slug", str)

ProblemKind = Literal[
    "missing-image", "unsafe-path", "bad-front-matter", "duplicate-slug", "unreadable"
]

# Chapters are text; anything bigger than this is almost certainly not a chapter.
MAX_CHAPTER_BYTES = 32 * 1024 * 1024
_SLUG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file of the library, said in words for the author."""

    path: str
    kind: ProblemKind
    message: str


class ChapterChangedError(OSError):
    """A chapter's file changed (or vanished) on disk after the library was loaded."""


@dataclass(frozen=True)
class Chapter:
    """One chapter: its front matter, where its Markdown body is, and where it came from.

    The body is read from the file when asked for (a library of a thousand chapters need
    not hold them all in memory); `body_span` is where it sits in the file's text.
    """

    slug: Slug
    title: str
    abstract: str
    order: float | None
    path: Path
    relpath: str
    content_hash: str
    body_span: tuple[int, int] | None = None
    # The body, when it could not be located by a span (kept in memory instead).
    kept_body: str | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The chapter's Markdown (without front matter), read from its file."""
        if self.kept_body is not None or self.body_span is None:
            return self.kept_body or ""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise ChapterChangedError(
                f"{self.relpath} can no longer be read ({error.strerror})."
            ) from None
        if _sha256(data) != self.content_hash:
            raise ChapterChangedError(
                f"{self.relpath} changed on disk since the library was loaded."
            )
        start, length = self.body_span
        return data.decode("utf-8-sig")[start : start + length]


@dataclass(frozen=True)
class Library:
    """The chapters of one folder, in reading order, and the problems met loading it."""

    root: Path
    chapters: tuple[Chapter, ...]
    problems: tuple[Problem, ...] = field(default=())

    def by_slug(self, slug: str) -> Chapter | None:
        """The chapter with this slug, or None."""
        for chapter in self.chapters:
            if chapter.slug == slug:
                return chapter
        return None

    def by_relpath(self, relpath: str) -> Chapter | None:
        """The chapter stored at this path relative to the library, or None."""
        for chapter in self.chapters:
            if chapter.relpath == relpath:
                return chapter
        return None


def _sha256(data: bytes) -> str:
    """The hex SHA-256 of `data`; hashlib loads only when a file is read (not at every start)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


class _BadChapter(Exception):
    """A chapter file that cannot be used; carries the problem to report."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind
        self.message = message


def load_library(root: Path, cache_file: Path | None = None) -> Library:
    """Read every `*.md` chapter directly inside `root`; bad files are reported and skipped.

    With `cache_file`, the front matter of files whose bytes are unchanged since the last
    load is taken from there instead of being parsed again (YAML is most of the cost).
    """
    root = root.resolve()
    cache = _read_cache(cache_file, root)
    fresh: dict[str, Any] = {}
    if not root.is_dir():
        return Library(
            root,
            (),
            (Problem(".", "unreadable", f"The library folder {root} does not exist."),),
        )
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    try:
        # scandir, not glob: names sort as strings, and file types come without a stat.
        with os.scandir(root) as found:
            names = sorted(
                item.name
                for item in found
                if item.name.endswith(".md") and not item.name.startswith(".") and item.is_file()
            )
    except OSError as error:
        problem = f"The library folder {root} could not be read ({error.strerror})."
        return Library(root, (), (Problem(".", "unreadable", problem),))
    for relpath in names:
        try:
            chapter, entry = _read(root / relpath, relpath, cache.get(relpath))
        except _BadChapter as bad:
            problems.append(Problem(relpath, bad.kind, bad.message))
            continue
        if chapter.slug in seen:
            problems.append(
                Problem(
                    relpath,
                    "duplicate-slug",
                    f'The slug "{chapter.slug}" is already used by {seen[chapter.slug]}; '
                    "give this chapter its own slug in its front matter.",
                )
            )
            continue
        if "body" in entry:
            fresh[relpath] = entry
        seen[chapter.slug] = relpath
        chapters.append(chapter)
    chapters.sort(key=_reading_order)
    if cache_file is not None and fresh != cache:
        _write_cache(cache_file, root, fresh)
    return Library(root, tuple(chapters), tuple(problems))


_CACHE_VERSION = 2


def _read_cache(cache_file: Path | None, root: Path) -> dict[str, Any]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_bytes())  # bytes: JSON is UTF-8, decoded faster
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _CACHE_VERSION:
        return {}
    if data.get("root") != str(root) or not isinstance(data.get("chapters"), dict):
        return {}
    return dict(data["chapters"])


def _write_cache(cache_file: Path, root: Path, chapters: dict[str, Any]) -> None:
    """Store the metadata cache atomically; failing only costs speed next time."""
    data = {"version": _CACHE_VERSION, "root": str(root), "chapters": chapters}
    with contextlib.suppress(OSError):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_file, json.dumps(data, ensure_ascii=False), durable=False)


def _reading_order(chapter: Chapter) -> tuple[int, float, str, str]:
    has_order = 0 if chapter.order is not None else 1
    return (has_order, chapter.order or 0.0, chapter.title.casefold(), chapter.slug)


def _parse_front_matter(text: str) -> tuple[Any, str]:
    """(metadata, body) of a chapter's text, with libyaml's C loader when available.

    Imported here: a start whose chapters are all in the metadata cache never loads them.
    """
    import frontmatter
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    class _CYAMLHandler(YAMLHandler):
        def load(self, fm: str, **kwargs: object) -> Any:
            # The pure-Python loader is most of the time a 1,000-chapter library takes.
            kwargs.setdefault("Loader", getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            return super().load(fm, **kwargs)

    try:
        post = frontmatter.loads(text, handler=_CYAMLHandler())
    except yaml.YAMLError as error:
        detail = str(error).splitlines()[0] if str(error) else "invalid YAML"
        raise _BadChapter(
            "bad-front-matter", f"The front matter is not valid YAML ({detail})."
        ) from None
    except (ValueError, TypeError, AttributeError) as error:
        raise _BadChapter(
            "bad-front-matter", f"The front matter cannot be read ({error})."
        ) from None
    return post.metadata, post.content


def read_chapter(path: Path, relpath: str) -> Chapter:
    """Read and validate one chapter file; raises _BadChapter with the reason."""
    return _read(path, relpath, None)[0]


def _read(
    path: Path, relpath: str, cached: dict[str, Any] | None
) -> tuple[Chapter, dict[str, Any]]:
    """The chapter at `path` and its metadata-cache entry (reused when the bytes match)."""
    try:
        stat = path.stat()
        size = stat.st_size
        if (
            cached is not None
            and cached.get("size") == size
            and cached.get("mtime_ns") == stat.st_mtime_ns
        ):
            # Same size and modification time as when it was cached: trust the entry
            # without reading the file (as version control tools do).
            chapter = _from_cache(path, relpath, cached, str(cached.get("hash", "")))
            if chapter is not None:
                return chapter, cached
        if size > MAX_CHAPTER_BYTES:
            raise _BadChapter(
                "unreadable",
                f"The file is {size // (1024 * 1024)} MB; chapters larger than "
                f"{MAX_CHAPTER_BYTES // (1024 * 1024)} MB are not opened.",
            )
        data = path.read_bytes()
    except OSError as error:
        raise _BadChapter("unreadable", f"The file could not be read: {error.strerror}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _BadChapter(
            "unreadable",
            f"The file is not valid UTF-8 (byte {error.start}); save it as UTF-8 text.",
        ) from None
    content_hash = _sha256(data)
    stamp = {"size": size, "mtime_ns": stat.st_mtime_ns}
    if cached is not None and cached.get("hash") == content_hash:
        chapter = _from_cache(path, relpath, cached, content_hash)
        if chapter is not None:
            return chapter, {**cached, **stamp}
    meta, body = _parse_front_matter(text)
    if not isinstance(meta, dict):
        raise _BadChapter(
            "bad-front-matter", "The front matter must be a set of `key: value` lines."
        )
    title = _text_field(meta, "title")
    if not title:
        raise _BadChapter(
            "bad-front-matter",
            "The chapter has no title: add `title: ...` to its front matter "
            "(between the two `---` lines at the top).",
        )
    slug = _text_field(meta, "slug") or path.stem
    if not _SLUG_RE.match(slug):
        raise _BadChapter(
            "bad-front-matter",
            f'The slug "{slug[:60]}" may only use letters, digits, ".", "_" and "-" '
            "and must start with a letter or digit.",
        )
    order = meta.get("order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int | float)):
        raise _BadChapter("bad-front-matter", f"`order` must be a number, not {order!r:.40}.")
    start = text.rfind(body) if body else len(text)
    span = (start, len(body)) if start >= 0 and text[start : start + len(body)] == body else None
    chapter = Chapter(
        slug=Slug(slug),
        title=title,
        abstract=_text_field(meta, "abstract"),
        order=float(order) if order is not None else None,
        path=path,
        relpath=relpath,
        content_hash=content_hash,
        body_span=span,
        kept_body=None if span is not None else body,
    )
    entry: dict[str, Any] = {
        "hash": content_hash,
        "slug": chapter.slug,
        "title": chapter.title,
        "abstract": chapter.abstract,
        "order": chapter.order,
        **stamp,
    }
    if span is not None:
        entry["body"] = list(span)
    return chapter, entry


def _from_cache(
    path: Path, relpath: str, cached: dict[str, Any], content_hash: str
) -> Chapter | None:
    """The chapter described by a metadata-cache entry, or None if the entry is damaged."""
    try:
        start, length = int(cached["body"][0]), int(cached["body"][1])
        order = cached["order"]
        return Chapter(
            slug=Slug(str(cached["slug"])),
            title=str(cached["title"]),
            abstract=str(cached["abstract"]),
            order=float(order) if order is not None else None,
            path=path,
            relpath=relpath,
            content_hash=content_hash,
            body_span=(start, length),
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return None  # a damaged entry: the file is parsed as if it were not cached


def _text_field(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split())
    raise _BadChapter("bad-front-matter", f"`{key}` must be text, not a {type(value).__name__}.")
