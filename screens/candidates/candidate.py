"""The candidate screen: profile, recommendations, people, due diligence and meetings of one vendor, in tabs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static, Switch, TabbedContent, TabPane, TextArea

from screens.candidates.checks import DiligencePane, MeetingsPane
from screens.candidates.coverage import CoveragePane
from screens.candidates.tabs import PeoplePane, RecommendationsPane
from screens.shell.editing import LEAVE_BINDINGS, UNDO_BINDING, EditingScreen, Undo, leave_for
from workbench.domain.display import one_line

if TYPE_CHECKING:
    from textual.timer import Timer

    from workbench.services import Services
    from workbench.services.views.candidates import (
        CandidateView,
        DiligenceCheckView,
        RecommendationView,
        VendorPersonView,
    )
    from workbench.services.views.kit import ScopeItemView
    from workbench.services.views.meetings import MeetingView

# field -> (label, placeholder); saved on enter and when the field loses focus
TEXT_FIELDS = {
    "website": ("Website", "https://…"),
    "timezone": ("Home time zone", "an IANA name, e.g. Europe/Warsaw"),
    "support_hours": ("Support hours", "HH:MM-HH:MM in their zone, e.g. 08:00-18:00"),
}
LABELS = {**{k: v[0] for k, v in TEXT_FIELDS.items()}, "onsite": "On-site support", "notes": "Notes"}
NOTES_DELAY = 1.0  # seconds of quiet before typed notes are saved


@dataclass(frozen=True)
class CandidateData:
    candidate: CandidateView
    recommendations: list[RecommendationView]
    people: list[VendorPersonView]
    checks: list[DiligenceCheckView]
    meetings: list[MeetingView]
    scope: list[ScopeItemView] = dataclasses.field(default_factory=list)


def _zone_suggester() -> Any:
    from textual.suggester import SuggestFromList

    from workbench.services.validate import place_zones

    return SuggestFromList(sorted(place_zones()), case_sensitive=False)


class ProfilePane(VerticalScroll, can_focus=False):
    """The candidate's own fields; each is checked by the services and saved as soon as it is left."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.stored: CandidateView | None = None
        self.typed: dict[str, Any] = {}
        """What the fields hold now (kept apart from the widgets, so leaving the screen can still save it)."""
        self.pending: dict[str, Any] = {}
        """Values on their way to the database."""
        self._notes_timer: Timer | None = None

    @property
    def owner(self) -> CandidateScreen:
        return self.screen  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static("", id="profile-info")
        for name, (label, placeholder) in TEXT_FIELDS.items():
            with Horizontal(classes="profile-row"):
                yield Label(label, classes="profile-label")
                yield Input(
                    placeholder=placeholder,
                    id=f"profile-{name}",
                    classes="profile-input",
                    suggester=_zone_suggester() if name == "timezone" else None,
                )
                yield Static("", id=f"profile-error-{name}", classes="profile-error", markup=False)
        with Horizontal(classes="profile-row"):
            yield Label(LABELS["onsite"], classes="profile-label")
            yield Switch(id="profile-onsite")
            yield Static("", id="profile-error-onsite", classes="profile-error", markup=False)
        yield Label("Notes (saved as you type)", id="profile-notes-label")
        yield TextArea(id="profile-notes", soft_wrap=True)
        yield Static("", id="profile-error-notes", classes="profile-error", markup=False)
        yield CoveragePane(id="profile-covers")
        yield Static("", id="profile-saved")

    def show(self, view: CandidateView) -> None:
        """Show a stored candidate in every field."""
        self.stored = view
        for name in TEXT_FIELDS:
            self.query_one(f"#profile-{name}", Input).value = getattr(view, name)
        with self.prevent(Switch.Changed):
            self.query_one("#profile-onsite", Switch).value = view.onsite
        self.query_one("#profile-notes", TextArea).load_text(view.notes)
        self.typed = {name: getattr(view, name) for name in LABELS}
        self._show_info(view)

    def _show_info(self, view: CandidateView) -> None:
        kind = "The in-house hire baseline" if view.baseline else "A vendor"
        self.query_one("#profile-info", Static).update(
            f"{kind}. Each field is checked and saved when you leave it (tab) or press enter; ctrl+z undoes."
        )

    def show_field(self, field: str, view: CandidateView) -> None:
        """Show one stored field (after an undo) and forget its error."""
        self.stored = self.owner.candidate = view
        value = getattr(view, field)
        self.typed[field] = value
        if field in TEXT_FIELDS:
            self.query_one(f"#profile-{field}", Input).value = value
        elif field == "onsite":
            with self.prevent(Switch.Changed):
                self.query_one("#profile-onsite", Switch).value = value
        elif field == "notes":
            self.query_one("#profile-notes", TextArea).load_text(value)
        self._error(field, "")

    def _error(self, field: str, message: str) -> None:
        error = self.query_one(f"#profile-error-{field}", Static)
        error.update(message)
        error.display = bool(message)

    # ------------------------------------------------------------------ saving

    def _differs(self, field: str, value: Any) -> bool:
        if self.stored is None:
            return False
        if field in self.pending:
            return bool(self.pending[field] != value)
        stored = getattr(self.stored, field)
        return bool((value.strip() if isinstance(value, str) and field != "notes" else value) != stored)

    def commit(self, field: str) -> None:
        """Save a field when it differs from what is stored; a refusal shows beside the field."""
        value = self.typed.get(field)
        if not self._differs(field, value):
            return
        owner = self.owner
        old = getattr(self.stored, field)
        self.pending[field] = value

        def stored(view: CandidateView) -> None:
            self.pending.pop(field, None)
            self.stored = owner.candidate = view
            self._error(field, "")
            self._show_info(view)
            self.query_one("#profile-saved", Static).update(f"Saved {LABELS[field].lower()}.")

        def failed(exc: BaseException) -> None:
            from screens.shell.base import describe_error

            self.pending.pop(field, None)
            message = describe_error(exc)
            self._error(field, message.removeprefix(f"{field}: "))
            self.query_one("#profile-saved", Static).update(f"[b red]Not saved:[/] {LABELS[field].lower()}")

        def undo(view: CandidateView) -> Undo:
            return Undo(
                f"{LABELS[field].lower()} of {view.name}",
                lambda services: services.candidates.update(owner.ref, selection=owner.selection, **{field: old}),
                lambda restored: self.show_field(field, restored),
            )

        owner.save(
            lambda services: services.candidates.update(owner.ref, selection=owner.selection, **{field: value}),
            stored,
            failed=failed,
            undo=undo,
        )

    def save_now(self, services_call: Any, ref: str, selection: str | None) -> None:
        """Store every changed field synchronously (leaving the screen or the app; works after unmounting too)."""
        if self._notes_timer is not None:
            self._notes_timer.stop()
        if self.stored is None:
            return
        changes = {f: v for f, v in self.typed.items() if f not in self.pending and self._differs(f, v)}
        for field, value in changes.items():
            view = services_call(
                lambda services, f=field, v=value: services.candidates.update(ref, selection=selection, **{f: v})
            )
            if view is not None:
                self.stored = view

    @on(Input.Changed, ".profile-input")
    def _typed(self, event: Input.Changed) -> None:
        self.typed[str(event.input.id).removeprefix("profile-")] = event.value

    @on(Input.Submitted, ".profile-input")
    @on(Input.Blurred, ".profile-input")
    def _left(self, event: Input.Submitted | Input.Blurred) -> None:
        field = str(event.input.id).removeprefix("profile-")
        self.typed[field] = event.value
        self.commit(field)

    @on(Switch.Changed, "#profile-onsite")
    def _switched(self, event: Switch.Changed) -> None:
        self.typed["onsite"] = event.value
        self.commit("onsite")

    @on(TextArea.Changed, "#profile-notes")
    def _notes_typed(self, event: TextArea.Changed) -> None:
        self.typed["notes"] = event.text_area.text
        if self._notes_timer is not None:
            self._notes_timer.stop()  # a fired one-shot timer does not re-arm with reset()
        self._notes_timer = self.set_timer(NOTES_DELAY, lambda: self.commit("notes"))

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "profile-notes":
            self.commit("notes")


