"""`workbench meetings edit|delete|held|minuted` in process: exit codes, the line printed, what is stored."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from tests.cli.test_meetings_cli import add_meeting, db  # noqa: F401 - the fixture of that module


def _one_error(code: int, out: str, err: str, start: str) -> None:
    assert (code, out) == (2, ""), (code, out, err)
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"workbench: {start}"), err


def test_edit_reschedules_across_the_clock_change_and_the_calendar_follows(db: str, run, tmp_path: Path) -> None:  # noqa: F811
    mid = add_meeting(run, db)
    question = run.json(db, "meetings", "show", str(mid))["agenda"][0]["question_id"]
    code, _, err = run(db, "score", str(mid), str(question), "4", "--member", "Ana Ortiz")
    assert code == 0, err
    code, out, err = run(db, "meetings", "edit", str(mid), "--at", "2031-03-30 10:00")  # Sunday 30 March 2031, BST
    assert code == 0 and err == "", err
    assert "Changed 1 meeting(s)" in out and "2031-03-30T09:00:00Z" in out
    [shown] = run.json(db, "meetings", "list")
    assert shown["start"] == "2031-03-30T09:00:00Z"
    kept = run.json(db, "export", "scores", "--as", "Ana Ortiz")
    assert [(s["meeting_id"], s["question_id"], s["value"]) for s in kept] == [(mid, question, 4)]
    target = tmp_path / "m.ics"
    code, _, err = run(db, "calendar", "-o", str(target))
    assert code == 0, err
    [event] = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART").replace(tzinfo=None).isoformat() == "2031-03-30T10:00:00"
    assert int(event["SEQUENCE"]) == 1


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--at", "2031-03-30 01:30"], "--at: Sunday 30 March 2031 01:30 does not exist in Europe/London"),
        (["--at", "2031-10-26 01:30"], "--at: Sunday 26 October 2031 01:30 happens twice in Europe/London"),
        (["--at", "2031-03-30"], "--at: "),
        (["--tz", "Mars/Olympus"], "--tz: 'Mars/Olympus' is not an IANA time zone name"),
        (["--duration", "0"], "--duration: 0 is not a whole number of minutes"),
        (["--member", "Zed"], "--member: "),
        (["--member", "Ana Ortiz", "--no-members"], "--member: give either --member or --no-members"),
        (["--their-attendee", "A", "B", "c@d.example", "x"], "--their-attendee: give NAME, then at most"),
        (["--their-attendee", "Dan", "CTO", "dan-at-acme"], "their_attendees e-mail: 'dan-at-acme' is not an e-mail"),
        (["--location", "Room\x1b]0;x\x07"], "--location: contains "),
        (["--following", "--at", "2031-05-07 09:00"], "--following: meeting 1 is not part of a series"),
        ([], "MEETING: nothing to change"),
    ],
)
def test_edit_refusals_name_the_field_and_change_nothing(db: str, run, args: list[str], start: str) -> None:  # noqa: F811
    mid = add_meeting(run, db)
    before = run.json(db, "meetings", "show", str(mid))
    code, out, err = run(db, "meetings", "edit", str(mid), *args)
    _one_error(code, out, err, start)
    assert run.json(db, "meetings", "show", str(mid)) == before


def test_edit_fold_members_their_people_and_location(db: str, run) -> None:  # noqa: F811
    mid = add_meeting(run, db)
    code, _, err = run(db, "meetings", "edit", str(mid), "--at", "2031-10-26 01:30", "--fold", "later")
    assert code == 0, err
    assert run.json(db, "meetings", "show", str(mid))["start"] == "2031-10-26T01:30:00Z"
    result = run.json(
        db,
        "meetings",
        "edit",
        str(mid),
        "--member",
        "Ben Cole",
        "--their-attendee",
        "Dan Eze",
        "CTO",
        "dan@acme.example",
        "--their-attendee=Eve",
        "--location",
        "https://meet.example/x",
        "--duration",
        "45",
    )
    [m] = result["meetings"]
    assert (m["members"], m["location"], m["duration_minutes"], m["sequence"]) == (
        ["Ben Cole"],
        "https://meet.example/x",
        45,
        2,
    )
    assert m["their_attendees"] == [
        {"name": "Dan Eze", "role": "CTO", "email": "dan@acme.example"},
        {"name": "Eve", "role": "", "email": ""},
    ]
    code, out, _ = run(db, "meetings", "show", str(mid))
    assert "Dan Eze (CTO, dan@acme.example); Eve" in out
    code, _, err = run(db, "meetings", "edit", str(mid), "--no-members", "--no-their-attendees", "--location", "")
    assert code == 0, err
    shown = run.json(db, "meetings", "show", str(mid))
    assert (shown["members"], shown["their_attendees"], shown["location"]) == ([], [], "")


def test_edit_following_occurrences_of_a_series(db: str, run) -> None:  # noqa: F811
    made = run.json(
        db,
        "meetings",
        "schedule",
        "--candidate=Acme IT",
        "--kind=introduction",
        "--at=2031-03-16 10:00",
        "--tz=Europe/London",
        "--every=1 week",
        "--count=3",
    )
    ids = [m["id"] for m in made["meetings"]]
    edited = run.json(db, "meetings", "edit", str(ids[0]), "--at", "2031-03-16 12:00", "--following")
    assert [m["id"] for m in edited["meetings"]] == ids
    starts = [m["start"] for m in run.json(db, "meetings", "list")]
    assert starts == ["2031-03-16T12:00:00Z", "2031-03-23T12:00:00Z", "2031-03-30T11:00:00Z"]


def test_delete_a_planned_meeting_and_refuse_one_with_scores(db: str, run) -> None:  # noqa: F811
    empty, scored = add_meeting(run, db), add_meeting(run, db)
    question = run.json(db, "meetings", "show", str(scored))["agenda"][0]["question_id"]
    assert run(db, "score", str(scored), str(question), "3", "--member", "Ben Cole")[0] == 0
    code, out, err = run(db, "meetings", "delete", str(scored))
    _one_error(code, out, err, f"MEETING: meeting {scored} has 1 score; it cannot be deleted, cancel it instead")
    code, out, err = run(db, "meetings", "delete", str(empty))
    assert (code, out, err) == (0, f"deleted meeting {empty}: Acme IT, introduction\n", "")
    assert [m["id"] for m in run.json(db, "meetings", "list")] == [scored]
    code, out, err = run(db, "meetings", "delete", str(empty))
    _one_error(code, out, err, f"MEETING: no meeting numbered {empty}")
    code, out, err = run(db, "meetings", "delete", "x")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err


def test_held_and_minuted_by_hand(db: str, run, tmp_path: Path) -> None:  # noqa: F811
    code, out, err = run(
        db, "meetings", "add", "--candidate=Acme IT", "--kind=introduction", "--at=2026-01-05T10:00", "--tz=UTC"
    )
    assert code == 0, err
    past = int(out.split()[2].rstrip(":"))
    future = add_meeting(run, db)
    code, out, err = run(db, "meetings", "held", str(future))
    _one_error(code, out, err, f"MEETING: meeting {future} starts 2031-05-06 08:00 UTC; it cannot be held before")
    code, out, err = run(db, "meetings", "minuted", str(past))
    _one_error(code, out, err, f"MEETING: meeting {past} has not been held yet; only a held meeting is minuted")
    code, out, err = run(db, "meetings", "held", str(past))
    assert (code, out, err) == (0, f"held meeting {past}: Acme IT, introduction, 2026-01-05T10:00:00Z\n", "")
    code, out, _ = run(db, "meetings", "held", str(past))
    assert (code, out) == (0, f"meeting {past} was held already: Acme IT, introduction, 2026-01-05T10:00:00Z\n")
    code, out, err = run(db, "minutes", str(past), "-o", str(tmp_path / "p.md"))
    assert code == 0, err
    assert "**Status:** held" in (tmp_path / "p.md").read_text(encoding="utf-8")  # the minutes say it was held
    assert run.json(db, "meetings", "show", str(past))["status"] == "held"  # a file written is no sign-off
    code, out, err = run(db, "meetings", "minuted", str(past))
    assert (code, out, err) == (0, f"minuted meeting {past}: Acme IT, introduction, 2026-01-05T10:00:00Z\n", "")
    assert run.json(db, "meetings", "show", str(past))["status"] == "minuted"
    code, out, err = run(db, "minutes", str(past))
    assert code == 0 and "**Status:** minuted" in out, out
    code, out, _ = run(db, "meetings", "minuted", str(past))
    assert (code, out) == (0, f"meeting {past} was minuted already: Acme IT, introduction, 2026-01-05T10:00:00Z\n")
    code, out, err = run(db, "meetings", "cancel", str(future))
    assert code == 0, err
    code, out, err = run(db, "meetings", "held", str(future))
    _one_error(code, out, err, f"MEETING: meeting {future} is cancelled; it cannot be held")
    code, out, err = run(db, "meetings", "held", "999")
    _one_error(code, out, err, "MEETING: no meeting numbered 999")
