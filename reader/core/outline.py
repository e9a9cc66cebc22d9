"""The heading tree of a chapter, nested by level with no heading ever lost."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.rendered import Heading


@dataclass
class OutlineNode:
    """A heading and the headings nested beneath it."""

    heading: Heading
    children: list[OutlineNode] = field(default_factory=list)


def build_outline(headings: tuple[Heading, ...] | list[Heading]) -> list[OutlineNode]:
    """Nest headings under the nearest earlier heading of a smaller level.

    Chapters often skip or mix levels (`##` sections before the first `#`); a heading with
    no smaller-level heading before it becomes a top-level entry, so every heading appears
    in document order.
    """
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    for heading in headings:
        node = OutlineNode(heading)
        while stack and stack[-1].heading.level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def walk(nodes: list[OutlineNode]) -> list[OutlineNode]:
    """Every node of the tree in document order."""
    out: list[OutlineNode] = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.children))
    return out
