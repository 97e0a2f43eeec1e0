"""Selections: create one from a template, list them, find one by name or id."""

from __future__ import annotations

import builtins
import unicodedata

from sqlmodel import Session, col, select

from workbench.domain.text import find_by_name, name_key
from workbench.services.base import Service, clean_text, parse_ref, unit_of_work, utcnow
from workbench.services.errors import Conflict, NotFound, UserError
from workbench.services.views.kit import CriterionView, QuestionView, ScopeItemView
from workbench.services.views.selections import SelectionView
from workbench.store.models import (
    CarriedGap,
    Criterion,
    CriterionScope,
    Note,
    Question,
    QuestionKind,
    ScopeItem,
    Selection,
    stored_id,
)
from workbench.store.name_lock import hold_names

TEXT_MAX = 50_000  # a description's or a guidance's characters


def selection_view(row: Selection) -> SelectionView:
    days = tuple(int(d) for d in row.business_days.split(",") if d.strip())
    return SelectionView(
        id=stored_id(row),
        name=row.name,
        description=row.description,
        timezone=row.timezone,
        business_hours=row.business_hours,
        business_days=days,
        date_order=row.date_order,
        rubric=row.rubric,
        created_at=row.created_at,
    )


def criterion_view(row: Criterion, scope_ids: tuple[int, ...] = ()) -> CriterionView:
    return CriterionView(
        id=stored_id(row),
        selection_id=row.selection_id,
        key=row.key,
        name=row.name,
        description=row.description,
        weight=row.weight,
        position=row.position,
        anchors=(row.anchor_1, row.anchor_2, row.anchor_3, row.anchor_4, row.anchor_5),
        scope_item_ids=scope_ids,
    )


def find_selection(session: Session, ref: str | int | None) -> Selection:
    """The selection named or numbered by ``ref``; the only one when ``ref`` is None.

    Raises:
        NotFound: no such selection, or none at all.
        UserError: ``ref`` is None and there are several selections.
    """
    if ref is None or str(ref).strip() == "":
        rows = session.exec(select(Selection).order_by(col(Selection.id)).limit(2)).all()
        if not rows:
            raise NotFound(
                "the database holds no selection yet; "
                "create one with 'workbench selections new NAME' or 'workbench demo'",
                field="--selection",
            )
        if len(rows) > 1:
            raise UserError(
                "the database holds several selections; name one with --selection NAME_OR_ID", field="--selection"
            )
        return rows[0]
    number, text = parse_ref(ref)
    row = session.exec(select(Selection).where(col(Selection.name) == unicodedata.normalize("NFC", text))).first()
    if row is None:
        names = session.exec(select(col(Selection.id), col(Selection.name)).order_by(col(Selection.id))).all()
        match = find_by_name(names, text, lambda pair: pair[1])
        row = None if match is None else session.get(Selection, match[0])
    if row is None and number is not None:
        row = session.get(Selection, number)
    if row is None:
        raise NotFound(f"no selection named or numbered {text!r}", field="--selection")
    return row


