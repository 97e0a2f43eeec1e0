"""The real `workbench` program in tmux sessions, to close their terminals under it (not a test module)."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKBENCH = Path(sys.executable).parent / "workbench"
"""The console script of the environment the tests run in."""


def have_tmux() -> bool:
    return shutil.which("tmux") is not None and WORKBENCH.exists()


def gone(pid: int) -> bool:
    """The process has ended (no longer there, or a zombie waiting for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


def wait_gone(pid: int, timeout: float) -> float | None:
    """Seconds until the process ended; None if it is still there after ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if gone(pid):
            return time.monotonic() - start
        time.sleep(0.01)
    return None


class Tmux:
    """A tmux server of the test's own (its socket in the test's folder), without the user's configuration."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "tmux.sock"

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return out.stdout

    def kill_server(self) -> None:
        self.run("kill-server")


class Terminal:
    """One tmux session, 120x40, running ``workbench ARGS`` with its own home folder; its output is logged."""

    def __init__(self, tmux: Tmux, name: str, args: list[str], home: Path) -> None:
        self.tmux, self.name, self.home = tmux, name, home
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "terminal.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
        env.update(
            TERM="xterm-256color",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            PYTHONPATH=str(ROOT),
        )
        assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items() if "\n" not in v)
        command = f"exec env -i {assignments} {shlex.join([str(WORKBENCH), *args])}"
        out = tmux.run("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-P", "-F", "#{pane_pid}", command)
        self.pid = int(out.strip())
        self.started = time.monotonic()
        tmux.run("pipe-pane", "-t", name, "-o", f"cat >> {shlex.quote(str(self.log))}")

    def screen(self) -> str:
        return self.tmux.run("capture-pane", "-p", "-t", self.name)

    def output(self) -> str:
        """Everything the terminal was sent since the session began (from the log)."""
        try:
            return self.log.read_bytes().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def wait_for(self, text: str, timeout: float = 60.0) -> None:
        """Wait until the screen shows ``text``."""
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if gone(self.pid):
                raise AssertionError(f"the program ended before showing {text!r}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")
            time.sleep(0.05)

    def wait_output(self, text: str, timeout: float = 30.0) -> bool:
        """Wait until the terminal was sent ``text``; False after ``timeout``."""
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if time.monotonic() > deadline or gone(self.pid):
                return False
            time.sleep(0.02)
        return True

    def keys(self, *keys: str) -> None:
        """Press keys by name (``Enter``, ``F4``, ``C-p``, ``3``)."""
        self.tmux.run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type text, as it is."""
        self.tmux.run("send-keys", "-t", self.name, "-l", text)

    def close(self, how: str) -> float:
        """Close the terminal (``kill-session``) or hang up the process (``sighup``); returns when it was done."""
        if how == "kill-session":
            self.tmux.run("kill-session", "-t", self.name)
        else:
            os.kill(self.pid, signal.SIGHUP)
        return time.monotonic()
