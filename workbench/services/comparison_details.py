"""What the comparison screen shows beside the matrix: the scores behind a cell, each member's means, the extra rows."""

from __future__ import annotations

import math

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session, col

from workbench.domain.scoring import DISAGREEMENT_THRESHOLD, RANK_DECIMALS
from workbench.services.base import Service, unit_of_work
from workbench.services.candidate_evidence import candidate_summaries
from workbench.services.comparison import _find_criterion, member_means_query, withheld_meetings
from workbench.services.lookups import find_candidate
from workbench.services.selections import find_selection
from workbench.services.views.drill import (
    CandidateExtras,
    DrillDownView,
    DrillNote,
    DrillScore,
    MemberMean,
    MemberMeansView,
)
from workbench.store.models import AgendaItem, Meeting, Note, PanelMember, Question, Score, Scorecard, stored_id


def _member_means(scores: list[DrillScore]) -> tuple[MemberMean, ...]:
    """Each member's mean over the listed scores, by member name."""
    by: dict[int, list[DrillScore]] = {}
    for s in scores:
        by.setdefault(s.member_id, []).append(s)
    out = []
    for member_id, rows in by.items():
        values = [float(s.value) for s in rows if s.value is not None]
        out.append(
            MemberMean(
                member_id=member_id,
                member=rows[0].member,
                mean=math.fsum(values) / len(values) if values else None,
                scores=len(values),
                not_applicable=len(rows) - len(values),
            )
        )
    return tuple(sorted(out, key=lambda m: (m.member.casefold(), m.member, m.member_id)))


