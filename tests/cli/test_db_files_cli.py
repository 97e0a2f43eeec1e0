"""Database files: one not ours is left as it was; a backup never overwrites the database, nor a file unasked."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

COMMANDS = [["selections", "list"], ["db", "check"], ["db", "upgrade"], ["backup", "copy.sqlite3"]]


def _state(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes (hashed), its mode, and what lies beside it."""
    return (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_mode & 0o7777,
        sorted(p.name for p in path.parent.iterdir()),
    )


def _one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err.rstrip("\n")


def _foreign_sqlite(path: Path, *, wal: bool = False) -> Path:
    with sqlite3.connect(path) as conn:
        if wal:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.close()
    os.chmod(path, 0o644)
    return path


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_another_programs_sqlite_database_is_left_byte_for_byte(
    run, tmp_path: Path, monkeypatch, command: list[str], wal: bool
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = _foreign_sqlite(tmp_path / "other.sqlite3", wal=wal)
    before = _state(path)
    code, out, err = run(str(path), *command)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"workbench: --db: {str(path)!r} is not a workbench database: "
        "it holds tables that are not the workbench's (invoices); not touched"
    )
    assert _state(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == ("wal" if wal else "delete")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_text_file_is_left_byte_for_byte(run, tmp_path: Path, monkeypatch, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    os.chmod(path, 0o664)
    before = _state(path)
    code, out, err = run(str(path), *command)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"workbench: --db: {str(path)!r} is not a SQLite database, so not a workbench database; not touched"
    )
    assert _state(path) == before


def test_a_sqlite_database_with_only_a_view_is_not_ours_either(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "views.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIEW answer AS SELECT 42")
    conn.close()
    before = _state(path)
    code, _, err = run(str(path), "selections", "list")
    assert code == 2 and "is not a workbench database: it holds view objects but no workbench tables" in err
    assert _state(path) == before


def test_a_device_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("/dev/null", "selections", "list")
    assert code == 2
    assert (
        _one_line(err)
        == "workbench: --db: '/dev/null' is not a regular file (a device, a pipe or a socket); not touched"
    )


@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_a_new_or_empty_file_is_still_created_private(run, tmp_path: Path, empty: bool) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite3"
    if empty:
        path.touch(mode=0o644)
        os.chmod(path, 0o644)
    assert run(str(path), "selections", "new", "First")[0] == 0
    assert path.stat().st_mode & 0o777 == 0o600
    assert run(str(path), "selections", "list")[0] == 0


# ----------------------------------------------------------------------------- backup


@pytest.fixture
def live(run, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A workbench database in use, dir/db.sqlite3, beside an empty dir/sub."""
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    path = tmp_path / "dir" / "db.sqlite3"
    assert run(str(path), "selections", "new", "Kept")[0] == 0
    return path


def _selections(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM selection")]


def test_backup_through_dot_dot_does_not_overwrite_the_database(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    before = _state(live)[:2]
    for target in (live.parent / "sub" / ".." / live.name, live.parent / "." / live.name):
        code, out, err = run(str(live), "backup", str(target), "--force")
        assert code == 2 and out == ""
        assert _one_line(err) == (
            f"workbench: FILE: {str(target)!r} is the database itself (or its journal); the backup cannot overwrite it"
        )
    assert _state(live)[:2] == before and _selections(live) == ["Kept"]


def test_backup_through_a_symbolic_or_hard_link_does_not_overwrite_the_database(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    symlink = live.parent / "sub" / "link.sqlite3"
    symlink.symlink_to(live)
    folder_link = live.parent / "alias"
    folder_link.symlink_to(live.parent, target_is_directory=True)
    hard = live.parent / "sub" / "hard.sqlite3"
    os.link(live, hard)
    before = _state(live)[:2]
    for target in (symlink, folder_link / live.name, hard, Path(f"{live}-wal")):
        code, _, err = run(str(live), "backup", str(target), "--force")
        assert code == 2 and "is the database itself" in _one_line(err), target
    assert _state(live)[:2] == before and _selections(live) == ["Kept"]
    # ... and the database opened through the link is guarded the same way
    code, _, err = run(str(symlink), "backup", str(live), "--force")
    assert code == 2 and "is the database itself" in err


def test_backup_refuses_an_existing_file_without_force(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    target = live.parent / "sub" / "copy.sqlite3"
    target.write_text("precious\n", encoding="utf-8")
    code, out, err = run(str(live), "backup", str(target))
    assert code == 2 and out == ""
    assert _one_line(err) == f"workbench: FILE: {str(target)!r} exists; give --force to overwrite it"
    assert target.read_text(encoding="utf-8") == "precious\n"
    code, out, _ = run(str(live), "backup", str(target), "--force")
    assert code == 0 and out == f"backup written to {target}\n"
    assert target.stat().st_mode & 0o777 == 0o600 and _selections(target) == ["Kept"]
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_backup_to_a_new_file_needs_no_force(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    target = live.parent / "sub" / ".." / "new-copy.sqlite3"
    code, out, _ = run(str(live), "backup", str(target))
    assert code == 0 and out.startswith("backup written to ")
    assert _selections(live.parent / "new-copy.sqlite3") == ["Kept"]
    code, _, err = run(str(live), "backup", str(target))  # a second time: the file is there now
    assert code == 2 and "exists; give --force" in err


def test_another_alembic_managed_database_is_not_taken_for_ours(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.close()
    os.chmod(path, 0o640)
    before = _state(path)
    code, _, err = run(str(path), "db", "upgrade")
    assert code == 2
    assert _one_line(err).endswith(
        "it holds tables that are not the workbench's (alembic_version, orders); not touched"
    )
    assert _state(path) == before


def test_backup_never_replaces_a_device_a_pipe_or_a_link_to_one(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    import stat

    fifo = live.parent / "sub" / "pipe"
    os.mkfifo(fifo)
    to_null = live.parent / "sub" / "null-link"
    to_null.symlink_to("/dev/null")
    for target in (fifo, to_null):
        for extra in ((), ("--force",)):
            code, out, err = run(str(live), "backup", str(target), *extra)
            assert code == 2 and out == ""
            assert _one_line(err) == (
                f"workbench: FILE: {str(target)!r} is not a regular file (a device, a pipe or a socket);"
                " a backup is written only to a regular file"
            )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.readlink(to_null) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_backup_to_a_name_too_long_for_the_file_system_exits_2(run, live: Path) -> None:  # type: ignore[no-untyped-def]
    target = live.parent / ("x" * 100_000)
    code, out, err = run(str(live), "backup", str(target))
    assert code == 2 and out == ""
    line = _one_line(err)
    assert line.startswith("workbench: FILE: ") and len(line) < 400
