"""Editing one's own notes with history kept, due dates, action states, the Actions list and carried actions.

Every test runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from workbench.services.errors import NotFound, UserError
from workbench.store.models import Candidate

NOW = datetime(2031, 6, 1, 12, tzinfo=UTC)  # "today" for overdue: 2031-06-01


@pytest.fixture
def two(services):  # type: ignore[no-untyped-def]
    """Two meetings with Acme IT (6 and 20 May 2031), the whole panel (Ana, Ben) expected at both."""
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    now = datetime.now(UTC)
    with services.db.session(write=True) as session:
        for name in ("Acme IT", "Blue Ltd"):
            session.add(Candidate(selection_id=services.selections.get().id, name=name, created_at=now, updated_at=now))
    first = services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 5, 6, 9), timezone="UTC"
    )
    second = services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 5, 20, 9), timezone="UTC"
    )
    return first, second


def _submit_all(services, meeting) -> None:  # type: ignore[no-untyped-def]
    qid = meeting.agenda[0].question_id
    for who in ("Ana Ortiz", "Ben Cole"):
        services.scoring.score(meeting.id, qid, 3, member=who)
        services.scoring.submit(meeting.id, member=who)


def test_an_author_edits_their_note_and_the_old_text_is_kept(services, two) -> None:
    m, _ = two
    note = services.notes.add(m.id, member="Ana Ortiz", kind="decision", text="Go with a pilot")
    changed = services.notes.update(note.id, member="ana ortiz", text="Go with a three-month pilot")
    assert changed.text == "Go with a three-month pilot"
    assert [n.text for n in services.notes.list(m.id)] == ["Go with a three-month pilot"]
    (old,) = services.notes.history(note.id)
    assert (old.change, old.text, old.kind, old.changed_by) == ("edited", "Go with a pilot", "decision", "Ana Ortiz")
    assert old.changed_at.utcoffset() is not None and old.changed_at >= old.written_at
    # Saving the same text again changes nothing and keeps no second version.
    services.notes.update(note.id, member="Ana Ortiz", text="Go with a three-month pilot")
    assert len(services.notes.history(note.id)) == 1


def test_another_members_note_is_read_only_to_them(services, two) -> None:
    m, _ = two
    note = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Send the SLA", owner="Cara")
    with pytest.raises(UserError, match=r"^--member: note \d+ is Ana Ortiz's: only its author") as err:
        services.notes.update(note.id, member="Ben Cole", text="Hijacked")
    assert err.value.field == "--member"
    with pytest.raises(UserError, match="--member"):
        services.notes.delete(note.id, member="Ben Cole")
    with pytest.raises(NotFound, match="--member"):
        services.notes.update(note.id, member="Zed", text="x")
    (stored,) = services.notes.list(m.id)
    assert (stored.text, stored.owner) == ("Send the SLA", "Cara")
    assert services.notes.history(note.id) == []


def test_a_deleted_note_leaves_its_last_version_in_the_history(services, two) -> None:
    m, _ = two
    note = services.notes.add(m.id, member="Ben Cole", kind="concern", text="No 24/7 desk")
    services.notes.delete(note.id, member="Ben Cole")
    assert services.notes.list(m.id) == []
    (gone,) = services.notes.history(note.id)
    assert (gone.change, gone.text, gone.kind, gone.changed_by) == ("deleted", "No 24/7 desk", "concern", "Ben Cole")
    with pytest.raises(NotFound, match="NOTE"):
        services.notes.delete(note.id, member="Ben Cole")
    with pytest.raises(NotFound, match="NOTE"):
        services.notes.history(987654)


@pytest.mark.parametrize(
    "typed",
    ["2026-13-45", "2031-02-30", "20310520", "2031-5-6", "2031-W01-1", "31/05/2031", "tomorrow", "２０３１-05-20"],
)
def test_a_bad_due_date_is_refused_before_anything_is_stored(services, two, typed) -> None:
    m, _ = two
    with pytest.raises(UserError, match=r"^--due: .* is not a date: write it as YYYY-MM-DD"):
        services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Call back", due=typed)
    assert services.notes.list(m.id) == []
    note = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Call back", due="2031-05-31")
    with pytest.raises(UserError, match="--due"):
        services.notes.update(note.id, member="Ana Ortiz", text="Call back today", due=typed)
    (stored,) = services.notes.list(m.id)
    assert (stored.text, stored.due) == ("Call back", date(2031, 5, 31))
    assert services.notes.history(note.id) == []


def test_an_action_is_done_reopened_and_dropped_with_history(services, two) -> None:
    m, _ = two
    action = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Send the SLA", due="2031-05-10")
    assert action.state == "open"
    done = services.actions.set_state(action.id, "done", member="Ana Ortiz", now=NOW)
    assert (done.state, done.overdue) == ("done", False)
    assert services.notes.list(m.id)[0].state == "done"
    again = services.actions.set_state(action.id, "open", member="Ana Ortiz", now=NOW)
    assert (again.state, again.overdue) == ("open", True)
    services.actions.set_state(action.id, "dropped", member="Ana Ortiz", now=NOW)
    services.actions.set_state(action.id, "dropped", member="Ana Ortiz", now=NOW)  # already: nothing more kept
    history = services.notes.history(action.id)
    assert [(h.change, h.state) for h in history] == [("state", "open"), ("state", "done"), ("state", "open")]
    assert services.notes.list(m.id)[0].state == "dropped"


def test_state_changes_refused(services, two) -> None:
    m, _ = two
    plain = services.notes.add(m.id, member="Ana Ortiz", kind="note", text="Arrived late")
    action = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Send the SLA")
    with pytest.raises(UserError, match=r"^ACTION: note \d+ is a note, not an action"):
        services.actions.set_state(plain.id, "done", member="Ana Ortiz")
    with pytest.raises(NotFound, match=r"^ACTION: no action numbered '999999'"):
        services.actions.set_state(999999, "done", member="Ana Ortiz")
    with pytest.raises(UserError, match="--state"):
        services.actions.set_state(action.id, "finished", member="Ana Ortiz")
    with pytest.raises(NotFound, match="--member"):
        services.actions.set_state(action.id, "done", member="Zed")
    # Ben has not submitted: Ana's action is withheld from him, so he is told there is none.
    with pytest.raises(NotFound, match=r"^ACTION: no action numbered"):
        services.actions.set_state(action.id, "done", member="Ben Cole")
    assert services.notes.list(m.id)[1].state == "open"


def test_the_actions_list_overdue_first_filtered_and_withheld(services, two) -> None:
    m, _ = two
    late = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Late", owner="Cara", due="2031-05-15")
    later = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Later", owner="cara ", due="2031-07-01")
    undated = services.notes.add(m.id, member="Ben Cole", kind="action", text="Undated", owner="Dev")
    closed = services.notes.add(m.id, member="Ana Ortiz", kind="action", text="Closed", due="2031-05-01")
    services.notes.add(m.id, member="Ana Ortiz", kind="note", text="not an action")
    services.actions.set_state(closed.id, "done", member="Ana Ortiz")
    # Nothing is shown to everyone while scorecards are pending; each member sees their own.
    assert services.actions.list(now=NOW) == []
    assert [a.id for a in services.actions.list(member="Ana Ortiz", now=NOW)] == [late.id, later.id, closed.id]
    assert [a.id for a in services.actions.list(member="Ben Cole", now=NOW)] == [undated.id]
    _submit_all(services, m)
    every = services.actions.list(now=NOW)
    assert [a.id for a in every] == [late.id, later.id, undated.id, closed.id]
    assert [a.overdue for a in every] == [True, False, False, False]
    assert (every[0].candidate, every[0].meeting_id, every[0].member) == ("Acme IT", m.id, "Ana Ortiz")
    assert [a.id for a in services.actions.list(open_only=True, now=NOW)] == [late.id, later.id, undated.id]
    assert [a.id for a in services.actions.list(owner="CARA", now=NOW)] == [late.id, later.id]
    assert services.actions.list(owner="Nobody", now=NOW) == []
    with pytest.raises(UserError, match="--owner"):
        services.actions.list(owner="  ")
    with pytest.raises(NotFound, match="--as"):
        services.actions.list(member="Zed")


def test_open_actions_are_carried_to_the_next_meeting_and_its_minutes(services, two) -> None:
    first, second = two
    a = services.notes.add(first.id, member="Ana Ortiz", kind="action", text="Send the SLA", owner="Acme")
    b = services.notes.add(first.id, member="Ben Cole", kind="action", text="Check references")
    done = services.notes.add(first.id, member="Ana Ortiz", kind="action", text="Book the room")
    services.actions.set_state(done.id, "done", member="Ana Ortiz")
    services.notes.add(second.id, member="Ana Ortiz", kind="action", text="Of the second meeting itself")
    # Withheld while the first meeting's scorecards are pending: each member sees their own only.
    assert [x.id for x in services.actions.carried(second.id, member="Ana Ortiz")] == [a.id]
    assert services.minutes.minutes(second.id).open_actions == ()
    _submit_all(services, first)
    assert [x.id for x in services.actions.carried(second.id, member="Ben Cole")] == [a.id, b.id]
    assert services.actions.carried(first.id, member="Ana Ortiz") == []
    minutes = services.minutes.minutes(second.id)
    assert [(x.id, x.text, x.owner) for x in minutes.open_actions] == [
        (a.id, "Send the SLA", "Acme"),
        (b.id, "Check references", ""),
    ]
    assert [v.open_actions for v in services.minutes.all_for(candidate="Acme IT")][1] == minutes.open_actions
    # Another candidate's meeting carries nothing of Acme's.
    other = services.meetings.add(
        candidate="Blue Ltd", kind="introduction", start_local=datetime(2031, 5, 21, 9), timezone="UTC"
    )
    assert services.actions.carried(other.id, member="Ana Ortiz") == []
    with pytest.raises(NotFound, match="MEETING"):
        services.actions.carried(424242)


def test_the_minutes_files_show_carried_actions_and_closed_states(services, two) -> None:
    from workbench.exports.minutes import render_minutes

    first, second = two
    a = services.notes.add(first.id, member="Ana Ortiz", kind="action", text="Send *the* SLA", owner="Acme")
    b = services.notes.add(first.id, member="Ana Ortiz", kind="action", text="Book <the> room", due="2031-05-09")
    services.actions.set_state(b.id, "dropped", member="Ana Ortiz")
    _submit_all(services, first)
    md = render_minutes(services.minutes.minutes(second.id), "md")
    assert (
        "## Open actions from earlier meetings\n\n"
        f"- Send \\*the\\* SLA **Owner:** Acme; **due:** no date (action {a.id}, meeting {first.id}, Ana Ortiz)\n\n"
        "## Notes, decisions, actions, concerns and knowledge gaps\n"  # the second meeting's own: still pending
    ) in md
    html = render_minutes(services.minutes.minutes(second.id), "html")
    assert "<h2>Open actions from earlier meetings</h2>" in html and "Send *the* SLA" in html
    own = render_minutes(services.minutes.minutes(first.id), "md")
    assert "- Book &lt;the&gt; room **Owner:** unassigned; **due:** Fri 9 May 2031 **(dropped)**\n" in own
    assert "Open actions from earlier meetings" not in own
    assert '<td class="text">Book &lt;the&gt; room <strong>(dropped)</strong></td>' in render_minutes(
        services.minutes.minutes(first.id), "html"
    )
