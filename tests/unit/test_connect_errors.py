"""Which connection failure a driver's message means, in one line; statements' errors are not connection failures."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from workbench.store.connect_errors import describe_connect_failure

URL = "postgresql+psycopg://wb:Zq9-secret@db.example:5433/wb"
SHOWN = "cannot open the database postgresql+psycopg://wb:***@db.example:5433/wb: "


def _failure(message: str) -> OperationalError:
    return OperationalError("connect", {}, psycopg.OperationalError(message))


@pytest.mark.parametrize(
    ("message", "what"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: No route to host',
            "no route to the host (the network is unreachable)",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: timeout expired',
            "the server did not answer in time",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  no pg_hba.conf '
            'entry for host "10.0.0.9", user "wb", database "wb", no encryption',
            "the server refuses connections without TLS (SSL); add ?sslmode=require to the URL",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  no pg_hba.conf '
            'entry for host "10.0.0.9", user "wb", database "wb", SSL encryption',
            "the server does not accept this user from this host for this database (pg_hba.conf)",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  role "wb" does not exist',
            "the server has no user 'wb'",
        ),
        ("consuming input failed: server closed the connection unexpectedly", "the connection to the server was lost"),
        (
            "connection failed: FATAL:  sorry, too many clients already; remaining connection slots are reserved",
            "the server has too many connections; try again later",
        ),
        (
            "connection failed: something new, password=Zq9-secret host=db.example",
            "connection failed: something new, password=*** host=db.example",
        ),
    ],
)
def test_each_failure_is_named(message: str, what: str) -> None:
    assert describe_connect_failure(_failure(message), URL) == SHOWN + what


@pytest.mark.parametrize(
    "message",
    [
        "could not serialize access due to concurrent update",
        "deadlock detected",
        "canceling statement due to statement timeout",
    ],
)
def test_a_statements_failure_is_not_a_connection_failure(message: str) -> None:
    assert describe_connect_failure(_failure(message), URL) is None
    assert describe_connect_failure(ValueError("connection failed"), URL) is None


def test_an_option_value_the_driver_refuses() -> None:
    from sqlalchemy.exc import ProgrammingError

    exc = ProgrammingError("connect", {}, psycopg.ProgrammingError("bad value for connect_timeout: 'abc'"))
    assert describe_connect_failure(exc, URL) == (
        SHOWN + "the URL's connect_timeout option has a value the driver does not accept"
    )
