"""Key press to updated frame, in a real pseudo-terminal, on a list of 200 candidates beside a bare DataTable app.

Both programs run at once in their own pseudo-terminal (120x40, TEXTUAL_FPS=1000); this script plays
the terminal: it answers Textual's query for synchronized output, so that every frame ends with
``ESC [ ? 2026 l``. A press is timed from writing its bytes to reading the end of the last frame it
caused (no output for QUIET seconds after it); presses alternate between the two programs, so that
the machine's noise hits both alike. Two kinds of press: the down/up arrow moving the cursor over the
list (it scrolls), and typing in the filter (a character, then backspace: about half the rows go and
come back).

A third program, a bare app whose key press changes one label, is pressed alongside the cursor moves:
the machine's floor for a key press to a frame, against which the 10 ms target can be read.

Run alone: python benchmarks/bench_keys.py [--presses N]
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from bench_common import child_env, ms, pct

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "set": the terminal supports synchronized output
SYNC_END = b"\x1b[?2026l"
QUIET = 0.03
PAUSE = 2.0  # seconds between the list on screen and the first press, as a user reading it first
KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "f3": b"\x1bOR", "/": b"/", "backspace": b"\x7f"}

BARE_TABLE_APP = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import DataTable, Input

ROWS = [(f"Vendor {i:03d}", "long-list", "Europe/London") for i in range(200)]

class Bare(App):
    BINDINGS = [Binding("slash", "filter", "Filter")]

    def compose(self):
        yield Input(placeholder="filter")
        yield DataTable(cursor_type="row")

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("name", "status", "zone")
        table.add_rows(ROWS)
        table.focus()

    def action_filter(self):
        self.query_one(Input).focus()

    def on_input_changed(self, event):
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows([row for row in ROWS if event.value.casefold() in row[0].casefold()])

Bare().run()
"""


BARE_LABEL_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Vendor 000", id="label")

    def on_key(self, event):
        self.presses = getattr(self, "presses", 0) + 1
        self.query_one("#label", Static).update(f"Vendor {self.presses:03d}")

Bare().run()
"""
"""The machine's floor: a key press that changes one label (no list, no table)."""


class Terminal:
    """A program in a pseudo-terminal of its own, read and written by this process."""

    def __init__(self, args: list[str], env: dict[str, str], *, rows: int = 40, cols: int = 120) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def controlling_terminal() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, preexec_fn=controlling_terminal
        )
        os.close(slave)
        self.fd = master
        self.output = bytearray()
        self._answered = False

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout`` seconds; False when nothing came."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            raise EOFError(f"the program ended: {bytes(self.output[-300:])!r}")
        before = len(self.output)
        self.output += data
        if not self._answered and SYNC_QUERY in self.output[max(0, before - len(SYNC_QUERY)) :]:
            os.write(self.fd, SYNC_REPLY)
            self._answered = True
        return True

    def wait_for(self, text: bytes, timeout: float = 60.0) -> None:
        start, deadline = len(self.output), time.perf_counter() + timeout
        while text not in self.output[start:]:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{text!r} did not appear: {bytes(self.output[-300:])!r}")
            self._read(deadline - time.perf_counter())

    def quiet(self, seconds: float = QUIET, timeout: float = 10.0) -> None:
        """Read until nothing comes for ``seconds``."""
        deadline = time.perf_counter() + timeout
        while self._read(seconds) and time.perf_counter() < deadline:
            pass

    def send(self, key: str) -> None:
        os.write(self.fd, KEYS.get(key, key.encode()))

    def press(self, key: str, *, timeout: float = 2.0) -> tuple[float, float, int]:
        """Press a key on a quiet screen: seconds to the first and to the last frame it caused, and how many frames."""
        self.quiet()
        mark = len(self.output)
        t0 = time.perf_counter()
        self.send(key)
        first = last = None
        frames = 0
        while True:
            now = time.perf_counter()
            wait = (last + QUIET - now) if last is not None else (t0 + timeout - now)
            if not self._read(wait):
                if last is not None or time.perf_counter() >= t0 + timeout:
                    break
                continue
            now = time.perf_counter()
            ends = self.output.count(SYNC_END, mark)
            if ends > frames:
                frames, last = ends, now
                first = now if first is None else first
        if first is None or last is None:
            raise TimeoutError(f"no frame after {key!r}")
        return first - t0, last - t0, frames

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.fd)


