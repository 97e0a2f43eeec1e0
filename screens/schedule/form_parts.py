"""What the new-meeting form works with: its context, the preview of a typed time, the messages of refusals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from screens.shell.base import describe_error

if TYPE_CHECKING:
    from workbench.services.views.schedule import ResolvedTime


DEBOUNCE = 0.2  # seconds of quiet typing before the preview asks the services


EXAMPLES = "e.g. 22 Mar 2027 10am · tomorrow 9:30 · next tuesday 15:00"


FIELD_LABELS = {
    "--at": "When",
    "--tz": "Time zone",
    "--candidate": "Candidate",
    "--kind": "Kind",
    "--duration": "Duration",
    "--every": "Repeat",
    "--count": "Count",
    "--until": "Until",
    "--member": "Members",
    "--location": "Location",
    "--fold": "Earlier or later",
    "MEMBER": "Members",
    "their_attendees": "Their attendees",
    "their_attendees role": "Their attendees (role)",
    "their_attendees e-mail": "Their attendees (e-mail)",
    "MEETING": "Meeting",
    "--following": "This and the following",
}


def user_message(exc: BaseException) -> str:
    """A refusal in the form's words: the field's label, not the command line's option."""
    from workbench.services.errors import UserError

    if isinstance(exc, UserError):
        text = exc.args[0] if exc.args else str(exc)
        label = FIELD_LABELS.get(exc.field or "", exc.field or "")
        return f"{label}: {text}" if label else text
    return describe_error(exc)


def their_attendees(text: str) -> list[Any]:
    """The vendor's people typed one a line as ``name; role; e-mail``; ValueError names the line."""
    from workbench.domain.attendees import Attendee, split_typed

    people = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            people.append(Attendee(*split_typed(line)))
        except ValueError as exc:
            raise ValueError(f"Their attendees: line {number}: {exc}") from None
    return people


@dataclass(frozen=True, slots=True)
class FormContext:
    """What the form offers: the selection's candidates (name, zone), kinds and panel."""

    selection: str
    our_zone: str
    candidates: tuple[tuple[str, str], ...]
    kinds: tuple[str, ...]
    members: tuple[str, ...]
    chosen_members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Preview:
    """What the typed time means now: a time, a refusal, or the two readings of a fold."""

    resolved: ResolvedTime | None = None  # with a fold: the reading chosen when it was asked
    error: str | None = None
    folds: tuple[ResolvedTime, ResolvedTime] | None = None
    warnings: tuple[str, ...] = ()  # what the meeting would be warned about (the first of a series)


def _stamp(value: Any) -> str:
    return f"{value:%a} {value.day} {value:%b %Y %H:%M} {value.tzname()}"


def _offset_name(resolved: ResolvedTime) -> str:
    from workbench.domain.timezones import to_zone

    return to_zone(resolved.start_utc, resolved.zone).tzname() or resolved.zone


def _escape(text: str) -> str:
    from rich.markup import escape

    from workbench.domain.display import one_line

    return escape(one_line(text))
