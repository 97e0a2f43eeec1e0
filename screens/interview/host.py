"""What the live interview's helpers may ask of their screen (a Protocol).

The note editor (editor.py), the keyboard hand-over (handover.py) and the position and timers
(position.py) know the interview screen through this alone: they read its state and change it
through its methods (``set_question``, ``set_notes``, ``forget``, ``speak_for``), never by
assigning it, and none of them imports screens/interview/interview.py, which composes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.timer import Timer
    from textual.widget import Widget

    from screens.interview.widgets import AgendaList, QuestionPanel
    from screens.shell.host import Workbench
    from workbench.services import Services
    from workbench.services.views.interview import InterviewQuestion, InterviewView
    from workbench.services.views.meetings import NoteView

W = TypeVar("W", bound="Widget")
T = TypeVar("T")


class InterviewHost(Protocol):
    """The interview screen as its helpers see it."""

    meeting_ref: str
    """The meeting as it was asked for (an id)."""

    @property
    def view(self) -> InterviewView | None:
        """The interview as last read for the member at the keyboard (None: nothing shown)."""
        ...

    @property
    def questions(self) -> Sequence[InterviewQuestion]:
        """The agenda's questions as shown."""
        ...

    @property
    def notes(self) -> Sequence[NoteView]:
        """The member's notes as shown."""
        ...

    @property
    def current(self) -> InterviewQuestion | None:
        """The question under the agenda's cursor."""
        ...

    @property
    def agenda(self) -> AgendaList:
        """The agenda list widget."""
        ...

    @property
    def panel(self) -> QuestionPanel:
        """The current question's panel."""
        ...

    @property
    def wb(self) -> Workbench:
        """The app as the screens see it."""
        ...

    # ---------------------------------------------------------------- the screen's state, changed by its methods

    def set_question(self, index: int, question: InterviewQuestion) -> None:
        """Keep a changed question at ``index`` (the caller redraws what it changed)."""
        ...

    def set_notes(self, notes: Sequence[NoteView]) -> None:
        """Keep the member's notes as now stored (the caller redraws them)."""
        ...

    def forget(self, message: str) -> None:
        """Forget and wipe everything shown for the member at the keyboard, showing ``message``."""
        ...

    def speak_for(self, name: str, *, remember: bool) -> None:
        """Score for ``name`` from now on and read their interview (``remember``: as the app's member too)."""
        ...

    # ---------------------------------------------------------------- drawing and saving

    def now(self) -> datetime: ...
    def refuse_final(self) -> bool: ...
    def question_at(self, question_id: int, member: str) -> int | None: ...
    def show_row(self, index: int) -> None: ...
    def show_question(self, *, moved: bool = True) -> None: ...
    def show_notes(self) -> None: ...
    def show_saved(self, text: str | None, *, failed: bool = False) -> None: ...
    def not_saved(self, exc: BaseException) -> None: ...
    def not_opened(self, exc: BaseException) -> None: ...
    def user_save(self, fn: Any, then: Any, *, failed: Any = None) -> None: ...
    def save_now(self) -> None: ...
    def finish_editing(self, *, focus: bool = True) -> None: ...
    def edit_note(self, note: NoteView) -> None: ...
    def load(self) -> None: ...

    def save(
        self,
        fn: Callable[[Services], Any],
        then: Callable[[Any], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        undo: Any = None,
    ) -> None: ...

    def call(
        self,
        fn: Callable[[Services], T],
        then: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        group: str = "service",
        exclusive: bool = False,
    ) -> None: ...

    # ---------------------------------------------------------------- Textual's screen, as far as the helpers use it

    @property
    def app(self) -> App[Any]: ...

    @property
    def focused(self) -> Widget | None: ...

    @overload
    def query_one(self, selector: str) -> Widget: ...
    @overload
    def query_one(self, selector: type[W]) -> W: ...
    @overload
    def query_one(self, selector: str, expect_type: type[W]) -> W: ...

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None: ...
    def set_timer(
        self, delay: float, callback: Any = None, *, name: str | None = None, pause: bool = False
    ) -> Timer: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
