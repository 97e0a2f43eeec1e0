"""The comparison screen, driven by keys; weights are read back through the services, exports parsed back
and compared with what `workbench compare` writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Static

from screens.comparison.comparison import ComparisonScreen
from screens.comparison.drill import DrillDownScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form import FormDialog
from screens.minutes.minutes import MinutesScreen
from screens.widgets.matrix_table import MatrixTable
from tests.harness import Notices, build_app
from workbench.cli import main as cli
from workbench.exports.comparison import flip_sentence

SAMPLE = "Outsource IT support (sample)"
TZ_FIT = "Time-zone fit and on-site support"


async def _open(app: Any, pilot: Any, settle: Any) -> ComparisonScreen:
    await settle(app, pilot)
    await pilot.press("f5")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ComparisonScreen)
    return screen


def _cell(table: MatrixTable, row: str, column: str) -> str:
    return str(table.get_cell(row, column)).strip()


def _ids(stored: Any) -> tuple[dict[str, int], dict[str, int]]:
    return (
        {c.name: c.id for c in stored.selections.criteria(SAMPLE)},
        {c.name: c.id for c in stored.candidates.list(selection=SAMPLE)},
    )


def _numbers(view: Any) -> Any:
    flip = view.leader_flip
    return (
        [(r.id, r.rank, round(r.total, 9), round(r.p_first, 9), r.coverage) for r in view.candidates],
        [(c.id, c.weight) for c in view.criteria],
        None if flip is None else (flip.criterion_id, round(flip.new_weight, 6), flip.new_leader_id),
    )


def _drawn(table: MatrixTable, row: str) -> str:
    """The text of a row as the table draws it now (not only the value it holds)."""
    y = table.header_height + table.get_row_index(row) - round(table.scroll_y)
    return "".join(segment.text for segment in table.render_line(y))


def _move_to(table: MatrixTable, row: str, column: str) -> None:
    table.move_cursor(row=table.get_row_index(row), column=table.get_column_index(column))


async def test_the_matrix_shows_what_compare_computes(sample_app: Any, settle: Any, stored: Any) -> None:
    expected = stored.comparison.compare(selection=SAMPLE)
    extras = stored.comparison_details.extras(selection=SAMPLE)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        assert table.row_count == len(expected.criteria) + 10  # the summary rows, outsourced scope covered among them
        assert len(table.columns) == 2 + len(expected.candidates)
        for c in expected.criteria:
            assert _cell(table, f"c{c.id}", "weight") == f"{c.weight:g}"
        flagged = 0
        for r in expected.candidates:
            col = f"k{r.id}"
            assert _cell(table, "total", col) == f"{r.total:.2f}"
            assert _cell(table, "total100", col) == f"{r.total_100:.0f}"
            assert _cell(table, "rank", col) == str(r.rank)
            assert _cell(table, "pfirst", col) == f"{r.p_first:.0%}"
            assert _cell(table, "gaps", col) == str(extras[r.id].knowledge_gaps)
            assert _cell(table, "recs", col).startswith(str(extras[r.id].recommendations))
            assert _cell(table, "diligence", col).startswith(f"{extras[r.id].checks_done}/{extras[r.id].checks}")
            for c in expected.criteria:
                cell = r.criteria[c.id]
                text = _cell(table, f"c{c.id}", col)
                assert text.startswith(f"{cell.score:.2f}")
                assert ("⚑" in text) == cell.flagged
                flagged += cell.flagged
        assert flagged >= 1
        assert str(screen.query_one("#cmp-flip", Static).render()) == flip_sentence(expected)
        bars = str(screen.query_one("#cmp-bars", Static).render())
        assert bars.index(expected.candidates[0].name) < bars.index(expected.candidates[1].name)


async def test_a_member_who_has_not_submitted_sees_the_meeting_left_out(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    """Priya attends Tanager's deep dive (#9) and has not submitted; Helen and Tom have: it does not count for her."""
    everyone = stored.comparison.compare(selection=SAMPLE)
    as_priya = stored.comparison.compare(selection=SAMPLE, member="Priya Nair")
    assert [w.meeting_id for w in as_priya.withheld] == [9] and everyone.withheld == ()
    tanager = next(r for r in as_priya.candidates if r.name.startswith("Tanager"))
    before = next(r for r in everyone.candidates if r.id == tanager.id)
    assert tanager.total != before.total  # the deep dive's scores moved Tanager's total
    app = sample_app("Priya Nair")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        assert _cell(table, "total", f"k{tanager.id}") == f"{tanager.total:.2f}"
        for c in as_priya.criteria:
            cell = tanager.criteria.get(c.id)
            assert _cell(table, f"c{c.id}", f"k{tanager.id}").startswith(f"{cell.score:.2f}" if cell else "–")
        status = str(screen.query_one("#cmp-status", Static).render())
        assert "Left out until you submit your scorecard for it: Tanager Digital Services #9 (deep-dive)" in status
        drawn = [screen.query_one("#cmp-status", Static).render_line(y).text for y in range(2)]
        assert drawn[0].endswith("…") and drawn[1].startswith("Left out until you submit")  # both lines in sight
        stored.scoring.submit(9, member="Priya Nair")
        await pilot.press("r")  # read again: submitted, nothing is left out
        await settle(app, pilot)
        after = stored.comparison.compare(selection=SAMPLE, member="Priya Nair")
        assert after.withheld == ()
        total = next(r.total for r in after.candidates if r.id == tanager.id)
        assert _cell(table, "total", f"k{tanager.id}") == f"{total:.2f}" != f"{tanager.total:.2f}"
        assert "Left out" not in str(screen.query_one("#cmp-status", Static).render())
    helen = sample_app()
    async with helen.run_test(size=(120, 40)) as pilot:
        screen = await _open(helen, pilot, settle)
        assert "Left out" not in str(screen.query_one("#cmp-status", Static).render())


