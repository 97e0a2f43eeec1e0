"""The one rule for user text through the services (SQLite and PostgreSQL): names stored NFC and stripped,
found and compared in any form, hostile characters refused naming the field, multi-line fields keeping lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from workbench.services.errors import Conflict, ImportRejected, UserError

NFD = "Cafe\u0301"  # "Café" decomposed: e + combining acute
NFC = "Caf\u00e9"


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.candidates.add("Acme IT")
    return services


def _meeting(svc: Any) -> Any:
    return svc.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(2031, 5, 6, 9),
        timezone="UTC",
        members=["Ana Ortiz"],
    )


def test_names_are_stored_nfc_and_stripped_and_found_in_any_form(services) -> None:
    sel = services.selections.create(f"  {NFD} project ")
    assert sel.name == f"{NFC} project"
    assert services.selections.get(f"{NFD} PROJECT").id == sel.id
    member = services.members.add(f" {NFD} Ortiz\u3000", role=f"{NFD} lead")
    assert (member.name, member.role) == (f"{NFC} Ortiz", f"{NFC} lead")
    assert [m.name for m in services.members.list()] == [f"{NFC} Ortiz"]
    assert services.members.get(f"{NFD} ortiz").id == member.id
    cand = services.candidates.add(f"{NFD} IT", website="https://cafe.example")
    assert cand.name == f"{NFC} IT"
    assert services.candidates.get(f"{NFD} IT").id == cand.id  # NFD typed finds NFC stored
    assert services.candidates.get("ＣＡＦÉ ｉｔ").id == cand.id  # full width, any case
    crit = services.selections.add_criterion(f"{NFD} fit", weight=1.0)
    assert crit.name == f"{NFC} fit"
    question = services.selections.add_question(f"{NFD} FIT", f"  {NFD}?  ", kinds=("introduction",))
    assert (question.criterion, question.text) == (f"{NFC} fit", f"{NFC}?")
    meeting = services.meetings.add(
        candidate=f"{NFD} it",
        kind="introduction",
        start_local=datetime(2031, 5, 6, 9),
        timezone="UTC",
        members=[f"{NFD} ORTIZ"],
        location=f" {NFD} room ",
        their_attendees=[f" {NFD} Vendor ", "  "],
    )
    assert (meeting.candidate, meeting.members) == (f"{NFC} IT", (f"{NFC} Ortiz",))
    assert (meeting.location, meeting.their_attendees) == (f"{NFC} room", (f"{NFC} Vendor",))


def test_the_same_name_in_another_form_is_refused_as_taken(svc) -> None:
    svc.members.add(NFC)
    svc.candidates.add(NFC)
    svc.selections.add_criterion(NFC, weight=1.0)
    svc.selections.create(NFC)
    for form in (NFD, NFC.upper(), f"{NFD.upper()}\u00a0", "ＣＡＦÉ"):
        for add, what in (
            (lambda name: svc.members.add(name, selection="S"), "name"),
            (lambda name: svc.candidates.add(name, selection="S"), "name"),
            (lambda name: svc.selections.add_criterion(name, weight=1.0, selection="S"), "name"),
            (lambda name: svc.selections.create(name), "name"),
        ):
            with pytest.raises(Conflict) as info:
                add(form)
            assert info.value.field == what
            assert repr(NFC) in str(info.value)  # names the one stored
    assert [m.name for m in svc.members.list("S")] == ["Ana Ortiz", NFC]
    assert sorted(c.name for c in svc.candidates.list(selection="S")) == ["Acme IT", NFC]
    assert sorted(s.name for s in svc.selections.list()) == [NFC, "S"]
    with pytest.raises(Conflict):  # renaming onto another candidate's name in another form
        svc.candidates.update("Acme IT", name=NFD.upper(), selection="S")
    assert svc.candidates.update(NFC, name=NFD.upper(), selection="S").name == "CAFÉ"  # itself, in another case


HOSTILE = ["\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07", "\x1b[31m", "\x9b2J", "\u202e", "\u2066", "\u200f", "\n", "\r"]


def _single_line_inputs(svc: Any, meeting: Any) -> list[tuple[str, Callable[[str], Any]]]:
    """(the field the error must name, a call storing ``text`` in that single-line field)."""
    return [
        ("name", lambda t: svc.selections.create(f"Sel{t}x")),
        ("name", lambda t: svc.members.add(f"Bo{t}b")),
        ("role", lambda t: svc.members.add("Bob", role=f"r{t}x")),
        ("name", lambda t: svc.candidates.add(f"Bo{t}lt")),
        ("website", lambda t: svc.candidates.add("Bolt", website=f"https://b.example/{t}")),
        ("name", lambda t: svc.candidates.update("Acme IT", name=f"Ac{t}me")),
        ("name", lambda t: svc.selections.add_criterion(f"Fit{t}x", weight=1.0)),
        ("anchors", lambda t: svc.selections.add_criterion("Fit", anchors=("a", f"b{t}c", "c", "d", "e"))),
        ("text", lambda t: svc.selections.add_question("Scope fit", f"Why{t}?")),
        ("--location", lambda t: svc.meetings.add(**_at(location=f"room{t}1"))),
        ("their_attendees", lambda t: svc.meetings.add(**_at(their_attendees=[f"Zoe{t}x"]))),
        ("--owner", lambda t: svc.notes.add(meeting.id, member="Ana Ortiz", kind="action", text="x", owner=f"o{t}x")),
        ("recommender", lambda t: svc.candidates.add_recommendation("Acme IT", recommender=f"R{t}x")),
        ("company", lambda t: svc.candidates.add_recommendation("Acme IT", recommender="R", company=f"C{t}x")),
        ("name", lambda t: svc.candidates.add_person("Acme IT", name=f"P{t}x")),
        ("role", lambda t: svc.candidates.add_person("Acme IT", name="P", role=f"r{t}x")),
    ]


def _multi_line_inputs(svc: Any, meeting: Any, question: int) -> list[tuple[str, Callable[[str], Any]]]:
    """(the field the error must name, a call storing ``text`` in that multi-line field)."""
    return [
        ("notes", lambda t: svc.candidates.update("Acme IT", notes=f"n{t}x")),
        ("description", lambda t: svc.selections.create("New", description=f"d{t}x")),
        ("--text", lambda t: svc.notes.add(meeting.id, member="Ana Ortiz", kind="note", text=f"n{t}x")),
        ("guidance", lambda t: svc.selections.add_question("Scope fit", "Why?", guidance=f"g{t}x")),
        ("experience", lambda t: svc.candidates.add_recommendation("Acme IT", recommender="R", experience=f"e{t}x")),
        ("notes", lambda t: svc.candidates.add_person("Acme IT", name="P", notes=f"n{t}x")),
        ("evidence", lambda t: svc.candidates.set_check("Acme IT", "references-called", evidence=f"e{t}x")),
        ("notes", lambda t: svc.scope.update_item(svc.selections.scope()[0].id, notes=f"n{t}x")),
        ("--comment", lambda t: svc.scoring.score(meeting.id, question, 4, member="Ana Ortiz", comment=f"c{t}x")),
    ]


def _at(**extra: Any) -> dict[str, Any]:
    when = datetime(2031, 6, 1, 9)
    return {"candidate": "Acme IT", "kind": "introduction", "start_local": when, "timezone": "UTC", **extra}


def _counts(svc: Any) -> tuple[Any, ...]:
    return (
        svc.selections.list(),
        svc.members.list("S"),
        svc.candidates.list(selection="S"),
        svc.selections.criteria("S"),
        svc.selections.questions("S"),
        svc.meetings.list(selection="S"),
    )


def test_control_bidi_and_line_break_characters_are_refused_naming_the_field(svc) -> None:
    meeting = _meeting(svc)
    before = _counts(svc)
    for text in HOSTILE:
        for field, store in _single_line_inputs(svc, meeting):
            with pytest.raises(UserError) as info:
                store(text)
            assert info.value.field == field, (field, repr(text), str(info.value))
            assert f"U+{ord(text[0]):04X}" in str(info.value)
            assert text not in str(info.value)
    assert _counts(svc) == before


def test_multi_line_fields_keep_lines_and_tabs_and_refuse_the_rest(svc) -> None:
    meeting = _meeting(svc)
    question = meeting.agenda[0].question_id
    for text in ("\x1b]0;pwned\x07", "\x9b2J", "\u202e", "\u2066", "\x00", "\v", "\ufeff"):
        for field, store in _multi_line_inputs(svc, meeting, question):
            with pytest.raises(UserError) as info:
                store(text)
            assert info.value.field == field, (field, repr(text), str(info.value))
    kept = " \r\n first\r\n\tsecond\rthird\u2028[b]x[/b] \n"
    want = "first\n\tsecond\nthird\n[b]x[/b]"
    assert svc.candidates.update("Acme IT", notes=kept).notes == want
    assert svc.notes.add(meeting.id, member="Ana Ortiz", kind="note", text=kept).text == want
    assert svc.selections.add_question("Scope fit", "Why?", guidance=kept).guidance == want
    assert svc.candidates.add_recommendation("Acme IT", recommender="R", experience=kept).experience == want
    assert svc.candidates.add_person("Acme IT", name="P", notes=kept).notes == want
    assert svc.candidates.set_check("Acme IT", "references-called", evidence=kept).evidence == want
    assert svc.scope.update_item(svc.selections.scope()[0].id, notes=kept)[1].notes == want
    assert svc.scoring.score(meeting.id, question, 4, member="Ana Ortiz", comment=kept).comment == want
    assert [s.comment for s in svc.scoring.scorecard(meeting.id, member="Ana Ortiz").scores] == [want]


def test_a_name_that_shows_nothing_is_refused_as_empty(svc) -> None:
    for blank in ("", "   ", "\u3164", "\u00a0\u3000"):
        with pytest.raises(UserError, match="must not be empty") as info:
            svc.members.add(blank)
        assert info.value.field == "name"
        with pytest.raises(UserError, match="must not be empty"):
            svc.candidates.add(blank)
    assert [m.name for m in svc.members.list()] == ["Ana Ortiz"]


def test_markup_looking_names_are_plain_text_and_stored_as_typed(svc) -> None:
    names = ["[/x] Closer", "[bold red]Red[/]", "[link=file:///etc/passwd]x[/link]", "<script>", "=1+1"]
    for name in names:
        assert svc.members.add(name).name == name
        assert svc.candidates.add(name).name == name
    assert {m.name for m in svc.members.list()} == {"Ana Ortiz", *names}
    assert svc.members.get("[BOLD RED]red[/]").name == "[bold red]Red[/]"


def test_names_stored_before_the_rule_stay_readable(svc) -> None:
    from workbench.store.models import PanelMember

    legacy = "Old\x1b[31m\u202eName\n"
    with svc.db.session(write=True) as session:
        session.add(PanelMember(selection_id=svc.selections.get().id, name=legacy))
    assert [m.name for m in svc.members.list()] == ["Ana Ortiz", legacy]
    assert svc.members.get(legacy).name == legacy  # found by its exact stored text


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_import_nfc_and_nfd_are_one_candidate_in_the_file_and_against_the_database(svc, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as info:
        svc.candidates.import_csv(_csv(tmp_path, f"name\n{NFC} IT\nBolt\n{NFD} it\n"))
    assert [line for line, _ in info.value.problems] == [4]
    assert "in the file twice, on line 2 and line 4" in info.value.problems[0][1]
    svc.candidates.add(f"{NFC} Ltd")
    with pytest.raises(ImportRejected) as info:
        svc.candidates.import_csv(_csv(tmp_path, f"name\nBolt\n{NFD} LTD\n"))
    assert info.value.problems == [
        (
            3,
            f"name: a candidate named {NFC + ' LTD'!r} exists already in this selection "
            "(import with --update to update it)",
        )
    ]
    assert sorted(c.name for c in svc.candidates.list()) == ["Acme IT", f"{NFC} Ltd"]
    result = svc.candidates.import_csv(_csv(tmp_path, f"name,notes\n{NFD} LTD,changed\n"), update=True)
    assert (result.created, result.updated) == (0, 1)
    assert [(c.name, c.notes) for c in svc.candidates.list() if c.name != "Acme IT"] == [(f"{NFC} Ltd", "changed")]


def test_import_refuses_a_repeated_header_and_a_line_break_in_a_name(svc, tmp_path: Path) -> None:
    text = 'name,website\nBolt,\nNAME , Website\nCopper,\n"Dy\nnamo",\n"Eon\r\nX",\n'
    with pytest.raises(ImportRejected) as info:
        svc.candidates.import_csv(_csv(tmp_path, text))
    assert info.value.problems == [
        (3, "repeats the header line (a header belongs on line 1 only; was one file appended to another?)"),
        (5, "name: contains a line break (U+000A) at character 3; it must be on one line"),
        (7, "name: contains a line break (U+000D) at character 4; it must be on one line"),
    ]
    assert [c.name for c in svc.candidates.list()] == ["Acme IT"]
