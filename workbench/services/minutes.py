"""Minutes of meetings: everything the minutes templates show, read in a few batched queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workbench.domain.vocabulary import MEETING_KIND_LABELS, label
from workbench.services.actions import action_view, sort_actions, today_in, visible
from workbench.services.base import Service, unit_of_work
from workbench.services.errors import NotFound
from workbench.services.independence import meeting_panels
from workbench.services.lookups import candidate_filter, find_meeting
from workbench.services.meeting_views import meeting_views
from workbench.services.selections import find_selection
from workbench.services.views.actions import ActionView
from workbench.services.views.meetings import MeetingView
from workbench.store.lookups import selection_meetings
from workbench.store.models import (
    Candidate,
    Meeting,
    Note,
    PanelMember,
    Score,
    Selection,
    stored_id,
)


@dataclass(frozen=True, slots=True)
class MemberScore:
    """One member's score of one agenda question (``scored`` False: no score typed)."""

    member: str
    value: int | None  # None = N/A (or no score when ``scored`` is False)
    comment: str
    scored: bool


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """An agenda question with the scores of the members present, unless they are pending."""

    number: int  # 1-based position on the agenda
    question_id: int
    criterion: str
    text: str
    scores_pending: bool
    scores: tuple[MemberScore, ...]  # empty while pending
    mean: float | None  # mean of the numeric scores; None while pending or without any


@dataclass(frozen=True, slots=True)
class MinutesNote:
    """A note as the minutes show it: its time in our zone and the agenda number it is about."""

    id: int
    kind: str
    text: str
    member: str
    at: datetime  # aware, in our zone
    owner: str
    due: date | None
    question_number: int | None
    state: str = "open"  # an action's: open, done or dropped


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The meeting after this one: the next of its series, else the candidate's next one."""

    id: int
    kind: str
    kind_label: str
    status: str
    start_ours: datetime  # aware, in our zone
    start_theirs: datetime  # aware, in the vendor's zone
    location: str
    in_series: bool


@dataclass(frozen=True, slots=True)
class MinutesView:
    """Everything the minutes templates need for one meeting."""

    selection_id: int
    selection_name: str
    our_timezone: str
    meeting: MeetingView
    title: str
    kind_label: str
    candidate_name: str
    candidate_timezone: str
    candidate_website: str
    start_ours: datetime  # aware, in our (the selection's) zone
    start_theirs: datetime  # aware, in the vendor's zone
    our_attendees: tuple[str, ...]
    their_attendees: tuple[str, ...]
    scorers: tuple[str, ...]  # the score columns: members expected, then others who submitted
    scores_pending: bool
    pending_members: tuple[str, ...]  # members expected (attendees, else the whole panel) who have not submitted
    agenda: tuple[AgendaRow, ...]
    notes: tuple[MinutesNote, ...]  # kind "note", in time order
    decisions: tuple[MinutesNote, ...]
    actions: tuple[MinutesNote, ...]
    concerns: tuple[MinutesNote, ...]
    gaps: tuple[MinutesNote, ...]  # knowledge gaps: what the vendor could not answer
    next_meeting: NextMeeting | None
    # While scores are pending, every note, decision, action, concern and gap is withheld too (the
    # independence rule, as in the drill-down): the five tuples above are empty and this says so.
    notes_withheld: bool = False
    # The members who submitted their scorecard with no question scored (shown once nothing is pending).
    submitted_empty: tuple[str, ...] = ()
    # The open actions of the candidate's earlier meetings (those every expected member has submitted).
    open_actions: tuple[ActionView, ...] = ()

    @property
    def comments(self) -> tuple[tuple[AgendaRow, MemberScore], ...]:
        """The score comments shown, as (agenda row, score) in agenda order."""
        return tuple((row, s) for row in self.agenda for s in row.scores if s.comment)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")


def _title(kind_label: str, candidate: str, series_index: int | None) -> str:
    session = f" (session {series_index + 1})" if series_index is not None else ""
    return f"{kind_label} with {candidate}{session}"


