"""The reading-progress model: furthest point and finished flag, kept as one settings string."""

from __future__ import annotations

import time

import pytest

from reader.core.progress import FULL, ChapterProgress, ReadingProgress, progress_label


def test_the_furthest_point_only_grows_and_finished_stays() -> None:
    progress = ReadingProgress()
    assert progress.get("one") is None
    assert progress.record("one", 0.42, at_end=False)
    assert progress.get("one") == ChapterProgress(420, False)
    # Scrolling back up changes nothing kept.
    assert not progress.record("one", 0.10, at_end=False)
    assert progress.get("one") == ChapterProgress(420, False)
    assert progress.record("one", 0.97, at_end=True)
    assert progress.get("one") == ChapterProgress(FULL, True)
    assert not progress.record("one", 0.0, at_end=False)
    assert progress.get("one") == ChapterProgress(FULL, True)


def test_labels_say_unread_started_and_finished() -> None:
    assert progress_label(None) == ""
    assert progress_label(ChapterProgress(420, False)) == "42%"
    # Nearly the whole text seen but not the end: not yet 100%.
    assert progress_label(ChapterProgress(999, False)) == "99%"
    assert progress_label(ChapterProgress(FULL, True)) == "✓"


def test_the_state_round_trips_through_its_string() -> None:
    progress = ReadingProgress()
    progress.record("human-security", 1.0, at_end=True)
    progress.record("module.lesson_2", 0.333, at_end=False)
    text = progress.serialise()
    assert text == "human-security=1000! module.lesson_2=333"
    again = ReadingProgress.parse(text)
    assert again.items() == progress.items()
    assert again.skipped == 0


def test_unreadable_entries_are_skipped_and_the_rest_kept() -> None:
    text = "good=250 =5 bad slug!=3 other=12x fine=1000! huge=999999 ok=٣ last=7"
    progress = ReadingProgress.parse(text)
    assert progress.get("good") == ChapterProgress(250, False)
    assert progress.get("fine") == ChapterProgress(FULL, True)
    assert progress.get("huge") == ChapterProgress(FULL, False)  # clamped, not finished
    assert progress.get("last") == ChapterProgress(7, False)
    assert progress.get("ok") is None  # non-ASCII digits are not a number written by us
    assert progress.skipped == 5  # "=5", "bad", "slug!=3", "other=12x", "ok=٣"
    assert ReadingProgress.parse("").items() == []


def test_a_bad_slug_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="not a chapter slug"):
        ReadingProgress().record("has space", 0.5, at_end=False)


def test_a_thousand_chapters_parse_and_serialise_quickly() -> None:
    progress = ReadingProgress()
    for i in range(1000):
        progress.record(f"module-{i:03}.lesson", (i % 100) / 100, at_end=i % 3 == 0)
    text = progress.serialise()
    started = time.perf_counter()
    for _ in range(10):
        parsed = ReadingProgress.parse(text)
    per_parse = (time.perf_counter() - started) / 10
    assert len(parsed) == 1000 and parsed.items() == progress.items()
    # About 1 ms on the project's machines; the bound leaves room for a busy one.
    assert per_parse < 0.05
