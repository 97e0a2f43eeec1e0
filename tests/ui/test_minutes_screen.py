"""The minutes screen, driven by keys: the Markdown shown and the files written equal what `workbench minutes` gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Markdown, Select, Static

from screens.dialogs.form import FormDialog
from screens.minutes.minutes import MinutesScreen
from tests.harness import Notices
from workbench.cli import main as cli

SAMPLE = "Outsource IT support (sample)"


def _meeting(stored: Any, candidate: str, kind: str) -> int:
    return next(m.id for m in stored.meetings.list(selection=SAMPLE) if m.candidate == candidate and m.kind == kind)


def _cli(db: Path, *args: str) -> None:
    assert cli(["--db", str(db), "minutes", *args]) == 0


async def _open(app: Any, pilot: Any, settle: Any, meeting: int | str) -> MinutesScreen:
    await settle(app, pilot)
    app.open_record("minutes", meeting)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, MinutesScreen)
    return screen


async def test_the_minutes_are_the_markdown_of_workbench_minutes(
    sample_app: Any, settle: Any, stored: Any, sample_path: Path, tmp_path: Path
) -> None:
    meeting = _meeting(stored, "Northgate Managed IT", "deep-dive")
    _cli(sample_path, str(meeting), "-o", str(tmp_path / "cli.md"))
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, meeting)
        shown = screen.query_one("#minutes-md", Markdown)
        assert shown.source == (tmp_path / "cli.md").read_text(encoding="utf-8")
        assert any("Technical deep dive with Northgate Managed IT" in str(block.render()) for block in shown.children)
        assert "Northgate Managed IT" in str(screen.query_one("#minutes-status", Static).render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, MinutesScreen)


async def test_pending_scores_say_who_has_not_submitted(sample_app: Any, settle: Any, stored: Any) -> None:
    meeting = _meeting(stored, "Tanager Digital Services", "deep-dive")  # Priya Nair has not submitted
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, meeting)
        assert "scores shown once Priya Nair submits" in str(screen.query_one("#minutes-status", Static).render())
        assert "**Scores pending:**" in screen.query_one("#minutes-md", Markdown).source


async def test_e_exports_markdown_and_html_equal_to_the_command(
    sample_app: Any, settle: Any, stored: Any, sample_path: Path, tmp_path: Path
) -> None:
    meeting = _meeting(stored, "Vistula Cloud Services", "deep-dive")
    _cli(sample_path, str(meeting), "--format", "html", "-o", str(tmp_path / "cli.html"))
    _cli(sample_path, str(meeting), "--format", "md", "-o", str(tmp_path / "cli.md"))
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, meeting)
        for name in ("screen.html", "screen.md"):
            await pilot.press("e")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            assert dialog.query_one("#field-file", Input).value.endswith(f"-{meeting}.md")  # the command's file name
            dialog.query_one("#field-file", Input).value = str(tmp_path / name)
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.screen is screen
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-file", Input).value = str(tmp_path / "minutes.pdf")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "does not end in .md or .html" in str(app.screen.query_one("#error-file", Static).render())
    assert (tmp_path / "screen.html").read_text(encoding="utf-8") == (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert (tmp_path / "screen.md").read_text(encoding="utf-8") == (tmp_path / "cli.md").read_text(encoding="utf-8")
    assert ((tmp_path / "screen.html").stat().st_mode & 0o777) == 0o600
    assert not (tmp_path / "minutes.pdf").exists()


async def test_a_writes_every_minutes_file_of_the_candidate_to_a_folder(
    sample_app: Any, settle: Any, stored: Any, sample_path: Path, tmp_path: Path
) -> None:
    meeting = _meeting(stored, "Vistula Cloud Services", "introduction")
    cli_dir, screen_dir = tmp_path / "cli", tmp_path / "screen"
    cli_dir.mkdir()
    _cli(sample_path, "--all", "--candidate", "Vistula Cloud Services", "--format", "html", "-o", str(cli_dir))
    app = sample_app()
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, meeting)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-folder", Input).value = str(screen_dir)  # not there yet
        dialog.query_one("#field-format", Select).value = "html"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "does not exist" in str(dialog.query_one("#error-folder", Static).render())
        screen_dir.mkdir()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert any("Wrote 4 minutes files (HTML) of Vistula Cloud Services" in n.message for n in notices)
    names = sorted(p.name for p in cli_dir.iterdir())
    assert len(names) == 4 and names == sorted(p.name for p in screen_dir.iterdir())
    for name in names:
        assert (screen_dir / name).read_text(encoding="utf-8") == (cli_dir / name).read_text(encoding="utf-8")
        assert ((screen_dir / name).stat().st_mode & 0o777) == 0o600


async def test_an_unknown_meeting_is_named(sample_app: Any, settle: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle, 999)
        status = str(screen.query_one("#minutes-status", Static).render())
        assert "999" in status and "MEETING" in status
        await pilot.press("e")  # nothing to export: no dialog
        await pilot.pause()
        assert app.screen is screen
