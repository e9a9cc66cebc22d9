"""`field-reader check`: find what a course author must fix before shipping a pack."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from pathlib import Path
from typing import Any

from reader.core.image_size import MAX_PIXELS, ImageSize
from reader.core.library import Chapter, Library, Problem
from reader.core.library_files import LibraryFiles, figure_size
from reader.core.links import LinkTarget, classify_link
from reader.core.render import render_markdown
from reader.core.rendered import FigureFiles, RenderedChapter
from reader.core.search_parts import BIG_CHAPTER_CHARS, PART_CHARS
from reader.core.text_extract import plain_text

_MAX_INDEXED_FILES = 50_000


def _file_index(files: LibraryFiles) -> dict[str, list[str]]:
    """Every file of the library by lower-case name, as library-relative posix paths."""
    index: dict[str, list[str]] = defaultdict(list)
    for relpath in files.names(_MAX_INDEXED_FILES):
        index[relpath.rsplit("/", 1)[-1].lower()].append(relpath)
    return index


_GENERIC_NAMES = frozenset({"readme.md", "index.md", "index.html", "index.htm"})


def _hint(path: str, files: dict[str, list[str]]) -> str:
    """' A file of that name is at …' naming where the target probably is, or ''.

    A README or index is named by its folder too ("ar/README.md"): a course has one in
    every folder, and any of them would be a useless guess.
    """
    parts = [p for p in path.lower().rstrip("/").split("/") if p not in ("", ".", "..")]
    if not parts:
        return ""
    name = parts[-1]
    stem, ext = posixpath.splitext(name)
    names = [name] + ([stem + ".md"] if ext in (".html", ".htm") else [])
    tail = "/".join(parts[-2:]) if name in _GENERIC_NAMES and len(parts) > 1 else ""
    if name in _GENERIC_NAMES and not tail:
        return ""
    found = [
        f
        for n in names
        for f in files.get(n, [])
        if f != path and (not tail or f.lower().endswith("/" + tail) or f.lower() == tail)
    ]
    if not found:
        return ""
    shown = ", ".join(found[:3]) + (" …" if len(found) > 3 else "")
    return f" A file of that name is at {shown}."


def _is_web(src: str) -> bool:
    return src.strip().lower().startswith(("http://", "https://", "//"))


class _Checker:
    """Renders every chapter once and collects the problems an author should fix."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.problems: list[Problem] = list(library.problems)
        self._rendered: dict[str, RenderedChapter] = {}
        self._files: dict[str, list[str]] | None = None
        self._sizes: dict[Path, ImageSize | None] = {}
        self._body_chars: dict[str, int] = {}

    def files(self) -> dict[str, list[str]]:
        if self._files is None:
            self._files = _file_index(self.library.files)
        return self._files

    def rendered(self, chapter: Chapter) -> RenderedChapter:
        done = self._rendered.get(chapter.slug)
        if done is None:
            base = posixpath.dirname(chapter.relpath)
            body = chapter.body
            self._body_chars[chapter.slug] = len(body)
            done = self._rendered[chapter.slug] = render_markdown(body, self.library.files, base)
        return done

    def chapter_report(self, chapter: Chapter) -> dict[str, Any]:
        rendered = self.rendered(chapter)
        images = []
        for ref in rendered.images:
            images.append({"src": ref.src, "found": ref.status == "found"})
            if ref.status == "found" and ref.path is not None:
                self.check_image_size(chapter, ref.src, ref.path, ref.files)
            elif ref.status == "missing":
                shown = self._shown(ref.path)
                self.add(
                    chapter,
                    "missing-image",
                    f'The image "{ref.src}" is not in the library folder.'
                    + _hint(shown or ref.src, self.files()),
                )
            elif ref.status == "unsafe" and _is_web(ref.src):
                self.add(
                    chapter,
                    "remote-image",
                    f'The image "{ref.src}" is on the web; Field Reader never uses the '
                    "network, so readers see a card naming it. Copy the image into the "
                    "library and link it by its path to show it.",
                )
            elif ref.status == "unsafe":
                self.add(
                    chapter,
                    "unsafe-path",
                    f'The image "{ref.src}" points outside the library folder '
                    "(or is a URL or an absolute path) and will not be shown."
                    + _hint(ref.src.replace("\\", "/"), self.files()),
                )
        for kind, message in rendered.issues:
            self.add(chapter, kind, message)
        self.check_size(chapter, rendered)
        if not chapter.title.strip():
            self.add(chapter, "no-title", "The chapter has no title and no heading.")
        for href in dict.fromkeys(rendered.links):
            self.check_link(chapter, href)
        return {
            "slug": chapter.slug,
            "title": chapter.title,
            "path": chapter.relpath,
            "parent": chapter.parent,
            "outline": [
                {"level": h.level, "title": h.title, "id": h.id} for h in rendered.headings
            ],
            "images": images,
        }

    def check_image_size(
        self, chapter: Chapter, src: str, path: Path, files: FigureFiles | None
    ) -> None:
        """Report a figure the viewer refuses to decode for its declared size."""
        if path not in self._sizes:
            self._sizes[path] = figure_size(path, files)
        size = self._sizes[path]
        if size is not None and size.too_large:
            self.add(
                chapter,
                "image-too-large",
                f'The image "{src}" is {size.width:,} x {size.height:,} pixels '
                f"({size.pixels / 1e6:,.0f} megapixels); figures over "
                f"{MAX_PIXELS // 1_000_000} megapixels are not shown (readers see a card "
                "naming it). Save it smaller: a reading column needs about 2,000 pixels across.",
            )

    def check_size(self, chapter: Chapter, rendered: RenderedChapter) -> None:
        """Mention a chapter whose plain text is long enough to be slow to open and index."""
        # Plain text is shorter than its Markdown but for rare expansions: the text of
        # a chapter under half the limit is not worth extracting just to measure it.
        if self._body_chars.get(chapter.slug, 0) <= BIG_CHAPTER_CHARS // 2:
            return
        length = len(plain_text(rendered.html).text)
        if length > BIG_CHAPTER_CHARS:
            self.add(
                chapter,
                "big-chapter",
                f"The chapter's text is {length / 1e6:.1f} million characters long; it "
                "takes seconds to open and to index, and search finds it in parts of "
                f"{PART_CHARS:,} characters. Splitting it into several chapters makes it "
                "quicker to open.",
            )

    def _shown(self, path: Path | None) -> str | None:
        if path is None:
            return None
        return self.library.files.relpath_of(path)

    def add(self, chapter: Chapter, kind: str, message: str) -> None:
        self.problems.append(Problem(chapter.relpath, kind, message))  # type: ignore[arg-type]

    def check_link(self, chapter: Chapter, href: str) -> None:
        target: LinkTarget = classify_link(href, chapter.slug, self.library)
        if target.kind in ("missing", "outside"):
            self.add(
                chapter,
                "dead-link",
                f'The link "{href}" leads nowhere: {target.reason}'
                + _hint(target.path or href, self.files()),
            )
        elif target.kind in ("anchor", "chapter") and target.anchor and target.slug:
            linked = self.library.by_slug(target.slug)
            if linked is None:
                return
            ids = {h.id for h in self.rendered(linked).headings}
            if target.anchor not in ids and target.anchor.lower() not in ids:
                where = "this chapter" if linked.slug == chapter.slug else linked.relpath
                self.add(
                    chapter,
                    "dead-link",
                    f'The link "{href}" leads to a section "#{target.anchor}" '
                    f"that {where} does not have.",
                )


