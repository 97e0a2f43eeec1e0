"""The kit's words for our place in a selection's copy: written when the kit is copied, reworded when our zone,
hours or working days change (``workbench.domain.our_place``), leaving alone any text a person edited."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from workbench.domain import our_place
from workbench.domain.workdays import stored_days
from workbench.store.models import Criterion, Question, Selection

_ANCHORS = ("anchor_1", "anchor_2", "anchor_3", "anchor_4", "anchor_5")


def our_words(sel: Selection) -> Callable[[str], str]:
    """A shipped text -> the selection's words for it (its zone, business hours and working days)."""
    days = stored_days(sel.business_days)
    return lambda text: our_place.render(text, sel.timezone, sel.business_hours, days)


def reword_kit(session: Session, sel: Selection, old_zone: str, old_hours: str, old_days: str) -> int:
    """Reword the selection's kit texts that are still the shipped words for the old zone/hours/days.

    A text counts as unedited when it equals a shipped text of the selection's template rendered
    for the old settings; only those get the new words. Returns how many fields changed.
    """
    from workbench import shipped

    if not sel.rubric:
        return 0
    try:
        rubric = shipped.load_rubric(sel.rubric)
    except ValueError:  # a template this version no longer ships: nothing to compare with
        return 0
    old_days_t = stored_days(old_days)
    shipped_texts = {c.description for c in rubric.criteria}
    shipped_texts.update(a for c in rubric.criteria for a in c.anchors)
    shipped_texts.update(q.text for q in rubric.questions)
    shipped_texts.update(q.guidance for q in rubric.questions)
    new = our_words(sel)
    changes = {our_place.render(t, old_zone, old_hours, old_days_t): new(t) for t in shipped_texts if "{our_" in t}
    changes = {old: text for old, text in changes.items() if old != text}
    if not changes:
        return 0
    count = 0
    for crit in session.exec(select(Criterion).where(col(Criterion.selection_id) == sel.id)).all():
        for field in ("description", *_ANCHORS):
            value = getattr(crit, field)
            if value in changes:
                setattr(crit, field, changes[value])
                count += 1
        session.add(crit)
    for question in session.exec(select(Question).where(col(Question.selection_id) == sel.id)).all():
        for field in ("text", "guidance"):
            value = getattr(question, field)
            if value in changes:
                setattr(question, field, changes[value])
                count += 1
        session.add(question)
    return count
