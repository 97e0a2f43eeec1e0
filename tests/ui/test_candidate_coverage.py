"""Scope coverage in the app: marked on the candidate's profile, read back through the services, counted in the
comparison's row."""

from __future__ import annotations

from typing import Any

from textual.widgets import SelectionList, Static

from screens.candidates.candidate import CandidateScreen
from screens.comparison.comparison import ComparisonScreen
from screens.widgets.matrix_table import MatrixTable
from screens.widgets.row_list import RowList

SAMPLE = "Outsource IT support (sample)"
TANAGER = "Tanager Digital Services"


def _outsourced(stored: Any) -> list[Any]:
    return [s for s in stored.selections.scope(SAMPLE) if s.decision == "outsource"]


async def _open(app: Any, pilot: Any, settle: Any, stored: Any, name: str) -> CandidateScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    table = app.screen.query_one("#candidates-table", RowList)
    table.move_cursor(row=table.get_row_index(str(stored.candidates.get(name, selection=SAMPLE).id)))
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, CandidateScreen) and app.screen.candidate_name == name
    return app.screen


async def test_space_marks_a_scope_item_offered_and_ctrl_z_takes_it_back(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    before = stored.candidates.get(TANAGER, selection=SAMPLE).scope_item_ids
    missing = [s for s in _outsourced(stored) if s.id not in before]
    assert len(missing) == 2  # the sample: Tanager lacks end-user devices and the network
    target = missing[0]
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, stored, TANAGER)
        items = screen.query_one("#covers-list", SelectionList)
        count = screen.query_one("#covers-count", Static)
        assert str(count.render()) == "Covers 4 of 6 outsourced scope items."
        assert set(items.selected) == set(before)
        items.focus()
        items.highlighted = next(
            i for i in range(items.option_count) if items.get_option_at_index(i).value == target.id
        )
        await pilot.press("space")
        await settle(app, pilot)
        after = stored.candidates.get(TANAGER, selection=SAMPLE).scope_item_ids
        assert after == tuple(sorted({*before, target.id}))
        assert str(count.render()) == "Covers 5 of 6 outsourced scope items."
        await pilot.press("space")  # and off again
        await settle(app, pilot)
        assert stored.candidates.get(TANAGER, selection=SAMPLE).scope_item_ids == before
        await pilot.press("space")
        await settle(app, pilot)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert stored.candidates.get(TANAGER, selection=SAMPLE).scope_item_ids == before
        assert set(items.selected) == set(before)
        assert str(count.render()) == "Covers 4 of 6 outsourced scope items."


async def test_the_comparison_row_counts_the_outsourced_items_offered(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    tanager = stored.candidates.get(TANAGER, selection=SAMPLE)
    outsourced = _outsourced(stored)
    # one more outsourced item offered, and an in-house one, which does not count
    in_house = next(s for s in stored.selections.scope(SAMPLE) if s.decision == "in-house")
    extra = next(s for s in outsourced if s.id not in tanager.scope_item_ids)
    stored.candidates.edit(TANAGER, covers=[extra.key, in_house.key], selection=SAMPLE)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        table = screen.query_one("#cmp-table", MatrixTable)
        row = table.get_row_index("scope")
        label = "".join(s.text for s in table.render_line(table.header_height + row))
        assert "Outsourced scope covered" in label
        for r in stored.comparison.compare(selection=SAMPLE).candidates:
            cell = table.get_cell("scope", f"k{r.id}")
            want = f"{r.scope.covered} of {len(outsourced)}"
            assert cell.plain == want
        assert table.get_cell("scope", f"k{tanager.id}").plain == f"5 of {len(outsourced)}"


async def test_enter_on_the_scope_row_names_the_items_missing(sample_app: Any, settle: Any, stored: Any) -> None:
    from tests.harness import Notices

    tanager = stored.candidates.get(TANAGER, selection=SAMPLE)
    missing = [s.name for s in _outsourced(stored) if s.id not in tanager.scope_item_ids]
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        table = app.screen.query_one("#cmp-table", MatrixTable)
        table.move_cursor(row=table.get_row_index("scope"), column=table.get_column_index(f"k{tanager.id}"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ComparisonScreen)  # no drill-down: a sentence
        assert [n.message for n in notices][-1] == (
            f"{TANAGER} offers 4 of 6 outsourced scope items; not: {', '.join(missing)}."
        )
