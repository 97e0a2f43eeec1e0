"""The vendor's attendees of a meeting: name, role and e-mail, as typed and as stored.

A person is typed as ``NAME[; ROLE[; E-MAIL]]`` (``"Ana Lima; CTO; ana@example.com"``; the role
may be left empty: ``"Ana Lima;; ana@example.com"``). They are stored one a line in the meeting's
``their_attendees`` column, the three parts joined by a tab: a tab is a control character, which
the one text rule refuses in every single-line field, so no part can hold it. A line without a tab
(stored before roles and e-mails) is a name alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SEPARATOR = ";"
_STORED = "\t"
# One @, something before it, a domain with a dot after it, and no white space or angle brackets:
# enough to catch a typo or a name in the wrong place, without refusing real addresses.
EMAIL_RE = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:.]+$")


@dataclass(frozen=True, slots=True)
class Attendee:
    """One of the vendor's people at a meeting."""

    name: str
    role: str = ""
    email: str = ""

    @property
    def label(self) -> str:
        """``Ana Lima (CTO, ana@example.com)``: the name, then what else is known."""
        extra = ", ".join(part for part in (self.role, self.email) if part)
        return f"{self.name} ({extra})" if extra else self.name


def split_typed(text: str) -> tuple[str, str, str]:
    """``NAME[; ROLE[; E-MAIL]]`` -> (name, role, e-mail), each stripped; ValueError for a fourth part."""
    parts = [part.strip() for part in text.split(SEPARATOR)]
    if len(parts) > 3:
        raise ValueError("give NAME; ROLE; E-MAIL (at most two ';')")
    parts += [""] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def check_email(text: str) -> str:
    """An e-mail address as typed (or empty); ValueError when it does not look like one."""
    if text and not EMAIL_RE.match(text):
        raise ValueError(f"{text!r} is not an e-mail address (name@example.com)")
    return text


def encode(people: Iterable[Attendee]) -> str:
    """The stored form: one person a line, name, role and e-mail joined by a tab (trailing empties dropped)."""
    lines = []
    for person in people:
        lines.append(_STORED.join((person.name, person.role, person.email)).rstrip(_STORED))
    return "\n".join(lines)


def decode(stored: str) -> tuple[Attendee, ...]:
    """The people of a stored ``their_attendees`` value (a line without a tab is a name alone)."""
    out = []
    for line in stored.split("\n"):
        if not line:
            continue
        parts = line.split(_STORED)
        parts += [""] * (3 - len(parts))
        out.append(Attendee(parts[0], parts[1], parts[2]))
    return tuple(out)
