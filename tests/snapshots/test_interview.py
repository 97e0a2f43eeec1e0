"""SVG snapshots of the live interview at 120x40 on the sample selection, with a frozen clock.

Before submitting: Helen Marsh on Northgate's meet-the-team session (meeting 3) after scoring by keys,
with a comment, a note and a knowledge gap; the same with an action item being written. After
submitting: Priya Nair on Tanager's deep dive (meeting 9), the panel side by side with the spread.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.harness import build_app
from tests.snapshots.conftest import NOW

SIZE = (120, 40)


@pytest.fixture
def interview(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Builds the app opened on a meeting's interview; notes written now get the frozen clock's time.

    The clock moves on one minute per note added, not per call: a draft saved once more while typing
    (a slow machine pausing between keys) must not change the times shown.
    """
    from screens.app import WorkbenchApp
    from workbench.services.notes import NoteService

    added = [0]
    add = NoteService.add

    def counted_add(self: NoteService, *args: Any, **kwargs: Any) -> Any:
        added[0] += 1
        return add(self, *args, **kwargs)

    monkeypatch.setattr(NoteService, "add", counted_add)
    monkeypatch.setattr("workbench.services.notes.utcnow", lambda: NOW + timedelta(minutes=max(added[0] - 1, 0)))

    def make(meeting: int, member: str) -> WorkbenchApp:
        app: WorkbenchApp = build_app(
            sample_db, label="sample.sqlite3", now=NOW, member=member, start=("interview", str(meeting))
        )
        return app

    return make


BEFORE = (
    "4",
    "j",
    "3",
    "c",
    *"Vague on escalation",
    "escape",
    "j",
    "5",
    "j",
    "0",
    "n",
    *"Graham joins by phone",
    "escape",
    "j",
    "g",
    *"No named deputy for the account manager",
    "escape",
)


class TestInterview:
    @pytest.mark.slow
    def test_before_submitting(self, snap_compare, interview, drive) -> None:  # type: ignore[no-untyped-def]
        """Agenda with scores, N/A and a gap; the current question's anchors; only Helen's own notes."""
        assert snap_compare(interview(3, "Helen Marsh"), terminal_size=SIZE, run_before=drive.after(*_keys(BEFORE)))

    @pytest.mark.slow
    def test_writing_an_action_item(self, snap_compare, interview, drive) -> None:  # type: ignore[no-untyped-def]
        """The editor open on an action item: its text, owner and due date, saved as typed."""
        from screens.interview.editor import DRAFT_DELAY

        keys = (*BEFORE, "a", *"Send the escalation chart", "tab", *"Louise Okafor", "tab", *"2027-01-21")

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await drive.keys(pilot, *_keys(keys))
            await pilot.pause(DRAFT_DELAY + 0.2)  # typing paused: the action item is saved as it stands
            for _ in range(200):  # a loaded machine may fire the typing timer late
                if not pilot.app.screen.editor.typing:
                    break
                await pilot.pause(0.05)
            await drive.settle(pilot)

        assert snap_compare(interview(3, "Helen Marsh"), terminal_size=SIZE, run_before=run_before)

    def test_after_submitting(self, snap_compare, interview, drive) -> None:  # type: ignore[no-untyped-def]
        """Priya submits: every member's score beside hers with the spread (2 or more flagged), their notes too."""
        assert snap_compare(
            interview(9, "Priya Nair"), terminal_size=SIZE, run_before=drive.after("s", "y", "j", "j", "j", "j")
        )


def _keys(keys: tuple[str, ...]) -> list[str]:
    """Characters as Pilot key names."""
    names = {" ": "space", "-": "minus"}
    return [names.get(k, k) for k in keys]
