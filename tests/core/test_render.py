"""Rendering: heading ids, images resolved inside the library, placeholders, safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.library_scan import load_library
from reader.core.outline import build_outline, walk
from reader.core.render import render_markdown
from reader.core.rendered import resolve_image

SEED_LEVELS = [2, 2, 2, 2, 1, 1, 1, 1, 1]


def _seed(seed_library: Path):  # type: ignore[no-untyped-def]
    library = load_library(seed_library)
    return library, render_markdown(library.chapters[0].body, library.root)


def test_seed_headings_have_ids_and_levels(seed_library: Path) -> None:
    _, rendered = _seed(seed_library)
    assert [h.level for h in rendered.headings] == SEED_LEVELS
    assert [h.title for h in rendered.headings][4:] == [
        "Governance",
        "Theory of Human Security",
        "Poverty",
        "Health",
        "Population Movements",
    ]
    assert rendered.headings[3].title == "Debates & Unresolved Issues"
    for heading in rendered.headings:
        assert f'id="{heading.id}"' in rendered.html


def test_seed_images_resolve_inside_the_library_and_are_missing(seed_library: Path) -> None:
    _, rendered = _seed(seed_library)
    assert len(rendered.images) == 4
    for ref in rendered.images:
        assert ref.status == "missing"
        assert ref.path is not None and ref.path.is_relative_to(seed_library.resolve())
        assert "\\" not in str(ref.path)
        assert ref.width_percent == 70.0
    assert (
        rendered.images[3].path
        == seed_library.resolve() / "static/modules/debates_unresolved issues.png"
    )
    # Missing figures become placeholders, never Qt's broken icon for an unknown path.
    assert rendered.html.count('src="placeholder:') == 4
    assert "static" not in rendered.html
    # Percent widths are not left for Qt to misparse (the image would vanish): they become
    # a share of the column through max-width.
    assert 'width="70%"' not in rendered.html
    assert rendered.html.count("max-width:70%") == 4


def test_placeholder_is_named_after_alt_or_file(seed_library: Path) -> None:
    _, rendered = _seed(seed_library)
    assert rendered.images[0].label == "human_security"
    assert rendered.images[2].label == "human_security_definition2.png"


def test_existing_image_with_backslashes_is_found(tmp_path: Path) -> None:
    (tmp_path / "static" / "modules").mkdir(parents=True)
    (tmp_path / "static" / "modules" / "fig one.png").write_bytes(b"not really a png")
    rendered = render_markdown('<img src="static\\modules\\fig one.png" width="50%" />', tmp_path)
    [ref] = rendered.images
    assert ref.status == "found"
    assert ref.width_percent == 50.0
    assert 'src="image:0"' in rendered.html


@pytest.mark.parametrize(
    "src",
    [
        "../outside.png",
        "static/../../outside.png",
        "..\\..\\outside.png",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "file:///etc/passwd",
        "http://example.org/x.png",
        "data:image/png;base64,AAAA",
        "%2e%2e/outside.png",
    ],
)
def test_escaping_sources_are_refused(tmp_path: Path, src: str) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (tmp_path / "outside.png").write_bytes(b"x")
    status, path = resolve_image(src, root)
    assert status == "unsafe" and path is None
    rendered = render_markdown(f'<img src="{src}" alt="x" />', root)
    assert rendered.images[0].status == "unsafe"
    assert src not in rendered.html


def test_symlink_out_of_the_library_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (tmp_path / "secret.png").write_bytes(b"x")
    (root / "link.png").symlink_to(tmp_path / "secret.png")
    assert resolve_image("link.png", root)[0] == "unsafe"


def test_tables_code_lists_and_unicode_ids(tmp_path: Path) -> None:
    body = (
        "# Sécurité\n\n# Sécurité\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```python\nprint('<x>')\n```\n\n- one\n- two\n"
    )
    rendered = render_markdown(body, tmp_path)
    assert [h.id for h in rendered.headings] == ["sécurité", "sécurité-1"]
    assert "<table>" in rendered.html and "<td>1</td>" in rendered.html
    assert '<pre class="code">' in rendered.html and "&lt;x&gt;" in rendered.html
    assert "<li>one</li>" in rendered.html


def test_scripts_styles_and_event_handlers_are_removed(tmp_path: Path) -> None:
    body = (
        "<script>alert(1)</script><style>p{color:red}</style>"
        '<p onclick="x()" style="font-size:90px">Hi <iframe src="http://x"></iframe></p>'
    )
    rendered = render_markdown(body, tmp_path)
    assert "alert" not in rendered.html and "color:red" not in rendered.html
    assert "onclick" not in rendered.html and "90px" not in rendered.html
    assert "iframe" not in rendered.html
    assert "Hi" in rendered.html


def test_outline_nests_by_level_and_loses_nothing(seed_library: Path) -> None:
    _, rendered = _seed(seed_library)
    roots = build_outline(rendered.headings)
    assert [n.heading.level for n in walk(roots)] == SEED_LEVELS
    assert len(roots) == 9  # the ## sections before the first # stay top-level


def test_outline_nesting() -> None:
    from reader.core.rendered import Heading

    heads = [
        Heading(1, "A", "a"),
        Heading(2, "B", "b"),
        Heading(3, "C", "c"),
        Heading(2, "D", "d"),
        Heading(1, "E", "e"),
        Heading(3, "F", "f"),
    ]
    roots = build_outline(heads)
    assert [n.heading.id for n in roots] == ["a", "e"]
    assert [n.heading.id for n in roots[0].children] == ["b", "d"]
    assert [n.heading.id for n in roots[0].children[0].children] == ["c"]
    assert [n.heading.id for n in roots[1].children] == ["f"]


_MARKDOWN_PIECES = [
    "# ", "## ", "- ", "1. ", "> ", "```", "```python", "~~~", ":::", "::: solution", "$", "$$",
    "*", "**", "_", "`", "\n", "\n\n", "   ", "<details>", "<details open>", "</details>",
    "<summary>", "</summary>", "> [!NOTE]\n", "| a | b |\n|---|---|\n", "---", "[^1]", "[^1]: ",
    "<div>", "</div>", "- [ ] ", "![f](a.png)", "[l](b.md)", "https://x.org ", "word", "more words",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=40).map("".join))
def test_any_markdown_gives_consistent_text_folds_and_code(
    tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    from reader.core.text_extract import plain_text

    root = tmp_path_factory.mktemp("lib", numbered=True)
    rendered = render_markdown(body, root)
    plain = plain_text(rendered.html)
    if "`" not in body and "$" not in body:  # code and maths show markup as written
        for found in re.finditer("<details|<summary", plain.text):
            assert any(start <= found.start() < end for start, end in plain.code), body
    for fold in plain.folds:
        assert plain.text[fold.marker] == ("\u25be" if fold.open else "\u25b8")
        assert fold.marker < fold.start <= fold.end <= len(plain.text) or fold.start == fold.end
    for start, end in plain.code:
        assert 0 <= start <= end <= len(plain.text)
    assert len(rendered.html.split('href="details:')) - 1 == len(plain.folds)
    for ref in rendered.images:
        assert ref.status in ("missing", "unsafe", "found")


def test_resolver_follows_links_per_image_as_a_full_resolution_would(tmp_path: Path) -> None:
    """Folders are resolved once per chapter; the answers must equal resolving each path."""
    from reader.core.rendered import ImageResolver

    root = tmp_path / "lib"
    (root / "images" / "deep").mkdir(parents=True)
    (root / "images" / "a.png").write_bytes(b"x")
    (root / "images" / "deep" / "b.png").write_bytes(b"x")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "s.png").write_bytes(b"x")
    (root / "images" / "out.png").symlink_to(tmp_path / "secret" / "s.png")
    (root / "images" / "in.png").symlink_to(root / "images" / "a.png")
    (root / "outdir").symlink_to(tmp_path / "secret")
    (root / "alias").symlink_to(root / "images")
    sources = [
        "images/a.png", "images/deep/b.png", "images/out.png", "images/in.png",
        "outdir/s.png", "alias/a.png", "alias/out.png", "images/../images/a.png",
        "images/deep/../a.png", "images/..", "images/.", "images/", "missing/x.png",
        "images/../../secret/s.png", "alias/deep/b.png", "images%2Fa.png", "./images/a.png",
    ]  # fmt: skip

    def by_hand(src: str) -> tuple[str, Path | None]:
        resolved = (root.resolve() / src.replace("%2F", "/")).resolve()
        if not resolved.is_relative_to(root.resolve()):
            return "unsafe", None
        return ("found" if resolved.is_file() else "missing"), resolved

    resolver = ImageResolver(root)
    for src in sources + sources:  # twice: the second round uses the remembered folders
        assert resolver.resolve(src) == by_hand(src), src
    assert resolver.resolve("images/out.png")[0] == "unsafe"
    assert resolver.resolve("alias/a.png") == ("found", (root / "images" / "a.png").resolve())
