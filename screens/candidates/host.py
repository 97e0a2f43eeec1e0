"""What a candidate screen's tabs may ask of it (a Protocol): which candidate, saving, the title.

The tabs (screens/candidates/tabs.py, checks.py) know their screen through this alone, so that
they do not import screens/candidates/candidate.py, which composes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from screens.shell.editing import Undo
    from workbench.services import Services


class CandidateHost(Protocol):
    """The candidate screen as its tabs see it."""

    candidate_name: str
    """The candidate's name as last read."""

    @property
    def ref(self) -> str:
        """How the services find the candidate (by id once loaded)."""
        ...

    @property
    def selection(self) -> str | None:
        """The selection the candidate belongs to."""
        ...

    def save(
        self,
        fn: Callable[[Services], Any],
        then: Callable[[Any], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        undo: Callable[[Any], Undo | None] | None = None,
    ) -> None:
        """Queue a service call in key order (screens.shell.editing.EditingScreen.save)."""
        ...

    def show_not_saved(self, exc: BaseException) -> None:
        """Show a failed save as such."""
        ...

    def refresh_title(self) -> None:
        """Draw the title line again (its counts changed)."""
        ...
