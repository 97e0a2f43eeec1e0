"""Adding a candidate (a small form), and deleting one in a way that ctrl+z can take back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from screens.forms import FormDialog, FormField

if TYPE_CHECKING:
    from screens.editing import EditingScreen
    from workbench.services import Services
    from workbench.services.views import (
        CandidateView,
        DiligenceCheckView,
        RecommendationView,
        VendorPersonView,
    )


def new_candidate_dialog(screen: EditingScreen, selection: str | None,
                         added: Callable[[CandidateView], None]) -> FormDialog:
    """A form for a new candidate; saving it adds the candidate through the services.

    Args:
        screen: the screen whose save queue stores it.
        selection: the selection's name.
        added: called with the stored candidate, after the dialog closed.
    """

    def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
        def stored(view: CandidateView) -> None:
            dialog.dismiss(view)
            added(view)

        screen.save(lambda services: services.candidates.add(selection=selection, **values), stored,
                    failed=dialog.show_error)

    return FormDialog("New candidate", [
        FormField("name", "Name", placeholder="The vendor's name"),
        FormField("website", "Website", placeholder="https://…"),
        FormField("timezone", "Home time zone (IANA name)", "UTC", placeholder="Europe/London"),
        FormField("support_hours", "Support hours (local)", placeholder="08:00-18:00"),
        FormField("onsite", "On-site support", False, kind="switch"),
        FormField("baseline", "In-house hire baseline", False, kind="switch"),
    ], submit)


@dataclass(frozen=True)
class CandidateSnapshot:
    """A deleted candidate and its evidence, enough to create it again."""

    candidate: CandidateView
    recommendations: tuple[RecommendationView, ...]
    people: tuple[VendorPersonView, ...]
    checks: tuple[DiligenceCheckView, ...]
    meetings: int


def snapshot_and_delete(services: Services, candidate_id: int, selection: str | None) -> CandidateSnapshot:
    """Read a candidate's evidence, then delete the candidate (runs in a worker)."""
    ref = f"#{candidate_id}"
    recommendations = tuple(services.candidates.recommendations(ref, selection=selection))
    people = tuple(services.candidates.people(ref, selection=selection))
    checks = tuple(services.candidates.checks(ref, selection=selection))
    meetings = len(services.meetings.list(selection=selection, candidate=ref, with_agenda=False))
    view = services.candidates.delete(ref, selection=selection)
    return CandidateSnapshot(view, recommendations, people, checks, meetings)


def restore_candidate(services: Services, snap: CandidateSnapshot, selection: str | None) -> CandidateView:
    """Create a deleted candidate again with the same fields, scope, recommendations, people and checklist."""
    c = snap.candidate
    view = services.candidates.add(c.name, website=c.website, timezone=c.timezone, support_hours=c.support_hours,
                                   onsite=c.onsite, status=c.status, baseline=c.baseline, notes=c.notes,
                                   selection=selection)
    ref = f"#{view.id}"
    if c.scope_item_ids:
        view = services.candidates.set_scope(ref, list(c.scope_item_ids), selection=selection)
    for r in snap.recommendations:
        services.candidates.add_recommendation(ref, recommender=r.recommender, company=r.company,
                                               relationship=r.relationship, sentiment=r.sentiment, rating=r.rating,
                                               experience=r.experience, given_on=r.given_on, selection=selection)
    for p in snap.people:
        services.candidates.add_person(ref, name=p.name, role=p.role, team=p.team, profile_url=p.profile_url,
                                       tenure=p.tenure, notes=p.notes, researched=p.researched,
                                       last_checked=p.last_checked, selection=selection)
    for check in snap.checks:
        if check.status != "todo" or check.evidence:
            services.candidates.set_check(ref, check.item, status=check.status, evidence=check.evidence,
                                          selection=selection)
    return view
