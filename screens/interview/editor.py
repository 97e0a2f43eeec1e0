"""The note editor of the live interview: its widgets, a draft saved whatever its state, and the controller.

A note (or the comment of a score) is saved 0.5 s after the last key, when its field is left,
when the editor is closed, and when the screen or the app is left (``save_now``).
"""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static, TextArea

from screens.actions.words import in_app_words
from workbench.domain.due import due_problem

if TYPE_CHECKING:
    from screens.interview.host import InterviewHost
    from workbench.services import Services
    from workbench.services.views.meetings import NoteView
    from workbench.services.views.scoring import ScoreView

DRAFT_DELAY = 0.5
"""Seconds after the last key before a note being typed is saved (the promise is one second)."""

EDITOR_TITLE = {
    "note": "Note",
    "decision": "Decision",
    "action": "Action item",
    "gap": "Knowledge gap: what the vendor did not know",
    "concern": "Concern",
    "comment": "Comment on your score",
}
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELDS = ("iv-editor-text", "iv-owner", "iv-due")


async def _editor_key(widget: Any, event: Any) -> None:
    """A key of an editor field, before the field's own handling: escape closes the editor at once (the keys
    after it, typed in the same burst, are the screen's), and a key arriving once the editor is closed goes
    to the screen's bindings; any other key is the field's."""
    screen = widget.screen
    if getattr(screen, "editing", False) and event.key != "escape":
        return
    event.prevent_default()
    event.stop()
    if event.key == "escape" and getattr(screen, "editing", False):
        screen.editor.finish()
    elif hasattr(screen, "run_key"):
        await screen.run_key(event)


class NoteText(TextArea):
    """The text of the note or comment being written; escape (or ctrl+s) finishes it.

    Keys are routed when they arrive, so keys typed in one burst with the escape that closed the
    editor reach it after it closed: those are left to the screen's bindings (a digit scores).
    """

    BINDINGS = [
        Binding("escape", "screen.finish_editing", "Done", tooltip="Save the note and go back to the agenda"),
        Binding("ctrl+s", "screen.finish_editing", "Done", show=False),
    ]

    async def on_key(self, event: Any) -> None:
        await _editor_key(self, event)


class FieldInput(Input):
    """An owner or due-date field of an action item; escape finishes the item (keys after it: see NoteText)."""

    BINDINGS = [Binding("escape", "screen.finish_editing", "Done", tooltip="Save the action item and go back")]

    async def on_key(self, event: Any) -> None:
        await _editor_key(self, event)


class EditorBox(Vertical):
    """The note editor: a title, the text, an action item's owner and due date, and what was refused."""

    def compose(self) -> ComposeResult:
        yield Static("", id="iv-editor-title")
        yield NoteText("", id="iv-editor-text", soft_wrap=True, compact=True)
        with Horizontal(id="iv-action-fields"):
            yield FieldInput(placeholder="owner: who does it", id="iv-owner", compact=True)
            yield FieldInput(placeholder="due: YYYY-MM-DD", id="iv-due", compact=True)
        yield Static("", id="iv-editor-error")


@dataclass(frozen=True)
class Deleted:
    """What ``Draft.store`` returns when the note was emptied and so deleted."""

    note_id: int


class Draft:
    """A note (or a score's comment) being typed, stored whatever its state; thread-safe.

    ``store`` runs in a worker (debounced while typing) or on the UI thread (leaving); the
    lock makes sure a note is added only once even when both happen at the same time.
    """

    def __init__(
        self, mode: str, meeting_id: int, member: str, question_id: int | None, *, note_id: int | None = None
    ) -> None:
        self.mode = mode  # a note kind, or "comment"
        self.meeting_id = meeting_id
        self.member = member
        self.question_id = question_id
        self.note_id = note_id
        self._lock = threading.Lock()
        self._stored: tuple[str, str, str] | None = None

    def stored_as(self, text: str, owner: str, due: str) -> None:
        """What the note being edited holds already (saving it unchanged stores nothing)."""
        with self._lock:
            self._stored = (text, owner, due)

    def store(self, services: Services, text: str, owner: str = "", due: str = "", *, final: bool = False) -> Any:
        """Save what is typed now: the stored view, None when nothing changed, or Deleted when emptied.

        While typing (not ``final``) a due date is sent only once it is a whole date.
        """
        with self._lock:
            if due and (not final or self.mode != "action") and due_problem(due) is not None:
                due = self._stored[2] if self._stored else ""  # half typed (or refused): the date stored stays
            typed = (text, owner, due)
            if typed == self._stored:
                return None
            result: ScoreView | NoteView | Deleted
            if self.mode == "comment":
                assert self.question_id is not None, "a comment belongs to a question"
                result = services.interview.comment(self.meeting_id, self.question_id, text, member=self.member)
            elif not text.strip():
                if self.note_id is None:
                    self._stored = typed
                    return None
                gone = self.note_id
                services.notes.delete(gone, member=self.member)
                self.note_id, result = None, Deleted(gone)
            elif self.note_id is None:
                due_on = (due or None) if self.mode == "action" else None
                result = services.notes.add(
                    self.meeting_id,
                    member=self.member,
                    kind=self.mode,
                    text=text,
                    owner=owner if self.mode == "action" else "",
                    due=due_on,
                    question_id=self.question_id,
                )
                self.note_id = result.id
            elif self.mode == "action":
                result = services.notes.update(
                    self.note_id, member=self.member, text=text, owner=owner, due=due or None
                )
            else:
                result = services.notes.update(self.note_id, member=self.member, text=text)
            self._stored = typed
            return result