async def test_plus_and_minus_store_the_weight_and_rerank_in_place(sample_app: Any, settle: Any, stored: Any) -> None:
    crit, cand = _ids(stored)
    before = stored.comparison.compare(selection=SAMPLE)
    assert before.leader_flip is not None and before.leader_flip.criterion == TZ_FIT
    flip_at = before.leader_flip.new_weight  # Northgate leads once the weight passes 22.14
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        _move_to(table, f"c{crit[TZ_FIT]}", f"k{cand['Northgate Managed IT']}")

        def no_rebuild(*args: Any, **kwargs: Any) -> None:
            raise AssertionError("a weight change must update cells in place, not rebuild the table")

        table.clear = no_rebuild  # type: ignore[method-assign]
        table.add_row = no_rebuild  # type: ignore[method-assign]
        steps = int(flip_at - 10) + 1  # 10 -> 23
        for _ in range(steps):
            await pilot.press("plus")
        await settle(app, pilot)
        weight = next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit[TZ_FIT])
        assert weight == 10 + steps
        assert _cell(table, f"c{crit[TZ_FIT]}", "weight") == f"{10 + steps:g}"
        now = stored.comparison.compare(selection=SAMPLE)
        assert now.candidates[0].name == "Northgate Managed IT"
        assert _numbers(screen.shown) == _numbers(now)
        assert _cell(table, "rank", f"k{cand['Northgate Managed IT']}") == "1"
        assert _cell(table, "total", f"k{cand['Northgate Managed IT']}") == f"{now.candidates[0].total:.2f}"
        drawn = {r.id: r for r in now.candidates}
        order = [int(str(k.value)[1:]) for k in table.columns if str(k.value).startswith("k")]
        assert _drawn(table, "total").split()[2:] == [f"{drawn[c].total:.2f}" for c in order]
        assert _drawn(table, "pfirst").split()[1:] == [f"{drawn[c].p_first:.0%}" for c in order]
        assert _drawn(table, f"c{crit[TZ_FIT]}").split()[:7] == [
            "Time-zone",
            "fit",
            "and",
            "on-site",
            "suppo…",
            f"{10 + steps:g}",
            "2.65",
        ]
        assert str(screen.query_one("#cmp-flip", Static).render()) == flip_sentence(now)
        await pilot.press("minus", "minus")
        await settle(app, pilot)
        assert next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit[TZ_FIT]) == 8 + steps
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit[TZ_FIT]) == 9 + steps
        assert _numbers(screen.shown) == _numbers(stored.comparison.compare(selection=SAMPLE))


