"""Search queries: parse what a user types, fold text, find matches and cut snippets.

Whatever the user types becomes a `Query` of terms (words, "phrases" and prefix*); no
character of the input ever reaches FTS5's query syntax unquoted. Words are split the way
FTS5's unicode61 tokenizer splits them (letters and digits; everything else separates),
and matching ignores case and diacritics, as the index does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.text import OBJECT_CHAR

# Letters and digits, as unicode61 counts token characters (combining marks separate).
WORD_RE = re.compile(r"[^\W_]+")
_SEGMENT_RE = re.compile(r'"([^"]*)("?)(\*?)|([^\s"]+)')
# Beyond these, more terms only make queries slower without making them more precise.
MAX_TERMS = 16
MAX_WORD_CHARS = 64
# Marks around matched words inside snippets: control characters that never occur in
# chapter text (indexing strips them), so text like «guillemets» stays unambiguous.
MATCH_START = "\x02"
MATCH_END = "\x03"
_MARKERS_RE = re.compile("[\x02\x03]")
_SNIPPET_SPACE_RE = re.compile(r"\s+")

Span = tuple[int, int]


@dataclass(frozen=True)
class Term:
    """One thing that must match: a word, or several words in a row; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self) -> str:
        """This term as an FTS5 string: quoted, so nothing in it is query syntax."""
        quoted = " ".join(self.words).replace('"', '""')
        return f'"{quoted}"' + ("*" if self.prefix else "")

    def folded(self) -> tuple[str, ...]:
        """The words folded for substring matching (no case, no diacritics)."""
        return tuple(fold(word) for word in self.words)


@dataclass(frozen=True)
class Query:
    """A parsed query: every term must match somewhere in the same entry."""

    terms: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        """Whether there is nothing to search for."""
        return not self.terms

    def fts5(self) -> str:
        """The FTS5 MATCH expression (empty when the query is empty)."""
        return " AND ".join(term.fts5() for term in self.terms)


def parse_query(text: str) -> Query:
    """Parse user input: plain words (all must match), "exact phrases" and prefix*."""
    text = unicodedata.normalize("NFC", text)
    terms: list[Term] = []
    for match in _SEGMENT_RE.finditer(text):
        phrase, _closed, star, chunk = match.groups()
        if chunk is not None:
            # A chunk with inner punctuation ("e-mail", "don't") is a phrase, as in FTS5.
            words = _words(chunk)
            prefix = chunk.endswith("*")
        else:
            # An unbalanced quote runs to the end of the input: still a phrase, never an error.
            words = _words(phrase)
            prefix = bool(star)
        if words:
            term = Term(tuple(words), prefix)
            if term not in terms:
                terms.append(term)
        if len(terms) >= MAX_TERMS:
            break
    return Query(tuple(terms))


def _words(text: str) -> list[str]:
    return [word[:MAX_WORD_CHARS] for word in WORD_RE.findall(text)]


# -- folding -------------------------------------------------------------------------------

