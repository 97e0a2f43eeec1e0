"""`workbench meetings schedule`, `meetings cancel --series` and `timezones fit` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "wb.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    assert run(path, "members", "add", "Ann")[0] == 0
    assert (
        run(path, "candidates", "add", "Acme", "--timezone", "America/New_York", "--support-hours", "08:00-18:00")[0]
        == 0
    )
    return path


def test_schedule_prints_utc_our_and_vendor_times_and_warnings(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-03-15 09:00",
        "--tz",
        "Europe/London",
        "--member",
        "Ann",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    (m,) = data["meetings"]
    assert m["start"] == "2027-03-15T09:00:00Z"
    assert m["ours"].startswith("2027-03-15T09:00") and m["theirs"].startswith("2027-03-15T05:00")
    assert any("support hours" in w for w in m["warnings"])
    code, out, _ = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "deep-dive",
        "--at",
        "2027-03-15 14:00",
        "--tz",
        "Europe/London",
    )
    assert code == 0 and "2027-03-15T14:00:00Z" in out


def test_refused_times_exit_2_with_the_reason(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-03-28 01:30",
        "--tz",
        "Europe/London",
    )
    assert code == 2 and "02:00" in err and "Traceback" not in err
    code, _, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-10-31 01:30",
        "--tz",
        "Europe/London",
    )
    assert code == 2 and "earlier" in err and "later" in err
    code, _, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "someday soon",
        "--tz",
        "Europe/London",
    )
    assert code == 2 and "someday soon" in err
    code, _, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-03-01 10:00",
        "--tz",
        "Europe/London",
        "--every",
        "fortnightly-ish",
        "--count",
        "2",
    )
    assert code == 2 and "--every" in err
    code, out, _ = run(db, "meetings", "list", "--format", "json")
    assert json.loads(out) == []


def test_series_and_cancel_series(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-03-15 15:00",
        "--tz",
        "Europe/London",
        "--every",
        "1 week",
        "--count",
        "3",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    ids = [m["id"] for m in data["meetings"]]
    assert [m["start"] for m in data["meetings"]] == [
        "2027-03-15T15:00:00Z",
        "2027-03-22T15:00:00Z",
        "2027-03-29T14:00:00Z",
    ]
    code, _, _ = run(db, "meetings", "cancel", str(ids[0]))
    assert code == 0
    code, out, _ = run(db, "meetings", "cancel", str(ids[1]), "--series")
    assert code == 0 and f"cancelled meeting {ids[2]}" in out
    code, out, _ = run(db, "meetings", "list", "--format", "json")
    assert [m["status"] for m in json.loads(out)] == ["cancelled"] * 3


def test_timezones_fit_json(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(db, "timezones", "fit", "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["candidate"] == "Acme" and 20 <= row["typical_weekly_hours"] <= 25
    assert row["min_weekly_hours"] <= row["typical_weekly_hours"]


def test_series_list_and_extend(db: str, run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        db,
        "meetings",
        "schedule",
        "--candidate",
        "Acme",
        "--kind",
        "introduction",
        "--at",
        "2027-01-31 15:00",
        "--tz",
        "Europe/London",
        "--every",
        "1 month",
        "--count",
        "2",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert any("February" in n for n in data["notes"])
    code, out, _ = run(db, "meetings", "series", "--format", "json")
    (series,) = json.loads(out)
    assert series["every"] == "1 month" and len(series["meetings"]) == 2
    code, out, err = run(db, "meetings", "extend", str(series["id"]), "--count", "3", "--format", "json")
    assert code == 0, err
    assert [m["start"] for m in json.loads(out)["meetings"]] == ["2027-05-31T14:00:00Z"]
    code, _, err = run(db, "meetings", "extend", str(series["id"]))
    assert code == 2 and "--count" in err
