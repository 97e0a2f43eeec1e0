"""Independence on the command line: no attendee list, non-attendees, `export scores --as/--include-drafts`, minutes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

WITHHELD = "Withheld until everyone expected has submitted"


@pytest.fixture
def db(migrated_db_url: str, run) -> str:  # type: ignore[no-untyped-def]
    """A selection with three panel members and one candidate, on a SQLite file, then on PostgreSQL."""
    path = migrated_db_url
    assert run(path, "selections", "new", "S")[0] == 0
    for name in ("Ana Ortiz", "Ben Cole", "Cy Park"):
        assert run(path, "members", "add", name)[0] == 0
    assert run(path, "candidates", "add", "Acme IT")[0] == 0
    return path


def add_meeting(run, db: str, day: int, *members: str) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    words = [w for name in members for w in ("--member", name)]
    code, out, err = run(
        db, "meetings", "add", "--candidate", "Acme IT", "--kind", "introduction", "--at", f"2031-05-0{day}T09:00",
        "--tz", "Europe/London", *words,
    )  # fmt: skip
    assert code == 0, err
    mid = int(out.split()[2].rstrip(":"))
    shown = run.json(db, "meetings", "show", str(mid))
    return mid, [a["question_id"] for a in shown["agenda"]]


def ok(run, db: str, *args: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(db, *args)
    assert code == 0, err


def test_no_attendee_list_withholds_from_whoever_has_not_submitted(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, *_) = add_meeting(run, db, 6)
    ok(run, db, "score", str(mid), str(q1), "5", "--member", "Ana Ortiz", "--comment", "Ana's secret view")
    ok(run, db, "note", str(mid), "--member", "Ana Ortiz", "--kind", "concern", "--text", "Ana's concern")
    ok(run, db, "submit", str(mid), "--member", "Ana Ortiz")
    for fmt in ("md", "html"):
        code, out, err = run(db, "minutes", str(mid), "--format", fmt)
        assert code == 0, err
        assert "Scores pending:" in out and "Ben Cole, Cy Park" in out and WITHHELD in out
        assert "Ana's secret view" not in out and "Ana's concern" not in out
    as_ben = run.json(db, "compare", "--as", "Ben Cole")
    assert [w["meeting_id"] for w in as_ben["withheld_meetings"]] == [mid]
    assert as_ben["candidates"][0]["total"] is None
    assert run.json(db, "compare")["candidates"][0]["total"] == 5.0
    code, out, _ = run(db, "compare", "--as", "Ben Cole", "--format", "csv")
    assert code == 0 and next(csv.DictReader(io.StringIO(out)))["total"] == ""
    assert run.json(db, "export", "scores", "--as", "Ben Cole") == []
    for name in ("Ben Cole", "Cy Park"):
        ok(run, db, "submit", str(mid), "--member", name, "--empty")
    code, out, _ = run(db, "minutes", str(mid))
    assert "Ana's secret view" in out and "Ana's concern" in out and WITHHELD not in out and "Scores pending" not in out


def test_a_non_attendee_is_refused_with_exit_2_and_nothing_is_stored(db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, *_) = add_meeting(run, db, 6, "Ana Ortiz", "Ben Cole")
    ok(run, db, "score", str(mid), str(q1), "4", "--member", "Ana Ortiz")
    ok(run, db, "submit", str(mid), "--member", "Ana Ortiz")
    before = run.json(db, "export", "scores", "--include-drafts")
    line = f"--member: Cy Park is not an attendee of meeting {mid}: only its attendees score it"
    for args in (
        ("score", str(mid), str(q1), "1", "--member", "Cy Park", "--comment", "peek"),
        ("score", str(mid), str(q1), "na", "--member", "cy park"),
        ("submit", str(mid), "--member", "Cy Park"),
    ):
        code, out, err = run(db, *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and line in err, (args, err)
    assert run.json(db, "export", "scores", "--include-drafts") == before
    assert run.json(db, "compare", "--as", "Cy Park")["withheld_meetings"] == []  # Cy submitted nothing, owes nothing
    assert [w["meeting_id"] for w in run.json(db, "compare", "--as", "Ben Cole")["withheld_meetings"]] == [mid]
    code, out, err = run(db, "interview", str(mid), "--as", "Cy Park")
    assert code == 2 and err.count("\n") == 1 and f"--as: Cy Park is not an attendee of meeting {mid}" in err


def test_export_scores_submitted_by_default_as_a_member_or_every_draft(db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mid, (q1, q2, *_) = add_meeting(run, db, 6, "Ana Ortiz", "Ben Cole", "Cy Park")
    ok(run, db, "score", str(mid), str(q1), "2", "--member", "Ana Ortiz", "--comment", "ana draft")
    ok(run, db, "score", str(mid), str(q1), "3", "--member", "Ben Cole", "--comment", "ben draft")
    ok(run, db, "score", str(mid), str(q2), "4", "--member", "Cy Park", "--comment", "cy final")
    ok(run, db, "submit", str(mid), "--member", "Cy Park")

    def rows(*args: str) -> list[tuple[str, str, str]]:
        code, out, err = run(db, "export", "scores", *args)
        assert code == 0, err
        return [(r["member"], r["comment"], r["state"]) for r in csv.DictReader(io.StringIO(out))]

    assert rows() == [("Cy Park", "cy final", "submitted")]
    assert rows("--submitted-only") == rows()
    assert rows("--as", "ana ortiz") == [("Ana Ortiz", "ana draft", "draft")]  # Cy's is withheld: Ana has not submitted
    assert rows("--as", "Ana Ortiz", "--submitted-only") == []
    assert rows("--include-drafts") == [
        ("Ana Ortiz", "ana draft", "draft"),
        ("Ben Cole", "ben draft", "draft"),
        ("Cy Park", "cy final", "submitted"),
    ]
    target = tmp_path / "all.json"
    ok(run, db, "export", "scores", "--include-drafts", "--format", "json", "-o", str(target))
    parsed = json.loads(target.read_text(encoding="utf-8"))
    assert [(r["member"], r["state"], r["submitted"]) for r in parsed] == [
        ("Ana Ortiz", "draft", False),
        ("Ben Cole", "draft", False),
        ("Cy Park", "submitted", True),
    ]
    ok(run, db, "submit", str(mid), "--member", "Ana Ortiz")
    assert rows("--as", "Ana Ortiz") == [
        ("Ana Ortiz", "ana draft", "submitted"),
        ("Ben Cole", "ben draft", "draft"),  # Ana has submitted: the panel's scores, Ben's marked as a draft
        ("Cy Park", "cy final", "submitted"),
    ]
    for args, needle in (
        (("--as", "Ana Ortiz", "--include-drafts"), "--as: give --as NAME"),
        (("--include-drafts", "--submitted-only"), "--include-drafts: "),
        (("--as", "Nobody"), "--as: 'Nobody' is not a panel member of the selection"),
    ):
        code, out, err = run(db, "export", "scores", *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and needle in err, (args, err)
