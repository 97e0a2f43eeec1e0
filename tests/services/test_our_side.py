"""Our side (issue 12): the selection's zone, hours and working days, vendors' working days and night desks.

Every test runs on SQLite and PostgreSQL (the ``services`` fixture).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from workbench.services.errors import Conflict, UserError

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    services.selections.create("S", timezone="America/New_York")
    services.members.add("Ann")
    services.candidates.add("Desk", timezone="Europe/London", support_hours="17:00-09:00")
    services.candidates.add("Weekend", timezone="America/New_York", support_hours="09:00-17:00", working_days="sat,sun")
    return services


def _texts(svc) -> list[str]:  # type: ignore[no-untyped-def]
    out = [q.text for q in svc.selections.questions()] + [q.guidance for q in svc.selections.questions()]
    for c in svc.selections.criteria():
        out += [c.description, *c.anchors]
    return out


def test_the_selection_starts_with_its_own_zone_and_default_hours(svc) -> None:  # type: ignore[no-untyped-def]
    sel = svc.selections.get()
    assert (sel.timezone, sel.business_hours, sel.business_days) == ("America/New_York", "09:00-17:00", (0, 1, 2, 3, 4))
    cands = {c.name: c for c in svc.candidates.list()}
    assert cands["Desk"].support_hours == "17:00-09:00" and cands["Desk"].working_days == (0, 1, 2, 3, 4)
    assert cands["Weekend"].working_days == (5, 6)


def test_edit_changes_each_setting_and_reads_back(svc) -> None:  # type: ignore[no-untyped-def]
    view = svc.selection_settings.edit("S", name="S two", timezone="Asia/Dubai", hours="08:00-16:00", days="sun-thu")
    assert (view.name, view.timezone, view.business_hours, view.business_days) == (
        "S two",
        "Asia/Dubai",
        "08:00-16:00",
        (0, 1, 2, 3, 6),
    )
    again = svc.selections.get("S two")
    assert (again.timezone, again.business_hours, again.business_days) == ("Asia/Dubai", "08:00-16:00", (0, 1, 2, 3, 6))
    svc.selection_settings.edit("S two", hours="22:00-06:00")  # our own night shift
    assert svc.selections.get().business_hours == "22:00-06:00"
    assert svc.selections.get().timezone == "Asia/Dubai"  # the other fields stay


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"hours": "9-5"}, "hours"),
        ({"hours": "09:00-09:00"}, "hours"),
        ({"hours": ""}, "hours"),
        ({"days": "mon-funday"}, "days"),
        ({"days": ""}, "days"),
        ({"days": (7,)}, "days"),
    ],
)
def test_edit_refuses_a_bad_field_and_changes_nothing(svc, fields: dict, field: str) -> None:  # type: ignore[no-untyped-def]
    before = svc.selections.get()
    valid = {"days": "mon"} if "days" not in fields else {"hours": "07:00-15:00"}  # a good field beside the bad one
    with pytest.raises(UserError) as err:
        svc.selection_settings.edit("S", **valid, **fields)
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")
    assert svc.selections.get() == before


def test_edit_refuses_a_taken_name_and_nothing_to_change(svc) -> None:  # type: ignore[no-untyped-def]
    svc.selections.create("Other", template=None)
    with pytest.raises(Conflict, match="exists already"):
        svc.selection_settings.edit("S", name="OTHER")
    svc.selection_settings.edit("S", name="s")  # its own name in another case is fine
    assert svc.selections.get("s").name == "s"
    with pytest.raises(UserError, match="nothing to change"):
        svc.selection_settings.edit("s")


def test_a_saturday_meeting_is_out_of_our_hours_until_saturday_is_a_working_day(svc) -> None:  # type: ignore[no-untyped-def]
    saturday = datetime(2027, 3, 6, 15, 0, tzinfo=UTC)  # Saturday 10:00 in New York
    warnings = svc.schedule_views.check(candidate="Weekend", start_utc=saturday, duration=60)
    assert warnings == ("outside our business hours (09:00-17:00 Mon-Fri America/New_York; starts Sat 10:00 here)",)
    svc.selection_settings.edit("S", days="mon-sat")
    assert svc.schedule_views.check(candidate="Weekend", start_utc=saturday, duration=60) == ()
    monday = datetime(2027, 3, 8, 15, 0, tzinfo=UTC)
    assert svc.schedule_views.check(candidate="Weekend", start_utc=monday, duration=60) == (
        "outside Weekend's support hours (09:00-17:00 Sat, Sun America/New_York; starts Mon 10:00 there)",
    )


def test_a_night_desk_across_midnight_and_the_clock_change(svc) -> None:  # type: ignore[no-untyped-def]
    svc.selection_settings.edit("S", hours="00:00-24:00", days="mon-sun")  # only the vendor's hours matter here
    # Tuesday 02:00 London (GMT): inside Monday's shift
    assert svc.schedule_views.check(candidate="Desk", start_utc=datetime(2027, 3, 2, 2, 0, tzinfo=UTC)) == ()
    # Tuesday 12:00 London: daytime, outside
    (warning,) = svc.schedule_views.check(candidate="Desk", start_utc=datetime(2027, 3, 2, 12, 0, tzinfo=UTC))
    assert warning == "outside Desk's support hours (17:00-09:00 Mon-Fri Europe/London; starts Tue 12:00 there)"
    # Monday 29 March 2027 (after the change, BST): the Monday night shift ends Tuesday 09:00 BST = 08:00 UTC
    assert svc.schedule_views.check(candidate="Desk", start_utc=datetime(2027, 3, 30, 7, 0, tzinfo=UTC)) == ()
    assert svc.schedule_views.check(candidate="Desk", start_utc=datetime(2027, 3, 30, 7, 30, tzinfo=UTC)) != ()
    # a stored meeting shows the same warnings on the schedule
    r = svc.scheduling.schedule(
        candidate="Desk", kind="introduction", at="2027-03-16 12:00", tz="Europe/London", now=NOW
    )
    assert any("Desk's support hours" in w for w in r.meetings[0].warnings)
    rows = svc.schedule_views.agenda()
    assert [w for w in rows[0].warnings if "support hours" in w] == [
        "outside Desk's support hours (17:00-09:00 Mon-Fri Europe/London; starts Tue 12:00 there)"
    ]


def test_fit_uses_our_days_and_the_vendors(svc) -> None:  # type: ignore[no-untyped-def]
    start = date(2027, 1, 4)
    fit = {f.candidate: f for f in svc.scheduling.fit(start=start)}
    assert fit["Weekend"].max_weekly_hours == 0.0  # we work Mon-Fri, they work Sat-Sun
    # London 17:00-09:00 is New York 12:00-04:00 in winter: 12:00-17:00 of our day, 5 h, Mon-Fri
    assert fit["Desk"].typical_weekly_hours == pytest.approx(25.0)
    svc.selection_settings.edit("S", days="mon-sun")
    fit = {f.candidate: f for f in svc.scheduling.fit(start=start)}
    assert fit["Weekend"].typical_weekly_hours == pytest.approx(16.0)
    # the Friday night shift still runs into our Saturday morning (London 00:00-09:00 = NY 19:00-04:00 Fri)
    assert fit["Desk"].typical_weekly_hours == pytest.approx(25.0)
    comparison = {c.name: c for c in svc.comparison.compare(today=start).candidates}
    assert comparison["Weekend"].fit_typical_weekly_hours == pytest.approx(16.0)
    assert comparison["Desk"].fit_typical_weekly_hours == pytest.approx(25.0)


def test_the_kit_speaks_of_our_zone_and_follows_it(services) -> None:  # type: ignore[no-untyped-def]
    services.selections.create("NY", timezone="America/New_York")
    texts = _texts(services)
    assert not any("London" in t or "UK bank" in t or "{our_" in t for t in texts)
    assert "During which hours, in New York time, does a person answer your help desk phone?" in texts
    assert any("cover public holidays in New York" in t for t in texts)
    assert any("(09:00-17:00 New York)" in t for t in texts)
    criterion = services.selections.criteria()[0].name
    own = services.selections.add_question(criterion, "Is New York time fine for your night shift?")
    services.selection_settings.edit("NY", timezone="Europe/London", hours="08:30-17:30")
    texts = _texts(services)
    assert "During which hours, in London time, does a person answer your help desk phone?" in texts
    assert any("cover UK bank holidays" in t for t in texts)
    assert any("(08:30-17:30 London)" in t for t in texts)
    assert [t for t in texts if "New York" in t] == [own.text]  # a question a person wrote stays as written


def test_our_hours_at_their_edges_after_an_edit(svc) -> None:  # type: ignore[no-untyped-def]
    svc.selection_settings.edit("S", hours="22:00-06:00", days="sun-thu")  # our own night shift, New York
    check = svc.schedule_views.check
    # Thursday 22:00 EDT (02:00 UTC Friday) to Friday 06:00: Thursday's shift, inside to the minute
    thursday_night = datetime(2027, 6, 11, 2, 0, tzinfo=UTC)
    assert not any(
        "our business hours" in w for w in check(candidate="Weekend", start_utc=thursday_night, duration=480)
    )
    (ours,) = [w for w in check(candidate="Weekend", start_utc=thursday_night, duration=481) if "our business" in w]
    assert ours == "outside our business hours (22:00-06:00 Sun-Thu America/New_York; starts Thu 22:00 here)"
    # Friday 22:00: Friday is not a working day
    friday_night = datetime(2027, 6, 12, 2, 0, tzinfo=UTC)
    assert any("our business hours" in w for w in check(candidate="Weekend", start_utc=friday_night, duration=60))
    # Sunday 7 November 2027 01:30 happens twice in New York; Saturday is not ours, Sunday's shift starts 22:00
    assert any(
        "our business hours" in w
        for w in check(candidate="Weekend", start_utc=datetime(2027, 11, 7, 5, 30, tzinfo=UTC), duration=30)
    )
    # Sunday 22:00 EST -> Monday 06:00 EST (03:00-11:00 UTC) is inside after the autumn change
    assert not any(
        "our business hours" in w
        for w in check(candidate="Weekend", start_utc=datetime(2027, 11, 8, 3, 0, tzinfo=UTC), duration=480)
    )
