"""`workbench candidates add --covers|show|edit|remove` and the comparison's scope row, run in process."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest

SAMPLE = "Outsource IT support (sample)"
TANAGER = "Tanager Digital Services"


@pytest.fixture
def db(tmp_path: Path, run) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "x.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    assert run(path, "candidates", "add", "Acme IT", "--timezone", "Europe/Berlin")[0] == 0
    assert run(path, "candidates", "add", "Bolt")[0] == 0
    return path


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_edit_changes_every_field_and_renames(run, db: str) -> None:
    code, out, err = run(
        db,
        "candidates",
        "edit",
        "acme it",
        "--name",
        "Acme Managed IT",
        "--website",
        "https://acme.example",
        "--timezone",
        "Asia/Tokyo",
        "--support-hours",
        "08:00-18:00",
        "--onsite",
        "--status",
        "shortlisted",
        "--baseline",
        "--notes",
        "checked",
    )
    assert (code, err) == (0, "")
    item = run.json(db, "candidates", "show", "Acme Managed IT")
    assert out == f"changed candidate {item['id']}: Acme Managed IT\n"
    assert {k: item[k] for k in ("name", "website", "timezone", "support_hours", "onsite", "status", "baseline")} == {
        "name": "Acme Managed IT",
        "website": "https://acme.example",
        "timezone": "Asia/Tokyo",
        "support_hours": "08:00-18:00",
        "onsite": True,
        "status": "shortlisted",
        "baseline": True,
    }
    assert item["notes"] == "checked"
    code, _, _ = run(db, "candidates", "edit", str(item["id"]), "--no-onsite", "--no-baseline", "--support-hours", "")
    assert code == 0
    again = run.json(db, "candidates", "show", "acme managed it")
    assert (again["onsite"], again["baseline"], again["support_hours"], again["website"]) == (
        False,
        False,
        "",
        "https://acme.example",
    )


@pytest.mark.parametrize("taken", ["BOLT", "Ｂｏｌｔ", unicodedata.normalize("NFD", "bolt")])
def test_a_rename_onto_another_candidate_exits_2(run, db: str, taken: str) -> None:
    before = run.json(db, "candidates", "list")
    code, out, err = run(db, "candidates", "edit", "Acme IT", "--name", taken, "--notes", "not kept")
    assert (code, out) == (2, "")
    assert _one_line(err) == "workbench: name: a candidate named 'Bolt' exists already in this selection"
    assert run.json(db, "candidates", "list") == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["Nobody", "--notes", "x"],
            "workbench: --candidate: no candidate named or numbered 'Nobody' in this selection",
        ),
        (
            ["Acme IT", "--covers", "help-desk,nope"],
            "workbench: --covers: no scope item named or numbered 'nope' in this selection",
        ),
        (
            ["Acme IT", "--no-cover", "nope"],
            "workbench: --no-cover: no scope item named or numbered 'nope' in this selection",
        ),
        (["Acme IT", "--covers", "network", "--no-cover", "NETWORK"], None),
        (["Acme IT"], "workbench: nothing to change: give a field (--name, --website, ...) or --covers/--no-cover"),
        (["Acme IT", "--timezone", "Mars/Base"], None),
        (["Acme IT", "--status", "hired"], None),
        (["Acme IT", "--name", "Acme\x1b[2J"], None),
        (["Acme IT", "--name", ""], "workbench: name: must not be empty"),
    ],
    ids=[
        "unknown-candidate",
        "unknown-item",
        "unknown-uncover",
        "both",
        "nothing",
        "zone",
        "status",
        "escape",
        "empty",
    ],
)
def test_bad_edits_exit_2_with_one_line_and_change_nothing(run, db: str, args: list[str], line: str | None) -> None:
    assert run(db, "candidates", "edit", "Acme IT", "--covers", "network")[0] == 0
    before = run.json(db, "candidates", "show", "Acme IT")
    code, out, err = run(db, "candidates", "edit", *args)
    assert (code, out) == (2, "")
    got = _one_line(err)
    assert got.startswith("workbench: ") and "Traceback" not in err and "\x1b" not in err
    if line is not None:
        assert got == line
    assert run.json(db, "candidates", "show", "Acme IT") == before


def test_covers_are_added_removed_cleared_and_shown(run, db: str) -> None:
    code, out, err = run(
        db, "candidates", "edit", "Acme IT", "--covers", "help-desk,Network and internet", "--covers", "1"
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[1] == (
        "covers 2 of 5 outsourced scope items "
        "(not: End-user devices, Microsoft 365 and cloud storage, Backup and recovery)"
    )
    item = run.json(db, "candidates", "show", "Acme IT")
    assert [c["key"] for c in item["covers"]] == ["help-desk", "network"]
    assert item["scope_coverage"] == {
        "covered": 2,
        "of": 5,
        "missing": ["End-user devices", "Microsoft 365 and cloud storage", "Backup and recovery"],
    }
    assert run(db, "candidates", "edit", "Acme IT", "--no-cover", "network", "--covers", "printing")[0] == 0
    item = run.json(db, "candidates", "show", "Acme IT")
    assert [(c["key"], c["decision"]) for c in item["covers"]] == [("help-desk", "outsource"), ("printing", "in-house")]
    assert item["scope_coverage"]["covered"] == 1
    code, out, _ = run(db, "candidates", "edit", "Acme IT", "--clear-covers")
    assert code == 0 and out.splitlines()[1].startswith("covers 0 of 5 outsourced scope items (not: Help desk, ")
    assert run.json(db, "candidates", "show", "Acme IT")["covers"] == []
    code, out, _ = run(db, "candidates", "show", "Acme IT")
    assert code == 0 and "nothing recorded" in out and out.splitlines()[-1].startswith("covers 0 of 5")


def test_add_with_covers_is_all_or_nothing(run, db: str) -> None:
    code, out, err = run(db, "candidates", "add", "Copper", "--covers", "help-desk", "--covers", "cloud-m365")
    assert (code, err) == (0, "") and out.startswith("added candidate ")
    assert [c["key"] for c in run.json(db, "candidates", "show", "Copper")["covers"]] == ["help-desk", "cloud-m365"]
    code, out, err = run(db, "candidates", "add", "Dune", "--covers", "telepathy")
    assert (code, out) == (2, "")
    assert _one_line(err) == "workbench: --covers: no scope item named or numbered 'telepathy' in this selection"
    assert "Dune" not in {c["name"] for c in run.json(db, "candidates", "list")}


def test_show_of_an_unknown_candidate_exits_2(run, db: str) -> None:
    code, out, err = run(db, "candidates", "show", "Nobody")
    assert (code, out) == (2, "")
    assert _one_line(err) == "workbench: --candidate: no candidate named or numbered 'Nobody' in this selection"


def test_remove_without_meetings(run, db: str) -> None:
    bolt = run.json(db, "candidates", "show", "Bolt")["id"]
    code, out, err = run(db, "candidates", "remove", "bolt", "--dry-run")
    assert (code, err) == (0, "")
    assert out == f"would delete candidate {bolt}: Bolt with 12 checklist items\n"
    assert "Bolt" in {c["name"] for c in run.json(db, "candidates", "list")}
    code, out, err = run(db, "candidates", "remove", "bolt")
    assert (code, err) == (0, "")
    assert out == f"deleted candidate {bolt}: Bolt with 12 checklist items\n"
    assert [c["name"] for c in run.json(db, "candidates", "list")] == ["Acme IT"]
    code, out, err = run(db, "candidates", "remove", "bolt")
    assert (code, out) == (2, "")
    assert _one_line(err) == "workbench: --candidate: no candidate named or numbered 'bolt' in this selection"


def test_remove_with_meetings_needs_the_flag(run, demo_db: str) -> None:
    code, out, err = run(demo_db, "candidates", "remove", TANAGER, "--dry-run")
    assert code == 0 and out.endswith(" (needs --with-meetings)\n")
    goes = out.split(" with ", 1)[1].removesuffix(" (needs --with-meetings)\n")
    assert goes.startswith("2 meetings, ") and " scores, " in goes and " notes, " in goes
    code, out, err = run(demo_db, "candidates", "remove", TANAGER)
    assert (code, out) == (2, "")
    assert (
        _one_line(err)
        == f"workbench: --with-meetings: '{TANAGER}' has {goes}; give --with-meetings to delete them with it"
    )
    assert len(run.json(demo_db, "meetings", "list", "--candidate", TANAGER)) == 2
    code, out, err = run(demo_db, "candidates", "remove", TANAGER, "--with-meetings")
    assert (code, err) == (0, "")
    assert out.endswith(f": {TANAGER} with {goes}\n") and out.startswith("deleted candidate ")
    assert TANAGER not in {c["name"] for c in run.json(demo_db, "candidates", "list")}
    assert all(m["candidate"] != TANAGER for m in run.json(demo_db, "meetings", "list"))


def test_compare_carries_the_scope_coverage_in_every_format(run, demo_db: str) -> None:
    assert run(demo_db, "candidates", "edit", TANAGER, "--covers", "network")[0] == 0
    data = run.json(demo_db, "compare")
    cov = {c["name"]: c["scope_coverage"] for c in data["candidates"]}
    assert cov[TANAGER] == {"covered": 5, "of": 6, "missing": ["End-user devices"]}
    assert cov["Vistula Cloud Services"] == {"covered": 6, "of": 6, "missing": []}
    code, out, _ = run(demo_db, "compare", "--format", "csv")
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows[TANAGER]["scope_covered"], rows[TANAGER]["scope_outsourced"], rows[TANAGER]["scope_missing"]) == (
        "5",
        "6",
        "End-user devices",
    )
    code, out, _ = run(demo_db, "compare", "--format", "md")
    line = next(x for x in out.splitlines() if x.startswith("| Outsourced scope covered |"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[2:] == [f"{c['scope_coverage']['covered']} of 6" for c in data["candidates"]]
    code, out, _ = run(demo_db, "compare")
    assert code == 0 and "5 of 6" in out and "Outsourced" in out


def test_a_name_stored_before_the_text_rule_is_printed_escaped(tmp_path: Path, run, raw_candidates) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "raw.sqlite3")
    assert run(path, "selections", "new", "S")[0] == 0
    raw_candidates(path, "Evil\x1b[2J\u202e")
    cid = run.json(path, "candidates", "list")[0]["id"]
    code, out, err = run(path, "candidates", "edit", str(cid), "--covers", "help-desk")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"changed candidate {cid}: 'Evil\\x1b[2J\\u202e'"
    code, out, err = run(path, "candidates", "remove", str(cid))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert out == f"deleted candidate {cid}: 'Evil\\x1b[2J\\u202e' with nothing but the candidate\n"
