"""The help screen: the keys of the screen it was opened from."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from screens.shell.footer import WorkbenchFooter


class HelpScreen(ModalScreen[None]):
    """Lists the active key bindings of a screen (its own, then the app's)."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def __init__(self, of: Screen[Any]) -> None:
        super().__init__()
        self._of = of

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table(
            title=f"Keys: {type(self._of).__name__.removesuffix('Screen') or 'Workbench'}",
            expand=True,
            header_style="bold",
        )
        table.add_column("Key", no_wrap=True)
        table.add_column("Does")
        seen: set[tuple[str, str]] = set()

        def order(item) -> int:  # type: ignore[no-untyped-def]
            node = item[1].node
            return 0 if node is self._of else 1 if node is self.app else 2

        for _key, active in sorted(self._of.active_bindings.items(), key=order):
            binding = active.binding
            label = binding.description or binding.action
            if (binding.action, label) in seen:
                continue
            seen.add((binding.action, label))
            tip = f" — {binding.tooltip}" if binding.tooltip else ""
            table.add_row(self.app.get_key_display(binding), f"{label}{tip}")
        table.add_row("ctrl+p", "Command palette: every screen and action")
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static("Press escape to close.", id="help-hint")
        yield WorkbenchFooter()  # this screen's own keys, over the footer of the screen below
