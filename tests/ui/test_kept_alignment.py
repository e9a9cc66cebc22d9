"""A chapter's plain-text/Qt alignment is kept with its rendering and trusted only if it fits."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from helpers import write_chapter
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from reader.core.render_cache import render_cache_folder
from reader.ui.main_window import MainWindow
from reader.ui.positions import VIEWER, PositionMap

# Astral characters, no-break spaces, a table, a list, code and a details box: the places
# where Qt's text and the plain text part ways.
BODY = """# Kept 🌍 places

Café\u00a0au\u00a0lait and \U0001d518\U0001d52b\U0001d526 before the list.

- one 🎉 item
- two items

| a | b 🧪 |
|---|---|
| 1 | 2 |

```python
print("🐍  spaced")
```

<details><summary>Show the answer</summary>

Hidden 😀 answer.

</details>

After the box, the end.
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    write_chapter(root, "kept.md", "Kept", BODY)
    return root


def _alignment_files(data_dir: Path) -> list[Path]:
    return sorted(render_cache_folder(data_dir).glob("*.alignment"))


def _every_position(window: MainWindow) -> tuple[list[int], list[int]]:
    view = window.view
    doc, positions = view.chapter_document, view.positions
    assert doc is not None and positions is not None
    count = view.document().characterCount()
    return (
        [positions.to_qt(i) for i in range(len(doc.plain.text) + 1)],
        [positions.from_qt(p) for p in range(count)],
    )


def _computed(window: MainWindow) -> tuple[list[int], list[int]]:
    doc = window.view.chapter_document
    assert doc is not None
    fresh = PositionMap(doc.plain.text, window.view.document().toRawText())
    count = window.view.document().characterCount()
    return (
        [fresh.to_qt(i) for i in range(len(doc.plain.text) + 1)],
        [fresh.from_qt(p) for p in range(count)],
    )


def test_a_restart_uses_the_kept_alignment_and_maps_every_position_alike(
    open_window: WindowFactory, library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_window(library, data_dir)
    assert first.view.chapter_document is not None
    [kept] = _alignment_files(data_dir)
    assert marshal.loads(kept.read_bytes())[0] == VIEWER
    expected = _every_position(first)
    assert expected == _computed(first)
    first.close()

    # The next start lines nothing up again: the kept alignment fits the document.
    def refuse(*_args: object) -> None:
        raise AssertionError("the alignment was worked out again")

    monkeypatch.setattr(PositionMap, "__init__", refuse)
    again = open_window(library, data_dir)
    monkeypatch.undo()
    assert _every_position(again) == expected


@pytest.mark.parametrize(
    "tamper",
    [
        lambda points: [(0, 0)],  # the differences forgotten: the length no longer fits
        lambda points: [(0, 0), *((s, t + 1) for s, t in points[1:])],  # shifted by one
    ],
)
def test_a_kept_alignment_that_does_not_fit_is_worked_out_again(
    open_window: WindowFactory,
    library: Path,
    data_dir: Path,
    tamper,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
) -> None:
    open_window(library, data_dir).close()
    [kept] = _alignment_files(data_dir)
    viewer, points, length, astral = marshal.loads(kept.read_bytes())
    assert len(points) >= 2  # Qt and the plain text differ somewhere
    kept.write_bytes(marshal.dumps((viewer, tamper(points), length, astral)))
    window = open_window(library, data_dir)
    assert _every_position(window) == _computed(window)
    # And the right one is kept for the next start.
    assert marshal.loads(kept.read_bytes())[1] == points


def test_a_chapter_shown_again_in_the_same_session_reuses_its_alignment(
    open_window: WindowFactory, library: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(library, data_dir)
    expected = _every_position(window)

    def refuse(*_args: object) -> None:
        raise AssertionError("the alignment was worked out again")

    monkeypatch.setattr(PositionMap, "__init__", refuse)
    window.set_theme("dark")  # the chapter is laid out again
    monkeypatch.undo()
    assert _every_position(window) == expected
