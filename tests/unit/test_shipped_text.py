"""The shipped templates' loader applies the one rule for user text: it names the file, the entry and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench import shipped
from workbench.shipped_data import data_root


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    shutil.copytree(Path(str(data_root())), root)
    monkeypatch.setattr(shipped, "data_root", lambda: root)
    return root


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('name = "Scope fit"', 'name = "Scope\\u001b[31m fit"', "criteria[0] ('scope-fit'): 'name' contains a control"),
        (
            'name = "Scope fit"',
            'name = "Scope\\u202e fit"',
            "criteria[0] ('scope-fit'): 'name' contains a bidirectional",
        ),
        ('name = "Scope fit"', 'name = "Scope\\nfit"', "criteria[0] ('scope-fit'): 'name' contains a line break"),
        ('name = "Scope fit"', 'name = "Technical Depth"', "duplicate criterion name 'Technical depth'"),
        ('name = "Scope fit"', 'name = "\\u3164"', "criteria[0] ('scope-fit'): 'name' must not be empty"),
    ],
)
def test_a_bad_rubric_text_is_refused_naming_file_entry_and_field(
    fake_data: Path, old: str, new: str, words: str
) -> None:
    _rewrite(fake_data / "rubrics" / "it-outsourcing.toml", old, new)
    with pytest.raises(ValueError) as info:
        shipped.load_rubric()
    assert "data/rubrics/it-outsourcing.toml" in str(info.value)
    assert words in str(info.value)


def test_descriptions_keep_their_lines_and_names_are_nfc(fake_data: Path) -> None:
    path = fake_data / "checklists" / "it-outsourcing.toml"
    _rewrite(path, 'name = "References called"', 'name = "  Re\\u0301fe\\u0301rences called "')
    items = shipped.load_checklist()
    assert items[0].name == "R\u00e9f\u00e9rences called"
    _rewrite(
        fake_data / "rubrics" / "it-outsourcing.toml", 'description = """\\\n', 'description = """one\r\n\ttwo\r\n'
    )
    assert shipped.load_rubric().description.startswith("one\n\ttwo\n")  # a description keeps its lines
    _rewrite(path, 'description = "At least', 'description = "one\\r\\ntwo\\u001b At least')
    with pytest.raises(ValueError, match=r"items\[0\].*'description' contains a control character \(U\+001B\)"):
        shipped.load_checklist()
