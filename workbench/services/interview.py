"""The live interview: what the screen shows for a meeting and member, where it resumes, timers, carry-over.

Scores are typed through ``ScoringService.score`` and notes through ``NoteService``; this service adds
the one read the screen needs (``open``), the resume position and question timers (``set_position``,
``toggle_timer``), and the carry-over of knowledge gaps and unanswered questions into the next meeting
of the series (``carry_over``, run by ``submit`` and again, idempotently, when a member who submitted
leaves the screen).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session, col

from workbench.services.base import Service, clean_text, unit_of_work, utcnow
from workbench.services.carry_over import carry_over
from workbench.services.errors import Conflict, UserError
from workbench.services.independence import require_expected
from workbench.services.interview_view import interview_view, timer_view, timers_of
from workbench.services.lookups import find_meeting, meeting_id_of
from workbench.services.members import find_member
from workbench.services.scoring import MAX_COMMENT, ScoringService, member_scorecard, question_id_of
from workbench.services.views.interview import (
    CarryOver,
    InterviewView,
    TimerView,
)
from workbench.services.views.scoring import ScoreView
from workbench.store.locks import lock_meeting
from workbench.store.models import (
    AgendaItem,
    InterviewPosition,
    Meeting,
    QuestionTimer,
    Score,
    Scorecard,
    stored_id,
)
from workbench.store.upsert import upsert


def _live_meeting(session: Session, meeting_id: str | int, *, lock: bool = False) -> Meeting:
    meeting = find_meeting(session, meeting_id) if not lock else _locked(session, meeting_id_of(meeting_id))
    if meeting.status == "cancelled":
        raise UserError(f"meeting {meeting.id} is cancelled; it has no interview", field="MEETING")
    return meeting


def _locked(session: Session, meeting_id: int) -> Meeting:
    return lock_meeting(session, meeting_id) or find_meeting(session, meeting_id)  # NotFound naming MEETING


def _on_agenda(session: Session, meeting_id: int, question: str | int) -> int:
    qid = question_id_of(question)
    found = session.execute(
        select(col(AgendaItem.id)).where(col(AgendaItem.meeting_id) == meeting_id, col(AgendaItem.question_id) == qid)
    ).first()
    if found is None:
        raise UserError(f"question {qid} is not on the agenda of meeting {meeting_id}", field="QUESTION")
    return qid


def _pause(row: QuestionTimer, now: datetime) -> None:
    since = row.running_since
    if since is not None:
        row.elapsed_seconds += max(0.0, (now - since).total_seconds())
        row.running_since = None


class InterviewService(Service):
    """The live interview of one meeting by one panel member."""

    @unit_of_work(write=False)
    def open(self, session: Session, meeting_id: str | int, *, member: str | int) -> InterviewView:
        """Everything the interview screen shows for a meeting and a panel member.

        The independence rule holds: until ``member`` has submitted their scorecard, only their
        own scores, comments and notes are in the view; afterwards every member's scores
        (side by side, with the spread) and notes are.

        Args:
            meeting_id: the meeting.
            member: a panel member of the meeting's selection (name or id).

        Returns:
            The view; ``position`` is where the member was last, else the first question
            they have not scored.

        Raises:
            NotFound: no such meeting or member (fields MEETING, --member).
            UserError: the meeting is cancelled, or the member is not one of its attendees (--member).
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        require_expected(session, stored_id(meeting), stored_id(me), me.name)
        return interview_view(session, meeting, me)

    @unit_of_work(write=True)
    def set_position(
        self, session: Session, meeting_id: str | int, question_id: str | int, *, member: str | int
    ) -> TimerView:
        """Remember the question a member is on; a running timer follows them to it.

        Returns:
            The timer of that question as stored now.
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        qid = _on_agenda(session, stored_id(meeting), question_id)
        now = utcnow()
        upsert(
            session,
            InterviewPosition,
            {"meeting_id": meeting.id, "member_id": me.id, "question_id": qid, "updated_at": now},
            ("meeting_id", "member_id"),
            ("question_id", "updated_at"),
        )
        timers = timers_of(session, stored_id(meeting), stored_id(me))
        running = [row for q, row in timers.items() if row.running_since is not None and q != qid]
        if running:
            for row in running:
                _pause(row, now)
                session.add(row)
            here = timers.get(qid) or QuestionTimer(
                meeting_id=stored_id(meeting), member_id=stored_id(me), question_id=qid
            )
            if here.running_since is None:
                here.running_since = now
            session.add(here)
            session.flush()
            return timer_view(here, qid)
        return timer_view(timers.get(qid), qid)

    @unit_of_work(write=True)
    def comment(
        self, session: Session, meeting_id: str | int, question_id: str | int, text: str, *, member: str | int
    ) -> ScoreView:
        """Change the comment of a member's score, keeping its value (the comment may be emptied).

        Returns:
            The score as stored now.

        Raises:
            UserError: the question is not scored yet, or not on the agenda; the member is not an attendee.
            Conflict: the member has submitted this scorecard already.
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        require_expected(session, stored_id(meeting), stored_id(me), me.name)
        qid = _on_agenda(session, stored_id(meeting), question_id)
        comment = clean_text(text, field="comment", max_length=MAX_COMMENT, multiline=True)
        if (
            session.execute(
                select(col(Scorecard.submitted_at)).where(
                    col(Scorecard.meeting_id) == meeting.id, col(Scorecard.member_id) == me.id
                )
            ).first()
            is not None
        ):
            raise Conflict(
                f"{me.name} has submitted the scorecard of meeting {meeting.id} already; comments are final",
                field="comment",
            )
        row = (
            session.execute(
                select(Score).where(
                    col(Score.meeting_id) == meeting.id, col(Score.question_id) == qid, col(Score.member_id) == me.id
                )
            )
            .scalars()
            .first()
        )
        if row is None:
            raise UserError(f"question {qid} is not scored yet: score it first, then comment", field="comment")
        row.comment, row.updated_at = comment, utcnow()
        session.add(row)
        session.flush()
        found = member_scorecard(session, stored_id(meeting), member=me.name)
        return next(sv for sv in found.scores if sv.question_id == qid)

    @unit_of_work(write=True)
    def toggle_timer(
        self, session: Session, meeting_id: str | int, question_id: str | int, *, member: str | int
    ) -> TimerView:
        """Start a member's timer of an agenda question, or pause it when it runs (one runs at a time).

        Returns:
            The timer as stored now.
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        qid = _on_agenda(session, stored_id(meeting), question_id)
        now = utcnow()
        timers = timers_of(session, stored_id(meeting), stored_id(me))
        here = timers.get(qid) or QuestionTimer(meeting_id=stored_id(meeting), member_id=stored_id(me), question_id=qid)
        if here.running_since is not None:
            _pause(here, now)
        else:
            for row in timers.values():
                if row is not here and row.running_since is not None:
                    _pause(row, now)
                    session.add(row)
            here.running_since = now
        session.add(here)
        session.flush()
        return timer_view(here, qid)

    @unit_of_work(write=True)
    def carry_over(self, session: Session, meeting_id: str | int) -> CarryOver:
        """Carry a meeting's knowledge gaps and unanswered questions into the next meeting's agenda.

        The next meeting (``carry_over.next_meeting``) is the first planned meeting after this one in
        the same recurring series; outside a series, or when the series has none left, the
        candidate's first planned meeting after this one. Held and cancelled meetings take nothing.
        A question is unanswered when no
        panel member has scored it (a score or N/A) in this meeting. Each knowledge gap (a note of
        kind gap, by any member) becomes once a follow-up question of the question bank, under the
        criterion of the question it was recorded on (else the first agenda question's), with no
        meeting kind, so only carried-over agendas ask it. Items go to the end of the next agenda,
        marked as carried from this meeting; a question already on it is not added again, so the
        call can be repeated (on submitting, and on leaving the screen).

        Returns:
            What was added now (nothing on a repeated call).
        """
        return carry_over(session, _live_meeting(session, meeting_id, lock=True))

    def submit(self, meeting_id: str | int, *, member: str | int, empty: bool = False) -> InterviewView:
        """Submit a member's scorecard, carry the meeting over into the next one, and read the view again.

        Three units of work: the submission stands even if the carry-over fails (it is run again
        when the member leaves the screen).

        Returns:
            The view after submitting, with every member's scores side by side.
        """
        ScoringService(self.db).submit(meeting_id, member=member, empty=empty)
        self.carry_over(meeting_id)
        return self.open(meeting_id, member=member)
