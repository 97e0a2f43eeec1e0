"""The scope a candidate offers, on its profile: one line per scope item, space (or enter) marks it offered or not.

Each toggle is saved at once through the services and ctrl+z takes it back. The line above the list counts
the outsourced items offered, as the comparison's row does ("covers 5 of 6 outsourced items").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from screens.shell.editing import Undo

if TYPE_CHECKING:
    from screens.candidates.host import CandidateHost
    from workbench.services.views.candidates import CandidateView
    from workbench.services.views.kit import ScopeItemView

OUTSOURCED = "outsource"
DECISION_WORDS = {"in-house": "stays in house", "undecided": "undecided"}


def coverage_line(scope: list[ScopeItemView], offered: set[int]) -> str:
    """``Covers 5 of 6 outsourced scope items.`` (or why there is nothing to count)."""
    if not scope:
        return "The selection has no scope items yet."
    out = [s for s in scope if s.decision == OUTSOURCED]
    if not out:
        return "No scope item is outsourced yet; mark what the candidate offers anyway."
    covered = sum(1 for s in out if s.id in offered)
    return f"Covers {covered} of {len(out)} outsourced scope items."


class CoveragePane(Vertical):
    """Which scope items the candidate offers (saved on each toggle, undone with ctrl+z)."""

    DEFAULT_CSS = """
    CoveragePane { height: auto; margin-top: 1; }
    CoveragePane #covers-count { color: $text-muted; height: auto; }
    CoveragePane #covers-list { height: auto; max-height: 12; }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.scope: list[ScopeItemView] = []
        self.offered: set[int] = set()
        """The scope item ids offered as the screen shows them (toggles on their way included)."""

    @property
    def owner(self) -> CandidateHost:
        return cast("CandidateHost", self.screen)

    @property
    def items(self) -> SelectionList[int]:
        return cast("SelectionList[int]", self.query_one("#covers-list", SelectionList))

    def compose(self) -> ComposeResult:
        yield Static("Scope it offers (space marks an item, saved at once)", id="covers-label")
        yield Static("", id="covers-count")
        yield SelectionList[int](id="covers-list")

    def show(self, view: CandidateView, scope: list[ScopeItemView]) -> None:
        """Show the selection's scope items, those the candidate offers marked."""
        self.scope = list(scope)
        self.offered = set(view.scope_item_ids)
        items = self.items
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            items.clear_options()
            items.add_options([Selection(self._prompt(s), s.id, s.id in self.offered) for s in self.scope])
        self._count()

    @staticmethod
    def _prompt(item: ScopeItemView) -> Text:
        text = Text(item.name)
        if item.decision != OUTSOURCED:
            text.append(f" · {DECISION_WORDS.get(item.decision, item.decision)}", style="dim")
        return text

    def _count(self) -> None:
        self.query_one("#covers-count", Static).update(Text(coverage_line(self.scope, self.offered)))

    def _mark(self, item_id: int, covered: bool) -> None:
        """Show one item as offered or not (after a save failed, or an undo)."""
        (self.offered.add if covered else self.offered.discard)(item_id)
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            (self.items.select if covered else self.items.deselect)(item_id)
        self._count()

    @on(SelectionList.SelectionToggled, "#covers-list")
    def _toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        item_id = int(event.selection.value)
        covered = item_id in self.items.selected
        name = next((s.name for s in self.scope if s.id == item_id), "the item")
        (self.offered.add if covered else self.offered.discard)(item_id)
        self._count()
        owner = self.owner
        ref, selection = owner.ref, owner.selection

        def failed(exc: BaseException) -> None:
            self._mark(item_id, not covered)
            owner.show_not_saved(exc)

        def undo(_: CandidateView) -> Undo:
            return Undo(
                f"{'offering' if covered else 'not offering'} {name}",
                lambda services: services.candidates.set_covered(ref, item_id, not covered, selection=selection),
                lambda view: self._mark(item_id, item_id in view.scope_item_ids),
            )

        owner.save(
            lambda services: services.candidates.set_covered(ref, item_id, covered, selection=selection),
            failed=failed,
            undo=undo,
        )
