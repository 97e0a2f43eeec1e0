"""Shipped templates (workbench.shipped_data): rubric and question bank, checklist, scope, sample selection."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from workbench.domain.text import TextRefused, is_blank, multi_line, name_key, single_line
from workbench.domain.vocabulary import MEETING_KINDS, SCOPE_DECISIONS
from workbench.shipped_data import data_root

_LABEL = "data"  # how messages name the templates' folder

SCOPE_PRIORITIES = (1, 2, 3)
ANCHOR_COUNT = 5

_RUBRICS = "rubrics"
_CHECKLISTS = "checklists"
_SCOPES = "scope"
_SAMPLE = ("sample", "sample.toml")


@dataclass(frozen=True)
class CriterionTemplate:
    key: str
    name: str
    weight: float
    description: str
    anchors: tuple[str, ...]
    scope: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionTemplate:
    criterion: str
    text: str
    guidance: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Rubric:
    key: str
    name: str
    description: str
    criteria: tuple[CriterionTemplate, ...]
    questions: tuple[QuestionTemplate, ...]

    def criterion(self, key: str) -> CriterionTemplate:
        """The criterion with this key; ValueError if there is none."""
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise ValueError(f"rubric {self.key!r} has no criterion {key!r}")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class ScopeTemplate:
    key: str
    name: str
    description: str
    decision: str
    priority: int


# ------------------------------------------------------------------ files


def _folder(sub: str) -> Traversable:
    return data_root().joinpath(sub)


def _names(sub: str) -> list[str]:
    folder = _folder(sub)
    if not folder.is_dir():
        return []
    return sorted(
        entry.name[: -len(".toml")] for entry in folder.iterdir() if entry.is_file() and entry.name.endswith(".toml")
    )


def _parse(entry: Traversable, label: str) -> dict[str, Any]:
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{label}: cannot read: {exc}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{label}: not valid TOML: {exc}") from exc


def _read(sub: str, what: str, key: object) -> tuple[dict[str, Any], str]:
    available = _names(sub)
    if not isinstance(key, str) or key not in available:
        raise ValueError(f"unknown {what} template {key!r}; available: {', '.join(available) or '(none)'}")
    label = f"{_LABEL}/{sub}/{key}.toml"
    return _parse(_folder(sub).joinpath(f"{key}.toml"), label), label


# ------------------------------------------------------------- validation


# Fields that hold prose over several lines; every other text is a single line (workbench.domain.text).
_MULTI_LINE = frozenset({"description", "guidance"})


def _text(value: object, where: str, field: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{where}: {field!r} must be text, got {type(value).__name__}")
    value = _checked(value, where, field)
    if required and is_blank(value):
        raise ValueError(f"{where}: {field!r} must not be empty")
    return value


def _checked(value: str, where: str, field: str) -> str:
    """The text under the one rule for user text; ValueError naming the file, the entry and the field."""
    try:
        return multi_line(value) if field in _MULTI_LINE else single_line(value)
    except TextRefused as exc:
        raise ValueError(f"{where}: {field!r} {exc}") from None


def _table_list(data: dict[str, Any], name: str, label: str) -> list[dict[str, Any]]:
    entries = data.get(name)
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{label}: needs at least one [[{name}]] entry")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"{label}: {name}[{index}] must be a table")
    return entries


def _strings(value: object, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {field!r} must be a list of text")
    return tuple(_checked(v, f"{where}: {field}[{index}]", field) for index, v in enumerate(value))


def _criterion(entry: dict[str, Any], where: str) -> CriterionTemplate:
    key = _text(entry.get("key"), where, "key")
    where = f"{where} ({key!r})"
    name = _text(entry.get("name"), where, "name")
    weight = entry.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
        raise ValueError(f"{where}: 'weight' must be a positive number, got {weight!r}")
    if weight == float("inf"):
        raise ValueError(f"{where}: 'weight' must be finite")
    description = _text(entry.get("description"), where, "description")
    anchors = _strings(entry.get("anchors"), where, "anchors")
    if len(anchors) != ANCHOR_COUNT:
        raise ValueError(
            f"{where}: 'anchors' must have exactly {ANCHOR_COUNT} entries (scores 1..5), got {len(anchors)}"
        )
    if not all(anchors):
        raise ValueError(f"{where}: 'anchors' must not contain empty text")
    if len(set(anchors)) != ANCHOR_COUNT:
        raise ValueError(f"{where}: 'anchors' must be distinct")
    scope = _strings(entry.get("scope", []), where, "scope")
    return CriterionTemplate(key, name, weight, description, anchors, scope)


def _question(entry: dict[str, Any], where: str, criteria: set[str]) -> QuestionTemplate:
    criterion = _text(entry.get("criterion"), where, "criterion")
    if criterion not in criteria:
        raise ValueError(f"{where}: unknown criterion {criterion!r}")
    text = _text(entry.get("text"), where, "text")
    guidance = _text(entry.get("guidance"), where, "guidance")
    kinds = _strings(entry.get("kinds"), where, "kinds")
    if not kinds:
        raise ValueError(f"{where}: 'kinds' must name at least one meeting kind")
    for kind in kinds:
        if kind not in MEETING_KINDS:
            raise ValueError(f"{where}: unknown meeting kind {kind!r}; valid: {', '.join(MEETING_KINDS)}")
    if len(set(kinds)) != len(kinds):
        raise ValueError(f"{where}: 'kinds' lists a kind twice")
    return QuestionTemplate(criterion, text, guidance, kinds)


def _unique(values: list[str], label: str, what: str) -> None:
    """Refuse the same text twice, compared as names are (``name_key``: any case, NFC or NFD)."""
    seen: set[str] = set()
    for value in values:
        key = name_key(value)
        if key in seen:
            raise ValueError(f"{label}: duplicate {what} {value!r}")
        seen.add(key)


# ------------------------------------------------------------------ public


def rubric_names() -> list[str]:
    """Keys of the shipped rubrics (file stems under data/rubrics)."""
    return _names(_RUBRICS)


def checklist_names() -> list[str]:
    """Keys of the shipped due-diligence checklists."""
    return _names(_CHECKLISTS)


def scope_names() -> list[str]:
    """Keys of the shipped default scopes."""
    return _names(_SCOPES)


def load_rubric(key: str = "it-outsourcing") -> Rubric:
    """The shipped rubric `key`, validated; ValueError names the file and entry at fault."""
    data, label = _read(_RUBRICS, "rubric", key)
    name = _text(data.get("name"), label, "name")
    description = _text(data.get("description", ""), label, "description", required=False)
    criteria = tuple(
        _criterion(entry, f"{label}: criteria[{index}]")
        for index, entry in enumerate(_table_list(data, "criteria", label))
    )
    _unique([c.key for c in criteria], label, "criterion key")
    _unique([c.name for c in criteria], label, "criterion name")
    keys = {c.key for c in criteria}
    questions = tuple(
        _question(entry, f"{label}: questions[{index}]", keys)
        for index, entry in enumerate(_table_list(data, "questions", label))
    )
    _unique([q.text for q in questions], label, "question text")
    return Rubric(key, name, description, criteria, questions)


def load_checklist(key: str = "it-outsourcing") -> tuple[ChecklistItem, ...]:
    """The shipped due-diligence checklist `key`, validated."""
    data, label = _read(_CHECKLISTS, "checklist", key)
    items = []
    for index, entry in enumerate(_table_list(data, "items", label)):
        where = f"{label}: items[{index}]"
        item_key = _text(entry.get("key"), where, "key")
        where = f"{where} ({item_key!r})"
        items.append(
            ChecklistItem(
                item_key,
                _text(entry.get("name"), where, "name"),
                _text(entry.get("description", ""), where, "description", required=False),
            )
        )
    _unique([i.key for i in items], label, "item key")
    _unique([i.name for i in items], label, "item name")
    return tuple(items)


def load_scope(key: str = "it-outsourcing") -> tuple[ScopeTemplate, ...]:
    """The shipped default scope items `key`, validated."""
    data, label = _read(_SCOPES, "scope", key)
    items = []
    for index, entry in enumerate(_table_list(data, "items", label)):
        where = f"{label}: items[{index}]"
        item_key = _text(entry.get("key"), where, "key")
        where = f"{where} ({item_key!r})"
        decision = entry.get("decision", "undecided")
        if decision not in SCOPE_DECISIONS:
            raise ValueError(f"{where}: 'decision' must be one of {', '.join(SCOPE_DECISIONS)}, got {decision!r}")
        priority = entry.get("priority", 2)
        if isinstance(priority, bool) or priority not in SCOPE_PRIORITIES:
            raise ValueError(f"{where}: 'priority' must be 1, 2 or 3, got {priority!r}")
        items.append(
            ScopeTemplate(
                item_key,
                _text(entry.get("name"), where, "name"),
                _text(entry.get("description", ""), where, "description", required=False),
                decision,
                priority,
            )
        )
    _unique([i.key for i in items], label, "item key")
    _unique([i.name for i in items], label, "item name")
    return tuple(items)


def load_sample() -> dict[str, Any]:
    """The sample selection as parsed TOML (a plain dict, not validated here)."""
    folder, name = _SAMPLE
    return _parse(_folder(folder).joinpath(name), f"{_LABEL}/{folder}/{name}")


def agenda_for(rubric: Rubric, kind: str) -> tuple[QuestionTemplate, ...]:
    """The questions a meeting of `kind` asks, in the rubric's order."""
    if kind not in MEETING_KINDS:
        raise ValueError(f"unknown meeting kind {kind!r}; valid: {', '.join(MEETING_KINDS)}")
    return tuple(q for q in rubric.questions if kind in q.kinds)
