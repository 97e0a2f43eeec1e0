"""The candidates screen: the vendors (and the in-house baseline), filtered as you type, moved along the pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from screens.candidates.filtering import ALL, FilterInput, haystack, matches
from screens.candidates.form import new_candidate_dialog
from screens.dialogs.confirm import ConfirmDialog
from screens.shell.editing import UNDO_BINDING, EditingScreen, Undo
from screens.widgets.row_list import RowList
from workbench.domain.vocabulary import CANDIDATE_STATUSES

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.candidate_snapshot import CandidateSnapshot, RestoredCandidate
    from workbench.services.views.candidates import CandidateView

STATUSES = CANDIDATE_STATUSES
PIPELINE = ("long-list", "shortlisted", "interviewing", "finalist", "chosen")
STATUS_STYLE = {
    "shortlisted": "cyan",
    "interviewing": "bold cyan",
    "finalist": "bold magenta",
    "chosen": "bold green",
    "declined": "dim strike",
}
COLUMNS = (
    ("name", "Candidate"),
    ("status", "Status"),
    ("timezone", "Time zone"),
    ("hours", "Support hours"),
    ("onsite", "On-site"),
    ("baseline", "Baseline"),
)


def candidate_cells(view: CandidateView) -> tuple[Any, ...]:
    """The table cells of a candidate, in COLUMNS order."""
    return (
        view.name,
        Text(view.status, style=STATUS_STYLE.get(view.status, "")),
        view.timezone,
        view.support_hours or "—",
        "yes" if view.onsite else "no",
        Text("in-house hire", style="italic") if view.baseline else "",
    )


class CandidatesScreen(EditingScreen):
    """The selection's candidates: a list filtered as you type, with a status filter."""

    CSS_PATH = "candidates.tcss"
    AUTO_FOCUS = "#candidates-table"
    """The list has the keys from the start; the data arriving later does not move the focus (a "/" typed
    meanwhile stays)."""
    BINDINGS = [
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            key_display="/",
            tooltip="Type to filter the list by name, website or zone",
        ),
        Binding("f", "cycle_status_filter", "Status", tooltip="Show only one status (cycles; 'all' shows every one)"),
        Binding(
            "right_square_bracket",
            "move(1)",
            "Next",
            key_display="]",
            tooltip="Move along the pipeline: long-list → shortlisted → interviewing → finalist → chosen",
        ),
        Binding("left_square_bracket", "move(-1)", "Back", key_display="[", tooltip="Move back along the pipeline"),
        Binding("x", "decline", "Decline", tooltip="Decline the candidate (again: reconsider it, back to long-list)"),
        Binding("n", "new", "New", tooltip="Add a candidate"),
        Binding("delete", "delete", "Delete", tooltip="Delete the candidate after a question (ctrl+z brings it back)"),
        Binding("i", "import_csv", "Import", tooltip="Import candidates from a CSV file, all or nothing"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read the candidates again from the database"),
        Binding("escape", "escape", "Home", show=False),
        UNDO_BINDING,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._views: dict[int, CandidateView] = {}
        """The candidates as the database holds them."""
        self._changes = 0  # changes of ours shown so far: a list read before one of them is read again
        self._made: dict[int, tuple[CandidateView, tuple[Any, ...], str]] = {}
        """Candidate id -> (the view, its cells, its haystack), so that typing in the filter makes none of them."""
        self._order: list[tuple[CandidateView, str]] | None = None
        """The views in the list's order with their keys; None when `_views` changed since."""
        self._count = ""
        self._intended: dict[int, str] = {}
        """Candidate id -> the status the key presses so far will leave it in."""

    def compose_body(self) -> ComposeResult:
        # The list is not inside the filters' container: a cursor move, which redraws lines of the
        # list only, then composes the list with the screen, header and footer, not with the
        # filters and the count line as well (candidates.tcss gives it the container's margins).
        with Vertical(id="candidates-body"):
            with Horizontal(id="candidates-filters"):
                yield FilterInput(
                    placeholder="Filter: type part of a name, website or time zone", id="candidates-filter"
                )
                yield Select(
                    [("all statuses", ALL)] + [(s, s) for s in STATUSES],
                    value=ALL,
                    allow_blank=False,
                    id="candidates-status",
                )
            yield Static("Loading the candidates…", id="candidates-count", markup=False)
        yield RowList(COLUMNS, id="candidates-table")

    @property
    def table(self) -> RowList:
        return self.query_one("#candidates-table", RowList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#candidates-filter", Input)

    @property
    def status_select(self) -> Select[str]:
        return self.query_one("#candidates-status", Select)

    def on_mount(self) -> None:
        self.sub_title = f"Candidates · {self.wb.selection}"
        # A watcher, not the Changed message: the message would come after the Input's own frame.
        self.watch(self.filter_input, "value", self._filter_typed, init=False)
        self.load()

    def on_screen_resume(self) -> None:
        if self._views:  # back from a candidate or an import: changes show without a full reload
            self.load()

    # ------------------------------------------------------------------ loading and filtering

    def load(self) -> None:
        selection = self.wb.selection
        changes = self._changes

        def shown(views: list[CandidateView]) -> None:
            if self._changes != changes:  # read before a change of ours landed: it would bring back what went
                self.load()
                return
            self._views = {v.id: v for v in views}
            self._order = None
            self.table.retain(str(v.id) for v in views)
            self._intended = {v.id: v.status for v in views}
            self.refilter()

        self.call(
            lambda services: services.candidates.list(selection=selection),
            shown,
            group="candidates-load",
            exclusive=True,
        )

    def _filters(self) -> tuple[list[str], str]:
        status = self.status_select.value
        return self.filter_input.value.casefold().split(), status if isinstance(status, str) else ALL

    def refilter(self) -> None:
        """Bring the list in line with the filters and the loaded views.

        The list draws only its own lines again, and keeps drawn the rows whose cells did not change.
        """
        words, status = self._filters()
        if self._order is None:
            self._order = [
                (v, str(v.id)) for v in sorted(self._views.values(), key=lambda v: (v.name.casefold(), v.name, v.id))
            ]
        rows = []
        for view, key in self._order:
            _, cells, hay = self._made_of(view)
            if matches(view, words, status, hay):
                rows.append((key, cells))
        self.table.set_rows(rows)
        self._update_count()

    def _made_of(self, view: CandidateView) -> tuple[CandidateView, tuple[Any, ...], str]:
        """The cells and haystack of a candidate, made once per stored version of it."""
        made = self._made.get(view.id)
        if made is None or (made[0] is not view and made[0] != view):
            made = self._made[view.id] = (view, candidate_cells(view), haystack(view))
        return made

    def _cells(self, view: CandidateView) -> tuple[Any, ...]:
        return self._made_of(view)[1]

    def _sync_one(self, view: CandidateView) -> None:
        """Show one changed candidate: its changed cells, or its row coming or going with the filters."""
        words, status = self._filters()
        key = str(view.id)
        if key in self.table.keys and matches(view, words, status):
            self.table.update_row(key, self._cells(view))
        else:
            self.refilter()
            return
        self._update_count()

    def _update_count(self) -> None:
        total = len(self._views)
        shown = self.table.row_count
        parts = [f"{shown} of {total} candidates" if shown != total else f"{total} candidates"]
        if not total:
            parts.append("n adds one, i imports a CSV file")
        elif not shown:
            parts.append("none matches the filter")
        text = " · ".join(parts)
        if text != self._count:  # the same count (a key that hides no row) is not drawn again
            self._count = text
            # One line, always (candidates.tcss): no new layout, which would compose the whole screen again.
            self.query_one("#candidates-count", Static).update(text, layout=False)

    def _filter_typed(self) -> None:
        """The filter's text changed: called at once, so that the list and the typed key share one frame."""
        if self._views:
            self.refilter()

    @on(Input.Submitted, "#candidates-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(Select.Changed, "#candidates-status")
    def _status_filter_changed(self) -> None:
        self.refilter()

    def action_focus_filter(self) -> None:
        self.filter_input.focus()

    def action_escape(self) -> None:
        if self.focused is self.filter_input:
            self.table.focus()
        else:
            self.wb.action_open("home")

    def action_cycle_status_filter(self) -> None:
        options = (ALL, *STATUSES)
        current = self.status_select.value
        self.status_select.value = options[(options.index(current) + 1) % len(options)] if current in options else ALL

    def action_reload(self) -> None:
        self.load()

    # ------------------------------------------------------------------ the candidate under the cursor

    def current(self) -> CandidateView | None:
        key = self.table.cursor_key
        return self._views.get(int(key)) if key is not None else None

    @on(RowList.Selected, "#candidates-table")
    def _open(self, event: RowList.Selected) -> None:
        view = self._views.get(int(event.key))
        if view is not None:
            from screens.candidates.candidate import CandidateScreen

            self.app.push_screen(CandidateScreen(view.name))

    def show_view(self, view: CandidateView) -> None:
        """Show a stored candidate (after an edit or an undo)."""
        self._changes += 1  # a list read before this landed is read again
        self._views[view.id] = view
        self._order = None
        if not self.saves_pending:
            self._intended[view.id] = view.status
        self._sync_one(view)

    def _select(self, candidate_id: int) -> None:
        key = str(candidate_id)
        if key in self.table.keys:
            self.table.move_cursor(row=self.table.get_row_index(key))

    # ------------------------------------------------------------------ status

    def _set_status(self, view: CandidateView, status: str) -> None:
        cid, selection = view.id, self.wb.selection
        self._intended[cid] = status

        def undo(new: CandidateView) -> Undo:
            old_status = self._views[cid].status if cid in self._views else view.status
            return Undo(
                f"status of {new.name} ({old_status})",
                lambda services: services.candidates.set_status(cid, old_status, selection=selection),
                self.show_view,
            )

        def failed(exc: BaseException) -> None:
            stored = self._views.get(cid)
            if stored is not None:
                self._intended[cid] = stored.status
            self.show_not_saved(exc)

        self.save(
            lambda services: services.candidates.set_status(cid, status, selection=selection),
            self.show_view,
            failed=failed,
            undo=undo,
        )

    def action_move(self, step: int) -> None:
        """Move the candidate under the cursor along the pipeline."""
        view = self.current()
        if view is None:
            return
        status = self._intended.get(view.id, view.status)
        if status not in PIPELINE:
            self.notify(f"{view.name} is {status}; x reconsiders it (back to long-list).", timeout=4)
            return
        index = PIPELINE.index(status) + step
        if not 0 <= index < len(PIPELINE):
            self.notify(f"{view.name} is {status}: the {'end' if step > 0 else 'start'} of the pipeline.", timeout=3)
            return
        self._set_status(view, PIPELINE[index])

    def action_decline(self) -> None:
        view = self.current()
        if view is None:
            return
        status = self._intended.get(view.id, view.status)
        self._set_status(view, "long-list" if status == "declined" else "declined")

    # ------------------------------------------------------------------ new, delete, import

    def action_new(self) -> None:
        def added(view: CandidateView) -> None:
            self.show_view(view)
            self._select(view.id)
            if str(view.id) not in self.table.keys:
                self.notify(f"Added {view.name}; the filter hides it.", timeout=4)
            else:
                self.notify(f"Added {view.name}.", timeout=3)

        self.app.push_screen(new_candidate_dialog(self, self.wb.selection, added))

    def action_delete(self) -> None:
        view = self.current()
        if view is None:
            return
        question = f"Delete {view.name}?"
        detail = (
            "Its recommendations, people and checklist go with it, and so do its meetings with their scores "
            "and notes. ctrl+z brings it all back."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(view)

        dialog = ConfirmDialog(question, detail, yes="Delete", focus_yes=True)
        self.app.push_screen(dialog, answered)
        selection = self.wb.selection

        def goes(services: Services) -> str:
            from workbench.services.candidate_edits import what_goes

            return what_goes(services.candidates.snapshot(f"#{view.id}", selection=selection))

        def counted(text: str) -> None:  # the dialog says what goes once it is counted
            dialog.set_detail(f"Goes with it: {text}. ctrl+z brings it all back.")

        self.call(goes, counted, failed=lambda _: None, group="candidate-goes", exclusive=True)

    def _delete(self, view: CandidateView) -> None:
        selection = self.wb.selection

        def deleted(snapshot: CandidateSnapshot) -> None:
            self._changes += 1
            self._views.pop(view.id, None)
            self._order = None
            self._intended.pop(view.id, None)
            self.refilter()
            with_meetings = f" with its {snapshot.meetings} meeting(s)" if snapshot.meetings else ""
            self.notify(f"Deleted {view.name}{with_meetings}. ctrl+z brings it back.", timeout=6)

        def undo(snapshot: CandidateSnapshot) -> Undo:
            def restored(result: RestoredCandidate) -> None:
                self.show_view(result.candidate)
                self._select(result.candidate.id)
                if result.left_out:
                    lost = ", ".join(f"{n} {table.replace('_', ' ')} row(s)" for table, n in result.left_out)
                    self.notify(
                        f"Not brought back, as what they belonged to was deleted meanwhile: {lost}.",
                        severity="warning",
                        timeout=8,
                    )

            return Undo(
                f"deletion of {snapshot.candidate.name}",
                lambda services: services.candidates.restore(snapshot),
                restored,
            )

        self.save(
            lambda services: services.candidates.snapshot_and_delete(f"#{view.id}", selection=selection),
            deleted,
            undo=undo,
        )

    def action_import_csv(self) -> None:
        from screens.candidates.import_csv import ImportScreen

        self.app.push_screen(ImportScreen())
