"""The side-by-side comparison: criterion scores in SQL, totals and robustness from the domain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy import Float, and_, cast, func, select
from sqlmodel import Session, col

from workbench.domain import scoring, timezones
from workbench.domain.text import name_key
from workbench.services.base import Service, unit_of_work
from workbench.services.candidate_coverage import scope_coverage
from workbench.services.comparison_build import build_comparison, rank_candidates  # noqa: F401  (pure; re-exported)
from workbench.services.errors import NotFound, UserError
from workbench.services.independence import meeting_panels
from workbench.services.meeting_warnings import lenient_hours, vendor_of
from workbench.services.members import find_member
from workbench.services.selections import criterion_view, find_selection, selection_view
from workbench.services.validate import is_weight
from workbench.services.views.comparison import ComparisonView, CriterionCell, ScopeCoverage, WithheldMeeting
from workbench.services.views.kit import CriterionView
from workbench.store.models import Candidate, Criterion, Meeting, Question, Score, Scorecard, stored_id


def withheld_meetings(
    session: Session, selection_id: int, member: str | int | None, meetings: Iterable[int] | None = None
) -> tuple[frozenset[int], int | None]:
    """(the meetings whose scores the member may not see yet, the member's id): the independence rule.

    A meeting is withheld from a panel member expected at it (an attendee; anyone on the panel
    when it lists no attendees) who has not submitted a scorecard for it, while another member
    has (``MeetingPanel.hides_submitted``): showing the others' scores (or a mean made of them)
    would anchor the scores still to come. Nobody asking, or somebody not on the panel, has
    nothing withheld. ``meetings`` limits the answer to those meetings (default: every meeting of
    the selection). Cancelled meetings count nowhere, so none is withheld.
    """
    if member is None or not str(member).strip():
        return frozenset(), None
    try:
        who = find_member(session, selection_id, member)
    except NotFound:  # not on this panel: nobody to be independent of
        return frozenset(), None
    who_id = stored_id(who)
    stmt = select(col(Meeting.id)).where(col(Meeting.selection_id) == selection_id, col(Meeting.status) != "cancelled")
    if meetings is not None:
        stmt = stmt.where(col(Meeting.id).in_(list(meetings)))
    ids = list(session.execute(stmt).scalars())
    panels = meeting_panels(session, selection_id=selection_id, meeting_ids=None if meetings is None else ids)
    return frozenset(mid for mid in ids if panels[mid].hides_submitted(who_id)), who_id


def member_means_query(selection_id: int, withheld: Iterable[int] = ()):  # type: ignore[no-untyped-def]
    """Each member's mean per candidate and criterion, over submitted scorecards only.

    N/A (NULL) is no score; cancelled meetings do not count, nor the ``withheld`` ones.
    """
    stmt = (
        select(
            col(Meeting.candidate_id).label("candidate_id"),
            col(Question.criterion_id).label("criterion_id"),
            col(Score.member_id).label("member_id"),
            func.avg(cast(col(Score.value), Float)).label("mean"),
        )
        .select_from(Score)
        .join(
            Scorecard,
            and_(col(Scorecard.meeting_id) == col(Score.meeting_id), col(Scorecard.member_id) == col(Score.member_id)),
        )
        .join(Meeting, col(Meeting.id) == col(Score.meeting_id))
        .join(Question, col(Question.id) == col(Score.question_id))
        .where(
            col(Meeting.selection_id) == selection_id, col(Score.value).is_not(None), col(Meeting.status) != "cancelled"
        )
        .group_by(col(Meeting.candidate_id), col(Question.criterion_id), col(Score.member_id))
    )
    withheld = list(withheld)
    return stmt.where(col(Meeting.id).not_in(withheld)) if withheld else stmt


def criterion_cells(
    session: Session, selection_id: int, withheld: Iterable[int] = ()
) -> dict[tuple[int, int], CriterionCell]:
    """(candidate id, criterion id) -> cell: the mean of member means, their spread, a flag."""
    means = member_means_query(selection_id, withheld).subquery()
    stmt = select(
        means.c.candidate_id,
        means.c.criterion_id,
        func.avg(means.c.mean),
        func.max(means.c.mean) - func.min(means.c.mean),
        func.count(),
    ).group_by(means.c.candidate_id, means.c.criterion_id)
    cells: dict[tuple[int, int], CriterionCell] = {}
    for cand, crit, score, spread, members in session.execute(stmt):
        score, spread = float(score), float(spread)
        cells[(cand, crit)] = CriterionCell(
            score=score, spread=spread, flagged=round(spread, 9) >= scoring.DISAGREEMENT_THRESHOLD, members=int(members)
        )
    return cells


class ComparisonService(Service):
    """Compare the candidates of a selection."""

    @unit_of_work(write=False)
    def compare(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        weights: Mapping[int, float] | None = None,
        include_baseline: bool = True,
        with_robustness: bool = True,
        today: date | None = None,
        member: str | int | None = None,
    ) -> ComparisonView:
        """The comparison of every candidate, ranked.

        Args:
            selection: name or id (may be None when there is one).
            weights: criterion id -> weight to use instead of the stored ones (what-if).
            include_baseline: whether the in-house baseline takes part.
            with_robustness: compute P(first) and the leader flip (2,000 draws).
            today: the first day of the time-zone fit's twelve months (default: today in our zone).
            member: the panel member looking. Meetings they are expected at (attendees; everyone when
                none are listed) and have not submitted their scorecard for are left out while others
                have (see `withheld_meetings`); the view
                names them in ``withheld``. None: every submitted scorecard counts.

        Returns:
            The comparison; candidates in rank order, unranked ones last by name.
        """
        sel = find_selection(session, selection)
        criteria = [
            criterion_view(c)
            for c in session.execute(
                select(Criterion)
                .where(col(Criterion.selection_id) == sel.id)
                .order_by(col(Criterion.position), col(Criterion.id))
            ).scalars()
        ]
        cand_stmt = select(
            col(Candidate.id),
            col(Candidate.name),
            col(Candidate.baseline),
            col(Candidate.timezone),
            col(Candidate.support_hours),
            col(Candidate.working_days),
        ).where(col(Candidate.selection_id) == sel.id)
        if not include_baseline:
            cand_stmt = cand_stmt.where(col(Candidate.baseline).is_(False))
        rows = session.execute(cand_stmt).all()
        withheld = withheld_meetings(session, stored_id(sel), member)[0]
        cells = criterion_cells(session, stored_id(sel), withheld)
        view = build_comparison(selection_view(sel), criteria, [r[:3] for r in rows], cells, weights, with_robustness)
        if withheld:
            view = replace(view, withheld=withheld_views(session, withheld))
        view = with_scope(view, scope_coverage(session, stored_id(sel)))
        return with_fit(view, {r[0]: (r[3], r[4], r[5]) for r in rows}, today)

    @unit_of_work(write=True)
    def set_weight(
        self, session: Session, criterion: str | int, weight: float, *, selection: str | int | None = None
    ) -> CriterionView:
        """Store a criterion's weight (a finite number >= 0)."""
        sel = find_selection(session, selection)
        if not is_weight(weight):
            raise UserError(f"{weight!r} is not a weight (a number >= 0)", field="weight")
        row = _find_criterion(session, stored_id(sel), criterion)
        row.weight = float(weight)
        session.add(row)
        session.flush()
        return criterion_view(row)


def withheld_views(session: Session, meetings: Iterable[int]) -> tuple[WithheldMeeting, ...]:
    """The withheld meetings as the screen and the exports name them, by start."""
    rows = session.execute(
        select(col(Meeting.id), col(Candidate.name), col(Meeting.kind), col(Meeting.start_utc))
        .join(Candidate, col(Candidate.id) == col(Meeting.candidate_id))
        .where(col(Meeting.id).in_(list(meetings)))
        .order_by(col(Meeting.start_utc), col(Meeting.id))
    ).all()
    return tuple(
        WithheldMeeting(meeting_id=mid, candidate=name, kind=kind, start_utc=start) for mid, name, kind, start in rows
    )


def with_scope(view: ComparisonView, coverage: Mapping[int, ScopeCoverage]) -> ComparisonView:
    """The comparison with each candidate's coverage of the outsourced scope items."""
    return replace(view, candidates=tuple(replace(r, scope=coverage.get(r.id)) for r in view.candidates))


def with_fit(
    view: ComparisonView, zones: Mapping[int, tuple[str, str, str]], today: date | None = None
) -> ComparisonView:
    """The comparison with each candidate's time-zone fit (our business hours on our working days against its
    support hours on its working days); ``zones``: candidate id -> (zone, support hours, stored working days)."""
    sel = view.selection
    start = today or datetime.now(ZoneInfo(sel.timezone)).date()
    ours = lenient_hours(sel.business_hours, sel.business_days)
    results = []
    for r in view.candidates:
        zone, hours, days = zones.get(r.id, ("", "", ""))
        fit = _fit(ours, sel.timezone, vendor_of(r.name, zone, hours, days).hours, zone, start)
        results.append(
            replace(
                r,
                timezone=zone,
                fit_min_weekly_hours=fit[0] if fit else None,
                fit_typical_weekly_hours=fit[1] if fit else None,
            )
        )
    return replace(view, candidates=tuple(results))


@lru_cache(maxsize=256)
def _fit(
    ours: timezones.Hours | None, our_zone: str, theirs: timezones.Hours | None, their_zone: str, start: date
) -> tuple[float, float] | None:
    if ours is None or theirs is None or not their_zone:
        return None
    fit = timezones.weekly_overlap(ours, our_zone, theirs, their_zone, start=start, days=365)
    return fit.min_weekly_hours, fit.typical_weekly_hours


def _find_criterion(session: Session, selection_id: int, ref: str | int) -> Criterion:
    rows: Sequence[Criterion] = (
        session.execute(select(Criterion).where(col(Criterion.selection_id) == selection_id)).scalars().all()
    )
    text = str(ref).strip()
    for row in rows:
        if name_key(row.name) == name_key(text) or row.key == text or str(row.id) == text:
            return row
    raise NotFound(f"no criterion named {text!r}", field="criterion")