class SelectionService(Service):
    """Create, list and find selections."""

    @unit_of_work(write=False)
    def list(self, session: Session) -> list[SelectionView]:
        rows = session.exec(select(Selection).order_by(col(Selection.name))).all()
        return [selection_view(r) for r in rows]

    @unit_of_work(write=False)
    def get(self, session: Session, ref: str | int | None = None) -> SelectionView:
        """The selection named by ``ref`` (or the only one)."""
        return selection_view(find_selection(session, ref))

    @unit_of_work(write=True)
    def create(
        self,
        session: Session,
        name: str,
        *,
        template: str | None = "it-outsourcing",
        timezone: str = "Europe/London",
        description: str = "",
    ) -> SelectionView:
        """Create a selection, with the rubric, questions and scope of a shipped template."""
        return selection_view(
            create_selection(session, name, template=template, timezone=timezone, description=description)
        )

    @unit_of_work(write=True)
    def add_criterion(
        self,
        session: Session,
        name: str,
        *,
        weight: float = 1.0,
        description: str = "",
        anchors: tuple[str, ...] = ("", "", "", "", ""),
        selection: str | int | None = None,
    ) -> CriterionView:
        """Add a criterion to the selection's rubric (after the existing ones)."""
        from workbench.services.validate import is_weight

        sel = find_selection(session, selection)
        name = clean_text(name, field="name", required=True, max_length=200)
        description = clean_text(description, field="description", max_length=TEXT_MAX, multiline=True)
        if not is_weight(weight):
            raise UserError(f"{weight!r} is not a weight (a number >= 0)", field="weight")
        if len(anchors) != 5:
            raise UserError("needs exactly five anchors, for scores 1 to 5", field="anchors")
        a = [clean_text(x, field="anchors", max_length=2000) for x in anchors]
        hold_names(session, stored_id(sel))
        existing = session.exec(select(Criterion).where(col(Criterion.selection_id) == sel.id)).all()
        for other in existing:
            if name_key(other.name) == name_key(name):
                raise Conflict(f"a criterion named {other.name!r} exists already", field="name")
        row = Criterion(
            selection_id=stored_id(sel),
            key=name.casefold().replace(" ", "-"),
            name=name,
            weight=float(weight),
            description=description,
            position=len(existing),
            anchor_1=a[0],
            anchor_2=a[1],
            anchor_3=a[2],
            anchor_4=a[3],
            anchor_5=a[4],
        )
        session.add(row)
        session.flush()
        return criterion_view(row)

    @unit_of_work(write=True)
    def add_question(
        self,
        session: Session,
        criterion: str | int,
        text: str,
        *,
        kinds: tuple[str, ...] = ("introduction",),
        guidance: str = "",
        selection: str | int | None = None,
    ) -> QuestionView:
        """Add a question to the bank, at the end, for the given meeting kinds."""
        from workbench.domain.vocabulary import MEETING_KINDS
        from workbench.services.validate import check_choice

        sel = find_selection(session, selection)
        text = clean_text(text, field="text", required=True, max_length=2000)
        kinds = tuple(dict.fromkeys(check_choice(k, MEETING_KINDS, field="kinds") for k in kinds))
        if not kinds:
            raise UserError("a question needs at least one meeting kind", field="kinds")
        guidance = clean_text(guidance, field="guidance", max_length=TEXT_MAX, multiline=True)
        criteria = session.exec(
            select(Criterion).where(col(Criterion.selection_id) == sel.id).order_by(col(Criterion.id))
        ).all()
        crit = find_by_name(criteria, str(criterion), lambda c: c.name)
        if crit is None:
            crit = next((c for c in criteria if str(c.id) == str(criterion).strip()), None)
        if crit is None:
            raise NotFound(f"no criterion named {criterion!r}", field="criterion")
        count = len(session.exec(select(col(Question.id)).where(col(Question.selection_id) == sel.id)).all())
        row = Question(
            selection_id=stored_id(sel),
            criterion_id=stored_id(crit),
            text=text,
            guidance=guidance,
            position=count,
        )
        session.add(row)
        session.flush()
        for kind in kinds:
            session.add(QuestionKind(question_id=stored_id(row), kind=kind))
        session.flush()
        return QuestionView(
            id=stored_id(row),
            criterion_id=stored_id(crit),
            criterion=crit.name,
            text=row.text,
            guidance=row.guidance,
            kinds=tuple(sorted(kinds)),
            position=row.position,
        )

    @unit_of_work(write=False)
    def criteria(self, session: Session, ref: str | int | None = None) -> builtins.list[CriterionView]:
        sel = find_selection(session, ref)
        rows = session.exec(
            select(Criterion)
            .where(col(Criterion.selection_id) == sel.id)
            .order_by(col(Criterion.position), col(Criterion.id))
        ).all()
        links = session.exec(
            select(CriterionScope)
            .join(Criterion, col(Criterion.id) == col(CriterionScope.criterion_id))
            .where(col(Criterion.selection_id) == sel.id)
        ).all()
        by_criterion: dict[int, list[int]] = {}
        for link in links:
            by_criterion.setdefault(link.criterion_id, []).append(link.scope_item_id)
        return [criterion_view(r, tuple(sorted(by_criterion.get(stored_id(r), [])))) for r in rows]

    @unit_of_work(write=False)
    def questions(
        self, session: Session, ref: str | int | None = None, *, kind: str | None = None
    ) -> builtins.list[QuestionView]:
        sel = find_selection(session, ref)
        return load_questions(session, stored_id(sel), kind=kind)

    @unit_of_work(write=False)
    def scope(self, session: Session, ref: str | int | None = None) -> builtins.list[ScopeItemView]:
        sel = find_selection(session, ref)
        rows = session.exec(
            select(ScopeItem)
            .where(col(ScopeItem.selection_id) == sel.id)
            .order_by(col(ScopeItem.position), col(ScopeItem.id))
        ).all()
        return [
            ScopeItemView(
                id=stored_id(r),
                selection_id=r.selection_id,
                key=r.key,
                name=r.name,
                description=r.description,
                decision=r.decision,
                priority=r.priority,
                notes=r.notes,
            )
            for r in rows
        ]


