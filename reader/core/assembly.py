"""Put a library's chapter files in reading order: slugs, titles, order and nesting."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.chapter import Chapter, Slug
from reader.core.chapter_text import title_from_name
from reader.core.discovery import FoundFile, natural_key
from reader.core.i18n import translate
from reader.core.problems import Problem
from reader.core.slugs import FOLDER_CHAPTER_STEMS, derive_slug, is_valid_slug, unique_slug
from reader.core.summary import Summary

if TYPE_CHECKING:
    from reader.core.library_files import LibraryFiles


class _Item:
    """A readable chapter file while the library is put together."""

    __slots__ = ("entry", "found", "parent", "part", "position", "slug", "title")

    def __init__(self, found: FoundFile, entry: dict[str, Any]) -> None:
        self.found = found
        self.entry = entry
        self.slug = ""
        self.parent: _Item | None = None
        self.part: str | None = None
        self.title = ""  # the title SUMMARY.md gives
        self.position = 0  # the place in SUMMARY.md

    @property
    def order(self) -> float | None:
        order = self.entry["order"]
        return float(order) if order is not None else None

    def rank(self) -> tuple[int, float]:
        """Chapters with an `order` come first among their siblings, by that number."""
        order = self.order
        return (0, order) if order is not None else (1, 0.0)


class _Folder:
    """A folder of the library: its own chapter (README/index), its files and subfolders."""

    __slots__ = ("files", "folders", "index", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self.files: list[_Item] = []
        self.folders: dict[str, _Folder] = {}
        self.index: _Item | None = None


def listed_files(files: list[FoundFile], summary: Summary) -> tuple[list[FoundFile], list[Problem]]:
    """The files SUMMARY.md lists, in its order, and a problem for each listed one missing."""
    exact = {f.relpath: f for f in files}
    folded: dict[str, FoundFile] = {}
    for found in files:
        folded.setdefault(found.relpath.casefold(), found)
    listed: list[FoundFile] = []
    problems: list[Problem] = []
    for entry in summary.entries:
        found_file = exact.get(entry.relpath) or folded.get(entry.relpath.casefold())
        if found_file is None:
            message = translate(
                "Library",
                "{summary} lists this chapter, but the file is not in the library folder (or "
                "is in a folder that was skipped).",
            )
            problems.append(
                Problem(entry.relpath, "unreadable", message.format(summary=summary.relpath))
            )
        elif found_file not in listed:
            listed.append(found_file)
    return listed, problems


def assemble(
    root: Path,
    files: list[FoundFile],
    entries: dict[str, dict[str, Any]],
    summary: Summary | None,
    *,
    name: str | None = None,
    source: LibraryFiles | None = None,
) -> tuple[list[Chapter], list[Problem]]:
    """The chapters of these readable files in reading order, and the problems met.

    `name` is the library's name (its folder's, by default); `source`, where the chapters
    are read from when their paths are not files on disk (a zip pack).
    """
    problems: list[Problem] = []
    items = [_Item(found, entries[found.relpath]) for found in files]
    for item in items:
        if "problems" in item.entry:
            problems.extend(Problem(item.found.relpath, k, m) for k, m in item.entry["problems"])
    base = posixpath.dirname(summary.relpath) if summary is not None else ""
    taken: dict[str, str] = {}
    kept = []
    # Slugs the author chose (or that chapters had before folders were read) come first,
    # in path order: the first keeps it, as it always did.
    for item in sorted(items, key=lambda i: i.found.relpath):
        chosen = _chosen_slug(item)
        if chosen and chosen in taken:
            message = translate(
                "Library",
                'The slug "{slug}" is already used by {path}; give this chapter its own slug '
                "in its front matter.",
            ).format(slug=chosen, path=taken[chosen])
            problems.append(Problem(item.found.relpath, "duplicate-slug", message))
            continue
        if chosen:
            item.slug = chosen
            taken[chosen] = item.found.relpath
        kept.append(item)
    ordered = _summary_order(kept, summary) if summary is not None else _folder_order(kept)
    # Derived slugs in reading order: a folder's own chapter gets the folder's name first.
    for item in ordered:
        if not item.slug:
            item.slug = unique_slug(derive_slug(_under(item.found.relpath, base)), taken)
            taken[item.slug] = item.found.relpath
    chapters = []
    for item in ordered:
        entry = item.entry
        title = entry["title"] or item.title or entry.get("heading", "")
        if not title:
            title = title_from_name(_under(item.found.relpath, base), name or root.name)
            message = translate(
                "Library",
                'The chapter has no title and no heading; it is listed as "{title}". Start it '
                "with a `# Title` line (or add `title:` to its front matter).",
            )
            problems.append(Problem(item.found.relpath, "no-title", message.format(title=title)))
        body, found, parent = entry["body"], item.found, item.parent
        # Positional arguments: this runs once per chapter at every start.
        chapters.append(
            Chapter(
                Slug(item.slug),
                title,
                entry["abstract"],
                item.order,
                found.path,
                found.relpath,
                entry["hash"],
                (body[0], body[1]),
                None,
                Slug(parent.slug) if parent is not None else None,
                item.part,
                source,
            )
        )
    return chapters, problems


def _chosen_slug(item: _Item) -> str:
    """The front matter's slug; for a top-level file with front matter, its file name.

    Top-level chapters with front matter had their file name as slug before folders were
    read, and stored notes name them so: they keep it exactly.
    """
    if item.entry["slug"]:
        slug = str(item.entry["slug"])
        return slug if is_valid_slug(slug) else ""
    relpath = item.found.relpath
    if item.entry["fm"] and "/" not in relpath:
        stem = Path(relpath).stem
        if is_valid_slug(stem):
            return stem
    return ""


def _under(relpath: str, base: str) -> str:
    """`relpath` relative to the book's source folder `base` (when it is inside it)."""
    if base and relpath.startswith(base + "/"):
        return relpath[len(base) + 1 :]
    return relpath


