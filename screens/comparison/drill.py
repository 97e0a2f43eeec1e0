"""The drill-down of a comparison cell: each submitted score behind it, its comments, the notes of those meetings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from screens.comparison.parts import FLAG, score_colour
from screens.shell.base import WorkbenchScreen
from screens.widgets.table import Table
from workbench.domain.vocabulary import NOTE_KIND_LABELS
from workbench.domain.vocabulary import label as label_of

if TYPE_CHECKING:
    from datetime import datetime

    from workbench.services.views.drill import DrillDownView, DrillScore


def _short(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")


class DrillDownScreen(WorkbenchScreen):
    """What a comparison cell stands on; enter on a score opens its meeting's minutes."""

    CSS_PATH = "comparison.tcss"
    BINDINGS = [
        Binding("enter", "minutes", "Minutes", tooltip="The minutes of the meeting of the score under the cursor"),
        Binding("escape,backspace", "back", "Back", tooltip="Back to the comparison"),
        # F2-F5 close the drill-down first, so that screens do not pile up under the section opened.
        Binding("f2", "leave('scope')", "Scope", tooltip="What goes out and what stays in house"),
        Binding("f3", "leave('candidates')", "Candidates", tooltip="Vendors and the in-house baseline"),
        Binding("f4", "leave('schedule')", "Schedule", tooltip="Meetings by day, in our time and the vendor's"),
        Binding("f5", "leave('comparison')", "Compare", tooltip="Back to the comparison"),
    ]

    def __init__(self, candidate_id: int, candidate: str, criterion_id: int, criterion: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.candidate = candidate
        self.criterion_id = criterion_id
        self.criterion = criterion
        self.view: DrillDownView | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="drill-body"):
            yield Static(Text(f"{self.criterion} · {self.candidate}", style="bold"), id="drill-title")
            yield Static("Loading the scores…", id="drill-summary")
            yield Table(id="drill-scores", cursor_type="row", zebra_stripes=True)
            yield Static("", id="drill-detail")
            with VerticalScroll(id="drill-notes-box", can_focus=False):
                yield Static("", id="drill-notes")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#drill-scores", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Scores behind · {self.criterion} · {self.candidate}"
        for key, label in (
            ("meeting", "Meeting"),
            ("question", "Question"),
            ("member", "Member"),
            ("score", "Score"),
            ("comment", "Comment"),
        ):
            self.table.add_column(label, key=key)
        selection, member = self.wb.selection, self.wb.member
        cand, crit = self.candidate_id, self.criterion_id
        self.call(
            lambda services: services.comparison_details.drill_down(cand, crit, selection=selection, member=member),
            self._show,
            group="drill-load",
            exclusive=True,
        )

    def _when(self, at: datetime, *, short: bool = False) -> str:
        """A meeting's start in our zone: ``Wed 21 Oct 2026 09:30``, or ``21 Oct`` when short."""
        assert self.view is not None
        local = at.astimezone(_zone(self.view.our_timezone))
        return f"{local.day} {local:%b}" if short else f"{local:%a} {local.day} {local:%b %Y %H:%M}"

    def _show(self, view: DrillDownView) -> None:
        self.view = view
        self.query_one("#drill-summary", Static).update(self._summary(view))
        table = self.table
        table.clear()
        for i, s in enumerate(view.scores):
            value = (
                Text(" N/A ", style="dim")
                if s.value is None
                else Text(f" {s.value} ", style=f"bold white on {score_colour(float(s.value))}")
            )
            table.add_row(
                f"#{s.meeting_id} {s.meeting_kind}, {self._when(s.meeting_start_utc, short=True)}",
                _short(s.question, 36),
                _short(s.member, 16),
                value,
                _short(s.comment, 30) if s.comment else Text("–", style="dim"),
                key=str(i),
            )
        table.focus()
        self._detail()
        self.query_one("#drill-notes", Static).update(self._notes(view))

    def _summary(self, view: DrillDownView) -> Text:
        out = Text()
        if view.score is None:
            out.append("No submitted score yet", style="bold")
        else:
            out.append(f"{view.score:.2f}", style=f"bold white on {score_colour(view.score)}")
            out.append(f" mean of the members' means · spread {view.spread:.2f}")
            if view.flagged:
                out.append(f" {FLAG} 2 points or more apart: worth discussing", style="bold yellow")
        out.append(f" · weight {view.weight:g}\n")
        if view.member_means:
            out.append("Members: ")
            out.append(
                " · ".join(
                    f"{m.member} {m.mean:.2f}" if m.mean is not None else f"{m.member} N/A only"
                    for m in view.member_means
                )
            )
            out.append(f" ({len(view.scores)} score{'s' if len(view.scores) != 1 else ''}, N/A counts as none)")
        if view.hidden_meetings:
            numbers = ", ".join(f"#{m}" for m in view.hidden_meetings)
            out.append(
                f"\nOthers' scores in meeting {numbers} stay hidden until you submit your own scorecard for it.",
                style="yellow",
            )
        return out

    def _current(self) -> DrillScore | None:
        if self.view is None or not self.table.row_count:
            return None
        key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value
        return self.view.scores[int(key)] if key is not None else None

    @on(DataTable.RowHighlighted, "#drill-scores")
    def _detail(self) -> None:
        s = self._current()
        detail = self.query_one("#drill-detail", Static)
        if s is None:
            detail.update(Text("No submitted scores for this cell.", style="dim"))
            return
        text = Text()
        text.append(f"#{s.meeting_id} {s.meeting_kind}, {self._when(s.meeting_start_utc)} · {s.member}: ", style="bold")
        text.append("N/A" if s.value is None else str(s.value), style="bold")
        text.append(f"  (enter: the minutes of meeting #{s.meeting_id})", style="dim")
        text.append(f"\nQ: {' '.join(s.question.split())}")
        if s.comment:
            text.append(f"\nComment: {' '.join(s.comment.split())}", style="italic")
        detail.update(text)

    def _notes(self, view: DrillDownView) -> Text:
        out = Text()
        about = [n for n in view.notes if n.question_id is not None]
        general = [n for n in view.notes if n.question_id is None]
        for title, notes in (
            (f"Notes about the {view.criterion} questions", about),
            ("Notes of these meetings", general),
        ):
            out.append(f"{title}\n", style="bold")
            if not notes:
                out.append("  none\n", style="dim")
            for n in notes:
                out.append(
                    f"  {label_of(NOTE_KIND_LABELS, n.kind)}", style="yellow" if n.kind in ("gap", "concern") else ""
                )
                out.append(f" · #{n.meeting_id} · {n.member}: ", style="dim")
                out.append(" ".join(n.text.split()))
                if n.kind == "action" and (n.owner or n.due):
                    out.append(f" (owner {n.owner or '–'}, due {n.due.isoformat() if n.due else '–'})", style="dim")
                if n.question:
                    out.append(f" — on: {_short(n.question, 60)}", style="dim")
                out.append("\n")
        out.rstrip()
        return out

    @on(DataTable.RowSelected, "#drill-scores")
    def action_minutes(self) -> None:
        """Open the minutes of the meeting of the score under the cursor."""
        s = self._current()
        if s is None:
            return
        self.wb.open_record("minutes", s.meeting_id)

    def action_back(self) -> None:
        self.dismiss()

    def action_leave(self, section: str) -> None:
        """Close the drill-down, then show a section (the comparison is under it already)."""
        app = self.app
        self.dismiss()
        if section != "comparison":
            app.call_later(app.run_action, f"open({section!r})")