class ComparisonDetailsService(Service):
    """Read-only details of the comparison: drill-down, per-member means, diligence, recommendations, gaps."""

    @unit_of_work(write=False)
    def drill_down(
        self,
        session: Session,
        candidate: str | int,
        criterion: str | int,
        *,
        selection: str | int | None = None,
        member: str | int | None = None,
    ) -> DrillDownView:
        """The submitted scores behind one cell, with their comments and the notes about those questions.

        The cell counts what the comparison counts: every submitted scorecard of a meeting with the
        candidate that was not cancelled. The notes are those of the same meetings that are about one
        of the criterion's questions, or about none in particular (the meeting as a whole).

        Args:
            candidate: the candidate's name or id.
            criterion: the criterion's name, key or id.
            selection: the selection's name or id (may be left out when there is one).
            member: the panel member asking. A meeting they are expected at and have not submitted yet, while
                others have, is withheld (the independence rule): its scores, comments and other
                members' notes are not listed and do not count, as in `ComparisonService.compare`
                for the same member.

        Returns:
            The drill-down; NotFound names the candidate or criterion that does not exist.
        """
        sel = find_selection(session, selection)
        cand = find_candidate(session, stored_id(sel), candidate)
        crit = _find_criterion(session, stored_id(sel), criterion)
        stmt = (
            select(
                col(Score.meeting_id),
                col(Meeting.kind),
                col(Meeting.start_utc),
                col(Score.question_id),
                col(Question.text),
                col(Score.member_id),
                col(PanelMember.name),
                col(Score.value),
                col(Score.comment),
            )
            .select_from(Score)
            .join(
                Scorecard,
                and_(
                    col(Scorecard.meeting_id) == col(Score.meeting_id), col(Scorecard.member_id) == col(Score.member_id)
                ),
            )
            .join(Meeting, col(Meeting.id) == col(Score.meeting_id))
            .join(Question, col(Question.id) == col(Score.question_id))
            .join(PanelMember, col(PanelMember.id) == col(Score.member_id))
            .outerjoin(
                AgendaItem,
                and_(
                    col(AgendaItem.meeting_id) == col(Score.meeting_id),
                    col(AgendaItem.question_id) == col(Score.question_id),
                ),
            )
            .where(
                col(Meeting.candidate_id) == cand.id,
                col(Question.criterion_id) == crit.id,
                col(Meeting.status) != "cancelled",
            )
            .order_by(
                col(Meeting.start_utc),
                col(Meeting.id),
                func.coalesce(col(AgendaItem.position), col(Question.position)),
                col(Question.id),
                col(PanelMember.name),
                col(Score.member_id),
            )
        )
        everything = [
            DrillScore(
                meeting_id=mid,
                meeting_kind=kind,
                meeting_start_utc=start,
                question_id=qid,
                question=text,
                member_id=pid,
                member=name,
                value=value,
                comment=comment,
            )
            for mid, kind, start, qid, text, pid, name, value, comment in session.execute(stmt).all()
        ]
        meetings = sorted({s.meeting_id for s in everything})
        withheld, asking = withheld_meetings(session, stored_id(sel), member, meetings)
        listed = [s for s in everything if s.meeting_id not in withheld]
        means = [m.mean for m in _member_means(listed) if m.mean is not None]
        spread = max(means) - min(means) if means else None
        return DrillDownView(
            candidate_id=stored_id(cand),
            candidate=cand.name,
            criterion_id=stored_id(crit),
            criterion=crit.name,
            weight=crit.weight,
            our_timezone=sel.timezone,
            score=math.fsum(means) / len(means) if means else None,
            spread=spread,
            flagged=spread is not None and round(spread, RANK_DECIMALS) >= DISAGREEMENT_THRESHOLD,
            member_means=_member_means(listed),
            scores=tuple(listed),
            notes=self._notes(session, meetings, stored_id(crit), withheld, asking),
            hidden_meetings=tuple(sorted(withheld)),
        )

    @staticmethod
    def _notes(
        session: Session,
        meetings: list[int],
        criterion_id: int,
        withheld: frozenset[int] = frozenset(),
        asking: int | None = None,
    ) -> tuple[DrillNote, ...]:
        """The notes of the meetings about a question of the criterion, or about no question in particular.

        In a ``withheld`` meeting only the asking member's own notes are listed.
        """
        if not meetings:
            return ()
        stmt = (
            select(
                col(Note.id),
                col(Note.meeting_id),
                col(PanelMember.name),
                col(Note.kind),
                col(Note.text),
                col(Note.owner),
                col(Note.due),
                col(Note.question_id),
                col(Question.text),
                col(Note.created_at),
            )
            .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
            .outerjoin(Question, col(Question.id) == col(Note.question_id))
            .where(
                col(Note.meeting_id).in_(meetings),
                or_(col(Question.criterion_id) == criterion_id, col(Note.question_id).is_(None)),
            )
            .order_by(col(Note.created_at), col(Note.id))
        )
        if withheld:
            stmt = stmt.where(or_(col(Note.meeting_id).not_in(list(withheld)), col(Note.member_id) == asking))
        rows = session.execute(stmt).all()
        return tuple(
            DrillNote(
                id=nid,
                meeting_id=mid,
                member=name,
                kind=kind,
                text=text,
                owner=owner,
                due=due,
                question_id=qid,
                question=qtext or "",
                created_at=created,
            )
            for nid, mid, name, kind, text, owner, due, qid, qtext, created in rows
        )

    @unit_of_work(write=False)
    def member_means(
        self, session: Session, *, selection: str | int | None = None, member: str | int | None = None
    ) -> MemberMeansView:
        """Each panel member's mean per candidate and criterion, over submitted scorecards (one query).

        ``member``: the panel member looking; the meetings withheld from them are left out, as in
        `ComparisonService.compare`.

        Returns:
            Every member of the panel (those without scores have no means), by name.
        """
        sel = find_selection(session, selection)
        members = sorted(
            session.execute(
                select(col(PanelMember.id), col(PanelMember.name)).where(col(PanelMember.selection_id) == sel.id)
            ).all(),
            key=lambda row: (row[1].casefold(), row[1], row[0]),
        )
        means: dict[int, dict[tuple[int, int], float]] = {mid: {} for mid, _ in members}
        withheld = withheld_meetings(session, stored_id(sel), member)[0]
        for cand, crit, mid, mean in session.execute(member_means_query(stored_id(sel), withheld)).all():
            means.setdefault(mid, {})[(cand, crit)] = float(mean)
        return MemberMeansView(members=tuple((mid, name) for mid, name in members), means=means)

    @unit_of_work(write=False)
    def extras(self, session: Session, *, selection: str | int | None = None) -> dict[int, CandidateExtras]:
        """Due-diligence completion, recommendations and knowledge gaps of every candidate, counted in SQL.

        Returns:
            Candidate id -> its extra rows.
        """
        sel = find_selection(session, selection)
        summaries = candidate_summaries(session, sel)  # the evidence counts, in this unit of work
        gaps = dict(
            session.execute(
                select(col(Meeting.candidate_id), func.count())
                .select_from(Note)
                .join(Meeting, col(Meeting.id) == col(Note.meeting_id))
                .where(col(Meeting.selection_id) == sel.id, col(Note.kind) == "gap", col(Meeting.status) != "cancelled")
                .group_by(col(Meeting.candidate_id))
            ).all()
        )
        return {
            cid: CandidateExtras(
                candidate_id=cid,
                checks=s.checks,
                checks_done=s.checks - s.checks_todo,
                checks_concern=s.checks_concern,
                recommendations=s.recommendations,
                positive=s.positive,
                negative=s.negative,
                knowledge_gaps=int(gaps.get(cid, 0)),
            )
            for cid, s in summaries.items()
        }