class CandidateScreen(EditingScreen):
    """One candidate, in tabs: Profile, Recommendations, People, Due diligence, Meetings."""

    CSS_PATH = "candidate.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the candidates (everything is saved)"),
        Binding(
            "ctrl+pagedown,alt+right",
            "tab(1)",
            "Next tab",
            priority=True,
            tooltip="Show the next tab (alt+right does too)",
        ),
        Binding(
            "ctrl+pageup,alt+left",
            "tab(-1)",
            "Prev tab",
            show=False,
            priority=True,
            tooltip="Show the previous tab (alt+left does too)",
        ),
        UNDO_BINDING,
        *LEAVE_BINDINGS,
    ]
    TABS = ("profile", "recommendations", "people", "diligence", "meetings")

    def __init__(self, candidate_name: str) -> None:
        super().__init__()
        self.candidate_name = candidate_name
        self.candidate: CandidateView | None = None
        self._profile: ProfilePane | None = None  # kept: leaving saves from it after the widgets are gone

    @property
    def selection(self) -> str | None:
        return self.wb.selection

    @property
    def ref(self) -> str:
        """How the services find this candidate: by id once loaded (a rename elsewhere does not lose it)."""
        return f"#{self.candidate.id}" if self.candidate is not None else self.candidate_name

    def compose_body(self) -> ComposeResult:
        yield Static(f"Loading {one_line(self.candidate_name)}…", id="candidate-title", markup=False)
        with TabbedContent(id="candidate-tabs"):
            with TabPane("Profile", id="tab-profile"):
                yield ProfilePane(id="profile")
            with TabPane("Recommendations", id="tab-recommendations"):
                yield RecommendationsPane(id="recommendations")
            with TabPane("People", id="tab-people"):
                yield PeoplePane(id="people")
            with TabPane("Due diligence", id="tab-diligence"):
                yield DiligencePane(id="diligence")
            with TabPane("Meetings", id="tab-meetings"):
                yield MeetingsPane(id="meetings")

    @property
    def profile(self) -> ProfilePane:
        return self.query_one("#profile", ProfilePane)

    def on_mount(self) -> None:
        self.sub_title = f"Candidate · {one_line(self.candidate_name)}"
        self._profile = self.profile
        self.load()

    def load(self) -> None:
        name, selection = self.candidate_name, self.selection

        def fetch(services: Services) -> CandidateData:
            view = services.candidates.get(name, selection=selection)
            ref = f"#{view.id}"
            return CandidateData(
                view,
                services.candidates.recommendations(ref, selection=selection),
                services.candidates.people(ref, selection=selection),
                services.candidates.checks(ref, selection=selection),
                services.meetings.list(selection=selection, candidate=ref),
                services.selections.scope(selection),
            )

        self.call(fetch, self._show, failed=self._not_loaded, group="candidate-load", exclusive=True)

    def _show(self, data: CandidateData) -> None:
        self.candidate = data.candidate
        self.candidate_name = data.candidate.name
        self.profile.show(data.candidate)
        self.query_one(RecommendationsPane).show_all(data.recommendations)
        self.query_one(PeoplePane).show_all(data.people)
        self.query_one(DiligencePane).show_all(data.checks)
        self.query_one(MeetingsPane).show_all(data.meetings)
        self.query_one(CoveragePane).show(data.candidate, data.scope)
        self.refresh_title()
        self.query_one("#profile-website", Input).focus()

    def refresh_title(self) -> None:
        """The line above the tabs: status and counts of what the tabs hold now."""
        c = self.candidate
        if c is None:
            return
        recs = len(self.query_one(RecommendationsPane).views)
        people = len(self.query_one(PeoplePane).views)
        checks = list(self.query_one(DiligencePane).views.values())
        meetings = len(self.query_one(MeetingsPane).views)
        ok = sum(1 for x in checks if x.status == "ok")
        concerns = sum(1 for x in checks if x.status == "concern")
        self.query_one("#candidate-title", Static).update(
            Content.assemble(
                (one_line(c.name), "b"),
                f" · {c.status} · {recs} recommendation(s) · {people} people · checks {ok}/{len(checks)} ok"
                f"{f', {concerns} concern(s)' if concerns else ''} · {meetings} meeting(s)",
            )
        )

    def _not_loaded(self, exc: BaseException) -> None:
        from screens.shell.base import describe_error

        self.query_one("#candidate-title", Static).update(
            Content.assemble((f"Cannot show {one_line(self.candidate_name)}:", "b red"), f" {describe_error(exc)}")
        )

    def action_tab(self, step: int) -> None:
        """Show the next (or previous) tab and put the focus in it."""
        tabs = self.query_one(TabbedContent)
        current = str(tabs.active).removeprefix("tab-")
        index = self.TABS.index(current) if current in self.TABS else 0
        tabs.active = f"tab-{self.TABS[(index + step) % len(self.TABS)]}"

    @on(TabbedContent.TabActivated, "#candidate-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        name = str(event.pane.id).removeprefix("tab-")
        target = self.query_one("#profile-website") if name == "profile" else self.query_one(f"#{name} DataTable")
        target.focus()

    def save_now(self) -> None:
        """Save what was queued or typed but not saved yet, synchronously (leaving the screen or the app)."""
        super().save_now()
        if self._profile is not None and self.candidate is not None:
            self._profile.save_now(self.call_now, self.ref, self.selection)

    def action_back(self) -> None:
        self.save_now()
        self.app.pop_screen()

    def action_leave(self, section: str) -> None:
        leave_for(self, section)
