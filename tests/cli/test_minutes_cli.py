"""`workbench minutes` in process: one meeting to stdout or a file, every meeting into a folder, usage errors."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest


def find(items: list[dict], candidate: str, kind: str) -> int:
    return next(m["id"] for m in items if m["candidate"] == candidate and m["kind"] == kind)


def test_minutes_of_one_meeting_on_stdout(demo_db: str, run) -> None:  # type: ignore[no-untyped-def]
    mid = find(run.json(demo_db, "meetings", "list"), "Vistula Cloud Services", "deep-dive")
    code, out, err = run(demo_db, "minutes", str(mid))
    assert code == 0 and err == ""
    assert out.startswith("# Minutes: Technical deep dive with Vistula Cloud Services")
    for heading in (
        "## Attendees",
        "## Agenda and scores",
        "## Notes",
        "## Decisions",
        "## Action items",
        "## Concerns",
        "## Knowledge gaps",
        "## Next meeting",
    ):
        assert heading in out
    assert (
        "(Europe/London) · 10:00 (Europe/Warsaw)" in out and "| Helen Marsh | Priya Nair | Tom Adeyemi | Mean |" in out
    )
    pending = find(run.json(demo_db, "meetings", "list"), "Tanager Digital Services", "deep-dive")
    code, out, _ = run(demo_db, "minutes", str(pending), "--selection", "Outsource IT support (sample)")
    assert code == 0 and "**Scores pending:**" in out and "Priya Nair" in out


def test_minutes_as_html_to_a_private_file(demo_db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mid = find(run.json(demo_db, "meetings", "list"), "Northgate Managed IT", "introduction")
    target = tmp_path / "minutes.html"
    code, out, err = run(demo_db, "minutes", str(mid), "--format", "html", "-o", str(target))
    assert code == 0 and out == "" and err == ""
    assert (target.stat().st_mode & 0o777) == 0o600
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "Northgate Managed IT" in html and "<script" not in html


def test_minutes_all_writes_one_file_per_meeting_inside_the_folder(demo_db: str, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(demo_db, "minutes", "--all", "-o", str(out_dir))
    assert code == 0 and err == "" and "wrote 11 minutes files" in out
    items = run.json(demo_db, "meetings", "list")
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == len(items) == 11
    intro = find(items, "Northgate Managed IT", "introduction")
    assert f"2026-10-06-northgate-managed-it-introduction-{intro}.md" in names
    assert (
        f"2026-10-13-in-house-hire-baseline-introduction-{find(items, 'In-house hire (baseline)', 'introduction')}.md"
        in names
    )
    for path in out_dir.iterdir():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+-\d+\.md", path.name), path.name
        assert (path.stat().st_mode & 0o777) == 0o600
        assert path.read_text(encoding="utf-8").startswith("# Minutes: ")
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    code, out, _ = run(
        demo_db, "minutes", "--all", "--candidate", "Vistula Cloud Services", "--format", "html", "-o", str(html_dir)
    )
    assert code == 0 and "wrote 4 minutes files" in out
    assert sorted(p.suffix for p in html_dir.iterdir()) == [".html"] * 4


def test_hostile_candidate_names_stay_inside_the_folder(
    demo_db: str,
    run,
    raw_candidates,
    services_on,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    raw_candidates(demo_db, "../../../etc/passwd", "/abs\\..\\x")
    with services_on(demo_db) as services:
        ids = [
            services.meetings.add(
                candidate=name, kind="introduction", start_local=datetime(2027, 2, 1, 9), timezone="Europe/London"
            ).id
            for name in ("../../../etc/passwd", "/abs\\..\\x")
        ]
    out_dir = tmp_path / "deep" / "out"
    out_dir.mkdir(parents=True)
    code, _, err = run(demo_db, "minutes", "--all", "-o", str(out_dir))
    assert code == 0, err
    created = sorted(p.name for p in out_dir.iterdir())
    assert len(created) == 13
    assert {p for p in created if p.startswith("2027-02-01")} == {
        f"2027-02-01-etc-passwd-introduction-{ids[0]}.md",
        f"2027-02-01-abs-x-introduction-{ids[1]}.md",
    }
    assert (
        sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".md" and p.parent != out_dir) == []
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("minutes",), "MEETING"),
        (("minutes", "1", "--all", "-o", "."), "MEETING"),
        (("minutes", "--all"), "-o"),
        (("minutes", "--all", "-o", "{missing}/sub"), "{missing}"),  # a missing DIR is created, not its parent
        (("minutes", "--all", "-o", "{file}"), "not a folder"),
        (("minutes", "1", "--candidate", "Northgate Managed IT"), "--candidate"),
        (("minutes", "--all", "-o", "{dir}", "--candidate", "Nobody"), "--candidate"),
        (("minutes", "999"), "MEETING"),
        (("minutes", "first"), "MEETING"),
        (("minutes", "1", "--format", "pdf"), "--format"),
        (("minutes", "1", "-o", "{missing}/m.md"), "does not exist"),
        (("minutes", "1", "--selection", "Other"), "--selection"),
    ],
)
def test_usage_errors_exit_2(demo_db: str, run, tmp_path: Path, args: tuple[str, ...], needle: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    values = {
        "missing": str(tmp_path / "no-such-folder"),
        "file": str(tmp_path / "a-file"),
        "dir": str(tmp_path / "dir"),
    }
    args = tuple(a.format(**values) for a in args)
    needle = needle.format(**values)
    code, out, err = run(demo_db, *args)
    assert code == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and needle in err, err
    assert list((tmp_path / "dir").iterdir()) == []
