"""The schedule screen, driven by keys: days, both zones, typed times, refusals, series, cancel, export."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input, Static

from screens.app import WorkbenchApp
from screens.schedule.form import ScheduleForm
from screens.schedule.schedule import ScheduleScreen
from screens.widgets.row_list import RowList
from tests.harness import settle_app

LONDON = ZoneInfo("Europe/London")
SAMPLE_MEETINGS = 11


async def _settle(app: WorkbenchApp, pilot, seconds: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    if seconds:
        await pilot.pause(seconds)
        for _ in range(100):  # a loaded machine may fire the debounce timer late
            if not (isinstance(app.screen, ScheduleForm) and app.screen.preview_pending):
                break
            await pilot.pause(0.05)
    await settle_app(pilot)


async def _open_schedule(app: WorkbenchApp, pilot) -> ScheduleScreen:  # type: ignore[no-untyped-def]
    await _settle(app, pilot)
    await pilot.press("f4")
    await _settle(app, pilot)
    assert isinstance(app.screen, ScheduleScreen)
    return app.screen


async def _open_form(app: WorkbenchApp, pilot) -> ScheduleForm:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    await _settle(app, pilot)
    assert isinstance(app.screen, ScheduleForm)
    return app.screen


async def _type(app: WorkbenchApp, pilot, form: ScheduleForm, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    form.query_one(selector, Input).focus()
    await pilot.pause()
    await pilot.press(*text)
    await _settle(app, pilot, 0.35)  # past the debounce, then the resolve worker


async def _fill(app: WorkbenchApp, pilot, form: ScheduleForm, candidate: str, when: str) -> None:  # type: ignore[no-untyped-def]
    form.query_one("#candidate").focus()
    await pilot.pause()
    await pilot.press("enter")  # open the list, then type-ahead would be fragile: move through it
    await pilot.pause()
    names = [name for name, _ in form.context.candidates]
    for _ in range(names.index(candidate) + 1):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert form.candidate == candidate
    await _type(app, pilot, form, "#when", when)


def _preview(form: ScheduleForm) -> str:
    return str(form.query_one("#preview", Static).render())


def _cells(table: RowList, key: str) -> list[str]:
    return [getattr(c, "plain", str(c)) for c in table.get_row(key)]


async def test_meetings_are_grouped_by_day_in_our_time_and_the_vendors(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        table = screen.table
        meetings = stored.meetings.list(with_agenda=False)
        days = {m.start_utc.astimezone(LONDON).date() for m in meetings}
        assert table.row_count == len(meetings) + len(days)
        keys = list(table.keys)  # in the order shown
        assert keys[0].startswith("d")  # a day header comes first, then its meetings
        for m in meetings:
            day = m.start_utc.astimezone(LONDON).date()
            assert keys.index(f"d{day.isoformat()}") < keys.index(f"m{m.id}")
        vistula = next(m for m in meetings if m.candidate == "Vistula Cloud Services" and m.kind == "introduction")
        ours, theirs = _cells(table, f"m{vistula.id}")[:2]
        assert ours.startswith("11:00") and "BST" in ours and theirs == "12:00 CEST"
        tanager = next(m for m in meetings if m.candidate == "Tanager Digital Services" and m.kind == "introduction")
        assert _cells(table, f"m{tanager.id}")[1] == "15:30 IST"
        reference = next(m for m in meetings if m.kind == "reference-call")
        assert "⚠" in _cells(table, f"m{reference.id}")[6]  # 17:00 in Warsaw: after Vistula's hours


async def test_a_typed_time_is_previewed_in_three_zones_and_stored_in_utc(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        form = await _open_form(app, pilot)
        scheduling = app.get_services().scheduling
        asked: list[str] = []
        resolve = scheduling.resolve
        scheduling.resolve = lambda text, *a, **k: (asked.append(text), resolve(text, *a, **k))[1]  # type: ignore[method-assign]
        await _fill(app, pilot, form, "Vistula Cloud Services", "22 Mar 2027 10am")
        assert asked[-1] == "22 Mar 2027 10am" and len(asked) < len("22 Mar 2027 10am")
        asked.clear()
        field = form.query_one("#when", Input)
        for partial in ("22 Mar", "22 Mar 2027", "22 Mar 2027 10", "22 Mar 2027 10am"):  # a burst of edits
            field.value = partial
        await _settle(app, pilot, 0.35)
        assert asked == ["22 Mar 2027 10am"]  # debounced: one question for the burst
        text = _preview(form)
        assert "Mon 22 Mar 2027 10:00 GMT" in text  # ours
        assert "Mon 22 Mar 2027 11:00 CET" in text  # Warsaw, before its clocks change
        assert "UTC            Mon 22 Mar 2027 10:00" in text
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is screen
        new = [
            m for m in stored.meetings.list(with_agenda=False) if m.start_utc.year == 2027 and m.start_utc.month == 3
        ]
        assert len(new) == 1
        assert new[0].start_utc == datetime(2027, 3, 22, 10, 0, tzinfo=UTC)
        assert new[0].candidate == "Vistula Cloud Services" and new[0].members == ("Helen Marsh",)
        assert _cells(screen.table, f"m{new[0].id}")[:2] == ["10:00–11:00 GMT", "11:00 CET"]
        assert f"d{new[0].start_utc.date().isoformat()}" in screen._cells


async def test_a_time_in_the_gap_is_refused_with_the_first_valid_time_and_nothing_is_stored(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schedule(app, pilot)
        form = await _open_form(app, pilot)
        await _fill(app, pilot, form, "Northgate Managed IT", "28 Mar 2027 1:30")
        assert "Refused" in _preview(form) and "02:00" in _preview(form)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is form  # still open, nothing lost
        assert "02:00" in str(form.query_one("#form-error", Static).render())
    assert len(stored.meetings.list()) == SAMPLE_MEETINGS


async def test_a_time_that_happens_twice_needs_earlier_or_later(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schedule(app, pilot)
        form = await _open_form(app, pilot)
        await _fill(app, pilot, form, "Northgate Managed IT", "31 Oct 2027 1:30")
        assert form.query_one("#fold-box").display is True
        assert "happens twice" in _preview(form)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is form and "earlier or later" in str(form.query_one("#form-error", Static).render())
        await pilot.click("#fold-later")
        await pilot.pause()
        assert "01:30 GMT" in _preview(form) and "UTC            Sun 31 Oct 2027 01:30" in _preview(form)
        await _settle(app, pilot)  # then the warnings of that reading arrive
        assert "⚠ outside our business hours" in _preview(form) and "01:30 GMT" in _preview(form)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
    october = [m for m in stored.meetings.list() if m.start_utc.year == 2027 and m.start_utc.month == 10]
    assert [m.start_utc for m in october] == [datetime(2027, 10, 31, 1, 30, tzinfo=UTC)]


async def test_a_weekly_series_of_three_makes_three_meetings(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        form = await _open_form(app, pilot)
        await _fill(app, pilot, form, "Tanager Digital Services", "1 Mar 2027 10:00")
        await _type(app, pilot, form, "#every", "1 week")
        await _type(app, pilot, form, "#count", "3")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is screen
        series = stored.scheduling.series()
        assert len(series) == 1 and len(series[0].meeting_ids) == 3 and series[0].freq == "weekly"
        markers = [_cells(screen.table, f"m{mid}")[7] for mid in series[0].meeting_ids]
        assert markers == ["↻ 1/3", "↻ 2/3", "↻ 3/3"]


async def test_cancel_one_then_the_series_updates_only_their_rows(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    made = stored.scheduling.schedule(
        candidate="Northgate Managed IT",
        kind="deep-dive",
        at="2027-03-01 10:00",
        tz="Europe/London",
        every="1 week",
        count=3,
        members=["Tom Adeyemi"],
    )
    first, second, third = (s.meeting.id for s in made.meetings)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        table = screen.table
        rows_before = table.row_count
        calls: list[str] = []
        for name in ("set_rows", "retain"):
            original = getattr(table, name)
            setattr(table, name, lambda *a, _n=name, _o=original, **k: (calls.append(_n), _o(*a, **k))[1])
        table.move_cursor(row=table.get_row_index(f"m{first}"))
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await _settle(app, pilot)
        assert _cells(table, f"m{first}")[5] == "cancelled"
        assert _cells(table, f"m{second}")[5] == "planned"
        table.move_cursor(row=table.get_row_index(f"m{second}"))
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("y")
        await _settle(app, pilot)
        assert [_cells(table, f"m{mid}")[5] for mid in (first, second, third)] == ["cancelled"] * 3
        assert calls == [] and table.row_count == rows_before  # cells updated in place
        await pilot.press("c")  # hide cancelled meetings: their rows go, and the days left empty
        await pilot.pause()
        assert all(f"m{mid}" not in screen._cells for mid in (first, second, third))
    statuses = {m.id: m.status for m in stored.meetings.list()}
    assert [statuses[mid] for mid in (first, second, third)] == ["cancelled"] * 3
    assert stored.scheduling.series()[0].status == "cancelled"


async def test_export_writes_a_private_calendar_with_every_meeting(sample_app, stored, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    icalendar = pytest.importorskip("icalendar")
    target = tmp_path / "out" / "cal.ics"
    target.parent.mkdir()
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#path-input", Input)
        assert field.value == "./meetings.ics"
        field.value = ""
        await pilot.press(*str(target))
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is screen
        assert str(target) in str(screen.query_one("#schedule-detail", Static).render())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == len(stored.meetings.list()) == SAMPLE_MEETINGS


async def test_the_detail_follows_the_cursor_and_a_day_row_shows_none(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        table, detail = screen.table, screen.query_one("#schedule-detail", Static)
        await pilot.press("home")  # the first line is a day
        await pilot.pause()
        assert table.cursor_key.startswith("d") and str(detail.render()).strip() == ""
        await pilot.press("down")
        await pilot.pause()
        first = stored.meetings.get(int(table.cursor_key[1:]))
        assert str(detail.render()).startswith(f"Meeting {first.id} · {first.candidate} · {first.kind}")
        await pilot.press("end")
        await pilot.pause()
        last = stored.meetings.get(int(table.cursor_key[1:]))
        assert last.id != first.id and str(detail.render()).startswith(f"Meeting {last.id} · {last.candidate}")
