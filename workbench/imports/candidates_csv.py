"""Reading a candidates CSV file: every row checked, every problem reported with its line.

The contract:

- Columns (header names case-insensitive, spaces around them trimmed): ``name`` (required),
  ``website``, ``timezone`` (IANA name), ``support_hours`` (``HH:MM-HH:MM``), ``onsite``
  (yes/no), ``status``, ``notes``. Any other column is an error naming it.
- UTF-8, with or without a byte-order mark. Line numbers are physical lines of the file
  (the header is line 1); a quoted value spanning lines counts every line it spans.
- Empty lines (and lines of empty cells) are skipped.
- An empty ``website``, ``support_hours`` or ``notes`` cell means "none". An empty
  ``timezone``, ``onsite`` or ``status`` cell means "not given": the default (UTC, no,
  long-list) for a new candidate, unchanged for an updated one.
- A cell that an export neutralised against spreadsheet formulas (``'=...``, ``'+...``,
  ``'-...``, ``'@...``) is read back without the leading apostrophe, so an export imports again.
- Values follow the one rule for user text (``workbench.domain.text``): NFC, stripped; a control
  character, a bidi control or a line break in a single-line column (every column but ``notes``) is
  refused with its line and column.
- A name may appear only once in a file, compared as names are (``name_key``: any case, NFC or NFD).
- A line that repeats the header (its cells are all column names, ``name`` among them) is refused
  with its line number: a file appended to another, not a candidate called "name".
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.domain.text import name_key
from workbench.exports.tabular import FORMULA_STARTS
from workbench.services.errors import ImportRejected, UserError

COLUMNS = ("name", "website", "timezone", "support_hours", "onsite", "status", "notes")
EMPTY_MEANS_NOT_GIVEN = frozenset({"timezone", "onsite", "status"})
MAX_BYTES = 100 * 1024 * 1024
_FORMULA_STARTS = tuple(FORMULA_STARTS)
_NEWLINES = re.compile(rb"\r\n|\r|\n")

Problem = tuple[int, str]


@dataclass(frozen=True)
class CandidateRow:
    """One valid data row: its first line, the name, and the clean values of the columns present."""

    line: int
    name: str
    fields: dict[str, Any]  # always holds "name"


def read_candidates_csv(path: str | os.PathLike[str]) -> list[CandidateRow]:
    """Read and validate a candidates CSV file.

    Args:
        path: the file.

    Returns:
        The valid rows, in file order.

    Raises:
        ImportRejected: the file has problems; all of them, each with its line.
        UserError: the file cannot be read at all.
    """
    rows, problems = parse_candidates_csv(path)
    if problems:
        raise ImportRejected(os.fspath(path), problems)
    return rows


def parse_candidates_csv(path: str | os.PathLike[str]) -> tuple[list[CandidateRow], list[Problem]]:
    """Read a candidates CSV file, collecting problems instead of stopping at the first.

    Args:
        path: the file.

    Returns:
        The valid rows and the problems as (line, message), in line order.

    Raises:
        ImportRejected: the file is empty or not UTF-8 (nothing else can be checked then).
        UserError: the file cannot be read at all.
    """
    source = os.fspath(path)
    text = _decode(_read_bytes(Path(path), source), source)
    if not text.strip():
        raise ImportRejected(source, [(1, "the file is empty; it needs a header line with at least a 'name' column")])
    return _parse(text)


def _read_bytes(path: Path, source: str) -> bytes:
    from workbench.imports.reading import read_regular_file

    return read_regular_file(path, limit=MAX_BYTES, field="FILE")


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = len(_NEWLINES.findall(data, 0, exc.start)) + 1
        raise ImportRejected(
            source, [(line, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as 'CSV UTF-8'")]
        ) from None


class _Lines:
    """The file's physical lines, remembering those of the record being read."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.current: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.current.append(line)
        return line


