"""The live interview: score the agenda by keys while the vendor talks, write notes, submit, hand the keyboard over.

A score is saved the moment its key is pressed (through the services, in key order); the indicator
at the bottom reads "saved" only once the service has committed. Note text is saved within a second
of the last key, and when the field, the screen or the app is left. Until this member has submitted,
nothing of any other member's scores, comments or notes is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Static, TextArea

from screens.interview.editor import FIELDS, EditorBox, NoteEditing
from screens.interview.frame import KeptLines, QuietHorizontal, QuietScroll, QuietStatic, QuietVertical
from screens.interview.handover import Keyboard
from screens.interview.parts import header_text, notes_text, open_actions_text
from screens.interview.position import Position
from screens.interview.saver import Saver, Saving
from screens.interview.status import StatusLine
from screens.interview.widgets import AgendaList, QuestionPanel, SideTable
from screens.shell.base import describe_error
from workbench.domain.display import several_lines

if TYPE_CHECKING:
    from workbench.services.views.actions import ActionView
    from workbench.services.views.interview import InterviewQuestion, InterviewView
    from workbench.services.views.meetings import NoteView
    from workbench.services.views.scoring import ScoreView


class InterviewScreen(KeptLines, Saving):
    """One meeting's live interview, for the panel member at the keyboard (saving: screens/interview_saver.py)."""

    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = "#iv-agenda"
    ASKS_MEMBER = True  # asks who is scoring itself: the app does not ask over it
    BINDINGS = [
        Binding(
            "1", "score(1)", "Score", key_display="1-5", tooltip="Score the current question 1 to 5 (saved at once)"
        ),
        *(Binding(str(v), f"score({v})", f"Score {v}", show=False) for v in range(2, 6)),
        Binding("0", "score(0)", "N/A", tooltip="Mark the current question not applicable"),
        Binding("j", "move(1)", "Move", key_display="j/k", tooltip="The next question (down does too)"),
        Binding("k", "move(-1)", "Previous", show=False, tooltip="The previous question (up does too)"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Prev", show=False),
        Binding("c", "edit('comment')", "Comment", tooltip="Comment on your score of the current question"),
        Binding("n", "edit('note')", "Note", tooltip="Write a note (saved as you type)"),
        Binding("d", "edit('decision')", "Decision", tooltip="Record a decision"),
        Binding("a", "edit('action')", "Action", tooltip="Record an action item with its owner and due date"),
        Binding("g", "edit('gap')", "Gap", tooltip="Record a knowledge gap: what the vendor did not know"),
        Binding("e", "my_notes", "My notes", show=False, tooltip="Edit or delete one of your notes of this meeting"),
        Binding("t", "timer", "Timer", tooltip="Start or pause the current question's timer"),
        Binding("s", "submit", "Submit", tooltip="Submit your scorecard (asks first); then see everyone's scores"),
        Binding("escape", "leave", "Leave", tooltip="Leave the interview (everything is saved first)"),
        Binding("m", "hand_over", "Hand over", tooltip="Hand the keyboard to another member (your scores are hidden)"),
        Binding("q", "quit_app", "Quit", show=False, tooltip="Leave the workbench, saving first"),
    ]

    def __init__(self, meeting_id: str | int, *, member: str | None = None) -> None:
        super().__init__()
        self.meeting_ref = str(meeting_id)
        self.member = member
        self.view: InterviewView | None = None
        self.questions: list[InterviewQuestion] = []
        self.notes: list[NoteView] = []
        self.open_actions: list[ActionView] = []  # the candidate's open actions from earlier meetings
        self.editor = NoteEditing(self)
        self.keyboard = Keyboard(self)
        self._key_actions = {
            b.key: b.action
            for b in self.BINDINGS
            if isinstance(b, Binding) and (len(b.key) == 1 or b.key in ("up", "down"))
        }
        self.position = Position(self)
        self.auto_links = False  # no links here: unchanged lines are given again (screens/interview_frame.py)
        self.agenda = AgendaList(id="iv-agenda")
        self.panel = QuestionPanel(id="iv-question-box")
        self.status = StatusLine(id="iv-status")

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        yield QuietStatic("Opening the interview…", id="iv-head")
        with QuietHorizontal(id="iv-main"):
            yield self.agenda
            with QuietVertical(id="iv-centre"):
                yield self.panel
                yield SideTable(id="iv-side", cursor_type="row", zebra_stripes=True)
        with QuietVertical(id="iv-notes-box"):
            with QuietScroll(id="iv-notes-scroll"):
                yield QuietStatic("", id="iv-notes")
            yield EditorBox(id="iv-editor")
        yield self.status

    async def run_key(self, event: Any) -> bool:
        """Run this screen's binding of a key at once, in the order the keys were typed; True when it has one.

        Textual routes a key to the widget focused when it arrives and runs bindings once the key has
        bubbled back up, so in a burst (j then 3, n then text) a later key could act before an earlier
        one's binding. The agenda and the editor call this from their own key handler instead.
        """
        action = self._key_actions.get(event.key)
        if action is None:
            return False
        event.prevent_default()
        event.stop()
        await self.run_action(action)
        return True

    @property
    def index(self) -> int:
        """The current question: the agenda's cursor, read at once (a key right after j scores the next one)."""
        highlighted = self.agenda.highlighted
        return highlighted if highlighted is not None else 0

    @property
    def current(self) -> InterviewQuestion | None:
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def editing(self) -> bool:
        return self.editor.draft is not None

    def now(self) -> datetime:
        return self.wb.clock_now or datetime.now(UTC)

    def on_mount(self) -> None:
        self.sub_title = f"Interview · meeting {self.meeting_ref}"
        self.query_one("#iv-editor").display = False
        self.query_one("#iv-side").display = False
        self.query_one(Footer).compact = True  # the keys of a live interview fit on one line
        # Kept at the newest note as the notes grow or rewrap (a scrollbar appearing narrows them), until scrolled.
        self.query_one("#iv-notes-scroll", QuietScroll).anchor()
        self.set_interval(1.0, self._tick)
        self.saver = Saver(self)
        self.member = self.member or self.wb.member
        if self.member:
            self.load()
        else:
            self.keyboard.ask()

    # ------------------------------------------------------------------ reading

    def load(self) -> None:
        mid, who = self.meeting_ref, self.member
        if who is None:  # nobody at the keyboard yet: ask first
            self.keyboard.ask()
            return
        self.call(
            lambda s: s.interview.open(mid, member=who),
            self.show,
            failed=self.not_opened,
            group="iv-load",
            exclusive=True,
        )

    def not_opened(self, exc: BaseException) -> None:
        if getattr(exc, "field", None) == "--member":
            self.notify(f"{describe_error(exc)}: choose who is scoring.", severity="warning")
            self.keyboard.ask()
            return
        self.query_one("#iv-head", Static).update(
            Text.assemble(("Cannot open the interview: ", "bold red"), describe_error(exc), "  (escape goes back)")
        )

    def show(self, view: InterviewView) -> None:
        """Show a freshly read view: every region is drawn from it alone."""
        if view.member != self.member:
            return  # read for a member who handed the keyboard over meanwhile
        self.view, self.questions, self.notes = view, list(view.questions), list(view.notes)
        index = min(view.position, max(0, len(self.questions) - 1))
        agenda = self.agenda
        agenda.show(self.questions, index)
        q = self.current
        self.position.shown((view.header.meeting_id, q.question_id, view.member) if q is not None else None)
        self.sub_title = f"Interview · {view.header.candidate} · meeting {view.header.meeting_id}"
        self.query_one(SideTable).show(view, index)
        self._show_head()
        self.show_question()
        self.show_notes()
        self.show_progress()
        if not self.editing:
            agenda.focus()
        mid, who, now = view.header.meeting_id, view.member, self.wb.clock_now
        self.call(
            lambda s: s.actions.carried(mid, member=who, now=now),
            lambda found: self._open_actions_read(who, found),
            group="iv-open-actions",
            exclusive=True,
        )

    def _open_actions_read(self, member: str, found: list[ActionView]) -> None:
        if self.view is not None and self.view.member == member and list(found) != self.open_actions:
            self.open_actions = list(found)  # redrawn only when they changed: the notes keep their scroll
            self.show_notes()

    def _show_head(self) -> None:
        if self.view is None:
            return
        text = header_text(self.view.header, self.view.member, self.now())
        head = self.query_one("#iv-head", Static)
        before = head.content
        if not isinstance(before, Text) or before.plain != text.plain:  # the clocks change once a minute
            head.update(text, layout=not isinstance(before, Text) or before.plain.count("\n") != text.plain.count("\n"))

    def show_question(self, *, moved: bool = True) -> None:
        q, view, panel = self.current, self.view, self.panel
        if q is None or view is None:
            panel.show(None, 0, self.now())
            if view is not None:
                self.query_one("#iv-question", Static).update("This meeting has no questions on its agenda.")
            return
        scores = view.side_by_side[self.index] if view.side_by_side else None
        panel.show(q, len(self.questions), self.now(), scores, moved=moved)

    def show_row(self, index: int) -> None:
        """Redraw one question's agenda line (and the centre when it is the current one)."""
        self.agenda.show_row(index, self.questions[index])
        if index == self.index:
            self.show_question(moved=False)

    def show_notes(self) -> None:
        if self.view is None:
            return
        numbers = {q.question_id: q.number for q in self.questions}
        text = notes_text(self.notes, self.view.member, numbers, self.view.header.our_zone)
        if self.open_actions:
            text = open_actions_text(self.open_actions) + text
        self.query_one("#iv-notes", Static).update(text)
        self.query_one("#iv-notes-scroll", QuietScroll).scroll_end(animate=False)

    def show_progress(self) -> None:
        scored = sum(1 for q in self.questions if q.scored)
        self.status.progress(scored, len(self.questions), self.view is not None and self.view.submitted)

    def _tick(self) -> None:
        self._show_head()
        self.show_slow_save()
        q = self.current
        if q is not None and q.timer.running:
            self.panel.tick(q, len(self.questions), self.now())

    @on(AgendaList.Highlighted)
    def _highlighted(self) -> None:
        if self.view is None:
            return
        self.show_question()
        side = self.query_one("#iv-side", DataTable)
        if side.display and side.row_count > self.index:
            side.move_cursor(row=self.index)
        q = self.current
        if q is not None:
            self.position.moved((self.view.header.meeting_id, q.question_id, self.view.member))

    # ------------------------------------------------------------------ scoring

    def question_at(self, question_id: int, member: str) -> int | None:
        """The index of a question on the screen, when it still shows ``member``'s interview."""
        if self.view is None or self.view.member != member:
            return None
        return next((i for i, q in enumerate(self.questions) if q.question_id == question_id), None)

    def refuse_final(self) -> bool:
        if self.view is not None and self.view.submitted:
            self.notify("You have submitted this scorecard: your scores are final.", severity="warning")
            return True
        return False

    def action_score(self, value: int) -> None:
        """Score the current question (0: N/A); saved at once, in key order."""
        q, view = self.current, self.view
        if q is None or view is None or self.refuse_final():
            return
        score = None if value == 0 else value
        mid, qid, who, number = view.header.meeting_id, q.question_id, view.member, q.number

        def stored(sv: ScoreView) -> None:
            index = self.question_at(qid, who)
            if index is not None:  # still this member's interview (a hand-over shows nothing of it)
                self.questions[index] = replace(self.questions[index], scored=True, value=sv.value, comment=sv.comment)
                self.show_row(index)
                self.show_progress()
                self.show_saved(f"Q{number} = {'N/A' if sv.value is None else sv.value}")

        self.user_save(lambda s: s.scoring.score(mid, qid, score, member=who), stored)

    def action_move(self, step: int) -> None:
        if not self.questions:
            return
        agenda = self.agenda
        (agenda.action_cursor_down if step > 0 else agenda.action_cursor_up)()

    def action_timer(self) -> None:
        """Start or pause the current question's timer."""
        self.position.toggle_timer()

    # ------------------------------------------------------------------ notes and comments

    def action_my_notes(self) -> None:
        """Choose one of your notes to edit (in the editor, saved as you type) or delete; others' are read-only."""
        from screens.interview.my_notes import pick_my_note

        pick_my_note(self)

    def edit_note(self, note: NoteView) -> None:
        """Open one of the member's own notes in the editor."""
        self.editor.open_note(note)

    def action_edit(self, mode: str) -> None:
        """Open the editor for a note of a kind, or for the comment of the current score."""
        self.editor.open(mode)

    @on(TextArea.Changed, "#iv-editor-text")
    def _text_typed(self, event: TextArea.Changed) -> None:
        self.editor.typed_in("iv-editor-text", event.text_area.text)

    @on(Input.Changed, "#iv-owner, #iv-due")
    def _field_typed(self, event: Input.Changed) -> None:
        self.editor.typed_in(str(event.input.id), event.value)

    def on_descendant_blur(self, event: Any) -> None:
        if self.editing and event.widget.id in FIELDS:
            self.editor.store(strict=event.widget.id == "iv-due")

    def action_finish_editing(self) -> None:
        """Save the note being written, close the editor and go back to the agenda."""
        self.finish_editing()

    def finish_editing(self, *, focus: bool = True) -> None:
        """Save the note being written and close the editor (``focus``: back to the agenda)."""
        self.editor.finish(focus=focus)

    # ------------------------------------------------------------------ submit, hand over, leave

    def action_submit(self) -> None:
        from screens.dialogs.confirm import ConfirmDialog

        view = self.view
        if view is None or self.refuse_final():
            return
        self.action_finish_editing()
        scored, total = sum(1 for q in self.questions if q.scored), len(self.questions)
        left = total - scored
        detail = (
            f"{scored} of {total} questions scored"
            + (f"; the {left} left unscored are carried into the next meeting" if left else "")
            + ".\nYour scores become final, and the other members' scores are shown beside yours."
        )
        question = f"Submit your scorecard for meeting {view.header.meeting_id}?"
        if not scored:  # the same words the command line refuses with, unless --empty
            from workbench.domain.scoring import empty_scorecard_message

            question = f"Submit an empty scorecard for meeting {view.header.meeting_id}?"
            detail = (
                empty_scorecard_message(view.member, view.header.meeting_id)
                + ", and the minutes will say so.\n"
                + detail
            )
        self.app.push_screen(
            ConfirmDialog(question, detail, yes="Submit", focus_yes=bool(scored)),
            lambda yes: self._submit(yes, empty=not scored),
        )

    def _submit(self, yes: bool | None, *, empty: bool = False) -> None:
        if not yes or self.view is None:
            return
        mid, who = self.view.header.meeting_id, self.view.member

        def done(view: InterviewView) -> None:
            self.show_saved("scorecard submitted")
            self.show(view)

        self.user_save(lambda s: s.interview.submit(mid, member=who, empty=empty), done)

    # ------------------------------------------------------------------ the state, as the helpers change it

    def set_question(self, index: int, question: InterviewQuestion) -> None:
        """Keep a changed question at ``index`` (the caller redraws what it changed)."""
        self.questions[index] = question

    def set_notes(self, notes: Sequence[NoteView]) -> None:
        """Keep the member's notes as now stored (the caller redraws them)."""
        self.notes = list(notes)

    def forget(self, message: str) -> None:
        """Forget and wipe everything shown for the member at the keyboard, showing ``message``."""
        self.view, self.questions, self.notes, self.open_actions = None, [], [], []
        self.agenda.show([], 0)
        self.query_one("#iv-head", Static).update(Text(several_lines(message)))  # may name a member: plain
        self.panel.show(None, 0, self.now())
        self.query_one("#iv-notes", Static).update("")
        self.query_one(SideTable).show(None, 0)

    def speak_for(self, name: str, *, remember: bool) -> None:
        """Score for ``name`` from now on and read their interview (``remember``: as the app's member too)."""
        if remember:
            self.wb.member = name
        self.member = name
        self.reset_saving()
        self.load()

    def action_hand_over(self) -> None:
        """Hand the keyboard to another member of the meeting's panel."""
        self.keyboard.hand_over()

    def on_unmount(self) -> None:
        self.stop_saving()

    def action_leave(self) -> None:
        """Leave the interview, saving first."""
        self.save_now()
        self.app.pop_screen()

    def action_quit_app(self) -> None:
        self.save_now()
        self.app.exit()
