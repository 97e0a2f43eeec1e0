"""SVG snapshots of the workspace's forms and dialogs at 120x40 on the sample selection (fixtures in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, TextArea

SIZE = (120, 40)

BAD_CSV = """name,website,timezone,support_hours,onsite,status,notes
Kestrel Managed IT,https://kestrel.example,Europe/Dublin,08:00-18:00,yes,long-list,Dublin MSP
,https://nameless.example,Europe/London,,no,,
Harbour Cloud,ftp://harbour.example,Mars/Olympus,25:00-26:00,maybe,short,
Northgate Managed IT,,Europe/London,,,,
Osprey Systems,https://osprey.example,America/Toronto,09:00-17:00,no,shortlisted,Toronto; UK desk planned
"""


class TestImport:
    def test_preview_marks_the_bad_lines(
        self,
        snap_compare,
        sample_app,
        drive,
        tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Good lines show what they import; bad ones are red, and the line under the cursor has every reason below."""
        folder = tmp_path / "csv"
        folder.mkdir()
        (folder / "vendors.csv").write_text(BAD_CSV, encoding="utf-8")
        monkeypatch.chdir(folder)  # the folder tree shows the current folder

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await drive.keys(pilot, "f3", "i")
            pilot.app.screen.query_one("#import-path", Input).value = "vendors.csv"
            await drive.keys(pilot, "enter")
            pilot.app.screen.query_one("#import-preview", DataTable).move_cursor(row=2)  # line 4: five problems
            await drive.settle(pilot)

        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)


class TestDialogs:
    def test_new_selection_refuses_an_unknown_zone(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """n on the home screen: a name and our zone; a zone that is not an IANA name is refused under the field."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await drive.keys(pilot, "n")
            dialog = pilot.app.screen
            dialog.query_one("#new-name", Input).value = "Outsource the help desk"
            dialog.query_one("#new-zone", Input).value = "Europe/Londn"
            await drive.keys(pilot, "enter")

        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)

    def test_member_picker(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """m on the home screen: who this terminal speaks for, the current member highlighted."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("m"))

    def test_add_recommendation_refuses_a_bad_rating(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """a on the Recommendations tab: the record form; the services' refusal shows beside its field."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await drive.keys(pilot, "f3")
            drive.pick(pilot, "Tanager Digital Services")
            await drive.keys(pilot, "enter", "ctrl+pagedown", "a")
            form = pilot.app.screen
            values = {
                "recommender": "Marta Quinn",
                "company": "Quinn & Doyle Architects",
                "relationship": "client for 2 years",
                "rating": "7",
                "given_on": "2026-12-01",
            }
            for name, value in values.items():
                form.query_one(f"#field-{name}", Input).value = value
            form.query_one("#field-sentiment", Select).value = "positive"
            form.query_one("#field-experience", TextArea).load_text("Quick answers, but two missed deadlines.")
            await drive.keys(pilot, "ctrl+s")

        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)


async def _new_meeting(pilot: Any, drive: Any, candidate: str, when: str) -> None:
    """F4, n, then a candidate and a typed time, previewed at once (no waiting for the typing to pause)."""
    await drive.keys(pilot, "f4", "n")
    form = pilot.app.screen
    form.query_one("#candidate", Select).value = candidate
    form.query_one("#when", Input).focus()
    await pilot.pause()
    form.query_one("#when", Input).value = when
    form.request_preview()
    await drive.settle(pilot)


class TestNewMeeting:
    def test_a_typed_time_resolved_in_both_zones(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The preview reads the typed time in the chosen zone and shows it in ours, theirs and UTC."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _new_meeting(pilot, drive, "Vistula Cloud Services", "22 Mar 2027 10am")

        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)

    def test_a_time_in_the_clock_change_gap_is_refused(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """01:30 on the night the clocks go forward in London does not exist: said so before anything is stored."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _new_meeting(pilot, drive, "Northgate Managed IT", "28 Mar 2027 01:30")

        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=run_before)
