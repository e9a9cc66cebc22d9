"""Attribute lists of Pandoc and kramdown (`![](x.svg){alt='…' width=50%}`, `{: .output}`).

Carpentries lessons and Jekyll sites write them after images and code blocks, and
CommonMark leaves them as text: without this rule a student reads `{alt='…'}` under every
figure. An image takes the alt text and size it names; a paragraph that holds nothing but
an attribute list, or a Liquid tag such as `{% include links.md %}`, is dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# key=value pairs: a quoted value ('…' or "…", backslash escapes kept simple) or a bare one.
_PAIR_RE = re.compile(
    r"""([A-Za-z_:][-\w:.]*)\s*=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s}]+)"""
)
_ALONE_RE = re.compile(r"^\s*(?:\{:?[^{}\n]*\}|\{%.*%\})\s*$")
_IMAGE_ATTRIBUTES = ("width", "height", "style")
# Longest attribute list read after an image: anything longer is prose in braces.
_MAX_LIST = 4000


def attribute_lists_rule(state: StateCore) -> None:
    """Apply and remove attribute lists after images; drop paragraphs that are only one."""
    tokens = state.tokens
    keep: list[Token] = []
    skip = 0
    for index, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if (
            token.type == "paragraph_open"
            and index + 2 < len(tokens)
            and tokens[index + 1].type == "inline"
            and tokens[index + 2].type == "paragraph_close"
            and _ALONE_RE.match(tokens[index + 1].content)
        ):
            skip = 2  # the inline token and the paragraph's end go too
            continue
        if token.type == "inline" and token.children:
            token.children = _drop_trailing_list(_apply_to_images(token.children))
        keep.append(token)
    state.tokens = keep


def _source_of(token: Token) -> str:
    """The text a child token stands for, near enough to read an attribute list back."""
    if token.type in ("text", "code_inline"):
        return token.content if token.type == "text" else f"`{token.content}`"
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return token.markup or ""


def _apply_to_images(children: list[Token]) -> list[Token]:
    out: list[Token] = []
    index = 0
    while index < len(children):
        child = children[index]
        out.append(child)
        index += 1
        if child.type != "image" or index >= len(children):
            continue
        following = children[index]
        if following.type != "text" or not following.content.startswith("{"):
            continue
        # The list may span several children (an alt text with `_` or `*` in it).
        text, end = "", index
        while end < len(children) and "}" not in text and len(text) < _MAX_LIST:
            text += _source_of(children[end])
            end += 1
        close = text.find("}")
        if close < 0:
            continue
        _apply(child, text[1:close])
        rest = text[close + 1 :]
        index = end
        if rest:
            following.content = rest
            following.type = "text"
            following.children = None
            out.append(following)
    return out


_KRAMDOWN_RE = re.compile(r"^\s*\{:[^{}\n]*\}\s*$")


def _drop_trailing_list(children: list[Token]) -> list[Token]:
    """Without a kramdown list on the paragraph's last line (`> text` then `{: .challenge}`
    reads as one paragraph of a quote: the list closes the quote in kramdown)."""
    if (
        len(children) >= 2
        and children[-1].type == "text"
        and children[-2].type == "softbreak"
        and _KRAMDOWN_RE.match(children[-1].content)
    ):
        return children[:-2]
    return children


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return re.sub(r"\\(.)", r"\1", value)


def _apply(image: Token, listing: str) -> None:
    """Give `image` the alt text and size named in an attribute list."""
    from markdown_it.token import Token

    for key, raw in _PAIR_RE.findall(listing):
        value = _unquote(raw)
        name = key.lower()
        if name == "alt":
            alt = Token("text", "", 0)
            alt.content = value
            image.children = [alt]
            image.content = value
        elif name in _IMAGE_ATTRIBUTES:
            image.attrSet(name, value)