_FOLD_CACHE: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _FOLD_CACHE.get(char)
    if folded is None:
        # Case first: casefolding can itself produce combining marks ("İ" -> "i̇").
        decomposed = unicodedata.normalize("NFD", char.casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        # Keep the text's shape: a character that folds to nothing stays itself.
        folded = folded or char
        _FOLD_CACHE[char] = folded
    return folded


def fold(text: str) -> str:
    """`text` without case or diacritics ("Café" -> "cafe")."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, when lengths differ, the source index of each folded character."""
    if text.isascii():
        return text.lower(), None
    parts: list[str] = []
    sources: list[int] = []
    same_length = True
    for index, char in enumerate(text):
        folded = _fold_char(char) if ord(char) > 127 else char.lower()
        parts.append(folded)
        if len(folded) != 1:
            same_length = False
        sources.extend([index] * len(folded))
    return "".join(parts), (None if same_length else sources)


def _source_span(start: int, end: int, sources: list[int] | None, length: int) -> Span:
    if sources is None:
        return start, end
    source_end = sources[end] if end < len(sources) else length
    return sources[start], source_end


# -- matching ------------------------------------------------------------------------------


def _term_pattern(term: Term) -> str:
    words = [re.escape(word) for word in term.folded()]
    body = r"[\W_]+".join(words)
    # A prefix marks the whole word it starts ("secur*" marks "security").
    tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
    return rf"(?<![^\W_]){body}{tail}"


def find_query(text: str, query: Query) -> list[Span]:
    """Where the terms of `query` occur in `text`, as whole words, ignoring case and accents."""
    if query.empty:
        return []
    pattern = re.compile("|".join(f"(?:{_term_pattern(t)})" for t in query.terms))
    folded, sources = fold_with_map(text)
    return [
        _source_span(m.start(), m.end(), sources, len(text))
        for m in pattern.finditer(folded)
        if m.end() > m.start()
    ]


class FoldedText:
    """A text folded once, to find many needles in it (the find bar searches as one types)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded, self._sources = fold_with_map(text)

    def find(self, needle: str, *, case_sensitive: bool = False) -> list[Span]:
        """Every occurrence of `needle` (not overlapping); by default ignoring case and accents."""
        if not needle:
            return []
        if case_sensitive:
            haystack, sources, target = self.text, None, needle
        else:
            haystack, sources, target = self._folded, self._sources, fold(needle)
        spans: list[Span] = []
        start = haystack.find(target)
        while start >= 0:
            end = start + len(target)
            spans.append(_source_span(start, end, sources, len(self.text)))
            start = haystack.find(target, end)
        return spans


def find_text(text: str, needle: str, *, case_sensitive: bool = False) -> list[Span]:
    """Every occurrence of `needle` in `text` (not overlapping); by default ignoring case."""
    return FoldedText(text).find(needle, case_sensitive=case_sensitive)


# -- snippets ------------------------------------------------------------------------------


def strip_markers(text: str) -> str:
    """`text` without the snippet match marks (indexed text must never contain them)."""
    return _MARKERS_RE.sub("", text)


def make_snippet(text: str, spans: Sequence[Span], words: int = 14) -> str:
    """About `words` words of `text` around its first match, matches between marks."""
    text = strip_markers(text)
    tokens = [m.span() for m in WORD_RE.finditer(text)]
    if not tokens:
        return text[:120]
    first = spans[0][0] if spans else 0
    at = next((i for i, (s, e) in enumerate(tokens) if e > first), 0)
    lo = max(0, at - words // 3)
    hi = min(len(tokens), lo + words)
    lo = max(0, hi - words)
    start = 0 if lo == 0 else tokens[lo][0]
    end = len(text) if hi == len(tokens) else tokens[hi - 1][1]
    out: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e or s < cursor:
            continue
        out += [text[cursor:s], MATCH_START, text[s:e], MATCH_END]
        cursor = e
    out += [text[cursor:end], "…" if end < len(text) else ""]
    return " ".join("".join(out).split())


def snippet_segments(snippet: str) -> tuple[tuple[str, bool], ...]:
    """Split a marked snippet into (text, matched) pieces, on one line, without image marks."""
    pieces: list[tuple[str, bool]] = []
    matched = False
    snippet = _SNIPPET_SPACE_RE.sub(" ", snippet.replace(OBJECT_CHAR, " ")).strip()
    for part in re.split("([\x02\x03])", snippet):
        if part == MATCH_START:
            matched = True
        elif part == MATCH_END:
            matched = False
        elif part:
            pieces.append((part, matched))
    return tuple(pieces)


def mark_segments(segments: Iterable[tuple[str, bool]], start: str = "«", end: str = "»") -> str:
    """Join snippet pieces, putting `start` and `end` around the matched ones."""
    return "".join(f"{start}{text}{end}" if matched else text for text, matched in segments)
