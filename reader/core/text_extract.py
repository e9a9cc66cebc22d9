"""The plain text's extraction from rendered chapter HTML (see reader/core/text.py).

Apart from the text's types so that a restart, which reads the plain text from the render
cache, imports no HTML parser. The builder keeps flat state (no recursion), so nesting
depth never matters.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from reader.core.text import OBJECT_CHAR, OPEN_ARROW, Fold, PlainText, SectionStart

_BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "div",
        "center",
        "blockquote",
        "pre",
        "dt",
        "dd",
        "ul",
        "ol",
        "dl",
        "hr",
        "table",
        "tr",
    ]
)
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_CELL_TAGS = frozenset({"td", "th"})
# Runs of white space other than a single space (a lone space stays as it is): replacing
# only these gives the same text as replacing every run, without a match per word.
_SPACE_RE = re.compile(r"[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+")
# Inline tags carry no structure for the plain text: removed by one regular expression pass
# before parsing, they cost nothing per tag (code colouring writes thousands of spans).
_INLINE_TAG_RE = re.compile(
    r"</?(?:span|em|strong|code|b|i|u|s|del|ins|mark|small|big|sup|sub|kbd|samp|var|cite|abbr"
    r"|q|tt|strike)(?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>",
    re.IGNORECASE,
)
# A tag of the cleaned HTML (lower-case name, attribute values double-quoted). HTML made
# only of such tags and text is read by one regular expression pass (`_feed_fast`): about
# five times faster than HTMLParser, and it calls the builder with the same arguments.
_CLEAN_TAG_RE = re.compile(
    r'<(/?)([a-z][a-z0-9]*)((?:[ \t\n]+[^\s"\'<>/=]+(?:="[^"<]*")?)*)[ \t\n]*(/?)>'
)
# Elements whose content HTMLParser reads as raw text (the cleaned HTML has none).
_RAW_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext"})
_CLEAN_ATTR_RE = re.compile(r'([^\s"\'<>/=]+)(?:="([^"]*)")?')


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.sections: list[tuple[int, str]] = []  # (line index, heading id)
        self._current: list[str] = []
        self._pre = 0
        self._table_depth = 0
        self._pending_heading: str | None = None
        self._cells: list[int] = []  # line count when each open cell began
        # Fold N is the N-th "details:" link; its body is the rest of the details box whose
        # title it is (a link outside such a box folds nothing).
        self._pending_summary = -1  # the fold whose summary line comes next
        self.summary_lines: list[int] = []  # per fold: the line of its summary
        self._tables: list[list[int]] = []  # per open table: [its fold] if a details box
        self.fold_ends: dict[int, int] = {}  # fold index -> line index after its body
        self.code_lines: list[tuple[int, int]] = []  # (first line, line after last)

    def _flush(self, force: bool = False) -> None:
        text = "".join(self._current)
        if not self._pre:
            # Non-breaking spaces survive collapsing (as in HTML) and read as plain spaces.
            text = _SPACE_RE.sub(" ", text).strip(" ").replace("\xa0", " ")
        if text or force:
            if self._pending_summary >= 0:
                self.summary_lines[self._pending_summary] = len(self.lines)
                self._pending_summary = -1
            if self._pending_heading is not None:
                self.sections.append((len(self.lines), self._pending_heading))
                self._pending_heading = None
            self.lines.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self._current.append(OBJECT_CHAR)
        elif tag == "br":
            self._flush(force=True)
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("details:"):
                self._flush()
                fold = len(self.summary_lines)
                self.summary_lines.append(len(self.lines))
                self._pending_summary = fold
                box = self._tables[-1] if self._tables else []
                if box and box[0] < 0:
                    box[0] = fold
        elif tag in _CELL_TAGS:
            self._flush()
            self._cells.append(len(self.lines))
        elif tag == "table":
            self._flush()
            self._table_depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if "box-details" in classes:
                self._tables.append([-1])
            else:
                self._tables.append([])
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre":
                self._pre += 1
            if tag in _HEADING_TAGS:
                self._pending_heading = dict(attrs).get("id") or ""
            if tag == "hr":
                self._flush(force=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _CELL_TAGS:
            # An empty cell is still one (empty) line; a cell of paragraphs has its lines.
            began = self._cells.pop() if self._cells else -1
            self._flush(force=len(self.lines) == began)
        elif tag == "table":
            self._flush()
            self._table_depth -= 1
            box = self._tables.pop() if self._tables else []
            if box and box[0] >= 0:
                self.fold_ends[box[0]] = len(self.lines)
            # Qt closes a table with an end-of-frame character, which reads as an empty line.
            self.lines.append("")
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                first = len(self.lines)
                for line in "".join(self._current).split("\n"):
                    self._current = [line]
                    self._flush(force=True)
                self._current = []
                self._pre = max(0, self._pre - 1)
                self.code_lines.append((first, len(self.lines)))
            else:
                self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _feed_fast(builder: _TextBuilder, html: str) -> bool:
    """Feed `html` to `builder` as HTMLParser would, if it is made only of clean tags and
    text; False (nothing fed) when it holds anything else (comments, odd quoting, ...)."""
    matches = list(_CLEAN_TAG_RE.finditer(html))
    if html.count("<") != len(matches) or any(m.group(2) in _RAW_TAGS for m in matches):
        return False
    pos = 0
    for match in matches:
        start = match.start()
        if start > pos:
            data = html[pos:start]
            builder.handle_data(unescape(data) if "&" in data else data)
        pos = match.end()
        closing, tag, attributes, _ = match.groups()
        if closing:
            builder.handle_endtag(tag)
            continue
        attrs: list[tuple[str, str | None]] = []
        if attributes:
            for attribute in _CLEAN_ATTR_RE.finditer(attributes):
                name, value = attribute.group(1, 2)
                attrs.append((name.lower(), None if value is None else unescape(value)))
        builder.handle_starttag(tag, attrs)
    if pos < len(html):
        data = html[pos:]
        builder.handle_data(unescape(data) if "&" in data else data)
    return True


def plain_text(html: str) -> PlainText:
    """The plain text of rendered chapter HTML (see reader/core/text.py)."""
    builder = _TextBuilder()
    stripped = _INLINE_TAG_RE.sub("", html)
    if not _feed_fast(builder, stripped):
        builder.feed(stripped)
    builder.close()
    offsets: list[int] = []
    total = 0
    for line in builder.lines:
        offsets.append(total)
        total += len(line) + 1
    offsets.append(total)  # one past the end, as if a line followed
    lines = builder.lines
    sections = tuple(SectionStart(offsets[index], hid) for index, hid in builder.sections)
    folds = []
    length = max(total - 1, 0)  # the joined text has no newline after its last line
    for index, summary in enumerate(builder.summary_lines):
        # A link outside a details box (only hostile HTML puts one there) folds nothing.
        body_end = builder.fold_ends.get(index, -1)
        summary = min(summary, len(lines) - 1) if lines else 0
        start = offsets[summary + 1] if lines else 0
        end = max(start, offsets[body_end] - 1) if body_end > summary + 1 else start
        is_open = bool(lines) and lines[summary].startswith(OPEN_ARROW)
        marker = offsets[summary]
        folds.append(Fold(min(marker, length), min(start, length), min(end, length), is_open))
    code = tuple(
        (offsets[first], offsets[last - 1] + len(lines[last - 1]))
        for first, last in builder.code_lines
        if last > first
    )
    return PlainText("\n".join(lines), sections, tuple(folds), code)
