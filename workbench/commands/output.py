"""Printing lists and tables: rich tables for people, JSON and CSV for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TextIO

from workbench.domain.display import BIDI_CONTROLS, document, one_line
from workbench.exports.tabular import iso_utc as iso_utc  # re-exported
from workbench.exports.tabular import safe_cell as safe_cell
from workbench.exports.tabular import to_csv as to_csv

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


# json.dumps escapes C0 controls only: DEL, C1 controls, bidi controls, the line separators and lone surrogates
# become \u escapes too (the same strings for a JSON reader; nothing a terminal acts on, nothing unencodable).
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS, 0x2028, 0x2029, *range(0xD800, 0xE000))
}


def to_json(data: Any) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)


def say(message: object, *, err: bool = False) -> None:
    """Print a one-line message that may hold user text: shown as plain text on one line (see domain.display)."""
    print(one_line(message), file=sys.stderr if err else sys.stdout)


def print_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """A rich table on a terminal (plain columns when piped); every cell and the title shown as plain text."""
    from rich.console import Console
    from rich.table import Table

    out = stream or sys.stdout
    # Piped output is read by scripts and greps: wide enough that no value is folded (at least 200 columns).
    width = None if out.isatty() else _unfolded_width(columns, rows)
    console = Console(file=out, soft_wrap=False, width=width, markup=False, emoji=False)
    table = Table(
        title=None if title is None else plain(console, title, style="table.title", highlight=False),
        show_lines=False,
        header_style="bold",
    )
    for name in columns:
        table.add_column(plain(console, name), overflow="fold")
    for row in rows:
        table.add_row(*(plain(console, v) for v in row))
    console.print(table)


def _unfolded_width(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """The width at which a table of these cells folds none of them: each column's widest cell, plus the
    borders and padding (three cells a column, and one)."""
    from rich.cells import cell_len

    widths = [cell_len(one_line(name)) for name in columns]
    for row in rows:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], cell_len(one_line("" if value is None else value)))
    return max(200, sum(widths) + 3 * len(widths) + 1)


def plain(console: Console, value: object, *, style: str = "", highlight: bool | None = None) -> Text:
    """``value`` as a rich Text of one line: no markup, no emoji codes, no control characters (highlighted as a
    plain string would be)."""
    return console.render_str(one_line(value), style=style, markup=False, emoji=False, highlight=highlight)


def emit(text: str, output: str | None = None) -> None:
    """Write ``text`` to stdout, or atomically to the file ``output`` (mode 0600)."""
    text = document(text)  # user text in a document never acts on the terminal that shows it
    if output in (None, "-"):
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from workbench.files import write_private

    write_private(output, text)
