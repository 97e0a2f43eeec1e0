"""Fuzz through the app: arbitrary Unicode, control characters, bidi marks and Rich markup typed as a candidate's
name in the new-candidate form. Each name is either refused beside the field (and nothing stored) or stored
exactly as the rule's normalised form; the screen never holds a character a terminal would act on.
"""

from __future__ import annotations

import asyncio
import itertools
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from screens.candidates.candidates import CandidatesScreen
from screens.dialogs.form import FormDialog
from tests.harness import SAMPLE, settle_app
from workbench.domain.text import TextRefused, single_line

pytestmark = pytest.mark.slow  # a few app sessions, each typing several names

HOSTILE = [
    "\x1b]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlL3ggfCBzaA==\x07",
    "\x1b]0;owned\x07",
    "\x1b[31m",
    "\x9b2J",
    "\x07",
    "\x7f",
    "\u202e",
    "\u2066",
    "\u200f",
    "\n",
    "\r",
    "\t",
    "\u2028",
    "\x85",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "[/x]",
    "[bold red]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "=1+1",
    "Ａｃｍｅ",
]
PIECES = st.one_of(st.text(max_size=5), st.sampled_from(HOSTILE))
TEXT = st.lists(PIECES, max_size=4).map("".join)
_SERIAL = itertools.count(1)
MAX_NAME = 200


def _expected(value: str) -> str | None:
    try:
        return single_line(value)
    except TextRefused:
        return None


def _acts_on_a_terminal(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (C0 but line breaks and tabs, DEL, C1)."""
    return [hex(ord(c)) for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]


async def _type_names(app: Any, stored: Any, names: list[str]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_app(pilot)
        await pilot.press("f3")
        await settle_app(pilot)
        screen = app.screen
        assert isinstance(screen, CandidatesScreen)
        for raw in names:
            await pilot.press("n")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            dialog.query_one("#field-name", Input).value = raw
            await pilot.press("ctrl+s")
            await settle_app(pilot)
            expected = _expected(raw)
            if expected is None or len(expected) > MAX_NAME:
                assert app.screen is dialog, repr(raw)  # refused, beside the field
                assert str(dialog.query_one("#error-name").render()).strip(), repr(raw)
                await pilot.press("escape")
                await settle_app(pilot)
            else:
                assert app.screen is screen, repr(raw)
                assert stored.candidates.get(expected, selection=SAMPLE).name == expected
            shot = app.export_screenshot()
            assert _acts_on_a_terminal(shot) == [], repr(raw)
        names_now = [c.name for c in stored.candidates.list(selection=SAMPLE)]
        for name in names_now:
            assert name == single_line(name)  # everything stored obeys the rule


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(TEXT, min_size=6, max_size=6))
def test_fuzz_candidate_names_through_the_app(sample_app: Any, stored: Any, values: list[str]) -> None:
    # A prefix keeps the names apart from each other and from the sample's candidates.
    names = [f"F{next(_SERIAL)} {v}" for v in values]
    asyncio.run(_type_names(sample_app(), stored, names))
