"""The candidate screen's tabs, driven by keys; what they store is read back through the services."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.widgets import DataTable, Input, Static, TabbedContent

from screens.candidates.candidate import CandidateScreen
from screens.candidates.table_pane import last_checked_cell
from screens.dialogs.form import FormDialog
from screens.widgets.row_list import RowList

SAMPLE = "Outsource IT support (sample)"


def _vendor(stored: Any) -> Any:
    """A vendor of the sample (not the in-house baseline) that has meetings, the first by name."""
    met = {m.candidate_id for m in stored.meetings.list(selection=SAMPLE)}
    return next(c for c in stored.candidates.list(selection=SAMPLE) if not c.baseline and c.id in met)


async def _open(app: Any, pilot: Any, settle: Any, stored: Any) -> CandidateScreen:
    vendor = _vendor(stored)
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    table = app.screen.query_one("#candidates-table", RowList)
    table.move_cursor(row=table.get_row_index(str(vendor.id)))
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CandidateScreen) and screen.candidate_name == vendor.name
    return screen


async def _tab(screen: CandidateScreen, pilot: Any, tab: str) -> DataTable:
    screen.query_one(TabbedContent).active = f"tab-{tab}"
    await pilot.pause()
    table = screen.query_one(f"#{tab} DataTable", DataTable)
    table.focus()
    await pilot.pause()
    return table


async def test_a_profile_field_is_saved_when_left_and_ctrl_z_undoes(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        hours = screen.query_one("#profile-support_hours", Input)
        hours.focus()
        hours.value = "07:30-19:00"
        await pilot.press("enter")
        await settle(app, pilot)
        assert stored.candidates.get(vendor.id, selection=SAMPLE).support_hours == "07:30-19:00"
        website = screen.query_one("#profile-website", Input)
        website.focus()
        await pilot.pause()
        website.value = "https://new-site.example"
        await pilot.press("tab")  # leaving the field saves it
        await settle(app, pilot)
        assert stored.candidates.get(vendor.id, selection=SAMPLE).website == "https://new-site.example"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert stored.candidates.get(vendor.id, selection=SAMPLE).website == vendor.website
        assert website.value == vendor.website


async def test_an_invalid_time_zone_is_refused_beside_the_field(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        zone = screen.query_one("#profile-timezone", Input)
        zone.focus()
        zone.value = "Europe/Atlantis"
        await pilot.press("enter")
        await settle(app, pilot)
        error = screen.query_one("#profile-error-timezone", Static)
        assert error.display and "not an IANA time zone name" in str(error.render())
        assert stored.candidates.get(vendor.id, selection=SAMPLE).timezone == vendor.timezone
        zone.value = "Asia/Kolkata"
        await pilot.press("enter")
        await settle(app, pilot)
        assert not error.display
        assert stored.candidates.get(vendor.id, selection=SAMPLE).timezone == "Asia/Kolkata"


async def test_notes_and_the_onsite_switch_are_saved(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        screen.query_one("#profile-onsite").focus()
        await pilot.press("enter")  # toggles the switch
        await settle(app, pilot)
        assert stored.candidates.get(vendor.id, selection=SAMPLE).onsite is (not vendor.onsite)
        notes = screen.query_one("#profile-notes")
        notes.focus()
        notes.load_text("Met them at the trade fair.")  # type: ignore[attr-defined]
        await pilot.pause(1.3)  # saved within a second of the last change
        await settle(app, pilot)
        assert stored.candidates.get(vendor.id, selection=SAMPLE).notes == "Met them at the trade fair."
        notes.load_text("Met them at the trade fair. Call back in May.")  # type: ignore[attr-defined]
        await pilot.press("escape")  # leaving the screen saves what was typed at once
        await settle(app, pilot)
    assert stored.candidates.get(vendor.id, selection=SAMPLE).notes == "Met them at the trade fair. Call back in May."


async def test_a_recommendation_is_added_and_deleted(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    before = len(stored.candidates.recommendations(vendor.id, selection=SAMPLE))
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        table = await _tab(screen, pilot, "recommendations")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-recommender", Input).value = "Priya Nair"
        dialog.query_one("#field-company", Input).value = "Nair & Co"
        dialog.query_one("#field-rating", Input).value = "9"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog and "from 1 to 5" in str(dialog.query_one("#error-rating").render())
        dialog.query_one("#field-rating", Input).value = "4"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        recs = stored.candidates.recommendations(vendor.id, selection=SAMPLE)
        assert len(recs) == before + 1
        priya = next(r for r in recs if r.recommender == "Priya Nair")
        assert (priya.company, priya.rating) == ("Nair & Co", 4)
        assert table.row_count == before + 1
        table.move_cursor(row=table.get_row_index(str(priya.id)))
        await pilot.press("delete")
        await settle(app, pilot)
        assert "Priya Nair" not in {
            r.recommender for r in stored.candidates.recommendations(vendor.id, selection=SAMPLE)
        }
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert "Priya Nair" in {r.recommender for r in stored.candidates.recommendations(vendor.id, selection=SAMPLE)}
        assert table.row_count == before + 1


async def test_a_person_url_must_be_http(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        table = await _tab(screen, pilot, "people")
        before = table.row_count
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-name", Input).value = "Tomasz Wolny"
        dialog.query_one("#field-profile_url", Input).value = "javascript:alert(1)"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "http(s)" in str(dialog.query_one("#error-profile_url").render())
        assert "Tomasz Wolny" not in {p.name for p in stored.candidates.people(vendor.id, selection=SAMPLE)}
        dialog.query_one("#field-profile_url", Input).value = "https://people.example/tomasz"
        dialog.query_one("#field-last_checked", Input).value = "2020-01-31"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen and table.row_count == before + 1
        person = next(p for p in stored.candidates.people(vendor.id, selection=SAMPLE) if p.name == "Tomasz Wolny")
        assert person.profile_url == "https://people.example/tomasz" and person.researched is False
        assert "stale" in str(table.get_cell(str(person.id), "last_checked"))
        table.move_cursor(row=table.get_row_index(str(person.id)))
        await pilot.press("r")
        await settle(app, pilot)
        person = next(p for p in stored.candidates.people(vendor.id, selection=SAMPLE) if p.name == "Tomasz Wolny")
        assert person.researched is True
        await pilot.press("c")  # checked today: no longer stale
        await settle(app, pilot)
        assert "stale" not in str(table.get_cell(str(person.id), "last_checked"))


def test_stale_marker_after_180_days() -> None:
    today = date(2026, 6, 30)
    assert "stale" not in str(last_checked_cell(today - timedelta(days=180), on=today))
    assert "stale" in str(last_checked_cell(today - timedelta(days=181), on=today))
    assert "not checked" in str(last_checked_cell(None, on=today))


async def test_space_cycles_a_check_status(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        table = await _tab(screen, pilot, "diligence")
        first = stored.candidates.checks(vendor.id, selection=SAMPLE)[0]
        table.move_cursor(row=table.get_row_index(str(first.id)))
        cycle = ("todo", "ok", "concern", "n/a")
        expected = first.status
        for _ in range(2):
            await pilot.press("space")
            expected = cycle[(cycle.index(expected) + 1) % 4]
        await settle(app, pilot)
        check = stored.candidates.checks(vendor.id, selection=SAMPLE)[0]
        assert check.status == expected
        assert str(table.get_cell(str(first.id), "status")) == expected
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-evidence").load_text("Certificate seen, valid to 2027.")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert stored.candidates.checks(vendor.id, selection=SAMPLE)[0].evidence == "Certificate seen, valid to 2027."
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert stored.candidates.checks(vendor.id, selection=SAMPLE)[0].evidence == first.evidence


async def test_meetings_tab_lists_the_candidates_meetings(sample_app: Any, settle: Any, stored: Any) -> None:
    vendor = _vendor(stored)
    meetings = stored.meetings.list(selection=SAMPLE, candidate=vendor.id)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        table = await _tab(screen, pilot, "meetings")
        assert meetings and table.row_count == len(meetings)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        detail = str(screen.query_one("#meeting-detail", Static).render())
        assert meetings[0].kind in detail and "Agenda" in detail


async def test_f2_saves_what_was_typed_and_leaves_no_screen_behind(sample_app: Any, settle: Any, stored: Any) -> None:
    from screens.scope.scope import ScopeScreen

    vendor = _vendor(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        depth = len(app.screen_stack)
        hours = screen.query_one("#profile-support_hours", Input)
        hours.focus()
        hours.value = "06:00-22:00"  # typed, not yet left
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ScopeScreen)
        assert len(app.screen_stack) == depth - 1  # the candidate screen is gone, the list below it replaced
        assert stored.candidates.get(vendor.id, selection=SAMPLE).support_hours == "06:00-22:00"


async def test_a_meetings_agenda_keeps_its_indent(sample_app: Any, settle: Any, stored: Any) -> None:
    """Every line of the agenda is indented, a long question's next lines under its text (not at the margin)."""
    vendor = _vendor(stored)
    meetings = stored.meetings.list(selection=SAMPLE, candidate=vendor.id)
    row, meeting = next((i, m) for i, m in enumerate(meetings) if m.agenda)
    app = sample_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored)
        table = await _tab(screen, pilot, "meetings")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert f"Agenda ({len(meeting.agenda)} questions)" in str(screen.query_one("#meeting-detail", Static).render())
        agenda = screen.query_one("#meeting-agenda", Static)
        lines = [agenda.render_line(y).text.rstrip() for y in range(agenda.size.height)]
        numbered = [line for line in lines if line.lstrip()[:1].isdigit()]
        assert len(numbered) == len(meeting.agenda)
        first = meeting.agenda[0]
        number, _, question = numbered[0].strip().partition(" ")
        assert number == "1." and question.lstrip().startswith(f"[{first.criterion}] {first.text[:20]}")
        column = numbered[0].index("[")  # where the questions' text starts
        assert all(line.index("[") == column for line in numbered)
        assert all(line.startswith("  ") for line in lines if line)
        wrapped = [line for line in lines if line and line not in numbered]
        assert wrapped, "at 100 columns some questions take two lines"
        assert all(len(line) - len(line.lstrip()) == column for line in wrapped)
