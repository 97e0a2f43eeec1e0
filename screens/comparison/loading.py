"""What the comparison screen reads in one worker: the comparison, P(first), the flip, the extras, the means."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.comparison import ComparisonView
    from workbench.services.views.drill import CandidateExtras, MemberMeansView


@dataclass(frozen=True)
class Loaded:
    """What the screen reads from the services when it opens."""

    view: ComparisonView  # with the baseline, the stored weights, every member; no robustness (the screen's worker)
    extras: dict[int, CandidateExtras]
    members: MemberMeansView
    today: date | None  # first day of the time-zone fit (the app's clock), None = today
    robust: bool = False  # whether ``view`` has P(first) and the leader flip (the stored weights, every member)


def fetch(
    services: Services, selection: str | None, now: Any, *, with_robustness: bool = True, member: str | None = None
) -> Loaded:
    """Read the comparison and its extra rows (runs in a worker); the screen works out robustness itself, later.

    ``member``: the panel member looking; meetings withheld from them (the independence rule) do not count.
    """
    today = None
    if now is not None:
        from zoneinfo import ZoneInfo

        today = now.astimezone(ZoneInfo(services.selections.get(selection).timezone)).date()
    view = services.comparison.compare(selection=selection, today=today, with_robustness=with_robustness, member=member)
    extras = services.comparison_details.extras(selection=selection)
    members = services.comparison_details.member_means(selection=selection, member=member)
    return Loaded(view, extras, members, today, robust=with_robustness)
