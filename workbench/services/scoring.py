"""Scores typed live, scorecards submitted, and who may see whose scores."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from workbench.domain.scoring import empty_scorecard_message
from workbench.services.base import Service, clean_text, id_of, parse_ref, unit_of_work, utcnow
from workbench.services.errors import Conflict, NotFound, UserError
from workbench.services.independence import meeting_panels, require_expected
from workbench.services.lookups import find_meeting, meeting_id_of
from workbench.services.meeting_status import held_if_started, started
from workbench.services.members import find_member
from workbench.services.score_queries import score_check, score_query
from workbench.services.selections import find_selection
from workbench.services.views.scoring import ScorecardView, ScoreView
from workbench.store.live_score import NOT_RUN, StoredScore, store_score, store_score_autocommit
from workbench.store.locks import hold_member
from workbench.store.models import (
    Meeting,
    PanelMember,
    Score,
    Scorecard,
    stored_id,
)
from workbench.store.upsert import upsert

MAX_COMMENT = 4000


def check_value(value: Any) -> int | None:
    """A score value: a whole number 1..5, or None for N/A; UserError naming VALUE otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise UserError(f"{value!r} is not a score: give 1 to 5, or na for not applicable", field="VALUE")
    return value


def question_id_of(value: str | int) -> int:
    """A question number from user input; UserError naming QUESTION when it is not one."""
    return id_of(value, noun="question", field="QUESTION")


def _score_views(session: Session, stmt: Any) -> list[ScoreView]:
    return [
        ScoreView(
            meeting_id=mid,
            candidate_id=cid,
            candidate=cname,
            question_id=qid,
            criterion_id=crid,
            criterion=crname,
            member_id=pid,
            member=pname,
            value=value,
            comment=comment,
            submitted=submitted_at is not None,
            updated_at=updated_at,
        )
        for mid, cid, cname, qid, crid, crname, pid, pname, value, comment, submitted_at, updated_at in session.exec(
            stmt
        ).all()
    ]


def _live_view(stored: StoredScore, mid: int, qid: int, value: int | None, name: str, now: datetime) -> ScoreView:
    """The view of a score the live statement stored."""
    return ScoreView(
        meeting_id=mid,
        candidate_id=stored.candidate_id,
        candidate=stored.candidate,
        question_id=qid,
        criterion_id=stored.criterion_id,
        criterion=stored.criterion,
        member_id=stored.member_id,
        member=name,
        value=value,
        comment=stored.comment,
        submitted=False,
        updated_at=now,
    )


def _open_meeting(session: Session, meeting_id: str | int) -> Meeting:
    meeting = find_meeting(session, meeting_id)
    if meeting.status == "cancelled":
        raise UserError(f"meeting {meeting.id} is cancelled; it takes no scores", field="MEETING")
    return meeting


def _submitted_at(session: Session, meeting_id: int, member_id: int) -> Any:
    return (
        session.execute(
            select(col(Scorecard.submitted_at)).where(
                col(Scorecard.meeting_id) == meeting_id, col(Scorecard.member_id) == member_id
            )
        )
        .scalars()
        .first()
    )


def _has_scores(session: Session, meeting_id: int, member_id: int) -> bool:
    """Whether the member has any score (a value or N/A) for the meeting."""
    found = session.execute(
        select(col(Score.id)).where(col(Score.meeting_id) == meeting_id, col(Score.member_id) == member_id).limit(1)
    )
    return found.first() is not None


def checked_score(
    session: Session,
    mid: int,
    qid: int,
    value: int | None,
    member: str | int,
    comment: str | None,
    *,
    now: datetime | None = None,
) -> ScoreView:
    """``score`` in the caller's unit of work, every rule checked one by one, naming the one that fails.

    ``now`` is the score's time (the current time when left out).
    """
    _, name = parse_ref(member)
    # One small SELECT validates the meeting, the agenda question and the member (by exact name).
    row = session.connection().execute(score_check(), {"mid": mid, "qid": qid, "name": name}).first()
    if row is None:
        raise NotFound(f"no meeting numbered {mid}", field="MEETING")
    (
        status,
        selection_id,
        candidate_id,
        candidate,
        on_agenda,
        criterion_id,
        criterion,
        member_id,
        member_name,
        submitted,
    ) = row
    if status == "cancelled":
        raise UserError(f"meeting {mid} is cancelled; it takes no scores", field="MEETING")
    if member_id is None:  # not an exact name: any case, or an id (rare; a second query)
        panel_member = find_member(session, selection_id, member)
        member_id, member_name = stored_id(panel_member), panel_member.name
        submitted = _submitted_at(session, mid, member_id)
    if hold_member(session.connection(), member_id, submitting=False):  # waited for a submit under way
        submitted = _submitted_at(session, mid, member_id)
    require_expected(session, mid, member_id, member_name)
    if on_agenda is None:
        raise UserError(f"question {qid} is not on the agenda of meeting {mid}", field="QUESTION")
    if submitted is not None:
        raise Conflict(
            f"{member_name} has submitted the scorecard of meeting {mid} already; scores are final",
            field="--member",
        )
    now = now or utcnow()
    values = {
        "meeting_id": mid,
        "question_id": qid,
        "member_id": member_id,
        "value": value,
        "comment": comment or "",
        "updated_at": now,
    }
    update = ("value", "updated_at") if comment is None else ("value", "comment", "updated_at")
    stored = upsert(session, Score, values, ("meeting_id", "question_id", "member_id"), update, returning=("comment",))
    held_if_started(session, mid, now)
    return ScoreView(
        meeting_id=mid,
        candidate_id=candidate_id,
        candidate=candidate,
        question_id=qid,
        criterion_id=criterion_id,
        criterion=criterion,
        member_id=member_id,
        member=member_name,
        value=value,
        comment=stored[0] if stored is not None else (comment or ""),
        submitted=False,
        updated_at=now,
    )


