"""Export of the comparison from its screen: the same files `workbench compare --format md|csv|json -o FILE` writes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.comparison.comparison import ComparisonScreen
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


def open_export(screen: ComparisonScreen) -> None:
    """Ask for a file and write the panel's comparison with the weights as stored (after the saves on their way)."""
    from screens.dialogs.file import ask_file
    from workbench.files import safe_name, write_private

    selection, member = screen.wb.selection, screen.wb.member
    baseline = screen.show_baseline
    today = screen.loaded.today if screen.loaded is not None else None

    def write(services: Services, path: Path, fmt: str) -> Path:
        view = services.comparison.compare(selection=selection, include_baseline=baseline, today=today, member=member)
        return write_private(path, render(view, fmt))

    note = "" if baseline else " without the baseline"
    if screen.member_index:
        note += " (every member's scores, not only those on screen)"
    ask_file(
        screen,
        title=f"Export the comparison{note}",
        default=f"comparison-{safe_name(selection or '', fallback='selection')}.md",
        formats=FORMATS,
        write=write,
        what="the comparison",
    )
