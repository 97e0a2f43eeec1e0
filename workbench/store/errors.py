"""The store's user-facing error: a database this version cannot use as it is (the message says why)."""

from __future__ import annotations


class SchemaError(Exception):
    """The database's schema cannot be used by this version (user-facing message)."""
