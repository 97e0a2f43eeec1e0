"""The app's one yes/no question: a modal that dismisses True (yes) or False (no)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import several_lines


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question. Dismisses True for yes (y, or the yes button), False for no (n, escape, the no button).

    The one yes/no dialog of the app; the editing screens ask with ``focus_yes=True`` (enter answers yes).

    Args:
        question: the question, shown in bold as it is written (no markup).
        detail: what follows from the answer, under the question.
        yes: the yes button's word, e.g. "Delete"; no: the no button's word. Each button names its key.
        focus_yes: whether enter answers yes (the focus starts on the yes button); by default it answers no.

    Example: ``self.app.push_screen(ConfirmDialog("Delete Acme IT?"), on_answer)``.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", tooltip="Leave everything as it is"),
    ]

    def __init__(
        self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No", focus_yes: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes, self.no = yes, no
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body", classes="confirm-box"):
            yield Static(several_lines(self.question), id="confirm-question", markup=False)
            if self.detail:
                yield Static(several_lines(self.detail), id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error")
                yield Button(f"{self.no} (n)", id="confirm-no")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.focus_yes else "#confirm-no", Button).focus()

    def set_detail(self, detail: str) -> None:
        """Say what follows from the answer in other words (e.g. once what a deletion takes is counted)."""
        self.detail = detail
        for line in self.query("#confirm-detail").results(Static):
            line.update(Text(detail))

    @on(Button.Pressed, "#confirm-yes, #confirm-no")
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
