"""The one redaction: which parts of a database URL are secret, and text scrubbed of them."""

from __future__ import annotations

import pytest

from workbench.config import DatabaseTarget, display_database, redact_url, resolve_database
from workbench.db_url import DatabaseUrlError, canonical_url
from workbench.redact import is_secret_parameter, scrub, secret_values

PASSWORD = "hunter2-Secret"


@pytest.mark.parametrize(
    ("url", "hidden"),
    [
        (f"postgresql+psycopg://alice:{PASSWORD}@db.example:5433/wb", [PASSWORD]),
        (f"postgresql+psycopg://alice@db.example/wb?password={PASSWORD}&sslmode=require", [PASSWORD]),
        (f"postgresql+psycopg://alice@db.example/wb?sslmode=require&PassWord={PASSWORD}", [PASSWORD]),
        ("postgresql+psycopg://alice:p%40ss%2Fw0rd%23x@db.example/wb", ["p%40ss%2Fw0rd%23x", "p@ss/w0rd#x"]),
        ("postgresql+psycopg://alice@db.example/wb?password=p%40ss%20w0rd", ["p%40ss%20w0rd", "p@ss w0rd"]),
        ("postgresql+psycopg://alice@db.example/wb?pass%77ord=encodedname", ["encodedname"]),
        (
            "postgresql+psycopg://alice@h/wb?sslpassword=keypass1&api_key=k3y-val&token=t0ken-val",
            ["keypass1", "k3y-val", "t0ken-val"],
        ),
        ("postgresql+psycopg://alice@h/wb?client_secret=s3cret-val&auth=auth-val", ["s3cret-val", "auth-val"]),
        # not encoded as it should be: masked all the same, however a reader splits it
        ("postgresql://alice:pa@ss-word@h/wb", ["pa@ss-word", "ss-word"]),
        ("postgresql://alice:pa/ss-word@h/wb", ["pa/ss-word", "ss-word"]),
        ("postgresql://alice:pa?ss-word@h/wb", ["pa?ss-word", "ss-word"]),
    ],
)
def test_every_secret_of_a_url_is_masked(url: str, hidden: list[str]) -> None:
    shown = redact_url(url)
    for secret in hidden:
        assert secret not in shown, shown
    assert "***" in shown and "alice" in shown


def test_what_is_kept_is_exactly_the_url_but_the_secrets() -> None:
    url = "postgresql+psycopg://alice:pw%40x@db.example:5433/wb?sslmode=require&password=zz99&passfile=/home/a/.pgpass"
    assert redact_url(url) == (
        "postgresql+psycopg://alice:***@db.example:5433/wb?sslmode=require&password=***&passfile=/home/a/.pgpass"
    )
    assert redact_url("postgresql+psycopg://db.example/wb?application_name=x") == (
        "postgresql+psycopg://db.example/wb?application_name=x"
    )


@pytest.mark.parametrize(
    "name",
    [
        "password",
        "PASSWORD",
        "sslpassword",
        "token",
        "secret",
        "api_key",
        "apikey",
        "access_token",
        "pwd",
        "auth_token",
        "credentials",
        "pass%77ord",
    ],
)
def test_secret_parameter_names(name: str) -> None:
    assert is_secret_parameter(name)


@pytest.mark.parametrize(
    "name",
    [
        "passfile",
        "sslkey",
        "sslcert",
        "sslrootcert",
        "sslmode",
        "host",
        "user",
        "application_name",
        "connect_timeout",
        "options",
    ],
)
def test_parameters_that_are_not_secret(name: str) -> None:
    assert not is_secret_parameter(name)


def test_driver_messages_and_dsns_are_scrubbed_by_value_and_by_shape() -> None:
    url = f"postgresql+psycopg://alice:{PASSWORD}@h/wb?sslpassword=k%26ey-pass"
    secrets = secret_values(url)
    text = (
        f"could not connect: host=h dbname=wb user=alice password={PASSWORD} sslpassword='k&ey-pass'\n"
        f"echoed: {PASSWORD} and k%26ey-pass; other: postgresql://bob:other-pw@x/y and {{'password': 'q1w2e3r4'}}\n"
        "token = abc123token; KeyError: 'name'; passfile=/home/a/.pgpass"
    )
    out = scrub(text, secrets)
    for secret in (PASSWORD, "k&ey-pass", "k%26ey-pass", "other-pw", "q1w2e3r4", "abc123token"):
        assert secret not in out, out
    assert "user=alice" in out and "KeyError: 'name'" in out and "passfile=/home/a/.pgpass" in out


