"""The one rule for showing user text on a terminal (workbench.domain.display)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.display import document, one_line, several_lines


def test_plain_text_is_unchanged() -> None:
    for text in ("Helen Marsh", "Zoë Ñandú", "[b]not markup here[/b]", "名前 🙂 e\u0301", "a\u200db"):
        assert one_line(text) == text and several_lines(text) == text


def test_controls_show_as_pictures_and_replacement_marks() -> None:
    assert one_line("\x1b]52;c;eA==\x07") == "␛]52;c;eA==␇"
    assert one_line("\x00\x08\x7f") == "␀␈␡"
    assert one_line("a\x9b31mb\x80\x9f") == "a�31mb��"
    assert one_line("\u202eevil\u2066x\u200e\u061c") == "�evil�x��"
    assert one_line("\udcff") == "�"  # a lone surrogate (from surrogateescape) would not even encode


def test_line_breaks_are_a_visible_mark_on_one_line_and_kept_on_several() -> None:
    assert one_line("a\nb\r\nc\u2028d\x85e\tf") == "a⏎b⏎⏎c⏎d⏎e f"
    assert several_lines("a\nb\r\nc\u2028d\x85e\tf\x1b") == "a\nb␍\nc\nd\ne\tf␛"
    assert document("x,\x1b\r\ny\n") == "x,␛\r\ny\n"  # a file's own CR LF kept


def test_none_is_empty() -> None:
    assert one_line(None) == "" and several_lines(None) == ""


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_nothing_a_terminal_acts_on_remains(text: str) -> None:
    shown = one_line(text)
    assert len(shown) == len(text)  # one code point for one: styles laid over the text keep their offsets
    for ch in shown:
        assert unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp"), repr(ch)
        assert unicodedata.bidirectional(ch) not in ("LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI")
        assert ch not in "\u200e\u200f\u061c"
    lines = several_lines(text)
    assert len(lines) == len(text)
    assert all(unicodedata.category(ch) != "Cc" or ch in "\n\t" for ch in lines)
