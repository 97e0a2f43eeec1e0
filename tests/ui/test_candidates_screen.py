"""The candidates screen, driven by keys; what it stores is read back through the services."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select, Switch

from screens.candidates.candidate import CandidateScreen
from screens.candidates.candidates import CandidatesScreen
from screens.candidates.import_csv import ImportScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form import FormDialog
from screens.widgets.row_list import RowList
from tests.harness import Notices

SAMPLE = "Outsource IT support (sample)"


def _names(table: RowList) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _status(stored: Any, name: str) -> str:
    return stored.candidates.get(name, selection=SAMPLE).status


async def _open(app: Any, pilot: Any, settle: Any) -> CandidatesScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CandidatesScreen)
    return screen


def _cursor_to(table: RowList, stored: Any, name: str) -> None:
    cid = stored.candidates.get(name, selection=SAMPLE).id
    table.move_cursor(row=table.get_row_index(str(cid)))


async def test_the_list_filters_as_you_type_and_by_status(sample_app: Any, settle: Any, stored: Any) -> None:
    everyone = sorted((c.name for c in stored.candidates.list(selection=SAMPLE)), key=str.casefold)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        assert _names(table) == everyone
        first = everyone[0]
        await pilot.press("slash")
        assert screen.focused is screen.query_one("#candidates-filter", Input)
        for ch in first[:4].lower():
            await pilot.press(ch if ch != " " else "space")
        expected = [n for n in everyone if first[:4].casefold() in n.casefold()]
        assert _names(table) == expected and first in expected
        await pilot.press("z", "z", "q")
        assert _names(table) == []
        for _ in range(3):
            await pilot.press("backspace")
        assert _names(table) == expected
        screen.query_one("#candidates-filter", Input).value = ""
        await pilot.press("escape")  # back to the table
        assert screen.focused is table
        statuses = {c.name: c.status for c in stored.candidates.list(selection=SAMPLE)}
        await pilot.press("f")  # the first status of the cycle: long-list
        assert screen.query_one("#candidates-status", Select).value == "long-list"
        assert _names(table) == [n for n in everyone if statuses[n] == "long-list"]
        for _ in range(6):  # round the cycle back to all
            await pilot.press("f")
        assert _names(table) == everyone


async def test_keys_typed_before_the_list_arrives_stay_in_the_filter(
    sample_app: Any, settle: Any, monkeypatch: Any
) -> None:
    """A slow database: "/" and a name typed before the rows come are not taken from the filter (i would import)."""
    import threading

    from workbench.services.candidates import CandidateService

    arrived = threading.Event()
    real = CandidateService.list

    def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
        arrived.wait(10)
        return real(self, *args, **kwargs)

    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(CandidateService, "list", slow)
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CandidatesScreen) and screen.focused is screen.query_one("#candidates-table", RowList)
        await pilot.press("slash", "v", "i", "s")
        arrived.set()
        await settle(app, pilot)
        assert app.screen is screen and screen.focused is screen.filter_input
        assert screen.filter_input.value == "vis"
        assert _names(screen.query_one("#candidates-table", RowList)) == ["Vistula Cloud Services"]


async def test_brackets_move_the_status_along_the_pipeline(sample_app: Any, settle: Any, stored: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        name = _names(table)[0]
        stored.candidates.set_status(name, "long-list", selection=SAMPLE)
        await pilot.press("r")
        await settle(app, pilot)
        _cursor_to(table, stored, name)

        def no_full_redraw(*args: Any, **kwargs: Any) -> None:
            raise AssertionError("a status change must not redraw the whole table")

        table.set_rows = no_full_redraw  # type: ignore[method-assign]
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert _status(stored, name) == "shortlisted"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        assert _status(stored, name) == "finalist"
        assert str(table.get_row(str(stored.candidates.get(name, selection=SAMPLE).id))[1]) == "finalist"
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert _status(stored, name) == "interviewing"
        await pilot.press("x")
        await settle(app, pilot)
        assert _status(stored, name) == "declined"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _status(stored, name) == "interviewing"


async def test_a_candidate_is_created_deleted_and_restored_by_ctrl_z(sample_app: Any, settle: Any, stored: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        before = table.row_count
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-name", Input).value = "Kestrel Managed IT"
        dialog.query_one("#field-website", Input).value = "https://kestrel.example"
        dialog.query_one("#field-timezone", Input).value = "Mars/Olympus"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog  # refused: the zone is not an IANA name
        assert "IANA" in str(dialog.query_one("#error-timezone").render())
        assert "Kestrel Managed IT" not in {c.name for c in stored.candidates.list(selection=SAMPLE)}
        dialog.query_one("#field-timezone", Input).value = "Europe/Dublin"
        dialog.query_one("#field-onsite", Switch).value = True
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        kestrel = stored.candidates.get("Kestrel Managed IT", selection=SAMPLE)
        assert (kestrel.timezone, kestrel.onsite, kestrel.website) == ("Europe/Dublin", True, "https://kestrel.example")
        assert table.row_count == before + 1
        stored.candidates.add_recommendation(
            kestrel.id, recommender="Ann Lee", sentiment="positive", rating=4, selection=SAMPLE
        )
        stored.candidates.set_check(
            kestrel.id, "references-called", status="ok", evidence="Two calls", selection=SAMPLE
        )
        _cursor_to(table, stored, "Kestrel Managed IT")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert "Kestrel Managed IT" not in {c.name for c in stored.candidates.list(selection=SAMPLE)}
        assert "Kestrel Managed IT" not in _names(table)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        back = stored.candidates.get("Kestrel Managed IT", selection=SAMPLE)
        assert (back.timezone, back.onsite, back.website) == ("Europe/Dublin", True, "https://kestrel.example")
        assert [r.recommender for r in stored.candidates.recommendations(back.id, selection=SAMPLE)] == ["Ann Lee"]
        check = next(c for c in stored.candidates.checks(back.id, selection=SAMPLE) if c.item == "references-called")
        assert (check.status, check.evidence) == ("ok", "Two calls")
        assert "Kestrel Managed IT" in _names(table)


async def test_delete_asks_first_and_no_keeps_the_candidate(sample_app: Any, settle: Any, stored: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        name = _names(table)[0]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is screen
        assert name in {c.name for c in stored.candidates.list(selection=SAMPLE)}


async def test_enter_opens_the_candidate_and_i_opens_the_import(sample_app: Any, settle: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        name = _names(table)[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CandidateScreen) and app.screen.candidate_name == name
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen


async def test_a_long_list_filters_by_typing(tmp_path: Any, sample_app: Any, settle: Any, stored: Any) -> None:
    lines = ["name,timezone"] + [
        f"Vendor {n:04d},{'Europe/Oslo' if n % 7 == 0 else 'Europe/Paris'}" for n in range(600)
    ]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stored.candidates.import_csv(path, selection=SAMPLE)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        assert table.row_count == 604
        await pilot.press("slash", "o", "s", "l")  # "osl": the Oslo ones (many rows go at once)
        oslo = sorted(f"Vendor {n:04d}" for n in range(600) if n % 7 == 0)
        assert _names(table) == oslo
        await pilot.press("backspace", "backspace", "backspace", "v", "e", "n", "d", "o", "r", "space", "0", "0", "0")
        assert _names(table) == [f"Vendor {n:04d}" for n in range(10)]


async def test_ctrl_z_brings_back_a_deleted_candidate_with_its_meetings(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    name = "Northgate Managed IT"
    meetings = stored.meetings.list(selection=SAMPLE, candidate=name)
    scores = stored.scoring.scores(selection=SAMPLE)
    comparison = stored.comparison.compare(selection=SAMPLE)
    assert meetings and any(s.meeting_id in {m.id for m in meetings} for s in scores)
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        _cursor_to(table, stored, name)
        await pilot.press("delete")
        await pilot.pause()
        assert "ctrl+z brings it all back" in str(app.screen.query_one("#confirm-detail").render())
        await pilot.press("y")
        await settle(app, pilot)
        assert name not in _names(table)
        assert all(m.candidate != name for m in stored.meetings.list(selection=SAMPLE))

        stored.candidates.add(name.upper(), selection=SAMPLE)  # someone took the name meanwhile
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        refusals = [n.message for n in notices if n.title == "Not saved"]
        assert refusals and "cannot bring back" in refusals[-1]
        stored.candidates.delete(name.upper(), selection=SAMPLE)

        await pilot.press("ctrl+z")  # the undo stayed: it works once the name is free again
        await settle(app, pilot)
        assert stored.meetings.list(selection=SAMPLE, candidate=name) == meetings
        assert stored.scoring.scores(selection=SAMPLE) == scores
        assert stored.comparison.compare(selection=SAMPLE) == comparison
        assert name in _names(table)
        assert screen.current() is not None and screen.current().name == name  # the cursor is on it again


async def test_a_list_read_before_a_deletion_does_not_bring_the_candidate_back(
    sample_app: Any, settle: Any, stored: Any, monkeypatch: Any
) -> None:
    """Closing the confirmation reloads the list; a read that began before the deletion landed is read again."""
    import time

    from workbench.services.candidates import CandidateService

    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#candidates-table", RowList)
        name = _names(table)[1]
        real = CandidateService.list
        late: list[bool] = []

        def read_then_wait(self: Any, *args: Any, **kwargs: Any) -> Any:
            found = real(self, *args, **kwargs)
            if not late:  # the first read after the dialog closes is delivered after the deletion
                late.append(True)
                time.sleep(0.5)
            return found

        monkeypatch.setattr(CandidateService, "list", read_then_wait)
        _cursor_to(table, stored, name)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert late, "the list was not read again after the dialog closed"
        assert name not in {c.name for c in stored.candidates.list(selection=SAMPLE)}
        assert name not in _names(table)
