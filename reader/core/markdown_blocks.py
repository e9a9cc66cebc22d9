"""Block syntax beyond CommonMark: GitHub alerts, Carpentries fenced divs, task items, bare URLs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

ALERT_LABELS = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "warning": "Warning",
    "caution": "Caution",
}
# Fenced-div kinds shown as a folded details box rather than an open call-out.
FOLDED_KINDS = frozenset({"solution", "spoiler", "hint"})
_ALERT_RE = re.compile(r"\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)", re.IGNORECASE)
_DIV_OPEN_RE = re.compile(r":{3,}[ \t]*\{?[ \t]*\.?([A-Za-z][\w-]*)[^\n]*$")
_DIV_CLOSE_RE = re.compile(r":{3,}[ \t]*$")
_FENCE_RE = re.compile(r"(`{3,}|~{3,})")
_URL_RE = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,:;!?*_~'\""


def div_kind(info: str) -> str:
    """The kind of a fenced div from its opening line's text: "challenge", "solution", ..."""
    match = re.match(r"[ \t]*\{?[ \t]*\.?([A-Za-z][\w-]*)", info)
    return match.group(1).lower() if match else ""


def fenced_div_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Pandoc/Carpentries fenced divs: `::: kind` ... `:::`; a bare `:::` closes the innermost.

    A stray closing line (no div open) is consumed, so that colons never show as text.
    """
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line_end = state.eMarks[start_line]
    if state.src[begin : begin + 3] != ":::":
        return False
    text = state.src[begin:line_end]
    opening = _DIV_OPEN_RE.match(text)
    if opening is None:
        if _DIV_CLOSE_RE.match(text) is None:
            return False
        if not silent:
            state.line = start_line + 1  # a closing fence with nothing open: dropped
        return True
    if silent:
        return True
    depth, fence, line = 1, "", start_line + 1
    while line < end_line:
        begin = state.bMarks[line] + state.tShift[line]
        current = state.src[begin : state.eMarks[line]]
        if begin < state.eMarks[line] and state.sCount[line] < state.blkIndent:
            break
        marker = _FENCE_RE.match(current)
        if marker and (not fence or current.startswith(fence)):
            fence = "" if fence else marker.group(1)  # colons inside code never count
        elif not fence and current.startswith(":::"):
            if _DIV_OPEN_RE.match(current):
                depth += 1
            elif _DIV_CLOSE_RE.match(current):
                depth -= 1
                if depth == 0:
                    break
        line += 1
    closed = line < end_line and depth == 0
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "fenced_div"
    state.lineMax = line
    token = state.push("fenced_div_open", "div", 1)
    token.info = opening.group(1).lower()
    token.map = [start_line, line]
    token.block = True
    state.md.block.tokenize(state, start_line + 1, line)
    token = state.push("fenced_div_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = line + 1 if closed else line
    return True


def alerts_rule(state: StateCore) -> None:
    """Turn a blockquote whose first line is `[!NOTE]` (etc.) into an alert (GitHub's rule)."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or index + 2 >= len(tokens):
            continue
        para, inline = tokens[index + 1], tokens[index + 2]
        if para.type != "paragraph_open" or inline.type != "inline":
            continue
        match = _ALERT_RE.match(inline.content)
        if match is None:
            continue
        kind = match.group(1).lower()
        inline.content = inline.content[match.end() :]
        token.type, token.info = "alert_open", kind
        depth = 0
        for later in tokens[index:]:
            if later.type in ("blockquote_open", "alert_open"):
                depth += 1
            elif later.type == "blockquote_close":
                depth -= 1
                if depth == 0:
                    later.type = "alert_close"
                    break
        if not inline.content.strip():
            # The marker was the whole paragraph: nothing of it is shown.
            para.hidden = True
            inline.content = ""
            tokens[index + 3].hidden = True


def fold_titles_rule(state: StateCore) -> None:
    """A foldable box that starts with a heading takes the heading as its title.

    Carpentries solutions open with `## Solution`: shown under a "Solution" title that
    says it twice, and lists "Solution" in Contents once per exercise.
    """
    tokens = state.tokens
    index = 0
    while index + 3 < len(tokens):
        token = tokens[index]
        if (
            token.type == "fenced_div_open"
            and token.info in FOLDED_KINDS
            and tokens[index + 1].type == "heading_open"
            and tokens[index + 2].type == "inline"
        ):
            title = "".join(
                child.content
                for child in tokens[index + 2].children or ()
                if child.type in ("text", "code_inline", "text_special")
            ).strip()
            if title:
                token.meta = {**(token.meta or {}), "title": title}
                del tokens[index + 1 : index + 4]
        index += 1


def tasks_rule(state: StateCore) -> None:
    """Show task-list checkboxes as the characters ☐ and ☑ (Qt's rich text has no inputs)."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "html_inline" and "task-list-item-checkbox" in child.content:
                child.type = "text"
                # The item's text keeps its own leading space after the box.
                child.content = "☑" if 'checked="checked"' in child.content else "☐"


def linkify_rule(state: StateCore) -> None:
    """Link bare http(s) and www. addresses in text (not inside links or code)."""
    from markdown_it.token import Token

    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        if "://" not in token.content and "www." not in token.content:
            continue  # the common case: nothing to scan
        children: list[Token] = []
        in_link = 0
        for child in token.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            if child.type != "text" or in_link or not _URL_RE.search(child.content):
                children.append(child)
                continue
            children.extend(_split_urls(child, state.md, Token))
        token.children = children


def _split_urls(child: Token, md: MarkdownIt, token_class: type[Token]) -> list[Token]:
    out: list[Token] = []
    text, pos = child.content, 0
    for match in _URL_RE.finditer(text):
        url = match.group(0)
        while url and (
            url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))
        ):
            url = url[:-1]
        if len(url) < 8:
            continue
        start = match.start()
        if start > pos:
            out.append(_text(token_class, text[pos:start], child.level))
        href = url if "://" in url else f"http://{url}"
        link = token_class("link_open", "a", 1)
        link.attrs = {"href": md.normalizeLink(href)}
        link.markup, link.info = "linkify", "auto"
        out.extend(
            [link, _text(token_class, url, child.level + 1), token_class("link_close", "a", -1)]
        )
        pos = start + len(url)
    if pos < len(text):
        out.append(_text(token_class, text[pos:], child.level))
    return out


def _text(token_class: type[Token], content: str, level: int) -> Token:
    token = token_class("text", "", 0)
    token.content, token.level = content, level
    return token


def limit_block_nesting(md: MarkdownIt, limit: int) -> None:
    """Past `limit` levels, parse on without nested blocks instead of dropping the rest.

    markdown-it skips everything after its nesting limit; a chapter must lose nothing, so
    deeper lists and quotes are read as paragraphs (their text kept) and the document's
    env records "too_deep" for the chapter's issues.
    """
    block = md.block
    original = block.tokenize
    nesting_rules = {"list", "blockquote", "fenced_div", "footnote_def"}

    def tokenize(state: StateBlock, start_line: int, end_line: int) -> None:
        if state.level < limit:
            original(state, start_line, end_line)
            return
        state.env["too_deep"] = True
        names = block.ruler.get_active_rules()
        flat = [
            fn for name, fn in zip(names, block.ruler.getRules(""), strict=True)
            if name not in nesting_rules
        ]  # fmt: skip
        line = start_line
        while line < end_line:
            state.line = line = state.skipEmptyLines(line)
            if line >= end_line or state.sCount[line] < state.blkIndent:
                break
            for rule in flat:
                if rule(state, line, end_line, False):
                    break
            else:
                break
            line = state.line

    block.tokenize = tokenize  # type: ignore[method-assign,assignment]
