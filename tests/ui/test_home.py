"""The home screen, driven by keys: the title, the welcome, the sample selection."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from screens.app import TITLE, WorkbenchApp
from workbench.config import resolve_database
from workbench.services import open_services


def _app(path: Path) -> WorkbenchApp:
    target = resolve_database(str(path))
    return WorkbenchApp(lambda: open_services(target), database_label=str(path))


async def _wait_for_workers(app: WorkbenchApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_empty_database_offers_the_sample_and_s_loads_it(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        screen = app.screen
        assert app.title == TITLE
        assert screen.query_one("#welcome").display is True
        await pilot.press("s")
        await _wait_for_workers(app, pilot)
        table = screen.query_one("#selections", DataTable)
        assert table.display is True and table.row_count == 1
        assert screen.query_one("#welcome").display is False
    svc = open_services(resolve_database(str(path)))
    try:
        assert [s.name for s in svc.selections.list()] == ["Outsource IT support (sample)"]
        assert len(svc.candidates.list()) == 4
    finally:
        svc.close()


async def test_existing_selections_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    svc = open_services(resolve_database(str(path)))
    svc.selections.create("Outsource backups", template=None)
    svc.selections.create("Outsource the help desk", template=None)
    svc.close()
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        table = app.screen.query_one("#selections", DataTable)
        names = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert names == ["Outsource backups", "Outsource the help desk"]
        assert app.screen.query_one("#welcome").display is False
