"""The Markdown parser (markdown-it-py with GitHub-like extensions) and its HTML rendering rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from reader.core.code_highlight import fence_language, highlight
from reader.core.markdown_attrs import attribute_lists_rule
from reader.core.markdown_blocks import (
    ALERT_LABELS,
    FOLDED_KINDS,
    alerts_rule,
    fenced_div_rule,
    fold_titles_rule,
    limit_block_nesting,
    linkify_rule,
    tasks_rule,
)
from reader.core.markdown_math import tex_to_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Block nesting kept by the parser (a list level counts two); deeper blocks become paragraphs.
BLOCK_NESTING_LIMIT = 100
# Colour of the box each fenced-div kind is drawn in (the alert colours of chapter.css).
_DIV_COLOURS = {
    "callout": "note",
    "note": "note",
    "prereq": "note",
    "questions": "note",
    "testimonial": "note",
    "discussion": "note",
    "objectives": "tip",
    "keypoints": "tip",
    "checklist": "tip",
    "tip": "tip",
    "challenge": "important",
    "important": "important",
    "instructor": "warning",
    "warning": "warning",
    "caution": "caution",
}
_DIV_LABELS = {"keypoints": "Key points", "prereq": "Prerequisites"}
BOX_CLASSES = frozenset(f"box-{colour}" for colour in (*ALERT_LABELS, "details")) | {"box"}
TITLE_CLASSES = frozenset(f"box-title-{colour}" for colour in ALERT_LABELS) | {"box-title"}
_BOX_TABLE = '<table class="box box-{colour}" width="100%" cellspacing="0" cellpadding="10">'
_parser: MarkdownIt | None = None


def parser() -> MarkdownIt:
    """The shared parser, built on first use (building it costs a few milliseconds)."""
    global _parser
    if _parser is None:
        _parser = _build()
    return _parser


def _build() -> MarkdownIt:
    # Imported here, not at module level: a chapter read from the render cache is shown
    # without loading the parser at all.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 2 * BLOCK_NESTING_LIMIT})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin).use(tasklists_plugin)
    # No digits or spaces next to the dollars: "costs $5 and $10" stays prose.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.block.ruler.before(
        "fence",
        "fenced_div",
        fenced_div_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.core.ruler.after("block", "alerts", alerts_rule)
    md.core.ruler.after("inline", "fold_titles", fold_titles_rule)
    md.core.ruler.after("github-tasklists", "task_characters", tasks_rule)
    md.core.ruler.push("bare_urls", linkify_rule)
    md.core.ruler.push("attribute_lists", attribute_lists_rule)
    limit_block_nesting(md, BLOCK_NESTING_LIMIT)
    rules: dict[str, Any] = {
        "fence": _fence,
        "code_block": _fence,
        "math_inline": _math_inline,
        "math_inline_double": _math_inline,
        "math_block": _math_block,
        "math_block_label": _math_block,
        "alert_open": _alert_open,
        "alert_close": _box_close,
        "fenced_div_open": _div_open,
        "fenced_div_close": _div_close,
    }
    for name, rule in rules.items():
        md.add_render_rule(name, rule)
    return md


def _fence(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    code = token.content[:-1] if token.content.endswith("\n") else token.content
    language = fence_language(token.info) if token.type == "fence" else ""
    body = highlight(code, language) if language else None
    if body is None:
        body = escape(code, quote=False)
    # A one-cell table gives the block its padding and background (Qt pads no other box).
    return (
        '<table class="code" width="100%" cellspacing="0" cellpadding="10"><tr><td>'
        f'<pre class="code">{body}</pre></td></tr></table>\n'
    )


def _math_inline(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return f'<span class="math">{escape(tex_to_text(tokens[idx].content), quote=False)}</span>'


def _math_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    label = f" ({escape(token.info)})" if token.type == "math_block_label" and token.info else ""
    text = escape(tex_to_text(token.content), quote=False)
    return f'<p class="math-block">{text}{label}</p>\n'


def _box_open(colour: str, label: str) -> str:
    title = f'<p class="box-title box-title-{colour}">{escape(label, quote=False)}</p>'
    return _BOX_TABLE.format(colour=colour) + f"<tr><td>{title}\n"


def _alert_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    kind = tokens[idx].info
    return _box_open(kind, ALERT_LABELS.get(kind, kind.title()))


def _box_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</td></tr></table>\n"


def _div_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    kind = tokens[idx].info
    label = _DIV_LABELS.get(kind, kind.replace("-", " ").capitalize())
    if kind in FOLDED_KINDS:
        label = (tokens[idx].meta or {}).get("title", label)
        # Written as details so that all foldable boxes are numbered in one pass.
        return f"<details><summary>{escape(label, quote=False)}</summary>\n"
    return _box_open(_DIV_COLOURS.get(kind, "note"), label)


def _div_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    depth = 0
    for back in range(idx - 1, -1, -1):
        token = tokens[back]
        if token.type == "fenced_div_close":
            depth += 1
        elif token.type == "fenced_div_open":
            if depth == 0:
                return "</details>\n" if token.info in FOLDED_KINDS else "</td></tr></table>\n"
            depth -= 1
    return "</td></tr></table>\n"


_DETAILS_RE = re.compile(r"<(/?)(details|summary)\b([^>]*)>", re.IGNORECASE)
_SUMMARY_AHEAD_RE = re.compile(r"\s*(?:<p>\s*)?<summary\b", re.IGNORECASE)
_OPEN_ATTR_RE = re.compile(r"(?:^|\s)open(?:\s|=|$|/)", re.IGNORECASE)
FOLDED_ARROW = "\u25b8"
OPEN_ARROW = "\u25be"


def _summary_start(index: int, is_open: bool) -> str:
    arrow = OPEN_ARROW if is_open else FOLDED_ARROW
    return f'<p class="summary"><a href="details:{index}">{arrow} '


def transform_details(html: str) -> str:
    """Write `<details>`/`<summary>` (unknown to Qt) as a titled box with a fold link.

    The summary line becomes `<a href="details:N">▸ title</a>` (▾ when written open), N
    counting details boxes in chapter order; a box without a summary is titled "Details".
    Unbalanced closing tags are dropped and unclosed boxes closed at the end.
    """
    if "<details" not in html and "<DETAILS" not in html:
        return html
    out: list[str] = []
    pos = count = 0
    # Per details box not yet closed: its index, whether written open, whether titled yet.
    stack: list[list[int]] = []
    in_summary = linked = False
    for match in _DETAILS_RE.finditer(html):
        out.append(html[pos : match.start()])
        pos = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if name == "details" and in_summary:
            in_summary = False  # a summary left open ends where its box's content starts
            out.append("</a></p>\n" if linked else "</b></p>\n")
        if name == "details" and not closing:
            is_open = bool(_OPEN_ATTR_RE.search(match.group(3)))
            titled = _SUMMARY_AHEAD_RE.match(html, pos) is not None
            out.append(_BOX_TABLE.format(colour="details") + "<tr><td>")
            if not titled:
                out.append(_summary_start(count, is_open) + "Details</a></p>\n")
            stack.append([count, int(is_open), int(not titled)])
            count += 1
        elif name == "details":
            if stack:
                stack.pop()
                out.append("</td></tr></table>\n")
        elif not closing and not in_summary:
            in_summary = True
            # Only a box's first summary is its title (and fold link); others are bold lines.
            linked = bool(stack) and not stack[-1][2]
            if linked:
                stack[-1][2] = 1
                out.append(_summary_start(stack[-1][0], bool(stack[-1][1])))
            else:
                out.append("<p><b>")
        elif closing and in_summary:
            in_summary = False
            out.append("</a></p>\n" if linked else "</b></p>\n")
    out.append(html[pos:])
    out.extend("</td></tr></table>\n" for _ in stack)
    return "".join(out)
