"""No password on any output path of the command line: errors, `db check`, usage errors, logs, tracebacks."""

from __future__ import annotations

import logging
import os

import pytest

PG_ENV = "WORKBENCH_TEST_PG_URL"
SECRET = "Hunter2-s3cret"
ENCODED = "p%40ss%2Fw%23rd-Q7"  # p@ss/w#rd-Q7 written as it must be in a URL
DECODED = "p@ss/w#rd-Q7"

# The same closed port, the password given each way it can be given.
CLOSED = [
    pytest.param(f"postgresql://wb:{SECRET}@127.0.0.1:1/none", [SECRET], id="user-part"),
    pytest.param(f"postgresql://wb@127.0.0.1:1/none?password={SECRET}", [SECRET], id="query"),
    pytest.param(f"postgresql://wb:{ENCODED}@127.0.0.1:1/none", [ENCODED, DECODED], id="user-part-encoded"),
    pytest.param(f"postgresql://wb@127.0.0.1:1/none?password={ENCODED}", [ENCODED, DECODED], id="query-encoded"),
    pytest.param(f"postgresql://wb@127.0.0.1:1/none?sslpassword={SECRET}&sslmode=disable", [SECRET], id="sslpassword"),
]


def _nowhere(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret!r} shown in {text!r}"


@pytest.mark.parametrize(("url", "secrets"), CLOSED)
@pytest.mark.parametrize("command", [["selections", "list"], ["db", "check"], ["db", "upgrade"]])
def test_a_refused_connection_names_the_failure_in_one_line_without_the_password(
    run, url: str, secrets: list[str], command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(url, *command)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("workbench: --db: cannot open the database postgresql+psycopg://wb")
    assert "127.0.0.1:1/none" in err and "connection refused" in err
    _nowhere(out + err, secrets)


@pytest.mark.parametrize(("url", "secrets"), CLOSED)
def test_the_environment_variable_is_redacted_alike(run, monkeypatch, url: str, secrets: list[str]) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKBENCH_DB", url)
    code, out, err = run(None, "db", "check")
    assert code == 2 and "connection refused" in err
    _nowhere(out + err, secrets)


def test_a_url_typed_where_a_command_goes_is_not_echoed(run) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(None, f"postgresql://wb:{SECRET}@db.example/wb?password={SECRET}x", "list")
    assert code == 2 and "invalid choice" in err
    _nowhere(out + err, [SECRET])


def test_a_traceback_with_workbench_debug_carries_no_secret(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An unexpected error whose message echoes the connection string, as drivers' messages do."""
    import workbench.services

    url = f"postgresql://wb:{SECRET}@db.example/wb?password={ENCODED}"

    def echoing(target, *, migrate=True):  # type: ignore[no-untyped-def]
        try:
            raise ConnectionError(f"host=db.example user=wb password={DECODED} dbname=wb")
        except ConnectionError as exc:
            raise RuntimeError(f"cannot use {target.url}: secret {SECRET}, 'sslpassword': 'zZ9-ssl'") from exc

    monkeypatch.setattr(workbench.services, "open_services", echoing)
    monkeypatch.setenv("WORKBENCH_DEBUG", "1")
    code, out, err = run(url, "selections", "list")
    assert code == 1
    assert "Traceback (most recent call last)" in err and "RuntimeError: cannot use postgresql+psycopg://wb:***@" in err
    assert "ConnectionError: host=db.example user=wb password=***" in err
    assert err.splitlines()[-1].startswith("workbench: unexpected error (RuntimeError)")
    _nowhere(out + err, [SECRET, ENCODED, DECODED, "zZ9-ssl"])
    monkeypatch.delenv("WORKBENCH_DEBUG")
    code, out, err = run(url, "selections", "list")
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1


def test_nothing_secret_is_logged(run, caplog) -> None:  # type: ignore[no-untyped-def]
    """The workbench logs nothing itself; whatever SQLAlchemy or the driver log carries no password either."""
    caplog.set_level(logging.DEBUG)
    for param in CLOSED:
        url, secrets = param.values
        assert run(url, "db", "check")[0] == 2
        _nowhere(caplog.text, secrets)


# ----------------------------------------------------------------------------- on a real server


def _pg() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run the PostgreSQL tests")
    return url


@pytest.mark.postgres
def test_db_check_on_a_server_shows_the_url_without_the_password(run, caplog) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    base = make_url(_pg())
    password = base.password
    assert password, f"{PG_ENV} must name a password for this test"
    caplog.set_level(logging.DEBUG)
    as_user_part = base.render_as_string(hide_password=False)
    as_query = base.set(password=None).update_query_dict({"password": password}).render_as_string(hide_password=False)
    for url in (as_user_part, as_query):
        code, out, err = run(url, "db", "check")
        assert code == 0, err
        (line,) = [line for line in out.splitlines() if line.startswith("database:")]
        assert line.startswith(f"database:      postgresql+psycopg://{base.username}") and "***" in line
        _nowhere(out + err + caplog.text, [password])
