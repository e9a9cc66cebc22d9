"""Each Markdown construct real courses use renders to the expected document and plain text."""
# Greek letters and operators are expected output here.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.code_highlight import fence_language, highlight
from reader.core.markdown_math import tex_to_text
from reader.core.render import render_markdown, slug_base
from reader.core.text_extract import plain_text


def _text(body: str, root: Path) -> str:
    return plain_text(render_markdown(body, root).html).text


def test_fences_inside_lists_and_with_comma_info_strings(tmp_path: Path) -> None:
    body = (
        "1. Install:\n\n   ```sh\n   pip install x\n   ```\n\n2. Then:\n\n"
        "   ```rust,ignore\n   fn main() {}\n   ```\n\nAfter the list.\n"
    )
    rendered = render_markdown(body, tmp_path)
    assert rendered.html.count('<pre class="code">') == 2
    assert "<code>" not in rendered.html  # no fence became inline code
    text = plain_text(rendered.html).text
    assert "pip install x" in text and "fn main() {}" in text and "After the list." in text
    assert "```" not in text
    # The closing fence ended the block: the paragraph after it is prose, not code.
    assert "After the list." not in _code_texts(rendered.html)


def _code_texts(html: str) -> str:
    plain = plain_text(html)
    return "\n".join(plain.text[start:end] for start, end in plain.code)


@pytest.mark.parametrize(
    ("info", "language"),
    [
        ("rust,ignore", "rust"),
        ("{.python}", "python"),
        ('python title="x"', "python"),
        ("{r, echo=FALSE}", "r"),
        (".bash", "bash"),
        ("", ""),
        ("  Python  ", "python"),
    ],
)
def test_fence_language_is_the_first_word_of_the_info_string(info: str, language: str) -> None:
    assert fence_language(info) == language


def test_comment_in_a_fence_is_never_a_heading(tmp_path: Path) -> None:
    body = "# Real\n\n```bash\n# comment\necho hi\n```\n\n~~~\n## not either\n~~~\n"
    rendered = render_markdown(body, tmp_path)
    assert [h.title for h in rendered.headings] == ["Real"]
    assert "# comment" in _code_texts(rendered.html)


def test_code_is_coloured_only_for_a_named_language(tmp_path: Path) -> None:
    coloured = render_markdown("```python\ndef f():\n    return 1\n```\n", tmp_path).html
    assert '<span class="hl-k">def</span>' in coloured
    plain = render_markdown("```\ndef f():\n    return 1\n```\n", tmp_path).html
    assert "hl-" not in plain  # never guessed
    unknown = render_markdown("```no-such-language\ndef f()\n```\n", tmp_path).html
    assert "hl-" not in unknown and "def f()" in unknown
    assert highlight("x = 1", "no-such-language") is None
    assert "<code>x</code>" in render_markdown("Inline `x` stays inline.", tmp_path).html


def test_github_alerts_become_titled_boxes(tmp_path: Path) -> None:
    for marker, label in [("NOTE", "Note"), ("tip", "Tip"), ("Important", "Important"),
                          ("WARNING", "Warning"), ("caution", "Caution")]:  # fmt: skip
        rendered = render_markdown(f"> [!{marker}]\n> Mind **this**.\n", tmp_path)
        colour = label.lower()
        assert f'<table class="box box-{colour}"' in rendered.html
        assert f'<p class="box-title box-title-{colour}">{label}</p>' in rendered.html
        text = plain_text(rendered.html).text
        assert text.startswith(f"{label}\nMind this.")
        assert "[!" not in text
    # Not an alert: the marker is not alone on the first line, or it is not a blockquote.
    assert "[!NOTE] text" in _text("> [!NOTE] text\n", tmp_path)
    assert "box" not in render_markdown("[!NOTE]\n", tmp_path).html


def test_carpentries_fenced_divs_become_boxes_and_solutions_fold(tmp_path: Path) -> None:
    body = (
        ":::::::::::::::::::::::::::::::::::::: challenge\n\n## Exercise\n\nTry it.\n\n"
        ":::::::::::::::  solution\n\n## Solution\n\nThe answer.\n\n:::::::::::::::::::::::::\n"
        "::::::::::::::::::::::::::::::::::::::::::::::::::\n\n"
        "::::::::::::::::::::::::::::::::::::::::::::::::::::: keypoints\n\n- one\n\n"
        "::::::::::::::::::::::::::::::::::::::::::::::::::::::\n\nAfter.\n"
    )
    rendered = render_markdown(body, tmp_path)
    plain = plain_text(rendered.html)
    assert ":::" not in plain.text
    assert 'class="box box-important"' in rendered.html
    assert "Challenge\nExercise\nTry it.\n▸ Solution\nThe answer." in plain.text
    assert "Key points\none" in plain.text and plain.text.endswith("After.")
    [fold] = plain.folds
    assert plain.text[fold.marker] == "▸" and not fold.open
    assert plain.text[fold.start : fold.end] == "The answer."
    assert [h.title for h in rendered.headings] == ["Exercise"]


