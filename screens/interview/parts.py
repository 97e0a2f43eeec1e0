"""What each region of the live interview screen shows, drawn from the service's frozen views."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from rich.text import Text

if TYPE_CHECKING:
    from workbench.services.views.actions import ActionView
    from workbench.services.views.interview import InterviewHeader, InterviewQuestion, InterviewView, QuestionScores
    from workbench.services.views.meetings import NoteView

SCORE_STYLE = {1: "bold red", 2: "bold dark_orange", 3: "bold yellow", 4: "bold green", 5: "bold bright_green"}
NOTE_MARK = {"note": "note", "decision": "DECISION", "action": "ACTION", "concern": "CONCERN", "gap": "GAP"}


def kind_label(kind: str) -> str:
    """``meet-the-team`` -> ``Meet the team``."""
    return kind.replace("-", " ").capitalize()


def _zone(name: str) -> Any:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def clock(seconds: float) -> str:
    """``754`` -> ``12:34``; an hour or more -> ``1:02:03``."""
    total = int(max(0.0, seconds))
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def hours_minutes(seconds: float) -> str:
    """``5400`` -> ``1:30`` (hours and minutes)."""
    minutes = int(max(0.0, seconds)) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return f"{days}d {hours}h" if days else f"{hours}h {minutes:02d}m" if hours else f"{minutes} min"


def header_text(h: InterviewHeader, member: str, now: datetime) -> Text:
    """Candidate, kind, when, the vendor's time now, and the time elapsed against the planned time."""
    ours, theirs = _zone(h.our_zone), _zone(h.candidate_zone)
    start, end = h.start_utc.astimezone(ours), (h.start_utc + timedelta(minutes=h.duration_minutes)).astimezone(ours)
    planned = hours_minutes(h.duration_minutes * 60)
    if now < h.start_utc:
        elapsed = f"starts in {_span(h.start_utc - now)} / planned {planned}"
    elif now <= h.start_utc + timedelta(minutes=h.duration_minutes) + timedelta(hours=6):
        over = now - h.start_utc > timedelta(minutes=h.duration_minutes)
        elapsed = f"elapsed {hours_minutes((now - h.start_utc).total_seconds())} / planned {planned}" + (
            " (over)" if over else ""
        )
    else:
        elapsed = f"ended / planned {planned}"
    vendor_now = now.astimezone(theirs)
    text = Text()
    text.append(h.candidate, style="bold")
    text.append(f" · {kind_label(h.kind)} · #{h.meeting_id}")
    if h.series_id is not None:
        text.append(f" · series {h.series_id}, {(h.series_index or 0) + 1}")
    text.append(f" · {h.status}", style="green" if h.status in ("held", "minuted") else "")
    text.append(" · ")
    text.append(f" {member} ", style="bold reverse")
    text.append(f"\n{start:%a %d %b %Y %H:%M}–{end:%H:%M %Z} · ")
    text.append(f"vendor's time {vendor_now:%H:%M %Z}", style="bold cyan")
    text.append(" · ")
    text.append(elapsed, style="bold")
    return text


def _short(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(1, width - 1)] + "…"


def agenda_pieces(q: InterviewQuestion, width: int) -> list[tuple[str, str]]:
    """One agenda line as (text, style) pieces: number, state (``  ·`` not yet scored, ``  4``, ``N/A``),
    knowledge-gap and carried-over marks, and the question cut to fit ``width``."""
    if not q.scored:
        state = ("  ·", "dim")
    elif q.value is None:
        state = ("N/A", "italic")
    else:
        state = (f"  {q.value}", SCORE_STYLE[q.value])
    return [
        (f"{q.number:>2} ", "dim"),
        state,
        (" G" if q.gaps else "  ", "bold magenta"),
        ("↪" if q.carried_from else " ", "cyan"),
        (" " + _short(q.text, max(4, width - 11)), ""),
    ]


