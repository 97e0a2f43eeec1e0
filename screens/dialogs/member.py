"""Ask which panel member this terminal speaks for."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import one_line


class MemberPicker(ModalScreen[str | None]):
    """Ask which panel member this terminal speaks for. Dismisses the name (enter) or None (escape)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Not now", tooltip="Choose later")]

    def __init__(self, members: list[str], *, current: str | None = None) -> None:
        super().__init__()
        self.members = list(members)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "Who are you? Scores and notes typed here are saved under this name.", classes="dialog-question"
            )
            yield OptionList(
                *(Option(Text(one_line(name)), id=f"m{i}") for i, name in enumerate(self.members)), id="members"
            )
            yield Static(
                "enter chooses · escape: not now (later: m on the home screen, or ctrl+p → Choose panel member)",
                classes="dialog-hint",
            )
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        options = self.query_one("#members", OptionList)
        options.focus()
        if self.current in self.members:
            options.highlighted = self.members.index(self.current)
        elif self.members:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#members")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.members[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
