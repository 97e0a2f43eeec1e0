"""The candidates list's filter: the words typed and the status chosen, and the input that draws one line a key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:
    from workbench.services.views.candidates import CandidateView

ALL = "all"
"""The status filter's value for every status."""


def haystack(view: CandidateView) -> str:
    """What the typed words are looked for in: the name, website and zone, case folded."""
    return f"{view.name} {view.website} {view.timezone}".casefold()


def matches(view: CandidateView, words: list[str], status: str, hay: str | None = None) -> bool:
    """Whether a candidate passes the filter: every typed word in its name, website or zone, and the status."""
    if status != ALL and view.status != status:
        return False
    hay = haystack(view) if hay is None else hay
    return all(word in hay for word in words)


class FilterInput(Input):
    """An Input whose typing does not lay the whole screen out again, nor draw its border again.

    Textual 8.2.8 (pinned) sets an Input's virtual size to its content width on every change of
    its value, and the layout sets it back to another size: each key press then lays out and
    draws every widget of the screen. Setting the same size quietly first leaves the assignment
    nothing to change.

    A key press also refreshes the whole Input, its border's two lines included (about half of
    the Input's cost a key). While neither its styles nor its size changed since the last whole
    refresh, only the line of text is drawn again.
    """

    _whole: tuple[int, Size] | None = None

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if not regions and repaint and not layout and not recompose and self.is_mounted:
            drawn = (self.styles._cache_key, self.size)  # Textual's own key for "any style changed"
            if drawn == self._whole:
                regions = (Region(0, 0, self.size.width, 1),)  # the text's line, below the border
            else:
                self._whole = drawn
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
