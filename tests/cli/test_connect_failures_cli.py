"""Each way a connection fails exits 2 with one line saying which, with the host and database, never the password."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_ENV = "WORKBENCH_TEST_PG_URL"
WRONG = "Wr0ng-Passw0rd"


def _base():  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run the PostgreSQL tests")
    return make_url(url)


def _one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err.rstrip("\n")


def _shown(url) -> str:  # type: ignore[no-untyped-def]
    """The URL as the workbench shows it: the password masked."""
    text = url.render_as_string(hide_password=False)
    return text.replace(f":{url.password}@", ":***@") if url.password else text


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["selections", "list"], ["db", "check"]])
def test_a_wrong_password(run, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    url = _base().set(password=WRONG)
    code, out, err = run(url.render_as_string(hide_password=False), *command)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"workbench: --db: cannot open the database {_shown(url)}: "
        f"authentication failed for user '{url.username}'; check the user name and the password"
    )
    assert WRONG not in err


@pytest.mark.postgres
def test_a_wrong_password_given_as_a_query_parameter(run) -> None:  # type: ignore[no-untyped-def]
    url = _base().set(password=None).update_query_dict({"password": WRONG})
    code, out, err = run(url.render_as_string(hide_password=False), "db", "check")
    assert code == 2 and "authentication failed" in _one_line(err) and "password=***" in err
    assert WRONG not in out + err


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["selections", "list"], ["db", "check"], ["db", "upgrade"]])
def test_a_missing_database(run, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    base = _base()
    name = f"wb_missing_{uuid.uuid4().hex[:8]}"
    url = base.set(database=name)
    code, out, err = run(url.render_as_string(hide_password=False), *command)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"workbench: --db: cannot open the database {_shown(url)}: the server has no database '{name}'"
    )
    assert str(base.password) not in err


@pytest.mark.postgres
def test_a_server_that_is_down(run) -> None:  # type: ignore[no-untyped-def]
    base = _base()
    url = base.set(host="127.0.0.1", port=1)
    code, out, err = run(url.render_as_string(hide_password=False), "db", "check")
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"workbench: --db: cannot open the database {_shown(url)}: "
        "connection refused: is the server running there and accepting TCP/IP connections?"
    )
    assert str(base.password) not in err


@pytest.mark.postgres
def test_an_unknown_host(run) -> None:  # type: ignore[no-untyped-def]
    url = _base().set(host="no-such-host.invalid")
    code, _, err = run(url.render_as_string(hide_password=False), "db", "check")
    assert code == 2
    assert _one_line(err) == f"workbench: --db: cannot open the database {_shown(url)}: the host name is not known"


@pytest.mark.postgres
def test_tls_required_by_the_url_but_not_offered(run) -> None:  # type: ignore[no-untyped-def]
    url = _base().update_query_dict({"sslmode": "require"})
    code, _, err = run(url.render_as_string(hide_password=False), "db", "check")
    assert code == 2 and "the server does not offer TLS (SSL) but the URL requires it" in _one_line(err)


@pytest.mark.postgres
def test_an_option_the_driver_does_not_know(run) -> None:  # type: ignore[no-untyped-def]
    url = _base().update_query_dict({"colour": "blue"})
    code, _, err = run(url.render_as_string(hide_password=False), "db", "check")
    assert code == 2 and _one_line(err).endswith("the URL has an option the driver does not know (colour)")


PASSWORD = "Zq9-secret"


@pytest.mark.parametrize(
    ("url", "line"),
    [
        (f"postgresql://u:{PASSWORD}@127.0.0.1:abc/db", "the port is not a number; give a number from 1 to 65535"),
        (f"postgresql://u:{PASSWORD}@127.0.0.1:70000/db", "the port is out of range; give a number from 1 to 65535"),
        (
            f"postgresql://u:{PASSWORD}@127.0.0.1:/db",
            "the port after ':' is empty; give a number from 1 to 65535 or leave out the ':'",
        ),
        (
            f"mysql://u:{PASSWORD}@127.0.0.1/db",
            "unsupported database 'mysql://'; use a SQLite file path, sqlite:///PATH, postgresql://... or postgresql+psycopg://...",
        ),
        (
            f"postgresql+foo://u:{PASSWORD}@127.0.0.1/db",
            "unknown driver 'foo' in 'postgresql+foo://'; use postgresql:// or postgresql+psycopg://",
        ),
        (f"postgresql://u:{PASSWORD}@x@127.0.0.1/db", "the user or password holds an unencoded '@'; write it as %40"),
        (
            f"postgresql://u:{PASSWORD}#x@127.0.0.1/db",
            "the URL holds an unencoded '#'; write a '#' in the password (or anywhere) as %23",
        ),
        (
            f"postgresql://u:{PASSWORD}/x@127.0.0.1/db",
            "an '@' comes after the host: a '/' or '?' in the user or password must be written %2F or %3F, "
            "an '@' in the database name or an option %40",
        ),
    ],
)
@pytest.mark.parametrize("command", [["selections", "list"], ["db", "check"]])
def test_urls_that_cannot_be_used_as_written(run, url: str, line: str, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(url, *command)
    assert code == 2 and out == ""
    assert _one_line(err) == f"workbench: --db: {line}"
    assert PASSWORD not in err and "x@127" not in err


# ----------------------------------------------------------------------------- db upgrade on another program's database


@pytest.fixture
def foreign_pg() -> Iterator[str]:
    """A fresh PostgreSQL database holding another program's table (and no workbench version)."""
    from sqlalchemy import create_engine, text

    base = _base()
    name = f"wb_foreign_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = base.set(database=name).render_as_string(hide_password=False)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"))
            conn.execute(text("INSERT INTO invoices VALUES (1, 9.5)"))
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["db", "upgrade"], ["selections", "list"]])
def test_db_upgrade_refuses_another_programs_database_and_touches_nothing(
    run, foreign_pg: str, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine, inspect, text

    code, out, err = run(foreign_pg, *command)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        "workbench: --db: not a workbench database: it holds tables that are not the workbench's (invoices) "
        "and no workbench version; not touched"
    )
    engine = create_engine(foreign_pg)
    try:
        assert inspect(engine).get_table_names() == ["invoices"]
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, total FROM invoices")).all() == [(1, 9.5)]
    finally:
        engine.dispose()
