"""Where each section and record screen lives: names to "module:Class", imported on first use.

The app and the command palette read these; naming a screen by its module path keeps the app from
importing every screen at start (and keeps the screens' modules from importing the app).
"""

from __future__ import annotations

SECTIONS = {
    "home": "screens.home.home:HomeScreen",
    "scope": "screens.scope.scope:ScopeScreen",
    "candidates": "screens.candidates.candidates:CandidatesScreen",
    "schedule": "screens.schedule.schedule:ScheduleScreen",
    "comparison": "screens.comparison.comparison:ComparisonScreen",
    "actions": "screens.actions.actions:ActionsScreen",
}
"""The sections of the workspace: name -> "module:Class"."""

SECTION_TIPS = {"actions": "Every action item of the meetings, overdue first (a on the home screen)"}
"""What the palette says of a section that has no function key of its own."""

RECORD_SCREENS = {
    "interview": "screens.interview.interview:InterviewScreen",
    "minutes": "screens.minutes.minutes:MinutesScreen",
}
"""Screens opened on one record (a meeting): name -> "module:Class"; the class takes that record's id."""

WARM_UP = ("members", "candidates", "scope", "schedule_views")
"""Services the sections use, loaded in the background once the home screen shows its data: the ORM
classes behind them take a good part of a second to load, better spent while the user reads."""