class _Batch:
    """The rows behind the minutes of several meetings of one selection, loaded in bulk."""

    def __init__(self, session: Session, selection: Selection, pairs: Sequence[tuple[Meeting, str]]) -> None:
        self.selection = selection
        self.meetings = meeting_views(session, pairs)
        ids = [m.id for m, _ in pairs]
        cand_ids = sorted({m.candidate_id for m, _ in pairs})
        self.candidates = (
            {c.id: c for c in session.exec(select(Candidate).where(col(Candidate.id).in_(cand_ids))).all()}
            if cand_ids
            else {}
        )
        self.panels = meeting_panels(session, meeting_ids=[stored_id(m) for m, _ in pairs])
        self.names: dict[int, str] = {}
        self.scores: dict[int, dict[tuple[int, int], tuple[int | None, str]]] = {}
        self.scorer_names: dict[int, dict[int, str]] = {}
        self.notes: dict[int, list[tuple[Note, str]]] = {}
        self.following: dict[int, list[Meeting]] = {}
        self.ids = set(ids)
        self.today = today_in(selection.timezone)
        self.earlier: dict[int, list[tuple[Note, str]]] = {}  # open actions of meetings outside the batch
        self.earlier_panels = meeting_panels(session, meeting_ids=[])
        if not ids:
            return
        self.names = {
            stored_id(pm): pm.name
            for pm in session.exec(select(PanelMember).where(col(PanelMember.selection_id) == selection.id)).all()
        }
        for mid, qid, pid, name, value, comment in session.execute(
            sa_select(
                col(Score.meeting_id),
                col(Score.question_id),
                col(Score.member_id),
                col(PanelMember.name),
                col(Score.value),
                col(Score.comment),
            )
            .join(PanelMember, col(PanelMember.id) == col(Score.member_id))
            .where(col(Score.meeting_id).in_(ids))
        ).all():
            self.scores.setdefault(mid, {})[(qid, pid)] = (value, comment)
            self.scorer_names.setdefault(mid, {})[pid] = name
        for note, name in session.exec(
            select(Note, col(PanelMember.name))
            .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
            .where(col(Note.meeting_id).in_(ids))
            .order_by(col(Note.meeting_id), col(Note.created_at), col(Note.id))
        ).all():
            self.notes.setdefault(note.meeting_id, []).append((note, name))
        for row in session.exec(
            select(Meeting)
            .where(col(Meeting.candidate_id).in_(cand_ids), col(Meeting.status) != "cancelled")
            .order_by(col(Meeting.start_utc), col(Meeting.id))
        ).all():
            self.following.setdefault(row.candidate_id, []).append(row)
        missing = sorted({stored_id(r) for rows in self.following.values() for r in rows} - set(ids))
        if missing:  # one meeting's minutes: its candidate's other meetings are not in the batch
            for note, name in session.exec(
                select(Note, col(PanelMember.name))
                .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
                .where(col(Note.meeting_id).in_(missing), col(Note.kind) == "action", col(Note.state) == "open")
            ).all():
                self.earlier.setdefault(note.meeting_id, []).append((note, name))
            self.earlier_panels = meeting_panels(session, meeting_ids=missing)

    def views(self) -> list[MinutesView]:
        return [self._view(m) for m in self.meetings]

    def _columns(self, mid: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(members expected, score columns) of a meeting: the expected ones, then others who scored."""
        panel = self.panels[mid]
        names = {**self.names, **self.scorer_names.get(mid, {})}

        def by_name(ids: frozenset[int]) -> list[tuple[int, str]]:
            return sorted(((pid, names.get(pid, "")) for pid in ids), key=lambda item: (item[1], item[0]))

        expected = by_name(panel.expected)
        # Others who submitted or typed scores (a member taken off the meeting keeps them): marked as such.
        scored = frozenset(pid for _, pid in self.scores.get(mid, {}))
        others = by_name((panel.submitted | scored) - panel.expected)
        return expected, expected + [(pid, f"{name} (not on the meeting)") for pid, name in others]

    def _view(self, m: MeetingView) -> MinutesView:
        sel = self.selection
        cand = self.candidates[m.candidate_id]
        ours, theirs = _zone(sel.timezone), _zone(cand.timezone)
        expected, columns = self._columns(m.id)
        panel = self.panels[m.id]
        pending_members = tuple(name for pid, name in expected if pid in panel.pending)
        pending = not panel.complete  # the independence rule: nothing of anyone's until all expected submitted
        scores = self.scores.get(m.id, {})
        rows = []
        for item in m.agenda:
            cells: tuple[MemberScore, ...] = ()
            mean = None
            if not pending:
                cells = tuple(
                    MemberScore(
                        member=name,
                        value=scores[(item.question_id, pid)][0],
                        comment=scores[(item.question_id, pid)][1],
                        scored=True,
                    )
                    if (item.question_id, pid) in scores
                    else MemberScore(member=name, value=None, comment="", scored=False)
                    for pid, name in columns
                )
                values = [c.value for c in cells if c.scored and c.value is not None]
                mean = sum(values) / len(values) if values else None
            rows.append(
                AgendaRow(
                    number=item.position + 1,
                    question_id=item.question_id,
                    criterion=item.criterion,
                    text=item.text,
                    scores_pending=pending,
                    scores=cells,
                    mean=mean,
                )
            )
        numbers = {row.question_id: row.number for row in rows}
        grouped: dict[str, list[MinutesNote]] = {}
        for note, author in () if pending else self.notes.get(m.id, []):
            grouped.setdefault(note.kind, []).append(
                MinutesNote(
                    id=stored_id(note),
                    kind=note.kind,
                    text=note.text,
                    member=author,
                    at=note.created_at.astimezone(ours),
                    owner=note.owner,
                    due=note.due,
                    question_number=numbers.get(note.question_id) if note.question_id else None,
                    state=note.state,
                )
            )
        kind_label = label(MEETING_KIND_LABELS, m.kind)
        return MinutesView(
            selection_id=stored_id(sel),
            selection_name=sel.name,
            our_timezone=sel.timezone,
            meeting=m,
            title=_title(kind_label, cand.name, m.series_index),
            kind_label=kind_label,
            candidate_name=cand.name,
            candidate_timezone=cand.timezone,
            candidate_website=cand.website,
            start_ours=m.start_utc.astimezone(ours),
            start_theirs=m.start_utc.astimezone(theirs),
            our_attendees=m.members,
            their_attendees=tuple(p.label for p in m.their_people),
            scorers=tuple(name for _, name in columns),
            scores_pending=pending,
            pending_members=pending_members,
            agenda=tuple(rows),
            notes_withheld=pending,
            notes=tuple(grouped.get("note", ())),
            decisions=tuple(grouped.get("decision", ())),
            actions=tuple(grouped.get("action", ())),
            concerns=tuple(grouped.get("concern", ())),
            gaps=tuple(grouped.get("gap", ())),
            next_meeting=self._next(m, ours, theirs),
            submitted_empty=() if pending else self._submitted_empty(m.id, columns),
            open_actions=self._carried(m),
        )

    def _submitted_empty(self, mid: int, columns: list[tuple[int, str]]) -> tuple[str, ...]:
        """The names of the members who submitted this meeting's scorecard without a single score, by name."""
        scored = {pid for _, pid in self.scores.get(mid, {})}
        submitted = self.panels[mid].submitted
        return tuple(name for pid, name in columns if pid in submitted and pid not in scored)

    def _carried(self, m: MeetingView) -> tuple[ActionView, ...]:
        """The open actions of the candidate's earlier meetings (not cancelled) shown to everyone."""
        here, cand = (m.start_utc, m.id), self.candidates[m.candidate_id].name
        found: list[ActionView] = []
        for row in self.following.get(m.candidate_id, []):
            mid = stored_id(row)
            if (row.start_utc, mid) >= here:
                break
            inside = mid in self.ids
            notes = self.notes.get(mid, []) if inside else self.earlier.get(mid, [])
            panel = self.panels[mid] if inside else self.earlier_panels[mid]
            found.extend(
                action_view(n, who, row, cand, self.today)
                for n, who in notes
                if n.kind == "action" and n.state == "open" and visible(panel, n.member_id, None)
            )
        return tuple(sort_actions(found))

    def _next(self, m: MeetingView, ours: ZoneInfo, theirs: ZoneInfo) -> NextMeeting | None:
        """The next occurrence of the series that is not cancelled; else the candidate's next meeting."""
        here = (m.start_utc, m.id)
        later = [r for r in self.following.get(m.candidate_id, []) if (r.start_utc, r.id) > here]
        found = None
        if m.series_id is not None:
            found = next((r for r in later if r.series_id == m.series_id), None)
        if found is None:
            found = later[0] if later else None
        if found is None:
            return None
        start = found.start_utc
        return NextMeeting(
            id=stored_id(found),
            kind=found.kind,
            kind_label=label(MEETING_KIND_LABELS, found.kind),
            status=found.status,
            start_ours=start.astimezone(ours),
            start_theirs=start.astimezone(theirs),
            location=found.location,
            in_series=m.series_id is not None and found.series_id == m.series_id,
        )


class MinutesService(Service):
    """Read what a meeting's minutes show."""

    @unit_of_work(write=False)
    def minutes(self, session: Session, meeting_id: str | int) -> MinutesView:
        """The minutes of one meeting; NotFound naming MEETING when there is none."""
        meeting = find_meeting(session, meeting_id)
        selection = session.get(Selection, meeting.selection_id)
        if selection is None:  # pragma: no cover - a meeting's selection is its parent row
            raise NotFound(f"meeting {meeting.id} has lost its selection", field="MEETING")
        cname = session.exec(select(col(Candidate.name)).where(col(Candidate.id) == meeting.candidate_id)).one()
        return _Batch(session, selection, [(meeting, cname)]).views()[0]

    @unit_of_work(write=False)
    def all_for(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        candidate: str | int | None = None,
    ) -> list[MinutesView]:
        """The minutes of every meeting of a selection (or of one candidate), earliest first.

        Args:
            selection: the selection's name or id (may be left out when there is one).
            candidate: only this candidate's meetings (name or id).

        Returns:
            One view per meeting, cancelled ones included, in start order.
        """
        sel = find_selection(session, selection)
        sel_id = stored_id(sel)
        rows = selection_meetings(session, sel_id, candidate_id=candidate_filter(session, sel_id, candidate))
        return _Batch(session, sel, [(r.meeting, r.candidate) for r in rows]).views()
