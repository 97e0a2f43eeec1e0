"""The list tabs of the candidate screen: the shared TablePane, recommendations and people."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from screens.dialogs.form import FormDialog, FormField
from screens.shell.editing import Undo
from screens.widgets.table import Table

if TYPE_CHECKING:
    from screens.candidates.host import CandidateHost
    from workbench.services import Services
    from workbench.services.views.candidates import RecommendationView, VendorPersonView

V = TypeVar("V")
STALE_DAYS = 180
SENTIMENTS = ("positive", "neutral", "negative")
TEAMS = ("management", "delivery")
SENTIMENT_STYLE = {"positive": "green", "neutral": "", "negative": "red"}


def today(now: datetime | None = None) -> date:
    """Today's date: the app's frozen clock when it has one (tests, snapshots), else the machine's."""
    return now.astimezone().date() if now is not None else date.today()


def short(text: str, width: int) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"


def last_checked_cell(value: date | None, *, on: date | None = None) -> Text:
    """The last-checked date, marked stale when it is more than STALE_DAYS days before today."""
    if value is None:
        return Text("not checked", style="dim")
    if ((on or today()) - value).days > STALE_DAYS:
        return Text(f"{value.isoformat()} stale", style="bold yellow")
    return Text(value.isoformat())


class TablePane(Vertical, Generic[V]):
    """A tab whose body is a table of views keyed by id; one row is redrawn at a time."""

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()
    EMPTY: ClassVar[str] = ""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.views: dict[int, V] = {}

    def today(self) -> date:
        return today(getattr(self.app, "clock_now", None))

    def compose(self) -> ComposeResult:
        yield Static(self.EMPTY, classes="pane-hint")
        yield Table(cursor_type="row", zebra_stripes=True, classes="pane-table")
        yield Static("", classes="pane-detail")

    @property
    def owner(self) -> CandidateHost:
        """The candidate screen this tab is on."""
        return cast("CandidateHost", self.screen)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        for key, label in self.COLUMNS:
            self.table.add_column(label, key=key)

    def cells(self, view: V) -> tuple[Any, ...]:
        raise NotImplementedError

    def detail(self, view: V) -> str | Text:
        """The full text of the row under the cursor, shown below the table."""
        return ""

    def _show_detail(self) -> None:
        view = self.current()
        self.query_one(".pane-detail", Static).update("" if view is None else self.detail(view))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def show_all(self, views: list[V]) -> None:
        self.table.clear()
        self.views = {}
        for view in views:
            self.put(view, move=False)
        self._hint()

    def put(self, view: V, *, move: bool = True) -> None:
        """Show a stored view: a new row, or only the changed cells of its row."""
        vid = view.id  # type: ignore[attr-defined]
        key = str(vid)
        self.views[vid] = view
        table = self.table
        if key not in table.rows:
            table.add_row(*self.cells(view), key=key)
            if move:
                table.move_cursor(row=table.get_row_index(key))
        else:
            for (column, _), before, after in zip(self.COLUMNS, table.get_row(key), self.cells(view), strict=False):
                if str(before) != str(after) or getattr(before, "style", None) != getattr(after, "style", None):
                    table.update_cell(key, column, after)
        self._hint()
        self._show_detail()
        self.owner.refresh_title()

    def drop(self, vid: int) -> None:
        self.views.pop(vid, None)
        if str(vid) in self.table.rows:
            self.table.remove_row(str(vid))
        self._hint()
        self._show_detail()
        self.owner.refresh_title()

    def current(self) -> V | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.views.get(int(key)) if key is not None else None

    def _hint(self) -> None:
        self.query_one(".pane-hint", Static).display = not self.views