def _parse(text: str) -> tuple[list[CandidateRow], list[Problem]]:
    from workbench.services.candidate_fields import CANDIDATE_RULES

    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    problems: list[Problem] = []
    rows: list[CandidateRow] = []
    header: list[str] | None = None
    seen: dict[str, int] = {}
    next_line = 1
    while True:
        lines.current = []
        start = next_line
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            next_line += len(lines.current)
            problems.append(_syntax_problem(exc, lines.current, start))
            if header is None:
                break
            continue
        next_line += len(lines.current)
        if all(not cell.strip() for cell in record):
            continue
        if header is None:
            header, fatal = _header(record, problems)
            if fatal:
                break
            continue
        if _repeats_header(record):
            problems.append(
                (start, "repeats the header line (a header belongs on line 1 only; was one file appended to another?)")
            )
            continue
        name, row = _row(record, header, start, problems, CANDIDATE_RULES)
        if name is None:
            continue
        key = name_key(name)
        if key in seen:
            problems.append(
                (
                    start,
                    f"name: {name!r} is in the file twice, on line {seen[key]} and line {start} "
                    "(names are compared ignoring case and Unicode normalisation)",
                )
            )
            continue
        seen[key] = start
        if row is not None:
            rows.append(row)
    if header is None and not problems:
        problems.append((1, f"the file has no header line; it needs at least a 'name' column ({', '.join(COLUMNS)})"))
    problems.sort(key=lambda p: p[0])
    return rows, problems


def _header(record: list[str], problems: list[Problem]) -> tuple[list[str], bool]:
    names = [cell.strip().lower() for cell in record]
    fatal = False
    for index, name in enumerate(names):
        if not name:
            problems.append((1, f"column {index + 1} of the header has no name; the columns are {', '.join(COLUMNS)}"))
    unknown = [n for n in dict.fromkeys(names) if n and n not in COLUMNS]
    if unknown:
        problems.append(
            (1, f"unknown column(s) {', '.join(repr(n) for n in unknown)}; the columns are {', '.join(COLUMNS)}")
        )
    for name in dict.fromkeys(n for n in names if n and names.count(n) > 1):
        problems.append((1, f"the column {name!r} is in the header more than once"))
        fatal = True
    if "name" not in names:
        problems.append((1, f"the header has no 'name' column; the columns are {', '.join(COLUMNS)}"))
        fatal = True
    return names, fatal


def _repeats_header(record: list[str]) -> bool:
    """Whether a data line is a header line again: its non-empty cells are column names, 'name' among them."""
    cells = [cell.strip().casefold() for cell in record if cell.strip()]
    return "name" in cells and all(cell in COLUMNS for cell in cells)


def _row(
    record: list[str], header: list[str], line: int, problems: list[Problem], rules: dict[str, Any]
) -> tuple[str | None, CandidateRow | None]:
    """The row's valid name (or None) and the row when every value is valid (or None)."""
    if len(record) != len(header):
        problems.append((line, f"has {len(record)} value(s) but the header has {len(header)} column(s)"))
        return None, None
    fields: dict[str, Any] = {}
    ok = True
    for column, cell in zip(header, record, strict=True):  # lengths checked just above
        if column not in COLUMNS:
            continue
        cell = _unneutralise(cell)
        if column in EMPTY_MEANS_NOT_GIVEN and not cell.strip():
            continue
        try:
            fields[column] = rules[column](cell)
        except UserError as exc:
            problems.append((line, str(exc)))
            ok = False
    name = fields.get("name")
    return name, (CandidateRow(line=line, name=name, fields=fields) if ok and name is not None else None)


def _unneutralise(cell: str) -> str:
    """Undo exports.tabular.safe_cell: one apostrophe before (apostrophes and) a formula start goes."""
    if cell.startswith("'") and cell.lstrip("'")[:1] in _FORMULA_STARTS:
        return cell[1:]
    return cell


def _syntax_problem(exc: csv.Error, lines: list[str], start: int) -> Problem:
    opened = _unclosed_quote_line(lines, start)
    if opened is not None:
        return opened, 'a quoted value starts on this line and is never closed (a closing " is missing)'
    return start, f"not valid CSV: {exc}"


def _unclosed_quote_line(lines: list[str], start: int) -> int | None:
    """The line where the last quoted value of a record opened, when it never closed."""
    state, opened = "start", start
    for number, raw in enumerate(lines, start):
        for ch in raw:
            if state == "quoted":
                if ch == '"':
                    state = "after"
            elif ch in "\r\n" or ch == ",":
                state = "start"
            elif ch == '"' and state in ("start", "after"):
                if state == "start":
                    opened = number
                state = "quoted"
            else:
                state = "plain"
    return opened if state == "quoted" else None
