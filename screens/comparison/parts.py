"""The comparison matrix's cells, rows and bar chart as Rich text: pure functions of the comparison."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from screens.widgets.matrix_cell import NO_STYLE, Cell
from workbench.domain.display import one_line

if TYPE_CHECKING:
    from workbench.services.views.comparison import CandidateResult, ComparisonView, CriterionCell
    from workbench.services.views.drill import CandidateExtras

CRITERION_COLUMN = "criterion"
WEIGHT_COLUMN = "weight"

SUMMARY_ROWS = (
    ("total", "Total (1–5)"),
    ("total100", "Total (0–100)"),
    ("rank", "Rank"),
    ("coverage", "Coverage"),
    ("pfirst", "P(first)"),
    ("fit", "Time-zone fit (h/week)"),
    ("scope", "Outsourced scope covered"),
    ("diligence", "Due diligence done"),
    ("recs", "Recommendations"),
    ("gaps", "Knowledge gaps"),
)
"""(row key, label) of the rows under the criteria."""

WEIGHT_ROWS = ("total", "total100", "rank", "coverage", "pfirst")
"""The summary rows a weight change can alter."""

FLAG = "⚑"
BOLD, DIM, YELLOW = Style(bold=True), Style(dim=True), Style(color="yellow")
LEADER = Style(bold=True, reverse=True)
PENDING = Cell.of("…", DIM)
"""A P(first) still being worked out."""

# Background of a criterion cell from its score: 1 red, 2 orange, 3 amber, 4 olive, 5 green (dark, for white text).
_STOPS = ((153, 27, 27), (154, 52, 18), (133, 77, 14), (63, 98, 18), (22, 101, 52))


def candidate_column(candidate_id: int) -> str:
    return f"k{candidate_id}"


def criterion_row(criterion_id: int) -> str:
    return f"c{criterion_id}"


def criterion_of(row_key: str | None) -> int | None:
    """The criterion id of a criterion row key, else None."""
    return int(row_key[1:]) if row_key and row_key.startswith("c") and row_key[1:].isdigit() else None


def candidate_of(column_key: str | None) -> int | None:
    """The candidate id of a candidate column key, else None."""
    return int(column_key[1:]) if column_key and column_key.startswith("k") and column_key[1:].isdigit() else None


def header_label(result: CandidateResult) -> str:
    """A candidate's name as a title (plain, on one line); the in-house baseline says so."""
    name = one_line(result.name)
    if result.baseline and "baseline" not in name.casefold():
        return f"{name} (baseline)"
    return name


HEADER_WIDTH = 16
CRITERION_WIDTH = 32


def column_title(result: CandidateResult) -> Text:
    """A candidate's column title on two lines of at most HEADER_WIDTH characters."""
    import textwrap

    lines = textwrap.wrap(header_label(result), HEADER_WIDTH, break_long_words=True) or [""]
    if len(lines) > 2:
        lines = [lines[0], shorten(" ".join(lines[1:]), HEADER_WIDTH)]
    return Text("\n".join(line.rjust(HEADER_WIDTH if len(lines) > 1 else 0) for line in lines), justify="right")


def shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def score_colour(score: float) -> str:
    """The cell background for a score 1..5 (clamped), blended between the five stops."""
    x = min(4.0, max(0.0, score - 1.0))
    low = min(3, int(x))
    t = x - low
    a, b = _STOPS[low], _STOPS[low + 1]
    r, g, bl = (round(a[i] + (b[i] - a[i]) * t) for i in range(3))
    return f"#{r:02x}{g:02x}{bl:02x}"


def score_cell(cell: CriterionCell | None, *, flags: bool = True) -> Cell:
    """A criterion cell: the score on its colour, ⚑ when the members disagree by 2 points or more."""
    if cell is None or cell.score is None:
        return Cell.of("–", DIM)
    flagged = flags and cell.flagged
    text = f"{cell.score:.2f}" + (f" {FLAG}" if flagged else "")
    return Cell.of(f" {text} ", _score_style(round(cell.score, 2), flagged), fill=True)


@lru_cache(maxsize=1024)
def _score_style(score: float, bold: bool) -> Style:
    return Style(color="white", bgcolor=score_colour(score), bold=bold)


def weight_cell(weight: float) -> Cell:
    return Cell.of(f"{weight:g}", BOLD)