def check_library(root: Path) -> dict[str, Any]:
    """Everything `check --json` reports about the library (folder or zip pack) at `root`.

    A pack that cannot be opened at all is reported as one problem.
    """
    from reader.core.pack import PackError, load_pack, no_chapters_message

    try:
        library = load_pack(root)
    except PackError as error:
        problem = Problem(".", "unreadable", error.message)
        return {"chapters": [], "problems": [problem._asdict()], "skipped": []}
    try:
        report = library_report(library)
    finally:
        library.files.close()
    if not library.chapters:
        # Nothing would open: say so first (the skipped files, if any, say why).
        empty = Problem(".", "unreadable", no_chapters_message(root))
        report["problems"].insert(0, empty._asdict())
    return report


def library_report(library: Library) -> dict[str, Any]:
    """Everything `check --json` reports about `library`."""
    checker = _Checker(library)
    chapters = [checker.chapter_report(chapter) for chapter in library.chapters]
    return {
        "chapters": chapters,
        "problems": [p._asdict() for p in checker.problems],
        "skipped": [p._asdict() for p in library.skipped],
    }


def format_report(report: dict[str, Any], root: Path) -> str:
    """A readable summary of a `check_library` report."""
    lines = [f"Library: {root}"]
    depth: dict[str, int] = {}
    for chapter in report["chapters"]:
        level = depth[chapter["slug"]] = depth.get(chapter.get("parent") or "", -1) + 1
        found = sum(1 for image in chapter["images"] if image["found"])
        lines.append(
            f'  {"  " * level}{chapter["path"]}: "{chapter["title"]}" ({chapter["slug"]}), '
            f"{len(chapter['outline'])} headings, {found}/{len(chapter['images'])} images found"
        )
    skipped = report.get("skipped", [])
    if skipped:
        lines.append(f"{len(skipped)} skipped:")
        lines.extend(f"  {s['path']}: {s['message']}" for s in skipped)
    problems = report["problems"]
    if problems:
        lines.append(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}:")
        lines.extend(f"  {p['path']} [{p['kind']}] {p['message']}" for p in problems)
    else:
        lines.append("No problems found.")
    return "\n".join(lines)
