"""What the interview screen shows for a meeting and a member, read in the caller's unit of work."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from workbench.domain.scoring import stat_from_member_means
from workbench.services.independence import meeting_panels
from workbench.services.scoring import visible_scores
from workbench.services.views.interview import (
    InterviewHeader,
    InterviewQuestion,
    InterviewView,
    MemberScore,
    QuestionScores,
    TimerView,
)
from workbench.services.views.meetings import NoteView
from workbench.services.views.scoring import ScoreView
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
    Scorecard,
    Selection,
    stored_id,
)


def interview_view(session: Session, meeting: Meeting, me: PanelMember) -> InterviewView:
    """The interview of ``meeting`` as ``me`` sees it (the independence rule of ``visible_scores`` holds)."""
    return _Reader(session, meeting, me).view()


def timer_view(row: QuestionTimer | None, question_id: int) -> TimerView:
    """The view of a member's timer of a question (a question never timed has none running)."""
    if row is None:
        return TimerView(question_id=question_id, elapsed_seconds=0.0, running_since=None)
    return TimerView(question_id=question_id, elapsed_seconds=row.elapsed_seconds, running_since=row.running_since)


def timers_of(session: Session, meeting_id: int, member_id: int) -> dict[int, QuestionTimer]:
    """A member's timers of a meeting's questions, by question id."""
    rows = session.execute(
        select(QuestionTimer).where(
            col(QuestionTimer.meeting_id) == meeting_id, col(QuestionTimer.member_id) == member_id
        )
    ).scalars()
    return {row.question_id: row for row in rows}


class _Reader:
    """Builds the InterviewView in the caller's session."""

    def __init__(self, session: Session, meeting: Meeting, me: PanelMember) -> None:
        self.s, self.m, self.me = session, meeting, me
        self.panel = meeting_panels(session, meeting_ids=[stored_id(meeting)])[stored_id(meeting)]

    def view(self) -> InterviewView:
        s, m, me = self.s, self.m, self.me
        submitted_at = s.execute(
            select(col(Scorecard.submitted_at)).where(
                col(Scorecard.meeting_id) == m.id, col(Scorecard.member_id) == me.id
            )
        ).scalar()
        scores = visible_scores(s, stored_id(m), member=me.name)  # the independence rule lives there
        notes = self._notes(everyone=not self.panel.withheld_from(stored_id(me)))
        questions = self._questions({sv.question_id: sv for sv in scores if sv.member_id == me.id}, notes)
        position = self._position(questions)
        columns, side = ((), ()) if submitted_at is None else self._side_by_side(scores, questions)
        return InterviewView(
            header=self._header(),
            member=me.name,
            member_id=stored_id(me),
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
            meeting_id=stored_id(m),
            selection=sel.name,
            candidate=cand.name,
            candidate_zone=cand.timezone,
            our_zone=sel.timezone,
            kind=m.kind,
            start_utc=m.start_utc,
            meeting_zone=m.timezone,
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
                select(col(PanelMember.name))
                .join(MeetingMember, col(MeetingMember.member_id) == col(PanelMember.id))
                .where(col(MeetingMember.meeting_id) == self.m.id)
                .order_by(col(PanelMember.name))
            ).scalars()
        )

    def _panel(self) -> tuple[str, ...]:
        """Who may take the keyboard: the members expected at the meeting (its attendees, else the whole panel)."""
        expected = self.panel.expected
        if not expected:
            return ()
        return tuple(
            self.s.execute(
                select(col(PanelMember.name))
                .where(col(PanelMember.id).in_(sorted(expected)))
                .order_by(col(PanelMember.name))
            ).scalars()
        )

    def _notes(self, *, everyone: bool) -> list[NoteView]:
        stmt = (
            select(Note, col(PanelMember.name))
            .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
            .where(col(Note.meeting_id) == self.m.id)
            .order_by(col(Note.created_at), col(Note.id))
        )
        if not everyone:
            stmt = stmt.where(col(Note.member_id) == self.me.id)
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
                state=n.state,
            )
            for n, name in self.s.execute(stmt).all()
        ]

    def _questions(self, mine: dict[int, ScoreView], notes: list[NoteView]) -> list[InterviewQuestion]:
        rows = self.s.execute(
            select(
                col(AgendaItem.question_id),
                col(AgendaItem.carried_from),
                col(Question.text),
                col(Question.guidance),
                col(Criterion.id),
                col(Criterion.name),
                col(Criterion.anchor_1),
                col(Criterion.anchor_2),
                col(Criterion.anchor_3),
                col(Criterion.anchor_4),
                col(Criterion.anchor_5),
            )
            .join(Question, col(Question.id) == col(AgendaItem.question_id))
            .join(Criterion, col(Criterion.id) == col(Question.criterion_id))
            .where(col(AgendaItem.meeting_id) == self.m.id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).all()
        timers = timers_of(self.s, stored_id(self.m), stored_id(self.me))
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
                    scored=own is not None,
                    value=own.value if own is not None else None,
                    comment=own.comment if own is not None else "",
                    gaps=gaps.get(qid, 0),
                    timer=timer_view(timers.get(qid), qid),
                )
            )
        return out

    def _position(self, questions: list[InterviewQuestion]) -> int:
        stored = self.s.execute(
            select(col(InterviewPosition.question_id)).where(
                col(InterviewPosition.meeting_id) == self.m.id, col(InterviewPosition.member_id) == self.me.id
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
