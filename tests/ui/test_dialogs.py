"""The small dialogs dismiss with typed results: yes/no, text (validated), a new selection, a panel member."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Static

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.member import MemberPicker
from screens.dialogs.text import TextDialog
from screens.home.new_selection import NewSelectionDialog


class _Host(App[None]):
    """Pushes one dialog and records what it dismissed with."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def _run(dialog: ModalScreen[Any], *keys: str) -> list[Any]:
    app = _Host(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.results


async def test_confirm_dialog() -> None:
    assert await _run(ConfirmDialog("Delete Acme IT?"), "y") == [True]
    assert await _run(ConfirmDialog("Delete Acme IT?"), "n") == [False]
    assert await _run(ConfirmDialog("Delete Acme IT?"), "escape") == [False]
    assert await _run(ConfirmDialog("Delete Acme IT?"), "enter") == [False]  # the focus starts on No


async def test_text_dialog_validates_before_dismissing() -> None:
    def validate(text: str) -> str | None:
        return None if text.isdigit() else "a number, please"

    dialog = TextDialog("How many staff?", "4x", validate=validate)
    app = _Host(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [] and app.screen is dialog
        assert str(dialog.query_one("#text-error", Static).content) == "a number, please"
        await pilot.press("end", "backspace", "enter")  # the text starts selected: end keeps it
        await pilot.pause()
        assert app.results == ["4"]
    assert await _run(TextDialog("Name?", "  Acme  "), "enter") == ["Acme"]
    assert await _run(TextDialog("Name?", "Acme"), "escape") == [None]


async def test_new_selection_dialog() -> None:
    keys = [*"Backups", "tab", "ctrl+u", *"Europe/Paris", "enter"]
    assert await _run(NewSelectionDialog(zone="UTC"), *keys) == [("Backups", "Europe/Paris")]
    assert await _run(NewSelectionDialog(zone="UTC"), "enter", "escape") == [None]  # an empty name is refused first


async def test_member_picker() -> None:
    members = ["Helen Marsh", "Priya Nair", "Tom Adeyemi"]
    assert await _run(MemberPicker(members), "enter") == ["Helen Marsh"]
    assert await _run(MemberPicker(members, current="Tom Adeyemi"), "enter") == ["Tom Adeyemi"]
    assert await _run(MemberPicker(members), "down", "enter") == ["Priya Nair"]
    assert await _run(MemberPicker(members), "escape") == [None]