def load_questions(session: Session, selection_id: int, *, kind: str | None = None) -> list[QuestionView]:
    """The selection's questions in bank order, optionally only those of one meeting kind."""
    stmt = (
        select(Question, col(Criterion.name))
        .join(Criterion, col(Criterion.id) == col(Question.criterion_id))
        .where(col(Question.selection_id) == selection_id)
        .order_by(col(Question.position), col(Question.id))
    )
    if kind is not None:
        stmt = stmt.where(
            col(Question.id).in_(select(col(QuestionKind.question_id)).where(col(QuestionKind.kind) == kind))
        )
    rows = session.exec(stmt).all()
    kinds: dict[int, list[str]] = {}
    follow_ups: dict[int, int] = {}
    ids = [q.id for q, _ in rows]
    if ids:
        for qk in session.exec(select(QuestionKind).where(col(QuestionKind.question_id).in_(ids))).all():
            kinds.setdefault(qk.question_id, []).append(qk.kind)
        follow_ups = dict(
            session.exec(
                select(col(CarriedGap.question_id), col(Note.meeting_id))
                .join(Note, col(Note.id) == col(CarriedGap.note_id))
                .where(col(CarriedGap.question_id).in_(ids))
            ).all()
        )
    return [
        QuestionView(
            id=stored_id(q),
            criterion_id=q.criterion_id,
            criterion=cname,
            text=q.text,
            guidance=q.guidance,
            kinds=tuple(sorted(kinds.get(stored_id(q), []))),
            position=q.position,
            follow_up_of=follow_ups.get(stored_id(q)),
        )
        for q, cname in rows
    ]


def create_selection(
    session: Session,
    name: str,
    *,
    template: str | None = "it-outsourcing",
    timezone: str = "Europe/London",
    description: str = "",
    business_hours: str | None = None,
) -> Selection:
    """Store a selection with a shipped template's rubric, questions and scope, in the caller's unit of work.

    ``business_hours`` (``HH:MM-HH:MM``) replaces the default office hours when given.
    """
    from workbench.services.validate import check_hours, check_timezone

    name = clean_text(name, field="name", required=True, max_length=200)
    description = clean_text(description, field="description", max_length=TEXT_MAX, multiline=True)
    timezone = check_timezone(timezone, field="timezone")
    hold_names(session, None)
    for other in session.exec(select(col(Selection.name))).all():
        if name_key(other) == name_key(name):
            raise Conflict(f"a selection named {other!r} exists already", field="name")
    row = Selection(name=name, description=description, timezone=timezone, rubric=template or "", created_at=utcnow())
    if business_hours is not None:
        row.business_hours = check_hours(business_hours, field="business_hours")
    session.add(row)
    session.flush()
    if template:
        apply_template(session, row, template)
    return row


def apply_template(session: Session, selection: Selection, template: str) -> None:
    """Copy a shipped rubric, its question bank and its scope items into a selection, in its words for our place."""
    from workbench import shipped
    from workbench.services.kit_wording import our_words

    say = our_words(selection)

    try:
        rubric = shipped.load_rubric(template)
    except ValueError as exc:
        raise UserError(str(exc), field="--template") from None
    try:
        scope_items = shipped.load_scope(template)
    except ValueError:
        scope_items = ()
    scope_ids: dict[str, int] = {}
    for pos, item in enumerate(scope_items):
        row = ScopeItem(
            selection_id=stored_id(selection),
            key=item.key,
            name=item.name,
            description=item.description,
            decision=item.decision,
            priority=item.priority,
            position=pos,
        )
        session.add(row)
        session.flush()
        scope_ids[item.key] = stored_id(row)
    criterion_ids: dict[str, int] = {}
    for pos, c in enumerate(rubric.criteria):
        a = c.anchors
        crit = Criterion(
            selection_id=stored_id(selection),
            key=c.key,
            name=c.name,
            description=say(c.description),
            weight=float(c.weight),
            position=pos,
            anchor_1=say(a[0]),
            anchor_2=say(a[1]),
            anchor_3=say(a[2]),
            anchor_4=say(a[3]),
            anchor_5=say(a[4]),
        )
        session.add(crit)
        session.flush()
        criterion_ids[c.key] = stored_id(crit)
        for key in c.scope:
            if key in scope_ids:
                session.add(CriterionScope(criterion_id=stored_id(crit), scope_item_id=scope_ids[key]))
    for pos, q in enumerate(rubric.questions):
        question = Question(
            selection_id=stored_id(selection),
            criterion_id=criterion_ids[q.criterion],
            text=say(q.text),
            guidance=say(q.guidance),
            position=pos,
        )
        session.add(question)
        session.flush()
        for kind in q.kinds:
            session.add(QuestionKind(question_id=stored_id(question), kind=kind))
    session.flush()
