"""The list tabs of the candidate screen: the shared TablePane, recommendations and people."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from screens.candidates.table_pane import TablePane, V, last_checked_cell, short
from screens.dialogs.form import FormDialog, FormField
from screens.shell.editing import Undo
from workbench.domain.vocabulary import RECOMMENDATION_SENTIMENTS, VENDOR_TEAMS

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.candidates import RecommendationView, VendorPersonView

SENTIMENTS = RECOMMENDATION_SENTIMENTS
TEAMS = VENDOR_TEAMS
SENTIMENT_STYLE = {"positive": "green", "neutral": "", "negative": "red"}


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
