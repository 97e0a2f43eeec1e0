"""The interview's status line: the progress bar and the save indicator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from screens.interview.widgets import parsed_style

if TYPE_CHECKING:
    pass


class StatusLine(Widget):
    """One line: a bar and a count of the questions scored, and the save indicator, which reads "saved" (and
    what was saved last) only once the service has committed it. Drawn as one strip: cheap to redraw."""

    DEFAULT_CSS = "StatusLine { height: 1; }"
    BAR = 30

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.scored, self.total, self.submitted = 0, 0, False
        self.indicator, self.failed = "", False
        self._base: Style | None = None  # rich_style, once per style change

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()

    def progress(self, scored: int, total: int, submitted: bool) -> None:
        if (scored, total, submitted) != (self.scored, self.total, self.submitted):  # a score changed: often not
            self.scored, self.total, self.submitted = scored, total, submitted
            self.refresh()

    def saved(self, last: str, pending: int, failure: str | None = None) -> None:
        """``last``: what was saved last; ``pending``: saves not answered yet; ``failure``: what was refused."""
        busy = f" · saving {pending}…" if pending else ""
        self.failed = failure is not None
        self.indicator = (
            f"✗ NOT SAVED · {failure}"
            if failure is not None
            else f"● saved · {last}{busy}"
            if last
            else f"○ saving {pending}…"
            if pending
            else ""
        )
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._base is None:
            self._base = self.rich_style
        base, width = self._base, self.size.width
        done = round(self.BAR * self.scored / self.total) if self.total else 0
        count = f"  {self.scored} of {self.total} scored" + (" · submitted" if self.submitted else "")
        left = [
            Segment(" "),
            Segment("━" * done, base + parsed_style("bold green")),
            Segment("━" * (self.BAR - done), base + parsed_style("grey35")),
            Segment(count, base),
        ]
        used = 1 + self.BAR + len(count)
        indicator = self.indicator[: max(0, width - used - 2)]
        gap = max(1, width - used - len(indicator) - 1)
        style = base + parsed_style("bold red" if self.failed else "bold green")
        return Strip([*left, Segment(" " * gap, base), Segment(indicator, style), Segment(" ", base)]).crop(0, width)
