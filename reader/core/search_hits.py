"""The two ways the search index answers a query: FTS5 ranking, or plain matching without it."""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.core.search_query import (
    MATCH_END,
    MATCH_START,
    Query,
    find_query,
    make_snippet,
    snippet_segments,
)
from reader.core.search_types import HitKind, SearchHit, Segments

SNIPPET_WORDS = 14

_HIT_COLUMNS = "e.kind, e.chapter, c.title, e.heading, e.heading_title, e.note_id"


def fts5_hits(conn: sqlite3.Connection, query: Query, limit: int, fetch: int) -> list[SearchHit]:
    """The best `limit` of the first `fetch` FTS5 matches, ranked, with snippets."""
    # The inner query lets FTS5 sort by rank and cut at the limit before any snippet
    # is made; the joins run on those few rows only.
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS}, m.body, m.quote, m.full_quote, e.start, e.stop FROM ("
        "  SELECT rowid AS id, rank, quote AS full_quote,"
        f"   snippet(texts, 1, '{MATCH_START}', '{MATCH_END}', '…', {SNIPPET_WORDS}) AS body,"
        f"   snippet(texts, 2, '{MATCH_START}', '{MATCH_END}', '…', {SNIPPET_WORDS}) AS quote"
        "  FROM texts WHERE texts MATCH :query ORDER BY rank LIMIT :fetch"
        ") AS m JOIN entries AS e ON e.id = m.id JOIN chapters AS c ON c.slug = e.chapter "
        "ORDER BY m.rank LIMIT :limit",
        {"query": query.fts5(), "fetch": fetch, "limit": limit},
    ).fetchall()
    return [_hit(row, snippet_segments(row[6]), snippet_segments(row[7]), row[8]) for row in rows]


def plain_hits(conn: sqlite3.Connection, query: Query, limit: int) -> list[SearchHit]:
    """The best `limit` matches of the plain-text fallback (no FTS5), with snippets."""
    needles = [" " + " ".join(term.folded()) + ("" if term.prefix else " ") for term in query.terms]
    where = " AND ".join("instr(t.folded, ?) > 0" for _ in needles)
    score = " + ".join("(length(t.folded) - length(replace(t.folded, ?, ''))) / ?" for _ in needles)
    params: list[object] = [value for n in needles for value in (n, len(n))]
    params += needles
    rows = conn.execute(
        f"SELECT {_HIT_COLUMNS}, t.body, t.quote, {score} AS score, e.start, e.stop "
        "FROM texts AS t "
        f"JOIN entries AS e ON e.id = t.id JOIN chapters AS c ON c.slug = e.chapter "
        f"WHERE {where} ORDER BY score DESC, e.id LIMIT ?",
        [*params, limit],
    ).fetchall()

    def excerpt(text: str) -> Segments:
        if not text:
            return ()
        return snippet_segments(make_snippet(text, find_query(text, query), SNIPPET_WORDS))

    return [_hit(row, excerpt(row[6]), excerpt(row[7]), row[7]) for row in rows]


def _hit(row: tuple[Any, ...], body: Segments, quote: Segments, full_quote: str) -> SearchHit:
    kind: HitKind = "note" if row[0] == "note" else "text"
    # The last two columns of both queries: the plain-text range of the row (text only).
    start, end = row[-2:] if kind == "text" else (None, None)
    segments = body
    if kind == "note" and quote:
        segments = (*body, (" — on “" if body else "“", False), *quote, ("”", False))
    return SearchHit(
        chapter=row[1],
        chapter_title=row[2],
        heading=row[3],
        heading_title=row[4] or "",
        kind=kind,
        segments=segments,
        note_id=row[5],
        quote=full_quote if kind == "note" else "",
        start=start,
        end=end,
    )
