"""The edit-meeting form: the new-meeting form holding one meeting's time, attendees and location.

The time is previewed in both zones as it is typed, with the same clock-change refusals and
warnings as a new meeting (the meeting itself is not counted as a clash). Only what was changed
is sent, so a held meeting's attendees can change while its time stays; a series occurrence
changes alone, or with the following ones when the box is ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, SelectionList, Static, TextArea

from screens.schedule.form import ScheduleForm
from screens.schedule.form_parts import EXAMPLES, FormContext, their_attendees
from screens.shell.footer import WorkbenchFooter

if TYPE_CHECKING:
    from workbench.services import Services


@dataclass(frozen=True, slots=True)
class EditTarget:
    """The meeting as it is now, in the words of the form."""

    meeting_id: int
    candidate: str
    kind: str
    status: str
    when: str  # its wall time in its zone, as the form shows it: 2027-03-27 10:00
    zone: str
    duration: int
    members: tuple[str, ...]
    their_attendees: str  # one a line: name; role; e-mail
    location: str
    series_id: int | None


class MeetingEditForm(ScheduleForm):
    """Change one meeting (or it and the following occurrences of its series); dismisses the result or None."""

    REFUSED = "Not saved"

    def __init__(self, context: FormContext, target: EditTarget) -> None:
        super().__init__(context)
        self.target = target
        self.exclude = (target.meeting_id,)

    def compose(self) -> ComposeResult:
        ctx, t = self.context, self.target
        with Vertical(id="form-body"):
            yield Static(
                f"Meeting {t.meeting_id} · {t.candidate} · {t.kind} · {t.status} · our zone is {ctx.our_zone}",
                id="form-title",
                markup=False,
            )
            with VerticalScroll(id="form-fields"):
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field wide"):
                        yield Label("When")
                        yield Input(t.when, id="when", placeholder=EXAMPLES)
                    with Vertical(classes="form-field"):
                        yield Label("Time zone it is typed in")
                        yield Input(t.zone, id="zone", placeholder="an IANA name, e.g. Europe/London")
                yield Static("", id="preview")
                yield Vertical(id="fold-box")
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field narrow"):
                        yield Label("Minutes")
                        yield Input(str(t.duration), id="duration", type="integer")
                    if t.series_id is not None:
                        with Vertical(classes="form-field"):
                            yield Label(f"Series {t.series_id}")
                            yield Checkbox("This and the following meetings", id="following")
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field"):
                        yield Label("Our attendees")
                        yield SelectionList[str](*[(m, m, m in t.members) for m in ctx.members], id="members")
                    with Vertical(classes="form-field wide"):
                        yield Label("Location or link")
                        yield Input(t.location, id="location", placeholder="a room, an address or a video link")
                with Vertical(classes="form-field wide"):
                    yield Label("Their attendees · one a line: name; role; e-mail")
                    yield TextArea(t.their_attendees, id="their", soft_wrap=False, show_line_numbers=False)
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", id="form-submit", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")
        yield WorkbenchFooter()

    def start(self) -> None:
        """The form starts on the time, previewed at once."""
        self.query_one("#when", Input).focus()
        self.request_preview()

    @property
    def candidate(self) -> str | None:
        return self.target.candidate

    @staticmethod
    def store(services: Services, values: dict[str, Any]) -> Any:
        """Change the meeting (in a worker thread)."""
        meeting_id = values.pop("meeting_id")
        return services.meeting_life.edit(meeting_id, **values)

    def _values(self) -> dict[str, Any]:
        """What changed, as keyword arguments of MeetingLifeService.edit; ValueError names a field."""
        t = self.target
        values: dict[str, Any] = {}
        when, zone = self._value("#when"), self._value("#zone")
        if when != t.when or zone != t.zone:
            if not when:
                raise ValueError(f"When: type when the meeting starts ({EXAMPLES})")
            if self._preview.folds is not None and self._fold is None:
                raise ValueError("When: this time happens twice; choose earlier or later")
            values["at"], values["tz"] = when, zone
            values["fold"] = self._fold if self._preview.folds is not None else None
        duration = self._value("#duration")
        if not duration.lstrip("-").isdigit():
            raise ValueError("Minutes: give the length in whole minutes, e.g. 60")
        if int(duration) != t.duration:
            values["duration"] = int(duration)
        members = list(self.query_one("#members", SelectionList).selected)
        if sorted(members) != sorted(t.members):
            values["members"] = members
        location = self._value("#location")
        if location != t.location:
            values["location"] = location
        their = self.query_one("#their", TextArea).text
        if their.strip() != t.their_attendees.strip():
            values["their_attendees"] = their_attendees(their)
        if not values:
            raise ValueError("Nothing changed: change the time, the attendees, the length or the location")
        if t.series_id is not None and self.query_one("#following", Checkbox).value:
            values["following"] = True
        values["meeting_id"] = t.meeting_id
        return values
