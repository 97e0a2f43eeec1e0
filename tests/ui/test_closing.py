"""Closing: a worker stops waiting on the event loop once the app is closing; a lost terminal drops the output."""

from __future__ import annotations

import errno
import threading
import time
from typing import Any

import pytest

from screens.shell.closing import AppClosing, ClosingApp
from screens.shell.terminal import TerminalOutput


class Probe(ClosingApp):
    def on_mount(self) -> None:
        self.remember_loop()


def _in_thread(fn: Any) -> tuple[threading.Thread, dict[str, Any]]:
    out: dict[str, Any] = {}

    def run() -> None:
        start = time.monotonic()
        try:
            out["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - what the worker got
            out["error"] = exc
        out["took"] = time.monotonic() - start

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


async def test_call_from_thread_runs_on_the_ui_thread_and_returns_the_result() -> None:
    app = Probe()
    async with app.run_test() as pilot:
        ui = threading.get_ident()

        async def later(x: int) -> int:
            return x + 1

        thread, out = _in_thread(lambda: (app.call_from_thread(threading.get_ident), app.call_from_thread(later, 41)))
        while thread.is_alive():
            await pilot.pause(0.01)
        assert out["result"] == (ui, 42)
        thread, out = _in_thread(lambda: app.call_from_thread(lambda: 1 / 0))
        while thread.is_alive():
            await pilot.pause(0.01)
        assert isinstance(out["error"], ZeroDivisionError)
        with pytest.raises(RuntimeError):
            app.call_from_thread(int)  # from the app's own thread it would wait for itself


async def test_a_worker_waiting_on_a_stuck_loop_gives_up_once_the_app_is_closing() -> None:
    app = Probe()
    async with app.run_test():
        thread, out = _in_thread(lambda: app.call_from_thread(int))
        threading.Timer(0.2, app.closing.set).start()
        time.sleep(1.0)  # the event loop is stuck: the callback cannot run
        thread.join(1.0)
        assert isinstance(out.get("error"), AppClosing)
        assert out["took"] < 0.6
        thread, out = _in_thread(lambda: app.call_from_thread(int))  # once closing: at once
        thread.join(1.0)
        assert isinstance(out.get("error"), AppClosing)


async def test_exit_sets_closing() -> None:
    app = Probe()
    async with app.run_test() as pilot:
        assert not app.closing.is_set()
        app.exit()
        await pilot.pause()
        assert app.closing.is_set()


class Terminal:
    """A terminal that fails every write from the n-th on (EIO, as a closed pseudo-terminal does)."""

    def __init__(self, fail_from: int) -> None:
        self.written: list[str] = []
        self.fail_from = fail_from
        self.calls = 0

    def write(self, text: str) -> int:
        self.calls += 1
        if self.calls >= self.fail_from:
            raise OSError(errno.EIO, "Input/output error")
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        if self.calls >= self.fail_from:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    def fileno(self) -> int:
        return 2


def test_a_failed_write_marks_the_terminal_gone_once_and_drops_what_follows() -> None:
    lost: list[bool] = []
    terminal = Terminal(fail_from=3)
    output = TerminalOutput(terminal, lambda: lost.append(True))  # type: ignore[arg-type]
    for text in ("a", "b", "c", "d", "e"):
        output.write(text)
        output.flush()
    assert terminal.written == ["a", "b"]
    assert output.gone and lost == [True]
    assert terminal.calls == 3  # nothing more was tried once the terminal had gone
