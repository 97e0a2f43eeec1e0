"""A closed terminal ends the program within 2 seconds, whatever it was doing, and loses nothing it showed saved.

The real `workbench` program runs in tmux sessions (several at once, on copies of the sample database).
Each is closed at a random moment of start-up or use: the session killed (`tmux kill-session`, as a
closed window or a dropped SSH connection does), or SIGHUP sent to the process. Every process must be
gone within 2 s of the close, or of a failed write to its screen. What the interview's save indicator
showed as saved ("saved · Q3 = 4"), and a note the screen showed typed, are read back through the
services. A second SIGTERM ends a program that is stuck saving at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import random
import re
import signal
import sqlite3
import struct
import subprocess
import termios
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.harness import MEMBER
from tests.reliability.tmux_app import ROOT, WORKBENCH, Terminal, Tmux, gone, have_tmux, wait_gone

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not have_tmux(), reason="needs tmux and the workbench console script"),
]

LIMIT = 2.0
"""Seconds a closed terminal's program may take to end."""

MEETING = 3  # planned, Helen Marsh attends, nothing scored yet: a question is scored once per run
SAVED = re.compile(r"saved · Q(\d+) = ([1-5]|N/A)")
HOW = ("kill-session", "sighup")


def _run_all(runs: list[Callable[[], dict[str, Any]]], at_once: int) -> list[dict[str, Any]]:
    with ThreadPoolExecutor(at_once) as pool:
        return list(pool.map(lambda run: run(), runs))


def _ended(term: Terminal, how: str) -> dict[str, Any]:
    closed = term.close(how)
    took = wait_gone(term.pid, 10.0)
    if took is None:  # still there: make sure it does not outlive the test
        term.tmux.run("kill-session", "-t", term.name)
        with contextlib.suppress(ProcessLookupError):
            os.kill(term.pid, signal.SIGKILL)
    return {"name": term.name, "how": how, "took": took, "after": closed - term.started}


def _assert_all_ended(results: list[dict[str, Any]]) -> None:
    late = [r for r in results if r["took"] is None or r["took"] > LIMIT]
    assert not late, f"not gone within {LIMIT} s of the close: {late}"


