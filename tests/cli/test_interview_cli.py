"""`workbench interview MEETING --as NAME`: the words are checked before any screen, then the app opens on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The sample selection (meeting 3: Northgate's planned meet-the-team session)."""
    path = str(tmp_path / "wb.sqlite3")
    assert main(["--db", path, "demo"]) == 0
    return path


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


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def test_a_known_meeting_and_member_open_the_interview(db: str, capsys, opened) -> None:  # type: ignore[no-untyped-def]
    assert _run(capsys, "--db", db, "interview", "3", "--as", "helen marsh") == (0, "")
    assert _run(capsys, "--db", db, "--as", "Tom Adeyemi", "interview", "#3") == (0, "")  # the global --as is kept
    assert opened == [{"member": "Helen Marsh", "start": ("interview", "3"), "meeting": 3},
                      {"member": "Tom Adeyemi", "start": ("interview", "3"), "meeting": 3}]


def test_without_as_the_remembered_member_is_used(db: str, capsys, opened) -> None:  # type: ignore[no-untyped-def]
    from workbench.prefs import Prefs, save_prefs

    code, err = _run(capsys, "--db", db, "interview", "3")
    assert code == 2 and "--as" in err and "who is scoring" in err and not opened
    save_prefs(Prefs(member="Priya Nair"))
    assert _run(capsys, "--db", db, "interview", "3") == (0, "")
    assert opened[-1]["member"] == "Priya Nair"
    save_prefs(Prefs(member="Someone Else"))
    code, err = _run(capsys, "--db", db, "interview", "3")
    assert code == 2 and "'Someone Else' (the member remembered from the last run) is not a panel member" in err


@pytest.mark.parametrize(("args", "message"), [
    (["interview", "99", "--as", "Helen Marsh"], "MEETING: no meeting numbered 99"),
    (["interview", "twelve", "--as", "Helen Marsh"], "MEETING: 'twelve' is not a meeting number"),
    (["interview", "3", "--as", "Nobody"], "--as: 'Nobody' is not a panel member of the selection of meeting 3"),
    (["interview", "3", "--as", "  "], "--as: who is scoring?"),
    (["interview"], "the following arguments are required: MEETING"),
])
def test_bad_words_exit_2_with_one_line_and_no_app(db: str, capsys, opened, args: list[str],  # type: ignore[no-untyped-def]
                                                   message: str) -> None:
    code, err = _run(capsys, "--db", db, *args)
    assert code == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not opened


def test_a_cancelled_meeting_has_no_interview(db: str, capsys, opened) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", db, "meetings", "cancel", "3"]) == 0
    capsys.readouterr()
    code, err = _run(capsys, "--db", db, "interview", "3", "--as", "Helen Marsh")
    assert code == 2 and "MEETING: meeting 3 (Northgate Managed IT, meet-the-team) is cancelled; it has no interview" in err
    assert not opened
