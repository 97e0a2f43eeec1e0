"""The app's header names the database without its password (a SQLite file by its path), and so do its errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from screens.app import WorkbenchApp
from screens.shell.hangup import Guard
from tests.harness import settle_app
from workbench.cli import main

SECRET = "Hunter2-s3cret"
ENCODED = "p%40ss%2Fw%23rd-Q7"
DECODED = "p@ss/w#rd-Q7"


def _app_as_started(monkeypatch: pytest.MonkeyPatch, *words: str) -> Any:
    """The app exactly as `workbench --db ...` makes it (through run_app), to be driven by Pilot."""
    made: list[WorkbenchApp] = []
    monkeypatch.setattr(WorkbenchApp, "run", lambda self, *a, **k: made.append(self))
    # The hang-up guard belongs to a real process on a terminal: here it would take over this test process's
    # signals and, once "run" returns, arm the deadline that ends the process (tests/reliability/test_hangup.py).
    monkeypatch.setattr(Guard, "install", lambda self: None)
    monkeypatch.setattr(Guard, "ended", lambda self, code=0: None)
    assert main(list(words)) == 0
    (app,) = made
    app.idle_gc = None
    return app


@pytest.mark.parametrize(
    ("url", "secrets"),
    [
        (f"postgresql://wb:{SECRET}@127.0.0.1:1/none", [SECRET]),
        (f"postgresql://wb@127.0.0.1:1/none?password={SECRET}&sslmode=disable", [SECRET]),
        (f"postgresql://wb:{ENCODED}@127.0.0.1:1/none", [ENCODED, DECODED]),
        (f"postgresql://wb@127.0.0.1:1/none?password={ENCODED}", [ENCODED, DECODED]),
    ],
    ids=["user-part", "query", "user-part-encoded", "query-encoded"],
)
async def test_the_header_and_the_failure_show_no_password(monkeypatch, url: str, secrets: list[str]) -> None:  # type: ignore[no-untyped-def]
    app = _app_as_started(monkeypatch, "--db", url, "--as", "Ann")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle_app(pilot)
        assert app.sub_title.startswith("postgresql+psycopg://wb") and "***" in app.sub_title
        assert app.sub_title.endswith(" · Ann")
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "Cannot open the database" in status and "connection refused" in status
        shown = app.sub_title + status + app.export_screenshot()
        for secret in secrets:
            assert secret not in shown


async def test_a_sqlite_file_is_named_by_its_path(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wb.sqlite3"
    app = _app_as_started(monkeypatch, "--db", f"sqlite:///{path}", "--as", "Ann")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle_app(pilot)
        assert app.sub_title == f"{path} · Ann"
