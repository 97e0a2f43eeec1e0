"""The one rule for text that comes from people and files: what is kept, what is refused, what is the same name.

Every field falls in one of two kinds.

**Single-line fields** (names, roles, locations, attendees, question texts, anchors, websites, ...):

- normalised to NFC, then white space around the text is stripped;
- refused, naming the character and where it is, when they hold

  - a control character: C0 (U+0000-U+001F, the tab and every line break among them), DEL (U+007F),
    C1 (U+0080-U+009F, NEL U+0085 among them);
  - a line or paragraph separator (U+2028, U+2029);
  - a bidirectional control: the embeddings and overrides (U+202A-U+202E), the isolates (U+2066-U+2069)
    and the marks too (U+200E, U+200F, U+061C): a name needs none, and a mark, invisible, can reorder
    the digits and punctuation around it;
  - any other format character (Unicode category Cf), which is invisible: the zero-width space, the
    word joiner and invisible operators, the byte-order mark, the soft hyphen, tag characters (which can
    smuggle hidden text), interlinear annotations, the Arabic number signs, ... The zero-width joiner and
    non-joiner (U+200D, U+200C) are the exception when they stand between two visible characters: emoji
    sequences, Persian and the Indic scripts need them;
  - a surrogate (a broken character, e.g. a command-line argument that was not valid UTF-8);
  - a noncharacter (U+FDD0-U+FDEF and the last two code points of every plane).

**Multi-line fields** (notes, guidance, comments, descriptions, evidence, experience): ``\\r\\n``, a lone
``\\r``, NEL, U+2028 and U+2029 become ``\\n``; line breaks and tabs are kept, so are the three bidi marks
(mixed-direction prose needs them); everything else refused above is refused here too (the vertical tab
and the form feed included). White space around the whole text is stripped.

Accepted on purpose: letters of every script, combining marks, symbols and emoji, private-use characters,
characters this Python's Unicode version does not know yet (newer emoji), spaces other than U+0020 inside
the text, and text that looks like markup (``[bold]``, ``<b>``): it is plain text, and every output shows
it as written.

**The same name**: ``name_key`` is what uniqueness and look-ups compare. It is the compatibility
normalisation (NFKC) of the case-folded text, without the default-ignorable characters (invisible ones:
joiners, variation selectors, Hangul fillers, ...), with runs of white space as one space. So "Café" in
NFC or NFD, "ACME" and "acme", "Ａｃｍｅ" (full width) and "Acme", "Acme  Ltd" and "Acme Ltd" are one name.

Text stored before this rule is never refused on reading; only what comes in is checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines() breaks at
_MULTI_LINE_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")  # become "\n" in a multi-line field
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner, joiner

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt): drawn as nothing.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


class TextRefused(ValueError):
    """Text that breaks the rule; the message says which character and where, never the text itself."""


def is_ignorable(ch: str) -> bool:
    """Whether a character is default-ignorable: shown as nothing at all."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _label(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


def _visible(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp")


def _refusal(text: str, index: int, *, multiline: bool) -> str | None:
    """Why the character at ``index`` may not be in a field of this kind, or None when it may."""
    ch = text[index]
    code = ord(ch)
    category = unicodedata.category(ch)
    where = f"({_label(ch)}) at character {index + 1}"
    if multiline and ch in "\n\t":
        return None
    if ch in LINE_BREAKS:
        return f"contains a line break {where}; it must be on one line"
    if ch == "\t":
        return f"contains a tab {where}; it must be plain text on one line"
    if category == "Cc":
        return f"contains a control character {where}; only plain text is allowed"
    if ch in BIDI_CONTROLS or (ch in BIDI_MARKS and not multiline):
        return f"contains a bidirectional control {where}, which can disguise text; it is not allowed"
    if ch in BIDI_MARKS:
        return None
    if ch in JOINERS:
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        if before and after and _visible(before) and _visible(after):
            return None
        return f"contains an invisible joiner {where} that joins nothing; it is allowed only inside a word"
    if category == "Cf":
        return f"contains an invisible format character {where}; it is not allowed"
    if category == "Cs":
        return f"contains a broken character {where}, not valid Unicode (was the text UTF-8?)"
    if _is_noncharacter(code):
        return f"contains a noncharacter {where}; it is not allowed"
    return None


def problem(text: str, *, multiline: bool = False) -> str | None:
    """What is wrong with (NFC, line-break-normalised) text for a field of this kind, or None when it is fit."""
    for index, ch in enumerate(text):
        if ch.isprintable():
            continue  # the usual case (every character refused is unprintable: Cc, Cf, Cs, Cn, Zl, Zp)
        found = _refusal(text, index, multiline=multiline)
        if found is not None:
            return found
    return None


def _nfc(value: str) -> str:
    try:
        return unicodedata.normalize("NFC", value)
    except UnicodeError:  # pragma: no cover - normalize accepts every str, surrogates included
        return value


def single_line(value: str) -> str:
    """A single-line field's text: NFC, stripped; TextRefused when it holds what the rule refuses."""
    text = _nfc(value)
    found = problem(text)
    if found is not None:
        raise TextRefused(found)
    return text.strip()


def multi_line(value: str) -> str:
    """A multi-line field's text: NFC, every line break as ``\\n``, stripped; TextRefused as the rule says."""
    text = _nfc(value)
    for brk in _MULTI_LINE_BREAKS:
        text = text.replace(brk, "\n")
    found = problem(text, multiline=True)
    if found is not None:
        raise TextRefused(found)
    return text.strip()


def name_key(value: str) -> str:
    """The form names are compared in: NFKC of the case-folded text, invisible characters left out,
    white space runs as one space (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    text = "".join(ch for ch in text if not is_ignorable(ch))
    return " ".join(text.split())


def is_blank(value: str) -> bool:
    """Whether text shows nothing: empty, white space and invisible characters only."""
    return not name_key(value)


def find_by_name(items: Iterable[T], typed: str, name_of: Callable[[T], str]) -> T | None:
    """The item a person named: the one whose name is exactly ``typed`` (after NFC), else the first
    whose ``name_key`` is the same; None when none is. Items keep their order (e.g. by id)."""
    wanted = _nfc(typed).strip()
    key = name_key(wanted)
    same: T | None = None
    for item in items:
        name = name_of(item)
        if name == wanted:
            return item
        if same is None and name_key(name) == key:
            same = item
    return same
