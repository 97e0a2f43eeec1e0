"""The widgets of the live interview screen.

The agenda and the anchors are drawn line by line from cached strips, so that a score redraws a
line or two rather than a region; the other parts redraw without a new layout when their height
stays the same.
"""

from __future__ import annotations

import functools
import textwrap
from typing import TYPE_CHECKING, Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from screens.interview.frame import KeptLines, QuietStatic
from screens.interview.parts import SCORE_STYLE, agenda_pieces, agenda_prompt, question_head, question_tail, side_rows
from screens.widgets.table import Table

if TYPE_CHECKING:
    from datetime import datetime

    from workbench.services.views.interview import InterviewQuestion, InterviewView, QuestionScores


class AgendaList(ScrollView, can_focus=True):
    """The agenda: number, state (not yet scored, score, N/A), knowledge-gap and carried-over marks, question.

    Lines are cut to the width and cached; changing one question refreshes only its line (the
    line API), which keeps a key press to its redrawn line short on a long agenda.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"agenda--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """The current question's index (None: no agenda shown)."""

    class Highlighted(Message):
        """The current question changed."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.questions: list[InterviewQuestion] = []
        self._lines: dict[tuple[int, bool, bool, int], Strip] = {}
        self._styles: dict[bool, tuple[Style, Style]] = {}  # focused -> (line, cursor line): once per style change

    def show(self, questions: list[InterviewQuestion], index: int) -> None:
        """Show an agenda (every line drawn again) with the cursor on ``index``."""
        self.questions = list(questions)
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.questions))
        self.set_reactive(AgendaList.highlighted, None)
        self.highlighted = index if self.questions else None
        self.refresh()

    def show_row(self, index: int, question: InterviewQuestion) -> None:
        """Show one question changed: only its line is drawn again."""
        self.questions[index] = question
        for key in [k for k in self._lines if k[0] == index]:
            del self._lines[key]
        self.refresh_line(index)

    def lines(self) -> list[Text]:
        """The agenda's lines as text (whole, not cut), for whoever reads the screen."""
        return [agenda_prompt(q, 10_000) for q in self.questions]

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self.questions:
            return None
        return max(0, min(index, len(self.questions) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh_line(index)
        if new is not None:
            width = self.scrollable_content_region.width
            self.scroll_to_region(Region(0, new, width, 1), animate=False, force=True, immediate=True)
            self.post_message(self.Highlighted(new))

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        focused = self.has_focus
        plain, marked = self._line_styles(focused)
        if not 0 <= index < len(self.questions):
            return Strip.blank(width, plain)
        cursor = index == self.highlighted
        key = (index, cursor, focused, width)
        strip = self._lines.get(key)
        if strip is None:
            base = marked if cursor else plain
            segments = [
                Segment(text, base + parsed_style(style)) for text, style in agenda_pieces(self.questions[index], width)
            ]
            strip = self._lines[key] = Strip(segments).extend_cell_length(width, base).crop(0, width)
        return strip

    def _line_styles(self, focused: bool) -> tuple[Style, Style]:
        """The style of a line and of the cursor's line (Textual works rich_style out from every ancestor each time)."""
        styles = self._styles.get(focused)
        if styles is None:
            base = self.rich_style
            styles = self._styles[focused] = (base, base + self.get_component_rich_style("agenda--cursor"))
        return styles

    def notify_style_update(self) -> None:
        self._lines.clear()  # drawn with the old theme's colours
        self._styles.clear()
        super().notify_style_update()

    def on_resize(self) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.questions))
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: Any) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and self.questions:
            self.highlighted = self.scroll_offset.y + offset.y

    def action_cursor_down(self) -> None:
        if self.highlighted is not None:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is not None:
            self.highlighted -= 1

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.questions) - 1

    def action_page(self, step: int) -> None:
        if self.highlighted is not None:
            self.highlighted += step * max(1, self.scrollable_content_region.height - 1)

    async def on_key(self, event: Any) -> None:
        """The interview's keys act at once, in the order typed (see InterviewScreen.run_key)."""
        screen: Any = self.screen
        if getattr(screen, "editing", False):
            if screen.editor.type_key(event):
                event.prevent_default()
                event.stop()
        elif hasattr(screen, "run_key"):
            await screen.run_key(event)


SCORE_ROW = -1
"""The row of AnchorLines that reads this member's score, below the anchors and a blank row (0)."""


