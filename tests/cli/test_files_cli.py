"""Files named on the command line: imports read regular files only, within a limit; -o folders and files."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from workbench.imports.reading import read_regular_file
from workbench.services.errors import UserError


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "x.sqlite3")
    code, _, err = run(path, "selections", "new", "S")
    assert code == 0, err
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: "), err
    return lines[0]


def _names(run, db: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [c["name"] for c in run.json(db, "candidates", "list")]


@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        ("zero", "is not a regular file"),
        ("null", "is not a regular file"),
        ("fifo", "is not a regular file"),
        ("folder", "is a folder"),
        ("stdin", "is not a regular file"),
        ("dash", "standard input is not read"),
        ("socket", "is not a regular file"),
    ],
)
def test_import_refuses_what_is_not_a_regular_file(  # type: ignore[no-untyped-def]
    run, db: str, tmp_path: Path, kind: str, needle: str
) -> None:
    import socket

    server = None
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.csv")
        path = str(tmp_path / "pipe.csv")
    elif kind == "socket":
        path = str(tmp_path / "s.csv")
        server = socket.socket(socket.AF_UNIX)
        server.bind(path)
    else:
        path = {"zero": "/dev/zero", "null": "/dev/null", "folder": str(tmp_path), "stdin": "/dev/stdin", "dash": "-"}[
            kind
        ]
    done: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: done.append(run(db, "candidates", "import", path)), daemon=True)
    worker.start()
    worker.join(10)  # a FIFO without a writer, or /dev/zero, must not be waited on
    if server is not None:
        server.close()
    assert done, f"import of {path} did not return"
    code, out, err = done[0]
    assert code == 2 and out == ""
    line = _one_line(err)
    assert needle in line and (kind == "dash" or repr(path) in line), line
    assert _names(run, db) == []


def test_import_reads_at_most_the_limit(run, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import workbench.imports.candidates_csv as csv_module

    body = b"name\nAcme\n"
    monkeypatch.setattr(csv_module, "MAX_BYTES", len(body))
    exact, over = tmp_path / "exact.csv", tmp_path / "over.csv"
    exact.write_bytes(body)
    over.write_bytes(body + b"B\n")
    code, _, err = run(db, "candidates", "import", str(over))
    assert code == 2 and f"{str(over)!r} is larger than {len(body)} bytes" in _one_line(err)
    assert _names(run, db) == []
    code, out, err = run(db, "candidates", "import", str(exact))
    assert "imported 1 new" in out
    assert code == 0, err
    assert _names(run, db) == ["Acme"]


def test_read_regular_file_counts_bytes_not_stat(tmp_path: Path) -> None:
    """A file whose size grows past the limit while it is read is refused by what was read, not by stat."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_regular_file(path, limit=10) == b"x" * 10
    with pytest.raises(UserError, match="larger than 9 bytes"):
        read_regular_file(path, limit=9)
    link = tmp_path / "link"
    link.symlink_to(path)
    assert read_regular_file(link, limit=10) == b"x" * 10  # a link to a regular file is read
    with pytest.raises(UserError, match="is not a regular file"):
        read_regular_file("/dev/zero", limit=10**9)


def test_minutes_all_creates_the_folder_0700(demo_db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_dir = tmp_path / "new-folder"
    code, out, err = run(demo_db, "minutes", "--all", "-o", str(out_dir))
    assert code == 0, err
    assert stat.S_IMODE(out_dir.stat().st_mode) == 0o700
    files = sorted(out_dir.iterdir())
    assert files and all(p.read_text(encoding="utf-8").startswith("# Minutes: ") for p in files)
    assert f"wrote {len(files)} minutes files" in out


def test_minutes_all_refuses_a_file_and_a_missing_parent(demo_db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    code, _, err = run(demo_db, "minutes", "--all", "-o", str(tmp_path / "a-file"))
    assert code == 2 and "-o:" in _one_line(err) and "not a folder" in err
    missing = tmp_path / "no" / "such"
    code, _, err = run(demo_db, "minutes", "--all", "-o", str(missing))
    assert code == 2 and f"the folder {str(tmp_path / 'no')!r} does not exist" in _one_line(err)
    assert not (tmp_path / "no").exists()
    code, _, err = run(demo_db, "minutes", "--all", "-o", str(tmp_path / "a-file" / "sub"))
    assert code == 2 and "is not a folder" in _one_line(err)
    code, _, err = run(demo_db, "minutes", "--all", "-o", str(tmp_path / "d"), "--candidate", "Nobody")
    assert code == 2 and "--candidate" in _one_line(err)
    assert not (tmp_path / "d").exists()  # nothing is created when the words are wrong


@pytest.mark.parametrize(
    "command",
    [
        ("calendar",),
        ("candidates", "export"),
        ("export", "scores"),
        ("compare", "--format", "csv"),
        ("minutes", "1"),
    ],
)
def test_output_file_in_a_missing_or_bad_folder_exits_2(  # type: ignore[no-untyped-def]
    demo_db: str, run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    missing = tmp_path / "missing"
    cases = [
        (str(missing / "out.txt"), f"the folder {str(missing)!r} does not exist"),
        (str(tmp_path / "a-file" / "out.txt"), "is not a folder"),
        (str(tmp_path), "is a folder, not a file"),
        (str(tmp_path / ("n" * 300)), "cannot write"),
    ]
    for target, needle in cases:
        code, _, err = run(demo_db, *command, "-o", target)
        line = _one_line(err)
        assert code == 2 and line.startswith("workbench: -o: ") and needle in line, (target, err)
    assert not missing.exists()
