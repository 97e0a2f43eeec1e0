"""Two writers on one SQLite file, and a writer killed with SIGKILL: nothing that returned is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.config import resolve_database
from workbench.services import open_services

WORKER = Path(__file__).with_name("worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _prepare(path: Path, cells_needed: int) -> int:
    """A selection with two members and enough introduction meetings for ``cells_needed`` cells."""
    svc = open_services(resolve_database(str(path)))
    try:
        svc.selections.create("S")
        svc.members.add("Ann")
        svc.members.add("Bob")
        svc.candidates.add("Acme", timezone="Europe/London")
        per_meeting = len(svc.selections.questions(kind="introduction"))
        meetings = -(-cells_needed // per_meeting)
        start = datetime(2027, 1, 4, 10, 0)
        for i in range(meetings):
            svc.meetings.add(
                candidate="Acme",
                kind="introduction",
                start_local=start + timedelta(days=i),
                timezone="Europe/London",
                members=["Ann", "Bob"],
            )
        return meetings * per_meeting
    finally:
        svc.close()


def _spawn(path: Path, member: str, round_no: int, limit: int | None = None) -> subprocess.Popen:
    args = [sys.executable, str(WORKER), str(path), member, str(round_no)] + ([str(limit)] if limit else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)


def _stored(path: Path, member: str) -> dict[tuple[int, int], int | None]:
    svc = open_services(resolve_database(str(path)))
    try:
        return {(s.meeting_id, s.question_id): s.value for s in svc.scoring.scores() if s.member == member}
    finally:
        svc.close()


def _integrity(path: Path) -> str:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.slow
def test_two_processes_write_2000_scores_each_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    _prepare(path, 2000)
    procs = [_spawn(path, "Ann", 0, 2000), _spawn(path, "Bob", 0, 2000)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=False):
        assert proc.returncode == 0, err[-2000:]
        assert out.splitlines()[-1] == "done"
        assert "locked" not in err
    ann, bob = _stored(path, "Ann"), _stored(path, "Bob")
    assert len(ann) == 2000 and len(bob) == 2000
    svc = open_services(resolve_database(str(path)))
    try:
        with svc.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM score")).scalar() == 4000
    finally:
        svc.close()
    assert _integrity(path) == "ok"


@pytest.mark.slow
def test_sigkill_20_times_loses_no_returned_score(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    _prepare(path, 1000)
    rng = random.Random(7)
    checked = 0
    for round_no in range(1, 21):
        proc = _spawn(path, "Ann", round_no)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        returned = [line.split() for line in out.splitlines() if line and line != "done"]
        assert _integrity(path) == "ok"
        stored = _stored(path, "Ann")
        for meeting_id, question_id, value in returned:
            assert stored.get((int(meeting_id), int(question_id))) == int(value), (round_no, meeting_id, question_id)
        checked += len(returned)
    assert checked > 100  # the kills came while scores were being written


def test_an_orphan_row_is_rejected(services) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import IntegrityError

    from workbench.services.base import utcnow
    from workbench.store.models import Score

    services.selections.create("S")
    with pytest.raises(IntegrityError), services.db.session(write=True) as session:
        session.add(Score(meeting_id=999, question_id=1, member_id=1, value=3, updated_at=utcnow()))
        session.flush()
    with services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM score")).scalar() == 0
