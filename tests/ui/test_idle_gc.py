"""Full garbage collections wait for a pause of the user, and still free everything in the end."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from screens.shell import idle_gc
from screens.shell.idle_gc import IdleCollector


class Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    now = [1000.0]
    monkeypatch.setattr(idle_gc.time, "monotonic", lambda: now[0])
    yield now
    gc.unfreeze()  # leave the test process as it was


def test_a_cycle_frozen_at_start_is_freed_at_the_first_pause_after_input(clock: list[float]) -> None:
    node = Node()
    alive = weakref.ref(node)
    collector = IdleCollector()
    collector.start()
    del node
    gc.collect()
    assert alive() is not None  # frozen: left out of the collections, even a full one
    collector.saw_input()
    clock[0] += idle_gc.IDLE_SECONDS / 2
    collector.tick()
    assert alive() is not None and collector.collections == 0  # the user is still typing
    clock[0] += idle_gc.IDLE_SECONDS
    collector.tick()
    assert alive() is None and collector.collections == 1
    clock[0] += 10 * idle_gc.IDLE_SECONDS
    collector.tick()
    assert collector.collections == 1  # no input since: nothing to do


def test_no_collection_before_start_or_without_input(clock: list[float]) -> None:
    collector = IdleCollector()
    collector.saw_input()
    clock[0] += 10 * idle_gc.IDLE_SECONDS
    collector.tick()
    assert collector.collections == 0
    collector.start()
    collector.tick()  # once started, the pause after that input counts
    assert collector.collections == 1
    collector.tick()
    assert collector.collections == 1
