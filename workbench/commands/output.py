"""Printing lists and tables: rich tables for people, JSON and CSV for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TextIO

from workbench.exports.tabular import iso_utc as iso_utc  # re-exported
from workbench.exports.tabular import safe_cell as safe_cell
from workbench.exports.tabular import to_csv as to_csv


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(data: Any) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def print_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """A rich table on a terminal (plain columns when piped)."""
    from rich.console import Console
    from rich.table import Table

    out = stream or sys.stdout
    # Piped output is read by scripts and greps: wide enough that values are not folded.
    width = None if out.isatty() else 200
    console = Console(file=out, soft_wrap=False, width=width)
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def emit(text: str, output: str | None = None) -> None:
    """Write ``text`` to stdout, or atomically to the file ``output`` (mode 0600)."""
    if output in (None, "-"):
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from workbench.files import write_private

    write_private(output, text)