def _intact(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def tmux(tmp_path: Path) -> Any:
    server = Tmux(tmp_path)
    yield server
    server.kill_server()


def test_closed_during_start_up(tmux: Tmux, tmp_path: Path, sample_copy: Callable[[str], Path]) -> None:
    """Right after the start, and while the home screen fills (the services opening, the warm-up running)."""
    rng = random.Random(1401)
    paths: list[Path] = []

    def one(i: int, pause: float, how: str) -> Callable[[], dict[str, Any]]:
        path = sample_copy(f"start{i}.sqlite3")
        paths.append(path)

        def run() -> dict[str, Any]:
            term = Terminal(tmux, f"start{i}", ["--db", str(path), "--as", MEMBER], tmp_path / f"start{i}")
            time.sleep(pause)
            return _ended(term, how)

        return run

    runs = [one(i, rng.uniform(0.0, 3.5), HOW[i % 2]) for i in range(10)]
    _assert_all_ended(_run_all(runs, at_once=5))
    for path in paths:
        _intact(path)


SECTIONS = {
    "home": ([], "Outsource IT support (sample)"),
    "schedule": (["Enter", "F4"], "meetings, 0 cancelled"),
    "new-selection dialog": (["n"], "New selection"),
    "command palette": (["C-p"], "Search for commands"),
    "help": (["F1"], "Keys"),
}


def test_closed_in_the_sections_and_dialogs(tmux: Tmux, tmp_path: Path, sample_copy: Callable[[str], Path]) -> None:
    """The home screen shown, a section opening (its worker running) or open, a dialog open, something typed."""
    rng = random.Random(1402)
    moments = list(SECTIONS) * 2

    def one(i: int, moment: str, how: str) -> Callable[[], dict[str, Any]]:
        path = sample_copy(f"use{i}.sqlite3")

        def run() -> dict[str, Any]:
            term = Terminal(tmux, f"use{i}", ["--db", str(path), "--as", MEMBER], tmp_path / f"use{i}")
            keys, shown = SECTIONS[moment]
            term.wait_for("Outsource IT support (sample)")
            for key in keys:
                time.sleep(0.3)
                term.keys(key)
            if i % 3 == 0:  # while it opens: the screen's worker may be running
                time.sleep(rng.uniform(0.0, 0.5))
            else:
                term.wait_for(shown)
                if moment == "new-selection dialog":
                    term.type("Half typed")
                time.sleep(rng.uniform(0.0, 0.6))
            return _ended(term, how) | {"moment": moment}

        return run

    runs = [one(i, moment, HOW[(i // 2) % 2]) for i, moment in enumerate(moments)]
    _assert_all_ended(_run_all(runs, at_once=4))


def _stored(path: Path) -> tuple[dict[int, int | None], list[str], list[int]]:
    """The member's scores of the meeting (question -> value), their notes' texts, and the agenda's questions."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(path)))
    try:
        card = svc.scoring.scorecard(MEETING, member=MEMBER)
        notes = [n.text for n in svc.notes.list(MEETING) if n.member == MEMBER]
        agenda = [a.question_id for a in svc.meetings.get(MEETING).agenda]
        return {s.question_id: s.value for s in card.scores}, notes, agenda
    finally:
        svc.close()


def test_closed_while_interviewing(tmux: Tmux, tmp_path: Path, sample_copy: Callable[[str], Path]) -> None:
    """Scores typed at a random pace, then a note: closed at a random moment of it; nothing shown as saved is lost."""
    rng = random.Random(1403)
    plans = []
    for i in range(12):
        values = [rng.choice([1, 2, 3, 4, 5, None]) for _ in range(rng.randint(1, 8))]
        plans.append((i, values, rng.choice(["scoring", "note shown", "note typed"]), HOW[i % 2]))
    paths = {i: sample_copy(f"iv{i}.sqlite3") for i, *_ in plans}

    def one(i: int, values: list[int | None], moment: str, how: str) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            term = Terminal(
                tmux, f"iv{i}", ["--db", str(paths[i]), "interview", str(MEETING), "--as", MEMBER], tmp_path / f"iv{i}"
            )
            term.wait_for("0 of 14 scored")
            note = f"NOTE-{i}-closed-terminal"
            for value in values:
                term.type(("0" if value is None else str(value)) + "j")
                time.sleep(rng.choice([0.0, 0.01, 0.05, 0.1]))
            note_shown = False
            if moment == "scoring":
                time.sleep(rng.uniform(0.0, 0.4))
            else:
                term.type("n")
                time.sleep(0.2)
                term.type(note)
                if moment == "note shown":  # on screen in the editor: closing now must store it
                    note_shown = term.wait_output(note)
                else:
                    time.sleep(rng.uniform(0.0, 0.3))
            return _ended(term, how) | {"i": i, "values": values, "note": note, "note_shown": note_shown, "term": term}

        return run

    results = _run_all([one(*plan) for plan in plans], at_once=4)
    _assert_all_ended(results)
    shown_in_all = 0
    for r in results:
        scores, notes, agenda = _stored(paths[r["i"]])
        typed = {n + 1: v for n, v in enumerate(r["values"])}
        shown = [(int(n), None if v == "N/A" else int(v)) for n, v in SAVED.findall(r["term"].output())]
        for number, value in shown:
            assert typed.get(number, "not typed") == value, (r["i"], number, value)
            assert scores.get(agenda[number - 1], "missing") == value, (r["i"], number, value, scores)
        assert set(scores) <= {agenda[n - 1] for n in typed}, r["i"]  # nothing stored that was not typed
        assert all(r["note"].startswith(text) and text for text in notes), (r["i"], notes)
        assert len(notes) <= 1, (r["i"], notes)
        if r["note_shown"]:
            assert notes == [r["note"]], (r["i"], notes)
        shown_in_all += len(shown)
        _intact(paths[r["i"]])
    assert shown_in_all >= 6  # the runs did show saved scores before their terminal went
    assert any(r["note_shown"] for r in results)


def test_a_second_sigterm_ends_it_at_once(tmux: Tmux, tmp_path: Path, sample_copy: Callable[[str], Path]) -> None:
    """Stuck saving (another program holds the database's write lock): the first SIGTERM waits for the save,
    the second ends the process at once."""
    path = sample_copy("term.sqlite3")
    term = Terminal(tmux, "term", ["--db", str(path), "interview", str(MEETING), "--as", MEMBER], tmp_path / "term")
    term.wait_for("0 of 14 scored")
    lock = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        lock.execute("BEGIN IMMEDIATE")  # every write of the program waits (its busy timeout is 30 s)
        term.type("n")
        time.sleep(0.2)
        term.type("NOTE-stuck")
        assert term.wait_output("NOTE-stuck")
        os.kill(term.pid, signal.SIGTERM)
        time.sleep(1.5)
        assert not gone(term.pid)  # a first SIGTERM leaves cleanly: it waits for the save
        os.kill(term.pid, signal.SIGTERM)
        took = wait_gone(term.pid, 10.0)
        assert took is not None and took < 1.0, took
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    _intact(path)


def test_a_write_error_on_the_terminal_ends_it(tmp_path: Path, sample_copy: Callable[[str], Path]) -> None:
    """The screen goes to a pipe whose reader has gone (EPIPE): the next frame written ends the program."""
    path = sample_copy("pipe.sqlite3")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        TERM="xterm-256color",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    child = subprocess.Popen(
        [str(WORKBENCH), "--db", str(path), "--as", MEMBER],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,  # Textual draws on stderr
        start_new_session=True,
        env=env,
    )
    os.close(slave)
    try:
        assert child.stderr is not None
        seen = b""
        deadline = time.monotonic() + 60
        while b"Outsource IT support" not in seen:  # the home screen with its data
            assert time.monotonic() < deadline, seen[-300:]
            seen += os.read(child.stderr.fileno(), 65536)
        child.stderr.close()  # nobody reads the screen any more: the next write fails with EPIPE
        time.sleep(0.3)
        os.write(master, b"n")  # a key: the app draws a dialog, and that write fails
        pressed = time.monotonic()
        child.wait(timeout=10)
        took = time.monotonic() - pressed
        assert took < LIMIT, took
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
