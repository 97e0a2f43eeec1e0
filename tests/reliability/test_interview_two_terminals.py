"""Two members score one meeting at once from two terminals (real programs in pseudo-terminals).

On one SQLite file, and on PostgreSQL when a server is given: neither loses a score, and neither
sees the other's scores or notes before submitting; after submitting, the other's are shown.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.reliability.live_app import Drain, prepare, spawn, wait_for

QUIT = "\x11"  # ctrl+q: leave the app (everything is saved first)


@pytest.mark.slow
def test_two_terminals_score_the_same_meeting(db_url: str, tmp_path: Path) -> None:
    from workbench.config import resolve_database
    from workbench.services import open_services

    [(meeting, agenda)] = prepare(db_url, meetings=1)
    total = len(agenda)
    rng = random.Random(7)
    typed = {name: [rng.choice("123450") for _ in agenda] for name in ("Ann", "Bob")}
    terminals = {}
    for name in ("Ann", "Bob"):
        child, log = spawn(db_url, meeting, name, tmp_path / name.lower())
        child.expect(f"0 of {total} scored")
        Drain(child).start()
        terminals[name] = (child, log)
    for name, (child, _) in terminals.items():  # a note each, then the scores, the two typing at the same time
        child.send(f"n{name.upper()}-NOTE")
        child.send("\x1b")  # escape: the note is done
    time.sleep(0.5)  # a lone escape, not the start of an escape sequence with the next key
    for i in range(total):
        for name, (child, _) in terminals.items():
            child.send(typed[name][i] + "j")
    for name, (_, log) in terminals.items():
        wait_for(log, f" {total} of {total} scored")
        wait_for(log, f"{name.upper()}-NOTE")
    ann, ann_log = terminals["Ann"]
    _bob, bob_log = terminals["Bob"]
    assert b"BOB" not in ann_log.getvalue() and b"Bob" not in ann_log.getvalue()
    assert b"ANN" not in bob_log.getvalue() and b"Ann" not in bob_log.getvalue()

    mark = len(ann_log.getvalue())
    ann.send("s")
    wait_for(ann_log, "Submit your scorecard", start=mark)
    ann.send("y")
    wait_for(ann_log, "BOB-NOTE", start=mark)  # after submitting, Bob's notes and scores are shown beside Ann's
    wait_for(ann_log, "Spread", start=mark)
    assert b"ANN" not in bob_log.getvalue()  # Bob has not submitted: still nothing of Ann's
    for child, _ in terminals.values():
        child.send(QUIT)
    for child, _ in terminals.values():
        child.wait()
        assert child.exitstatus == 0

    svc = open_services(resolve_database(db_url))
    try:
        for name in ("Ann", "Bob"):
            card = svc.scoring.scorecard(meeting, member=name)
            values = {s.question_id: s.value for s in card.scores}
            assert values == {
                qid: (None if key == "0" else int(key)) for qid, key in zip(agenda, typed[name], strict=False)
            }, name
            assert (card.submitted_at is not None) == (name == "Ann")
        notes = sorted((n.member, n.text) for n in svc.notes.list(meeting))
        assert notes == [("Ann", "ANN-NOTE"), ("Bob", "BOB-NOTE")]
    finally:
        svc.close()
