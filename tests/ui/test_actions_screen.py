"""Notes and actions in the app, driven by keys: editing one's own note (interview and minutes), the due date
refused in the app's words with nothing stored, the open actions at the start of the next meeting, the Actions view.

The sample's meeting 3 is Northgate's meet-the-team session (planned; Helen Marsh and Tom Adeyemi); meetings 1
and 2 are Northgate's earlier ones, each with an open action.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from screens.actions.actions import ActionsScreen, _one_line
from screens.actions.picker import NotesPicker
from screens.dialogs.form import FormDialog
from tests.harness import MEMBER, SAMPLE, build_app

MEETING = 3
TOM = "Tom Adeyemi"


def shown(screen: Any) -> str:
    """Every text a screen holds: statics, option lists and table cells."""
    console = Console(width=300, record=True, file=io.StringIO())
    for static in screen.query(Static):
        console.print(static.content)
    for options in screen.query(OptionList):
        for i in range(options.option_count):
            console.print(options.get_option_at_index(i).prompt)
    for lines in screen.query("StatusLine"):  # drawn line by line
        for y in range(lines.size.height):
            console.print("".join(segment.text for segment in lines.render_line(y)), markup=False)
    for table in screen.query(DataTable):
        for key in table.rows:
            console.print(" ".join(str(cell) for cell in table.get_row(key)))
    return console.export_text()


async def _type(pilot: Any, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _interview_app(sample_path: Path, member: str = MEMBER) -> Any:
    return build_app(sample_path, member=member, start=("interview", str(MEETING)))


async def test_editing_ones_own_note_in_the_interview_keeps_the_old_text(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    theirs = stored.notes.add(MEETING, member=TOM, kind="note", text="Tom's own remark")
    app = _interview_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await _type(pilot, "Good answer on backups")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, NotesPicker)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert screen.editing and screen.query_one("#iv-editor-text", TextArea).text == "Good answer on backups"
        await _type(pilot, ", tested monthly")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not screen.editing
        assert "Good answer on backups, tested monthly" in shown(screen)
    mine = [n for n in stored.notes.list(MEETING) if n.member == MEMBER]
    assert [n.text for n in mine] == ["Good answer on backups, tested monthly"]
    first = stored.notes.history(mine[0].id)[0]  # the version the edit replaced (autosaves may follow)
    assert (first.change, first.text, first.changed_by) == ("edited", "Good answer on backups", MEMBER)
    assert stored.notes.list(MEETING)[0].text == theirs.text  # Tom's is untouched (and withheld from Helen)


async def test_another_members_note_is_read_only_in_the_picker(sample_path: Path, stored: Any, settle: Any) -> None:
    stored.notes.add(MEETING, member=TOM, kind="note", text="Tom's own remark")
    mine = stored.notes.add(MEETING, member=MEMBER, kind="note", text="Helen's remark")
    qid = stored.meetings.get(MEETING).agenda[0].question_id
    stored.scoring.score(MEETING, qid, 4, member=MEMBER)
    stored.scoring.submit(MEETING, member=MEMBER)  # now Helen sees Tom's notes too
    app = _interview_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, NotesPicker)
        assert "(Tom Adeyemi's: read-only)" in shown(picker)
        options = picker.query_one(OptionList)
        options.highlighted = next(i for i, n in enumerate(picker.notes) if n.member == TOM)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is picker
        assert "That is Tom Adeyemi's note: read-only to you." in shown(picker)
        await pilot.press("x")
        await settle(app, pilot)
        assert app.screen is picker  # no delete asked for another's
        options.highlighted = next(i for i, n in enumerate(picker.notes) if n.id == mine.id)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
    assert [n.text for n in stored.notes.list(MEETING)] == ["Tom's own remark"]
    assert [(h.change, h.text) for h in stored.notes.history(mine.id)] == [("deleted", "Helen's remark")]


async def test_a_bad_due_date_is_named_in_the_apps_words_and_not_stored(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    app = _interview_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("a")
        await _type(pilot, "Call back")
        await pilot.press("tab")
        await _type(pilot, "Graham")
        await pilot.press("tab")
        await _type(pilot, "2026-13-45")
        await pilot.press("escape")
        await settle(app, pilot)
        error = str(screen.query_one("#iv-editor-error", Static).content)
        assert error == (
            "Due date: '2026-13-45' is not a date: write it as YYYY-MM-DD, e.g. 2031-05-20. "
            "Nothing is saved until it is a date (or empty)."
        )
        assert screen.editing and screen.focused is screen.query_one("#iv-due", Input)
        everything = shown(screen)
        assert "--due" not in everything and "Due date: not a date" in everything
        assert [n.due for n in stored.notes.list(MEETING) if n.kind == "action"] in ([], [None])
        for _ in range(5):
            await pilot.press("backspace")
        await _type(pilot, "12-24")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not screen.editing
        assert str(screen.query_one("#iv-editor-error", Static).content) == ""
    actions = [(n.text, n.owner, str(n.due)) for n in stored.notes.list(MEETING) if n.kind == "action"]
    assert actions == [("Call back", "Graham", "2026-12-24")]


async def test_open_actions_are_listed_at_the_start_of_the_next_meeting(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    carried = stored.actions.carried(MEETING, member=MEMBER)
    assert carried and {a.meeting_id for a in carried} <= {1, 2}
    done = carried[0]
    app = _interview_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        notes = str(app.screen.query_one("#iv-notes", Static).content)
        assert notes.startswith(f"Open actions from earlier meetings ({len(carried)}):")
        for a in carried:
            assert (
                f"{a.text} → {a.owner or 'no owner'}" in notes and f"(meeting {a.meeting_id}, action {a.id})" in notes
            )
    stored.actions.set_state(done.id, "done", member=MEMBER)
    app = _interview_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        notes = str(app.screen.query_one("#iv-notes", Static).content)
        assert f"action {done.id})" not in notes
        if len(carried) == 1:
            assert not notes.startswith("Open actions")


async def test_the_actions_view_from_home_overdue_first_and_done_by_a_key(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    expected = stored.actions.list(selection=SAMPLE, member=MEMBER)
    assert expected
    app = build_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")  # the home screen's help lists the key
        await settle(app, pilot)
        assert "Actions — Every action item of the meetings, overdue first" in shown(app.screen)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row(k)] for k in table.rows]
        assert [r[5] for r in rows] == [_one_line(a.text, 60) for a in expected]
        assert [r[0] for r in rows] == ["OVERDUE" if a.overdue else a.state for a in expected]
        first = expected[0]
        await pilot.press("d")
        await settle(app, pilot)
        assert {a.id: a.state for a in stored.actions.list(selection=SAMPLE, member=MEMBER)}[first.id] == "done"
        rows = {k.value: [str(c) for c in table.get_row(k)] for k in table.rows}
        assert rows[str(first.id)][0] == "done"
        await pilot.press("f")  # open ones only
        await settle(app, pilot)
        assert str(first.id) not in {k.value for k in table.rows}


async def test_the_palette_offers_the_actions_view(sample_path: Path, settle: Any) -> None:
    from screens.shell.palette import workbench_commands

    app = build_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        found = [c for c in workbench_commands(app, app.screen) if c.name == "Actions"]
        assert len(found) == 1 and found[0].help.startswith("Every action item of the meetings, overdue first")
        found[0].run()
        await settle(app, pilot)
        assert isinstance(app.screen, ActionsScreen)


async def test_editing_ones_own_action_in_the_minutes(sample_path: Path, stored: Any, settle: Any) -> None:
    meeting = next(
        m.id
        for m in stored.meetings.list(selection=SAMPLE)
        if any(n.member == MEMBER and n.kind == "action" for n in stored.notes.list(m.id))
        and not stored.minutes.minutes(m.id).notes_withheld
    )
    action = next(n for n in stored.notes.list(meeting) if n.member == MEMBER and n.kind == "action")
    app = build_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_record("minutes", meeting)
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, NotesPicker)
        picker.query_one(OptionList).highlighted = next(i for i, n in enumerate(picker.notes) if n.id == action.id)
        await pilot.press("enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        form.query_one("#field-due", Input).value = "2026-13-45"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        error = form.query_one("#error-due", Static)
        assert error.display and str(error.content).startswith("'2026-13-45' is not a date: write it as YYYY-MM-DD")
        assert "--due" not in shown(form)
        assert next(n for n in stored.notes.list(meeting) if n.id == action.id).due == action.due
        form.query_one("#field-due", Input).value = "2031-01-31"
        form.query_one("#field-text", TextArea).load_text("Reworded in the minutes")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormDialog)
    after = next(n for n in stored.notes.list(meeting) if n.id == action.id)
    assert (after.text, str(after.due)) == ("Reworded in the minutes", "2031-01-31")
    assert [h.text for h in stored.notes.history(action.id)] == [action.text]
