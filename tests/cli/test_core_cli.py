"""Selections, panel, demo, compare, backup and db commands; exit codes and error lines."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from workbench import __version__
from workbench.cli import main
from workbench.store.migrate import head_revision


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "wb.sqlite3")


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and __version__ in capsys.readouterr().out


def test_usage_errors_exit_2_with_one_line(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(db, "frobnicate")
    assert code == 2 and err.count("\n") == 1 and "frobnicate" in err
    code, _, err = run(db, "compare", "--format", "xml")
    assert code == 2 and "xml" in err


def test_selections_and_members(db: str, run) -> None:  # type: ignore[no-untyped-def]
    assert run(db, "selections", "new", "Backups")[0] == 0
    code, _, err = run(db, "selections", "new", "Backups")
    assert code == 2 and "exists already" in err
    code, _, err = run(db, "selections", "new", "X", "--template", "nope")
    assert code == 2 and "nope" in err
    code, _, err = run(db, "selections", "new", "Y", "--timezone", "Mars/Base")
    assert code == 2 and "timezone" in err
    code, out, _ = run(db, "selections", "list", "--format", "json")
    assert [s["name"] for s in json.loads(out)] == ["Backups"]
    code, out, _ = run(db, "selections", "list", "--format", "csv")
    assert next(iter(csv.DictReader(io.StringIO(out))))["name"] == "Backups"
    assert run(db, "members", "add", "Ann Lee", "--role", "IT lead")[0] == 0
    code, _, err = run(db, "members", "add", "ann lee")
    assert code == 2 and "panel already" in err
    code, out, _ = run(db, "members", "list", "--format", "json")
    assert json.loads(out) == [{"id": 1, "name": "Ann Lee", "role": "IT lead", "email": "", "retired": False}]
    # A second selection makes --selection necessary.
    assert run(db, "selections", "new", "Help desk")[0] == 0
    code, _, err = run(db, "members", "list")
    assert code == 2 and "--selection" in err
    code, out, _ = run(db, "members", "list", "--selection", "Help desk", "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(db, "members", "list", "--selection", "Nope")
    assert code == 2 and "Nope" in err


def test_demo_then_compare_in_every_format(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(db, "demo")
    assert code == 0 and "created" in out
    code, out, _ = run(db, "demo")
    assert code == 0 and "already present" in out
    code, out, _ = run(db, "selections", "list", "--format", "json")
    assert len(json.loads(out)) == 1
    code, out, err = run(db, "compare", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["selection"]["name"] == "Outsource IT support (sample)"
    assert {"id", "name", "weight"} <= set(data["criteria"][0])
    cand = data["candidates"][0]
    assert {"id", "name", "baseline", "rank", "total", "total_100", "coverage", "p_first", "criteria"} <= set(cand)
    assert [c["rank"] for c in data["candidates"]] == [1, 2, 3, 4]
    totals = [c["total"] for c in data["candidates"]]
    assert totals == sorted(totals, reverse=True)
    first_criterion = data["criteria"][0]["name"]
    assert {"score", "spread", "flagged"} <= set(cand["criteria"][first_criterion])
    assert any(v["flagged"] for c in data["candidates"] for v in c["criteria"].values())
    assert data["leader_flip"] is None or {"criterion", "weight_change", "new_leader"} <= set(data["leader_flip"])
    assert abs(sum(c["p_first"] for c in data["candidates"]) - 1) < 1e-3
    fit = {c["name"]: c["timezone_fit"] for c in data["candidates"]}
    # Warsaw 08:00-16:00 is 07:00-15:00 in London all year: 6 h a day against our 09:00-17:00.
    assert fit["Vistula Cloud Services"] == {"min_weekly_hours": 30.0, "typical_weekly_hours": 30.0}
    # Kolkata 12:30-21:30 is 07:00-16:00 UTC: 7 h a day in our winter, the full 8 h in summer.
    assert fit["Tanager Digital Services"] == {"min_weekly_hours": 35.0, "typical_weekly_hours": 40.0}
    code, out, _ = run(db, "compare", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == [c["name"] for c in data["candidates"]]
    assert float(rows[0]["total"]) == pytest.approx(data["candidates"][0]["total"])
    code, out, _ = run(db, "compare", "--format", "md")
    assert out.startswith("# Comparison") and "| Total (1–5) |" in out
    code, out, _ = run(db, "compare")
    assert code == 0 and "Rank" in out
    code, out, _ = run(db, "compare", "--format", "json", "--no-baseline")
    assert not any(c["baseline"] for c in json.loads(out)["candidates"])


def test_compare_as_a_member_leaves_out_the_meetings_they_have_not_submitted(db: str, run) -> None:  # type: ignore[no-untyped-def]
    """Priya has not submitted Tanager's deep dive (#9), which Helen and Tom have: as her, it does not count."""
    assert run(db, "demo")[0] == 0
    everyone = run.json(db, "compare")
    as_priya = run.json(db, "compare", "--as", "Priya Nair")
    assert (
        everyone["withheld_meetings"] == []
        and run.json(db, "compare", "--as", "Helen Marsh")["withheld_meetings"] == []
    )
    assert [(w["meeting_id"], w["candidate"], w["kind"]) for w in as_priya["withheld_meetings"]] == [
        (9, "Tanager Digital Services", "deep-dive")
    ]
    assert as_priya["withheld_meetings"][0]["start_utc"].startswith("2026-11-04T10:00:00")

    def total(data, name):  # type: ignore[no-untyped-def]
        return next(c["total"] for c in data["candidates"] if c["name"] == name)

    assert total(as_priya, "Tanager Digital Services") != total(everyone, "Tanager Digital Services")
    assert total(as_priya, "Northgate Managed IT") == total(everyone, "Northgate Managed IT")
    code, out, _ = run(db, "compare", "--as", "Priya Nair", "--format", "md")
    assert code == 0 and "Tanager Digital Services \\#9 (deep-dive)" in out
    code, out, err = run(db, "compare", "--as", "Nobody")  # a name mistyped: refused, not everything shown
    assert code == 2 and out == "" and "'Nobody' is not a panel member" in err and "--as" in err


