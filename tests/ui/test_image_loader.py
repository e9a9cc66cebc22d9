"""Big figures decode on worker threads behind stand-ins of their size; the text shows first."""

from __future__ import annotations

import shutil
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reader.core.document import ChapterDocument
from reader.core.library import Chapter, Slug
from reader.core.render import render_markdown
from reader.core.rendered import ImageRef
from reader.ui import image_loader
from reader.ui.image_loader import MEMORY_BUDGET_PIXELS, FigureJob, FigureLoader
from reader.ui.images import Decoded
from reader.ui.theme import LIGHT
from reader.ui.viewer import ChapterView

RESOURCE = 2  # QTextDocument.ResourceType.ImageResource
FIGURE = (0x2A, 0x6F, 0xB4)
STAND_IN = QColor(LIGHT.code_bg)
WAIT_MS = 120_000  # twelve 8000x8000 decodes one after another on a slow shared machine


def _solid_png(path: Path, width: int, height: int, rgb: tuple[int, int, int]) -> Path:
    """A solid RGB PNG compressed row by row (8000x8000 is about 200 KB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    packer = zlib.compressobj(6)
    row = b"\x00" + bytes(rgb) * width
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One 8000x8000 scan, written once for the module (half a second of compressing)."""
    return _solid_png(tmp_path_factory.mktemp("scan") / "scan.png", 8000, 8000, FIGURE)


