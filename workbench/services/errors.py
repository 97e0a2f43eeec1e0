"""Errors a person can fix: each names what was wrong and where."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from a person or a file; the message says what and where.

    The command line prints it on one line and exits 2; screens show it.
    """

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.line = line

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        message = super().__str__()
        return f"{', '.join(where)}: {message}" if where else message


class NotFound(UserError):
    """Something named does not exist."""


class Conflict(UserError):
    """The request clashes with what is stored (a duplicate, a submitted scorecard)."""


class ImportRejected(UserError):
    """A file was refused as a whole; ``problems`` lists every bad line."""

    def __init__(self, source: str, problems: list[tuple[int, str]]) -> None:
        self.source = source
        self.problems = problems
        first = "; ".join(f"line {n}: {msg}" for n, msg in problems[:20])
        more = f"; and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{source}: {len(problems)} bad line(s), nothing imported: {first}{more}")
