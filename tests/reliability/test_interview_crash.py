"""The live interview killed with SIGKILL at random moments: every score the screen showed as saved is stored.

Twenty runs of the real program in a pseudo-terminal, each on its own meeting so that a question is
scored once per run: keys typed at a random pace, then SIGKILL after a random pause. The save
indicator ("saved · Q3 = 4") is what the screen showed; each such score must be in the database.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.reliability.live_app import Drain, prepare, shown_saved, spawn

RUNS = 20


def _stored(path: Path, meeting: int, member: str) -> dict[int, int | None]:
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(path)))
    try:
        return {s.question_id: s.value for s in svc.scoring.scorecard(meeting, member=member).scores}
    finally:
        svc.close()


@pytest.mark.slow
def test_scores_shown_as_saved_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    meetings = prepare(str(path), meetings=RUNS, members=("Ann",))
    rng = random.Random(20270110)
    shown_in_all = 0
    for run, (meeting, agenda) in enumerate(meetings):
        child, log = spawn(str(path), meeting, "Ann", tmp_path)
        child.expect(f"0 of {len(agenda)} scored")  # the interview is on screen, focus on the agenda
        drain = Drain(child)
        drain.start()
        pressed: dict[int, int | None] = {}  # agenda number -> value typed
        for number in range(1, rng.randint(2, len(agenda))):  # never past the last question: one score each
            value = rng.choice([1, 2, 3, 4, 5, None])
            child.send("0" if value is None else str(value))
            pressed[number] = value
            child.send("j")
            time.sleep(rng.choice([0.0, 0.0, 0.005, 0.02, 0.05]))
        time.sleep(rng.uniform(0.0, 0.25))
        child.kill(signal.SIGKILL)
        drain.join(timeout=30)  # what the terminal had received before the kill
        child.close()
        assert child.signalstatus == signal.SIGKILL
        shown = shown_saved(log.getvalue())
        stored = _stored(path, meeting, "Ann")
        for number, value in shown:
            assert pressed.get(number, "not typed") == value, (run, number, value)
            assert stored.get(agenda[number - 1], "missing") == value, (run, number, value, stored)
        assert set(stored) <= {agenda[n - 1] for n in pressed}, run  # nothing stored that was not typed
        shown_in_all += len(shown)
    assert shown_in_all >= RUNS  # the runs did show saved scores before being killed
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
