"""The on-disk render cache: same result as rendering, and never stale about images."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

from helpers import write_chapter

from reader.core import markdown_parser
from reader.core.document import DocumentCache, load_document
from reader.core.library_scan import load_library
from reader.core.render_cache import FORMAT_VERSION, Alignment, RenderCache


def test_a_restart_reads_the_cache_and_gets_the_same_document(
    seed_library: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    library = load_library(seed_library)
    chapter = library.chapters[0]
    disk = RenderCache(tmp_path / "cache")
    first = DocumentCache(library.root, disk=disk).get(chapter)
    [entry] = list((tmp_path / "cache").iterdir())
    assert chapter.content_hash in entry.name

    # A second start must not convert Markdown at all.
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Markdown was converted although the chapter is cached")

    monkeypatch.setattr(markdown_parser, "parser", refuse)
    again = DocumentCache(library.root, disk=RenderCache(tmp_path / "cache")).get(chapter)
    assert again.rendered == first.rendered
    assert again.plain == first.plain
    monkeypatch.undo()
    assert again.plain == load_document(chapter, library.root).plain


def test_an_image_that_appears_invalidates_the_entry(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    write_chapter(root, "c.md", "C", 'Text\n\n<img src="fig.png" alt="fig" width="50%" />')
    library = load_library(root)
    disk = RenderCache(tmp_path / "cache")
    before = DocumentCache(library.root, disk=disk).get(library.chapters[0])
    assert before.rendered.images[0].status == "missing"
    (root / "fig.png").write_bytes(b"\x89PNG")
    after = DocumentCache(library.root, disk=disk).get(library.chapters[0])
    assert after.rendered.images[0].status == "found"
    assert 'src="image:0"' in after.rendered.html


def test_damaged_entries_are_ignored_and_read_only_caches_write_nothing(
    seed_library: Path, tmp_path: Path
) -> None:
    library = load_library(seed_library)
    chapter = library.chapters[0]
    folder = tmp_path / "cache"
    DocumentCache(library.root, disk=RenderCache(folder, writable=False)).get(chapter)
    assert not folder.exists()
    disk = RenderCache(folder)
    DocumentCache(library.root, disk=disk).get(chapter)
    [entry] = list(folder.iterdir())
    for damage in (b"{not marshal", b"", marshal.dumps([1, 2]), marshal.dumps({"base": ""})):
        entry.write_bytes(damage)
        doc = DocumentCache(library.root, disk=disk).get(chapter)
        assert [h.id for h in doc.rendered.headings][6] == "poverty"
        assert marshal.loads(entry.read_bytes())["headings"][6][2] == "poverty"


def test_a_library_reached_through_a_symlink_keeps_its_images(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    write_chapter(real, "c.md", "C", '<img src="fig.png" alt="fig" />')
    (real / "fig.png").write_bytes(b"\x89PNG")
    (tmp_path / "link").symlink_to(real)
    root = tmp_path / "link"  # not resolved: the renderer and the cache resolve it once
    chapter = load_library(real).chapters[0]
    disk = RenderCache(tmp_path / "cache")
    rendered = DocumentCache(root, disk=disk).get(chapter).rendered
    assert [i.status for i in rendered.images] == ["found"]
    cached = disk.load(chapter.content_hash, root)
    assert cached is not None and [i.status for i in cached[0].images] == ["found"]


def test_prune_keeps_this_librarys_and_recent_entries_and_drops_the_rest(
    seed_library: Path, tmp_path: Path
) -> None:
    library = load_library(seed_library)
    chapter = library.chapters[0]
    folder = tmp_path / "cache"
    disk = RenderCache(folder)
    DocumentCache(library.root, disk=disk).get(chapter)  # this library's entry
    day = 86400.0
    now = time.time()

    def entry(name: str, age_days: float) -> Path:
        path = folder / name
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (now - age_days * day, now - age_days * day))
        return path

    v = FORMAT_VERSION
    stale = entry(f"v{v}-{'a' * 64}.marshal", 45)  # a chapter version long gone
    stale_alignment = entry(f"v{v}-{'a' * 64}.alignment", 45)  # and how it lined up
    fresh = entry(f"v{v}-{'b' * 64}-0123456789abcdef.marshal", 2)  # another library's
    older_format = entry(f"v0-{'c' * 64}.json", 1)  # written by an older Field Reader
    crashed = entry(f".v{v}-{'d' * 64}.marshal.x1y2.tmp", 45)
    writing = entry(f".v{v}-{'e' * 64}.marshal.x3y4.tmp", 0)
    unrelated = entry("notes-about-this-folder.txt", 400)
    own = disk._path(chapter.content_hash)
    disk.save_alignment(chapter.content_hash, Alignment("Qt 6", ((0, 0),), 5, ()))
    own_alignment = own.with_suffix(".alignment")
    for path in (own, own_alignment):
        os.utime(path, (now - 400 * day, now - 400 * day))  # old, but still this library's

    assert disk.prune({chapter.content_hash}, now=now) == 4
    gone = (stale, stale_alignment, older_format, crashed)
    assert not any(path.exists() for path in gone)
    assert fresh.exists() and writing.exists() and unrelated.exists()
    assert own.exists() and own_alignment.exists()
    # Read-only caches (screenshots) and missing folders change nothing.
    assert RenderCache(folder, writable=False).prune(set(), now=now + 1000 * day) == 0
    assert RenderCache(tmp_path / "nowhere").prune(set()) == 0


def test_loading_an_entry_counts_as_using_it(seed_library: Path, tmp_path: Path) -> None:
    library = load_library(seed_library)
    chapter = library.chapters[0]
    disk = RenderCache(tmp_path / "cache")
    DocumentCache(library.root, disk=disk).get(chapter)
    path = disk._path(chapter.content_hash)
    old = time.time() - 90 * 86400
    os.utime(path, (old, old))
    assert disk.load(chapter.content_hash, library.root) is not None
    assert path.stat().st_mtime > old + 80 * 86400
    # So a library read in another session keeps its renderings.
    assert disk.prune(set()) == 0 and path.exists()


def test_the_same_chapter_in_two_folders_keeps_two_entries(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for folder in ("a", "b"):
        (root / folder).mkdir(parents=True)
        write_chapter(root / folder, "c.md", "C", "![fig](fig.png)\n")
    (root / "a" / "fig.png").write_bytes(b"\x89PNG")
    chapter = load_library(root / "a").chapters[0]
    in_a = chapter._replace(relpath="a/c.md")
    in_b = chapter._replace(relpath="b/c.md")
    disk = RenderCache(tmp_path / "cache")
    first = [DocumentCache(root, disk=disk).get(c).rendered.images[0].status for c in (in_a, in_b)]
    assert first == ["found", "missing"]
    assert len(list((tmp_path / "cache").iterdir())) == 2
    for chapter_in, status in ((in_a, "found"), (in_b, "missing")):
        cached = disk.load(chapter.content_hash, root, chapter_in.relpath.rpartition("/")[0])
        assert cached is not None and cached[0].images[0].status == status
    assert disk.prune({chapter.content_hash}, unused_days=0) == 0  # both are this library's


def test_links_issues_folds_and_code_survive_the_cache(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    body = (
        "[next](next.md) https://example.org\n\n<details>\n<summary>More</summary>\n\n"
        "Hidden.\n\n</details>\n\n![d](d.svg)\n\n```python\nx = 1\n"
    )
    write_chapter(root, "c.md", "C", body)
    chapter = load_library(root).chapters[0]
    disk = RenderCache(tmp_path / "cache")
    fresh = DocumentCache(root, disk=disk).get(chapter)
    assert fresh.rendered.links == ("next.md", "https://example.org")
    assert [kind for kind, _ in fresh.rendered.issues] == ["unclosed-fence"]
    assert len(fresh.plain.folds) == 1 and len(fresh.plain.code) == 1
    assert fresh.rendered.images[0].svg
    cached = disk.load(chapter.content_hash, root)
    assert cached is not None
    assert cached[0] == fresh.rendered and cached[1] == fresh.plain


def test_an_alignment_is_kept_per_viewer_and_refused_when_damaged(tmp_path: Path) -> None:
    disk = RenderCache(tmp_path / "cache")
    kept = Alignment("Qt 6.11.3", ((0, 0), (10, 11), (20, 22)), 40, (3, 30))
    assert disk.load_alignment("f" * 64, "Qt 6.11.3") is None  # none kept yet
    disk.save_alignment("f" * 64, kept, "sub/folder")
    assert disk.load_alignment("f" * 64, "Qt 6.11.3", "sub/folder") == kept
    assert disk.load_alignment("f" * 64, "Qt 6.11.3") is None  # another folder's chapter
    assert disk.load_alignment("f" * 64, "Qt 6.12.0", "sub/folder") is None  # another Qt
    path = disk._path("f" * 64, "sub/folder", ".alignment")
    for damage in (
        b"\x00garbage",
        b"",
        marshal.dumps(("Qt 6.11.3", [(0, 0)], 40)),  # a part missing
        marshal.dumps(("Qt 6.11.3", [(1, 0)], 40, [])),  # not from the start
        marshal.dumps(("Qt 6.11.3", [(0, 0), (9, 9), (5, 12)], 40, [])),  # going back
        marshal.dumps(("Qt 6.11.3", [(0, 0), (9, 90)], 40, [])),  # past the end
        marshal.dumps(("Qt 6.11.3", [(0, 0)], 40, [30, 3])),  # astral out of order
        marshal.dumps(("Qt 6.11.3", [(0, 0)], 40, [40])),  # astral past the end
        marshal.dumps(("Qt 6.11.3", [("a", 0)], 40, [])),
    ):
        path.write_bytes(damage)
        assert disk.load_alignment("f" * 64, "Qt 6.11.3", "sub/folder") is None, damage
    # A read-only cache keeps nothing.
    RenderCache(tmp_path / "other", writable=False).save_alignment("f" * 64, kept)
    assert not (tmp_path / "other").exists()
