"""`workbench interview MEETING [--as NAME]`: the terminal app opened on the live interview of a meeting."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("interview", help="open the live interview screen of a meeting (score, notes, submit)")
    # The app reads ``start`` before the check runs, so the meeting becomes the screen to open as it is parsed.
    p.add_argument(
        "start", metavar="MEETING", type=_interview_of, help="the meeting's number (see 'workbench meetings list')"
    )
    # Also accepted before the command (`workbench --as NAME interview 12`); SUPPRESS keeps that value.
    p.add_argument(
        "--as",
        dest="as_member",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the panel member scoring (default: the one remembered from the last run)",
    )
    p.set_defaults(handler=None, precheck=precheck)


def _interview_of(value: str) -> tuple[str, str]:
    """``"#12"`` -> ``("interview", "12")``: the record screen to open (anything else is checked by ``precheck``)."""
    text = value.strip()
    return ("interview", text.lstrip("#") if text.lstrip("#").isdigit() else text)


def precheck(args: argparse.Namespace, services: Services) -> None:
    """Check the words before any screen is shown: the meeting exists and is not cancelled, the member is on its panel
    (and, given with --as, one of its attendees when it lists any).

    Sets ``args.as_member`` to the member's name as stored (the remembered member when --as is not given).

    Raises:
        UserError: unknown or cancelled meeting, no member given or remembered, a name not on the panel,
            a member given who is not an attendee.
    """
    from workbench.prefs import load_prefs
    from workbench.services.errors import NotFound, UserError

    member = getattr(args, "as_member", None)
    given = bool(member and str(member).strip())
    if not given:
        member = load_prefs().member
    view = services.meetings.get(args.start[1])  # NotFound naming MEETING
    if view.status == "cancelled":
        raise UserError(
            f"meeting {view.id} ({view.candidate}, {view.kind}) is cancelled; it has no interview", field="MEETING"
        )
    if not member:
        raise UserError("who is scoring? give --as NAME (a panel member of the meeting's selection)", field="--as")
    try:
        found = services.members.get(member, selection=view.selection_id)
    except NotFound:
        where = "" if given else " (the member remembered from the last run)"
        raise UserError(
            f"{member!r}{where} is not a panel member of the selection of meeting {view.id}", field="--as"
        ) from None
    if given:  # only attendees score; a remembered member who is not one is asked again by the screen
        try:
            services.scoring.require_attendee(view.id, member=found.name)
        except UserError as exc:
            raise UserError(str(exc.args[0]), field="--as") from None
    args.as_member = found.name
