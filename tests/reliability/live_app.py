"""Helpers of the interview tests that run the real program in a pseudo-terminal (not a test module)."""

from __future__ import annotations

import io
import os
import re
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]
SAVED = re.compile(r"saved · Q(\d+) = ([1-5]|N/A)")
"""What the save indicator reads once the service has committed a score (one style: written in one piece)."""


def prepare(url: str, *, meetings: int, members: tuple[str, ...] = ("Ann", "Bob")) -> list[tuple[int, list[int]]]:
    """A selection with panel members, one candidate and introduction meetings; returns (meeting, agenda) pairs."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(url))
    try:
        svc.selections.create("Live")
        for name in members:
            svc.members.add(name)
        svc.candidates.add("Acme IT", timezone="America/New_York")
        start = datetime(2031, 5, 5, 10, 0)
        out = []
        for i in range(meetings):
            view = svc.meetings.add(
                candidate="Acme IT",
                kind="introduction",
                start_local=start + timedelta(days=i),
                timezone="Europe/London",
                members=list(members),
            )
            out.append((view.id, [a.question_id for a in view.agenda]))
        return out
    finally:
        svc.close()


def env(home: Path, **extra: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    values.update(
        TERM="xterm-256color",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return values


def spawn(url: str, meeting: int, member: str, home: Path, **extra: str) -> tuple[pexpect.spawn, io.BytesIO]:
    """`workbench --db URL interview MEETING --as MEMBER` in a 120x40 pseudo-terminal; its output is logged."""
    log = io.BytesIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "workbench", "--db", url, "interview", str(meeting), "--as", member],
        env=env(home, **extra),
        dimensions=(40, 120),
        timeout=120,
        cwd=str(ROOT),
    )
    child.logfile_read = log
    return child, log


def shown_saved(output: bytes) -> list[tuple[int, int | None]]:
    """Every (agenda number, value) the indicator showed as saved, in order (None: N/A)."""
    text = output.decode("utf-8", "replace")
    return [(int(n), None if v == "N/A" else int(v)) for n, v in SAVED.findall(text)]


class Drain(threading.Thread):
    """Reads the program's output as it comes, as a terminal would (once a process is killed, output
    still waiting in the pseudo-terminal may be dropped); everything read goes to the child's log."""

    def __init__(self, child: pexpect.spawn) -> None:
        super().__init__(daemon=True)
        self.child = child

    def run(self) -> None:
        while True:
            try:
                self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                continue
            except (pexpect.EOF, OSError, ValueError):
                return


def wait_for(log: io.BytesIO, text: str, *, timeout: float = 90.0, start: int = 0) -> None:
    """Wait until a drained program's output (from byte ``start`` on) holds ``text``."""
    needle = text.encode()
    deadline = time.monotonic() + timeout
    while needle not in log.getvalue()[start:]:
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared on the screen")
        time.sleep(0.05)
