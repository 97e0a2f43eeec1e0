"""The sample selection: created in one unit of work from data/sample/sample.toml, through the services' functions.

Every row is written by the same session-taking function a service call uses (so the sample obeys
the same rules as typed data): the selection from its template, the scope decisions, the panel,
the candidates with their checklists and scope, recommendations, people, checks, meetings (their
wall times checked against clock changes), scores, submitted scorecards and notes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from workbench.services.base import Service, unit_of_work
from workbench.services.candidate_entry import add_candidate, set_candidate_scope
from workbench.services.candidate_evidence import record_check, record_person, record_recommendation
from workbench.services.meetings import add_meeting
from workbench.services.members import add_member
from workbench.services.notes import add_note
from workbench.services.scope import update_scope_item
from workbench.services.scoring import checked_score, submit_scorecard
from workbench.services.selections import create_selection, selection_view
from workbench.services.views.meetings import MeetingView
from workbench.services.views.selections import SelectionView
from workbench.store.models import Candidate, ScopeItem, Selection, stored_id

SAMPLE_NAME = "Outsource IT support (sample)"


class DemoService(Service):
    """Create the sample selection once."""

    @unit_of_work(write=True)
    def create_sample(self, session: Session) -> tuple[SelectionView, bool]:
        """Create the sample selection; a second call changes nothing.

        Returns:
            (the selection, whether it was created now).
        """
        from workbench import shipped

        data = shipped.load_sample()
        existing = session.exec(select(Selection).where(col(Selection.name) == data["selection"]["name"])).first()
        if existing is not None:
            return selection_view(existing), False
        return selection_view(create_sample(session, data)), True


def create_sample(session: Session, data: dict[str, Any]) -> Selection:
    """Write the parsed sample in the caller's unit of work (no commit: the unit of work commits)."""
    meta = data["selection"]
    sel = create_selection(
        session,
        meta["name"],
        template=meta.get("rubric", "it-outsourcing"),
        timezone=meta["timezone"],
        description=meta.get("description", ""),
        business_hours=meta.get("business_hours", "09:00-17:00"),
    )
    sel_id = stored_id(sel)
    scope = {
        row.key: stored_id(row)
        for row in session.exec(select(ScopeItem).where(col(ScopeItem.selection_id) == sel_id)).all()
    }
    for o in data.get("scope_overrides", []):
        update_scope_item(
            session, scope[o["key"]], decision=o["decision"], priority=o["priority"], notes=o.get("notes", "")
        )
    for m in data["members"]:
        add_member(session, sel_id, m["name"], role=m.get("role", ""))
    candidates = _candidates(session, sel, data, scope)
    _evidence(session, sel, data, candidates)
    _meetings(session, sel, data)
    session.flush()
    return sel


def _candidates(session: Session, sel: Selection, data: dict[str, Any], scope: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in data["candidates"]:
        row: Candidate = add_candidate(
            session,
            sel,
            name=c["name"],
            website=c.get("website", ""),
            timezone=c["timezone"],
            support_hours=c.get("support_hours", ""),
            onsite=bool(c.get("onsite", False)),
            status=c.get("status", "long-list"),
            baseline=bool(c.get("baseline", False)),
            notes=c.get("notes", ""),
        )
        set_candidate_scope(session, stored_id(sel), row, [scope[key] for key in c.get("scope", [])])
        out[row.name] = stored_id(row)
    return out


def _evidence(session: Session, sel: Selection, data: dict[str, Any], candidates: dict[str, int]) -> None:
    for r in data.get("recommendations", []):
        record_recommendation(
            session,
            candidates[r["candidate"]],
            recommender=r["recommender"],
            company=r.get("company", ""),
            relationship=r.get("relationship", ""),
            sentiment=r.get("sentiment", "neutral"),
            rating=r.get("rating"),
            experience=r.get("experience", ""),
            given_on=r.get("date"),
        )
    for p in data.get("people", []):
        record_person(
            session,
            candidates[p["candidate"]],
            name=p["name"],
            role=p.get("role", ""),
            team=p.get("team", "management"),
            profile_url=p.get("profile_url", ""),
            tenure=p.get("tenure", ""),
            notes=p.get("notes", ""),
            researched=bool(p.get("researched", False)),
            last_checked=p.get("last_checked"),
        )
    for c in data.get("checks", []):
        record_check(
            session, sel, candidates[c["candidate"]], c["item"], status=c["status"], evidence=c.get("evidence", "")
        )


def _meetings(session: Session, sel: Selection, data: dict[str, Any]) -> None:
    meetings: list[MeetingView] = []
    for m in data["meetings"]:
        meetings.append(
            add_meeting(
                session,
                candidate=m["candidate"],
                kind=m["kind"],
                start_local=datetime.fromisoformat(m["start"]),
                timezone=m["timezone"],
                duration_minutes=int(m.get("duration_minutes", 60)),
                members=m.get("members", []),
                location=m.get("location", ""),
                their_attendees=m.get("their_attendees", []),
                status=m.get("status", "planned"),
                selection=stored_id(sel),
            )
        )
    for card in data.get("scores", []):
        meeting = meetings[int(card["meeting"])]
        end = meeting.start_utc + timedelta(minutes=meeting.duration_minutes)  # scored as the meeting ends
        comments = {int(k): v for k, v in (card.get("comments") or {}).items()}
        for pos, value in enumerate(card["values"]):
            checked_score(
                session,
                meeting.id,
                meeting.agenda[pos].question_id,
                None if value == "na" else int(value),
                card["member"],
                comments.get(pos, ""),
                now=end,
            )
        if card.get("submitted", False):
            submit_scorecard(session, meeting.id, member=card["member"], now=end)
    for n in data.get("notes", []):
        meeting = meetings[int(n["meeting"])]
        add_note(
            session,
            meeting.id,
            member=n["member"],
            kind=n["kind"],
            text=n["text"],
            owner=n.get("owner", ""),
            due=n.get("due"),
            now=meeting.start_utc + timedelta(minutes=int(n.get("minute", 0))),
        )
