"""The new-meeting form: typed dates resolved as you type, in our zone, the vendor's and UTC."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, SelectionList, Static, TextArea

from screens.schedule.form_parts import (
    DEBOUNCE,
    EXAMPLES,
    FormContext,
    Preview,
    _escape,
    _offset_name,
    _stamp,
    their_attendees,
    user_message,
)
from screens.shell.base import describe_error
from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import one_line

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.schedule import ResolvedTime, ScheduleResult


class ScheduleForm(ModalScreen["ScheduleResult | None"]):
    """Schedule a meeting or a series; dismisses the stored result, or None when left."""

    CSS_PATH = "schedule.tcss"
    REFUSED = "Not scheduled"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Schedule", tooltip="Store the meeting (or the series)"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave without scheduling"),
    ]

    def __init__(self, context: FormContext) -> None:
        super().__init__()
        self.context = context
        self._timer: Timer | None = None
        self._asked = 0  # the number of the latest preview request; older answers are dropped
        self._preview: Preview = Preview()
        self._fold: str | None = None
        self._busy = False
        self._left = False
        self.exclude: tuple[int, ...] = ()  # meetings the warnings do not count as clashes (one being edited)

    def compose(self) -> ComposeResult:
        ctx = self.context
        with Vertical(id="form-body"):
            yield Static(f"New meeting · times are stored in UTC; our zone is {ctx.our_zone}", id="form-title")
            with VerticalScroll(id="form-fields"):
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field"):
                        yield Label("Candidate")
                        yield Select(
                            [(Text(one_line(name)), name) for name, _ in ctx.candidates],
                            id="candidate",
                            prompt="Choose the vendor",
                        )
                    with Vertical(classes="form-field"):
                        yield Label("Kind")
                        yield Select([(k, k) for k in ctx.kinds], id="kind", allow_blank=False, value=ctx.kinds[0])
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field wide"):
                        yield Label("When")
                        yield Input(id="when", placeholder=EXAMPLES)
                    with Vertical(classes="form-field"):
                        yield Label("Time zone it is typed in")
                        yield Input(ctx.our_zone, id="zone", placeholder="an IANA name, e.g. Europe/London")
                yield Static(f"Type when the meeting starts ({EXAMPLES}).", id="preview")
                yield Vertical(id="fold-box")
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field narrow"):
                        yield Label("Minutes")
                        yield Input("60", id="duration", type="integer")
                    with Vertical(classes="form-field"):
                        yield Label("Repeat every")
                        yield Input(id="every", placeholder="once if blank · 1 week · 1 month")
                    with Vertical(classes="form-field narrow"):
                        yield Label("Count")
                        yield Input(id="count", type="integer", placeholder="e.g. 3")
                    with Vertical(classes="form-field"):
                        yield Label("or until (date)")
                        yield Input(id="until", placeholder="e.g. 30 Apr 2027")
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-field"):
                        yield Label("Our attendees")
                        yield SelectionList[str](
                            *[(Text(one_line(m)), m, m in ctx.chosen_members) for m in ctx.members], id="members"
                        )
                    with Vertical(classes="form-field wide"):
                        yield Label("Location or link")
                        yield Input(id="location", placeholder="a room, an address or a video link")
                with Vertical(classes="form-field wide"):
                    yield Label("Their attendees · one a line: name; role; e-mail")
                    yield TextArea(id="their", soft_wrap=False, show_line_numbers=False)
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Schedule (ctrl+s)", id="form-submit", variant="primary")
                yield Button("Cancel (esc)", id="form-cancel")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#fold-box").display = False
        self.start()

    def start(self) -> None:
        """Where the form starts once mounted: the candidate (chosen when there is one)."""
        if len(self.context.candidates) == 1:
            self.query_one("#candidate", Select).value = self.context.candidates[0][0]
        self.query_one("#candidate", Select).focus()

    # ------------------------------------------------------------------ preview

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(TextArea.Changed)
    def _edited(self) -> None:
        """A refusal shown after submitting goes once the form is changed."""
        if not self._busy:
            self._error("")

    @on(Input.Changed, "#when, #zone, #duration")
    @on(Select.Changed, "#candidate")
    @on(SelectionList.SelectedChanged, "#members")
    def _typed(self) -> None:
        """Debounce: a new quiet period starts with every keystroke."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.request_preview)

    @property
    def preview_pending(self) -> bool:
        """Whether a preview waits for the typing to pause."""
        return self._timer is not None

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    @property
    def candidate(self) -> str | None:
        value = self.query_one("#candidate", Select).value
        return None if value is Select.BLANK else str(value)

    def request_preview(self) -> None:
        """Ask the services what the typed time means (in a worker); the answer updates the preview."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._asked += 1
        asked, text, zone, cand = self._asked, self._value("#when"), self._value("#zone"), self.candidate
        if not text:
            self._show_preview(asked, Preview())
            return
        selection, fold, exclude = self.context.selection, self._fold, self.exclude
        minutes = self._value("#duration")
        members = list(self.query_one("#members", SelectionList).selected)

        def job(services: Services) -> Preview:
            from workbench.services.errors import UserError

            scheduling = services.scheduling
            message, folds = None, None
            try:
                resolved: ResolvedTime | None = scheduling.resolve(text, zone, candidate=cand, selection=selection)
            except UserError as exc:
                message = user_message(exc)
                try:
                    early = scheduling.resolve(text, zone, candidate=cand, fold="earlier", selection=selection)
                    late = scheduling.resolve(text, zone, candidate=cand, fold="later", selection=selection)
                except UserError:
                    return Preview(error=message)
                if early.start_utc == late.start_utc:
                    return Preview(error=message)
                folds, resolved = (early, late), {"earlier": early, "later": late}.get(fold or "")
            warnings: tuple[str, ...] = ()
            if resolved is not None and cand and minutes.isdigit() and 0 < int(minutes) <= 24 * 60:
                with contextlib.suppress(UserError):  # no warnings for what is refused anyway
                    warnings = services.schedule_views.check(
                        candidate=cand,
                        start_utc=resolved.start_utc,
                        duration=int(minutes),
                        members=members,
                        selection=selection,
                        exclude=exclude,
                    )
            return Preview(resolved=resolved, error=message, folds=folds, warnings=warnings)

        self._in_thread(job, lambda preview: self._show_preview(asked, preview), group="preview")

    def _show_preview(self, asked: int, preview: Preview) -> None:
        if self._left or asked != self._asked:
            return
        had_folds = self._preview.folds is not None
        self._preview = preview
        box = self.query_one("#fold-box", Vertical)
        if preview.folds is not None:
            early, late = preview.folds
            if not had_folds:
                self._fold = None
                box.remove_children()
                box.mount(
                    Label("This time happens twice (the clocks go back): choose one"),
                    RadioSet(
                        RadioButton(self._fold_label("Earlier", early), id="fold-earlier"),
                        RadioButton(self._fold_label("Later", late), id="fold-later"),
                        id="fold",
                    ),
                )
            else:
                self.query_one("#fold-earlier", RadioButton).label = self._fold_label("Earlier", early)
                self.query_one("#fold-later", RadioButton).label = self._fold_label("Later", late)
            box.display = True
        else:
            box.display = False
        self._render_preview()

    @staticmethod
    def _fold_label(which: str, resolved: ResolvedTime) -> str:
        return f"{which}: {resolved.wall:%H:%M} {_offset_name(resolved)} = {resolved.start_utc:%H:%M} UTC"

    @on(RadioSet.Changed, "#fold")
    def _fold_chosen(self, event: RadioSet.Changed) -> None:
        self._fold = "earlier" if event.pressed.id == "fold-earlier" else "later"
        self._render_preview()
        self.request_preview()  # the warnings of the chosen reading

    def _render_preview(self) -> None:
        preview, widget = self._preview, self.query_one("#preview", Static)
        resolved, warnings = preview.resolved, preview.warnings
        if preview.folds is not None and self._fold is not None:
            chosen = preview.folds[0 if self._fold == "earlier" else 1]
            if resolved is None or resolved.start_utc != chosen.start_utc:  # the answer is on its way
                resolved, warnings = chosen, ()
        if resolved is None and preview.error is None:
            widget.update(f"Type when the meeting starts ({EXAMPLES}).")
            widget.set_classes("")
            return
        if resolved is None and preview.folds is not None:
            widget.update(f"[b]Choose earlier or later below[/] · {_escape(preview.error or '')}")
            widget.set_classes("choose")
            return
        if resolved is None:
            widget.update(f"[b]Refused[/] · {_escape(preview.error or '')}")
            widget.set_classes("refused")
            return
        lines = [f"Our time       {_stamp(resolved.ours)}  ({_escape(self.context.our_zone)})"]
        if resolved.theirs is not None:
            lines.append(
                f"Vendor's time  {_stamp(resolved.theirs)}  ({_escape(str(resolved.theirs.tzinfo))}, "
                f"{_escape(self.candidate or '')})"
            )
        else:
            lines.append("Vendor's time  choose the candidate to see it")
        lines.append(f"UTC            {_stamp(resolved.start_utc).removesuffix(' UTC')}")
        if resolved.note:
            lines.append(f"[i]Read as: {_escape(resolved.note)}[/]")
        if preview.folds is not None:
            lines.append(f"[i]The {self._fold} of the two {resolved.wall:%H:%M}s.[/]")
        lines += [f"[b $warning]⚠ {_escape(w)}[/]" for w in warnings]
        widget.update("\n".join(lines))
        widget.set_classes("warned" if warnings else "resolved")

    # ------------------------------------------------------------------ submit

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self._busy:
            return
        try:
            values = self._values()
        except ValueError as exc:
            self._error(str(exc))
            return
        self._busy = True
        self.query_one("#form-submit", Button).disabled = True
        self._error("")
        self.query_one("#form-error", Static).update("Scheduling…")
        self._in_thread(
            lambda services: self.store(services, values),
            self._scheduled,
            failed=self._refused,
            group="submit",
        )

    @staticmethod
    def store(services: Services, values: dict[str, Any]) -> Any:
        """Store what the form holds (in a worker thread): schedule the meeting or the series."""
        return services.scheduling.schedule(**values)

    def _values(self) -> dict[str, Any]:
        """The form as keyword arguments of SchedulingService.schedule; ValueError names a missing field."""
        cand = self.candidate
        if cand is None:
            raise ValueError("Candidate: choose the vendor")
        at = self._value("#when")
        if not at:
            raise ValueError(f"When: type when the meeting starts ({EXAMPLES})")
        if self._preview.folds is not None and self._fold is None:
            raise ValueError("When: this time happens twice; choose earlier or later")
        duration = self._value("#duration")
        if not duration.lstrip("-").isdigit():
            raise ValueError("Minutes: give the length in whole minutes, e.g. 60")
        every, count, until = self._value("#every") or None, self._value("#count"), self._value("#until")
        if every is None and (count or until):
            raise ValueError("Repeat every: a count or an until date needs a repeat, e.g. '1 week'")
        if every is not None and bool(count) == bool(until):
            raise ValueError("Repeat every: give either a count or an until date (not both)")
        if count and not count.lstrip("-").isdigit():
            raise ValueError("Count: give a whole number of meetings")
        return dict(
            candidate=cand,
            kind=str(self.query_one("#kind", Select).value),
            at=at,
            tz=self._value("#zone"),
            duration=int(duration),
            every=every,
            count=int(count) if count else None,
            until=until or None,
            members=list(self.query_one("#members", SelectionList).selected),
            location=self._value("#location"),
            their_attendees=their_attendees(self.query_one("#their", TextArea).text),
            fold=self._fold if self._preview.folds is not None else None,
            selection=self.context.selection,
        )

    def _scheduled(self, result: ScheduleResult) -> None:
        self._busy = False
        self._left = True
        self.dismiss(result)

    def _refused(self, exc: BaseException) -> None:
        """Nothing was stored: say why and keep everything typed."""
        self._busy = False
        self.query_one("#form-submit", Button).disabled = False
        self._error(f"{self.REFUSED} · {user_message(exc)}")

    def _error(self, text: str) -> None:
        self.query_one("#form-error", Static).update(f"[b red]{_escape(text)}[/]" if text else "")

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        if self._busy:  # the meeting may be stored this very moment: wait for the answer
            self.notify("Scheduling… wait for the answer.", severity="warning")
            return
        self._left = True
        self.dismiss(None)

    # ------------------------------------------------------------------ workers

    def _in_thread(
        self,
        fn: Callable[[Services], Any],
        then: Callable[[Any], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        group: str,
    ) -> None:
        """Run ``fn(services)`` in a thread worker; ``then`` or ``failed`` run on the UI thread."""

        @work(thread=True, group=group, exclusive=group == "preview", exit_on_error=False)
        def job(form: ScheduleForm) -> None:
            try:
                result = fn(form.app.get_services())  # type: ignore[attr-defined]
            except Exception as exc:  # noqa: BLE001 - shown on the form, never silent
                form.app.call_from_thread(failed or form._failed_preview, exc)
                return
            form.app.call_from_thread(then, result)

        job(self)

    def _failed_preview(self, exc: BaseException) -> None:
        if not self._left:
            self.query_one("#preview", Static).update(f"[b red]{_escape(describe_error(exc))}[/]")
