"""The scope screen, driven by keys; what it stores is read back through the services."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Input, Static

from screens.scope.scope import ScopeScreen

SAMPLE = "Outsource IT support (sample)"


def _item(stored: Any, name: str) -> Any:
    return next(i for i in stored.selections.scope(SAMPLE) if i.name == name)


def _row_of(table: DataTable, item_id: int) -> int:
    return table.get_row_index(str(item_id))


async def _open(app: Any, pilot: Any, settle: Any) -> ScopeScreen:
    await settle(app, pilot)
    await pilot.press("f2")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ScopeScreen)
    return screen


async def test_d_cycles_the_decision_and_stores_it(sample_app: Any, settle: Any, stored: Any) -> None:
    help_desk = _item(stored, "Help desk")
    assert help_desk.decision == "outsource"
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#scope-table", DataTable)
        assert table.row_count == 9
        table.move_cursor(row=_row_of(table, help_desk.id))
        await pilot.press("d")
        await settle(app, pilot)
        assert _item(stored, "Help desk").decision == "in-house"
        assert str(table.get_cell(str(help_desk.id), "decision")) == "in-house"
        notice = str(screen.query_one("#scope-notice", Static).render())
        assert "drops nothing" in notice
        await pilot.press("d", "d")
        await settle(app, pilot)
        assert _item(stored, "Help desk").decision == "outsource"  # in-house → undecided → outsource


async def test_marking_in_house_shows_what_drops_out(sample_app: Any, settle: Any, stored: Any) -> None:
    stored.scope.update_item(_item(stored, "Help desk").id, decision="in-house")
    security = _item(stored, "Security monitoring")
    assert security.decision == "outsource"
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#scope-table", DataTable)
        table.move_cursor(row=_row_of(table, security.id))
        await pilot.press("d")
        await settle(app, pilot)
        notice = str(screen.query_one("#scope-notice", Static).render())
        assert "Service levels and support process" in notice and "7 questions" in notice
    assert _item(stored, "Security monitoring").decision == "in-house"


async def test_priority_keys_store_the_priority_and_ctrl_z_undoes(sample_app: Any, settle: Any, stored: Any) -> None:
    network = _item(stored, "Network and internet")
    assert network.priority == 2
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#scope-table", DataTable)
        table.move_cursor(row=_row_of(table, network.id))
        redrawn: list[str] = []
        update_cell = table.update_cell

        def no_full_redraw(*args: Any, **kwargs: Any) -> None:
            raise AssertionError("a one-cell change must not redraw the whole table")

        def one_cell(row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:
            redrawn.append(str(column_key))
            update_cell(row_key, column_key, value, **kwargs)

        table.clear = no_full_redraw  # type: ignore[method-assign]
        table.add_row = no_full_redraw  # type: ignore[method-assign]
        table.update_cell = one_cell  # type: ignore[method-assign]
        await pilot.press("plus")
        await settle(app, pilot)
        assert _item(stored, "Network and internet").priority == 1
        assert str(table.get_cell(str(network.id), "priority")) == "1 high"
        assert redrawn == ["priority"]
        await pilot.press("plus")  # 1 is the top: nothing changes
        await settle(app, pilot)
        assert _item(stored, "Network and internet").priority == 1
        await pilot.press("minus", "minus")
        await settle(app, pilot)
        assert _item(stored, "Network and internet").priority == 3
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _item(stored, "Network and internet").priority == 2
        assert str(table.get_cell(str(network.id), "priority")) == "2 medium"


async def test_e_edits_the_notes(sample_app: Any, settle: Any, stored: Any) -> None:
    telephony = _item(stored, "Telephony")
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#scope-table", DataTable)
        table.move_cursor(row=_row_of(table, telephony.id))
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#field-notes", Input)
        field.value = "Teams calling stays with the office manager."
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert _item(stored, "Telephony").notes == "Teams calling stays with the office manager."
        await pilot.press("enter")  # shows the dependents
        detail = str(screen.query_one("#scope-detail", Static).render())
        assert "Scope fit" in detail and "office manager" in detail
