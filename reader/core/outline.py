"""The heading tree of a chapter, nested by level with no heading ever lost."""

from __future__ import annotations

from reader.core.rendered import Heading


class OutlineNode:
    """A heading and the headings nested beneath it.

    (A plain class, not a dataclass: making one of those costs every start about 1 ms.)
    """

    __slots__ = ("children", "heading")

    def __init__(self, heading: Heading, children: list[OutlineNode] | None = None) -> None:
        self.heading = heading
        self.children: list[OutlineNode] = [] if children is None else children

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OutlineNode):
            return NotImplemented
        return (self.heading, self.children) == (other.heading, other.children)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return f"OutlineNode(heading={self.heading!r}, children={self.children!r})"


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
