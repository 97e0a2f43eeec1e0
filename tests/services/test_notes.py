"""Meeting notes: kinds, actions with owner and due date, update, order, delete (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from workbench.services.errors import NotFound, UserError
from workbench.store.models import Candidate


@pytest.fixture
def meeting(services):  # type: ignore[no-untyped-def]
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    now = datetime.now(UTC)
    with services.db.session(write=True) as session:
        session.add(
            Candidate(selection_id=services.selections.get().id, name="Acme IT", created_at=now, updated_at=now)
        )
    return services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 5, 6, 9), timezone="UTC"
    )


def test_notes_of_every_kind_listed_in_written_order(services, meeting) -> None:
    first = services.notes.add(meeting.id, member="Ana Ortiz", kind="note", text="  Arrived late  ")
    services.notes.add(meeting.id, member="ben cole", kind="decision", text="Second meeting: deep dive")
    action = services.notes.add(
        meeting.id,
        member="Ana Ortiz",
        kind="ACTION",
        text="Send the SLA",
        owner="Cara",
        due="2031-05-20",
        question_id=meeting.agenda[0].question_id,
    )
    services.notes.add(meeting.id, member="Ben Cole", kind="concern", text="No 24/7 desk")
    services.notes.add(meeting.id, member="Ben Cole", kind="gap", text="Did not know their RPO")
    notes = services.notes.list(meeting.id)
    assert [n.kind for n in notes] == ["note", "decision", "action", "concern", "gap"]
    assert [n.id for n in notes] == sorted(n.id for n in notes)
    assert notes[0].text == "Arrived late" and notes[0].member == "Ana Ortiz" and notes[0].id == first.id
    stored = notes[2]
    assert (stored.id, stored.owner, stored.due, stored.question_id) == (
        action.id,
        "Cara",
        date(2031, 5, 20),
        meeting.agenda[0].question_id,
    )
    assert stored.created_at.utcoffset() is not None
    no_owner = services.notes.add(
        meeting.id, member="Ana Ortiz", kind="action", text="Decide by Friday", due=date(2031, 6, 1)
    )
    assert (no_owner.owner, no_owner.due) == ("", date(2031, 6, 1))


def test_bad_notes_are_refused_and_nothing_is_stored(services, meeting) -> None:
    ok = {"member": "Ana Ortiz", "kind": "action", "text": "Call back"}
    cases = [
        (9999, {}, NotFound, "MEETING"),
        (meeting.id, {"member": "Zed"}, NotFound, "--member"),
        (meeting.id, {"kind": "memo"}, UserError, "--kind"),
        (meeting.id, {"text": "   "}, UserError, "--text"),
        (meeting.id, {"due": "2031-02-30"}, UserError, "--due"),
        (meeting.id, {"due": "next week"}, UserError, "--due"),
        (meeting.id, {"kind": "note", "owner": "Cara"}, UserError, "--owner"),
        (meeting.id, {"kind": "gap", "due": "2031-05-20"}, UserError, "--due"),
        (meeting.id, {"question_id": 999999}, UserError, "--question"),
    ]
    for mid, change, error, field in cases:
        with pytest.raises(error, match=field):
            services.notes.add(mid, **{**ok, **change})
    assert services.notes.list(meeting.id) == []


def test_update_changes_only_what_is_given(services, meeting) -> None:
    note = services.notes.add(meeting.id, member="Ana Ortiz", kind="action", text="Ask", owner="Cara", due="2031-05-20")
    services.notes.update(note.id, member="Ana Ortiz", text="Ask for the SLA draft")
    got = services.notes.list(meeting.id)[0]
    assert (got.text, got.owner, got.due) == ("Ask for the SLA draft", "Cara", date(2031, 5, 20))
    assert got.updated_at >= got.created_at
    services.notes.update(note.id, member="Ana Ortiz", due=None, owner="")
    got = services.notes.list(meeting.id)[0]
    assert (got.owner, got.due) == ("", None)
    with pytest.raises(UserError, match="--text"):
        services.notes.update(note.id, member="Ana Ortiz", text="")
    with pytest.raises(UserError, match="--due"):
        services.notes.update(note.id, member="Ana Ortiz", due="31/05/2031")
    services.notes.update(note.id, member="Ana Ortiz", due="2031-05-31")
    with pytest.raises(UserError, match="--due"):
        services.notes.update(note.id, member="Ana Ortiz", kind="note")
    got = services.notes.list(meeting.id)[0]
    assert (got.text, got.kind, got.due) == ("Ask for the SLA draft", "action", date(2031, 5, 31))
    with pytest.raises(NotFound, match="NOTE"):
        services.notes.update(99999, member="Ana Ortiz", text="x")


def test_delete(services, meeting) -> None:
    a = services.notes.add(meeting.id, member="Ana Ortiz", kind="note", text="a")
    b = services.notes.add(meeting.id, member="Ana Ortiz", kind="note", text="b")
    services.notes.delete(a.id, member="Ana Ortiz")
    assert [n.id for n in services.notes.list(meeting.id)] == [b.id]
    with pytest.raises(NotFound, match="NOTE"):
        services.notes.delete(a.id, member="Ana Ortiz")
    with pytest.raises(NotFound, match="MEETING"):
        services.notes.list(424242)
