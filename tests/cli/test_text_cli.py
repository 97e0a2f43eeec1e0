"""User text on the command line: hostile characters exit 2 with one line naming the field; names are stored
NFC and found in any form; markup-looking names are plain text."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

NFD = "Cafe\u0301"
NFC = "Caf\u00e9"
OSC52 = "\x1b]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlL3ggfCBzaA==\x07"


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "x.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    assert run(path, "members", "add", "Ana Ortiz")[0] == 0
    assert run(path, "candidates", "add", "Acme IT")[0] == 0
    code, _, err = run(
        path,
        "meetings",
        "add",
        "--candidate=Acme IT",
        "--kind=introduction",
        "--at=2031-05-06T09:00",
        "--tz=UTC",
        "--member=Ana Ortiz",
    )
    assert code == 0, err
    return path


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["members", "add", f"Mallory{OSC52}"],
            "workbench: name: contains a control character (U+001B) at character 8; only plain text is allowed",
        ),
        (
            ["members", "add", "Bob", "--role", "lead\u202e"],
            "workbench: role: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 5, "
            "which can disguise text; it is not allowed",
        ),
        (
            ["candidates", "add", "Acme\nEvil"],
            "workbench: name: contains a line break (U+000A) at character 5; it must be on one line",
        ),
        (
            ["candidates", "add", "Bolt", "--notes", "fine\nbut \x1b[2J"],
            "workbench: notes: contains a control character (U+001B) at character 10; only plain text is allowed",
        ),
        (
            ["selections", "new", "\u2066Sel"],
            "workbench: name: contains a bidirectional control (U+2066 LEFT-TO-RIGHT ISOLATE) at character 1, "
            "which can disguise text; it is not allowed",
        ),
        (
            ["members", "add", "\udcff\udcfe"],
            "workbench: name: contains a broken character (U+DCFF) at character 1, not valid Unicode "
            "(was the text UTF-8?)",
        ),
        (
            ["members", "add", "Zero\u200bWidth"],
            "workbench: name: contains an invisible format character (U+200B ZERO WIDTH SPACE) at character 5; "
            "it is not allowed",
        ),
        (["members", "add", "\u3164"], "workbench: name: must not be empty (it shows nothing)"),
        (["members", "add", "Ana ORTIZ"], "workbench: name: 'Ana Ortiz' is on the panel already"),
        (
            ["candidates", "add", "ACME it"],
            "workbench: name: a candidate named 'Acme IT' exists already in this selection",
        ),
    ],
)
def test_bad_text_exits_2_with_one_line_naming_the_field(run, db: str, args: list[str], line: str) -> None:
    before = run.json(db, "members", "list"), run.json(db, "candidates", "list"), run.json(db, "selections", "list")
    code, out, err = run(db, *args)
    assert (code, out, err.splitlines()) == (2, "", [line])
    after = run.json(db, "members", "list"), run.json(db, "candidates", "list"), run.json(db, "selections", "list")
    assert after == before


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["meetings", "add", "--candidate=Acme IT", "--kind=introduction", "--at=2031-06-01T09:00", "--tz=UTC"], None),
        (["note", "1", "--member=Ana Ortiz", "--kind=note", "--text=a\x9b2Jb"], "--text"),
        (["note", "1", "--member=Ana Ortiz", "--kind=action", "--text=x", "--owner=Bo\nb"], "--owner"),
        (["score", "1", "1", "4", "--member=Ana Ortiz", "--comment=ok\u202e"], "--comment"),
    ],
)
def test_meeting_texts_are_checked_too(run, db: str, args: list[str], field: str | None) -> None:
    if field is None:  # the meeting's own texts: a location and the vendor's attendees
        for extra, named in (
            ("--location=Room\x1b]0;x\x07", "--location"),
            ("--their-attendee=Zoe\r", "their_attendees"),
        ):
            code, out, err = run(db, *args, extra)
            assert code == 2 and out == "" and len(err.splitlines()) == 1, err
            assert err.startswith(f"workbench: {named}: contains "), err
        assert len(run.json(db, "meetings", "list")) == 1
        return
    code, out, err = run(db, *args)
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert err.startswith(f"workbench: {field}: contains "), err


def test_names_are_stored_nfc_and_found_in_any_form(
    run, db: str, services_on: Callable[[str], AbstractContextManager]
) -> None:
    code, _, err = run(db, "members", "add", f"  {NFD} Ortiz ")
    assert code == 0, err
    assert run(db, "members", "add", f"{NFC} ORTIZ")[0] == 2  # the same name in another form
    assert run(db, "candidates", "add", f"{NFD} IT")[0] == 0
    assert run(db, "candidates", "add", f"{NFC} it")[0] == 2
    assert run(db, "candidates", "status", f"{NFC} IT", "shortlisted")[0] == 0  # NFC typed finds it
    assert run(db, "candidates", "status", f"{NFD} it", "finalist")[0] == 0  # NFD too
    with services_on(db) as services:
        assert [m.name for m in services.members.list()] == ["Ana Ortiz", f"{NFC} Ortiz"]
        assert [(c.name, c.status) for c in services.candidates.list()] == [
            ("Acme IT", "long-list"),
            (f"{NFC} IT", "finalist"),
        ]


def test_markup_looking_names_are_accepted_as_plain_text(
    run, db: str, services_on: Callable[[str], AbstractContextManager]
) -> None:
    names = ["[/x] Closer", "[bold red]Red[/]", "[link=file:///etc/passwd]x[/link]"]
    for name in names:
        assert run(db, "members", "add", name)[0] == 0
        assert run(db, "candidates", "add", name)[0] == 0
    with services_on(db) as services:
        assert sorted(m.name for m in services.members.list()) == sorted(["Ana Ortiz", *names])
        assert sorted(c.name for c in services.candidates.list()) == sorted(["Acme IT", *names])


def _csv(tmp_path: Path, text: str) -> str:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def test_import_findings_each_exit_2_naming_the_line(run, db: str, tmp_path: Path) -> None:
    before = run.json(db, "candidates", "list")
    path = _csv(tmp_path, f"name,notes\n{NFC} IT,one\n{NFD} it,two\n")
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [
        f"{path}:3: name: {NFC + ' it'!r} is in the file twice, on line 2 and line 3 "
        "(names are compared ignoring case and Unicode normalisation)"
    ]
    path = _csv(tmp_path, "name\nBolt\nname\nCopper\n")
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [
        f"{path}:3: repeats the header line (a header belongs on line 1 only; was one file appended to another?)"
    ]
    path = _csv(tmp_path, 'name,notes\n"Bolt\nEvil",fine\n')
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [
        f"{path}:2: name: contains a line break (U+000A) at character 5; it must be on one line"
    ]
    path = _csv(tmp_path, f"name\nacme it\n{NFD}\n")
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [
        f"{path}:2: name: a candidate named 'acme it' exists already in this selection "
        "(import with --update to update it)"
    ]
    assert run.json(db, "candidates", "list") == before
    path = _csv(tmp_path, 'name,notes\n"Bolt","line one\r\nline\ttwo"\n')
    assert run(db, "candidates", "import", path)[0] == 0
    assert [c["notes"] for c in run.json(db, "candidates", "list") if c["name"] == "Bolt"] == ["line one\nline\ttwo"]
