"""Background work holds off full collections and hands the interpreter over quickly."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from reader import background_work


def _settings() -> tuple[tuple[int, int, int], float]:
    return gc.get_threshold(), sys.getswitchinterval()


def test_the_settings_hold_while_work_runs_and_come_back_after() -> None:
    usual = _settings()
    with background_work.working():
        thresholds, interval = _settings()
        assert thresholds[:2] == usual[0][:2]  # young collections as usual
        assert thresholds[2] == background_work.PATIENT_COLLECTIONS
        assert interval == pytest.approx(background_work.SWITCH_INTERVAL)
    assert _settings() == usual


def test_overlapping_work_keeps_them_until_the_last_one_ends() -> None:
    usual = _settings()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[tuple[tuple[int, int, int], float]] = []

    def first() -> None:
        with background_work.working():
            first_in.set()
            second_in.wait(10)
        first_out.set()

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(10)
    with background_work.working():
        second_in.set()
        first_out.wait(10)
        seen.append(_settings())  # the first one has ended, this one still runs
    thread.join(10)
    assert seen[0][0][2] == background_work.PATIENT_COLLECTIONS
    assert _settings() == usual


def test_work_that_fails_still_gives_the_settings_back() -> None:
    usual = _settings()
    with pytest.raises(ValueError), background_work.working():
        raise ValueError("the work failed")
    assert _settings() == usual
