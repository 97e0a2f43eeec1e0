"""The live interview: what the screen shows for a meeting and member, where it resumes, timers, carry-over.

Scores are typed through ``ScoringService.score`` and notes through ``NoteService``; this service adds
the one read the screen needs (``open``), the resume position and question timers (``set_position``,
``toggle_timer``), and the carry-over of knowledge gaps and unanswered questions into the next meeting
of the series (``carry_over``, run by ``submit`` and again, idempotently, when a member who submitted
leaves the screen).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from workbench.domain.scoring import stat_from_member_means
from workbench.services.base import Service, clean_text, unit_of_work, utcnow
from workbench.services.carry_over import carry_over
from workbench.services.errors import Conflict, UserError
from workbench.services.lookups import find_meeting, meeting_id_of
from workbench.services.members import find_member
from workbench.services.scoring import MAX_COMMENT, ScoringService, question_id_of
from workbench.services.views.interview import (
    CarryOver,
    InterviewHeader,
    InterviewQuestion,
    InterviewView,
    MemberScore,
    QuestionScores,
    TimerView,
)
from workbench.services.views.meetings import NoteView
from workbench.services.views.scoring import ScoreView
from workbench.store.locks import lock_meeting
from workbench.store.models import (
    AgendaItem,
    Candidate,
    Criterion,
    InterviewPosition,
    Meeting,
    MeetingMember,
    Note,
    PanelMember,
    Question,
    QuestionTimer,
    Score,
    Scorecard,
    Selection,
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
        select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.question_id == qid)
    ).first()
    if found is None:
        raise UserError(f"question {qid} is not on the agenda of meeting {meeting_id}", field="QUESTION")
    return qid


def _timer(row: QuestionTimer | None, question_id: int) -> TimerView:
    if row is None:
        return TimerView(question_id=question_id, elapsed_seconds=0.0, running_since=None)
    return TimerView(question_id=question_id, elapsed_seconds=row.elapsed_seconds, running_since=row.running_since)


def _timers(session: Session, meeting_id: int, member_id: int) -> dict[int, QuestionTimer]:
    rows = session.execute(
        select(QuestionTimer).where(QuestionTimer.meeting_id == meeting_id, QuestionTimer.member_id == member_id)
    ).scalars()
    return {row.question_id: row for row in rows}


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
            UserError: the meeting is cancelled.
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        return _Reader(self.db, session, meeting, me).view()

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
        qid = _on_agenda(session, meeting.id, question_id)
        now = utcnow()
        upsert(
            session,
            InterviewPosition,
            {"meeting_id": meeting.id, "member_id": me.id, "question_id": qid, "updated_at": now},
            ("meeting_id", "member_id"),
            ("question_id", "updated_at"),
        )
        timers = _timers(session, meeting.id, me.id)
        running = [row for q, row in timers.items() if row.running_since is not None and q != qid]
        if running:
            for row in running:
                _pause(row, now)
                session.add(row)
            here = timers.get(qid) or QuestionTimer(meeting_id=meeting.id, member_id=me.id, question_id=qid)
            if here.running_since is None:
                here.running_since = now
            session.add(here)
            session.flush()
            return _timer(here, qid)
        return _timer(timers.get(qid), qid)

    @unit_of_work(write=True)
    def comment(
        self, session: Session, meeting_id: str | int, question_id: str | int, text: str, *, member: str | int
    ) -> ScoreView:
        """Change the comment of a member's score, keeping its value (the comment may be emptied).

        Returns:
            The score as stored now.

        Raises:
            UserError: the question is not scored yet, or not on the agenda.
            Conflict: the member has submitted this scorecard already.
        """
        meeting = _live_meeting(session, meeting_id)
        me = find_member(session, meeting.selection_id, member)
        qid = _on_agenda(session, meeting.id, question_id)
        comment = clean_text(text, field="comment", max_length=MAX_COMMENT)
        if (
            session.execute(
                select(Scorecard.submitted_at).where(Scorecard.meeting_id == meeting.id, Scorecard.member_id == me.id)
            ).first()
            is not None
        ):
            raise Conflict(
                f"{me.name} has submitted the scorecard of meeting {meeting.id} already; comments are final",
                field="comment",
            )
        row = (
            session.execute(
                select(Score).where(Score.meeting_id == meeting.id, Score.question_id == qid, Score.member_id == me.id)
            )
            .scalars()
            .first()
        )
        if row is None:
            raise UserError(f"question {qid} is not scored yet: score it first, then comment", field="comment")
        row.comment, row.updated_at = comment, utcnow()
        session.add(row)
        session.flush()
        found = ScoringService.scorecard.__wrapped__(
            ScoringService(self.db),
            session,
            meeting.id,  # type: ignore[attr-defined]
            member=me.name,
        )
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
        qid = _on_agenda(session, meeting.id, question_id)
        now = utcnow()
        timers = _timers(session, meeting.id, me.id)
        here = timers.get(qid) or QuestionTimer(meeting_id=meeting.id, member_id=me.id, question_id=qid)
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
        return _timer(here, qid)

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

    def submit(self, meeting_id: str | int, *, member: str | int) -> InterviewView:
        """Submit a member's scorecard, carry the meeting over into the next one, and read the view again.

        Three units of work: the submission stands even if the carry-over fails (it is run again
        when the member leaves the screen).

        Returns:
            The view after submitting, with every member's scores side by side.
        """
        ScoringService(self.db).submit(meeting_id, member=member)
        self.carry_over(meeting_id)
        return self.open(meeting_id, member=member)


class _Reader:
    """Builds the InterviewView in the caller's session."""

    def __init__(self, db: Any, session: Session, meeting: Meeting, me: PanelMember) -> None:
        self.db, self.s, self.m, self.me = db, session, meeting, me

    def view(self) -> InterviewView:
        s, m, me = self.s, self.m, self.me
        submitted_at = s.execute(
            select(Scorecard.submitted_at).where(Scorecard.meeting_id == m.id, Scorecard.member_id == me.id)
        ).scalar()
        # The independence rule lives in ScoringService.visible_scores; run in this unit of work.
        scores: list[ScoreView] = ScoringService.visible_scores.__wrapped__(  # type: ignore[attr-defined]
            ScoringService(self.db), s, m.id, member=me.name
        )
        notes = self._notes(everyone=submitted_at is not None)
        questions = self._questions({sv.question_id: sv for sv in scores if sv.member_id == me.id}, notes)
        position = self._position(questions)
        columns, side = ((), ()) if submitted_at is None else self._side_by_side(scores, questions)
        return InterviewView(
            header=self._header(),
            member=me.name,
            member_id=me.id,
            questions=tuple(questions),
            notes=tuple(notes),
            position=position,
            submitted_at=submitted_at,
            panel=self._panel(),
            columns=columns,
            side_by_side=side,
        )

    def _header(self) -> InterviewHeader:
        m = self.m
        cand = self.s.get(Candidate, m.candidate_id)
        sel = self.s.get(Selection, m.selection_id)
        assert cand is not None and sel is not None
        return InterviewHeader(
            meeting_id=m.id,
            selection=sel.name,
            candidate=cand.name,
            candidate_zone=cand.timezone,
            our_zone=sel.timezone,
            kind=m.kind,
            start_utc=m.start_utc,
            meeting_zone=m.timezone,  # type: ignore[arg-type]
            duration_minutes=m.duration_minutes,
            location=m.location,
            status=m.status,
            series_id=m.series_id,
            series_index=m.series_index,
            attendees=self._attendees(),
        )

    def _attendees(self) -> tuple[str, ...]:
        return tuple(
            self.s.execute(
                select(PanelMember.name)
                .join(MeetingMember, MeetingMember.member_id == PanelMember.id)
                .where(MeetingMember.meeting_id == self.m.id)
                .order_by(PanelMember.name)
            ).scalars()
        )

    def _panel(self) -> tuple[str, ...]:
        names = self._attendees()
        if names:
            return names
        return tuple(
            self.s.execute(
                select(PanelMember.name)
                .where(PanelMember.selection_id == self.m.selection_id)
                .order_by(PanelMember.name)
            ).scalars()
        )

    def _notes(self, *, everyone: bool) -> list[NoteView]:
        stmt = (
            select(Note, PanelMember.name)
            .join(PanelMember, PanelMember.id == Note.member_id)
            .where(Note.meeting_id == self.m.id)
            .order_by(Note.created_at, Note.id)
        )
        if not everyone:
            stmt = stmt.where(Note.member_id == self.me.id)
        return [
            NoteView(
                id=n.id,
                meeting_id=n.meeting_id,
                member_id=n.member_id,
                member=name,
                kind=n.kind,
                text=n.text,
                owner=n.owner,
                due=n.due,
                question_id=n.question_id,
                created_at=n.created_at,
                updated_at=n.updated_at,
            )  # type: ignore[arg-type]
            for n, name in self.s.execute(stmt).all()
        ]

    def _questions(self, mine: dict[int, ScoreView], notes: list[NoteView]) -> list[InterviewQuestion]:
        rows = self.s.execute(
            select(
                AgendaItem.question_id,
                AgendaItem.carried_from,
                Question.text,
                Question.guidance,
                Criterion.id,
                Criterion.name,
                Criterion.anchor_1,
                Criterion.anchor_2,
                Criterion.anchor_3,
                Criterion.anchor_4,
                Criterion.anchor_5,
            )
            .join(Question, Question.id == AgendaItem.question_id)
            .join(Criterion, Criterion.id == Question.criterion_id)
            .where(AgendaItem.meeting_id == self.m.id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ).all()
        timers = _timers(self.s, self.m.id, self.me.id)
        gaps: dict[int, int] = {}
        for note in notes:
            if note.kind == "gap" and note.member_id == self.me.id and note.question_id is not None:
                gaps[note.question_id] = gaps.get(note.question_id, 0) + 1
        out = []
        for number, (qid, carried, text, guidance, cid, cname, *anchors) in enumerate(rows, 1):
            own = mine.get(qid)
            out.append(
                InterviewQuestion(
                    question_id=qid,
                    number=number,
                    text=text,
                    guidance=guidance,
                    criterion_id=cid,
                    criterion=cname,
                    anchors=tuple(anchors),
                    carried_from=carried,
                    scored=own is not None,  # type: ignore[arg-type]
                    value=own.value if own is not None else None,
                    comment=own.comment if own is not None else "",
                    gaps=gaps.get(qid, 0),
                    timer=_timer(timers.get(qid), qid),
                )
            )
        return out

    def _position(self, questions: list[InterviewQuestion]) -> int:
        stored = self.s.execute(
            select(InterviewPosition.question_id).where(
                InterviewPosition.meeting_id == self.m.id, InterviewPosition.member_id == self.me.id
            )
        ).scalar()
        for index, q in enumerate(questions):
            if q.question_id == stored:
                return index
        return next((i for i, q in enumerate(questions) if not q.scored), 0)

    def _side_by_side(self, scores: list[ScoreView], questions: list[InterviewQuestion]) -> tuple[Any, Any]:
        names: dict[int, str] = {}
        for sv in scores:
            names.setdefault(sv.member_id, sv.member)
        others = sorted((mid for mid in names if mid != self.me.id), key=lambda mid: (names[mid].casefold(), mid))
        order = ([self.me.id] if self.me.id in names else []) + others
        by_cell = {(sv.question_id, sv.member_id): sv for sv in scores}
        rows = []
        for q in questions:
            cells = [by_cell[(q.question_id, mid)] for mid in order if (q.question_id, mid) in by_cell]
            stat = stat_from_member_means(sv.value for sv in cells)
            rows.append(
                QuestionScores(
                    question_id=q.question_id,
                    scores=tuple(
                        MemberScore(member=sv.member, value=sv.value, comment=sv.comment, submitted=sv.submitted)
                        for sv in cells
                    ),
                    mean=stat.score,
                    spread=stat.spread if stat.members >= 2 else None,
                    flagged=stat.flagged,
                )
            )
        return tuple(names[mid] for mid in order), tuple(rows)