def test_stray_and_unclosed_fenced_divs_never_show_colons(tmp_path: Path) -> None:
    text = _text("Text.\n\n:::\n\n::: callout\n\nInside, never closed.\n", tmp_path)
    assert ":::" not in text
    assert "Text." in text and "Callout\nInside, never closed." in text


def test_details_become_a_box_with_a_fold_link(tmp_path: Path) -> None:
    body = (
        "<details>\n<summary>Show the <b>answer</b></summary>\n\n**Bold** and `code`.\n\n"
        "- item\n\n</details>\n\n<details open><summary>Open one</summary>\n\nVisible.\n\n"
        "</details>\n\n<details>\n\nNo summary.\n\n</details>\n\nEnd.\n"
    )
    rendered = render_markdown(body, tmp_path)
    html = rendered.html
    assert '<a href="details:0">▸ Show the <b>answer</b></a>' in html
    assert '<a href="details:1">▾ Open one</a>' in html
    assert '<a href="details:2">▸ Details</a>' in html
    plain = plain_text(html)
    assert "<details" not in plain.text and "**" not in plain.text
    assert [f.open for f in plain.folds] == [False, True, False]
    first, second, third = plain.folds
    assert plain.text[first.marker :].startswith("▸ Show the answer\n")
    assert plain.text[first.start : first.end] == "Bold and code.\nitem"
    assert plain.text[second.start : second.end] == "Visible."
    assert plain.text[third.start : third.end] == "No summary."
    assert plain.text.endswith("End.")


def test_task_items_show_boxes_as_characters(tmp_path: Path) -> None:
    text = _text("- [ ] to do\n- [x] done\n- [X] also done\n", tmp_path)
    assert text.split("\n") == ["☐ to do", "☑ done", "☑ also done"]


def test_footnotes_are_numbered_linked_and_kept(tmp_path: Path) -> None:
    rendered = render_markdown(
        "A claim.[^src] Another.[^2]\n\n[^src]: The source.\n[^2]: Two.\n", tmp_path
    )
    assert '<a href="#fn1" id="fnref1">[1]</a>' in rendered.html
    assert '<li id="fn1"><p>The source.' in rendered.html
    text = plain_text(rendered.html).text
    assert "A claim.[1] Another.[2]" in text and "The source." in text and "Two." in text


def test_three_space_bullets_nest(tmp_path: Path) -> None:
    html = render_markdown("- outer\n   - inner\n      - deepest\n", tmp_path).html
    assert html.count("<ul>") == 3
    assert html.index("outer") < html.index("<ul>", html.index("outer")) < html.index("inner")


def test_math_is_unicode_text_and_dollars_in_prose_stay(tmp_path: Path) -> None:
    rendered = render_markdown(
        "Area $\\pi r^2$ and $\\alpha \\le \\beta$.\n\n$$\n\\frac{a}{b} \\times \\sqrt{2}\n$$\n\n"
        "It costs $5 and $10 today.\n",
        tmp_path,
    )
    assert '<span class="math">π r²</span>' in rendered.html
    assert '<span class="math">α ≤ β</span>' in rendered.html
    assert '<p class="math-block">a/b × √2</p>' in rendered.html
    text = plain_text(rendered.html).text
    assert "It costs $5 and $10 today." in text
    assert "$\\" not in text


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        ("x^2 + y_1", "x² + y₁"),
        ("\\sum_{i=1}^{n} x_i", "∑ᵢ₌₁ⁿ xᵢ"),
        ("\\frac{a+b}{c}", "(a+b)/c"),
        ("\\mathrm{kg} \\cdot m", "kg · m"),
        ("\\text{mean} \\pm \\infty", "mean ± ∞"),
        ("a \\ne b \\ge c", "a ≠ b ≥ c"),
        ("e^{x+y}", "e^(x+y)"),
        ("\\Omega", "Ω"),
        ("\\bar{x} = \\frac{1}{n}", "x\u0304 = 1/n"),
        ("\\hat\\beta + \\vec{v}", "β\u0302 + v\u20d7"),
    ],
)
def test_tex_to_text(tex: str, text: str) -> None:
    assert tex_to_text(tex) == text


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Debates & Unresolved Issues", "debates--unresolved-issues"),
        ("🚀 Launch", "-launch"),
        ("What's `new`?", "whats-new"),
        ("Sécurité humaine", "sécurité-humaine"),
        ("Привет мир", "привет-мир"),
        ("snake_case-and-dash", "snake_case-and-dash"),
    ],
)
def test_github_heading_ids(title: str, slug: str) -> None:
    assert slug_base(title.replace("`", "")) == slug