def submit_scorecard(
    session: Session,
    meeting_id: str | int,
    *,
    member: str | int,
    empty: bool = False,
    now: datetime | None = None,
) -> ScorecardView:
    """Submit a member's scorecard in the caller's unit of work (at ``now``, else the current time).

    Its scores become final and count in the comparison. A scorecard with no score (not even
    an N/A) is submitted only when ``empty`` says so; the minutes then say it was submitted empty.

    Returns:
        The submitted scorecard.

    Raises:
        UserError: the member is not an attendee of the meeting (naming --member); no score and
            not ``empty`` (naming --empty).
        Conflict: submitted already.
    """
    meeting = _open_meeting(session, meeting_id)
    panel_member = find_member(session, meeting.selection_id, member)
    require_expected(session, stored_id(meeting), stored_id(panel_member), panel_member.name)
    hold_member(session.connection(), stored_id(panel_member), submitting=True)  # the scores under way end first
    if _submitted_at(session, stored_id(meeting), stored_id(panel_member)) is not None:
        raise Conflict(
            f"{panel_member.name} has already submitted the scorecard of meeting {meeting.id}", field="--member"
        )
    if not empty and not _has_scores(session, stored_id(meeting), stored_id(panel_member)):
        raise UserError(
            empty_scorecard_message(panel_member.name, stored_id(meeting)) + "; give --empty to submit it so",
            field="--empty",
        )
    now = now or utcnow()
    started(session, meeting, now)
    session.add(Scorecard(meeting_id=stored_id(meeting), member_id=stored_id(panel_member), submitted_at=now))
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(
            f"{panel_member.name} has already submitted the scorecard of meeting {meeting.id}", field="--member"
        ) from None
    scores = _score_views(
        session, score_query().where(col(Score.meeting_id) == meeting.id, col(Score.member_id) == panel_member.id)
    )
    return ScorecardView(
        meeting_id=stored_id(meeting),
        member_id=stored_id(panel_member),
        member=panel_member.name,
        submitted_at=now,
        scores=tuple(scores),
    )


def member_scorecard(session: Session, meeting_id: str | int, *, member: str | int) -> ScorecardView:
    """A member's own scores for a meeting (``submitted_at`` None while not submitted), in the caller's session."""
    meeting = find_meeting(session, meeting_id)
    panel_member = find_member(session, meeting.selection_id, member)
    scores = _score_views(
        session, score_query().where(col(Score.meeting_id) == meeting.id, col(Score.member_id) == panel_member.id)
    )
    return ScorecardView(
        meeting_id=stored_id(meeting),
        member_id=stored_id(panel_member),
        member=panel_member.name,
        submitted_at=_submitted_at(session, stored_id(meeting), stored_id(panel_member)),
        scores=tuple(scores),
    )


def visible_scores(session: Session, meeting_id: str | int, *, member: str | int) -> list[ScoreView]:
    """The scores of a meeting that ``member`` may see (``MeetingPanel.may_see``).

    The independence rule: everyone's once the member has submitted their own scorecard for
    the meeting; only their own before that when they are expected at it; the submitted ones
    when they are not (they may not score it).

    Returns:
        Scores in agenda order, then by member.
    """
    meeting = find_meeting(session, meeting_id)
    panel_member = find_member(session, meeting.selection_id, member)
    panel = meeting_panels(session, meeting_ids=[stored_id(meeting)])[stored_id(meeting)]
    rows = _score_views(session, score_query().where(col(Score.meeting_id) == meeting.id))
    return [s for s in rows if panel.may_see(stored_id(panel_member), s.member_id, s.submitted)]


