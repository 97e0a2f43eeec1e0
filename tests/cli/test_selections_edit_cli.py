"""`workbench selections edit` and `candidates add --working-days` (issue 12, our side): lines, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "x.sqlite3")
    code, _, err = run(path, "selections", "new", "S", "--timezone", "America/New_York")
    assert code == 0, err
    return path


def test_edit_prints_the_settings_and_stores_them(run, db: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(db, "selections", "edit", "S", "--hours", "08:00-16:00", "--days", "sun-thu")
    assert (code, out, err) == (0, "selection 1: S · America/New_York · 08:00-16:00 Sun-Thu\n", "")
    code, out, err = run(db, "selections", "edit", "1", "--name", "Help desk", "--timezone", "Asia/Dubai")
    assert (code, out, err) == (0, "selection 1: Help desk · Asia/Dubai · 08:00-16:00 Sun-Thu\n", "")
    code, out, _ = run(db, "selections", "edit", "Help desk", "--hours", "17:00-09:00", "--days", "mon,wed,fri")
    assert (code, out) == (0, "selection 1: Help desk · Asia/Dubai · 17:00-09:00 Mon, Wed, Fri\n")
    (row,) = run.json(db, "selections", "list")
    assert (row["name"], row["timezone"]) == ("Help desk", "Asia/Dubai")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--hours", "9-5"], "workbench: hours: '9-5' is not hours as HH:MM-HH:MM (e.g. 08:00-18:00)"),
        (
            ["--hours", "09:00-09:00"],
            "workbench: hours: '09:00-09:00': the end must differ from the start (00:00-24:00 is the whole day)",
        ),
        (
            ["--days", "mon-funday"],
            "workbench: days: 'mon-funday': 'funday' is not a week day (mon, tue, wed, thu, fri, sat, sun)",
        ),
        (["--days", ""], "workbench: days: give at least one week day, e.g. mon-fri or mon,tue,wed"),
        (["--timezone", "Mars/Olympus"], "workbench: timezone: 'Mars/Olympus' is not an IANA time zone name"),
        (["--name", " "], None),
        ([], "workbench: selection: nothing to change: give --name, --timezone, --hours or --days"),
    ],
)
def test_edit_refuses_bad_input_with_one_line_and_exit_2(run, db: str, args: list[str], line: str | None) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(db, "selections", "edit", "S", *args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    if line is None:
        assert err.startswith("workbench: name: ")
    else:
        assert err == line + "\n"
    (row,) = run.json(db, "selections", "list")
    assert (row["name"], row["timezone"]) == ("S", "America/New_York")  # nothing changed


def test_edit_an_unknown_selection_or_a_taken_name(run, db: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(db, "selections", "edit", "Nope", "--hours", "08:00-16:00")
    assert code == 2 and err == "workbench: --selection: no selection named or numbered 'Nope'\n"
    assert run(db, "selections", "new", "Other", "--template", "")[0] == 0
    code, _, err = run(db, "selections", "edit", "S", "--name", "other")
    assert code == 2 and err == "workbench: name: a selection named 'Other' exists already\n"


def test_candidates_add_takes_working_days_and_the_warnings_use_them(run, db: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        db,
        "candidates",
        "add",
        "Desk",
        "--timezone",
        "Europe/London",
        "--support-hours",
        "17:00-09:00",
        "--working-days",
        "tue-sat",
    )
    assert (code, err) == (0, "")
    code, _, err = run(db, "candidates", "add", "Bad", "--working-days", "weekdays")
    assert code == 2 and err.startswith("workbench: working_days: 'weekdays': ")
    code, out, err = run(db, "timezones", "fit", "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    # London 17:00-09:00 is New York 12:00-04:00 in winter and 12:00-04:00 in summer too (both move):
    # 5 h of our day; their shifts start Tuesday to Saturday, ours Monday to Friday -> Tue-Fri = 4 days
    assert row["candidate"] == "Desk" and row["typical_weekly_hours"] == pytest.approx(20.0)
