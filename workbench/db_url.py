"""Database URLs checked before any connection: the scheme, the driver, the user part and the port.

A URL that does not parse as the user meant is refused with what to change, because the parts would
otherwise be taken apart differently by each reader: SQLAlchemy ends a password at its first '@', the
standard (RFC 3986) ends the user part at the first '/', '?' or '#'. A password that holds one of those
characters unencoded would be sent to the wrong host, or shown as a host name. These messages never
quote the URL: its parts are not where the user thinks they are, so a piece of the password could show.
"""

from __future__ import annotations

import re

SUPPORTED = "a SQLite file path, sqlite:///PATH, postgresql://... or postgresql+psycopg://..."
POSTGRES_DRIVERS = ("", "psycopg")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")


_KEYWORD_DSN = re.compile(
    r"(?:^|\s)(?:host|hostaddr|port|dbname|user|password|passfile|sslmode|sslpassword|service)\s*=", re.IGNORECASE
)


class DatabaseUrlError(ValueError):
    """A database URL that cannot be used as written (the message says what to change)."""


def refuse_keyword_dsn(value: str) -> None:
    """Refuse a libpq ``key=value`` connection string given where a path or a URL goes.

    Taken for a file name it would create a SQLite file named after it, password and all, and show that
    name in every message; an existing file of that name is still opened as a file.

    Raises:
        DatabaseUrlError: ``value`` reads as ``host=... password=...``.
    """
    if _KEYWORD_DSN.search(value):
        raise DatabaseUrlError(
            "this looks like a key=value connection string; give a URL instead, "
            "postgresql://USER:PASSWORD@HOST:PORT/DATABASE (or a SQLite file path)"
        )


def canonical_url(value: str) -> str:
    """The URL to connect with: ``postgresql://`` and ``postgres://`` get the psycopg driver.

    Raises:
        DatabaseUrlError: an unsupported scheme or driver, an unencoded '@', '/', '?' or '#' in the
            user part, a bad host or port.
    """
    scheme, _, rest = value.partition("://")
    scheme = scheme.lower()
    if not _SCHEME.fullmatch(scheme):
        raise DatabaseUrlError(f"not a database URL or a file path; use {SUPPORTED}")
    backend, plus, driver = scheme.partition("+")
    if backend in ("postgres", "postgresql"):
        if driver not in POSTGRES_DRIVERS:
            raise DatabaseUrlError(
                f"unknown driver {driver or '(empty)'!r} in {scheme + '://'!r}; use postgresql:// or postgresql+psycopg://"
            )
        _check_server_part(rest)
        return "postgresql+psycopg://" + rest
    if backend == "sqlite":
        if plus:
            raise DatabaseUrlError(f"unknown driver {driver or '(empty)'!r} in {scheme + '://'!r}; use sqlite:///PATH")
        raise DatabaseUrlError("a SQLite URL is sqlite:///PATH (three slashes, then the path), or give the path itself")
    raise DatabaseUrlError(f"unsupported database {scheme + '://'!r}; use {SUPPORTED}")


def _check_server_part(rest: str) -> None:
    if "#" in rest:
        raise DatabaseUrlError("the URL holds an unencoded '#'; write a '#' in the password (or anywhere) as %23")
    end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, remainder = rest[:end], rest[end:]
    ats = authority.count("@")
    if ats > 1:
        raise DatabaseUrlError("the user or password holds an unencoded '@'; write it as %40")
    if ats == 0 and "@" in remainder:
        raise DatabaseUrlError(
            "an '@' comes after the host: a '/' or '?' in the user or password must be written %2F or %3F, "
            "an '@' in the database name or an option %40"
        )
    host_port = authority.rpartition("@")[2]
    _check_host_port(host_port)
    _check_query_ports(remainder.partition("?")[2])


def _check_host_port(host_port: str) -> None:
    if host_port.startswith("["):
        close = host_port.find("]")
        if close < 0:
            raise DatabaseUrlError("the IPv6 host has no closing ']'")
        after = host_port[close + 1 :]
        if after and not after.startswith(":"):
            raise DatabaseUrlError("after an IPv6 host ']' only ':PORT' may follow")
        port = after[1:] if after else None
    else:
        if "," in host_port:
            raise DatabaseUrlError(
                "several hosts go in the query, ?host=HOST1:PORT1&host=HOST2:PORT2, not before the '/'"
            )
        if host_port.count(":") > 1:
            raise DatabaseUrlError("the host holds more than one ':'; write an IPv6 address in brackets, [::1]:5432")
        host, colon, port_text = host_port.partition(":")
        port = port_text if colon else None
        if any(ch in host for ch in " \t\r\n\\"):
            raise DatabaseUrlError("the host name holds a space or a backslash")
    if port is not None:
        _check_port(port)


def _check_port(port: str) -> None:
    if not port:
        raise DatabaseUrlError("the port after ':' is empty; give a number from 1 to 65535 or leave out the ':'")
    if not (port.isascii() and port.isdigit()):
        # The port is not quoted: a URL without its host ("user:password/db") puts the password there.
        raise DatabaseUrlError("the port is not a number; give a number from 1 to 65535")
    if not 1 <= int(port) <= 65535:
        raise DatabaseUrlError("the port is out of range; give a number from 1 to 65535")


def _check_query_ports(query: str) -> None:
    """``?port=`` (one port, or one per host separated by commas) holds numbers from 1 to 65535."""
    from urllib.parse import parse_qsl

    for name, value in parse_qsl(query, keep_blank_values=True):
        if name.lower() == "port":
            for piece in value.split(","):
                _check_port(piece.strip())
