"""Back and forward through jumps, as a web browser does it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.history import History, Place

A, B, C, D = (Place("ch", n) for n in (0, 100, 200, 300))


def test_back_and_forward_retrace_the_jumps() -> None:
    history = History()
    assert not history.can_go_back and history.back(A) is None
    history.jumped_from(A)  # A -> B
    history.jumped_from(B)  # B -> C
    assert history.back(C) == B
    assert history.back(B) == A
    assert history.back(A) is None
    assert history.forward(A) == B
    assert history.forward(B) == C
    assert not history.can_go_forward and history.forward(C) is None


def test_a_new_jump_after_going_back_clears_forward() -> None:
    history = History()
    history.jumped_from(A)
    history.jumped_from(B)
    assert history.back(C) == B
    history.jumped_from(B)  # from B somewhere else: C is no longer ahead
    assert not history.can_go_forward
    assert history.back(D) == B
    assert history.back(B) == A


def test_repeated_jumps_from_one_place_need_one_step_back() -> None:
    history = History()
    history.jumped_from(A)
    history.jumped_from(A)
    assert history.back(B) == A
    assert not history.can_go_back


def test_only_the_latest_places_are_kept_and_gone_ones_are_forgotten() -> None:
    history = History(limit=2)
    for place in (A, B, C):
        history.jumped_from(place)
    assert history.back(D) == C and history.back(C) == B and history.back(B) is None
    history.forget(C)
    assert history.forward(B) == D  # C was dropped from the way forward


@given(st.lists(st.sampled_from(["jump", "back", "forward"]), max_size=40))
def test_going_back_then_forward_returns_to_the_same_place(steps: list[str]) -> None:
    history, here, counter = History(), Place("ch", 0), 1
    for step in steps:
        if step == "jump":
            history.jumped_from(here)
            here, counter = Place("ch", counter), counter + 1
        elif step == "back" and history.can_go_back:
            before = here
            here = history.back(here) or here
            assert history.forward(here) == before  # undo the step...
            assert history.back(before) == here  # ...and redo it
        elif step == "forward" and history.can_go_forward:
            here = history.forward(here) or here