class Decodes:
    """Records every decode (which figure, on which thread) and can hold them at a gate."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.finished: list[str] = []
        self.on_ui_thread = 0
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, path: Path, ref: ImageRef, column: float, dpr: float) -> Decoded:
        if threading.current_thread() is threading.main_thread():
            self.on_ui_thread += 1
        self.started.append(path.stem)
        # Bounded, so that a test gone wrong cannot hang the pool's teardown.
        self.gate.wait(timeout=30)
        decoded = real_decode(path, ref, column, dpr)
        self.finished.append(path.stem)
        return decoded


real_decode = image_loader.decode_image


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Decodes]:
    """The workers' decodes, recorded (the view's own small decodes are not)."""
    spy = Decodes()
    monkeypatch.setattr(image_loader, "decode_image", spy)
    yield spy
    spy.gate.set()


def _figures_library(root: Path, scan: Path, count: int) -> str:
    (root / "figures").mkdir(parents=True)
    for n in range(count):
        shutil.copy(scan, root / "figures" / f"scan-{n:02d}.png")
    return "# Scans\n\nThe text comes first.\n\n" + "\n".join(
        f"Figure {n}:\n\n![Scan {n}](figures/scan-{n:02d}.png)\n" for n in range(count)
    )


def _document(root: Path, slug: str, body: str) -> ChapterDocument:
    chapter = Chapter(Slug(slug), slug, "", None, root / f"{slug}.md", f"{slug}.md", slug * 8)
    return ChapterDocument(chapter, render_markdown(body, root))


def _view(qtbot: QtBot, doc: ChapterDocument) -> ChapterView:
    view = ChapterView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_document(doc, LIGHT, 18)
    view.show()
    qtbot.waitExposed(view)
    return view


def _block_heights(view: ChapterView) -> list[float]:
    qdoc = view.document()
    layout = qdoc.documentLayout()
    heights = []
    block = qdoc.begin()
    while block.isValid():
        heights.append(layout.blockBoundingRect(block).height())
        block = block.next()
    return heights


def _figure_centre(view: ChapterView, name: str) -> QColor:
    """The colour drawn in the middle of figure `name`, as the view shows it now."""
    at = view.figures._positions()[name]
    cursor = view.textCursor()
    cursor.setPosition(at)
    rect = view.cursorRect(cursor)  # the left edge of the figure, its line's height
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x, y = rect.left() + 100, rect.top() + rect.height() // 2
    return image.pixelColor(round(x * ratio), round(y * ratio))


def test_twelve_huge_figures_show_the_text_first_and_then_every_figure(
    qtbot: QtBot, tmp_path: Path, scan: Path, decodes: Decodes
) -> None:
    decodes.gate.clear()  # no decode may finish before the first paint is checked
    doc = _document(tmp_path, "scans", _figures_library(tmp_path, scan, 12))
    view = _view(qtbot, doc)
    qtbot.waitUntil(lambda: view.figures.loader.busy())
    # The page is laid out and painted: text, and a stand-in for each figure in view.
    assert "The text comes first." in view.toPlainText()
    assert view.figures.pending(in_view=True)
    assert decodes.finished == [] and decodes.on_ui_thread == 0
    stand_in = view.loadResource(RESOURCE, QUrl("image:0"))
    assert isinstance(stand_in, QImage)
    assert stand_in.pixelColor(stand_in.width() // 2, stand_in.height() // 2) == STAND_IN
    # Shown a column wide and square, as the figure will be.
    assert stand_in.width() / stand_in.devicePixelRatio() == pytest.approx(view.measure_px())
    assert stand_in.height() == stand_in.width()
    assert _figure_centre(view, "image:0") == STAND_IN
    before = _block_heights(view)
    scroll = view.verticalScrollBar().value()

    decodes.gate.set()
    with qtbot.waitSignal(view.figures.shown, timeout=WAIT_MS):
        pass
    assert not view.figures.pending() and not view.figures.loader.busy()
    assert sorted(decodes.finished) == [f"scan-{n:02d}" for n in range(12)]
    assert decodes.on_ui_thread == 0
    # Each figure took its stand-in's place: no block moved, the reader's place is kept.
    assert _block_heights(view) == before
    assert view.verticalScrollBar().value() == scroll
    assert _figure_centre(view, "image:0") == QColor(*FIGURE)
    shown = view.loadResource(RESOURCE, QUrl("image:11"))
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2) == QColor(*FIGURE)


def test_switching_chapter_midway_cancels_the_old_figures(
    qtbot: QtBot, tmp_path: Path, scan: Path, decodes: Decodes
) -> None:
    decodes.gate.clear()
    doc = _document(tmp_path, "scans", _figures_library(tmp_path, scan, 12))
    view = _view(qtbot, doc)
    # Laid out to the end, so that every figure has been asked for.
    _block_heights(view)
    qtbot.waitUntil(lambda: len(decodes.started) == 1)
    assert len(view.figures.loader.queued()) == 11

    view.show_document(_document(tmp_path, "other", "# Other\n\nNo figures here."), LIGHT, 18)
    assert view.figures.loader.queued() == [] and not view.figures.pending()
    decodes.gate.set()
    qtbot.waitUntil(lambda: not view.figures.loader.busy(), timeout=WAIT_MS)
    # Only the decode already running finished; it did not land in the new chapter.
    assert decodes.started == ["scan-00"]
    assert view.loadResource(RESOURCE, QUrl("image:0")) is None
    assert "No figures here." in view.toPlainText()


def test_the_figure_nearest_the_view_is_decoded_first(
    qtbot: QtBot, tmp_path: Path, decodes: Decodes
) -> None:
    scan = _solid_png(tmp_path / "scan.png", 1600, 1600, FIGURE)  # 2.6 MP: on a worker
    decodes.gate.clear()
    view = _view(qtbot, _document(tmp_path, "scans", _figures_library(tmp_path, scan, 8)))
    qtbot.waitUntil(lambda: len(decodes.started) >= 1)
    # The reader goes to the end while the first figures decode (laid out to the end
    # first: Qt lays a long page out lazily and would scroll only as far as it got).
    _block_heights(view)
    # A reader's jump comes after the window has settled (its first resize burst over).
    qtbot.wait(200)
    view.scroll_to_offset(view.chapter_document.plain.text.index("Figure 7"))
    bottom = view.verticalScrollBar().value()
    assert bottom > 0 and view.figures.pending(in_view=True)  # figure 7 waits in view
    decodes.gate.set()
    qtbot.waitUntil(lambda: not view.figures.pending(), timeout=WAIT_MS)
    assert view.verticalScrollBar().value() == bottom
    assert len(decodes.started) == 8
    running_at_scroll = decodes.started[:2]  # two 2.6 MP decodes fit the memory budget
    after = [name for name in decodes.started if name not in running_at_scroll]
    assert after[0] == "scan-07", decodes.started


def test_a_bigger_font_decodes_the_figures_again_at_the_new_width(
    qtbot: QtBot, tmp_path: Path, decodes: Decodes
) -> None:
    scan = _solid_png(tmp_path / "scan.png", 2400, 1200, FIGURE)
    view = _view(qtbot, _document(tmp_path, "wide", _figures_library(tmp_path, scan, 1)))
    qtbot.waitUntil(lambda: not view.figures.pending(), timeout=WAIT_MS)
    narrow = view.loadResource(RESOURCE, QUrl("image:0"))
    doc = view.chapter_document
    assert doc is not None
    view.show_document(doc, LIGHT, 26)
    stand_in = view.loadResource(RESOURCE, QUrl("image:0"))
    assert stand_in.pixelColor(stand_in.width() // 2, stand_in.height() // 2) == STAND_IN
    qtbot.waitUntil(lambda: not view.figures.pending(), timeout=WAIT_MS)
    wide = view.loadResource(RESOURCE, QUrl("image:0"))
    assert len(decodes.finished) == 2
    assert wide.width() / wide.devicePixelRatio() == pytest.approx(view.measure_px())
    assert wide.width() > narrow.width()
    assert wide.pixelColor(wide.width() // 2, wide.height() // 2) == QColor(*FIGURE)


def test_small_and_headerless_figures_are_decoded_at_once(
    qtbot: QtBot, tmp_path: Path, decodes: Decodes
) -> None:
    _solid_png(tmp_path / "small.png", 1000, 1000, FIGURE)  # 1 MP
    bmp = QImage(1600, 1600, QImage.Format.Format_RGB32)  # 2.6 MP, a size no header gives
    bmp.fill(QColor(*FIGURE))
    assert bmp.save(str(tmp_path / "plain.bmp"), "BMP")
    body = "Small ![small](small.png)\n\nBitmap ![bitmap](plain.bmp)\n"
    view = _view(qtbot, _document(tmp_path, "small", body))
    for name in ("image:0", "image:1"):
        image = view.loadResource(RESOURCE, QUrl(name))
        assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor(*FIGURE)
    assert decodes.started == [] and not view.figures.loader.busy()


def test_the_loader_keeps_decodes_within_its_memory_budget(qtbot: QtBot, tmp_path: Path) -> None:
    """Two big scans never decode side by side; two small ones do."""
    path = _solid_png(tmp_path / "tiny.png", 40, 40, FIGURE)
    loader = FigureLoader()
    active: list[int] = []
    gate = threading.Event()

    def slow(path: Path, ref: ImageRef, column: float, dpr: float) -> Decoded:
        active.append(loader.active())
        gate.wait(timeout=30)
        return real_decode(path, ref, column, dpr)

    ref = ImageRef("tiny.png", "tiny", "found", path, None, None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(image_loader, "decode_image", slow)
        big = MEMORY_BUDGET_PIXELS // 2 + 1
        for n in range(2):
            loader.request(FigureJob(path, ref, 100.0 + n, 1.0, big))
        qtbot.waitUntil(lambda: loader.active() == 1)
        qtbot.wait(50)
        assert loader.active() == 1 and len(loader.queued()) == 1
        gate.set()
        qtbot.waitUntil(lambda: not loader.busy())
        gate.clear()
        for n in range(3):
            loader.request(FigureJob(path, ref, 200.0 + n, 1.0, 3_000_000))
        qtbot.waitUntil(lambda: loader.active() == 2)
        assert len(loader.queued()) == 1
        gate.set()
        qtbot.waitUntil(lambda: not loader.busy())
    loader.stop()


def test_closing_the_view_waits_for_the_running_decode(
    qtbot: QtBot, tmp_path: Path, decodes: Decodes
) -> None:
    scan = _solid_png(tmp_path / "scan.png", 1600, 1600, FIGURE)
    decodes.gate.clear()
    view = _view(qtbot, _document(tmp_path, "scans", _figures_library(tmp_path, scan, 4)))
    qtbot.waitUntil(lambda: view.figures.loader.active() >= 1)
    threading.Timer(0.3, decodes.gate.set).start()
    view.close()
    # Closing returned only once no worker runs; nothing queued starts afterwards.
    assert view.figures.loader.active() == 0
    assert view.figures.loader.queued() == []
    started = list(decodes.started)
    qtbot.wait(100)
    assert decodes.started == started