class AnchorLines(Widget):
    """The criterion's anchored descriptors of 1..5 under a hanging indent, the chosen one marked, and the score.

    Drawn line by line: a score redraws only the lines of the anchor it leaves, of the one it
    marks, and the score's own line.
    """

    DEFAULT_CSS = "AnchorLines { height: auto; }"

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.question: InterviewQuestion | None = None
        self._rows: list[tuple[int, str, bool]] = []  # (score, text, first line of its anchor)
        self._width = 0
        self._strips: dict[tuple[int, bool, int], Strip] = {}  # (row, chosen, width) -> drawn line
        self._base: Style | None = None  # rich_style, once per style change

    def show(self, question: InterviewQuestion | None) -> None:
        """Show a question's anchors; for the same question with another score, only the changed lines."""
        before, self.question = self.question, question
        width = self.content_region.width or self.size.width
        same = (
            before is not None
            and question is not None
            and before.question_id == question.question_id
            and before.anchors == question.anchors
            and width == self._width
        )
        if same and before is not None and question is not None:
            changed = {_chosen(before), _chosen(question), SCORE_ROW} - {None}
            width = self.size.width
            self.refresh(*(Region(0, y, width, 1) for y, (score, _, _) in enumerate(self._rows) if score in changed))
            return
        self._width = width
        self._rows = []
        self._strips.clear()
        if question is not None:
            room = max(10, width - 4)
            for score, anchor in enumerate(question.anchors, 1):
                for i, line in enumerate(textwrap.wrap(anchor or "(no descriptor)", room) or [""]):
                    self._rows.append((score, line, i == 0))
            self._rows += [(0, "", False), (SCORE_ROW, "", True)]
        self.styles.height = len(self._rows)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows)

    @property
    def base_style(self) -> Style:
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not 0 <= y < len(self._rows) or self.question is None:
            return Strip.blank(width, self.base_style)
        score, line, first = self._rows[y]
        if score == SCORE_ROW:
            return self._score_line(width)
        if score == 0:
            return Strip.blank(width, self.base_style)
        chosen = _chosen(self.question) == score
        key = (y, chosen, width)
        if (strip := self._strips.get(key)) is None:
            strip = self._strips[key] = self._anchor_line(score, line, first, chosen, width)
        return strip

    def _anchor_line(self, score: int, line: str, first: bool, chosen: bool, width: int) -> Strip:
        colour = parsed_style(SCORE_STYLE[score])
        marked = colour + Style(reverse=True) if chosen else None
        base = self.base_style
        mark = f"{'▶' if chosen else ' '}{score} " if first else "   "
        segments = [Segment(mark, base + (marked or colour)), Segment(" " + line, base + marked if marked else base)]
        return Strip(segments).extend_cell_length(width, (base + marked) if marked else base).crop(0, width)

    def notify_style_update(self) -> None:
        self._strips.clear()  # drawn with the old theme's colours
        self._base = None
        super().notify_style_update()

    def _score_line(self, width: int) -> Strip:
        q, base = self.question, self.base_style
        assert q is not None
        if not q.scored:
            segments = [Segment("Not yet scored: 1-5 scores it, 0 marks it N/A.", base + parsed_style("dim"))]
        else:
            value = "N/A" if q.value is None else str(q.value)
            segments = [
                Segment("Your score: ", base + parsed_style("bold")),
                Segment(value, base + parsed_style("bold" if q.value is None else SCORE_STYLE[q.value])),
            ]
            if not q.comment:
                segments.append(Segment(" · c adds a comment", base + parsed_style("dim")))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def on_resize(self) -> None:
        if self.question is not None and self.content_region.width != self._width:
            question, self.question = self.question, None
            self.show(question)


@functools.lru_cache(maxsize=64)
def parsed_style(name: str) -> Style:
    """A Rich style from its text, parsed once ("" is the plain style)."""
    return Style.parse(name) if name else Style()


def _chosen(question: InterviewQuestion) -> int | None:
    return question.value if question.scored else None


class QuestionPanel(KeptLines, VerticalScroll):
    """The centre: the current question; its anchors and this member's score; comment, gaps and the panel.

    A score changes only a few lines of the anchors' part; the other parts are drawn again only
    when their text changes, and without a new layout when their height stays the same.
    """

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.auto_links = False  # no links: unchanged lines are given again (screens/interview_frame.py)
        self.head, self.anchors = QuietStatic("", id="iv-question"), AnchorLines(id="iv-anchors")
        self.tail = QuietStatic("", id="iv-question-tail")

    def compose(self) -> ComposeResult:
        yield self.head
        yield self.anchors
        yield self.tail

    def show(
        self,
        q: InterviewQuestion | None,
        total: int,
        now: datetime,
        panel: QuestionScores | None = None,
        *,
        moved: bool = True,
    ) -> None:
        """Draw the question (``moved``: another question than before, so every part and a new layout)."""
        head, tail = self.head, self.tail
        self.anchors.show(q)  # another score of the same question: two lines redrawn
        if q is None:
            head.update("")
            tail.update("")
            return
        if moved:
            head.update(question_head(q, total, now))
        text = question_tail(q, panel)
        before = tail.content
        if moved or not isinstance(before, Text) or before.plain != text.plain:  # a digit changes none of it
            tail.update(text, layout=moved or self._height(text) != self._height(before))

    def tick(self, q: InterviewQuestion, total: int, now: datetime) -> None:
        """The running timer's new value (the first line only changes)."""
        self.head.update(question_head(q, total, now), layout=False)

    def _height(self, text: Any) -> int:
        width = max(1, self.scrollable_content_region.width)
        plain = text.plain if isinstance(text, Text) else str(text)
        return sum(max(1, -(-len(line) // width)) for line in plain.split("\n"))


class SideTable(Table):
    """After submitting: the panel's scores of every question side by side, with the spread."""

    def show(self, view: InterviewView | None, index: int) -> None:
        self.clear(columns=True)
        self.display = bool(view is not None and view.submitted and view.columns)
        if not self.display or view is None:
            return
        self.add_columns("#", "Criterion", *(name.split()[0] for name in view.columns), "Spread")
        for row in side_rows(view):
            self.add_row(*row)
        self.move_cursor(row=index)