def _is_folder_chapter(item: _Item) -> bool:
    name = item.found.relpath.rpartition("/")[2]
    return name.rpartition(".")[0].casefold() in FOLDER_CHAPTER_STEMS


def _folder_chapter(files: list[_Item]) -> _Item | None:
    """The folder's own chapter: index before README, `.md` before `.markdown`."""
    candidates = [item for item in files if _is_folder_chapter(item)]
    if not candidates:
        return None

    def preference(item: _Item) -> tuple[bool, bool, str]:
        name = item.found.relpath.rpartition("/")[2]
        return (not name.casefold().startswith("index"), not name.lower().endswith(".md"), name)

    return min(candidates, key=preference)


def _folder_order(items: list[_Item]) -> list[_Item]:
    """Reading order from the folders: README/index, then files, then subfolders."""
    top = _Folder("")
    for item in items:
        folder = top
        for name in item.found.relpath.split("/")[:-1]:
            folder = folder.folders.setdefault(name, _Folder(name))
        folder.files.append(item)
    ordered: list[_Item] = []
    _emit(top, None, ordered, is_top=True)
    return ordered


def _emit(folder: _Folder, parent: _Item | None, out: list[_Item], *, is_top: bool) -> None:
    """Append `folder`'s chapters depth-first, each under the nearest folder chapter."""
    folder.index = folder.index or _folder_chapter(folder.files)
    if folder.index is not None:
        folder.index.parent = parent
        out.append(folder.index)
    # The course's own README is its first page, not a heading over every chapter.
    under = folder.index if folder.index is not None and not is_top else parent
    keyed: list[tuple[tuple[int, float], int, Any, _Item | _Folder]] = []
    for item in folder.files:
        if item is not folder.index:
            name = item.found.relpath.rpartition("/")[2]
            rank = item.rank()
            # By the name without its extension: "b.md" before "bad.md".
            keyed.append((rank, 0, (_name_key(rank, name.rpartition(".")[0]), name), item))
    for name, sub in folder.folders.items():
        sub.index = _folder_chapter(sub.files)
        rank = sub.index.rank() if sub.index is not None else (1, 0.0)
        keyed.append((rank, 1, (_name_key(rank, name), name), sub))
    keyed.sort(key=lambda k: k[:3])
    for *_, thing in keyed:
        if isinstance(thing, _Folder):
            _emit(thing, under, out, is_top=False)
        else:
            thing.parent = under
            out.append(thing)


def _name_key(rank: tuple[int, float], name: str) -> Any:
    """How siblings of equal rank sort: numbers in names naturally ("2-x" before "10-x").

    Chapters with an `order` rarely tie, so they skip the costlier natural key; the two
    kinds of key are never compared, since their ranks differ.
    """
    return (name.casefold(), name) if rank[0] == 0 else natural_key(name)


def _summary_order(items: list[_Item], summary: Summary) -> list[_Item]:
    """Reading order and nesting from SUMMARY.md (`order:` first among siblings)."""
    exact = {item.found.relpath: item for item in items}
    folded = {item.found.relpath.casefold(): item for item in reversed(items)}
    placed: list[_Item | None] = []
    for position, entry in enumerate(summary.entries):
        item = exact.get(entry.relpath) or folded.get(entry.relpath.casefold())
        if item is not None and item.position == 0 and item not in placed:
            item.title, item.part, item.position = entry.title, entry.part, position + 1
            placed.append(item)
        else:
            placed.append(None)
    children: dict[int, list[_Item]] = {}
    for position, entry in enumerate(summary.entries):
        item = placed[position]
        if item is None:
            continue
        # A parent that was left out (missing, refused) hands its children to its own.
        up = entry.parent
        while up is not None and placed[up] is None:
            up = summary.entries[up].parent
        item.parent = placed[up] if up is not None else None
        children.setdefault(id(item.parent), []).append(item)
    ordered: list[_Item] = []

    def visit(parent: _Item | None) -> None:
        for child in sorted(children.get(id(parent), []), key=lambda i: (i.rank(), i.position)):
            ordered.append(child)
            visit(child)

    visit(None)
    return ordered


def guessed_order(files: list[FoundFile], summary: Summary | None) -> list[FoundFile]:
    """The reading order of `files` as if none of them had front matter.

    What a first start shows before the chapters are read: SUMMARY.md's order, or the
    folders' natural order. It is the true order unless front matter (an `order:` or a
    `slug:`) changes it, which only reading every file can tell.
    """
    blank = {"order": None}
    items = [_Item(found, blank) for found in files]
    ordered = _summary_order(items, summary) if summary is not None else _folder_order(items)
    return [item.found for item in ordered]
