"""The live interview screen driven by keys; everything is read back through the services.

The sample's meeting 3 is Northgate's meet-the-team session (planned, Helen Marsh and Tom Adeyemi,
14 questions, no scores yet).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static

from screens.interview.widgets import AgendaList
from tests.harness import MEMBER, SAMPLE, build_app

MEETING = 3
TOM = "Tom Adeyemi"


def _app(sample_path: Path, member: str = MEMBER, meeting: int | None = MEETING) -> Any:
    return build_app(sample_path, member=member, start=("interview", str(meeting)) if meeting is not None else None)


def shown(app: Any) -> str:
    """Every text the current screen holds: statics, agenda lines and table cells (scrolled away or not)."""
    console = Console(width=300, record=True, file=io.StringIO())
    screen = app.screen
    for static in screen.query(Static):
        console.print(static.content)
    for agenda in screen.query(AgendaList):
        for line in agenda.lines():
            console.print(line)
    for lines in screen.query("AnchorLines, StatusLine"):  # drawn line by line
        for y in range(lines.size.height):
            console.print("".join(segment.text for segment in lines.render_line(y)), markup=False)
    for table in screen.query(DataTable):
        console.print(" ".join(str(column.label) for column in table.columns.values()))
        for key in table.rows:
            console.print(" ".join(str(cell) for cell in table.get_row(key)))
    return console.export_text()


def _interview(app: Any) -> Any:
    from screens.interview.interview import InterviewScreen

    assert isinstance(app.screen, InterviewScreen), type(app.screen).__name__
    return app.screen


async def _type(pilot: Any, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _mine(stored: Any, member: str = MEMBER) -> dict[int, int | None]:
    return {s.question_id: s.value for s in stored.scoring.scorecard(MEETING, member=member).scores}


async def test_a_whole_agenda_scored_by_keys_is_stored(sample_path: Path, stored: Any, settle: Any) -> None:
    agenda = [a.question_id for a in stored.meetings.get(MEETING).agenda]
    keys = [str(1 + i % 6) if i % 6 < 5 else "0" for i in range(len(agenda))]  # 1..5 and 0 (N/A)
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        assert app.focused is screen.agenda  # digits score at once
        assert "0 of 14 scored" in shown(app)
        for key in keys:
            await pilot.press(key, "j")
        await settle(app, pilot)
        text = shown(app)
        assert "14 of 14 scored" in text and "● saved · Q14 = " in text
        assert [q.state for q in screen.questions].count("N/A") == keys.count("0")
    expected = {qid: (None if key == "0" else int(key)) for qid, key in zip(agenda, keys, strict=True)}
    assert _mine(stored) == expected
    assert not stored.scoring.scorecard(MEETING, member=MEMBER).submitted_at  # scoring does not submit


async def test_others_are_hidden_until_submitting_then_side_by_side(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    agenda = [a.question_id for a in stored.meetings.get(MEETING).agenda]
    stored.scoring.score(MEETING, agenda[0], 1, member=TOM, comment="TOM-SECRET-COMMENT")
    stored.scoring.score(MEETING, agenda[1], 5, member=TOM)
    stored.notes.add(MEETING, member=TOM, kind="concern", text="TOM-PRIVATE-NOTE")
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        before = shown(app)
        assert "TOM-SECRET" not in before and "TOM-PRIVATE" not in before and "Tom" not in before
        assert not screen.query_one("#iv-side").display
        await pilot.press("4", "j", "2")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")  # the confirmation: no
        await settle(app, pilot)
        assert stored.scoring.scorecard(MEETING, member=MEMBER).submitted_at is None
        assert "Tom" not in shown(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert stored.scoring.scorecard(MEETING, member=MEMBER).submitted_at is not None
        side = screen.query_one("#iv-side", DataTable)
        assert side.display
        labels = [str(c.label) for c in side.columns.values()]
        assert labels[2:] == ["Helen", "Tom", "Spread"]
        assert [str(c) for c in side.get_row_at(0)[2:]] == ["4", "1", "3 ⚑"]
        assert [str(c) for c in side.get_row_at(1)[2:]] == ["2", "5", "3 ⚑"]
        await pilot.press("home")
        await pilot.pause()
        after = shown(app)
        assert "TOM-SECRET-COMMENT" in after and "TOM-PRIVATE-NOTE" in after and "submitted" in after
        await pilot.press("5")  # final now
        await settle(app, pilot)
    assert _mine(stored)[agenda[0]] == 4
    assert [
        (s.member, s.value) for s in stored.scoring.visible_scores(MEETING, member=MEMBER) if s.question_id == agenda[0]
    ] == [(MEMBER, 4), (TOM, 1)]


@pytest.mark.parametrize("leave", ["escape", "f4", "ctrl+q"])
async def test_a_note_survives_leaving_one_key_after_typing(
    sample_path: Path, stored: Any, settle: Any, leave: str
) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        await pilot.press("n")
        await _type(pilot, "half a thought")
        if leave == "escape":  # leaving the field, then the screen
            await pilot.press("escape", "escape")
        else:  # F4 replaces the screen with the schedule; ctrl+q leaves the app
            await pilot.press(leave)
        if leave != "ctrl+q":
            await settle(app, pilot)
            assert screen not in app.screen_stack
    notes = [(n.kind, n.text, n.member) for n in stored.notes.list(MEETING)]
    assert notes == [("note", "half a thought", MEMBER)]


async def test_a_note_is_saved_while_still_being_typed(sample_path: Path, stored: Any, settle: Any) -> None:
    from screens.interview.editor import DRAFT_DELAY

    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        await pilot.press("j", "g")
        await _type(pilot, "no idea of RPO")
        await pilot.pause(DRAFT_DELAY + 0.3)
        await settle(app, pilot)
        assert screen.editing  # still typing
        gaps = stored.notes.list(MEETING)
        assert [(n.kind, n.text, n.question_id) for n in gaps] == [
            ("gap", "no idea of RPO", screen.current.question_id)
        ]
        await _type(pilot, " at all")
        await pilot.press("escape")
        await settle(app, pilot)
        assert not screen.editing and app.focused is screen.agenda
        assert [n.text for n in stored.notes.list(MEETING)] == ["no idea of RPO at all"]
        assert screen.questions[1].gaps == 1 and " G" in shown(app)


async def test_action_item_with_owner_and_due_date_and_a_comment(sample_path: Path, stored: Any, settle: Any) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        await pilot.press("c")  # not scored yet: refused with a message, no editor
        assert not screen.editing
        await pilot.press("3", "c")
        await settle(app, pilot)
        await _type(pilot, "vague answer")
        await pilot.press("escape")
        await pilot.press("a")
        await _type(pilot, "send the SLA")
        await pilot.press("tab")
        await _type(pilot, "Graham")
        await pilot.press("tab")
        await _type(pilot, "2027-02-01")
        await pilot.press("escape")
        await pilot.press("d")
        await _type(pilot, "go on")
        await pilot.press("escape")
        await settle(app, pilot)
        assert "vague answer" in shown(app) and "ACTION" in shown(app)
    first = stored.scoring.scorecard(MEETING, member=MEMBER).scores[0]
    assert (first.value, first.comment) == (3, "vague answer")
    notes = [(n.kind, n.text, n.owner, n.due.isoformat() if n.due else None) for n in stored.notes.list(MEETING)]
    assert notes == [("action", "send the SLA", "Graham", "2027-02-01"), ("decision", "go on", "", None)]


async def test_reopening_resumes_at_the_same_question(sample_path: Path, stored: Any, settle: Any) -> None:
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j", "j", "5", "t")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        app.open_record("interview", MEETING)
        await settle(app, pilot)
        screen = _interview(app)
        assert screen.index == 4 and screen.agenda.highlighted == 4
        assert screen.current.value == 5 and screen.current.timer.running
    app = _app(sample_path)  # a new run of the app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert _interview(app).index == 4
        assert "Question 5 of 14" in shown(app)


async def test_hand_over_hides_the_previous_members_scores(sample_path: Path, stored: Any, settle: Any) -> None:
    agenda = [a.question_id for a in stored.meetings.get(MEETING).agenda]
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = _interview(app)
        await pilot.press("4", "c")
        await settle(app, pilot)
        await _type(pilot, "HELEN-COMMENT")
        await pilot.press("escape", "j", "5", "n")
        await _type(pilot, "HELEN-NOTE")
        await pilot.press("escape", "m")  # the note is saved, and the picker asks who takes over
        await settle(app, pilot)
        await pilot.press("enter")  # Tom, the only other member of the meeting
        await settle(app, pilot)
        assert screen.view.member == TOM and app.member == MEMBER  # handed over on this screen only
        text = shown(app)
        assert "HELEN" not in text and "Helen" not in text
        assert "Q2 = 5" not in text and "Q1 = 4" not in text  # nor the save indicator
        assert [q.state for q in screen.questions[:2]] == ["not yet scored", "not yet scored"]
        assert "0 of 14 scored" in text
        await pilot.press("home", "2")
        await settle(app, pilot)
    assert _mine(stored) == {agenda[0]: 4, agenda[1]: 5}
    assert _mine(stored, TOM) == {agenda[0]: 2}
    assert [(n.text, n.member) for n in stored.notes.list(MEETING)] == [("HELEN-NOTE", MEMBER)]


async def test_a_hand_over_leaves_the_remembered_member_alone(sample_path: Path, stored: Any, settle: Any) -> None:
    from workbench.prefs import Prefs, load_prefs, save_prefs

    agenda = [a.question_id for a in stored.meetings.get(MEETING).agenda]
    save_prefs(Prefs(selection=SAMPLE, member=MEMBER))
    app = build_app(
        sample_path, prefs=load_prefs(), start=("interview", str(MEETING)), remember=True
    )  # remembering, as a real run does
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press("enter")  # Tom takes the keyboard
        await settle(app, pilot)
        assert _interview(app).view.member == TOM
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("escape")  # leaving the interview: the terminal still speaks for Helen
        await settle(app, pilot)
        assert app.member == MEMBER
    assert _mine(stored, TOM) == {agenda[0]: 3}
    assert load_prefs().member == MEMBER


async def test_the_schedule_and_the_candidates_meetings_open_the_interview(sample_path: Path, settle: Any) -> None:
    from screens.candidates.candidate import CandidateScreen
    from screens.schedule.schedule import ScheduleScreen

    app = _app(sample_path, meeting=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
        table = app.screen.table
        table.move_cursor(row=table.get_row_index(f"m{MEETING}"))
        await pilot.press("i")
        await settle(app, pilot)
        assert _interview(app).view.header.meeting_id == MEETING
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert _interview(app).view.header.meeting_id == MEETING
        await pilot.press("escape")
        await settle(app, pilot)
        app.push_screen(CandidateScreen("Northgate Managed IT"))
        await settle(app, pilot)
        app.screen.query_one("#candidate-tabs").active = "tab-meetings"
        await settle(app, pilot)
        pane = app.screen.query_one("#meetings")
        pane.table.move_cursor(row=pane.table.get_row_index(str(MEETING)))
        await pilot.press("i")
        await settle(app, pilot)
        assert _interview(app).view.header.candidate == "Northgate Managed IT"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, CandidateScreen)


async def test_a_cancelled_meeting_says_so(sample_path: Path, stored: Any, settle: Any) -> None:
    stored.meetings.cancel(MEETING)
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "Cannot open the interview" in shown(app) and "cancelled" in shown(app)
        await pilot.press("4")  # nothing to score: nothing happens
        await settle(app, pilot)
    assert _mine(stored) == {}


async def test_keys_typed_in_one_burst_act_in_order(sample_path: Path, stored: Any, settle: Any) -> None:
    """Keys arriving together (a fast typist, a paste): j then a digit scores the next question, the text
    after n goes into the note, and digits after the escape that closed it score again."""
    from textual import events

    agenda = [a.question_id for a in stored.meetings.get(MEETING).agenda]
    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key in ["3", "j", "down", "5", "n", *"Quick Note!", "escape", "k", "0", "j", "j", "4"]:
            character = {"escape": None, "down": None}.get(key, key)
            app.post_message(events.Key(key if key != " " else "space", character))
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert not _interview(app).editing
    assert _mine(stored) == {agenda[0]: 3, agenda[1]: None, agenda[2]: 5, agenda[3]: 4}
    assert [(n.text, n.question_id) for n in stored.notes.list(MEETING)] == [("Quick Note!", agenda[2])]


async def test_a_member_not_attending_is_asked_who_scores_and_nothing_is_stored(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    """Priya does not attend meeting 3: the service refuses her interview; the screen offers its attendees only."""
    from screens.dialogs.member import MemberPicker

    app = _app(sample_path, member="Priya Nair")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MemberPicker) and app.screen.members == [MEMBER, TOM]
        await pilot.press("1")  # a digit in the picker scores nothing
        await settle(app, pilot)
    assert [s for s in stored.scoring.scores(selection=SAMPLE) if s.meeting_id == MEETING] == []


async def test_submitting_with_no_score_asks_in_the_command_lines_words_and_the_minutes_say_empty(
    sample_path: Path, stored: Any, settle: Any
) -> None:
    from screens.dialogs.confirm import ConfirmDialog
    from workbench.exports.minutes import render_minutes

    app = _app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        _interview(app)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question == f"Submit an empty scorecard for meeting {MEETING}?"
        # The words the command line refuses with (without --empty).
        assert dialog.detail.startswith(
            f"{MEMBER} has scored no question of meeting {MEETING}: the scorecard would be submitted empty"
        )
        await pilot.press("enter")  # enter answers no for an empty scorecard
        await settle(app, pilot)
        assert stored.scoring.scorecard(MEETING, member=MEMBER).submitted_at is None
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert stored.scoring.scorecard(MEETING, member=MEMBER).submitted_at is not None
    stored.scoring.submit(MEETING, member=TOM, empty=True)
    minutes = stored.minutes.minutes(MEETING)
    assert minutes.submitted_empty == (MEMBER, TOM)
    assert f"**Submitted empty:** {MEMBER}, {TOM} submitted the scorecard with no question scored." in render_minutes(
        minutes
    )
