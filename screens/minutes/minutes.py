"""The minutes of one meeting, rendered from the same Markdown as `workbench minutes`, with exports to files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from screens.shell.base import WorkbenchScreen, describe_error

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.minutes import MinutesView

FORMATS = {".md": "md", ".html": "html"}
FORMAT_NAMES = {"md": "Markdown", "html": "HTML"}


@dataclass(frozen=True)
class Minutes:
    view: MinutesView
    markdown: str


def load(services: Services, meeting_id: str | int) -> Minutes:
    """The minutes and their Markdown, as `workbench minutes MEETING` prints it (runs in a worker)."""
    from workbench.exports.minutes import render_minutes

    view = services.minutes.minutes(meeting_id)
    return Minutes(view, render_minutes(view, "md"))


def folder_problem(text: str) -> str | None:
    """What is wrong with a folder typed for the minutes files, or None."""
    if not text.strip():
        return "folder: must not be empty"
    folder = Path(text.strip()).expanduser()
    if not folder.exists():
        return f"folder: {text.strip()!r} does not exist (create it first)"
    if not folder.is_dir():
        return f"folder: {text.strip()!r} is not a folder"
    return None


def write_all(services: Services, view: MinutesView, folder: Path, fmt: str) -> list[Path]:
    """Every minutes file of the meeting's candidate in ``folder``, as `minutes --all --candidate` writes them."""
    from workbench.commands.minutes import minutes_file_name
    from workbench.exports.minutes import render_minutes
    from workbench.files import inside, write_private

    views = services.minutes.all_for(selection=view.selection_id, candidate=view.candidate_name)
    documents = [
        (inside(folder, minutes_file_name(v, fmt)), render_minutes(v, cast("Literal['md', 'html']", fmt)))
        for v in views
    ]
    return [write_private(target, text) for target, text in documents]


class MinutesScreen(WorkbenchScreen):
    """A meeting's minutes in the terminal; e writes them to a file, a writes all of the candidate's to a folder."""

    CSS_PATH = "minutes.tcss"
    BINDINGS = [
        Binding("e", "export", "Export", tooltip="Write these minutes to a Markdown (.md) or HTML (.html) file"),
        Binding(
            "a",
            "export_all",
            "All to folder",
            tooltip="Write the minutes of every meeting with this candidate to a folder, one file each",
        ),
        Binding("r", "reload", "Reload", show=False, tooltip="Read the minutes again from the database"),
        Binding("n", "my_notes", "My notes", show=False, tooltip="Edit or delete one of your notes of this meeting"),
        Binding("escape,backspace", "back", "Back", tooltip="Back to the screen before"),
    ]

    def __init__(self, meeting_id: str | int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.minutes: Minutes | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(f"Loading the minutes of meeting {self.meeting_id}…", id="minutes-status")
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown("", id="minutes-md", open_links=False)

    def on_mount(self) -> None:
        self.sub_title = f"Minutes · meeting {self.meeting_id}"
        self.load()

    def load(self) -> None:
        meeting = self.meeting_id
        self.call(
            lambda services: load(services, meeting),
            self._show,
            failed=self._failed,
            group="minutes-load",
            exclusive=True,
        )

    def _show(self, minutes: Minutes) -> None:
        self.minutes = minutes
        view = minutes.view
        self.sub_title = f"Minutes · {view.title}"
        status = Text()
        status.append(f"Meeting {view.meeting.id} · {view.candidate_name} · {view.meeting.status}", style="bold")
        if view.scores_pending:
            verb = "submits" if len(view.pending_members) == 1 else "submit"
            status.append(f" · scores shown once {', '.join(view.pending_members)} {verb}", style="yellow")
        status.append(" · e: export to .md or .html · a: all of the candidate's minutes to a folder", style="dim")
        self.query_one("#minutes-status", Static).update(status)
        self.query_one("#minutes-md", Markdown).update(minutes.markdown)
        self.query_one("#minutes-scroll").focus()

    def _failed(self, exc: BaseException) -> None:
        self.query_one("#minutes-status", Static).update(Text(describe_error(exc), style="bold red"))
        self.show_error(exc)

    def action_export(self) -> None:
        """Write these minutes to a file; its ending (.md or .html) picks the format."""
        if self.minutes is None:
            return
        from screens.dialogs.file import ask_file
        from workbench.commands.minutes import minutes_file_name

        meeting = self.minutes.view.meeting.id

        def write(services: Services, path: Path, fmt: str) -> Path:
            from workbench.exports.minutes import render_minutes
            from workbench.files import write_private

            return write_private(path, render_minutes(services.minutes.minutes(meeting), fmt))  # type: ignore[arg-type]

        ask_file(
            self,
            title=f"Export the minutes of meeting {meeting}",
            default=minutes_file_name(self.minutes.view, "md"),
            formats=FORMATS,
            write=write,
            what=f"the minutes of meeting {meeting}",
        )

    def action_export_all(self) -> None:
        """Write the minutes of every meeting with this candidate to a folder."""
        if self.minutes is None:
            return
        from screens.dialogs.form import FormDialog, FormField

        view = self.minutes.view

        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            from workbench.services.errors import UserError

            typed = str(values.get("folder", "")).strip()
            problem = folder_problem(typed)
            if problem:
                dialog.show_error(UserError(problem.removeprefix("folder: "), field="folder"))
                return
            fmt = str(values.get("format") or "md")
            folder = Path(typed).expanduser()

            def written(paths: list[Path]) -> None:
                dialog.dismiss(len(paths))
                noun = "file" if len(paths) == 1 else "files"
                self.notify(
                    f"Wrote {len(paths)} minutes {noun} ({FORMAT_NAMES[fmt]}) of {view.candidate_name} to "
                    f"{folder.resolve()}",
                    title="Exported",
                    timeout=6,
                )

            self.call(lambda services: write_all(services, view, folder, fmt), written, failed=dialog.show_error)

        self.app.push_screen(
            FormDialog(
                f"Export every meeting's minutes with {view.candidate_name}\n"
                "One file per meeting; files of the same name are replaced.",
                [
                    FormField("folder", "Folder (must exist)", ".", placeholder="e.g. ~/minutes"),
                    FormField("format", "Format", "md", kind="choice", choices=("md", "html")),
                ],
                submit,
            )
        )

    def action_reload(self) -> None:
        self.load()

    def action_my_notes(self) -> None:
        """Choose one of your notes of this meeting to edit or delete (another member's are read-only)."""
        if self.minutes is None:
            return
        me, withheld = self.wb.member, self.minutes.view.notes_withheld
        if not me:
            self.notify("Choose who you are first: m on the home screen.", severity="warning")
            return
        from screens.actions.note_form import delete_note, edit_note
        from screens.actions.picker import NotesPicker

        def chosen(result: Any) -> None:
            if result is not None:
                what, note = result
                (edit_note if what == "edit" else delete_note)(self, note, me, self.load)

        def listed(notes: list[Any]) -> None:
            shown = [n for n in notes if n.member == me or not withheld]  # withheld: one's own only
            self.app.push_screen(NotesPicker(shown, me), chosen)

        meeting = self.minutes.view.meeting.id
        self.call(lambda s: s.notes.list(meeting), listed, failed=self.show_error)

    def action_back(self) -> None:
        self.dismiss()