async def test_a_narrow_terminal_scrolls_to_every_candidate(sample_app: Any, settle: Any, stored: Any) -> None:
    crit, _ = _ids(stored)
    expected = stored.comparison.compare(selection=SAMPLE)
    app = sample_app()
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        row = f"c{crit['Technical depth']}"
        last = expected.candidates[-1]
        score = f"{last.criteria[crit['Technical depth']].score:.2f}"
        assert score not in _drawn(table, row)  # out of sight at 80 columns
        table.scroll_to(x=table.max_scroll_x, animate=False)  # as a mouse wheel would: the cursor stays
        await settle(app, pilot)
        assert table.scroll_x > 0 and score in _drawn(table, row)
        table.scroll_to(x=0, animate=False)
        await settle(app, pilot)
        assert score not in _drawn(table, row)
        _move_to(table, row, "weight")
        for _ in range(len(expected.candidates)):
            await pilot.press("right")
        await settle(app, pilot)
        assert table.scroll_x > 0
        line = _drawn(table, row)
        assert line.startswith(" Technical depth") and score in line
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DrillDownScreen) and app.screen.candidate == last.name


async def test_a_typed_weight_is_stored_and_minus_stops_at_zero(sample_app: Any, settle: Any, stored: Any) -> None:
    crit, _ = _ids(stored)
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        _move_to(table, f"c{crit['Cultural fit']}", "weight")
        await pilot.press("w")
        await pilot.pause()
        field = app.screen.query_one("#text-value", Input)
        field.value = "-3"
        await pilot.press("enter")
        await pilot.pause()
        assert "not a number >= 0" in str(app.screen.query_one("#text-error", Static).render())
        field.value = "0.5"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit["Cultural fit"]) == 0.5
        await pilot.press("minus")
        await settle(app, pilot)
        assert next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit["Cultural fit"]) == 0.0
        await pilot.press("minus")
        await settle(app, pilot)
        assert any("is 0 already" in n.message for n in notices)
        assert _numbers(screen.shown) == _numbers(stored.comparison.compare(selection=SAMPLE))


