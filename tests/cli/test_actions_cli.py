"""`workbench actions list|done|reopen|drop` and the due date of `workbench note`, in process, on the sample."""

from __future__ import annotations

import pytest

HEADER = "id  state    due         owner            candidate                 meeting  written by   action"


def meeting_of(run, db: str, candidate: str, kind: str) -> int:  # type: ignore[no-untyped-def]
    return next(m["id"] for m in run.json(db, "meetings", "list") if m["candidate"] == candidate and m["kind"] == kind)


def test_list_overdue_first_as_a_table_and_as_json(demo_db: str, run) -> None:  # type: ignore[no-untyped-def]
    items = run.json(demo_db, "actions", "list")
    assert items, "the sample has actions"
    keys = [(not a["overdue"], a["due"]) for a in items]
    assert keys == sorted(keys)
    assert {a["state"] for a in items} == {"open"}
    first = items[0]
    assert set(first) >= {"id", "state", "overdue", "due", "owner", "text", "candidate", "meeting_id", "written_by"}
    code, out, err = run(demo_db, "actions", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == HEADER and len(lines) == len(items) + 1
    assert lines[1].split()[0] == str(first["id"]) and lines[1].endswith(first["text"])
    assert lines[1].split()[1] == ("OVERDUE" if first["overdue"] else "open")


def test_done_reopen_drop_and_the_filters(demo_db: str, run, services_on) -> None:  # type: ignore[no-untyped-def]
    items = run.json(demo_db, "actions", "list")
    target = items[0]
    code, out, err = run(demo_db, "actions", "done", str(target["id"]), "--member", "Helen Marsh")
    assert (code, out, err) == (0, f"action {target['id']} is done\n", "")
    after = {a["id"]: a for a in run.json(demo_db, "actions", "list")}
    assert after[target["id"]]["state"] == "done" and after[target["id"]]["overdue"] is False
    assert target["id"] not in {a["id"] for a in run.json(demo_db, "actions", "list", "--open")}
    assert run(demo_db, "actions", "drop", str(target["id"]), "--member", "Helen Marsh")[1] == (
        f"action {target['id']} is dropped\n"
    )
    assert run(demo_db, "actions", "reopen", str(target["id"]), "--member", "Helen Marsh")[1] == (
        f"action {target['id']} is open\n"
    )
    with services_on(demo_db) as services:
        history = services.notes.history(target["id"])
    assert [(h.change, h.state, h.changed_by) for h in history] == [
        ("state", "open", "Helen Marsh"),
        ("state", "done", "Helen Marsh"),
        ("state", "dropped", "Helen Marsh"),
    ]
    owner = target["owner"]
    mine = run.json(demo_db, "actions", "list", "--owner", owner.upper())
    assert mine and {a["owner"] for a in mine} == {owner}
    code, out, _ = run(demo_db, "actions", "list", "--owner", "Nobody At All", "--open")
    assert (code, out) == (0, "no open actions\n")


def test_withheld_actions_are_listed_for_their_author_only(demo_db: str, run, services_on) -> None:  # type: ignore[no-untyped-def]
    mid = meeting_of(run, demo_db, "Tanager Digital Services", "deep-dive")
    with services_on(demo_db) as services:
        minutes = services.minutes.minutes(mid)
    assert minutes.scores_pending
    pending = minutes.pending_members[0]
    submitted = next(name for name in minutes.scorers if name not in minutes.pending_members)
    code, out, err = run(
        demo_db, "note", str(mid), "--member", submitted, "--kind", "action", "--text", "Ask for the exit plan"
    )
    assert code == 0, err
    new_id = int(out.split()[2])
    assert new_id not in {a["id"] for a in run.json(demo_db, "actions", "list")}
    assert new_id not in {a["id"] for a in run.json(demo_db, "actions", "list", "--as", pending)}
    assert new_id in {a["id"] for a in run.json(demo_db, "actions", "list", "--as", submitted)}
    code, out, err = run(demo_db, "actions", "done", str(new_id), "--member", pending)
    assert (code, out, err) == (2, "", f"workbench: ACTION: no action numbered '{new_id}'\n")
    assert run(demo_db, "actions", "done", str(new_id), "--member", submitted)[0] == 0


def test_a_bad_due_date_is_refused_and_nothing_is_stored(demo_db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid = meeting_of(run, demo_db, "Vistula Cloud Services", "deep-dive")
    before = run.json(demo_db, "actions", "list", "--as", "Helen Marsh")
    code, out, err = run(
        demo_db, "note", str(mid), "--member", "Helen Marsh", "--kind", "action", "--text", "x", "--due", "2026-13-45"
    )
    assert (code, out) == (2, "")
    assert err == "workbench: --due: '2026-13-45' is not a date: write it as YYYY-MM-DD, e.g. 2031-05-20\n"
    assert run.json(demo_db, "actions", "list", "--as", "Helen Marsh") == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("actions", "done", "999999", "--member", "Helen Marsh"), "workbench: ACTION: no action numbered '999999'"),
        (("actions", "drop", "abc", "--member", "Helen Marsh"), "workbench: ACTION: no action numbered 'abc'"),
        (("actions", "done", "AN_ACTION", "--member", "Zed"), "workbench: --member: no panel member named 'Zed'"),
        (("actions", "list", "--owner", "  "), "workbench: --owner: give the owner's name"),
        (("actions", "list", "--as", "Zed"), "workbench: --as: no panel member named 'Zed'"),
        (("actions", "list", "--selection", "Nope"), "workbench: "),
        (
            ("actions", "reopen", "1"),
            "workbench: actions reopen: the following arguments are required: --member"
            " (see 'workbench actions reopen --help')",
        ),
        (
            ("actions", "list", "--format", "csv"),
            "workbench: actions list: argument --format: invalid choice: 'csv' (choose from 'table', 'json')"
            " (see 'workbench actions list --help')",
        ),
        (
            ("actions",),
            "workbench: actions: the following arguments are required: COMMAND (see 'workbench actions --help')",
        ),
    ],
)
def test_errors_exit_2_with_one_line(demo_db: str, run, args: tuple[str, ...], line: str) -> None:  # type: ignore[no-untyped-def]
    if "AN_ACTION" in args:
        first = str(run.json(demo_db, "actions", "list")[0]["id"])
        args = tuple(first if word == "AN_ACTION" else word for word in args)
    code, out, err = run(demo_db, *args)
    assert code == 2 and out == ""
    assert err.startswith(line) and err.count("\n") == 1, err


def test_a_note_that_is_not_an_action_has_no_state(demo_db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid = meeting_of(run, demo_db, "Vistula Cloud Services", "deep-dive")
    code, out, _ = run(demo_db, "note", str(mid), "--member", "Helen Marsh", "--kind", "note", "--text", "Plain")
    note_id = int(out.split()[2])
    code, out, err = run(demo_db, "actions", "done", str(note_id), "--member", "Helen Marsh")
    assert (code, out) == (2, "")
    assert err == f"workbench: ACTION: note {note_id} is a note, not an action: it has no state\n"
