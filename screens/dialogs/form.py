"""The editing screens' form in a dialog: each field's error shows beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, Switch, TextArea

from screens.shell.base import describe_error
from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import one_line

FieldKind = Literal["text", "choice", "switch", "long"]


@dataclass(frozen=True)
class FormField:
    """One field of a form: its name (the service's field name), label, start value and kind."""

    name: str
    label: str
    value: Any = ""
    kind: FieldKind = "text"
    choices: tuple[str, ...] = ()
    placeholder: str = ""


class FormDialog(ModalScreen[Any]):
    """A form in a dialog. Saving hands the values to ``on_submit(dialog, values)``.

    The caller saves through the services, then calls ``dialog.dismiss(result)`` when stored
    or ``dialog.show_error(exc)`` when refused: a user error naming a field shows beside it.
    """

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = ".form-field"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", tooltip="Save the form (enter in a one-line field does too)"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def __init__(
        self, title: str, fields: list[FormField], on_submit: Callable[[FormDialog, dict[str, Any]], None]
    ) -> None:
        super().__init__()
        self._title = title
        self._fields = fields
        self._on_submit = on_submit
        self._submitting = False

    def compose(self) -> ComposeResult:
        with Vertical(id="form-body"):
            yield Static(one_line(self._title), id="form-title", markup=False)
            with VerticalScroll(id="form-fields"):
                for f in self._fields:
                    with Horizontal(classes="form-row"):
                        yield Label(f.label, classes="form-label")
                        with Vertical(classes="form-cell"):
                            yield self._widget(f)
                            yield Static("", id=f"error-{f.name}", classes="form-error", markup=False)
            yield Static("", id="form-message", classes="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")
        yield WorkbenchFooter()

    @staticmethod
    def _widget(f: FormField) -> Any:
        wid = f"field-{f.name}"
        if f.kind == "choice":
            return Select(
                [(c, c) for c in f.choices],
                value=f.value if f.value in f.choices else f.choices[0],
                allow_blank=False,
                id=wid,
                classes="form-field",
            )
        if f.kind == "switch":
            return Switch(value=bool(f.value), id=wid, classes="form-field")
        if f.kind == "long":
            return TextArea(str(f.value or ""), id=wid, soft_wrap=True, classes="form-field form-long")
        return Input(str(f.value or ""), placeholder=f.placeholder, id=wid, classes="form-field")

    def on_mount(self) -> None:
        for error in self.query(".form-error"):
            error.display = False

    def values(self) -> dict[str, Any]:
        """The form's values by field name."""
        out: dict[str, Any] = {}
        for f in self._fields:
            widget = self.query_one(f"#field-{f.name}")
            if isinstance(widget, (Input, Select, Switch)):
                out[f.name] = widget.value
            elif isinstance(widget, TextArea):
                out[f.name] = widget.text
        return out

    def show_error(self, exc: BaseException) -> None:
        """Show why the save was refused: beside the field it names, else under the form."""
        self._submitting = False
        field = getattr(exc, "field", None)
        message = describe_error(exc)
        names = {f.name for f in self._fields}
        if field in names:
            target = self.query_one(f"#error-{field}", Static)
            prefix = f"{field}: "
            target.update(message[len(prefix) :] if message.startswith(prefix) else message)
            target.display = True
            self.query_one(f"#field-{field}").focus()
        else:
            target = self.query_one("#form-message", Static)
            target.update(message)
            target.display = True

    def _clear_errors(self) -> None:
        for error in self.query(".form-error"):
            error.display = False

    def action_submit(self) -> None:
        if self._submitting:
            return
        self._submitting = True
        self._clear_errors()
        self._on_submit(self, self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
