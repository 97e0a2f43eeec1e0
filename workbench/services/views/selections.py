"""Frozen values of selections, panel members and the database check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SelectionView:
    id: int
    name: str
    description: str
    timezone: str
    business_hours: str
    business_days: tuple[int, ...]
    date_order: str
    rubric: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MemberView:
    id: int
    selection_id: int
    name: str
    role: str
    email: str = ""
    retired: bool = False  # kept in history (past meetings, scores), gone from new meetings and the picker


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    ok: bool
    integrity: str
    foreign_key_problems: int
    schema_version: str | None
    head_version: str
    dialect: str