def label_cell(text: str, *, bold: bool = False) -> Cell:
    return Cell.of(text, BOLD if bold else NO_STYLE, justify="left")


def _fit(low: float | None, typical: float | None) -> str:
    """Typical weekly overlap, with the worst week when it differs (as `workbench compare` prints it)."""
    if typical is None or low is None:
        return "unknown"
    return f"{typical:g}" if low == typical else f"{typical:g} (min {low:g})"


def summary_cell(key: str, result: CandidateResult, extras: CandidateExtras | None) -> Cell:
    """One cell of a summary row, in the number formats of `workbench compare`."""
    if key == "total":
        return Cell.of(f"{result.total:.2f}", BOLD) if result.total is not None else Cell.of("–", DIM)
    if key == "total100":
        return Cell.of(f"{result.total_100:.0f}") if result.total_100 is not None else Cell.of("–", DIM)
    if key == "rank":
        if result.rank is None:
            return Cell.of("–", DIM)
        return Cell.of(f" {result.rank} ", LEADER if result.rank == 1 else BOLD)
    if key == "coverage":
        return Cell.of(f"{result.coverage:.0%}", NO_STYLE if result.coverage >= 1 else YELLOW)
    if key == "pfirst":
        return Cell.of(f"{result.p_first:.0%}")
    if key == "fit":
        return Cell.of(_fit(result.fit_min_weekly_hours, result.fit_typical_weekly_hours))
    if key == "scope":
        scope = result.scope
        if scope is None or scope.of == 0:
            return Cell.of("–", DIM)
        return Cell.of(f"{scope.covered} of {scope.of}", NO_STYLE if scope.covered >= scope.of else YELLOW)
    if extras is None:
        return Cell.of("–", DIM)
    if key == "diligence":
        cell = Cell.of(f"{extras.checks_done}/{extras.checks}")
        return cell.add(f" {extras.checks_concern}⚠", YELLOW) if extras.checks_concern else cell
    if key == "recs":
        cell = Cell.of(str(extras.recommendations))
        if extras.positive or extras.negative:
            cell = cell.add(f" (+{extras.positive} −{extras.negative})", DIM)
        return cell
    if key == "gaps":
        return Cell.of(str(extras.knowledge_gaps), YELLOW if extras.knowledge_gaps else NO_STYLE)
    raise KeyError(key)


def scope_sentence(result: CandidateResult) -> str:
    """What enter on the scope row says: the outsourced items the candidate does not offer."""
    scope = result.scope
    if scope is None or scope.of == 0:
        return "No scope item is outsourced yet."
    if not scope.missing:
        return f"{result.name} offers all {scope.of} outsourced scope items."
    return (
        f"{result.name} offers {scope.covered} of {scope.of} outsourced scope items; not: {', '.join(scope.missing)}."
    )


BAR_WIDTH = 40
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``fraction`` (0..1) of ``width`` cells, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


def bar_chart(view: ComparisonView, *, width: int = BAR_WIDTH) -> Text:
    """The totals as bars on the 0–100 scale, in rank order (unranked last)."""
    if not view.candidates:
        return Text("No candidates yet.", style="dim")
    names = [header_label(r) for r in view.candidates]
    pad = min(32, max(len(n) for n in names))
    out = Text()
    for r, name in zip(view.candidates, names, strict=True):
        out.append(f"{r.rank if r.rank is not None else '–':>3} ", style="dim")
        out.append(f"{name[:pad]:<{pad}} ", style="bold" if r.rank == 1 else "")
        if r.total_100 is None:
            out.append("no scores yet\n", style="dim")
            continue
        colour = score_colour(r.total) if r.total is not None else "grey50"
        out.append(bar(r.total_100 / 100, width), style=colour)
        out.append(f" {r.total_100:>3.0f}  ({r.total:.2f})\n")
    out.rstrip()
    return out


def keep_robustness(
    view: ComparisonView, previous: dict[int, CandidateResult], before: ComparisonView | None
) -> ComparisonView:
    """The quick comparison with the last P(first) and flip shown, until the worker brings new ones."""
    from dataclasses import replace

    return replace(
        view,
        leader_flip=before.leader_flip if before is not None else None,
        candidates=tuple(
            replace(r, p_first=previous[r.id].p_first) if r.id in previous else r for r in view.candidates
        ),
    )
