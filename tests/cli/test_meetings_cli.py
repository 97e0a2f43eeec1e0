"""`workbench meetings|score|submit|note|export scores` in process: exit codes, output, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path, run, raw_candidates) -> str:  # type: ignore[no-untyped-def]
    """A selection with two panel members and two candidates, one named like a spreadsheet formula."""
    path = str(tmp_path / "x.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    assert run(path, "members", "add", "Ana Ortiz")[0] == 0
    assert run(path, "members", "add", "Ben Cole")[0] == 0
    raw_candidates(path, "Acme IT", "=cmd|' /C calc'!A0")
    return path


def add_meeting(run, db: str, *extra: str) -> int:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "add",
        "--candidate",
        "acme it",
        "--kind",
        "introduction",
        "--at",
        "2031-05-06T09:00",
        "--tz",
        "Europe/London",
        "--member",
        "Ana Ortiz",
        "--member",
        "Ben Cole",
        *extra,
    )
    assert code == 0, err
    return int(out.split()[2].rstrip(":"))


def test_meetings_add_list_show(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "add",
        "--candidate",
        "Acme IT",
        "--kind",
        "deep-dive",
        "--at",
        "2031-05-06T09:00",
        "--tz",
        "Europe/London",
        "--duration",
        "90",
        "--member",
        "Ana Ortiz",
        "--location",
        "Room 1",
        "--their-attendee",
        "Cara",
    )
    assert code == 0 and err == ""
    assert "created meeting 1" in out and "2031-05-06T08:00:00Z" in out
    items = run.json(db, "meetings", "list")
    assert len(items) == 1
    m = items[0]
    assert set(m) == {
        "id",
        "candidate",
        "kind",
        "start",
        "timezone",
        "duration_minutes",
        "status",
        "location",
        "members",
        "agenda",
        "their_attendees",
    }
    assert (m["id"], m["candidate"], m["kind"], m["start"], m["timezone"]) == (
        1,
        "Acme IT",
        "deep-dive",
        "2031-05-06T08:00:00Z",
        "Europe/London",
    )
    assert (m["duration_minutes"], m["status"], m["location"], m["members"], m["their_attendees"]) == (
        90,
        "planned",
        "Room 1",
        ["Ana Ortiz"],
        ["Cara"],
    )
    assert m["agenda"] and set(m["agenda"][0]) == {"question_id", "criterion", "text"}
    code, out, _ = run(db, "meetings", "show", "1", "--format", "json")
    assert code == 0 and json.loads(out) == m
    code, out, _ = run(db, "meetings", "show", "1")
    assert code == 0 and "Agenda" in out and "Acme IT" in out
    code, out, _ = run(db, "meetings", "list")
    assert code == 0 and "Acme IT" in out and "deep-dive" in out
    code, out, _ = run(db, "meetings", "list", "--candidate", "Acme IT", "--selection", "S", "--format", "json")
    assert code == 0 and [x["id"] for x in json.loads(out)] == [1]


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"--candidate": "Nobody"}, "--candidate"),
        ({"--kind": "party"}, "--kind"),
        ({"--tz": "Mars/Olympus"}, "--tz"),
        ({"--at": "2031-05-06T09:00Z"}, "--at"),
        ({"--at": "2031-05-06T09:00+01:00"}, "--at"),
        ({"--at": "2031-05-06"}, "--at"),
        ({"--at": "tomorrow"}, "--at"),
        ({"--at": "2027-03-28T01:30"}, "2027-03-28 02:00"),
        ({"--at": "2027-10-31T01:30"}, "--fold"),
        ({"--duration": "0"}, "--duration"),
        ({"--duration": "ninety"}, "--duration"),
        ({"--member": "Zed"}, "--member"),
        ({"--fold": "middle"}, "--fold"),
        ({"--selection": "Other"}, "--selection"),
    ],
)
def test_meetings_add_errors(db: str, run, change: dict[str, str], needle: str) -> None:  # type: ignore[no-untyped-def]
    opts = {
        "--candidate": "Acme IT",
        "--kind": "introduction",
        "--at": "2031-05-06T09:00",
        "--tz": "Europe/London",
        **change,
    }
    code, out, err = run(db, "meetings", "add", *[x for kv in opts.items() for x in kv])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err and "Traceback" not in err
    assert run.json(db, "meetings", "list") == []


def test_meetings_add_with_fold(db: str, run) -> None:  # type: ignore[no-untyped-def]
    for fold in ("earlier", "later"):
        code, _, err = run(
            db,
            "meetings",
            "add",
            "--candidate",
            "Acme IT",
            "--kind",
            "introduction",
            "--at",
            "2027-11-07T01:30",
            "--tz",
            "America/New_York",
            "--fold",
            fold,
        )
        assert code == 0, err
    assert [m["start"] for m in run.json(db, "meetings", "list")] == ["2027-11-07T05:30:00Z", "2027-11-07T06:30:00Z"]


def test_meetings_show_and_list_errors(db: str, run) -> None:  # type: ignore[no-untyped-def]
    for args, needle in (
        (("meetings", "show", "7"), "MEETING"),
        (("meetings", "show", "x"), "MEETING"),
        (("meetings", "list", "--candidate", "Nobody"), "--candidate"),
        (("meetings", "cancel", "7"), "MEETING"),
    ):
        code, out, err = run(db, *args)
        assert code == 2 and out == "" and needle in err and len(err.strip().splitlines()) == 1


def test_score_submit_export(db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mid = add_meeting(run, db)
    agenda = run.json(db, "meetings", "list")[0]["agenda"]
    q1, q2 = agenda[0]["question_id"], agenda[1]["question_id"]
    assert run(db, "score", str(mid), str(q1), "4", "--member", "Ana Ortiz", "--comment", "=HYPERLINK(x)")[0] == 0
    assert run(db, "score", str(mid), str(q1), "5", "--member", "ana ortiz")[0] == 0  # comment kept
    assert run(db, "score", str(mid), str(q2), "NA", "--member", "Ben Cole")[0] == 0
    code, out, _ = run(db, "export", "scores", "--format", "json", "--include-drafts")
    assert code == 0
    rows = json.loads(out)
    assert [(r["question_id"], r["member"], r["value"], r["comment"], r["submitted"]) for r in rows] == [
        (q1, "Ana Ortiz", 5, "=HYPERLINK(x)", False),
        (q2, "Ben Cole", None, "", False),
    ]
    assert set(rows[0]) == {
        "meeting_id",
        "candidate_id",
        "candidate",
        "question_id",
        "criterion_id",
        "criterion",
        "member",
        "value",
        "comment",
        "submitted",
        "state",
        "updated_at",
    }
    assert rows[0]["updated_at"].endswith("Z") and rows[0]["candidate"] == "Acme IT"
    code, out, _ = run(db, "submit", str(mid), "--member", "Ana Ortiz")
    assert code == 0 and "submitted" in out
    target = tmp_path / "scores.csv"
    code, _, _ = run(db, "export", "scores", "--include-drafts", "-o", str(target))
    assert code == 0 and (target.stat().st_mode & 0o777) == 0o600
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["value"], r["comment"], r["submitted"]) for r in table] == [
        ("5", "'=HYPERLINK(x)", "yes"),
        ("", "", "no"),
    ]
    code, out, _ = run(db, "export", "scores", "--format", "json", "--submitted-only", "--selection", "S")
    assert code == 0 and [r["member"] for r in json.loads(out)] == ["Ana Ortiz"]


def test_export_neutralises_candidate_names(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "add",
        "--candidate",
        "=cmd|' /C calc'!A0",
        "--kind",
        "introduction",
        "--at",
        "2031-05-06T09:00",
        "--tz",
        "UTC",
    )
    assert code == 0, err
    mid = run.json(db, "meetings", "list")[0]["id"]
    qid = run.json(db, "meetings", "list")[0]["agenda"][0]["question_id"]
    assert run(db, "score", str(mid), str(qid), "3", "--member", "Ben Cole")[0] == 0
    code, out, _ = run(db, "export", "scores", "--include-drafts")
    assert code == 0
    assert next(iter(csv.DictReader(io.StringIO(out))))["candidate"] == "'=cmd|' /C calc'!A0"


def test_score_errors_exit_2_and_change_nothing(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid = add_meeting(run, db)
    q1 = run.json(db, "meetings", "list")[0]["agenda"][0]["question_id"]
    assert run(db, "score", str(mid), str(q1), "3", "--member", "Ana Ortiz", "--comment", "ok")[0] == 0
    before = run.json(db, "export", "scores", "--include-drafts")
    cases = [
        ((str(mid), str(q1), "6"), "VALUE"),
        ((str(mid), str(q1), "0"), "VALUE"),
        ((str(mid), str(q1), "3.5"), "VALUE"),
        ((str(mid), str(q1), "four"), "VALUE"),
        (("99", str(q1), "3"), "MEETING"),
        ((str(mid), "99999", "3"), "QUESTION"),
    ]
    for args, needle in cases:
        code, out, err = run(db, "score", *args, "--member", "Ana Ortiz")
        assert code == 2 and out == "" and needle in err and len(err.strip().splitlines()) == 1, (args, err)
    code, _, err = run(db, "score", str(mid), str(q1), "3", "--member", "Zed")
    assert code == 2 and "--member" in err
    code, _, err = run(db, "score", str(mid), str(q1), "3")
    assert code == 2 and "--member" in err
    assert run(db, "submit", str(mid), "--member", "Ana Ortiz")[0] == 0
    code, _, err = run(db, "submit", str(mid), "--member", "Ana Ortiz")
    assert code == 2 and "already submitted" in err
    code, _, err = run(db, "score", str(mid), str(q1), "1", "--member", "Ana Ortiz")
    assert code == 2 and "submitted" in err
    after = run.json(db, "export", "scores", "--include-drafts")
    assert [(r["value"], r["comment"], r["updated_at"]) for r in after] == [
        (r["value"], r["comment"], r["updated_at"]) for r in before
    ]
    code, _, err = run(db, "submit", "99", "--member", "Ana Ortiz")
    assert code == 2 and "MEETING" in err
    assert run(db, "meetings", "cancel", str(mid))[0] == 0
    code, _, err = run(db, "score", str(mid), str(q1), "2", "--member", "Ben Cole")
    assert code == 2 and "cancelled" in err
    assert run.json(db, "meetings", "list")[0]["status"] == "cancelled"
    assert len(run.json(db, "export", "scores")) == 1


def test_note_command(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid = add_meeting(run, db)
    code, out, err = run(
        db,
        "note",
        str(mid),
        "--member",
        "Ana Ortiz",
        "--kind",
        "action",
        "--text",
        "Send SLA",
        "--owner",
        "Cara",
        "--due",
        "2031-05-20",
    )
    assert code == 0 and "added action" in out, err
    assert run(db, "note", str(mid), "--member", "Ben Cole", "--kind", "gap", "--text", "RPO unknown")[0] == 0
    cases = [
        (("--member", "Ana Ortiz", "--kind", "memo", "--text", "x"), "--kind"),
        (("--member", "Ana Ortiz", "--kind", "action", "--text", "x", "--due", "2031-13-01"), "--due"),
        (("--member", "Ana Ortiz", "--kind", "note", "--text", "x", "--owner", "Cara"), "--owner"),
        (("--member", "Ana Ortiz", "--kind", "note", "--text", "  "), "--text"),
        (("--member", "Zed", "--kind", "note", "--text", "x"), "--member"),
    ]
    for args, needle in cases:
        code, out, err = run(db, "note", str(mid), *args)
        assert code == 2 and out == "" and needle in err and len(err.strip().splitlines()) == 1, (args, err)
    code, _, err = run(db, "note", "99", "--member", "Ana Ortiz", "--kind", "note", "--text", "x")
    assert code == 2 and "MEETING" in err
    from workbench.config import resolve_database
    from workbench.services import open_services

    services = open_services(resolve_database(db))
    try:
        notes = services.notes.list(mid)
    finally:
        services.close()
    assert [(n.kind, n.text, n.owner, str(n.due)) for n in notes] == [
        ("action", "Send SLA", "Cara", "2031-05-20"),
        ("gap", "RPO unknown", "", "None"),
    ]


def test_export_needs_a_subcommand(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(db, "export")
    assert code == 2 and out == "" and "export" in err
    code, _, err = run(db, "export", "scores", "--format", "xml")
    assert code == 2 and "--format" in err