async def test_a_failed_save_is_shown_and_the_stored_weight_comes_back(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    from workbench.services.errors import Conflict

    crit, _ = _ids(stored)
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        _move_to(table, f"c{crit['Scope fit']}", "weight")
        services = app.get_services()

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise Conflict("the database is busy; nothing was saved")

        services.comparison.set_weight = refuse
        await pilot.press("plus")
        await settle(app, pilot)
        assert any(n.title == "Not saved" and "busy" in n.message for n in notices)
        assert _cell(table, f"c{crit['Scope fit']}", "weight") == "15"
        assert screen.weights[crit["Scope fit"]] == 15
        assert _numbers(screen.shown) == _numbers(stored.comparison.compare(selection=SAMPLE))
    assert next(c.weight for c in stored.selections.criteria(SAMPLE) if c.id == crit["Scope fit"]) == 15


async def test_b_hides_the_baseline_and_m_shows_one_members_scores(sample_app: Any, settle: Any, stored: Any) -> None:
    _, cand = _ids(stored)
    baseline = next(c for c in stored.candidates.list(selection=SAMPLE) if c.baseline)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        await pilot.press("b")
        await settle(app, pilot)
        assert f"k{baseline.id}" not in {str(k.value) for k in table.columns}
        assert _numbers(screen.shown) == _numbers(stored.comparison.compare(selection=SAMPLE, include_baseline=False))
        await pilot.press("b")
        await settle(app, pilot)
        assert f"k{baseline.id}" in {str(k.value) for k in table.columns}
        means = stored.comparison_details.member_means(selection=SAMPLE)
        first_id, first_name = means.members[0]
        await pilot.press("m")
        await settle(app, pilot)
        assert f"scores of {first_name} alone" in str(screen.query_one("#cmp-status", Static).render())
        for (cid, crid), mean in means.means[first_id].items():
            assert _cell(table, f"c{crid}", f"k{cid}") == f"{mean:.2f}"  # no ⚑: one member cannot disagree
        vistula = next(r for r in screen.shown.candidates if r.id == cand["Vistula Cloud Services"])
        weights = {c.id: c.weight for c in screen.shown.criteria}
        mine = {crid: m for (cid, crid), m in means.means[first_id].items() if cid == vistula.id}
        by_hand = sum(weights[k] * v for k, v in mine.items()) / sum(weights[k] for k in mine)
        assert abs(vistula.total - by_hand) < 1e-9
        for _ in range(len(means.members)):
            await pilot.press("m")
        await settle(app, pilot)
        assert "scores of all members" in str(screen.query_one("#cmp-status", Static).render())
        assert _numbers(screen.shown) == _numbers(stored.comparison.compare(selection=SAMPLE))


async def test_enter_drills_down_to_the_scores_and_on_to_the_minutes(sample_app: Any, settle: Any, stored: Any) -> None:
    crit, cand = _ids(stored)
    behind = stored.comparison_details.drill_down(
        "Northgate Managed IT", "Technical depth", selection=SAMPLE, member="Helen Marsh"
    )
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = screen.query_one("#cmp-table", MatrixTable)
        _move_to(table, f"c{crit['Technical depth']}", f"k{cand['Northgate Managed IT']}")
        await pilot.press("enter")
        await settle(app, pilot)
        drill = app.screen
        assert isinstance(drill, DrillDownScreen)
        scores = drill.query_one("#drill-scores", DataTable)
        assert scores.row_count == len(behind.scores) > 0
        for i, s in enumerate(behind.scores):
            assert str(scores.get_cell(str(i), "member")) == s.member
            assert str(scores.get_cell(str(i), "score")).strip() == ("N/A" if s.value is None else str(s.value))
        summary = str(drill.query_one("#drill-summary", Static).render())
        assert f"{behind.score:.2f}" in summary and "⚑" in summary
        notes = str(drill.query_one("#drill-notes", Static).render())
        assert all(" ".join(n.text.split())[:40] in notes for n in behind.notes)
        commented = next(i for i, s in enumerate(behind.scores) if s.comment)
        scores.move_cursor(row=commented)
        await pilot.pause()
        assert behind.scores[commented].comment in str(drill.query_one("#drill-detail", Static).render())
        await pilot.press("enter")
        await settle(app, pilot)
        minutes = app.screen
        assert isinstance(minutes, MinutesScreen) and minutes.minutes is not None
        assert minutes.minutes.view.meeting.id == behind.scores[commented].meeting_id
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is drill
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        _move_to(table, "total", f"k{cand['Northgate Managed IT']}")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen  # a total has no scores of its own behind it
        assert any("Put the cursor on a candidate's score" in n.message for n in notices)


def _cli_file(db: Path, tmp: Path, fmt: str, *extra: str) -> str:
    target = tmp / f"cli.{fmt}"
    assert cli(["--db", str(db), "compare", "--selection", SAMPLE, "--format", fmt, "-o", str(target), *extra]) == 0
    return target.read_text(encoding="utf-8")


async def _export(app: Any, pilot: Any, settle: Any, name: str) -> FormDialog:
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#field-file", Input).value = name
    await pilot.press("enter")
    await settle(app, pilot)
    return dialog


async def test_exports_equal_what_workbench_compare_writes(
    sample_app: Any, settle: Any, sample_path: Path, tmp_path: Path
) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        await pilot.press("plus")  # a weight change first: the export comes after it is stored
        for fmt in ("json", "csv", "md"):
            await _export(app, pilot, settle, str(tmp_path / f"screen.{fmt}"))
            assert app.screen is screen
        written = {fmt: (tmp_path / f"screen.{fmt}").read_text(encoding="utf-8") for fmt in ("json", "csv", "md")}
        assert ((tmp_path / "screen.json").stat().st_mode & 0o777) == 0o600
        assert json.loads(written["json"]) == json.loads(_cli_file(sample_path, tmp_path, "json"))
        assert list(csv.reader(io.StringIO(written["csv"]))) == list(
            csv.reader(io.StringIO(_cli_file(sample_path, tmp_path, "csv")))
        )
        assert written["md"] == _cli_file(sample_path, tmp_path, "md")
        assert json.loads(written["json"])["criteria"][0]["weight"] == 16  # the edited weight
        await pilot.press("b")  # without the baseline: as `compare --no-baseline`
        await settle(app, pilot)
        dialog = await _export(app, pilot, settle, str(tmp_path / "screen.json"))
        assert isinstance(app.screen, ConfirmDialog)  # the file exists: replace it?
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is dialog and "left as it is" in str(dialog.query_one("#error-file", Static).render())
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen
        no_baseline = json.loads((tmp_path / "screen.json").read_text(encoding="utf-8"))
        assert no_baseline == json.loads(_cli_file(sample_path, tmp_path, "json", "--no-baseline"))
        assert not any(c["baseline"] for c in no_baseline["candidates"])


async def test_export_refuses_a_missing_folder_and_an_unknown_ending(
    sample_app: Any, settle: Any, tmp_path: Path
) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot, settle)
        dialog = await _export(app, pilot, settle, str(tmp_path / "nowhere" / "x.md"))
        assert app.screen is dialog
        assert "does not exist" in str(dialog.query_one("#error-file", Static).render())
        dialog.query_one("#field-file", Input).value = str(tmp_path / "x.xlsx")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "does not end in .md or .csv or .json" in str(dialog.query_one("#error-file", Static).render())
        await pilot.press("escape")
        await settle(app, pilot)
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "x.xlsx").exists()


