"""The life of a meeting on the schedule, driven by keys: where the cursor starts, `h` marks held (and the home
screen counts it), `u` opens the edit form (reschedule, attendees, location), delete removes a planned one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import DataTable, Input, TextArea

from screens.home.home import HomeScreen
from screens.schedule.edit_form import MeetingEditForm
from tests.harness import Notices
from tests.ui.test_schedule_screen import _cells, _fill, _open_form, _open_schedule, _preview, _settle, _type

SAMPLE = "Outsource IT support (sample)"


def _home_meetings(app) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#selections", DataTable)
    return str(table.get_row_at(0)[4])


async def _home(app, pilot) -> None:  # type: ignore[no-untyped-def]
    app.action_open("home")
    await _settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("r")
    await _settle(app, pilot)


async def test_the_cursor_starts_on_the_next_planned_meeting_else_the_last(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    planned = sorted(
        (m for m in stored.meetings.list(with_agenda=False) if m.status == "planned" and m.start_utc >= now),
        key=lambda m: m.start_utc,
    )
    assert planned  # the sample plans two meetings in January 2027
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        assert screen.table.cursor_key == f"m{planned[0].id}"
    for m in planned:
        stored.meetings.cancel(m.id)
    last = max(stored.meetings.list(with_agenda=False), key=lambda m: (m.start_utc, m.id))
    notices = Notices()
    app = sample_app()
    async with app.run_test(size=(120, 40), message_hook=notices) as pilot:
        screen = await _open_schedule(app, pilot)
        assert screen.table.cursor_key == f"m{last.id}"
        await pilot.press("m")  # the minutes of the meeting under the cursor, not "put the cursor on a meeting"
        await _settle(app, pilot)
        assert not any("Put the cursor on a meeting" in n for n in notices.messages())


async def test_h_marks_the_meeting_held_and_home_counts_it(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    start = (datetime.now(UTC) - timedelta(days=2)).replace(tzinfo=None, microsecond=0)
    late = stored.meetings.add(
        candidate="Tanager Digital Services", kind="reference-call", start_local=start, timezone="UTC"
    )
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        assert _home_meetings(app) == "9 held · 3 planned"
        screen = await _open_schedule(app, pilot)
        screen.table.move_cursor(row=screen.table.get_row_index(f"m{late.id}"))
        await pilot.press("h")
        await _settle(app, pilot)
        assert stored.meetings.get(late.id).status == "held"
        assert _cells(screen.table, f"m{late.id}")[5] == "held"
        await _home(app, pilot)
        assert _home_meetings(app) == "10 held · 2 planned"


async def test_h_refuses_a_meeting_that_has_not_started(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    notices = Notices()
    app = sample_app()
    async with app.run_test(size=(120, 40), message_hook=notices) as pilot:
        screen = await _open_schedule(app, pilot)
        row = screen.current()
        assert row is not None and row.meeting.status == "planned"
        await pilot.press("h")
        await _settle(app, pilot)
        assert stored.meetings.get(row.meeting.id).status == "planned"
        assert any("it cannot be held before it starts" in n for n in notices.messages()), notices.messages


async def test_the_edit_form_reschedules_and_changes_attendees(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        row = screen.current()
        assert row is not None
        mid, before = row.meeting.id, stored.meetings.get(row.meeting.id)
        await pilot.press("u")
        await _settle(app, pilot)
        form = app.screen
        assert isinstance(form, MeetingEditForm)
        assert form.query_one("#when", Input).value == "2027-01-14 10:00"
        assert form.query_one("#zone", Input).value == before.timezone
        when = form.query_one("#when", Input)
        when.value = ""
        await _type(app, pilot, form, "#when", "2027-03-29 10:00")
        assert "Mon 29 Mar 2027 10:00 BST" in _preview(form)
        assert "double-booked" not in _preview(form)  # the meeting itself is no clash
        form.query_one("#their", TextArea).text = "Graham Tully; Managing director; graham@northgate.example"
        form.query_one("#location", Input).value = "Video call"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is screen
        after = stored.meetings.get(mid)
        assert after.start_utc == datetime(2027, 3, 29, 9, 0, tzinfo=UTC)
        assert after.sequence == before.sequence + 1
        assert after.location == "Video call" and after.members == before.members
        assert [(p.name, p.role, p.email) for p in after.their_people] == [
            ("Graham Tully", "Managing director", "graham@northgate.example")
        ]
        assert _cells(screen.table, f"m{mid}")[0].startswith("10:00")


async def test_the_edit_form_shows_a_refusal_and_keeps_what_was_typed(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        mid = screen.current().meeting.id  # type: ignore[union-attr]
        before = stored.meetings.get(mid)
        await pilot.press("u")
        await _settle(app, pilot)
        form = app.screen
        assert isinstance(form, MeetingEditForm)
        typed = form.query_one("#their", TextArea).text
        assert typed.splitlines() == list(before.their_attendees)  # names alone (the sample gives no e-mail)
        form.query_one("#their", TextArea).text = "Ana; CTO; not-an-address"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is form
        error = str(form.query_one("#form-error").render())
        assert error.startswith("Not saved · Their attendees (e-mail): 'not-an-address' is not an e-mail address")
        assert stored.meetings.get(mid) == before
        form.query_one("#their", TextArea).text = typed
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert "Nothing changed" in str(form.query_one("#form-error").render())


async def test_delete_removes_a_planned_meeting_without_scores(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    notices = Notices()
    app = sample_app()
    async with app.run_test(size=(120, 40), message_hook=notices) as pilot:
        screen = await _open_schedule(app, pilot)
        mid = screen.current().meeting.id  # type: ignore[union-attr]
        await pilot.press("delete")
        await _settle(app, pilot)
        await pilot.press("y")
        await _settle(app, pilot)
        assert mid not in {m.id for m in stored.meetings.list(with_agenda=False)}
        assert f"m{mid}" not in screen._cells
        held = next(m for m in stored.meetings.list(with_agenda=False) if m.status == "held")
        screen.table.move_cursor(row=screen.table.get_row_index(f"m{held.id}"))
        await pilot.press("delete")
        await _settle(app, pilot)
        assert any("only a planned meeting is deleted" in n for n in notices.messages())


async def test_the_new_meeting_form_takes_their_attendees(sample_app, stored) -> None:  # type: ignore[no-untyped-def]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schedule(app, pilot)
        form = await _open_form(app, pilot)
        await _fill(app, pilot, form, "Vistula Cloud Services", "22 Mar 2027 10am")
        form.query_one("#their", TextArea).text = "Jan Nowak; CTO; jan@vistula.example\n\nEwa Lis"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.screen is screen
        [new] = [m for m in stored.meetings.list(with_agenda=False) if m.start_utc.month == 3]
        assert [(p.name, p.role, p.email) for p in new.their_people] == [
            ("Jan Nowak", "CTO", "jan@vistula.example"),
            ("Ewa Lis", "", ""),
        ]
