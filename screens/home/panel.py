"""The Panel dialog: the selection's panel members; add, edit (role, e-mail), rename, retire, restore, remove.

Opened from the home screen (p), the command palette (Panel) and right after a new selection is
created. Every change goes through the member services, one call each, on the host screen's workers;
a refused change shows beside the field it names in the form, or as a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from screens.dialogs.form import FormDialog, FormField
from screens.shell.base import describe_error
from screens.shell.footer import WorkbenchFooter
from screens.widgets.table import Table

if TYPE_CHECKING:
    from screens.shell.base import WorkbenchScreen
    from workbench.services import Services
    from workbench.services.views.selections import MemberView

RETIRE_DETAIL = (
    "Kept in the history: their scores, notes and the meetings held before today stay theirs. "
    "Left out of new meetings, their attendee choices and the member picker. Restore them with x."
)


class PanelDialog(ModalScreen[bool]):
    """The panel of one selection. Dismisses True when anything changed, else False."""

    CSS_PATH = "panel.tcss"
    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Put someone on the panel (name, role, e-mail)"),
        Binding("e", "edit", "Edit", tooltip="Change the member's name, role or e-mail address"),
        Binding("r", "rename", "Rename", tooltip="Rename the member: scores, notes and meetings follow"),
        Binding("x", "retire", "Retire/restore", tooltip="Retire the member (kept in history), or restore them"),
        Binding("delete", "remove", "Remove", tooltip="Delete a member with no scores, notes or meetings"),
        Binding("escape", "close", "Close", tooltip="Back to the home screen"),
    ]

    def __init__(self, host: WorkbenchScreen, selection: str, *, intro: str = "") -> None:
        super().__init__()
        self.host, self.selection, self.intro = host, selection, intro
        self.members: list[MemberView] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="panel-body"):
            yield Static(f"Panel of {self.selection}", id="panel-title", markup=False)
            yield Static(self.intro, id="panel-intro", markup=False)
            yield Table(id="panel-members", cursor_type="row", zebra_stripes=True)
            yield Static("Reading the panel…", id="panel-empty", markup=False)
            yield Static(
                "a add · e edit · r rename · x retire/restore · del remove · esc close", id="panel-hint", markup=False
            )
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        table = self.query_one("#panel-members", Table)
        for label, key in (("Name", "name"), ("Role", "role"), ("E-mail", "email"), ("State", "state")):
            table.add_column(label, key=key)
        self.query_one("#panel-intro").display = bool(self.intro)
        table.focus()
        self.reload()

    # ------------------------------------------------------------------ reading

    def _call(self, fn: Callable[[Services], Any], then: Callable[[Any], None], failed: Any = None) -> None:
        self.host.call(fn, then, failed=failed or self._refused, group="panel")

    def reload(self, focus_id: int | None = None) -> None:
        sel = self.selection
        self._call(lambda s: s.members.list(sel, include_retired=True), lambda rows: self._show(rows, focus_id))

    def _show(self, rows: list[MemberView], focus_id: int | None) -> None:
        self.members = list(rows)
        table = self.query_one("#panel-members", Table)
        table.clear()
        for m in rows:
            table.add_row(m.name, m.role, m.email or "—", "retired" if m.retired else "on the panel", key=str(m.id))
        empty = self.query_one("#panel-empty", Static)
        empty.update("No panel members yet: press a to add one.")
        empty.display = not rows
        table.display = bool(rows)
        ids = [m.id for m in rows]
        if focus_id in ids:
            table.move_cursor(row=ids.index(focus_id))

    def current(self) -> MemberView | None:
        table = self.query_one("#panel-members", Table)
        if not 0 <= table.cursor_row < len(self.members):
            return None
        return self.members[table.cursor_row]

    def _refused(self, exc: BaseException) -> None:
        self.notify(describe_error(exc), title="Not saved", severity="error", timeout=8)

    def _stored(self, view: MemberView, message: str) -> None:
        self.changed = True
        self.notify(message, title="Saved")
        self.reload(view.id)

    # ------------------------------------------------------------------ changes

    def _form(
        self,
        title: str,
        fields: list[FormField],
        save: Callable[[Services, dict[str, Any]], Any],
        said: str,
        before: MemberView | None = None,
    ) -> None:
        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            def stored(view: MemberView) -> None:
                dialog.dismiss(view)
                if before is not None and self.host.wb.member == before.name:
                    self.host.wb.member = view.name  # this terminal speaks for them: under the new name
                self._stored(view, said.format(name=view.name))

            self._call(lambda s: save(s, values), stored, failed=dialog.show_error)

        self.app.push_screen(FormDialog(title, fields, submit))

    def action_add(self) -> None:
        sel = self.selection
        self._form(
            "New panel member",
            [
                FormField("name", "Name", placeholder="e.g. Ann Lee"),
                FormField("role", "Role", placeholder="e.g. IT lead"),
                FormField("email", "E-mail (optional)", placeholder="ann@example.com"),
            ],
            lambda s, v: s.members.add(v["name"], role=v["role"], email=v["email"], selection=sel),
            "{name} is on the panel.",
        )

    def action_edit(self) -> None:
        old, sel = self.current(), self.selection
        if old is None:
            return
        self._form(
            f"Edit {old.name}",
            [
                FormField("name", "Name", old.name),
                FormField("role", "Role", old.role),
                FormField("email", "E-mail (optional)", old.email, placeholder="ann@example.com"),
            ],
            lambda s, v: s.members.edit(old.name, name=v["name"], role=v["role"], email=v["email"], selection=sel),
            "{name} saved.",
            old,
        )

    def action_rename(self) -> None:
        old, sel = self.current(), self.selection
        if old is None:
            return
        self._form(
            f"Rename {old.name}",
            [FormField("name", "New name", old.name)],
            lambda s, v: s.members.rename(old.name, v["name"], selection=sel),
            f"{old.name} is now {{name}}.",
            old,
        )

    def action_retire(self) -> None:
        from screens.dialogs.confirm import ConfirmDialog

        member, sel = self.current(), self.selection
        if member is None:
            return
        if member.retired:
            self._call(
                lambda s: s.members.restore(member.name, selection=sel),
                lambda v: self._stored(v, f"{v.name} is back on the panel."),
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._call(
                    lambda s: s.members.retire(member.name, selection=sel),
                    lambda v: self._stored(v, f"{v.name} is retired."),
                )

        self.app.push_screen(ConfirmDialog(f"Retire {member.name}?", RETIRE_DETAIL, yes="Retire"), answered)

    def action_remove(self) -> None:
        from screens.dialogs.confirm import ConfirmDialog

        member, sel = self.current(), self.selection
        if member is None:
            return

        def removed(view: MemberView) -> None:
            self.changed = True
            self.notify(f"{view.name} is removed.", title="Saved")
            self.reload()

        def answered(yes: bool | None) -> None:
            if yes:
                self._call(lambda s: s.members.remove(member.name, selection=sel), removed)

        detail = "Only a member with no scores, scorecards, notes or meetings can be removed; retire the others (x)."
        self.app.push_screen(ConfirmDialog(f"Remove {member.name} from the panel?", detail, yes="Remove"), answered)

    @on(DataTable.RowSelected, "#panel-members")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_close(self) -> None:
        self.dismiss(self.changed)
