"""The `search` command: find words across every chapter and note, from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from reader.cli import UsageError, add_common_options, content_library, data_dir
from reader.command_library import library_info
from reader.core.data_folder import NOTES_FILE
from reader.core.search import DEFAULT_LIMIT, SearchIndex
from reader.core.search_types import SearchHit, SearchIndexError
from reader.storage.annotations import existing_notes
from reader.storage.db import StorageError

MAX_LIMIT = 10_000

DESCRIPTION = """\
Search every chapter and note of the library. Plain words must all match; "quoted words"
match as a phrase; word* matches words starting with "word". Case and accents are
ignored. The search index is kept (and brought up to date) in the data folder's cache.
Exit status 0 with or without results."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `search` command."""
    parser = subparsers.add_parser(
        "search",
        help="search the chapters and notes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    add_common_options(parser, suppress=True)
    parser.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"show at most N results (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print one JSON array of {"chapter", "heading", "kind", "snippet"}, best first',
    )
    parser.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    """Bring the index up to date with the library and the notes, then print the results."""
    if not 1 <= args.limit <= MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}.")
    library = content_library(args)
    data = data_dir(args)
    with ExitStack() as stack:
        try:
            index = stack.enter_context(SearchIndex.for_data_dir(data))
        except SearchIndexError as error:
            # The index is only a cache: search from a temporary one rather than fail.
            print(f"field-reader: {error} Searching without it.", file=sys.stderr)
            temporary = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            index = stack.enter_context(SearchIndex.for_data_dir(temporary))
        notice = index.take_fallback_notice()
        if notice:
            print(f"field-reader: {notice}", file=sys.stderr)
        index.sync(library)
        _index_notes(index, data, library_info(library).id)
        hits = index.search(" ".join(args.query), limit=args.limit)
    if args.json:
        print(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))
    else:
        print(format_hits(hits))
    return 0


def _index_notes(index: SearchIndex, data: Path, library_id: str) -> None:
    """Index the library's notes in the data folder, when the notes store exists."""
    try:
        # No notes file yet: none is created just to search.
        # Only the notes of the library searched: another library's are not in its chapters.
        annotations = existing_notes(data / NOTES_FILE, library=library_id)
    except StorageError as error:
        print(f"field-reader: notes are not searched: {error}", file=sys.stderr)
        return
    index.replace_notes(index.note_entries(annotations))


def format_hits(hits: list[SearchHit]) -> str:
    """Results for people: where each one is, then its snippet with matches in «»."""
    if not hits:
        return "No results."
    blocks: list[str] = []
    for hit in hits:
        place = hit.chapter_title + (f" › {hit.heading_title}" if hit.heading_title else "")
        anchor = f"{hit.chapter}#{hit.heading}" if hit.heading else hit.chapter
        label = "Note in " if hit.kind == "note" else ""
        blocks.append(f"{label}{place}  [{anchor}]\n    {hit.snippet()}")
    count = len(hits)
    blocks.append(f"{count} result{'s' if count != 1 else ''}.")
    return "\n\n".join(blocks)
