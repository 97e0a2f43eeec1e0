"""The panel (SQLite and PostgreSQL): e-mail addresses, renaming, retiring, restoring, removing; empty scorecards."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.exports.minutes import render_minutes
from workbench.services.errors import Conflict, UserError

RETIRED_AT = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture
def panel(services):  # type: ignore[no-untyped-def]
    """A selection with three members (Ana, Ben, Cy) and one candidate."""
    services.selections.create("S")
    for name in ("Ana Ortiz", "Ben Cole", "Cy Park"):
        services.members.add(name)
    services.candidates.add("Acme IT")
    return services


def add_meeting(services, year: int, members: list[str] | None = None):  # type: ignore[no-untyped-def]
    return services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(year, 5, 6, 9),
        timezone="Europe/London",
        members=members or [],
    )


def expected(services, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return services.scoring.expected_members(meeting_id)


def test_add_and_edit_an_email_address_read_back(panel) -> None:  # type: ignore[no-untyped-def]
    panel.members.add("Dee Roy", role="CIO", email="dee.roy+wb@example.co.uk")
    dee = panel.members.get("dee roy")
    assert (dee.email, dee.role, dee.retired) == ("dee.roy+wb@example.co.uk", "CIO", False)
    panel.members.edit("Dee Roy", email="  dee@example.org ")
    assert panel.members.get("Dee Roy").email == "dee@example.org"
    panel.members.edit("Dee Roy", role="CTO")  # the address is kept when not given
    assert (panel.members.get("Dee Roy").email, panel.members.get("Dee Roy").role) == ("dee@example.org", "CTO")
    panel.members.edit("Dee Roy", email="")
    assert panel.members.get("Dee Roy").email == ""


@pytest.mark.parametrize(
    "address",
    [
        "dee",
        "dee@",
        "@example.com",
        "dee@example",
        "dee@@example.com",
        "dee@exa mple.com",
        "Dee <dee@example.com>",
        "dee@example.com, ben@example.com",
        "dee@example.com;ben@example.com",
        "dee..roy@example.com",
        ".dee@example.com",
        "dee@-example.com",
        "dee@example..com",
        "dee@example.com.",
        "dee@[192.0.2.1]",
        "dee@192.0.2.1",
        '"dee"@example.com',
        "dee@example.com\u202e",
        "d" * 65 + "@example.com",
        "dee@" + "a" * 64 + ".com",
    ],
)
def test_an_address_that_is_not_one_mailbox_is_refused_naming_the_field(panel, address: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError) as refused:
        panel.members.add("Dee Roy", email=address)
    assert refused.value.field == "email"
    with pytest.raises(UserError) as refused:
        panel.members.edit("Ana Ortiz", email=address)
    assert refused.value.field == "email"
    assert [m.name for m in panel.members.list(include_retired=True)] == ["Ana Ortiz", "Ben Cole", "Cy Park"]
    assert panel.members.get("Ana Ortiz").email == ""


def test_international_addresses_are_accepted(panel) -> None:  # type: ignore[no-untyped-def]
    panel.members.add("Zoë", email="zoë@bücher.example")
    assert panel.members.get("Zoë").email == "zoë@bücher.example"


def test_rename_keeps_history_and_follows_the_name_rule(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 2031, ["Ana Ortiz", "Ben Cole"])
    panel.scoring.score(m.id, m.agenda[0].question_id, 4, member="Ana Ortiz")
    with pytest.raises(Conflict) as taken:
        panel.members.rename("Ana Ortiz", "BEN  COLE")
    assert taken.value.field == "name" and "'Ben Cole'" in str(taken.value)
    with pytest.raises(UserError) as bad:
        panel.members.rename("Ana Ortiz", "Ana\u202e")
    assert bad.value.field == "name"
    with pytest.raises(UserError):
        panel.members.rename("Ana Ortiz", "   ")
    view = panel.members.rename("ana ortiz", "Ana Ortiz-Lee")
    assert view.name == "Ana Ortiz-Lee"
    assert panel.meetings.get(m.id).members == ("Ana Ortiz-Lee", "Ben Cole")
    assert [s.member for s in panel.scoring.scorecard(m.id, member="Ana Ortiz-Lee").scores] == ["Ana Ortiz-Lee"]
    with pytest.raises(UserError):
        panel.members.get("Ana Ortiz")
    panel.members.rename("Ana Ortiz-Lee", "ANA ORTIZ-LEE")  # the same name in another case is hers to take
    assert panel.members.get("Ana Ortiz-Lee").name == "ANA ORTIZ-LEE"


def test_a_retired_member_stays_expected_where_they_were_and_is_gone_from_new_meetings(panel) -> None:  # type: ignore[no-untyped-def]
    past_unlisted = add_meeting(panel, 2029)
    past_listed = add_meeting(panel, 2029, ["Cy Park", "Ana Ortiz"])
    panel.scoring.score(past_unlisted.id, past_unlisted.agenda[0].question_id, 3, member="Cy Park")
    panel.members.retire("Cy Park", now=RETIRED_AT)
    later_unlisted = add_meeting(panel, 2031)

    assert expected(panel, past_unlisted.id) == ["Ana Ortiz", "Ben Cole", "Cy Park"]
    assert expected(panel, past_listed.id) == ["Ana Ortiz", "Cy Park"]
    assert expected(panel, later_unlisted.id) == ["Ana Ortiz", "Ben Cole"]
    # Cy may still finish the past meeting, but may not score the new one.
    panel.scoring.submit(past_unlisted.id, member="Cy Park")
    with pytest.raises(UserError) as refused:
        panel.scoring.score(later_unlisted.id, later_unlisted.agenda[0].question_id, 3, member="Cy Park")
    assert refused.value.field == "--member"
    # Gone from the panel as the pickers list it, kept in the full list and in history.
    assert [m.name for m in panel.members.list()] == ["Ana Ortiz", "Ben Cole"]
    assert [(m.name, m.retired) for m in panel.members.list(include_retired=True)][2] == ("Cy Park", True)
    assert panel.meetings.get(past_listed.id).members == ("Ana Ortiz", "Cy Park")
    # A new meeting does not take them.
    with pytest.raises(UserError) as refused:
        add_meeting(panel, 2032, ["Cy Park"])
    assert refused.value.field == "--member" and "retired" in str(refused.value)
    with pytest.raises(UserError):
        panel.scheduling.schedule(
            candidate="Acme IT", kind="introduction", at="2032-06-01 10:00", tz="UTC", members=["cy park"]
        )
    (progress,) = panel.overview.progress()
    assert progress.members == 2
    with pytest.raises(Conflict):
        panel.members.retire("Cy Park")
    panel.members.restore("cy park")
    assert expected(panel, later_unlisted.id) == ["Ana Ortiz", "Ben Cole", "Cy Park"]
    assert panel.overview.progress()[0].members == 3
    with pytest.raises(Conflict):
        panel.members.restore("Cy Park")


def test_remove_only_a_member_nothing_refers_to(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 2031, ["Ana Ortiz"])
    panel.notes.add(m.id, member="Ana Ortiz", kind="note", text="hello")
    with pytest.raises(Conflict) as refused:
        panel.members.remove("Ana Ortiz")
    assert "notes, meetings" in str(refused.value) and "retire" in str(refused.value)
    assert panel.members.get("Ana Ortiz").name == "Ana Ortiz"
    removed = panel.members.remove("ben cole")
    assert removed.name == "Ben Cole"
    assert [m.name for m in panel.members.list(include_retired=True)] == ["Ana Ortiz", "Cy Park"]
    panel.members.add("Ben Cole")  # the name is free again


def test_an_empty_scorecard_is_submitted_only_when_said_and_the_minutes_say_so(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 2031, ["Ana Ortiz", "Ben Cole"])
    panel.scoring.score(m.id, m.agenda[0].question_id, None, member="Ana Ortiz")  # N/A is a score
    panel.scoring.submit(m.id, member="Ana Ortiz")
    with pytest.raises(UserError) as refused:
        panel.scoring.submit(m.id, member="Ben Cole")
    assert refused.value.field == "--empty"
    assert str(refused.value) == (
        "--empty: Ben Cole has scored no question of meeting 1: the scorecard would be submitted empty; "
        "give --empty to submit it so"
    ).replace("meeting 1", f"meeting {m.id}")
    assert panel.scoring.scorecard(m.id, member="Ben Cole").submitted_at is None
    with pytest.raises(UserError):
        panel.interview.submit(m.id, member="Ben Cole")
    view = panel.interview.submit(m.id, member="Ben Cole", empty=True)
    assert view.submitted
    minutes = panel.minutes.minutes(m.id)
    assert minutes.submitted_empty == ("Ben Cole",)
    assert "**Submitted empty:** Ben Cole submitted the scorecard with no question scored." in render_minutes(minutes)
    assert "<strong>Submitted empty:</strong> Ben Cole submitted" in render_minutes(minutes, "html")


def test_the_minutes_say_nothing_of_an_empty_scorecard_while_scores_are_pending(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 2031, ["Ana Ortiz", "Ben Cole"])
    panel.scoring.submit(m.id, member="Ana Ortiz", empty=True)
    pending = panel.minutes.minutes(m.id)
    assert pending.scores_pending and pending.submitted_empty == ()
    assert "Submitted empty" not in render_minutes(pending)
