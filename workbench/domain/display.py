"""Text from users made safe to show on a terminal: nothing in it can act as a control sequence.

Every string shown by the command line or the app that may hold user text passes through one of
the two functions here, whatever the input rules of the day (data may predate them, or be written
straight into the database). They map each code point to exactly one code point, so that the
offsets of styles laid over a text stay valid (``str.translate`` on a fixed table, no regex):

- C0 controls and DEL become their visible Unicode control pictures (ESC shows as ``␛``, BEL as
  ``␇``, NUL as ``␀``, DEL as ``␡``): the text is no longer a sequence, and one can still see what
  was stored.
- C1 controls (U+0080 to U+009F), bidi controls (LRM, RLM, ALM, U+202A to U+202E, U+2066 to
  U+2069) and lone surrogates become U+FFFD, the replacement character ``�``.
- Line breaks (LF, CR, VT, FF, the separators U+001C to U+001E, NEL, U+2028, U+2029): in one-line
  text each shows as ``⏎``; in several-line text they stay a line break ("\\n") and CR, VT and FF
  show as ``␍``, ``␋`` and ``␌`` (one code point each, so CR LF shows as ``␍`` at a line's end).
- A tab is a space in one-line text and stays a tab in several-line text.

Rich markup is not a matter of characters: these strings must still be shown as plain text
(``rich.text.Text``, ``markup=False``), never handed to a markup parser.
"""

from __future__ import annotations

from typing import Final

LINE_MARK: Final = "\u23ce"  # ⏎
REPLACEMENT: Final = "\ufffd"  # �

BIDI_CONTROLS: Final = frozenset(
    {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
)  # ALM, LRM, RLM, LRE RLE PDF LRO RLO, LRI RLI FSI PDI
LINE_BREAKS: Final = frozenset({0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029})


def _picture(code: int) -> str:
    """The control picture of a C0 control or DEL (U+2400 to U+241F, U+2421)."""
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def _base_table() -> dict[int, str]:
    table: dict[int, str] = {code: _picture(code) for code in (*range(0x20), 0x7F)}
    table.update(dict.fromkeys(range(0x80, 0xA0), REPLACEMENT))
    table.update(dict.fromkeys(BIDI_CONTROLS, REPLACEMENT))
    table.update(dict.fromkeys(range(0xD800, 0xE000), REPLACEMENT))  # lone surrogates (from surrogateescape)
    return table


_ONE_LINE: Final = {**_base_table(), **dict.fromkeys(LINE_BREAKS, LINE_MARK), 0x09: " "}
_SEVERAL_LINES: Final = {
    **_base_table(),
    **dict.fromkeys(LINE_BREAKS - {0x0B, 0x0C, 0x0D}, "\n"),
    0x09: "\t",
}


def one_line(value: object) -> str:
    """``value`` as text fit for one line of a terminal (a cell, a message, a title): see the module."""
    return ("" if value is None else str(value)).translate(_ONE_LINE)


def several_lines(value: object) -> str:
    """``value`` as text fit for a terminal, its line breaks kept as "\\n" (notes, tracebacks): see the module."""
    return ("" if value is None else str(value)).translate(_SEVERAL_LINES)


def is_displayable(text: str) -> bool:
    """True when ``text`` would be shown unchanged on one line."""
    return text.translate(_ONE_LINE) == text


def document(text: str) -> str:
    """A whole text file (Markdown, CSV, a calendar) fit for a terminal: CR LF and LF line ends kept, see the module."""
    return "\r\n".join(several_lines(part) for part in text.split("\r\n"))
