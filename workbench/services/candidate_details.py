"""A candidate's evidence as units of work: recommendations, vendor people and the due-diligence checklist."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from workbench.domain.vocabulary import VENDOR_TEAMS
from workbench.services.base import Service, unit_of_work
from workbench.services.candidate_evidence import (
    PERSON_FIELDS,
    RECOMMENDATION_FIELDS,
    candidate_summaries,
    clean_fields,
    get_row,
    person_view,
    recommendation_view,
    record_check,
    record_person,
    record_recommendation,
)
from workbench.services.checklist import create_checklists, load_checks
from workbench.services.lookups import find_candidate
from workbench.services.selections import find_selection
from workbench.services.views.candidates import (
    CandidateSummaryView,
    DiligenceCheckView,
    RecommendationView,
    VendorPersonView,
)
from workbench.store.models import Recommendation, VendorPerson, stored_id

# ------------------------------------------------------------------ service part


class CandidateDetails(Service):
    """Recommendations, vendor people and diligence checks of a candidate (mixed into CandidateService)."""

    # -- recommendations

    @unit_of_work(write=False)
    def recommendations(
        self, session: Session, candidate_ref: str | int, *, selection: str | int | None = None
    ) -> list[RecommendationView]:
        """A candidate's recommendations, oldest first."""
        cand = find_candidate(session, stored_id(find_selection(session, selection)), candidate_ref)
        rows = session.exec(
            select(Recommendation).where(col(Recommendation.candidate_id) == cand.id).order_by(col(Recommendation.id))
        ).all()
        return [recommendation_view(r) for r in rows]

    @unit_of_work(write=True)
    def add_recommendation(
        self,
        session: Session,
        candidate_ref: str | int,
        *,
        recommender: str,
        company: str = "",
        relationship: str = "",
        sentiment: str = "neutral",
        rating: int | str | None = None,
        experience: str = "",
        given_on: date | str | None = None,
        selection: str | int | None = None,
    ) -> RecommendationView:
        """Record a peer's recommendation of a candidate.

        Returns:
            The stored recommendation.
        """
        cand = find_candidate(session, stored_id(find_selection(session, selection)), candidate_ref)
        return record_recommendation(
            session,
            stored_id(cand),
            recommender=recommender,
            company=company,
            relationship=relationship,
            sentiment=sentiment,
            rating=rating,
            experience=experience,
            given_on=given_on,
        )

    @unit_of_work(write=True)
    def update_recommendation(self, session: Session, /, recommendation_id: int, **fields: Any) -> RecommendationView:
        """Change only the given fields of a recommendation (validated as in add)."""
        row = get_row(session, Recommendation, recommendation_id, "--recommendation")
        for name, value in clean_fields(fields, RECOMMENDATION_FIELDS).items():
            setattr(row, name, value)
        session.add(row)
        session.flush()
        return recommendation_view(row)

    @unit_of_work(write=True)
    def delete_recommendation(self, session: Session, recommendation_id: int) -> None:
        """Delete a recommendation; NotFound when there is none with this id."""
        row = get_row(session, Recommendation, recommendation_id, "--recommendation")
        session.execute(delete(Recommendation).where(col(Recommendation.id) == row.id))

    # -- vendor people

    @unit_of_work(write=False)
    def people(
        self, session: Session, candidate_ref: str | int, *, selection: str | int | None = None
    ) -> list[VendorPersonView]:
        """A candidate's management and delivery people, management first, then by name."""
        cand = find_candidate(session, stored_id(find_selection(session, selection)), candidate_ref)
        rows = session.exec(select(VendorPerson).where(col(VendorPerson.candidate_id) == cand.id)).all()
        order = {team: i for i, team in enumerate(VENDOR_TEAMS)}
        return [person_view(r) for r in sorted(rows, key=lambda r: (order.get(r.team, 9), r.name.casefold(), r.id))]

    @unit_of_work(write=True)
    def add_person(
        self,
        session: Session,
        candidate_ref: str | int,
        *,
        name: str,
        role: str = "",
        team: str = "management",
        profile_url: str = "",
        tenure: str = "",
        notes: str = "",
        researched: bool | str = False,
        last_checked: date | str | None = None,
        selection: str | int | None = None,
    ) -> VendorPersonView:
        """Record someone on the vendor's team.

        Returns:
            The stored person.
        """
        cand = find_candidate(session, stored_id(find_selection(session, selection)), candidate_ref)
        return record_person(
            session,
            stored_id(cand),
            name=name,
            role=role,
            team=team,
            profile_url=profile_url,
            tenure=tenure,
            notes=notes,
            researched=researched,
            last_checked=last_checked,
        )

    @unit_of_work(write=True)
    def update_person(self, session: Session, /, person_id: int, **fields: Any) -> VendorPersonView:
        """Change only the given fields of a vendor person (validated as in add)."""
        row = get_row(session, VendorPerson, person_id, "--person")
        for name, value in clean_fields(fields, PERSON_FIELDS).items():
            setattr(row, name, value)
        session.add(row)
        session.flush()
        return person_view(row)

    @unit_of_work(write=True)
    def delete_person(self, session: Session, person_id: int) -> None:
        """Delete a vendor person; NotFound when there is none with this id."""
        row = get_row(session, VendorPerson, person_id, "--person")
        session.execute(delete(VendorPerson).where(col(VendorPerson.id) == row.id))

    # -- due diligence

    @unit_of_work(write=True)
    def checks(
        self, session: Session, candidate_ref: str | int, *, selection: str | int | None = None
    ) -> list[DiligenceCheckView]:
        """A candidate's checklist, in checklist order (items it lacks are created first, as "todo").

        Imported candidates get their checklist rows here, on first look, not at import.
        """
        sel = find_selection(session, selection)
        cand = find_candidate(session, stored_id(sel), candidate_ref)
        create_checklists(session, sel, [stored_id(cand)])
        return load_checks(session, stored_id(cand))

    @unit_of_work(write=True)
    def ensure_checklist(
        self, session: Session, candidate_ref: str | int, *, selection: str | int | None = None
    ) -> list[DiligenceCheckView]:
        """Create the checklist items a candidate is missing; return its whole checklist."""
        sel = find_selection(session, selection)
        cand = find_candidate(session, stored_id(sel), candidate_ref)
        create_checklists(session, sel, [stored_id(cand)])
        return load_checks(session, stored_id(cand))

    @unit_of_work(write=True)
    def set_check(
        self,
        session: Session,
        candidate_ref: str | int,
        item_key: str,
        *,
        status: str | None = None,
        evidence: str | None = None,
        selection: str | int | None = None,
    ) -> DiligenceCheckView:
        """Set the status and/or evidence of one checklist item (by key, or by name case-insensitively).

        Returns:
            The updated check.
        """
        sel = find_selection(session, selection)
        cand = find_candidate(session, stored_id(sel), candidate_ref)
        return record_check(session, sel, stored_id(cand), item_key, status=status, evidence=evidence)

    # -- counts

    @unit_of_work(write=False)
    def summaries(self, session: Session, *, selection: str | int | None = None) -> dict[int, CandidateSummaryView]:
        """Evidence counts of every candidate of a selection, aggregated in SQL.

        Returns:
            Candidate id -> its counts.
        """
        return candidate_summaries(session, find_selection(session, selection))
