"""Files asked for in a dialog: the path dialog, and the export flow (the ending picks the format, replacing asks)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import one_line, several_lines

if TYPE_CHECKING:
    from screens.dialogs.form import FormDialog
    from screens.shell.base import WorkbenchScreen
    from workbench.services import Services


class PathDialog(ModalScreen[str | None]):
    """Ask for a file to write; dismisses the typed path, or None when cancelled."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Write", tooltip="Write the file (enter in the field does too)"),
        Binding("escape", "cancel", "Cancel", tooltip="Write nothing"),
    ]

    def __init__(self, title: str, default: str, *, hint: str = "") -> None:
        super().__init__()
        self._title, self._default, self._hint = title, default, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="path-body"):
            yield Static(one_line(self._title), id="path-title", markup=False)
            yield Input(self._default, id="path-input", placeholder="a file path")
            yield Static(several_lines(self._hint), id="path-hint", markup=False)
            yield Static("", id="path-error")
            with Horizontal(id="path-buttons"):
                yield Button("Write (enter)", id="path-write", variant="primary")
                yield Button("Cancel (esc)", id="path-cancel")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#path-input", Input).focus()

    @on(Input.Submitted, "#path-input")
    @on(Button.Pressed, "#path-write")
    def action_submit(self) -> None:
        path = self.query_one("#path-input", Input).value.strip()
        if not path:
            self.query_one("#path-error", Static).update("[b red]Give a file name.[/]")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


Writer = Callable[["Services", Path, str], Path]
"""Writes the export in format ``fmt`` to the path (in a worker) and returns the path written."""


def format_of(name: str, formats: Mapping[str, str]) -> str | None:
    """The format a file name asks for by its ending (``formats``: ending -> format), or None."""
    return formats.get(Path(name).suffix.lower())


def ask_file(
    screen: WorkbenchScreen,
    *,
    title: str,
    default: str,
    formats: Mapping[str, str],
    write: Writer,
    what: str,
) -> None:
    """Ask for a file in a form; write it through ``write`` once the name is fit.

    Args:
        screen: the screen asking; an editing screen's queued saves are written first.
        title: the form's title.
        default: the file name offered.
        formats: file ending (``.md``) -> format name passed to ``write`` (``md``).
        write: the writer, run in a worker.
        what: what is written, for the message shown afterwards ("the comparison").
    """
    from screens.dialogs.confirm import ConfirmDialog
    from screens.dialogs.form import FormDialog, FormField
    from workbench.services.errors import UserError

    endings = " or ".join(formats)

    def refuse(dialog: FormDialog, message: str) -> None:
        dialog.show_error(UserError(message, field="file"))

    def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
        raw = str(values.get("file", "")).strip()
        if not raw:
            refuse(dialog, "must not be empty")
            return
        path = Path(raw).expanduser()
        fmt = format_of(raw, formats)
        if fmt is None:
            refuse(dialog, f"{raw!r} does not end in {endings} (the ending picks the format)")
            return
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            refuse(dialog, f"the folder {str(folder)!r} does not exist")
            return
        if path.is_dir():
            refuse(dialog, f"{raw!r} is a folder, not a file")
            return

        def go() -> None:
            _write(screen, dialog, path, fmt, write, what)

        if not path.exists():
            go()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                go()
            else:
                refuse(dialog, f"{raw!r} exists already; it was left as it is")

        screen.app.push_screen(
            ConfirmDialog(f"{path} exists already. Replace it?", yes="Replace", focus_yes=True), answered
        )

    screen.app.push_screen(
        FormDialog(
            f"{title}\nThe ending of the name picks the format: {endings}.",
            [
                FormField("file", "File", default, placeholder=f"a file name ending in {endings}"),
            ],
            submit,
        )
    )


def _write(screen: WorkbenchScreen, dialog: FormDialog, path: Path, fmt: str, write: Writer, what: str) -> None:
    from workbench.services.errors import UserError

    def job(services: Services) -> Path:
        try:
            return write(services, path, fmt)
        except UserError as exc:
            if exc.field == "-o":  # workbench.files names the command line's option
                raise UserError(str(exc.args[0]), field="file") from None
            raise

    def written(target: Path) -> None:
        dialog.dismiss(str(target))
        screen.notify(f"Wrote {what} to {Path(target).resolve()}", title="Exported", timeout=6)

    save = getattr(screen, "save", None)
    if callable(save):  # after the edits still on their way to the database
        save(job, written, failed=dialog.show_error)
    else:
        screen.call(job, written, failed=dialog.show_error)
