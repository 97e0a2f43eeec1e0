"""The words the workbench stores: one list of each, in workflow order, for the core and the screens.

Each tuple is what the database accepts (the store writes the models' check constraints from them)
and what the services, the command line and the exports validate and list; the ``*_LABELS``
mappings are the words a person reads for them where the core shows one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

MEETING_KINDS: Final = ("introduction", "deep-dive", "meet-the-team", "reference-call", "site-visit")
MEETING_KIND_LABELS: Final[Mapping[str, str]] = {
    "introduction": "Introduction",
    "deep-dive": "Technical deep dive",
    "meet-the-team": "Meet the team",
    "reference-call": "Reference call",
    "site-visit": "Site visit",
}

MEETING_STATUSES: Final = ("planned", "held", "minuted", "cancelled")
# A meeting is planned, then held (a score, comment, note or scorecard arrived after its start, or marked
# by hand), then minuted (marked by hand once its minutes are agreed and sent); it may be cancelled.
HELD_STATUSES: Final = ("held", "minuted")

SERIES_FREQUENCIES: Final = ("daily", "weekly", "monthly")
SERIES_STATUSES: Final = ("active", "cancelled")

CANDIDATE_STATUSES: Final = ("long-list", "shortlisted", "interviewing", "finalist", "chosen", "declined")

SCOPE_DECISIONS: Final = ("outsource", "in-house", "undecided")

RECOMMENDATION_SENTIMENTS: Final = ("positive", "neutral", "negative")

NOTE_KINDS: Final = ("note", "decision", "action", "concern", "gap")
NOTE_KIND_LABELS: Final[Mapping[str, str]] = {
    "note": "Note",
    "decision": "Decision",
    "action": "Action",
    "concern": "Concern",
    "gap": "Knowledge gap",
}

ACTION_STATES: Final = ("open", "done", "dropped")
ACTION_STATE_LABELS: Final[Mapping[str, str]] = {"open": "Open", "done": "Done", "dropped": "Dropped"}
NOTE_CHANGES: Final = ("edited", "deleted", "state")  # what a note revision keeps the old version of

DILIGENCE_STATUSES: Final = ("todo", "ok", "concern", "n/a")

VENDOR_TEAMS: Final = ("management", "delivery")


def label(labels: Mapping[str, str], word: str) -> str:
    """The label of a stored word; the word itself when it has none (a value an older version stored)."""
    return labels.get(word, word)


def spoken(words: Iterable[str], *, last: str = "or") -> str:
    """The words as a person lists them: ``a, b or c``."""
    items = list(words)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
