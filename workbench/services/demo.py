"""The sample selection: created in one unit of work from data/sample/sample.toml."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.selections import apply_template, find_selection, load_questions, selection_view
from workbench.services.views.selections import SelectionView
from workbench.store.models import (
    AgendaItem,
    Candidate,
    CandidateScope,
    DiligenceCheck,
    Meeting,
    MeetingMember,
    Note,
    PanelMember,
    Recommendation,
    ScopeItem,
    Score,
    Scorecard,
    Selection,
    VendorPerson,
)

SAMPLE_NAME = "Outsource IT support (sample)"


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def local_to_utc(wall: str, zone: str) -> datetime:
    """A sample's wall time (``2027-03-15T10:00``) in ``zone`` as an aware UTC datetime."""
    return datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


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
        name = data["selection"]["name"]
        existing = session.exec(select(Selection).where(Selection.name == name)).first()
        if existing is not None:
            return selection_view(existing), False
        _Loader(session, data).load()
        return selection_view(find_selection(session, name)), True


class _Loader:
    """Writes the parsed sample into the session (no commit: the unit of work commits)."""

    def __init__(self, session: Session, data: dict[str, Any]) -> None:
        self.s = session
        self.data = data
        self.now = utcnow()

    def load(self) -> None:
        meta = self.data["selection"]
        sel = Selection(
            name=meta["name"],
            description=meta.get("description", ""),
            timezone=meta["timezone"],
            business_hours=meta.get("business_hours", "09:00-17:00"),
            rubric=meta.get("rubric", "it-outsourcing"),
            created_at=self.now,
        )
        self.s.add(sel)
        self.s.flush()
        self.sel = sel
        apply_template(self.s, sel, sel.rubric)
        self.scope = {r.key: r for r in self.s.exec(select(ScopeItem).where(ScopeItem.selection_id == sel.id)).all()}
        for o in self.data.get("scope_overrides", []):
            item = self.scope[o["key"]]
            item.decision, item.priority, item.notes = o["decision"], int(o["priority"]), o.get("notes", "")
            self.s.add(item)
        self.members = {}
        for m in self.data["members"]:
            row = PanelMember(selection_id=sel.id, name=m["name"], role=m.get("role", ""))
            self.s.add(row)
            self.s.flush()
            self.members[m["name"]] = row.id
        self._candidates(meta.get("checklist", "it-outsourcing"))
        self._evidence()
        self._meetings()
        self.s.flush()

    def _candidates(self, checklist_key: str) -> None:
        from workbench import shipped

        checklist = shipped.load_checklist(checklist_key)
        self.candidates: dict[str, Candidate] = {}
        for c in self.data["candidates"]:
            row = Candidate(
                selection_id=self.sel.id,
                name=c["name"],
                website=c.get("website", ""),
                timezone=c["timezone"],
                support_hours=c.get("support_hours", ""),
                onsite=bool(c.get("onsite", False)),
                status=c.get("status", "long-list"),
                baseline=bool(c.get("baseline", False)),
                notes=c.get("notes", ""),
                created_at=self.now,
                updated_at=self.now,
            )
            self.s.add(row)
            self.s.flush()
            self.candidates[row.name] = row
            for key in c.get("scope", []):
                self.s.add(CandidateScope(candidate_id=row.id, scope_item_id=self.scope[key].id))
            for pos, item in enumerate(checklist):
                self.s.add(DiligenceCheck(candidate_id=row.id, item=item.key, name=item.name, position=pos))
        self.s.flush()

    def _evidence(self) -> None:
        for r in self.data.get("recommendations", []):
            self.s.add(
                Recommendation(
                    candidate_id=self.candidates[r["candidate"]].id,
                    recommender=r["recommender"],
                    company=r.get("company", ""),
                    relationship=r.get("relationship", ""),
                    sentiment=r.get("sentiment", "neutral"),
                    rating=r.get("rating"),
                    experience=r.get("experience", ""),
                    given_on=_day(r.get("date")),
                )
            )
        for p in self.data.get("people", []):
            self.s.add(
                VendorPerson(
                    candidate_id=self.candidates[p["candidate"]].id,
                    name=p["name"],
                    role=p.get("role", ""),
                    team=p.get("team", "management"),
                    profile_url=p.get("profile_url", ""),
                    tenure=p.get("tenure", ""),
                    notes=p.get("notes", ""),
                    researched=bool(p.get("researched", False)),
                    last_checked=_day(p.get("last_checked")),
                )
            )
        self.s.flush()
        checks = {
            (c.candidate_id, c.item): c
            for c in self.s.exec(
                select(DiligenceCheck).join(Candidate).where(Candidate.selection_id == self.sel.id)
            ).all()
        }
        for c in self.data.get("checks", []):
            row = checks[(self.candidates[c["candidate"]].id, c["item"])]
            row.status, row.evidence = c["status"], c.get("evidence", "")
            self.s.add(row)

    def _meetings(self) -> None:
        agendas: dict[str, list[int]] = {}
        meetings: list[Meeting] = []
        for m in self.data["meetings"]:
            start = local_to_utc(m["start"], m["timezone"])
            row = Meeting(
                selection_id=self.sel.id,
                candidate_id=self.candidates[m["candidate"]].id,
                kind=m["kind"],
                start_utc=start,
                timezone=m["timezone"],
                duration_minutes=int(m.get("duration_minutes", 60)),
                location=m.get("location", ""),
                their_attendees="\n".join(m.get("their_attendees", [])),
                status=m.get("status", "planned"),
                uid=f"{uuid.uuid4()}@vendor-interview-workbench",
                created_at=self.now,
                updated_at=self.now,
            )
            self.s.add(row)
            self.s.flush()
            meetings.append(row)
            if m["kind"] not in agendas:
                agendas[m["kind"]] = [q.id for q in load_questions(self.s, self.sel.id, kind=m["kind"])]
            for pos, qid in enumerate(agendas[m["kind"]]):
                self.s.add(AgendaItem(meeting_id=row.id, question_id=qid, position=pos))
            for member in m.get("members", []):
                self.s.add(MeetingMember(meeting_id=row.id, member_id=self.members[member]))
        self.s.flush()
        for card in self.data.get("scores", []):
            meeting = meetings[int(card["meeting"])]
            agenda = agendas[meeting.kind]
            member_id = self.members[card["member"]]
            end = meeting.start_utc + timedelta(minutes=meeting.duration_minutes)
            comments = {int(k): v for k, v in (card.get("comments") or {}).items()}
            for pos, value in enumerate(card["values"]):
                self.s.add(
                    Score(
                        meeting_id=meeting.id,
                        question_id=agenda[pos],
                        member_id=member_id,
                        value=None if value == "na" else int(value),
                        comment=comments.get(pos, ""),
                        updated_at=end,
                    )
                )
            if card.get("submitted", False):
                self.s.add(Scorecard(meeting_id=meeting.id, member_id=member_id, submitted_at=end))
        for n in self.data.get("notes", []):
            meeting = meetings[int(n["meeting"])]
            at = meeting.start_utc + timedelta(minutes=int(n.get("minute", 0)))
            self.s.add(
                Note(
                    meeting_id=meeting.id,
                    member_id=self.members[n["member"]],
                    kind=n["kind"],
                    text=n["text"],
                    owner=n.get("owner", ""),
                    due=_day(n.get("due")),
                    created_at=at,
                    updated_at=at,
                )
            )
