"""Column types: every date and time is stored in UTC and read back as an aware UTC datetime.

The schema's datetime columns are ``TIMESTAMP WITH TIME ZONE`` on PostgreSQL and ``DATETIME``
on SQLite, where the driver hands back naive values and would store an aware one's wall clock
whatever its zone. ``UTCDateTime`` hides the difference: a value is converted to UTC before it is
stored (a naive one is taken as UTC already), and every value read is aware, in UTC, on both.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from workbench.domain.timezones import as_utc


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back aware, in UTC (SQLite and PostgreSQL alike)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"not a datetime: {value!r}")
        return as_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)


# Every id is an INTEGER column: 32 bits on PostgreSQL (64 on SQLite). A number outside 1..ID_MAX names no row
# on either database, and PostgreSQL refuses to compare an INTEGER column with it ("integer out of range").
ID_MAX = 2**31 - 1
