"""A candidate's evidence, in the caller's unit of work: the field rules, the views, the writes and the counts.

``CandidateDetails`` (candidate_details.py) runs each as a unit of work; the sample is made with them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workbench.domain.vocabulary import DILIGENCE_STATUSES, RECOMMENDATION_SENTIMENTS, VENDOR_TEAMS
from workbench.services.base import clean_text, parse_ref
from workbench.services.candidate_fields import LONG_TEXT_MAX, TEXT_MAX
from workbench.services.checklist import check_view, checklist_items, create_checklists, find_check
from workbench.services.errors import NotFound, UserError
from workbench.services.validate import check_choice, check_url, parse_bool, parse_date
from workbench.services.views.candidates import (
    CandidateSummaryView,
    DiligenceCheckView,
    RecommendationView,
    VendorPersonView,
)
from workbench.store.models import Candidate, DiligenceCheck, Recommendation, Selection, VendorPerson, stored_id

# ------------------------------------------------------------------ views


def recommendation_view(row: Recommendation) -> RecommendationView:
    """A view of a Recommendation row."""
    return RecommendationView(
        id=stored_id(row),
        candidate_id=row.candidate_id,
        recommender=row.recommender,
        company=row.company,
        relationship=row.relationship,
        sentiment=row.sentiment,
        rating=row.rating,
        experience=row.experience,
        given_on=row.given_on,
    )


def person_view(row: VendorPerson) -> VendorPersonView:
    """A view of a VendorPerson row."""
    return VendorPersonView(
        id=stored_id(row),
        candidate_id=row.candidate_id,
        name=row.name,
        role=row.role,
        team=row.team,
        profile_url=row.profile_url,
        tenure=row.tenure,
        notes=row.notes,
        researched=row.researched,
        last_checked=row.last_checked,
    )


# ------------------------------------------------------------------ field checks


def _text(value: Any, field: str, *, required: bool = False, max_length: int = TEXT_MAX) -> str:
    return clean_text(value, field=field, required=required, max_length=max_length)


def _long_text(value: Any, field: str) -> str:
    return clean_text(value, field=field, max_length=LONG_TEXT_MAX, multiline=True)


def _optional_date(value: date | str | None, field: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date) and not str(value).strip():
        return None
    return parse_date(value if isinstance(value, date) else str(value), field=field)


def _rating(value: int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise UserError(f"{value!r} is not a whole number from 1 to 5", field="rating")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserError(f"{value!r} is not a whole number from 1 to 5", field="rating") from None
    if not 1 <= number <= 5:
        raise UserError(f"{number} is not from 1 to 5", field="rating")
    return number


RECOMMENDATION_FIELDS: dict[str, Callable[[Any], Any]] = {
    "recommender": lambda v: _text(v, "recommender", required=True),
    "company": lambda v: _text(v, "company"),
    "relationship": lambda v: _text(v, "relationship"),
    "sentiment": lambda v: check_choice(v, RECOMMENDATION_SENTIMENTS, field="sentiment"),
    "rating": _rating,
    "experience": lambda v: _long_text(v, "experience"),
    "given_on": lambda v: _optional_date(v, "given_on"),
}

PERSON_FIELDS: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: _text(v, "name", required=True),
    "role": lambda v: _text(v, "role"),
    "team": lambda v: check_choice(v, VENDOR_TEAMS, field="team"),
    "profile_url": lambda v: check_url(_text(v, "profile_url", max_length=2000), field="profile_url"),
    "tenure": lambda v: _text(v, "tenure"),
    "notes": lambda v: _long_text(v, "notes"),
    "researched": lambda v: parse_bool(v, field="researched"),
    "last_checked": lambda v: _optional_date(v, "last_checked"),
}


def clean_fields(fields: dict[str, Any], rules: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(rules))
    if unknown:
        raise UserError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(rules)}", field=unknown[0])
    return {name: rules[name](value) for name, value in fields.items()}


def get_row(session: Session, model: type, row_id: int, field: str) -> Any:
    number, text = parse_ref(row_id)
    row = session.get(model, number) if number is not None else None
    if row is None:
        raise NotFound(f"no {field.lstrip('-')} numbered {text!r}", field=field)
    return row


# ------------------------------------------------------------------ in the caller's unit of work


def record_recommendation(session: Session, candidate_id: int, **fields: Any) -> RecommendationView:
    """Store a peer's recommendation of a candidate (fields validated as in ``add_recommendation``)."""
    row = Recommendation(candidate_id=candidate_id, **clean_fields(fields, RECOMMENDATION_FIELDS))
    session.add(row)
    session.flush()
    return recommendation_view(row)