def agenda_prompt(q: InterviewQuestion, width: int) -> Text:
    """One agenda line as text (see agenda_pieces)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for piece, style in agenda_pieces(q, width):
        text.append(piece, style=style)
    return text


def question_head(q: InterviewQuestion, total: int, now: datetime) -> Text:
    """The top of the centre: number, criterion, timer, the question and its guidance."""
    head = Text()
    head.append(f"Question {q.number} of {total}", style="bold")
    head.append(" · ")
    head.append(q.criterion, style="bold cyan")
    timer = q.timer
    head.append(
        f"   timer {clock(timer.seconds(now))}" + (" running" if timer.running else ""),
        style="bold yellow" if timer.running else "dim",
    )
    if q.carried_from:
        head.append(f"   ↪ carried over from meeting {q.carried_from}", style="cyan")
    head.append(f"\n{q.text}", style="bold")
    if q.guidance:
        head.append("\nWhat a good answer shows: ", style="dim bold")
        head.append(q.guidance, style="dim italic")
    return head


def question_tail(q: InterviewQuestion, panel: QuestionScores | None = None) -> Text:
    """Below the score: this member's comment, gaps, and after submitting the panel's scores (a score's
    value is on the line above, so a digit changes nothing here)."""
    tail = Text()
    if q.comment:
        tail.append("Your comment: ", style="bold")
        tail.append(q.comment)
    if q.gaps:
        tail.append("\n" if tail else "")
        tail.append(f"Knowledge gap{'s' if q.gaps > 1 else ''} recorded here: {q.gaps}", style="magenta")
    if panel is not None and panel.scores:
        tail.append("\n" if tail else "")
        tail.append("The panel: ", style="bold")
        for i, ms in enumerate(panel.scores):
            tail.append(" · " if i else "")
            tail.append(f"{ms.member} ")
            tail.append(
                "N/A" if ms.value is None else str(ms.value),
                style="italic" if ms.value is None else SCORE_STYLE[ms.value],
            )
            if not ms.submitted:
                tail.append(" (not submitted)", style="dim")
        if panel.spread is not None:
            tail.append(
                f" — spread {panel.spread:g}" + (" ⚑ discuss" if panel.flagged else ""),
                style="bold red" if panel.flagged else "bold",
            )
        for ms in panel.scores:
            if ms.comment:
                tail.append(f"\n  {ms.member}: ", style="bold")
                tail.append(ms.comment, style="italic")
    return tail


def notes_text(notes: tuple[NoteView, ...] | list[NoteView], me: str, numbers: dict[int, int], zone: str) -> Text:
    """The meeting's notes visible to this member, oldest first, with the question each is about."""
    if not notes:
        return Text("No notes yet: n writes a note, d a decision, a an action item, g a knowledge gap.", style="dim")
    tz, text = _zone(zone), Text()
    for i, note in enumerate(notes):
        text.append("\n" if i else "")
        text.append(f"{note.created_at.astimezone(tz):%H:%M} ", style="dim")
        mark = NOTE_MARK.get(note.kind, note.kind)
        text.append(f"{mark:<8} ", style="bold magenta" if note.kind == "gap" else "bold")
        if note.question_id in numbers:
            text.append(f"Q{numbers[note.question_id]} ", style="cyan")
        text.append(" ".join(note.text.split()))
        if note.kind == "action":
            text.append(
                f" → {note.owner or 'no owner'}, due {note.due.isoformat() if note.due else 'no date'}", style="bold"
            )
        if note.member != me:
            text.append(f" ({note.member})", style="dim")
    return text


def open_actions_text(actions: Sequence[ActionView]) -> Text:
    """The candidate's open actions from earlier meetings, shown at the start of this one (then a blank line)."""
    text = Text(f"Open actions from earlier meetings ({len(actions)}):", style="bold yellow")
    for a in actions:
        text.append("\n  • ")
        text.append(" ".join(a.text.split()))
        due = a.due.isoformat() if a.due else "no date"
        text.append(f" → {' '.join(a.owner.split()) or 'no owner'}, due {due}", style="bold")
        if a.overdue:
            text.append(" OVERDUE", style="bold red")
        text.append(f" (meeting {a.meeting_id}, action {a.id})", style="dim")
    text.append("\n\n")
    return text


def side_rows(view: InterviewView) -> list[tuple[Any, ...]]:
    """After submitting: per question, every member's score side by side and the spread."""
    rows = []
    for q, qs in zip(view.questions, view.side_by_side, strict=False):
        by_member = {ms.member: ms for ms in qs.scores}
        cells: list[Any] = [str(q.number), _short(q.criterion, 18)]
        for name in view.columns:
            ms = by_member.get(name)
            if ms is None:
                cells.append(Text("·", style="dim"))
            elif ms.value is None:
                cells.append(Text("N/A", style="italic"))
            else:
                cells.append(Text(str(ms.value), style=SCORE_STYLE[ms.value]))
        cells.append(
            Text(
                "" if qs.spread is None else f"{qs.spread:g}" + (" ⚑" if qs.flagged else ""),
                style="bold red" if qs.flagged else "",
            )
        )
        rows.append(tuple(cells))
    return rows
