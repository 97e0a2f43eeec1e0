"""The one rule for user text (workbench.domain.text): what single- and multi-line fields keep and refuse."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.text import (
    TextRefused,
    find_by_name,
    is_blank,
    multi_line,
    name_key,
    single_line,
)

# Every kind of character the rule refuses in a single-line field, with the words its message uses.
REFUSED_ON_ONE_LINE = [
    ("\x00", "control character"),
    ("\x07", "control character"),
    ("\x1b", "control character"),
    ("\x7f", "control character"),
    ("\x80", "control character"),
    ("\x9b", "control character"),  # C1 CSI: a whole escape sequence in one character
    ("\x9d", "control character"),  # C1 OSC
    ("\t", "tab"),
    ("\n", "line break"),
    ("\r", "line break"),
    ("\v", "line break"),
    ("\f", "line break"),
    ("\x1c", "line break"),
    ("\x85", "line break"),
    ("\u2028", "line break"),
    ("\u2029", "line break"),
    ("\u202a", "bidirectional control"),
    ("\u202b", "bidirectional control"),
    ("\u202c", "bidirectional control"),
    ("\u202d", "bidirectional control"),
    ("\u202e", "bidirectional control"),
    ("\u2066", "bidirectional control"),
    ("\u2067", "bidirectional control"),
    ("\u2068", "bidirectional control"),
    ("\u2069", "bidirectional control"),
    ("\u200e", "bidirectional control"),
    ("\u200f", "bidirectional control"),
    ("\u061c", "bidirectional control"),
    ("\u200b", "invisible format character"),
    ("\u2060", "invisible format character"),
    ("\u2063", "invisible format character"),
    ("\ufeff", "invisible format character"),
    ("\u00ad", "invisible format character"),
    ("\U000e0041", "invisible format character"),  # a tag character: hidden ASCII
    ("\ufff9", "invisible format character"),
    ("\u206a", "invisible format character"),
    ("\ud800", "broken character"),
    ("\udcff", "broken character"),
    ("\ufffe", "noncharacter"),
    ("\uffff", "noncharacter"),
    ("\ufdd0", "noncharacter"),
    ("\U0010ffff", "noncharacter"),
]


@pytest.mark.parametrize(("ch", "words"), REFUSED_ON_ONE_LINE)
def test_a_single_line_field_refuses_it_naming_the_character_and_where(ch: str, words: str) -> None:
    with pytest.raises(TextRefused) as info:
        single_line(f"Ac{ch}me")
    message = str(info.value)
    assert words in message
    assert f"U+{ord(ch):04X}" in message
    assert "at character 3" in message
    assert ch not in message  # the message never carries the character itself


@pytest.mark.parametrize(("ch", "words"), REFUSED_ON_ONE_LINE)
def test_it_is_refused_at_either_end_too_not_stripped_away(ch: str, words: str) -> None:
    for text in (f"{ch}Acme", f"Acme{ch}"):
        with pytest.raises(TextRefused, match=words):
            single_line(text)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("  Acme Ltd  ", "Acme Ltd"),
        ("Cafe\u0301", "Café"),  # NFD in, NFC stored
        ("[bold red]x[/]", "[bold red]x[/]"),  # markup-looking text is plain text
        ("[/x] Closer", "[/x] Closer"),
        ("[link=file:///etc/passwd]x[/link]", "[link=file:///etc/passwd]x[/link]"),
        ("<b>x</b> &amp; =1+1", "<b>x</b> &amp; =1+1"),
        ("Zürich Ωmega 東京 محمد", "Zürich Ωmega 東京 محمد"),
        ("a\u00a0b\u3000c", "a\u00a0b\u3000c"),  # other spaces inside the text are kept
        ("\u00a0Acme\u3000", "Acme"),  # and stripped around it
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # a joiner between two visible characters
        ("❤\ufe0f\u200d🔥", "❤\ufe0f\u200d🔥"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian needs the non-joiner
        ("\ue000 icon", "\ue000 icon"),  # private use
    ],
)
def test_a_single_line_field_keeps_plain_text_normalised_and_stripped(text: str, stored: str) -> None:
    assert single_line(text) == stored


@pytest.mark.parametrize("text", ["\u200dAcme", "Acme\u200c", "Ac\u200d\u200dme", "Ac \u200dme"])
def test_a_joiner_that_joins_nothing_is_refused(text: str) -> None:
    with pytest.raises(TextRefused, match="joiner"):
        single_line(text)


def test_a_multi_line_field_keeps_line_breaks_tabs_and_bidi_marks_and_unifies_the_breaks() -> None:
    assert multi_line("one\r\ntwo\rthree\x85four\u2028five\u2029six") == "one\ntwo\nthree\nfour\nfive\nsix"
    assert multi_line("  a\n\tb \n") == "a\n\tb"
    assert multi_line("\u05e9\u05dc\u05d5\u05dd\u200f (2)") == "\u05e9\u05dc\u05d5\u05dd\u200f (2)"
    assert multi_line("Cafe\u0301\n[b]x[/b]") == "Café\n[b]x[/b]"


@pytest.mark.parametrize(
    "ch", ["\x00", "\x1b", "\x7f", "\x9b", "\v", "\f", "\x1c", "\u202e", "\u2066", "\u200b", "\ufeff", "\udc80"]
)
def test_a_multi_line_field_refuses_the_rest(ch: str) -> None:
    with pytest.raises(TextRefused, match=f"U\\+{ord(ch):04X}"):
        multi_line(f"line one\nline {ch}two")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Café", "Cafe\u0301"),
        ("ACME", "acme"),
        ("Straße", "STRASSE"),
        ("Ａｃｍｅ", "Acme"),
        ("Acme  Ltd", "Acme Ltd"),
        ("Acme\u00a0Ltd", "Acme Ltd"),
        ("Ac\u200dme", "Acme"),
        ("Acme\ufe0f", "Acme"),
        ("ǅ", "dž"),
    ],
)
def test_the_same_name_in_another_form_has_the_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Acme", "Acne"), ("Café", "Cafe"), ("Acme Ltd", "AcmeLtd"), ("1", "l")])
def test_different_names_have_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("text", ["", "   ", "\u3164", "\u115f\u1160", "\u00a0\u3000", "\ufe0f"])
def test_text_that_shows_nothing_is_blank(text: str) -> None:
    assert is_blank(text)
    assert not is_blank("a")


def test_a_name_is_found_exactly_first_then_as_the_same_name() -> None:
    rows = [(1, "acme"), (2, "Acme"), (3, "Café")]
    assert find_by_name(rows, "Acme", lambda r: r[1]) == (2, "Acme")
    assert find_by_name(rows, "ACME", lambda r: r[1]) == (1, "acme")  # the first of the same name
    assert find_by_name(rows, " Cafe\u0301 ", lambda r: r[1]) == (3, "Café")
    assert find_by_name(rows, "Bolt", lambda r: r[1]) is None


# ------------------------------------------------------------------ fuzz

_HOSTILE = st.sampled_from(
    [
        "\x1b]52;c;Y3VybA==\x07",
        "\x1b[31m",
        "\x9b31m",
        "\u202e",
        "\u2066",
        "\u200f",
        "\n",
        "\r\n",
        "\t",
        "\u2028",
        "\x85",
        "\x00",
        "\ud83d",
        "[/x]",
        "[bold red]x[/]",
        "[link=file:///etc/passwd]x[/link]",
        "\u0301",
        "\u200d",
        "\ufeff",
        " ",
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=8), _HOSTILE), max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fuzz_single_line_either_refuses_or_gives_clean_stable_text(value: str) -> None:
    try:
        text = single_line(value)
    except TextRefused as exc:
        assert "\n" not in str(exc) and str(exc).isprintable()
        return
    assert text == unicodedata.normalize("NFC", text) == text.strip()
    assert single_line(text) == text  # stored text passes the rule again unchanged
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        assert category not in ("Cc", "Cs", "Zl", "Zp"), (index, ch)
        assert category != "Cf" or ch in "\u200c\u200d", (index, ch)
    assert name_key(name_key(text)) == name_key(text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fuzz_multi_line_either_refuses_or_keeps_only_text_newlines_and_tabs(value: str) -> None:
    try:
        text = multi_line(value)
    except TextRefused:
        return
    assert multi_line(text) == text
    for ch in text:
        category = unicodedata.category(ch)
        assert ch in "\n\t" or category not in ("Cc", "Cs", "Zl", "Zp"), repr(ch)
        assert category != "Cf" or ch in "\u200c\u200d\u200e\u200f\u061c", repr(ch)
