"""The schedule's keys for the life of a meeting: edit (reschedule, attendees, location), held, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from screens.shell.base import WorkbenchScreen

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.schedule import ScheduleResult, ScheduleRow


def _their_lines(row: ScheduleRow) -> str:
    lines = []
    for person in row.meeting.their_people:
        lines.append("; ".join((person.name, person.role, person.email)).rstrip("; "))
    return "\n".join(lines)


class MeetingLifeActions(WorkbenchScreen):
    """Edit, mark held and delete the meeting under the cursor; the schedule provides ``current`` and ``load``."""

    def current(self) -> ScheduleRow | None:  # pragma: no cover - the schedule screen's
        raise NotImplementedError

    def load(self) -> None:  # pragma: no cover - the schedule screen's
        raise NotImplementedError

    def _meeting_here(self) -> ScheduleRow | None:
        row = self.current()
        if row is None:
            self.notify("Put the cursor on a meeting first.", severity="warning")
        return row

    def _refused(self, exc: BaseException) -> None:
        from screens.schedule.form_parts import user_message

        self.notify(user_message(exc), title="Not saved", severity="error", timeout=10, markup=False)

    def action_edit_meeting(self) -> None:
        """Open the edit form on the meeting under the cursor."""
        row = self._meeting_here()
        if row is None:
            return
        m = row.meeting
        if m.status == "cancelled":
            self.notify(f"Meeting {m.id} is cancelled; it cannot be changed.", severity="warning")
            return
        sel = self.wb.selection

        def context(services: Services) -> Any:
            from screens.schedule.form_parts import FormContext
            from workbench.domain.vocabulary import MEETING_KINDS

            view = services.selections.get(sel)
            return FormContext(
                selection=view.name,
                our_zone=view.timezone,
                kinds=MEETING_KINDS,
                members=tuple(p.name for p in services.members.list(sel)),
                candidates=((m.candidate, row.their_zone),),
            )

        def open_form(ctx: Any) -> None:
            from screens.schedule.edit_form import EditTarget, MeetingEditForm
            from workbench.domain.timezones import to_zone

            target = EditTarget(
                meeting_id=m.id,
                candidate=m.candidate,
                kind=m.kind,
                status=m.status,
                when=f"{to_zone(m.start_utc, m.timezone):%Y-%m-%d %H:%M}",
                zone=m.timezone,
                duration=m.duration_minutes,
                members=m.members,
                their_attendees=_their_lines(row),
                location=m.location,
                series_id=m.series_id,
            )
            self.app.push_screen(MeetingEditForm(ctx, target), self._edited)

        self.call(context, open_form)

    def _edited(self, result: ScheduleResult | None) -> None:
        if result is None:
            return
        ids = ", ".join(str(s.meeting.id) for s in result.meetings)
        notes = "".join(f"\nNote: {n}" for n in result.notes)
        self.notify(f"Meeting {ids} changed.{notes}", title="Saved", markup=False)
        warned = [f"Meeting {s.meeting.id}: {w}" for s in result.meetings for w in s.warnings]
        if warned:
            self.notify("\n".join(warned[:8]), title="Warnings", severity="warning", timeout=12, markup=False)
        self.load()

    def action_mark_held(self) -> None:
        """Mark the meeting under the cursor held (it must have started)."""
        row = self._meeting_here()
        if row is None:
            return
        mid = row.meeting.id
        if row.meeting.status in ("held", "minuted"):
            self.notify(f"Meeting {mid} is {row.meeting.status} already.", severity="information")
            return

        def done(_: Any) -> None:
            self.notify(f"Meeting {mid} is held.", title="Saved")
            self.load()

        self.call(lambda s: s.meeting_life.held(mid), done, failed=self._refused)

    def action_delete_meeting(self) -> None:
        """Delete the planned meeting under the cursor when it holds nothing (asks first)."""
        from screens.dialogs.confirm import ConfirmDialog

        row = self._meeting_here()
        if row is None:
            return
        m = row.meeting
        if m.status != "planned":
            self.notify(f"Meeting {m.id} is {m.status}; only a planned meeting is deleted.", severity="warning")
            return
        question = f"Delete meeting {m.id} with {m.candidate} ({m.kind})? It is removed, not cancelled."

        def delete(yes: bool | None) -> None:
            if not yes:
                return

            def done(_: Any) -> None:
                self.notify(f"Meeting {m.id} deleted.", title="Saved")
                self.load()

            self.call(lambda s: s.meeting_life.delete(m.id), done, failed=self._refused)

        self.app.push_screen(ConfirmDialog(question, yes="Delete it", no="Keep it"), delete)
