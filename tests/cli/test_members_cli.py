"""`workbench members add|edit|rename|retire|restore|remove|list` and `submit --empty`, on SQLite and PostgreSQL:
exit codes, the exact line printed, and what is stored, read back."""

from __future__ import annotations

import csv
import io

import pytest


@pytest.fixture
def db(migrated_db_url: str, run) -> str:  # type: ignore[no-untyped-def]
    """A selection with two panel members and one candidate."""
    assert run(migrated_db_url, "selections", "new", "S")[0] == 0
    for name in ("Ana Ortiz", "Ben Cole"):
        assert run(migrated_db_url, "members", "add", name)[0] == 0
    assert run(migrated_db_url, "candidates", "add", "Acme IT")[0] == 0
    return migrated_db_url


def refused(run, db: str, *args: str) -> str:  # type: ignore[no-untyped-def]
    """The one line a refused command prints (exit 2, nothing on stdout)."""
    code, out, err = run(db, *args)
    assert code == 2 and out == "" and err.count("\n") == 1, (args, code, out, err)
    assert err.startswith("workbench: ")
    return err.strip()


def add_meeting(run, db: str, at: str, *members: str) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    words = [w for name in members for w in ("--member", name)]
    code, out, err = run(
        db, "meetings", "add", "--candidate", "Acme IT", "--kind", "introduction", "--at", at,
        "--tz", "Europe/London", *words,
    )  # fmt: skip
    assert code == 0, err
    mid = int(out.split()[2].rstrip(":"))
    return mid, [a["question_id"] for a in run.json(db, "meetings", "show", str(mid))["agenda"]]


def test_add_with_an_email_and_list_it_in_every_format(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(db, "members", "add", "Cy Park", "--role", "CIO", "--email", "cy@example.com")
    assert (code, out, err) == (0, "added panel member 3: Cy Park\n", "")
    assert run.json(db, "members", "list")[2] == {
        "id": 3,
        "name": "Cy Park",
        "role": "CIO",
        "email": "cy@example.com",
        "retired": False,
    }
    code, out, _ = run(db, "members", "list", "--format", "csv")
    assert code == 0 and list(csv.DictReader(io.StringIO(out)))[2] == {
        "id": "3",
        "name": "Cy Park",
        "role": "CIO",
        "email": "cy@example.com",
        "retired": "no",
    }
    code, out, _ = run(db, "members", "list")
    assert code == 0 and "cy@example.com" in out and "on the panel" in out


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("cy@", "it has no domain after the @"),
        ("Cy <cy@example.com>", "it may not hold spaces"),
        ("cy@example.com,ben@example.com", "it may not hold ','"),
        ("cy@localhost", "it has no dot in its domain"),
        ("cy\x1b[31m@example.com", "control character"),
    ],
)
def test_a_bad_email_is_refused_in_one_line_naming_the_field(db: str, run, address: str, words: str) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ("members", "add", "Cy Park", "--email", address),
        ("members", "edit", "Ana Ortiz", "--email", address),
    ):
        line = refused(run, db, *args)
        assert line.startswith("workbench: email: ") and words in line, line
        assert "\x1b" not in line
    assert [m["email"] for m in run.json(db, "members", "list")] == ["", ""]