def _figures(samples: list[tuple[float, float, int]], prefix: str = "") -> dict:
    done = [last for _, last, _ in samples]
    first = [f for f, _, _ in samples]
    return {
        f"{prefix}p50_ms": ms(pct(done, 0.5)),
        f"{prefix}p99_ms": ms(pct(done, 0.99)),
        f"{prefix}first_frame_p50_ms": ms(pct(first, 0.5)),
        f"{prefix}frames_per_press": round(sum(n for *_, n in samples) / len(samples), 2),
    }


def bench_keypress(tmp: Path, presses: int = 200) -> dict:
    """Down/up on the candidates list and typing in its filter, beside a bare DataTable app, in pseudo-terminals."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    db = tmp / "keys.sqlite3"
    svc = open_services(resolve_database(str(db)))
    svc.selections.create("Keys")
    svc.members.add("Ann")
    for i in range(200):
        svc.candidates.add(f"Vendor {i:03d}", timezone="Europe/London", support_hours="08:00-18:00")
    svc.close()
    env = child_env(tmp / "keys-home", TEXTUAL_FPS="1000")
    bare_script = tmp / "bare_table.py"
    bare_script.write_text(BARE_TABLE_APP)
    label_script = tmp / "bare_label.py"
    label_script.write_text(BARE_LABEL_APP)

    ours = Terminal([sys.executable, "-m", "workbench", "--db", str(db), "--as", "Ann"], env)
    bare = Terminal([sys.executable, str(bare_script)], env)
    label = Terminal([sys.executable, str(label_script)], env)
    try:
        ours.wait_for(b"enter works on one")
        ours.quiet(1.0)  # the sections' services load in the background after the home screen's data
        ours.send("f3")
        ours.wait_for(b"Vendor 000")
        bare.wait_for(b"Vendor 000")
        label.wait_for(b"Vendor 000")
        for term in (ours, bare, label):  # a user looks at the list before moving in it
            term.quiet(0.5)
        time.sleep(PAUSE)
        runs: dict[str, list[tuple[float, float, int]]] = {
            "ours_move": [],
            "bare_move": [],
            "ours_filter": [],
            "bare_filter": [],
            "label": [],
        }
        for i in range(presses):  # 50 down, 50 up, ...: the cursor runs over the list and scrolls it
            key = "down" if (i // 50) % 2 == 0 else "up"
            runs["ours_move"].append(ours.press(key))
            runs["bare_move"].append(bare.press(key))
            runs["label"].append(label.press(key))
        for term in (ours, bare):
            term.send("/")
            term.quiet(0.3)
        time.sleep(PAUSE)
        for i in range(presses):  # "0" then backspace: about half of the rows go, then come back
            key = "0" if i % 2 == 0 else "backspace"
            runs["ours_filter"].append(ours.press(key))
            runs["bare_filter"].append(bare.press(key))
    finally:
        ours.close()
        bare.close()
        label.close()
    move, bare_move = _figures(runs["ours_move"]), _figures(runs["bare_move"], "baseline_bare_datatable_")
    filt, bare_filt = _figures(runs["ours_filter"]), _figures(runs["bare_filter"], "baseline_bare_datatable_")
    floor = _figures(runs["label"])
    return {
        "presses": presses,
        "target_p99_ms": 10.0,
        "floor_bare_label_update": {"p50_ms": floor["p50_ms"], "p99_ms": floor["p99_ms"]},
        "cursor_down_up": {
            **move,
            **bare_move,
            "ratio_p99": round(move["p99_ms"] / bare_move["baseline_bare_datatable_p99_ms"], 2),
            "ratio_p99_to_floor": round(move["p99_ms"] / floor["p99_ms"], 2),
        },
        "filter_typing": {
            **filt,
            **bare_filt,
            "ratio_p99": round(filt["p99_ms"] / bare_filt["baseline_bare_datatable_p99_ms"], 2),
        },
        "method": "pseudo-terminals, TEXTUAL_FPS=1000, synchronized output answered; key bytes written to the end of "
        f"the last frame they caused ({int(QUIET * 1000)} ms of silence after it); presses interleaved, "
        f"starting {PAUSE:g} s after the list is on screen",
    }


if __name__ == "__main__":
    import argparse
    import json
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        print(json.dumps({"keypress": bench_keypress(Path(tmpdir), options.presses)}, indent=2))
