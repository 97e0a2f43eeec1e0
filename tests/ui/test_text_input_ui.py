"""The app applies the one rule for user text through the services and shows why, beside the field it names."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from screens.candidates.candidates import CandidatesScreen
from screens.dialogs.form import FormDialog

SAMPLE = "Outsource IT support (sample)"


async def test_the_candidate_form_refuses_hostile_names_beside_the_field_and_stores_nfc(
    sample_app: Any, settle: Any, stored: Any
) -> None:
    existing = stored.candidates.list(selection=SAMPLE)[0].name
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CandidatesScreen)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        for name, words in (
            ("Kestrel\u202e TI", "bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 8"),
            ("Kestrel\x1b]52;c;eA==\x07", "control character (U+001B) at character 8"),
            (existing.upper(), f"a candidate named {existing!r} exists already"),
        ):
            dialog.query_one("#field-name", Input).value = name
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is dialog  # refused
            shown = str(dialog.query_one("#error-name").render())
            assert words in shown, shown
        assert not any(c.name.startswith("Kestrel") for c in stored.candidates.list(selection=SAMPLE))
        dialog.query_one("#field-name", Input).value = "  Kestrel Cafe\u0301  "
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        assert stored.candidates.get("kestrel café", selection=SAMPLE).name == "Kestrel Caf\u00e9"
