"""`workbench calendar` in process: the file read back by vobject matches `meetings list`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject


def read_ics(text: str):  # type: ignore[no-untyped-def]
    """Parse with vobject, forgetting the VTIMEZONEs of earlier parses first.

    vobject keeps the first VTIMEZONE it meets per TZID for the whole process, and
    ours cover only the years of their meetings; each file must be read on its own.
    """
    registry = getattr(vobject.icalendar, "__tzidMap")
    for tzid in [k for k in registry if k != "UTC"]:
        del registry[tzid]
    return vobject.readOne(text)


def read_events(data: str) -> dict[str, datetime]:
    """UID -> start instant (UTC), as vobject reads them."""
    cal = read_ics(data)
    events = cal.contents.get("vevent", [])
    starts = {e.uid.value: e.dtstart.value.astimezone(UTC) for e in events}
    assert len(starts) == len(events)
    return starts


def expected(items: list[dict]) -> dict[str, datetime]:
    return {m["uid"]: datetime.fromisoformat(m["start"].replace("Z", "+00:00")) for m in items}


@pytest.fixture
def listed(run, demo_db: str, services_on):  # type: ignore[no-untyped-def]
    """listed(*extra) -> `meetings list` of the sample, each meeting with its UID (which the listing does not print)."""

    def meetings(*extra: str) -> list[dict]:
        items = run.json(demo_db, "meetings", "list", *extra)
        with services_on(demo_db) as services:
            return [{**m, "uid": services.meetings.get(m["id"]).uid} for m in items]

    return meetings


def test_calendar_file_matches_the_meetings(demo_db: str, run, listed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = listed()[0]
    code, _, err = run(
        demo_db,
        "meetings",
        "add",
        "--candidate",
        first["candidate"],
        "--kind",
        "site-visit",
        "--at",
        "2027-11-07T01:30",
        "--tz",
        "America/New_York",
        "--fold",
        "later",
    )
    assert code == 0, err
    assert run(demo_db, "meetings", "cancel", str(first["id"]))[0] == 0
    items = listed()
    assert len(items) >= 3 and {m["status"] for m in items} >= {"cancelled", "planned"}
    target = tmp_path / "meetings.ics"
    code, out, err = run(demo_db, "calendar", "-o", str(target))
    assert code == 0 and out == ""
    assert err.strip() == f"wrote {len(items)} meeting(s) to {target}"
    assert (target.stat().st_mode & 0o777) == 0o600
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert read_events(raw.decode("utf-8")) == expected(items)
    cal = read_ics(raw.decode("utf-8"))
    statuses = {e.uid.value: e.status.value for e in cal.vevent_list}
    sequences = {e.uid.value: int(e.sequence.value) for e in cal.vevent_list}
    for m in items:
        assert statuses[m["uid"]] == ("CANCELLED" if m["status"] == "cancelled" else "CONFIRMED")
        assert sequences[m["uid"]] == (1 if m["id"] == first["id"] else 0)
    zones = {m["timezone"] for m in items} - {"UTC"}
    assert {tz.tzid.value for tz in cal.contents.get("vtimezone", [])} == zones


def test_calendar_candidate_filter(demo_db: str, run, listed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    everyone = listed()
    name = everyone[-1]["candidate"]
    items = listed("--candidate", name)
    assert 0 < len(items) < len(everyone)
    target = tmp_path / "one.ics"
    code, _, err = run(demo_db, "calendar", "-o", str(target), "--candidate", name.upper())
    assert code == 0 and f"wrote {len(items)} meeting(s)" in err
    assert read_events(target.read_text(encoding="utf-8")) == expected(items)
    code, out, err = run(demo_db, "calendar", "--candidate", "Nobody at all")
    assert code == 2 and out == "" and "--candidate" in err and "Traceback" not in err


def test_calendar_to_stdout(demo_db: str, run, listed) -> None:  # type: ignore[no-untyped-def]
    items = listed()
    code, out, err = run(demo_db, "calendar", "--selection", "Outsource IT support (sample)")
    assert code == 0 and err == ""
    assert out.startswith("BEGIN:VCALENDAR\r\n") and "X-WR-CALNAME:Outsource IT support (sample)\r\n" in out
    assert read_events(out) == expected(items)


def test_calendar_missing_folder_and_bad_selection(demo_db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no" / "such"
    code, out, err = run(demo_db, "calendar", "-o", str(missing / "x.ics"))
    assert code == 2 and out == "" and str(missing) in err and len(err.strip().splitlines()) == 1
    assert not missing.exists()
    code, out, err = run(demo_db, "calendar", "--selection", "Nope")
    assert code == 2 and out == "" and "--selection" in err


def test_calendar_of_a_selection_without_meetings(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "empty.sqlite3")
    assert run(path, "selections", "new", "Empty")[0] == 0
    target = tmp_path / "empty.ics"
    code, _, err = run(path, "calendar", "-o", str(target))
    assert code == 0 and err.startswith("wrote 0 meeting(s)")
    assert read_events(target.read_text(encoding="utf-8")) == {}


def test_calendar_escapes_a_hostile_candidate_name(tmp_path: Path, run, raw_candidates) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "evil.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    raw_candidates(path, "Evil\nEND:VEVENT\nBEGIN:VEVENT")
    code, _, err = run(
        path,
        "meetings",
        "add",
        "--candidate",
        "1",
        "--kind",
        "introduction",
        "--at",
        "2031-05-06T09:00",
        "--tz",
        "America/New_York",
        "--location",
        "Hall; 2, \\B",
    )
    assert code == 0, err
    code, out, _ = run(path, "calendar")
    assert code == 0
    cal = read_ics(out)
    assert len(cal.vevent_list) == 1
    event = cal.vevent
    assert event.summary.value == "Introduction — Evil\nEND:VEVENT\nBEGIN:VEVENT"
    assert event.location.value == "Hall; 2, \\B"
    assert event.dtstart.value.astimezone(UTC) == datetime(2031, 5, 6, 13, 0, tzinfo=UTC)
