"""Weights edited on the comparison screen: + and - on a criterion's row, or typed; saved in order, ctrl+z undoes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from screens.comparison.parts import criterion_of
from screens.shell.editing import EditingScreen, Undo

if TYPE_CHECKING:
    from workbench.services.views.kit import CriterionView


class WeightEdits(EditingScreen):
    """The weight keys of ComparisonScreen (its base; the screen provides the state and the drawing).

    ``weights`` holds what the keys pressed so far leave each weight at, ``stored_weights`` what
    the database holds; a failed save puts the stored weight back on screen.
    """

    weights: dict[int, float]
    stored_weights: dict[int, float]
    _pending: dict[int, int]
    shown: Any

    # The comparison screen's own, used here.
    def criterion(self, criterion_id: int | None) -> CriterionView | None:
        raise NotImplementedError

    def _cursor(self) -> tuple[str | None, str | None]:
        raise NotImplementedError

    def _recompute(self, *, rebuild_table: bool = False, scores: bool = True) -> None:
        raise NotImplementedError

    def _paint_text(self) -> None:
        raise NotImplementedError

    def action_weight(self, step: float) -> None:
        """Change the weight of the criterion under the cursor by ``step`` (not below 0)."""
        crit = self.criterion(criterion_of(self._cursor()[0]))
        if crit is None:
            self.notify("Put the cursor on a criterion's row to change its weight.", timeout=4)
            return
        old = self.weights[crit.id]
        new = max(0.0, old + step)
        if new == old:
            self.notify(f"The weight of {crit.name} is 0 already.", timeout=3)
            return
        self.set_weight(crit.id, new)

    def action_type_weight(self) -> None:
        crit = self.criterion(criterion_of(self._cursor()[0]))
        if crit is None:
            self.notify("Put the cursor on a criterion's row to set its weight.", timeout=4)
            return
        from screens.dialogs.text import TextDialog

        def problem(text: str) -> str | None:
            return None if _weight(text) is not None else f"weight: {text!r} is not a number >= 0"

        def typed(text: str | None) -> None:
            value = _weight(text) if text is not None else None
            if value is not None and value != self.weights.get(crit.id):
                self.set_weight(crit.id, value)

        self.app.push_screen(TextDialog(f"Weight of {crit.name}", f"{self.weights[crit.id]:g}", problem), typed)

    def set_weight(self, criterion_id: int, weight: float) -> None:
        """Show the new weight's totals and ranks at once, and save it (in order, after earlier edits)."""
        crit = self.criterion(criterion_id)
        assert crit is not None
        old = self.weights[criterion_id]
        self.weights[criterion_id] = weight
        self._pending[criterion_id] = self._pending.get(criterion_id, 0) + 1
        self._recompute(scores=False)
        selection = self.wb.selection

        def settled(stored: float | None) -> None:
            self._pending[criterion_id] -= 1
            if stored is not None:
                self.stored_weights[criterion_id] = stored
            if not self._pending[criterion_id] and self.weights[criterion_id] != self.stored_weights[criterion_id]:
                self.weights[criterion_id] = self.stored_weights[criterion_id]  # a failed save: back to what is stored
                self._recompute(scores=False)
            elif self.shown is not None:
                self._paint_text()

        def failed(exc: BaseException) -> None:
            settled(None)
            self.show_not_saved(exc)

        def undo(_: CriterionView) -> Undo:
            return Undo(
                f"weight of {crit.name} ({weight:g} back to {old:g})",
                lambda services: services.comparison.set_weight(criterion_id, old, selection=selection),
                self._restored,
            )

        self.save(
            lambda services: services.comparison.set_weight(criterion_id, weight, selection=selection),
            lambda stored: settled(stored.weight),
            failed=failed,
            undo=undo,
        )

    def _restored(self, stored: CriterionView) -> None:
        """An undone weight, stored again."""
        self.stored_weights[stored.id] = stored.weight
        if not self._pending.get(stored.id):
            self.weights[stored.id] = stored.weight
            self._recompute(scores=False)


def _weight(text: str | None) -> float | None:
    """A typed weight: a finite number >= 0, else None."""
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None
