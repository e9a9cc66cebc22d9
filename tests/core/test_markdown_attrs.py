"""Pandoc and kramdown attribute lists are applied or dropped, never shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.render import render_markdown
from reader.core.text_extract import plain_text


def _text(body: str, root: Path) -> str:
    return plain_text(render_markdown(body, root).html).text


@pytest.mark.parametrize(
    ("listing", "alt"),
    [
        ("{alt='Three number lines'}", "Three number lines"),
        ('{alt="A [0] and \\\\[1\\\\] with _stress_"}', "A [0] and [1] with _stress_"),
        ('{#fig-1 .wide alt="Here it is"}', "Here it is"),
    ],
)
def test_an_image_takes_the_alt_text_of_its_attribute_list(
    tmp_path: Path, listing: str, alt: str
) -> None:
    rendered = render_markdown(f"![](fig/x.svg){listing}\n\nNext.", tmp_path)
    assert [image.alt for image in rendered.images] == [alt]
    text = plain_text(rendered.html).text
    assert "{" not in text and "alt=" not in text and "Next." in text


def test_an_image_takes_its_size_from_the_list(tmp_path: Path) -> None:
    rendered = render_markdown('![a](x.png){width="50%"} and text after', tmp_path)
    assert rendered.images[0].width_percent == 50.0
    assert "and text after" in plain_text(rendered.html).text


def test_paragraphs_that_are_only_a_list_or_a_liquid_tag_are_dropped(tmp_path: Path) -> None:
    body = (
        "Intro.\n\n```python\nprint(1)\n```\n{: .language-python}\n\n{: .output}\n\n"
        "> ## Challenge\n>\n> Do it.\n{: .challenge}\n\n{% include links.md %}\n\nEnd."
    )
    text = _text(body, tmp_path)
    assert "{" not in text and "%" not in text
    assert "print(1)" in text and "Do it." in text and text.endswith("End.")


@pytest.mark.parametrize(
    "prose",
    [
        "Sets like {a, b} stay as written.",
        "A dict {'a': 1} in prose.",
        "An image ![i](a.png) then {an unclosed brace",
        "Text {: looks like a list} in the middle of a line.",
    ],
)
def test_braces_in_prose_are_kept(tmp_path: Path, prose: str) -> None:
    text = _text(prose, tmp_path)
    assert "{" in text and text.replace("\ufffc", "").split()[-1] == prose.split()[-1]


def test_the_shared_carpentries_course_shows_no_attribute_list(tmp_path: Path) -> None:
    from helpers import CARPENTRIES_COURSE

    for path in sorted((CARPENTRIES_COURSE / "episodes").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        rendered = render_markdown(body, CARPENTRIES_COURSE, "episodes")
        text = plain_text(rendered.html).text
        assert "{alt=" not in text and "{: ." not in text, path.name
