"""The selection's settings dialog on the home screen (issue 12, our side): keys, errors beside the field,
values read back through the services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from screens.dialogs.form import FormDialog
from tests.harness import build_app, settle_app
from workbench.config import resolve_database
from workbench.services import open_services


def _app(path: Path, **kwargs: Any):  # type: ignore[no-untyped-def]
    return build_app(path, selection=None, member=None, remember=True, **kwargs)


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    from screens.home.home import HomeScreen

    for _ in range(500):
        if any(isinstance(s, HomeScreen) and s.is_mounted for s in app.screen_stack):
            break
        await pilot.pause(0.01)
    await settle_app(pilot)


async def _open_dialog(app, pilot) -> FormDialog:  # type: ignore[no-untyped-def]
    await _settle(app, pilot)
    await pilot.press("e")
    for _ in range(300):
        if isinstance(app.screen, FormDialog):
            break
        await pilot.pause(0.01)
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    return dialog


def _set(dialog: FormDialog, field: str, value: str) -> None:
    dialog.query_one(f"#field-{field}", Input).value = value


def _stored(path: Path):  # type: ignore[no-untyped-def]
    svc = open_services(resolve_database(str(path)))
    try:
        return svc.selections.list()
    finally:
        svc.close()


async def test_e_edits_zone_hours_and_days(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    svc = open_services(resolve_database(str(path)))
    svc.selections.create("Help desk", template=None, timezone="Europe/London")
    svc.close()
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open_dialog(app, pilot)
        assert dialog.values() == {
            "name": "Help desk",
            "timezone": "Europe/London",
            "hours": "09:00-17:00",
            "days": "mon-fri",
        }
        _set(dialog, "timezone", "America/New_York")
        _set(dialog, "hours", "17:00-09:00")
        _set(dialog, "days", "sun-thu")
        await pilot.press("ctrl+s")
        for _ in range(300):
            if not isinstance(app.screen, FormDialog):
                break
            await pilot.pause(0.01)
        assert not isinstance(app.screen, FormDialog)
        await settle_app(pilot)
    (sel,) = _stored(path)
    assert (sel.name, sel.timezone, sel.business_hours, sel.business_days) == (
        "Help desk",
        "America/New_York",
        "17:00-09:00",
        (0, 1, 2, 3, 6),
    )


async def test_a_bad_field_is_named_beside_it_and_nothing_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    svc = open_services(resolve_database(str(path)))
    svc.selections.create("Help desk", template=None, timezone="Europe/London")
    svc.selections.create("Backups", template=None, timezone="Europe/London")
    svc.close()
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open_dialog(app, pilot)  # the cursor is on the first row: Backups
        assert dialog.values()["name"] == "Backups"
        for field, value, words in (
            ("days", "weekdays", "'weekdays': 'weekdays' is not a week day"),
            ("hours", "9 to 5", "'9 to 5' is not hours as HH:MM-HH:MM"),
            ("timezone", "Mars/Olympus", "'Mars/Olympus' is not an IANA time zone name"),
            ("name", "help DESK", "a selection named 'Help desk' exists already"),
        ):
            _set(dialog, field, value)
            await pilot.press("ctrl+s")
            await settle_app(pilot)
            assert isinstance(app.screen, FormDialog)
            error = dialog.query_one(f"#error-{field}", Static)
            assert error.display is True and str(error.render()).startswith(words)
            assert dialog.focused is dialog.query_one(f"#field-{field}", Input)
            _set(
                dialog,
                field,
                {"days": "mon-fri", "hours": "09:00-17:00", "timezone": "Europe/London"}.get(field, "Backups"),
            )
        await pilot.press("escape")
        await settle_app(pilot)
    stored = {s.name: s for s in _stored(path)}
    assert set(stored) == {"Backups", "Help desk"}
    assert (stored["Backups"].timezone, stored["Backups"].business_hours) == ("Europe/London", "09:00-17:00")


async def test_the_new_candidate_form_takes_working_days(sample_app: Any, settle: Any, stored: Any) -> None:
    from screens.candidates.candidates import CandidatesScreen

    sample = "Outsource IT support (sample)"
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, CandidatesScreen)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.values()["working_days"] == "mon-fri"
        _set(dialog, "name", "Night Desk Ltd")
        _set(dialog, "timezone", "Asia/Kolkata")
        _set(dialog, "support_hours", "17:00-09:00")
        _set(dialog, "working_days", "mon-funday")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "'funday' is not a week day" in str(dialog.query_one("#error-working_days", Static).render())
        _set(dialog, "working_days", "sun-thu")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormDialog)
    desk = stored.candidates.get("Night Desk Ltd", selection=sample)
    assert (desk.support_hours, desk.working_days) == ("17:00-09:00", (0, 1, 2, 3, 6))
