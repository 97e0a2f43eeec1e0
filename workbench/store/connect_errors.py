"""Which connection failure it was, in one line with the host and the database, never the password.

The drivers say what went wrong only in their message text (psycopg sets no SQLSTATE on a failed
connection), so the failure is read from that text: libpq's words, which are stable across versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.redact import redact_url, scrub, secret_values

# (pattern in the driver's message, what the user is told); the first match wins.
_SERVER_FAILURES: tuple[tuple[str, str], ...] = (
    (
        r"password authentication failed|authentication failed|no password supplied|password is required"
        r"|fe_sendauth",
        "authentication failed for user {user}; check the user name and the password",
    ),
    (r'database "[^"]*" does not exist', "the server has no database {database}"),
    (r'role "[^"]*" does not exist', "the server has no user {user}"),
    (
        r"server does not support SSL|SSL (?:is )?not (?:supported|enabled)",
        "the server does not offer TLS (SSL) but the URL requires it (sslmode); change sslmode or the server",
    ),
    (
        r"no pg_hba\.conf entry.*no encryption|SSL (?:connection )?is required|requires? (?:SSL|encryption)",
        "the server refuses connections without TLS (SSL); add ?sslmode=require to the URL",
    ),
    (
        r"no pg_hba\.conf entry|pg_hba\.conf rejects",
        "the server does not accept this user from this host for this database (pg_hba.conf)",
    ),
    (r"bad value for (\w+)", "the URL's {option} option has a value the driver does not accept"),
    (r"invalid (\w+) value", "the URL's {option} option has a value the driver does not accept"),
    (r"SSL|certificate|TLS", "the TLS (SSL) handshake failed; check the sslmode and certificate options"),
    (r"Connection refused", "connection refused: is the server running there and accepting TCP/IP connections?"),
    (
        r"No route to host|Network is unreachable|Host is unreachable",
        "no route to the host (the network is unreachable)",
    ),
    (
        r"failed to resolve host|could not translate host name|Name or service not known|nodename nor servname"
        r"|Temporary failure in name resolution",
        "the host name is not known",
    ),
    (r"timeout expired|timed out", "the server did not answer in time"),
    (r"too many connections|remaining connection slots", "the server has too many connections; try again later"),
    (r"the database system is (?:starting up|shutting down|in recovery mode)", "the server is starting or stopping"),
    (
        r"server closed the connection|terminating connection|connection (?:is )?(?:lost|closed)"
        r"|consuming input failed",
        "the connection to the server was lost",
    ),
    (
        r'invalid (?:connection option|URI query parameter):? "?([^"\s]*)',
        "the URL has an option the driver does not know ({option})",
    ),
)


_CONNECTING = re.compile(
    r"connection|connect|resolve host|translate host|invalid URI query parameter|sslmode", re.IGNORECASE
)


@dataclass(frozen=True)
class ServerName:
    """Where the connection was going: the URL without its secrets, the user and the database."""

    shown: str
    database: str
    user: str


def _server(url: str) -> ServerName:
    from sqlalchemy.engine import make_url

    shown = redact_url(url)
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - a URL that does not parse is named by its parts elsewhere
        return ServerName(shown, "(unknown)", "(unknown)")
    return ServerName(shown, parsed.database or "(default)", parsed.username or "(default)")


def describe_connect_failure(exc: BaseException, url: str) -> str | None:
    """One line saying which failure a connection error was, or None when it is not one.

    Args:
        exc: what the engine raised.
        url: the URL in use (its secrets are scrubbed from anything quoted from the driver).

    Returns:
        ``cannot open the database URL: WHAT`` (the URL redacted) for a server database; None for an
        error that is not a failure to connect (a SQLite file, a bug).
    """
    from sqlalchemy.exc import DBAPIError, NoSuchModuleError

    if isinstance(exc, NoSuchModuleError):
        return "the URL names a database driver that is not installed; use postgresql:// or postgresql+psycopg://"
    if not isinstance(exc, DBAPIError) or url.startswith("sqlite"):
        return None
    orig = exc.orig if exc.orig is not None else exc
    message = str(orig)
    if type(orig).__name__ not in ("OperationalError", "InterfaceError", "ProgrammingError"):
        return None
    if not (exc.connection_invalidated or _CONNECTING.search(message)):
        return None  # a statement's failure (a serialization conflict, a deadlock), not the connection's
    server = _server(url)
    secrets = secret_values(url)
    for pattern, words in _SERVER_FAILURES:
        match = re.search(pattern, message, flags=re.IGNORECASE | re.DOTALL)
        if match is None:
            continue
        option = match.group(1) if match.groups() else ""
        what = words.format(user=repr(server.user), database=repr(server.database), option=scrub(option, secrets))
        return f"cannot open the database {server.shown}: {what}"
    if type(orig).__name__ == "ProgrammingError":
        return None  # a statement's error, not the connection's
    first = scrub(message.strip().splitlines()[0] if message.strip() else type(orig).__name__, secrets)
    return f"cannot open the database {server.shown}: {first}"
