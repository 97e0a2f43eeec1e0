"""Frozen values of a selection's kit: scope items, criteria, questions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScopeItemView:
    id: int
    selection_id: int
    key: str
    name: str
    description: str
    decision: str
    priority: int
    notes: str


@dataclass(frozen=True, slots=True)
class CriterionView:
    id: int
    selection_id: int
    key: str
    name: str
    description: str
    weight: float
    position: int
    anchors: tuple[str, str, str, str, str]
    scope_item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionView:
    id: int
    criterion_id: int
    criterion: str
    text: str
    guidance: str
    kinds: tuple[str, ...]
    """The meeting kinds whose agendas ask it; none for a knowledge gap's follow-up (see ``follow_up_of``)."""
    position: int
    follow_up_of: int | None = None
    """The meeting whose knowledge gap this question follows up (it is asked only where it was carried), else None."""
