"""Export of the comparison from its screen: the same files `workbench compare --format md|csv|json -o FILE` writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.shell.base import WorkbenchScreen
    from workbench.services import Services
    from workbench.services.views.comparison import ComparisonView

FORMATS = {".md": "md", ".csv": "csv", ".json": "json"}


def render(view: ComparisonView, fmt: str) -> str:
    """The file's text, through the same export functions as `workbench compare`."""
    from workbench.exports import comparison

    if fmt == "json":
        from workbench.commands.output import to_json

        return to_json(comparison.comparison_dict(view))
    if fmt == "csv":
        return comparison.comparison_csv(view)
    if fmt == "md":
        return comparison.comparison_markdown(view)
    raise ValueError(f"{fmt!r} is not md, csv or json")


def open_export(
    screen: WorkbenchScreen,
    *,
    selection: str | None,
    member: str | None,
    baseline: bool,
    today: date | None,
    one_member_shown: bool,
) -> None:
    """Ask for a file and write the panel's comparison with the weights as stored (after the saves on their way).

    Args:
        screen: the comparison screen (its queued saves are written first).
        selection: the selection compared; member: who is looking (their withheld meetings stay out).
        baseline: whether the in-house baseline is a column.
        today: the day the comparison was read for (the time-zone fit starts there).
        one_member_shown: the screen shows one member's scores; the file holds every member's.
    """
    from screens.dialogs.file import ask_file
    from workbench.files import safe_name, write_private

    def write(services: Services, path: Path, fmt: str) -> Path:
        view = services.comparison.compare(selection=selection, include_baseline=baseline, today=today, member=member)
        return write_private(path, render(view, fmt))

    note = "" if baseline else " without the baseline"
    if one_member_shown:
        note += " (every member's scores, not only those on screen)"
    ask_file(
        screen,
        title=f"Export the comparison{note}",
        default=f"comparison-{safe_name(selection or '', fallback='selection')}.md",
        formats=FORMATS,
        write=write,
        what="the comparison",
    )