class NoteEditing:
    """What the interview screen is writing: opens the editor, saves the draft through the screen's queue."""

    def __init__(self, screen: InterviewHost) -> None:
        self.screen = screen
        self.draft: Draft | None = None
        self.typed = ["", "", ""]  # text, owner, due: kept here, readable after the widgets are gone
        self._timer: Any = None

    def open(self, mode: str) -> None:
        """Open the editor for a note of a kind, or for the comment of the current score."""
        screen = self.screen
        q, view = screen.current, screen.view
        if view is None:
            return
        if mode == "comment":
            if q is None or screen.refuse_final():
                return
            if not q.scored:
                screen.notify(
                    "Score this question first (1-5, or 0 for N/A); then c comments on it.", severity="warning"
                )
                return
        self.finish(focus=False)
        self.draft = Draft(mode, view.header.meeting_id, view.member, q.question_id if q else None)
        start = q.comment if mode == "comment" and q is not None else ""
        self.typed = [start, "", ""]
        title = EDITOR_TITLE[mode] + (f" · question {q.number}" if q is not None else "")
        screen.query_one("#iv-editor-title", Static).update(
            f"[b]{title}[/b]  [dim]saved as you type · escape when done[/dim]"
        )
        screen.query_one("#iv-action-fields").display = mode == "action"
        for wid in ("#iv-owner", "#iv-due"):
            screen.query_one(wid, Input).value = ""
        text = screen.query_one("#iv-editor-text", TextArea)
        text.load_text(start)
        screen.query_one("#iv-editor").display = True
        screen.query_one("#iv-notes-box").add_class("-editing")
        screen.set_focus(text)  # at once: the keys typed right after n go into the note, not to the agenda
        text.move_cursor(text.document.end)

    def open_note(self, note: NoteView) -> None:
        """Open the editor on one of the member's own notes: changes are saved as they are typed (emptied: deleted)."""
        screen, view = self.screen, self.screen.view
        if view is None or note.member != view.member:
            return
        self.finish(focus=False)
        draft = Draft(note.kind, view.header.meeting_id, view.member, note.question_id, note_id=note.id)
        due = note.due.isoformat() if note.due else ""
        draft.stored_as(note.text, note.owner, due)
        self.draft, self.typed = draft, [note.text, note.owner, due]
        number = next((q.number for q in screen.questions if q.question_id == note.question_id), None)
        title = EDITOR_TITLE.get(note.kind, note.kind) + (f" · question {number}" if number is not None else "")
        screen.query_one("#iv-editor-title", Static).update(
            Text.assemble((f"Editing your {title.lower()}", "bold"), ("  saved as you type · escape when done", "dim"))
        )
        screen.query_one("#iv-action-fields").display = note.kind == "action"
        screen.query_one("#iv-owner", Input).value = note.owner
        screen.query_one("#iv-due", Input).value = due
        self._show_error("")
        text = screen.query_one("#iv-editor-text", TextArea)
        text.load_text(note.text)
        screen.query_one("#iv-editor").display = True
        screen.query_one("#iv-notes-box").add_class("-editing")
        screen.set_focus(text)
        text.move_cursor(text.document.end)

    def _show_error(self, message: str) -> None:
        with contextlib.suppress(Exception):  # the widgets may be gone (leaving)
            self.screen.query_one("#iv-editor-error", Static).update(Text(message))

    def _due_refused(self, due: str, *, strict: bool) -> str | None:
        """Why the due date typed cannot be saved (None: it can); half-typed dates wait unless ``strict``."""
        draft = self.draft
        if draft is None or draft.mode != "action":
            return None
        problem = due_problem(due)
        if problem is None or not (strict or FULL_DATE.fullmatch(due.strip())):
            return None
        return f"Due date: {problem}. Nothing is saved until it is a date (or empty)."

    @property
    def typing(self) -> bool:
        """True while a save waits for typing to pause."""
        return self._timer is not None

    def typed_in(self, field: str, value: str) -> None:
        """A key in one of the editor's fields: save once typing pauses."""
        if self.draft is None:
            return
        self.typed[FIELDS.index(field)] = value
        self._stop_timer()
        self._timer = self.screen.set_timer(DRAFT_DELAY, self.store)

    def _read_fields(self) -> None:
        """What the fields hold now (their Changed messages may still be on their way)."""
        screen = self.screen
        # The widgets may be gone (leaving): what was typed is kept in ``typed``.
        with contextlib.suppress(Exception):
            self.typed = [
                screen.query_one("#iv-editor-text", TextArea).text,
                screen.query_one("#iv-owner", Input).value,
                screen.query_one("#iv-due", Input).value,
            ]

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()  # a fired one-shot timer does not re-arm with reset()
            self._timer = None

    def store(self, *, final: bool = False, strict: bool = False) -> bool:
        """Queue a save of the draft as typed now (``final``: the due date as typed); False when the due date
        typed is refused: then nothing is saved, and the editor says why in the app's words."""
        draft, screen = self.draft, self.screen
        if draft is None:
            return True
        self._stop_timer()
        self._read_fields()
        text, owner, due = self.typed
        refused = self._due_refused(due, strict=final or strict)
        if refused:
            self._show_error(refused)
            screen.show_saved("Due date: not a date", failed=True)
            return False
        self._show_error("")

        def failed(exc: BaseException) -> None:
            told = in_app_words(exc)
            screen.not_saved(told)
            self._show_error(str(told))

        screen.user_save(
            lambda s: draft.store(s, text, owner, due, final=final), lambda r: self.stored(draft, r), failed=failed
        )
        return True

    def stored(self, draft: Draft, result: Any) -> None:
        """Show what the service stored: the comment, or the note in the list (gone when emptied)."""
        screen = self.screen
        if result is None:
            screen.show_saved(None)
            return
        if draft.mode == "comment":
            index = screen.question_at(result.question_id, draft.member)
            if index is not None:
                screen.set_question(index, replace(screen.questions[index], comment=result.comment))
                screen.show_row(index)
            screen.show_saved(f"comment on Q{screen.questions[index].number}" if index is not None else "comment")
            return
        if screen.view is not None and screen.view.member == draft.member:
            gone = result.note_id if isinstance(result, Deleted) else result.id
            notes = [n for n in screen.notes if n.id != gone] + ([] if isinstance(result, Deleted) else [result])
            screen.set_notes(sorted(notes, key=lambda n: (n.created_at, n.id)))
            self._recount_gaps()
            screen.show_notes()
        screen.show_saved("note deleted" if isinstance(result, Deleted) else draft.mode)

    def _recount_gaps(self) -> None:
        screen = self.screen
        if screen.view is None:
            return
        me = screen.view.member_id
        for index, q in enumerate(screen.questions):
            gaps = sum(
                1 for n in screen.notes if n.kind == "gap" and n.member_id == me and n.question_id == q.question_id
            )
            if gaps != q.gaps:
                screen.set_question(index, replace(q, gaps=gaps))
                screen.show_row(index)

    def finish(self, *, focus: bool = True) -> None:
        """Save the draft, close the editor and (``focus``) go back to the agenda."""
        if self.draft is None:
            return
        draft = self.draft
        if not self.store(final=True):  # a refused due date: the editor stays open on it
            if focus:
                self.screen.set_focus(self.screen.query_one("#iv-due", Input))
                return
            text, owner, due = self.typed  # closed all the same (another editor, submitting): the date stored stays
            self.screen.user_save(lambda s: draft.store(s, text, owner, due), lambda r: self.stored(draft, r))
        self.draft = None
        self.screen.query_one("#iv-editor").display = False
        self.screen.query_one("#iv-notes-box").remove_class("-editing")
        if focus:
            self.screen.set_focus(self.screen.agenda)  # at once: a digit right after escape scores

    def type_key(self, event: Any) -> bool:
        """A key routed to the agenda before the editor took the focus (typed in one burst with the key that
        opened it): typed into the editor's focused field, escape closing it. True when the key was taken."""
        focused = self.screen.focused
        if self.draft is None or not isinstance(focused, (NoteText, FieldInput)):
            return False
        if event.key == "escape":
            self.finish()
        elif isinstance(focused, NoteText) and (event.is_printable or event.key == "enter"):
            focused.insert("\n" if event.key == "enter" else event.character)
        elif isinstance(focused, FieldInput) and event.is_printable:
            focused.insert_text_at_cursor(event.character)
        else:
            return False
        return True

    def save_now(self, call_now: Any) -> None:
        """Store the draft synchronously (leaving the screen or the app; works after unmounting)."""
        self._stop_timer()
        if self.draft is not None:
            self._read_fields()
        draft, (text, owner, due) = self.draft, self.typed
        if draft is not None:
            call_now(lambda s: draft.store(s, text, owner, due))
