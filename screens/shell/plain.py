"""User text on screen: always plain (never markup), never a control sequence (see workbench.domain.display).

The screens build what they show from these helpers: ``plain`` for a one-line Text, ``plain_lines`` for
text that keeps its line breaks, ``cleaned`` for a Text built elsewhere (its styles kept: the mapping is
one code point for one). A message that needs a style is assembled from Texts, never written as markup.

``ControlFilter`` is the last line of defence, a line filter the app adds to Textual's own: whatever
text reaches a widget's lines (a value typed back into an Input, a file name in a folder tree, a
place a screen forgot), a control character is drawn as its visible picture, never written to the
terminal, and no link is drawn (a link is an escape sequence of its own).
"""

from __future__ import annotations

import re
from typing import Final

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from workbench.domain.display import one_line, several_lines

# Everything one_line changes: C0 (tab included), DEL, C1, bidi controls, the separators, lone surrogates.
_UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def plain(value: object, style: str | Style = "") -> Text:
    """``value`` as one line of plain text (no markup, no control characters)."""
    return Text(one_line(value), style=style, end="")


def plain_lines(value: object, style: str | Style = "") -> Text:
    """``value`` as plain text that keeps its line breaks."""
    return Text(several_lines(value), style=style, end="")


def cleaned(text: Text, *, lines: bool = False) -> Text:
    """A Text with its control characters shown (styles and spans kept); the same Text when it holds none."""
    if not _UNSAFE.search(text.plain):
        return text
    copy = text.copy()
    copy.plain = several_lines(text.plain) if lines else one_line(text.plain)
    return copy


class ControlFilter(LineFilter):
    """Draws control characters in a widget's lines as visible pictures and drops links (see the module)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any((_UNSAFE.search(text) or (style is not None and style.link)) for text, style, control in segments):
            return segments
        length = Segment.get_line_length(segments)
        out = [
            segment
            if segment.control
            else Segment(
                one_line(segment.text),
                segment.style.update_link(None) if segment.style is not None and segment.style.link else segment.style,
            )
            for segment in segments
        ]
        return Segment.adjust_line_length(out, length)