class RecordPane(TablePane[V]):
    """A TablePane whose rows are records added, edited and deleted through forms, each step undoable.

    Subclasses say how to call the services (``add_record``, ``update_record``,
    ``delete_record``), which form fields a record has, and how to name one.
    """

    def fields(self, view: V | None) -> list[FormField]:  # pragma: no cover - abstract
        raise NotImplementedError

    def values_of(self, view: V) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def noun(self, view: V) -> str:  # pragma: no cover - abstract
        """How a record is named in messages, e.g. "Rae's recommendation"."""
        raise NotImplementedError

    def add_title(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def edit_title(self, view: V) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def add_record(self, services: Services, values: dict[str, Any]) -> V:  # pragma: no cover - abstract
        raise NotImplementedError

    def update_record(self, services: Services, vid: int, values: dict[str, Any]) -> V:  # pragma: no cover - abstract
        raise NotImplementedError

    def delete_record(self, services: Services, vid: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def action_add(self) -> None:
        owner = self.owner

        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            def undo(new: Any) -> Undo:
                return Undo(
                    f"adding {self.noun(new)}",
                    lambda services: self.delete_record(services, new.id),
                    lambda _: self.drop(new.id),
                )

            def added(new: V) -> None:
                self.put(new)
                dialog.dismiss(new)

            owner.save(
                lambda services: self.add_record(services, values),
                added,
                failed=dialog.show_error,
                undo=undo,
            )

        self.app.push_screen(FormDialog(self.add_title(), self.fields(None), submit))

    def action_edit(self) -> None:
        old: Any = self.current()
        if old is None:
            return
        owner = self.owner

        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            def changed(new: V) -> None:
                self.put(new)
                dialog.dismiss(new)

            owner.save(
                lambda services: self.update_record(services, old.id, values),
                changed,
                failed=dialog.show_error,
                undo=lambda new: Undo(
                    f"edit of {self.noun(old)}",
                    lambda services: self.update_record(services, old.id, self.values_of(old)),
                    self.put,
                ),
            )

        self.app.push_screen(FormDialog(self.edit_title(old), self.fields(old), submit))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        old: Any = self.current()
        if old is None:
            return
        owner = self.owner

        def deleted(_: None) -> None:
            self.drop(old.id)
            self.notify(f"Deleted {self.noun(old)}; ctrl+z brings it back.", timeout=4)

        owner.save(
            lambda services: self.delete_record(services, old.id),
            deleted,
            undo=lambda _: Undo(
                f"deletion of {self.noun(old)}",
                lambda services: self.add_record(services, self.values_of(old)),
                self.put,
            ),
        )


class RecommendationsPane(RecordPane["RecommendationView"]):
    """Peers' words on the candidate: add, edit, delete."""

    COLUMNS = (
        ("recommender", "Recommended by"),
        ("company", "Company"),
        ("relationship", "Relationship"),
        ("sentiment", "Sentiment"),
        ("rating", "Rating"),
        ("given_on", "Given on"),
        ("experience", "Experience"),
    )
    EMPTY = "No recommendation yet: a adds one."
    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Record a recommendation"),
        Binding("e", "edit", "Edit", tooltip="Edit the recommendation under the cursor (enter does too)"),
        Binding("delete", "delete", "Delete", tooltip="Delete the recommendation (ctrl+z brings it back)"),
    ]

    def cells(self, r: RecommendationView) -> tuple[Any, ...]:
        return (
            short(r.recommender, 22),
            short(r.company, 22),
            short(r.relationship, 24),
            Text(r.sentiment, style=SENTIMENT_STYLE.get(r.sentiment, "")),
            "—" if r.rating is None else f"{r.rating}/5",
            r.given_on.isoformat() if r.given_on else "—",
            short(r.experience, 18),
        )

    def detail(self, r: RecommendationView) -> Text:
        text = Text()
        text.append(f"{r.recommender}", style="bold")
        text.append(f" ({r.company})" if r.company else "")
        text.append(f" · {r.relationship}\n" if r.relationship else "\n")
        text.append(r.experience or "No experience recorded.", style="" if r.experience else "dim")
        return text

    @staticmethod
    def fields(r: RecommendationView | None) -> list[FormField]:
        return [
            FormField("recommender", "Who recommended", r.recommender if r else "", placeholder="Their name"),
            FormField("company", "Their company", r.company if r else ""),
            FormField(
                "relationship",
                "Relationship to the vendor",
                r.relationship if r else "",
                placeholder="client for 3 years",
            ),
            FormField("sentiment", "Sentiment", r.sentiment if r else "neutral", kind="choice", choices=SENTIMENTS),
            FormField("rating", "Rating 1-5 (empty: none)", "" if r is None or r.rating is None else str(r.rating)),
            FormField(
                "given_on", "Given on (YYYY-MM-DD, empty: unknown)", r.given_on.isoformat() if r and r.given_on else ""
            ),
            FormField("experience", "Their experience", r.experience if r else "", kind="long"),
        ]

    @staticmethod
    def values_of(r: RecommendationView) -> dict[str, Any]:
        return dict(
            recommender=r.recommender,
            company=r.company,
            relationship=r.relationship,
            sentiment=r.sentiment,
            rating=r.rating,
            experience=r.experience,
            given_on=r.given_on,
        )

    def noun(self, r: RecommendationView) -> str:
        return f"{r.recommender}'s recommendation"

    def add_title(self) -> str:
        return f"New recommendation of {self.owner.candidate_name}"

    def edit_title(self, r: RecommendationView) -> str:
        return f"Recommendation by {r.recommender}"

    def add_record(self, services: Services, values: dict[str, Any]) -> RecommendationView:
        return services.candidates.add_recommendation(self.owner.ref, selection=self.owner.selection, **values)

    def update_record(self, services: Services, vid: int, values: dict[str, Any]) -> RecommendationView:
        return services.candidates.update_recommendation(vid, **values)

    def delete_record(self, services: Services, vid: int) -> None:
        services.candidates.delete_recommendation(vid)


class PeoplePane(RecordPane["VendorPersonView"]):
    """The vendor's management and delivery people: who they are, where to read about them, when last checked."""

    COLUMNS = (
        ("name", "Name"),
        ("team", "Team"),
        ("role", "Role"),
        ("profile_url", "Profile"),
        ("last_checked", "Last checked"),
        ("researched", "Researched"),
    )
    EMPTY = "Nobody recorded yet: a adds a person of the vendor's management or delivery team."
    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Record a person of the vendor's team"),
        Binding("e", "edit", "Edit", tooltip="Edit the person under the cursor (enter does too)"),
        Binding("r", "toggle_researched", "Researched", tooltip="Mark the person researched, or not"),
        Binding("c", "checked_today", "Checked", tooltip="Set the last-checked date to today"),
        Binding("delete", "delete", "Delete", tooltip="Delete the person (ctrl+z brings them back)"),
    ]

    def cells(self, p: VendorPersonView) -> tuple[Any, ...]:
        return (
            short(p.name, 24),
            p.team,
            short(p.role, 26),
            short(p.profile_url, 30) or "—",
            last_checked_cell(p.last_checked, on=self.today()),
            Text("yes", style="green") if p.researched else Text("no", style="dim"),
        )

    def detail(self, p: VendorPersonView) -> Text:
        text = Text()
        text.append(p.name, style="bold")
        text.append(f" · {p.role or 'no role recorded'} · {p.team}")
        text.append(f" · {p.tenure}\n" if p.tenure else "\n")
        if p.profile_url:
            text.append(p.profile_url + "\n", style="underline")
        text.append(p.notes or "No notes.", style="" if p.notes else "dim")
        return text

    def fields(self, p: VendorPersonView | None) -> list[FormField]:
        return [
            FormField("name", "Name", p.name if p else ""),
            FormField("team", "Team", p.team if p else "management", kind="choice", choices=TEAMS),
            FormField("role", "Role", p.role if p else "", placeholder="Service delivery manager"),
            FormField(
                "profile_url", "Profile URL (http or https)", p.profile_url if p else "", placeholder="https://…"
            ),
            FormField("tenure", "Tenure", p.tenure if p else "", placeholder="6 years"),
            FormField(
                "last_checked",
                "Last checked (YYYY-MM-DD)",
                p.last_checked.isoformat() if p and p.last_checked else self.today().isoformat(),
            ),
            FormField("researched", "Researched", p.researched if p else False, kind="switch"),
            FormField("notes", "Notes", p.notes if p else "", kind="long"),
        ]

    @staticmethod
    def values_of(p: VendorPersonView) -> dict[str, Any]:
        return dict(
            name=p.name,
            role=p.role,
            team=p.team,
            profile_url=p.profile_url,
            tenure=p.tenure,
            notes=p.notes,
            researched=p.researched,
            last_checked=p.last_checked,
        )

    def noun(self, p: VendorPersonView) -> str:
        return p.name

    def add_title(self) -> str:
        return f"New person at {self.owner.candidate_name}"

    def edit_title(self, p: VendorPersonView) -> str:
        return f"{p.name} ({p.team})"

    def add_record(self, services: Services, values: dict[str, Any]) -> VendorPersonView:
        return services.candidates.add_person(self.owner.ref, selection=self.owner.selection, **values)

    def update_record(self, services: Services, vid: int, values: dict[str, Any]) -> VendorPersonView:
        return services.candidates.update_person(vid, **values)

    def delete_record(self, services: Services, vid: int) -> None:
        services.candidates.delete_person(vid)

    def _update(self, old: VendorPersonView, label: str, **fields: Any) -> None:
        def failed(exc: BaseException) -> None:
            self.put(old)  # what is stored
            self.owner.show_not_saved(exc)

        self.owner.save(
            lambda services: services.candidates.update_person(old.id, **fields),
            self.put,
            failed=failed,
            undo=lambda new: Undo(
                f"{label} of {old.name}",
                lambda services: services.candidates.update_person(old.id, **{k: getattr(old, k) for k in fields}),
                self.put,
            ),
        )

    def action_toggle_researched(self) -> None:
        person = self.current()
        if person is not None:
            self.views[person.id] = replace(person, researched=not person.researched)  # the next press starts here
            self._update(person, "researched", researched=not person.researched)

    def action_checked_today(self) -> None:
        person = self.current()
        if person is not None:
            self._update(person, "last checked", last_checked=self.today())