def test_compare_with_no_scores_and_no_selection(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(db, "compare")
    assert code == 2 and "no selection" in err
    run(db, "selections", "new", "Empty")
    run(db, "candidates", "add", "Acme")
    code, out, _ = run(db, "compare", "--format", "json")
    data = json.loads(out)
    assert data["candidates"][0]["rank"] is None and data["leader_flip"] is None


def test_export_scores_json_and_csv(db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(db, "demo")
    code, out, _ = run(db, "export", "scores", "--format", "json", "--include-drafts")
    scores = json.loads(out)
    keys = {
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
        "updated_at",
    }
    assert scores and keys <= set(scores[0])
    assert any(s["value"] is None for s in scores) and any(not s["submitted"] for s in scores)
    target = tmp_path / "scores.csv"
    assert run(db, "export", "scores", "--format", "csv", "--include-drafts", "-o", str(target))[0] == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == len(scores)
    code, _, err = run(db, "export", "scores", "-o", str(tmp_path / "missing" / "x.csv"))
    assert code == 2 and "missing" in err


def test_backup_is_a_consistent_private_copy(db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(db, "demo")
    target = tmp_path / "backup.sqlite3"
    code, out, _ = run(db, "backup", str(target))
    assert code == 0 and target.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM score").fetchone()[0] > 0
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    code, out, _ = run(str(target), "compare", "--format", "json")
    assert json.loads(out)["selection"]["name"] == "Outsource IT support (sample)"
    code, _, err = run(db, "backup", str(tmp_path / "nowhere" / "b.sqlite3"))
    assert code == 2 and "nowhere" in err
    code, _, err = run(db, "backup", db)
    assert code == 2


def test_db_check_reports_integrity_and_version(db: str, run) -> None:  # type: ignore[no-untyped-def]
    run(db, "demo")
    code, out, _ = run(db, "db", "check", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["integrity"] == "ok" and data["schema_version"] == head_revision()
    with sqlite3.connect(db) as conn:  # an orphan row written behind the workbench's back
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "INSERT INTO note(meeting_id, member_id, kind, text, owner, created_at, updated_at) "
            "VALUES (9999, 1, 'note', 'x', '', '2027-01-01', '2027-01-01')"
        )
    code, out, _ = run(db, "db", "check")
    assert code == 1 and "orphan" in out


def test_database_file_and_folder_are_private(tmp_path: Path, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run(None, "selections", "list")[0] == 0
    (path,) = list((tmp_path / "xdg").rglob("workbench.sqlite3"))
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.sqlite3"))
    assert run(None, "selections", "new", "Env")[0] == 0
    assert (tmp_path / "env.sqlite3").exists()


def test_a_password_never_appears_in_output(run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("postgresql://wb:hunter2-secret@127.0.0.1:1/none", "selections", "list")
    assert code == 2
    assert "hunter2" not in out + err and "***" in err
