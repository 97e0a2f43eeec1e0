"""The unit of work: one session and one transaction per public service call."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.exc import DBAPIError, IntegrityError

from workbench.store.engine import WRITE_OPTION
from workbench.store.types import ID_MAX

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlmodel import Session

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="Service")

RETRIES = 5
_RETRYABLE_SQLSTATES = {"40001", "40P01"}  # PostgreSQL serialization failure, deadlock


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class Database:
    """Hands out sessions (ORM) and connections (SQLAlchemy Core) on the process's one engine.

    SQLModel is imported on the first session only: a service that reads through Core (the
    home screen's overview) answers without loading the ORM classes.
    """

    def __init__(self, engine: Engine, *, sqlite_path: Path | None = None) -> None:
        self.engine = engine
        self.sqlite_path = sqlite_path
        self._writer = engine.execution_options(**{WRITE_OPTION: True})

    @contextmanager
    def session(self, *, write: bool) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        from sqlmodel import Session

        session = Session(bind=self._writer if write else self.engine, expire_on_commit=False, autoflush=True)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def connection(self, *, write: bool) -> Iterator[Connection]:
        """A Core connection in one transaction: committed on success, rolled back on error."""
        with (self._writer if write else self.engine).begin() as conn:
            yield conn


class Service:
    """Base of the use-case classes; each public method is a unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in _RETRYABLE_SQLSTATES


def _unique_violation(exc: IntegrityError) -> bool:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(orig)


def unit_of_work(
    *, write: bool, core: bool = False
) -> Callable[[Callable[Concatenate[S, Any, P], R]], Callable[Concatenate[S, P], R]]:
    """Run a service method in its own session and transaction.

    The decorated method receives the session (with ``core``: a SQLAlchemy Core connection,
    which needs no ORM classes) as its first argument after ``self``; callers do not pass it.
    Writes are retried on PostgreSQL serialization failures.
    """

    def decorate(method: Callable[Concatenate[S, Any, P], R]) -> Callable[Concatenate[S, P], R]:
        def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(RETRIES):
                try:
                    opened = self.db.connection(write=write) if core else self.db.session(write=write)
                    with opened as session:
                        return method(self, session, *args, **kwargs)
                except IntegrityError as exc:
                    if _unique_violation(exc):
                        from workbench.services.errors import Conflict

                        raise Conflict(
                            "someone stored the same thing at the same moment; nothing was saved, reload and try again"
                        ) from None
                    raise
                except DBAPIError as exc:
                    if attempt + 1 < RETRIES and _retryable(exc):
                        time.sleep(0.01 * (2**attempt))
                        continue
                    raise
            raise AssertionError("unreachable")

        functools.update_wrapper(wrapper, method)  # its name and docstring (the session argument stays hidden)
        return wrapper

    return decorate


_NUMBER = re.compile(r"#?[0-9]+")  # ASCII digits: "١٢" is a name, not 12


def parse_ref(value: str | int) -> tuple[int | None, str]:
    """Split a NAME_OR_ID argument: ``"12" -> (12, "12")``, ``"Acme" -> (None, "Acme")``.

    A number no row can have (0, or beyond ``ID_MAX``, 100 000 digits included) gives None: it numbers
    nothing, and may still be a name.
    """
    text = str(value).strip()
    if _NUMBER.fullmatch(text):
        digits = text.lstrip("#").lstrip("0")
        if digits and len(digits) <= len(str(ID_MAX)) and int(digits) <= ID_MAX:
            return int(digits), text
    return None, text


def id_of(value: str | int, *, noun: str, field: str) -> int:
    """The row number a person typed (``12`` or ``#12``).

    Raises:
        UserError: the text is not a number (field ``field``).
        NotFound: a number that no row can have, 0 or beyond ``ID_MAX`` (field ``field``).
    """
    from workbench.services.errors import NotFound, UserError

    number, text = parse_ref(value)
    if number is None:
        if _NUMBER.fullmatch(text):
            raise NotFound(f"no {noun} numbered {shorten(text.lstrip('#'))}", field=field)
        raise UserError(f"{shorten(text)!r} is not a {noun} number", field=field)
    return number


def shorten(text: str, limit: int = 40) -> str:
    """User text cut to ``limit`` characters (with an ellipsis) to be quoted in a one-line message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_text(
    value: Any, *, field: str, required: bool = False, max_length: int | None = None, multiline: bool = False
) -> str:
    """A text input under the one rule for user text (``workbench.domain.text``): a single-line field
    (the default) or a ``multiline`` one, NFC, stripped; UserError naming the field when it is unfit.

    ``required``: empty, or only white space and invisible characters, is refused.
    """
    from workbench.domain.text import TextRefused, is_blank, multi_line, single_line
    from workbench.services.errors import UserError

    raw = "" if value is None else str(value)
    try:
        text = multi_line(raw) if multiline else single_line(raw)
    except TextRefused as exc:
        raise UserError(str(exc), field=field) from None
    if required and is_blank(text):
        raise UserError("must not be empty" if not text else "must not be empty (it shows nothing)", field=field)
    if max_length is not None and len(text) > max_length:
        raise UserError(f"is longer than {max_length} characters", field=field)
    return text


def cast_result(result: Result[Any]) -> CursorResult[Any]:
    """The result of an INSERT, UPDATE or DELETE as what it is, a CursorResult (its rowcount, inserted keys)."""
    if not isinstance(result, CursorResult):  # pragma: no cover - a DML statement always gives one
        raise TypeError(f"{type(result).__name__} is not the result of a DML statement")
    return result
