"""Which database is opened, and that a URL's password is never shown."""

from __future__ import annotations

from pathlib import Path

from workbench.config import redact_url, resolve_database


def test_option_beats_environment_beats_default(tmp_path: Path) -> None:
    env = {"WORKBENCH_DB": str(tmp_path / "env.sqlite3")}
    assert resolve_database(str(tmp_path / "opt.sqlite3"), env).path == tmp_path / "opt.sqlite3"
    assert resolve_database(None, env).path == tmp_path / "env.sqlite3"
    default = resolve_database(None, {})
    assert default.path is not None and default.path.name == "workbench.sqlite3"
    assert not default.explicit
    assert "vendor-interview-workbench" in str(default.path)


def test_urls_are_kept_and_postgres_gets_the_psycopg_driver() -> None:
    assert resolve_database("postgresql://u:p@h/db", {}).url == "postgresql+psycopg://u:p@h/db"
    assert resolve_database("postgres://u@h/db", {}).url == "postgresql+psycopg://u@h/db"
    target = resolve_database("sqlite:////tmp/x.sqlite3", {})
    assert target.path == Path("/tmp/x.sqlite3") and target.is_sqlite


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert resolve_database("rel.sqlite3", {}).path == tmp_path / "rel.sqlite3"


def test_password_is_redacted() -> None:
    shown = redact_url("postgresql+psycopg://alice:s3cr%40t@db.example:5433/wb?sslmode=require")
    assert "s3cr" not in shown
    assert shown == "postgresql+psycopg://alice:***@db.example:5433/wb?sslmode=require"
    assert redact_url("sqlite:////tmp/a.sqlite3") == "sqlite:////tmp/a.sqlite3"
