"""The query an entity page reads ahead in a thread (server/linked_data.py ``_Ahead``): the
same rows as the call made in place, the call made by the caller when no slot is free or when
it failed in the thread, and the slot always given back."""

from __future__ import annotations

import threading

from diplograph.server import linked_data
from diplograph.server.linked_data import AHEAD, _Ahead


def _free_slots() -> int:
    n = 0
    while linked_data._AHEAD_SLOTS.acquire(blocking=False):
        n += 1
    for _ in range(n):
        linked_data._AHEAD_SLOTS.release()
    return n


def test_the_call_runs_in_another_thread_and_gives_its_value() -> None:
    where: list[str] = []

    def call(x: int) -> int:
        where.append(threading.current_thread().name)
        return x * 2

    assert _Ahead(call, 21).result() == 42
    assert where and where[0].startswith("page-ahead")
    assert _free_slots() == AHEAD


def test_without_a_free_slot_the_caller_makes_the_call() -> None:
    gate = threading.Event()
    where: list[str] = []

    def held() -> str:
        gate.wait(30)
        return "held"

    def call() -> str:
        where.append(threading.current_thread().name)
        return "mine"

    first = [_Ahead(held) for _ in range(AHEAD)]  # every slot taken
    try:
        assert _Ahead(call).result() == "mine"
        assert where == [threading.current_thread().name]
    finally:
        gate.set()
    assert [a.result() for a in first] == ["held"] * AHEAD
    assert _free_slots() == AHEAD


def test_a_call_that_failed_in_the_thread_is_made_again_by_the_caller() -> None:
    calls: list[str] = []

    def flaky() -> str:
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            raise TimeoutError("busy")
        return "answer"

    assert _Ahead(flaky).result() == "answer"
    assert len(calls) == 2 and calls[1] == threading.current_thread().name
    assert _free_slots() == AHEAD


def test_an_error_the_caller_meets_again_is_raised() -> None:
    def broken() -> None:
        raise ValueError("no such graph")

    try:
        _Ahead(broken).result()
    except ValueError as e:
        assert str(e) == "no such graph"
    else:
        raise AssertionError("the error was swallowed")
    assert _free_slots() == AHEAD
