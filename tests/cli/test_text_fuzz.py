"""Fuzz: arbitrary Unicode, control characters, bidi marks and Rich markup through every name field of the
command line and through the CSV import. Each input either exits 2 with one line naming the field, or is
stored exactly as the rule's normalised form (read back through the services) and holds nothing refused.

One database per test function, reused across examples; names are made unique per example.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.text import TextRefused, is_blank, name_key, single_line

pytestmark = pytest.mark.slow  # a few hundred in-process commands

HOSTILE = [
    "\x1b]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlL3ggfCBzaA==\x07",  # OSC 52: write the clipboard
    "\x1b]0;owned\x07",  # OSC 0: the window title
    "\x1b[31m",
    "\x9b2J",  # C1 CSI
    "\x9d0;x\x9c",  # C1 OSC ... ST
    "\x07",
    "\x7f",
    "\x00",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u2028",
    "\u2029",
    "\x85",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\U000e0041",
    "\udcff",
    "\u3164",
    "\u0301",
    "e\u0301",
    "\u00a0",
    " ",
    "[/x]",
    "[bold red]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[/]",
    "\\[",
    "%s",
    "{0}",
    "=1+1",
    "'",
    '"',
    ",",
    "Ａｃｍｅ",
    "👨\u200d👩\u200d👧",
]
PIECES = st.one_of(st.text(max_size=6), st.text(st.characters(codec="utf-8"), max_size=4), st.sampled_from(HOSTILE))
TEXT = st.lists(PIECES, max_size=5).map("".join)
_SERIAL = itertools.count(1)


def _expected(value: str) -> str | None:
    """What the rule stores for a single-line value, or None when it refuses it."""
    try:
        return single_line(value)
    except TextRefused:
        return None


def _clean(text: str) -> None:
    """An independent look at stored text: NFC, stripped, no control, format, surrogate or separator character."""
    assert text == unicodedata.normalize("NFC", text) == text.strip()
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        assert category not in ("Cc", "Cs", "Zl", "Zp"), (index, hex(ord(ch)))
        assert category != "Cf" or ch in "\u200c\u200d", (index, hex(ord(ch)))
        if ch in "\u200c\u200d":
            assert 0 < index < len(text) - 1, "a joiner at an end"


def _one_line_error(code: int, out: str, err: str, field: str) -> None:
    assert code == 2, (code, err)
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"workbench: {field}: "), err
    assert "\x1b" not in err and "\x07" not in err and "Traceback" not in err


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "fuzz.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    assert run(path, "members", "add", "Ana Ortiz")[0] == 0
    assert run(path, "candidates", "add", "Acme IT")[0] == 0
    return path


@pytest.fixture
def services(db: str, services_on: Callable[[str], AbstractContextManager[Any]]) -> Iterator[Any]:
    with services_on(db) as svc:
        yield svc


def _unique(a: str, b: str) -> str:
    return f"{a}#{next(_SERIAL)}#{b}"


# (the field named in errors, its length limit, whether it is a required unique name, the command, the read-back)
FIELDS: dict[str, tuple[str, int, bool, Callable[[str], list[str]], Callable[[Any], list[str]]]] = {
    "selection name": (
        "name",
        200,
        True,
        lambda v: ["selections", "new", "--", v],
        lambda s: [x.name for x in s.selections.list()],
    ),
    "member name": (
        "name",
        200,
        True,
        lambda v: ["members", "add", "--selection=S", "--", v],
        lambda s: [m.name for m in s.members.list("S")],
    ),
    "member role": (
        "role",
        200,
        False,
        lambda v: ["members", "add", "--selection=S", f"--role={v}", "--", f"Role {next(_SERIAL)}"],
        lambda s: [m.role for m in s.members.list("S")],
    ),
    "candidate name": (
        "name",
        200,
        True,
        lambda v: ["candidates", "add", "--selection=S", "--", v],
        lambda s: [c.name for c in s.candidates.list(selection="S")],
    ),
    "their attendee": (
        "their_attendees",
        200,
        False,
        lambda v: [
            "meetings",
            "add",
            "--selection=S",
            "--candidate=Acme IT",
            "--kind=introduction",
            "--at=2031-05-06T09:00",
            "--tz=UTC",
            f"--their-attendee={v}",
        ],
        lambda s: [a for m in s.meetings.list(selection="S") for a in m.their_attendees],
    ),
    "meeting location": (
        "--location",
        1000,
        False,
        lambda v: [
            "meetings",
            "add",
            "--selection=S",
            "--candidate=Acme IT",
            "--kind=introduction",
            "--at=2031-05-06T09:00",
            "--tz=UTC",
            f"--location={v}",
        ],
        lambda s: [m.location for m in s.meetings.list(selection="S")],
    ),
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(sorted(FIELDS)), a=TEXT, b=TEXT)
def test_fuzz_every_name_field_of_the_command_line(run, db: str, services: Any, which: str, a: str, b: str) -> None:
    field, limit, unique_name, command, read_back = FIELDS[which]
    value = _unique(a, b) if unique_name else a + b
    expected = _expected(value)
    before = read_back(services)
    code, out, err = run(db, *command(value))
    after = read_back(services)
    if expected is None:
        _one_line_error(code, out, err, field)
        assert "contains " in err
        assert after == before
        return
    if len(expected) > limit:
        _one_line_error(code, out, err, field)
        assert f"is longer than {limit} characters" in err
        assert after == before
        return
    if unique_name and (is_blank(expected) or any(name_key(expected) == name_key(n) for n in before)):
        _one_line_error(code, out, err, field)
        assert after == before
        return
    assert code == 0, err
    added = list(after)
    for old in before:
        added.remove(old)
    if field == "their_attendees" and expected == "":
        assert added == []  # an empty attendee is left out
        return
    assert added == [expected], (value, added)
    _clean(expected)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(TEXT, min_size=1, max_size=3))
def test_fuzz_names_through_the_csv_import(run, db: str, services: Any, tmp_path: Path, values: list[str]) -> None:
    serial = next(_SERIAL)
    # A surrogate cannot be written as UTF-8; a prefix keeps the names apart from each other and from a header.
    names = [f"n{serial}.{k}|{v}".encode("utf-8", "replace").decode("utf-8") for k, v in enumerate(values)]
    buffer = io.StringIO(newline="")
    # Every cell quoted: csv's minimal quoting leaves a lone CR unquoted (only the line terminator's characters
    # are special), which makes it a line break between records, not a character of the name.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["name", "notes"])
    for name in names:
        writer.writerow([name, "ok"])
    path = tmp_path / f"in{serial}.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    before = [c.name for c in services.candidates.list(selection="S")]
    code, out, err = run(db, "candidates", "import", "--selection=S", str(path))
    assert "\x1b" not in out
    after = [c.name for c in services.candidates.list(selection="S")]
    expected = [_expected(n) for n in names]
    if any(e is None or len(e) > 200 for e in expected):
        assert code == 2, err
        lines = err.splitlines()
        assert len(lines) == sum(e is None or len(e) > 200 for e in expected), err
        assert all(line.startswith(f"{path}:") and ": name: " in line for line in lines), err
        assert "\x1b" not in err and "\x07" not in err
        assert after == before
        return
    assert code == 0, err
    added = sorted(set(after) - set(before))
    assert added == sorted(e for e in expected if e is not None)
    for name in added:
        _clean(name)