async def test_a_selection_without_candidates_or_scores(tmp_path: Path, settle: Any) -> None:
    from workbench.config import resolve_database
    from workbench.prefs import Prefs
    from workbench.services import open_services

    target = resolve_database(str(tmp_path / "empty.sqlite3"))
    svc = open_services(target)
    svc.selections.create("Fresh")
    svc.candidates.add("Only vendor")  # no meetings, no scores
    criteria = svc.selections.criteria("Fresh")
    app = build_app(tmp_path / "empty.sqlite3", label="empty", prefs=Prefs(selection="Fresh"))
    try:
        notices = Notices()
        async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
            screen = await _open(app, pilot, settle)
            table = screen.query_one("#cmp-table", MatrixTable)
            assert table.row_count == len(criteria) + 10
            assert str(screen.query_one("#cmp-flip", Static).render()) == "No candidate has submitted scores yet."
            assert "1 candidate × " in str(screen.query_one("#cmp-status", Static).render())
            vendor = f"k{svc.candidates.list(selection='Fresh')[0].id}"
            assert _cell(table, "total", vendor) == "–" and _cell(table, "rank", vendor) == "–"
            assert _cell(table, f"c{criteria[0].id}", vendor) == "–"
            _move_to(table, f"c{criteria[0].id}", vendor)
            await pilot.press("plus")
            await settle(app, pilot)
            assert svc.selections.criteria("Fresh")[0].weight == criteria[0].weight + 1
            await pilot.press("enter")  # no scores behind it: an empty drill-down
            await settle(app, pilot)
            drill = app.screen
            assert isinstance(drill, DrillDownScreen)
            assert "No submitted score yet" in str(drill.query_one("#drill-summary", Static).render())
            assert "No submitted scores for this cell." in str(drill.query_one("#drill-detail", Static).render())
            await pilot.press("enter")  # nothing to open
            await settle(app, pilot)
            assert app.screen is drill
            await pilot.press("escape", "b")  # back; no baseline in this selection: said so
            await settle(app, pilot)
            assert any("no in-house baseline" in n.message for n in notices)
    finally:
        svc.close()
