"""`workbench interview MEETING --as NAME`: the words are checked before any screen, then the app opens on it."""

from __future__ import annotations

from typing import Any

import pytest

# demo_db holds the sample selection: meeting 3 is Northgate's planned meet-the-team session.


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Records the terminal app's runs instead of starting it; each sees the services the check opened."""
    runs: list[dict[str, Any]] = []

    def run_app(target, *, as_member, open_services, start=None) -> int:  # type: ignore[no-untyped-def]
        services = open_services()
        runs.append({"member": as_member, "start": start, "meeting": services.meetings.get(start[1]).id})
        services.close()
        return 0

    monkeypatch.setattr("screens.app.run_app", run_app)
    return runs


def test_a_known_meeting_and_member_open_the_interview(demo_db: str, run, opened) -> None:  # type: ignore[no-untyped-def]
    assert run(demo_db, "interview", "3", "--as", "helen marsh") == (0, "", "")
    assert run(demo_db, "--as", "Tom Adeyemi", "interview", "#3") == (0, "", "")  # the global --as is kept
    assert opened == [
        {"member": "Helen Marsh", "start": ("interview", "3"), "meeting": 3},
        {"member": "Tom Adeyemi", "start": ("interview", "3"), "meeting": 3},
    ]


def test_without_as_the_remembered_member_is_used(demo_db: str, run, opened) -> None:  # type: ignore[no-untyped-def]
    from workbench.prefs import Prefs, save_prefs

    code, _, err = run(demo_db, "interview", "3")
    assert code == 2 and "--as" in err and "who is scoring" in err and not opened
    save_prefs(Prefs(member="Priya Nair"))
    assert run(demo_db, "interview", "3") == (0, "", "")
    assert opened[-1]["member"] == "Priya Nair"
    save_prefs(Prefs(member="Someone Else"))
    code, _, err = run(demo_db, "interview", "3")
    assert code == 2 and "'Someone Else' (the member remembered from the last run) is not a panel member" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["interview", "99", "--as", "Helen Marsh"], "MEETING: no meeting numbered 99"),
        (["interview", "twelve", "--as", "Helen Marsh"], "MEETING: 'twelve' is not a meeting number"),
        (["interview", "3", "--as", "Nobody"], "--as: 'Nobody' is not a panel member of the selection of meeting 3"),
        (["interview", "3", "--as", "  "], "--as: who is scoring?"),
        (["interview"], "the following arguments are required: MEETING"),
    ],
)
def test_bad_words_exit_2_with_one_line_and_no_app(
    demo_db: str,
    run,
    opened,
    args: list[str],  # type: ignore[no-untyped-def]
    message: str,
) -> None:
    code, _, err = run(demo_db, *args)
    assert code == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not opened


def test_a_cancelled_meeting_has_no_interview(demo_db: str, run, opened) -> None:  # type: ignore[no-untyped-def]
    assert run(demo_db, "meetings", "cancel", "3")[0] == 0
    code, _, err = run(demo_db, "interview", "3", "--as", "Helen Marsh")
    assert (
        code == 2
        and "MEETING: meeting 3 (Northgate Managed IT, meet-the-team) is cancelled; it has no interview" in err
    )
    assert not opened