def record_person(session: Session, candidate_id: int, **fields: Any) -> VendorPersonView:
    """Store someone on a candidate's team (fields validated as in ``add_person``)."""
    row = VendorPerson(candidate_id=candidate_id, **clean_fields(fields, PERSON_FIELDS))
    session.add(row)
    session.flush()
    return person_view(row)


def record_check(
    session: Session,
    sel: Selection,
    candidate_id: int,
    item_key: str,
    *,
    status: str | None = None,
    evidence: str | None = None,
) -> DiligenceCheckView:
    """Set the status and/or evidence of one checklist item of a candidate (see ``set_check``)."""
    row = find_check(session, candidate_id, item_key)
    if row is None and create_checklists(session, sel, [candidate_id]):
        row = find_check(session, candidate_id, item_key)
    if row is None:
        raise NotFound(f"no checklist item {str(item_key).strip()!r} for this candidate", field="--item")
    if status is not None:
        row.status = check_choice(status, DILIGENCE_STATUSES, field="status")
    if evidence is not None:
        row.evidence = _long_text(evidence, "evidence")
    session.add(row)
    session.flush()
    return check_view(row)


def candidate_summaries(session: Session, sel: Selection) -> dict[int, CandidateSummaryView]:
    """Evidence counts of every candidate of a selection, aggregated in SQL, in the caller's unit of work.

    Returns:
        Candidate id -> its counts.
    """
    ids = select(col(Candidate.id)).where(col(Candidate.selection_id) == sel.id)
    recs = session.execute(
        sa_select(
            col(Recommendation.candidate_id),
            func.count(),
            _count_if(col(Recommendation.sentiment) == "positive"),
            _count_if(col(Recommendation.sentiment) == "negative"),
            func.avg(col(Recommendation.rating)),
        )
        .where(col(Recommendation.candidate_id).in_(ids))
        .group_by(col(Recommendation.candidate_id))
    ).all()
    people = session.execute(
        sa_select(col(VendorPerson.candidate_id), func.count(), _count_if(col(VendorPerson.researched).is_(True)))
        .where(col(VendorPerson.candidate_id).in_(ids))
        .group_by(col(VendorPerson.candidate_id))
    ).all()
    checks = session.execute(
        sa_select(
            col(DiligenceCheck.candidate_id),
            func.count(),
            _count_if(col(DiligenceCheck.status) == "ok"),
            _count_if(col(DiligenceCheck.status) == "concern"),
            _count_if(col(DiligenceCheck.status) == "todo"),
        )
        .where(col(DiligenceCheck.candidate_id).in_(ids))
        .group_by(col(DiligenceCheck.candidate_id))
    ).all()
    rec_by = {r[0]: r[1:] for r in recs}
    people_by = {r[0]: r[1:] for r in people}
    checks_by = {r[0]: r[1:] for r in checks}
    n_items = len(checklist_items(sel))
    out: dict[int, CandidateSummaryView] = {}
    for cid in [c for c in session.exec(ids).all() if c is not None]:  # stored rows' keys
        n, pos, neg, mean = rec_by.get(cid, (0, 0, 0, None))
        p, researched = people_by.get(cid, (0, 0))
        c, ok, concern, todo = checks_by.get(cid, (0, 0, 0, 0))
        if c < n_items:  # items not stored yet (imported candidates) are still to do
            todo, c = todo + n_items - c, n_items
        out[cid] = CandidateSummaryView(
            candidate_id=cid,
            recommendations=int(n),
            positive=int(pos),
            negative=int(neg),
            mean_rating=None if mean is None else float(mean),
            people=int(p),
            researched=int(researched),
            checks=int(c),
            checks_ok=int(ok),
            checks_concern=int(concern),
            checks_todo=int(todo),
        )
    return out


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
