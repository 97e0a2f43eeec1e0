"""The matrix's parts: a `Cell`, one line in parts drawn as ready-made segments (no Rich layout), and a `Column`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets.data_table import ColumnKey

from workbench.domain.display import one_line

NO_STYLE = Style()


@dataclass(frozen=True, slots=True)
class Cell:
    """One line of text in parts, each with its style; ``fill`` styles the space that justifies it.

    ``of`` and ``add`` keep each part plain (control characters shown, see workbench.domain.display)."""

    parts: tuple[tuple[str, Style], ...]
    justify: str = "right"
    fill: Style = NO_STYLE

    @classmethod
    def of(cls, text: str, style: Style | str = NO_STYLE, *, justify: str = "right", fill: bool = False) -> Cell:
        """A cell of one part; ``fill`` spreads its style over the whole cell (a coloured cell)."""
        style = Style.parse(style) if isinstance(style, str) else style
        return cls(((one_line(text), style),), justify, style if fill else NO_STYLE)

    def add(self, text: str, style: Style | str = NO_STYLE) -> Cell:
        """This cell with one more part."""
        style = Style.parse(style) if isinstance(style, str) else style
        return Cell((*self.parts, (one_line(text), style)), self.justify, self.fill)

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def __str__(self) -> str:
        return self.plain

    def __rich_measure__(self, console: Any, options: Any) -> Measurement:
        width = cell_len(self.plain)
        return Measurement(width, width)

    def __rich_console__(self, console: Any, options: Any) -> Any:  # for anything that renders it through Rich
        yield from self.segments(options.max_width)

    def segments(self, width: int) -> list[Segment]:
        """The cell justified (or cropped) to ``width`` cells."""
        line = [Segment(text, style) for text, style in self.parts if text]
        used = sum(segment.cell_length for segment in line)
        if used > width:
            return Segment.adjust_line_length(line, width)
        space = width - used
        if not space:
            return line
        if self.justify == "right":
            return [Segment(" " * space, self.fill), *line]
        if self.justify == "center":
            left = space // 2
            return [Segment(" " * left, self.fill), *line, Segment(" " * (space - left), self.fill)]
        return [*line, Segment(" " * space, self.fill)]


class Column:
    """A column: its key, its title's lines (justified as ``justify``) and the width of its widest text."""

    __slots__ = ("content_width", "justify", "key", "lines")

    def __init__(self, key: ColumnKey, label: str | Text) -> None:
        self.key = key
        self.lines = [one_line(line) for line in str(label).split("\n")]  # the label's own lines, plain
        self.justify = (label.justify if isinstance(label, Text) else None) or "left"
        self.content_width = max(cell_len(line) for line in self.lines)

    def title(self, line: int, width: int) -> str:
        text = self.lines[line] if line < len(self.lines) else ""
        return text.rjust(width) if self.justify == "right" else text.ljust(width)