def test_a_sqlite_database_is_shown_by_its_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = resolve_database(str(tmp_path / "wb.sqlite3"), {})
    assert display_database(target) == str(tmp_path / "wb.sqlite3")
    server = resolve_database(f"postgresql://alice:{PASSWORD}@h/wb", {})
    assert display_database(server) == "postgresql+psycopg://alice:***@h/wb"
    assert PASSWORD not in repr(server)  # a traceback that shows locals shows the target redacted
    assert PASSWORD not in repr(DatabaseTarget(url=f"postgresql+psycopg://h/wb?password={PASSWORD}", path=None))


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://u:Pw7k@h/db", "unsupported database 'mysql://'"),
        ("postgresql+foo://u:Pw7k@h/db", "unknown driver 'foo'"),
        ("postgresql+psycopg2://u:Pw7k@h/db", "unknown driver 'psycopg2'"),
        ("postgresql://u:p@Zq9x@h/db", "unencoded '@'; write it as %40"),
        ("postgresql://u:p#Zq9x@h/db", "unencoded '#'"),
        ("postgresql://u:p/Zq9x@h/db", "%2F"),
        ("postgresql://u:p?Zq9x@h/db", "%3F"),
        ("postgresql://u:Pw7k@h:abc/db", "the port is not a number"),
        ("postgresql://u:Pw7k@h:99999/db", "the port is out of range"),
        ("postgresql://u:Pw7k@h:0/db", "the port is out of range"),
        ("postgresql://u:Pw7k@h:/db", "the port after ':' is empty"),
        ("postgresql://u:314159/db", "the port is out of range"),  # the host left out: the password is no port
        ("sqlite://relative.db", "sqlite:///PATH"),
        ("sqlite+foo:///x.db", "unknown driver 'foo'"),
        ("1nvalid://x", "not a database URL"),
    ],
)
def test_urls_that_do_not_parse_as_meant_are_refused_without_quoting_them(url: str, words: str) -> None:
    with pytest.raises(DatabaseUrlError) as caught:
        resolve_database(url, {})
    assert words in str(caught.value)
    for piece in ("Pw7k", "Zq9x", "314159"):
        assert piece not in str(caught.value)


def test_good_urls_pass_the_checks() -> None:
    assert canonical_url("postgresql://u:p%40ss@[::1]:5432/db?sslmode=require") == (
        "postgresql+psycopg://u:p%40ss@[::1]:5432/db?sslmode=require"
    )
    assert canonical_url("POSTGRES://h/db") == "postgresql+psycopg://h/db"
    assert (
        canonical_url("postgresql+psycopg:///db?host=/run/postgresql")
        == "postgresql+psycopg:///db?host=/run/postgresql"
    )


@pytest.mark.parametrize(
    "value", ["host=db.example dbname=wb user=wb password=Zq9-secret", "dbname=wb password=Zq9-secret", "PASSWORD=x"]
)
def test_a_keyword_connection_string_is_not_taken_for_a_file_name(value: str, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseUrlError, match="key=value connection string") as caught:
        resolve_database(value, {})
    assert "Zq9" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / value).touch()  # a file that really has such a name is still a file
    assert resolve_database(value, {}).path == tmp_path / value


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://u:Pw7k@h/db?port=abc", "the port is not a number"),
        ("postgresql://u:Pw7k@h/db?host=a,b&port=5432,0", "the port is out of range"),
        ("postgresql://u:Pw7k@h1:5432,h2:5433/db", "several hosts go in the query"),
    ],
)
def test_ports_in_the_query_and_several_hosts(url: str, words: str) -> None:
    with pytest.raises(DatabaseUrlError, match=words):
        resolve_database(url, {})
    assert canonical_url("postgresql://u@/db?host=h1,h2&port=5432,5433").endswith("port=5432,5433")
