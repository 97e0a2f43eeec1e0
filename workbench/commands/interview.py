"""`workbench interview MEETING [--as NAME]`: the terminal app opened on the live interview of a meeting."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("interview", help="open the live interview screen of a meeting (score, notes, submit)")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number (see 'workbench meetings list')")
    # Also accepted before the command (`workbench --as NAME interview 12`); SUPPRESS keeps that value.
    p.add_argument("--as", dest="as_member", metavar="NAME", default=argparse.SUPPRESS,
                   help="the panel member scoring (default: the one remembered from the last run)")
    p.set_defaults(handler=None, precheck=precheck, start=None)


def precheck(args: argparse.Namespace, services: Services) -> None:
    """Check the words before any screen is shown: the meeting exists and is not cancelled, the member is on its panel.

    Sets ``args.start`` (the screen to open) and ``args.as_member`` (the member, remembered one included).

    Raises:
        UserError: unknown or cancelled meeting, no member given or remembered, a name not on the panel.
    """
    from workbench.prefs import load_prefs
    from workbench.services.errors import NotFound, UserError

    member = getattr(args, "as_member", None)
    given = bool(member and str(member).strip())
    if not given:
        member = load_prefs().member
    view = services.meetings.get(args.meeting)  # NotFound naming MEETING
    if view.status == "cancelled":
        raise UserError(f"meeting {view.id} ({view.candidate}, {view.kind}) is cancelled; it has no interview",
                        field="MEETING")
    if not member:
        raise UserError("who is scoring? give --as NAME (a panel member of the meeting's selection)", field="--as")
    try:
        found = services.members.get(member, selection=view.selection_id)
    except NotFound:
        where = "" if given else " (the member remembered from the last run)"
        raise UserError(f"{member!r}{where} is not a panel member of the selection of meeting {view.id}",
                        field="--as") from None
    args.as_member = found.name
    args.start = ("interview", str(view.id))
