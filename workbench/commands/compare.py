"""`workbench compare`: the candidates side by side."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.commands.output import emit, to_json

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    p = sub.add_parser("compare", help="compare the candidates: criterion scores, totals, ranks, robustness")
    add_selection_option(p)
    add_format_option(p, ("table", "json", "csv", "md"), "table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")
    p.add_argument("--no-baseline", action="store_true", help="leave the in-house baseline out")
    p.add_argument(
        "--as",
        dest="as_member",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the panel member looking: meetings they attend (any meeting that lists no attendees) and have "
        "not submitted a scorecard for, while others have, are left out (as the terminal app shows it to them)",
    )
    p.set_defaults(handler=compare)


def compare(args: argparse.Namespace, services: Services) -> int:
    from workbench.exports import comparison as fmt
    from workbench.services.errors import NotFound, UserError

    member = getattr(args, "as_member", None)
    if member is not None:
        services.selections.get(args.selection)  # a bad --selection is named as such, not as --as
        try:
            member = services.members.get(member, selection=args.selection).name
        except NotFound:
            raise UserError(f"{member!r} is not a panel member of the selection", field="--as") from None
    view = services.comparison.compare(selection=args.selection, include_baseline=not args.no_baseline, member=member)
    if args.format == "json":
        emit(to_json(fmt.comparison_dict(view)), args.output)
    elif args.format == "csv":
        emit(fmt.comparison_csv(view), args.output)
    elif args.format == "md" or args.output:
        emit(fmt.comparison_markdown(view), args.output)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        from workbench.domain.display import one_line

        header, rows = fmt.matrix_rows(view)
        title = Text(one_line(f"Comparison: {view.selection.name}"), style="table.title")
        table = Table(title=title, header_style="bold")
        for i, name in enumerate(header):
            table.add_column(Text(one_line(name)), justify="left" if i == 0 else "right", overflow="fold")
        for i, row in enumerate(rows):
            table.add_row(
                *[Text(one_line(v), style="yellow" if "⚑" in v else "") for v in row],
                end_section=i == len(view.criteria) - 1,
            )
        console = Console(markup=False, emoji=False)
        console.print(table)
        console.print(Text(one_line(fmt.flip_sentence(view))))
        if view.withheld:
            console.print(Text(one_line(fmt.withheld_sentence(view)), style="yellow"))
    return 0
