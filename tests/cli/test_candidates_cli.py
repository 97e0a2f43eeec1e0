"""`workbench candidates ...` driven in-process: exit codes, JSON, CSV and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

HEADER = "name,website,timezone,support_hours,onsite,status,notes\n"


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "x.sqlite3")
    code, _, err = run(path, "selections", "new", "S")
    assert code == 0, err
    return path


def write(tmp_path: Path, text: str | bytes, name: str = "in.csv") -> str:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return str(path)


def test_add_list_and_status(run, db: str) -> None:
    code, out, err = run(
        db,
        "candidates",
        "add",
        "Acme",
        "--website",
        "https://acme.example",
        "--timezone",
        "Europe/Berlin",
        "--support-hours",
        "08:00-18:00",
        "--onsite",
        "--notes",
        "good",
    )
    assert (code, err) == (0, "")
    assert "Acme" in out
    assert run(db, "candidates", "add", "In-house hire", "--baseline")[0] == 0
    items = run.json(db, "candidates", "list")
    assert [i["name"] for i in items] == ["Acme", "In-house hire"]
    assert set(items[0]) == {
        "id",
        "name",
        "baseline",
        "status",
        "timezone",
        "website",
        "support_hours",
        "onsite",
        "notes",
    }
    assert (items[0]["timezone"], items[0]["onsite"], items[0]["support_hours"], items[0]["notes"]) == (
        "Europe/Berlin",
        True,
        "08:00-18:00",
        "good",
    )
    assert items[1]["baseline"] is True
    code, out, err = run(db, "candidates", "status", "acme", "shortlisted")
    assert code == 0, err
    code, out, _ = run(db, "candidates", "list", "--status", "shortlisted", "--format", "json")
    assert [i["name"] for i in json.loads(out)] == ["Acme"]
    code, out, _ = run(db, "candidates", "list")
    assert code == 0 and "Acme" in out
    code, out, _ = run(db, "candidates", "list", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "id,name,baseline,status,timezone,website,support_hours,onsite,notes"


def test_bad_input_on_the_command_line_exits_2(run, db: str) -> None:
    code, _, err = run(db, "candidates", "add", "Acme", "--timezone", "Mars/Base")
    assert code == 2 and "timezone" in err and "Traceback" not in err
    code, _, err = run(db, "candidates", "add", "Acme", "--support-hours", "9 to 5")
    assert code == 2 and "support_hours" in err
    assert run(db, "candidates", "add", "Acme")[0] == 0
    code, _, err = run(db, "candidates", "add", "ACME")
    assert code == 2 and "exists already" in err
    code, _, err = run(db, "candidates", "status", "Acme", "hired")
    assert code == 2 and "status" in err
    code, _, err = run(db, "candidates", "status", "Nobody", "declined")
    assert code == 2 and "--candidate" in err
    assert [(i["name"], i["status"]) for i in run.json(db, "candidates", "list")] == [("Acme", "long-list")]


def test_import_then_update(run, db: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + "Acme,https://acme.example,Europe/Paris,08:00-17:00,yes,shortlisted,first\nBolt,,Asia/Tokyo,,no,,\n",
    )
    code, out, err = run(db, "candidates", "import", path)
    assert (code, err) == (0, "")
    assert out.strip() == "imported 2 new, updated 0"
    items = {i["name"]: i for i in run.json(db, "candidates", "list")}
    assert (items["Acme"]["status"], items["Acme"]["onsite"], items["Bolt"]["timezone"]) == (
        "shortlisted",
        True,
        "Asia/Tokyo",
    )

    again = write(tmp_path, "Name,Notes\nacme,second\nCopper,new\n", "again.csv")
    code, _, err = run(db, "candidates", "import", again)
    assert code == 2 and f"{again}:2:" in err
    code, out, err = run(db, "candidates", "import", again, "--update")
    assert (code, out.strip()) == (0, "imported 1 new, updated 1"), err
    items = {i["name"]: i for i in run.json(db, "candidates", "list")}
    assert (items["Acme"]["notes"], items["Acme"]["timezone"], items["Acme"]["status"]) == (
        "second",
        "Europe/Paris",
        "shortlisted",
    )
    assert items["Copper"]["notes"] == "new"


def test_import_with_byte_order_mark(run, db: str, tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + b"Name,Timezone\nAcme,Europe/Rome\n")
    code, _out, err = run(db, "candidates", "import", path)
    assert code == 0, err
    assert [(i["name"], i["timezone"]) for i in run.json(db, "candidates", "list")] == [("Acme", "Europe/Rome")]


def test_header_only_imports_nothing(run, db: str, tmp_path: Path) -> None:
    code, out, err = run(db, "candidates", "import", write(tmp_path, HEADER))
    assert (code, out.strip(), err) == (0, "imported 0 new, updated 0", "")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"website,notes\nhttps://a.example,x\n", 1, "'name'"),
        (b"name,colour,size\nAcme,red,big\n", 1, "'colour'"),
        (HEADER.encode() + b"Acme,,UTC,,no,,\nBolt,,Mars/Base,,no,,\n", 3, "timezone"),
        (HEADER.encode() + b"Acme,,UTC,9-5,no,,\n", 2, "support_hours"),
        (HEADER.encode() + b"Acme,,UTC,,perhaps,,\n", 2, "onsite"),
        (HEADER.encode() + b"Acme,,UTC,,no,hired,\n", 2, "status"),
        (HEADER.encode() + b"Acme,ftp://acme.example,UTC,,no,,\n", 2, "website"),
        (HEADER.encode() + b"Acme,,UTC,,no,,\n\nacme,,UTC,,no,,\n", 4, "line 2 and line 4"),
        (HEADER.encode() + b'Acme,,UTC,,no,,\nBolt,,UTC,,no,,"never closed\nmore\n', 3, "never closed"),
        (HEADER.encode() + b"Acme,,UTC,,no,,caf\xe9\n", 2, "UTF-8"),
        (HEADER.encode() + b"Acme,,UTC\n", 2, "3 value(s)"),
        (HEADER.encode() + b",,UTC,,no,,notes without a name\n", 2, "name"),
    ],
    ids=[
        "empty",
        "no-name-column",
        "unknown-column",
        "bad-zone",
        "bad-hours",
        "bad-onsite",
        "bad-status",
        "bad-website",
        "duplicate-in-file",
        "unterminated-quote",
        "not-utf8",
        "short-row",
        "empty-name",
    ],
)
def test_bad_import_exits_2_names_the_line_and_changes_nothing(
    run, db: str, tmp_path: Path, text: bytes, line: int, words: str
) -> None:
    assert run(db, "candidates", "add", "Existing", "--notes", "keep")[0] == 0
    before = run.json(db, "candidates", "list")
    path = write(tmp_path, text)
    code, out, err = run(db, "candidates", "import", path)
    assert code == 2
    assert out == ""
    assert f"{path}:{line}:" in err
    bad = [e for e in err.splitlines() if e.startswith(f"{path}:{line}:")]
    assert any(words in e for e in bad), err
    assert "Traceback" not in err
    assert run.json(db, "candidates", "list") == before


def test_duplicate_of_a_stored_candidate_is_refused_without_update(run, db: str, tmp_path: Path) -> None:
    assert run(db, "candidates", "add", "Acme", "--notes", "keep")[0] == 0
    before = run.json(db, "candidates", "list")
    path = write(tmp_path, HEADER + "Bolt,,UTC,,no,,\nACME,,UTC,,no,,changed\n")
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert f"{path}:3:" in err and "exists already" in err
    assert run.json(db, "candidates", "list") == before


def test_every_problem_is_reported(run, db: str, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "Acme,,Mars/Base,,no,,\nBolt,,UTC,25:00-26:00,no,,\nCopper,,UTC,,no,hired,\n")
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert [e.split(":")[1] for e in err.splitlines()] == ["2", "3", "4"]
    assert run.json(db, "candidates", "list") == []


def test_multiline_notes_keep_line_numbers(run, db: str, tmp_path: Path) -> None:
    text = HEADER + 'Acme,,UTC,,no,,"first\nsecond\nthird"\n\nBolt,,Nowhere/Town,,no,,\n'
    path = write(tmp_path, text)
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [f"{path}:6: timezone: 'Nowhere/Town' is not an IANA time zone name"]
    assert run.json(db, "candidates", "list") == []


def test_unterminated_quote_names_the_line_where_it_opened(run, db: str, tmp_path: Path) -> None:
    # the record of Bolt starts on line 4; its last value opens a quote on line 5 that never closes
    text = HEADER + 'Acme,,UTC,,no,,"fine\nstill fine"\nBolt,,UTC,,no,"long-\nlist","oops\nCopper,,UTC,,no,,\n'
    path = write(tmp_path, text)
    code, _, err = run(db, "candidates", "import", path)
    assert code == 2
    assert err.splitlines() == [
        f'{path}:5: a quoted value starts on this line and is never closed (a closing " is missing)'
    ]
    assert run.json(db, "candidates", "list") == []


def test_missing_file_exits_2_naming_it(run, db: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.csv")
    code, _, err = run(db, "candidates", "import", missing)
    assert code == 2
    assert "nope.csv" in err and "Traceback" not in err


def test_export_neutralises_formulas_and_round_trips(run, db: str, tmp_path: Path) -> None:
    assert (
        run(
            db,
            "candidates",
            "add",
            "Acme",
            "--notes",
            '=HYPERLINK("http://evil.example")',
            "--onsite",
            "--timezone",
            "America/New_York",
            "--support-hours",
            "07:00-19:00",
        )[0]
        == 0
    )
    assert run(db, "candidates", "add", "@Bolt", "--notes", "line one\nline two", "--status", "finalist")[0] == 0
    before = run.json(db, "candidates", "list")
    code, out, err = run(db, "candidates", "export")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["name", "website", "timezone", "support_hours", "onsite", "status", "notes"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Acme"][6] == '\'=HYPERLINK("http://evil.example")'
    assert by_name["Acme"][4] == "yes"
    assert "'@Bolt" in by_name
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)

    target = tmp_path / "export.csv"
    code, _, err = run(db, "candidates", "export", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().decode("utf-8") == out
    code, out, err = run(db, "candidates", "import", str(target), "--update")
    assert (code, out.strip()) == (0, "imported 0 new, updated 2"), err
    assert run.json(db, "candidates", "list") == before


def test_export_json(run, db: str, tmp_path: Path) -> None:
    assert run(db, "candidates", "add", "Acme")[0] == 0
    code, out, err = run(db, "candidates", "export", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == run.json(db, "candidates", "list")
