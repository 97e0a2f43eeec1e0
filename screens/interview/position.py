"""Where the member is on the agenda, and the question timers: remembered through the services as they move."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.interview.host import InterviewHost
    from workbench.services.views.interview import TimerView

Target = tuple[int, int, str]  # (meeting, question, member)


class Position:
    """Remembers the current question of an interview screen (resume position) and keeps its timers.

    Several moves in a row make one write; a running timer follows the member to the next question.
    """

    def __init__(self, screen: InterviewHost) -> None:
        self.screen = screen
        self.target: Target | None = None  # where the member is now
        self.stored: Target | None = None  # what the database holds
        self._queued = False

    def shown(self, target: Target | None) -> None:
        """A freshly read view shows the member at ``target``, which the database holds already."""
        self.target = self.stored = target

    def moved(self, target: Target) -> None:
        """The member moved to another question: store it (once the saves before it are stored)."""
        self.target = target
        if target == self.stored or self._queued:
            return
        self._queued = True

        def job(services: Any) -> Any:
            self._queued = False
            where = self.target
            if where is None or where == self.stored:
                return None
            timer = services.interview.set_position(where[0], where[1], member=where[2])
            self.stored = where
            return timer

        self.screen.save(
            job, self.timer_stored, failed=lambda exc: None
        )  # a lost position only changes where we resume

    def toggle_timer(self) -> None:
        """Start or pause the current question's timer."""
        screen = self.screen
        q, view = screen.current, screen.view
        if q is None or view is None:
            return
        mid, qid, who = view.header.meeting_id, q.question_id, view.member

        def stored(timer: TimerView) -> None:
            if screen.view is not None and screen.view.member == who:
                self.timer_stored(timer)
            screen.show_saved(f"timer {'running' if timer.running else 'paused'}")

        screen.user_save(lambda s: s.interview.toggle_timer(mid, qid, member=who), stored)

    def timer_stored(self, timer: TimerView | None) -> None:
        """Show a timer as stored; any other running one was paused by the service (one runs at a time)."""
        screen = self.screen
        if timer is None or screen.view is None:
            return
        now = screen.now()
        for index, q in enumerate(screen.questions):
            if q.question_id == timer.question_id:
                screen.set_question(index, replace(q, timer=timer))
            elif q.timer.running:
                screen.set_question(
                    index, replace(q, timer=replace(q.timer, elapsed_seconds=q.timer.seconds(now), running_since=None))
                )
        screen.show_question()

    def save_now(self, call_now: Any) -> None:
        """Store the position synchronously if the queue has not (leaving the screen or the app)."""
        target = self.target
        if (
            target is not None
            and target != self.stored
            and call_now(lambda s: s.interview.set_position(target[0], target[1], member=target[2])) is not None
        ):
            self.stored = target
