"""Deleting a candidate in the app: the question says what goes with it, counted, before anything is deleted."""

from __future__ import annotations

from typing import Any

from screens.dialogs.confirm import ConfirmDialog
from screens.widgets.row_list import RowList
from workbench.services.candidate_edits import what_goes

SAMPLE = "Outsource IT support (sample)"
TANAGER = "Tanager Digital Services"


async def test_the_question_lists_what_goes_and_no_keeps_it_all(sample_app: Any, settle: Any, stored: Any) -> None:
    tanager = stored.candidates.get(TANAGER, selection=SAMPLE)
    snap = stored.candidates.snapshot(TANAGER, selection=SAMPLE)
    goes = what_goes(snap)
    assert goes.startswith("2 meetings, ") and "scores" in goes and "notes" in goes
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        table = app.screen.query_one("#candidates-table", RowList)
        table.move_cursor(row=table.get_row_index(str(tanager.id)))
        await pilot.press("delete")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        detail = str(dialog.query_one("#confirm-detail").render())
        assert detail == f"Goes with it: {goes}. ctrl+z brings it all back."
        await pilot.press("n")
        await settle(app, pilot)
        assert stored.candidates.snapshot(TANAGER, selection=SAMPLE) == snap
