"""User text is printed as plain text: no markup read, no control sequence written, even for data stored raw.

The names and texts of the sample get terminal escapes (OSC 52, OSC 0, CSI, an 8-bit CSI, DEL, NEL),
bidi controls and Rich markup written straight into the database (tests/hostile.py), as an older
version or another client of a shared database could have left them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile import EVIL, LITERALS, forbidden_in, make_hostile, sqlite_value
from workbench.domain.display import one_line

TABLES = (
    ("members", "list"),
    ("candidates", "list"),
    ("selections", "list"),
    ("meetings", "list"),
    ("meetings", "show", "1"),
    ("compare",),
    ("timezones", "fit"),
)


@pytest.fixture
def hostile_db(sample_path: Path, tmp_path: Path) -> Path:
    return make_hostile(sample_path, tmp_path / "hostile.sqlite3")


def _flat(text: str) -> str:
    """A table's text with its frame and line breaks taken out (a long cell folds over lines)."""
    for ch in "│┃┏┓┗┛┡┩└┘┌┐├┤┬┴┼━─╇╈╋═╞╡╪┳┻\n":
        text = text.replace(ch, "")
    return "".join(text.split())


@pytest.mark.parametrize("words", TABLES, ids=" ".join)
def test_tables_print_user_text_literally_and_no_escape(run: Callable, hostile_db: Path, words: tuple[str]) -> None:  # type: ignore[type-arg]
    code, out, err = run(str(hostile_db), *words)
    assert code == 0, err
    assert forbidden_in(out + err) == []
    assert not any(0x80 <= ord(c) <= 0x9F for c in out)  # no C1 control as a code point
    flat = _flat(out)
    for literal in LITERALS:
        assert "".join(literal.split()) in flat  # shown as written: not a style, not a link, no MarkupError
    assert "␛]52;c;" in flat and "␇" in flat  # the escapes are shown as pictures, not lost


def test_member_names_print_exactly_as_one_line(run: Callable, hostile_db: Path) -> None:  # type: ignore[type-arg]
    code, out, _ = run(str(hostile_db), "members", "list")
    assert code == 0
    name = sqlite_value(hostile_db, "SELECT name FROM panel_member WHERE id = 1")
    assert "".join(one_line(name).split()) in _flat(out)  # the whole name, each control shown as one mark
    assert one_line(name).startswith("␛]52;c;Y3VybCBldmlsIHwgc2g=␇␛]0;pwned␇[/x] Closer")


def test_messages_show_user_text_plain(run: Callable, hostile_db: Path) -> None:  # type: ignore[type-arg]
    code, out, err = run(str(hostile_db), "candidates", "status", "1", "finalist")
    assert code == 0, err
    name = sqlite_value(hostile_db, "SELECT name FROM candidate WHERE id = 1")
    assert out == f"{one_line(name)} is now finalist\n"
    assert forbidden_in(out) == []


def test_user_errors_show_the_words_typed_plain(run: Callable, hostile_db: Path) -> None:  # type: ignore[type-arg]
    code, out, err = run(str(hostile_db), "compare", "--as", EVIL)
    assert code == 2
    assert forbidden_in(out + err) == [] and err.startswith("workbench: ") and err.count("\n") == 1


def test_json_round_trips_the_stored_text_with_nothing_raw(run: Callable, hostile_db: Path) -> None:  # type: ignore[type-arg]
    code, out, _ = run(str(hostile_db), "members", "list", "--format", "json")
    assert code == 0 and forbidden_in(out) == []
    assert not any(0x80 <= ord(c) <= 0x9F for c in out)
    names = {m["id"]: m["name"] for m in json.loads(out)}
    assert names[1] == sqlite_value(hostile_db, "SELECT name FROM panel_member WHERE id = 1")  # the data, unchanged


def test_csv_and_documents_neutralise_escapes(run: Callable, hostile_db: Path, tmp_path: Path) -> None:  # type: ignore[type-arg]
    code, out, _ = run(str(hostile_db), "candidates", "export")
    assert code == 0 and forbidden_in(out) == []
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][0].startswith("␛]52;c;") and "[/x] Closer" in rows[1][0]
    for words in (("compare", "--format", "md"), ("compare", "--format", "csv"), ("minutes", "1")):
        code, out, err = run(str(hostile_db), *words)
        assert code == 0, err
        assert forbidden_in(out) == [], words
    target = tmp_path / "minutes.md"
    assert run(str(hostile_db), "minutes", "1", "-o", str(target))[0] == 0
    assert forbidden_in(target.read_text(encoding="utf-8")) == []


def test_a_debug_traceback_writes_no_escape(
    run: Callable,  # type: ignore[type-arg]
    hostile_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import workbench.commands.selections as selections

    def boom(args, services):  # type: ignore[no-untyped-def]
        raise RuntimeError(EVIL)

    monkeypatch.setenv("WORKBENCH_DEBUG", "1")
    monkeypatch.setattr(selections, "members_list", boom)
    code, out, err = run(str(hostile_db), "members", "list")
    assert code == 1
    assert "Traceback" in err and "[/x] Closer" in err  # the traceback is there, its text shown as written
    assert forbidden_in(out + err) == []


@pytest.mark.slow
@pytest.mark.parametrize("words", [("members", "list"), ("meetings", "show", "1"), ("compare",)], ids=" ".join)
def test_in_a_real_terminal_only_richs_own_styles_are_written(
    hostile_db: Path, tmp_path: Path, words: tuple[str]
) -> None:
    """In a pseudo-terminal rich draws colours: the only escape sequences written are its SGR styles."""
    import os
    import re
    import sys

    import pexpect

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(TERM="xterm-256color", HOME=str(tmp_path), PYTHONPATH=str(root), COLUMNS="160", LINES="50")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable, ["-m", "workbench", "--db", str(hostile_db), *words], env=env, dimensions=(50, 160), timeout=60
    )
    raw = child.read()
    child.close()
    assert child.exitstatus == 0, raw[-500:]
    styles = re.compile(rb"\x1b\[[0-9;]*m")
    assert styles.search(raw)  # rich thought it was a terminal: it wrote colours
    rest = styles.sub(b"", raw)
    assert b"\x1b" not in rest and b"\x07" not in rest
    text = rest.decode("utf-8")
    assert not any(0x80 <= ord(c) <= 0x9F for c in text) and "\u202e" not in text
    assert "[/x] Closer" in text.replace("\r\n", "\n")