def test_heading_titles_are_plain_and_duplicates_numbered(tmp_path: Path) -> None:
    rendered = render_markdown(
        "# Use `print` *now*\n\n## Setup\n\n## Setup\n\n## Setup\n", tmp_path
    )
    assert [h.title for h in rendered.headings] == ["Use print now", "Setup", "Setup", "Setup"]
    assert [h.id for h in rendered.headings] == ["use-print-now", "setup", "setup-1", "setup-2"]
    for heading in rendered.headings:
        assert f'id="{heading.id}"' in rendered.html


def test_bare_urls_are_linked_but_not_inside_code_or_links(tmp_path: Path) -> None:
    rendered = render_markdown(
        "See https://example.org/a_(b). Or www.example.com, and `https://in.code/x`.\n\n"
        "[named](https://named.example/) and <https://auto.example/>\n",
        tmp_path,
    )
    html = rendered.html
    assert '<a href="https://example.org/a_(b)">https://example.org/a_(b)</a>.' in html
    assert '<a href="http://www.example.com">www.example.com</a>,' in html
    assert "<code>https://in.code/x</code>" in html
    assert rendered.links == (
        "https://example.org/a_(b)",
        "http://www.example.com",
        "https://named.example/",
        "https://auto.example/",
    )


def test_links_are_listed_as_written_including_raw_html(tmp_path: Path) -> None:
    rendered = render_markdown(
        "[one](other.md#part) <a href='../two.md'>two</a>\n\n[sp](my%20file.md)\n", tmp_path
    )
    assert rendered.links == ("other.md#part", "../two.md", "my file.md")


def test_an_unclosed_fence_is_reported_and_keeps_the_text(tmp_path: Path) -> None:
    rendered = render_markdown("Intro.\n\n```python\nx = 1\n\nMore text.\n", tmp_path)
    assert [kind for kind, _ in rendered.issues] == ["unclosed-fence"]
    assert "line 3" in rendered.issues[0][1]
    assert "More text." in plain_text(rendered.html).text
    assert render_markdown("```\nclosed\n```\n", tmp_path).issues == ()
    assert render_markdown("- ```\n  in list\n  ```\n", tmp_path).issues == ()


def test_front_matter_never_renders(tmp_path: Path) -> None:
    text = _text("---\ntitle: Stray\nsecret: yes\n---\n\nBody.\n", tmp_path)
    assert text == "Body."


def test_code_colour_stylesheets_are_generated_from_the_pygments_styles() -> None:
    from reader.core.code_highlight import DARK_STYLE, LIGHT_STYLE, style_css
    from reader.paths import resource

    # Regenerate with style_css(...) when the Pygments styles or class names change.
    for name, style in (("code-light.css", LIGHT_STYLE), ("code-dark.css", DARK_STYLE)):
        assert resource("styles", name).read_text(encoding="utf-8") == style_css(style)


def test_fold_links_are_numbered_as_the_folds_the_reader_sees(tmp_path: Path) -> None:
    body = (
        "<script>\n<details><summary>Gone</summary></details>\n</script>\n\n"
        "<details><summary>Kept</summary>\n\nBody.\n\n</details>\n\n"
        'See <a href="details:5">a link of the author\'s</a>.\n'
    )
    rendered = render_markdown(body, tmp_path)
    assert '<a href="details:0">▸ Kept</a>' in rendered.html
    assert "<a>a link of the author's</a>" in rendered.html
    assert rendered.html.count("details:") == 1
    [fold] = plain_text(rendered.html).folds
    assert plain_text(rendered.html).text[fold.start : fold.end] == "Body."


def test_a_solution_that_opens_with_a_heading_takes_it_as_its_title(tmp_path: Path) -> None:
    body = (
        "# Ex\n\n::::: challenge\n## Sorting\n\nDo it.\n\n:::: solution\n\n## Solution\n\n"
        "Answer.\n\n::::\n:::::\n\n::: solution\n## Solution: `for` loops\n\nMore.\n:::\n\n"
        "::: hint\nNo heading.\n:::\n"
    )
    rendered = render_markdown(body, tmp_path)
    text = plain_text(rendered.html).text
    assert "▸ Solution\nAnswer." in text and "Solution\nSolution" not in text
    assert "▸ Solution: for loops\nMore." in text and "▸ Hint\nNo heading." in text
    # The challenge keeps its heading (it names the exercise); the solutions' go.
    assert [h.title for h in rendered.headings] == ["Ex", "Sorting"]
    assert len(plain_text(rendered.html).folds) == 3