class ScoringService(Service):
    """Score answers, submit scorecards, and read scores under the independence rule."""

    def score(
        self,
        meeting_id: str | int,
        question_id: str | int,
        value: int | None,
        *,
        member: str | int,
        comment: str | None = None,
    ) -> ScoreView:
        """Save one member's score of one agenda question (insert or overwrite).

        Args:
            meeting_id: the meeting.
            question_id: a question on the meeting's agenda.
            value: 1..5, or None for N/A.
            member: the panel member's name or id.
            comment: the comment; None keeps the stored one.

        Returns:
            The score as stored.

        Raises:
            NotFound: no such meeting or member.
            UserError: bad value, question not on the agenda, meeting cancelled, the member not
                an attendee of the meeting (naming --member).
            Conflict: the member has submitted this scorecard already.
        """
        value = check_value(value)
        mid = meeting_id_of(meeting_id)
        qid = question_id_of(question_id)
        if comment is not None:
            comment = clean_text(comment, field="--comment", max_length=MAX_COMMENT, multiline=True)
        # The live path: one statement validates and stores (the member by exact name, as the screen names them).
        name = parse_ref(member)[1]
        now = utcnow()
        stored = store_score_autocommit(self.db.engine, mid, qid, value, name, comment, now)  # a SQLite file
        if stored is NOT_RUN:
            stored, now = self._store(mid, qid, value, name, comment)
        if stored is not None:
            if stored.starts_held:  # the first score since the start: the meeting is held
                self._held(mid, now)
            return _live_view(stored, mid, qid, value, name, now)
        # Nothing stored: a rule failed (this names it), or the member was named by id or in another case.
        return self._checked_score(mid, qid, value, member, comment)

    @unit_of_work(write=True, core=True)
    def _store(
        self, conn: Connection, mid: int, qid: int, value: int | None, name: str, comment: str | None
    ) -> tuple[StoredScore | None, datetime]:
        now = utcnow()
        return store_score(conn, mid, qid, value, name, comment, now), now

    @unit_of_work(write=True, core=True)
    def _held(self, conn: Connection, mid: int, now: datetime) -> None:
        held_if_started(conn, mid, now)

    @unit_of_work(write=True)
    def _checked_score(
        self, session: Session, mid: int, qid: int, value: int | None, member: str | int, comment: str | None
    ) -> ScoreView:
        """``score`` with every rule checked one by one, naming the one that fails."""
        return checked_score(session, mid, qid, value, member, comment)

    @unit_of_work(write=True)
    def submit(
        self, session: Session, meeting_id: str | int, *, member: str | int, empty: bool = False
    ) -> ScorecardView:
        """Submit a member's scorecard: its scores become final and count in the comparison.

        One with no score is refused unless ``empty`` (the app asks first, the command line needs --empty).

        Returns:
            The submitted scorecard.

        Raises:
            Conflict: submitted already.
        """
        return submit_scorecard(session, meeting_id, member=member, empty=empty)

    @unit_of_work(write=False)
    def scorecard(self, session: Session, meeting_id: str | int, *, member: str | int) -> ScorecardView:
        """A member's own scores for a meeting (``submitted_at`` None while not submitted)."""
        return member_scorecard(session, meeting_id, member=member)

    @unit_of_work(write=False)
    def expected_members(self, session: Session, meeting_id: str | int) -> list[str]:
        """The names of the members who may score a meeting (its attendees, else the whole panel), by name."""
        meeting = find_meeting(session, meeting_id)
        ids = sorted(meeting_panels(session, meeting_ids=[stored_id(meeting)])[stored_id(meeting)].expected)
        if not ids:
            return []
        return sorted(
            session.execute(select(col(PanelMember.name)).where(col(PanelMember.id).in_(ids))).scalars(),
            key=lambda name: (name.casefold(), name),
        )

    @unit_of_work(write=False)
    def require_attendee(self, session: Session, meeting_id: str | int, *, member: str | int) -> str:
        """The member's name as stored when they may score the meeting (an attendee, or anyone on the
        panel when it lists none); UserError naming --member otherwise."""
        meeting = find_meeting(session, meeting_id)
        panel_member = find_member(session, meeting.selection_id, member)
        require_expected(session, stored_id(meeting), stored_id(panel_member), panel_member.name)
        return panel_member.name

    @unit_of_work(write=False)
    def visible_scores(self, session: Session, meeting_id: str | int, *, member: str | int) -> list[ScoreView]:
        """The scores of a meeting that ``member`` may see: everyone's once they submitted, else their own."""
        return visible_scores(session, meeting_id, member=member)

    @unit_of_work(write=False)
    def scores(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        submitted_only: bool = False,
        member: str | int | None = None,
    ) -> list[ScoreView]:
        """Every score of a selection (for exports), by meeting, agenda position and member.

        Args:
            selection: the selection's name or id (may be left out when there is one).
            submitted_only: only the scores of submitted scorecards.
            member: only what this panel member may see, meeting by meeting (``visible_scores``):
                their own drafts, and the others' scores where the independence rule lets them.

        Returns:
            The scores.
        """
        sel = find_selection(session, selection)
        stmt = score_query().where(col(Meeting.selection_id) == sel.id)
        if submitted_only:
            stmt = stmt.where(col(Scorecard.submitted_at).is_not(None))
        rows = _score_views(session, stmt)
        if member is None:
            return rows
        who = stored_id(find_member(session, stored_id(sel), member))
        panels = meeting_panels(session, selection_id=stored_id(sel))
        return [s for s in rows if panels[s.meeting_id].may_see(who, s.member_id, s.submitted)]