def test_edit_changes_the_email_or_role_and_says_so(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(db, "members", "edit", "ana ortiz", "--email", "ana@example.org", "--role", "Lead")
    assert (code, out) == (0, "changed panel member 1: Ana Ortiz\n")
    assert run.json(db, "members", "list")[0]["email"] == "ana@example.org"
    assert run(db, "members", "edit", "Ana Ortiz", "--email", "")[0] == 0
    assert run.json(db, "members", "list")[0] == {
        "id": 1, "name": "Ana Ortiz", "role": "Lead", "email": "", "retired": False,
    }  # fmt: skip
    assert refused(run, db, "members", "edit", "Ana Ortiz") == (
        "workbench: --email: nothing to change: give --role or --email (to rename: 'members rename')"
    )
    assert refused(run, db, "members", "edit", "Nobody", "--role", "x") == (
        "workbench: --member: no panel member named 'Nobody' in this selection"
    )


def test_rename_follows_the_name_rule_and_keeps_the_history(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, *_) = add_meeting(run, db, "2031-05-06T09:00", "Ana Ortiz")
    assert run(db, "score", str(mid), str(q1), "4", "--member", "Ana Ortiz")[0] == 0
    code, out, _ = run(db, "members", "rename", "ana ortiz", "Ana Lee")
    assert (code, out) == (0, "renamed panel member 1: Ana Ortiz is now Ana Lee\n")
    assert run.json(db, "meetings", "show", str(mid))["members"] == ["Ana Lee"]
    assert refused(run, db, "members", "rename", "Ana Lee", "BEN COLE") == (
        "workbench: name: 'Ben Cole' is on the panel already"
    )
    assert refused(run, db, "members", "rename", "Ana Lee", "Ana Lee") == (
        "workbench: name: 'Ana Lee' has that name already"
    )
    assert "bidirectional control" in refused(run, db, "members", "rename", "Ana Lee", "Ana\u202eLee")
    assert refused(run, db, "members", "rename", "Ana Lee", "  ") == "workbench: name: must not be empty"
    assert refused(run, db, "members", "rename", "Zed", "Zee") == (
        "workbench: --member: no panel member named 'Zed' in this selection"
    )
    assert [m["name"] for m in run.json(db, "members", "list")] == ["Ana Lee", "Ben Cole"]


def test_retire_keeps_a_member_in_history_and_out_of_new_meetings(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, *_) = add_meeting(run, db, "2031-05-06T09:00", "Ana Ortiz", "Ben Cole")
    assert run(db, "score", str(mid), str(q1), "3", "--member", "Ben Cole")[0] == 0
    code, out, _ = run(db, "members", "retire", "ben cole")
    assert (code, out) == (0, "retired panel member 2: Ben Cole (kept in past meetings, left out of new ones)\n")
    assert run.json(db, "members", "list")[1]["retired"] is True
    assert run.json(db, "meetings", "show", str(mid))["members"] == ["Ana Ortiz", "Ben Cole"]
    assert run(db, "submit", str(mid), "--member", "Ben Cole")[0] == 0  # still an attendee there
    line = refused(
        run, db, "meetings", "add", "--candidate", "Acme IT", "--kind", "introduction", "--at", "2031-06-06T09:00",
        "--tz", "Europe/London", "--member", "Ben Cole",
    )  # fmt: skip
    assert line == (
        "workbench: --member: Ben Cole is retired from the panel: restore them first with 'workbench members restore'"
    )
    assert refused(run, db, "members", "retire", "Ben Cole") == "workbench: --member: Ben Cole is retired already"
    code, out, _ = run(db, "members", "restore", "Ben Cole")
    assert (code, out) == (0, "restored panel member 2: Ben Cole\n")
    assert run.json(db, "members", "list")[1]["retired"] is False
    assert refused(run, db, "members", "restore", "Ben Cole") == (
        "workbench: --member: Ben Cole is on the panel, not retired"
    )


def test_remove_is_refused_for_a_member_with_history(db: str, run) -> None:  # type: ignore[no-untyped-def]
    add_meeting(run, db, "2031-05-06T09:00", "Ana Ortiz")
    assert refused(run, db, "members", "remove", "Ana Ortiz") == (
        "workbench: --member: Ana Ortiz has meetings on record: retire them instead ('workbench members retire'), "
        "which keeps their history"
    )
    code, out, _ = run(db, "members", "remove", "Ben Cole")
    assert (code, out) == (0, "removed panel member 2: Ben Cole\n")
    assert [m["name"] for m in run.json(db, "members", "list")] == ["Ana Ortiz"]


def test_submit_refuses_an_empty_scorecard_unless_empty_and_the_minutes_say_so(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, *_) = add_meeting(run, db, "2031-05-06T09:00", "Ana Ortiz", "Ben Cole")
    assert refused(run, db, "submit", str(mid), "--member", "Ben Cole") == (
        f"workbench: --empty: Ben Cole has scored no question of meeting {mid}: the scorecard would be submitted "
        "empty; give --empty to submit it so"
    )
    assert run(db, "score", str(mid), str(q1), "na", "--member", "Ana Ortiz")[0] == 0
    code, out, _ = run(db, "submit", str(mid), "--member", "Ana Ortiz")
    assert (code, out) == (0, f"submitted: meeting {mid}, Ana Ortiz, 1 score(s)\n")
    code, out, _ = run(db, "submit", str(mid), "--member", "Ben Cole", "--empty")
    assert (code, out) == (0, f"submitted: meeting {mid}, Ben Cole, 0 score(s) (submitted empty)\n")
    code, out, _ = run(db, "minutes", str(mid))
    assert code == 0 and "**Submitted empty:** Ben Cole submitted the scorecard with no question scored." in out
    assert refused(run, db, "submit", str(mid), "--member", "Ben Cole", "--empty") == (
        f"workbench: --member: Ben Cole has already submitted the scorecard of meeting {mid}"
    )


def test_a_non_attendee_gets_the_attendee_refusal_with_or_without_empty(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, _ = add_meeting(run, db, "2031-05-06T09:00", "Ana Ortiz")
    line = f"workbench: --member: Ben Cole is not an attendee of meeting {mid}: only its attendees score it"
    assert refused(run, db, "submit", str(mid), "--member", "Ben Cole") == line
    assert refused(run, db, "submit", str(mid), "--member", "Ben Cole", "--empty") == line
