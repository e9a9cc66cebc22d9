"""A chapter ready to show: rendered HTML, outline and plain text, cached by content hash."""

from __future__ import annotations

import posixpath
from collections import OrderedDict
from functools import cached_property
from pathlib import Path

from reader.core.library import Chapter
from reader.core.outline import OutlineNode, build_outline
from reader.core.render_cache import Alignment, RenderCache
from reader.core.rendered import FileTree, RenderedChapter
from reader.core.text import PlainText


class ChapterDocument:
    """Everything the reader derives from one chapter file.

    (A plain class, not a dataclass: making one of those costs every start about 1 ms.)
    """

    def __init__(self, chapter: Chapter, rendered: RenderedChapter) -> None:
        self.chapter = chapter
        self.rendered = rendered

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChapterDocument):
            return NotImplemented
        return (self.chapter, self.rendered) == (other.chapter, other.rendered)

    def __hash__(self) -> int:
        return hash((self.chapter, self.rendered))

    def __repr__(self) -> str:
        return f"ChapterDocument(chapter={self.chapter!r})"

    @cached_property
    def plain(self) -> PlainText:
        """The chapter's plain text, the coordinate space of annotations and search."""
        # Imported here: a chapter loaded from the render cache has its plain text already,
        # and a restart need not load an HTML parser.
        from reader.core.text_extract import plain_text

        return plain_text(self.rendered.html)

    @property
    def outline(self) -> list[OutlineNode]:
        """The chapter's headings as a tree."""
        return build_outline(self.rendered.headings)


class DocumentCache:
    """Keeps the last few rendered chapters in memory (and, given one, all on disk)."""

    def __init__(
        self, root: Path | FileTree, size: int = 8, disk: RenderCache | None = None
    ) -> None:
        self._root = root
        self._size = size
        self._disk = disk
        self._items: OrderedDict[str, ChapterDocument] = OrderedDict()
        self._alignments: dict[tuple[str, str], Alignment] = {}

    def get(self, chapter: Chapter) -> ChapterDocument:
        """The rendered document of `chapter`, rendering it only when not cached."""
        key = f"{chapter.slug}:{chapter.content_hash}"
        doc = self._items.get(key)
        if doc is None:
            doc = self._load(chapter)
            self._items[key] = doc
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return doc

    def _load(self, chapter: Chapter) -> ChapterDocument:
        if self._disk is None:
            return load_document(chapter, self._root)
        base = chapter_folder(chapter)
        cached = self._disk.load(chapter.content_hash, self._root, base)
        if cached is not None:
            rendered, plain = cached
            doc = ChapterDocument(chapter, rendered)
            doc.__dict__["plain"] = plain  # fills the cached_property
            return doc
        doc = load_document(chapter, self._root)
        self._disk.save(chapter.content_hash, doc.rendered, doc.plain, base)
        return doc

    def kept_alignment(self, doc: ChapterDocument, viewer: str) -> Alignment | None:
        """How `doc`'s plain text lines up with `viewer`'s text of it, if that was kept."""
        content_hash, base = doc.chapter.content_hash, chapter_folder(doc.chapter)
        kept = self._alignments.get((content_hash, base))
        if kept is None and self._disk is not None:
            kept = self._disk.load_alignment(content_hash, viewer, base)
        return kept if kept is not None and kept.viewer == viewer else None

    def keep_alignment(self, doc: ChapterDocument, alignment: Alignment) -> None:
        """Keep `alignment` of `doc` for the next time it is shown (and on disk)."""
        content_hash, base = doc.chapter.content_hash, chapter_folder(doc.chapter)
        self._alignments[(content_hash, base)] = alignment
        if self._disk is not None:
            self._disk.save_alignment(content_hash, alignment, base)


def chapter_folder(chapter: Chapter) -> str:
    """The chapter's folder relative to the library, in posix form ("" at the top)."""
    return posixpath.dirname(chapter.relpath.replace("\\", "/"))


def load_document(chapter: Chapter, root: Path | FileTree) -> ChapterDocument:
    """Render one chapter of the library at `root` (its folder, or its files), its images
    resolved from the chapter's folder."""
    # Imported here: a chapter shown from the render cache needs no parser or cleaner.
    from reader.core.render import render_markdown

    return ChapterDocument(chapter, render_markdown(chapter.body, root, chapter_folder(chapter)))
