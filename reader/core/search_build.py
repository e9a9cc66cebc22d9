"""Turning chapters into the sections the search index stores, on every core when it pays.

Rendering a chapter's Markdown to its plain text is nearly all of an index build (about 6 ms
of Python per 12 KB chapter; the FTS5 inserts take under 1 ms). A build of many chapters
of a library folder therefore renders them in worker processes (Python threads would share
one core), while the calling thread writes what comes back. A few chapters, a zip pack or
a pool that cannot start are rendered in this process. The frozen build's entry point
calls `multiprocessing.freeze_support()` so that its worker processes start.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.document import chapter_folder, load_document
from reader.core.library import Chapter, ChapterChangedError, Library
from reader.core.library_files import FolderFiles
from reader.core.render_cache import RenderCache
from reader.core.rendered import FileTree
from reader.core.search_parts import plain_sections
from reader.core.search_types import Section

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

# Fewer changed chapters than this are rendered here: starting the workers (each imports
# the Markdown parser and the cleaner) costs about a second.
POOL_MIN_CHAPTERS = 200
# Chapters sent to a worker at once, and chunks waiting per worker.
_CHUNK = 16
_AHEAD = 3

Rendered = tuple[Chapter, list[Section] | None]
"""A chapter and its sections; None when the file changed while it was read."""


def chapter_sections(chapter: Chapter, root: Path | FileTree) -> list[Section]:
    """The sections of a chapter's plain text, with their heading ids and titles; a long
    section comes as several parts (see reader/core/search_parts.py)."""
    doc = load_document(chapter, root)
    titles = {heading.id: heading.title for heading in doc.rendered.headings}
    return plain_sections(doc.plain, titles)


def _sections_or_none(
    chapter: Chapter, root: Path | FileTree, cache: RenderCache | None
) -> list[Section] | None:
    try:
        if cache is not None:
            # A chapter the reader has shown is in the render cache: its plain text is
            # read from there (the same text; about 30 times cheaper than rendering).
            cached = cache.load(chapter.content_hash, root, chapter_folder(chapter))
            if cached is not None:
                rendered, plain = cached
                return plain_sections(plain, {h.id: h.title for h in rendered.headings})
        return chapter_sections(chapter, root)
    except ChapterChangedError as error:
        # Edited while the reader runs: it is indexed at the next start.
        log.info("Search index: skipped %s", error)
        return None


def _render_chunk(
    root: str, chapters: list[Chapter], cache: Path | None
) -> list[list[Section] | None]:
    """In a worker process: the sections of each chapter of the folder `root`."""
    files = FolderFiles(Path(root))
    renderings = _reader(cache)
    return [_sections_or_none(chapter, files, renderings) for chapter in chapters]


def _reader(folder: Path | None) -> RenderCache | None:
    # Read only: indexing does not count as showing a chapter (unused entries are pruned).
    return None if folder is None else RenderCache(folder, writable=False)


def _lower_priority() -> None:
    # The workers yield to the window: typing and scrolling stay smooth during a build.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(5)


def pool_size(library: Library, count: int, workers: int | None) -> int:
    """How many worker processes render `count` chapters of `library` (0: none).

    `workers` None chooses: one per core (at most four) for a big build of a folder.
    """
    if library.source is not None:
        return 0  # a zip pack's open archive cannot be handed to another process
    if workers is None:
        cores = os.cpu_count() or 1
        return min(cores, 4) if cores > 1 and count >= POOL_MIN_CHAPTERS else 0
    return max(0, workers)


def render_sections(
    library: Library,
    chapters: Sequence[Chapter],
    should_stop: Callable[[], bool],
    workers: int | None = None,
    render_cache: Path | None = None,
) -> Iterator[Rendered]:
    """Each chapter of `chapters` (in order) with its sections, until `should_stop`;
    chapters found in the render cache folder `render_cache` are not rendered again."""
    size = pool_size(library, len(chapters), workers)
    done = 0
    if size:
        # Imported here: multiprocessing is loaded only for a big build.
        from concurrent.futures.process import BrokenProcessPool

        try:
            for rendered in _pooled(library, chapters, should_stop, size, render_cache):
                yield rendered
                done += 1
            return
        except (BrokenProcessPool, OSError) as error:
            # The rest is rendered here instead: slower, but the index still gets built.
            log.warning("Search index: worker processes failed (%s); indexing here.", error)
    renderings = _reader(render_cache)
    for chapter in chapters[done:]:
        if should_stop():
            return
        yield chapter, _sections_or_none(chapter, library.files, renderings)


def _pooled(
    library: Library,
    chapters: Sequence[Chapter],
    should_stop: Callable[[], bool],
    size: int,
    render_cache: Path | None,
) -> Iterator[Rendered]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": forking a process that runs Qt threads is unsafe; spawn also works frozen.
    context = multiprocessing.get_context("spawn")
    root = str(library.root)
    chunks = [list(chapters[i : i + _CHUNK]) for i in range(0, len(chapters), _CHUNK)]
    waiting: deque[tuple[list[Chapter], Future[list[list[Section] | None]]]] = deque()
    with ProcessPoolExecutor(size, mp_context=context, initializer=_lower_priority) as pool:
        try:
            queued = 0
            while queued < len(chunks) or waiting:
                while queued < len(chunks) and len(waiting) < size * _AHEAD:
                    chunk = chunks[queued]
                    waiting.append((chunk, pool.submit(_render_chunk, root, chunk, render_cache)))
                    queued += 1
                chunk, future = waiting.popleft()
                results = future.result()
                yield from zip(chunk, results, strict=True)
                if should_stop():
                    return
        finally:
            for _, future in waiting:
                future.cancel()
