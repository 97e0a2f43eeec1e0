"""Minutes rendering: every section in Markdown, hostile user text stays text, user templates override."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from workbench.exports.minutes import md_escape, render_minutes, when
from workbench.services.errors import UserError
from workbench.services.minutes import AgendaRow, MemberScore, MinutesNote, MinutesView, NextMeeting
from workbench.services.views.meetings import AgendaItemView, MeetingView
from workbench.shipped_data import data_root

LONDON, WARSAW = ZoneInfo("Europe/London"), ZoneInfo("Europe/Warsaw")
START = datetime(2027, 3, 15, 10, 0, tzinfo=UTC)  # 10:00 GMT, 11:00 CET
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"
TEMPLATE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "section",
    "footer",
    "h1",
    "h2",
    "h3",
    "p",
    "dl",
    "dt",
    "dd",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "strong",
}


def note(i: int, kind: str, text: str, minute: int, **extra) -> MinutesNote:  # type: ignore[no-untyped-def]
    return MinutesNote(
        id=i,
        kind=kind,
        text=text,
        member="Helen Marsh",
        at=START.replace(minute=minute).astimezone(LONDON),
        owner=extra.get("owner", ""),
        due=extra.get("due"),
        question_number=extra.get("q"),
    )


def make_view(**changes) -> MinutesView:  # type: ignore[no-untyped-def]
    agenda = (
        AgendaItemView(
            question_id=7,
            position=0,
            criterion_id=1,
            criterion="Technical depth",
            text="How do you test restores?",
            guidance="",
        ),
    )
    meeting = MeetingView(
        id=12,
        selection_id=1,
        candidate_id=2,
        candidate="Vistula Cloud Services",
        kind="introduction",
        start_utc=START,
        timezone="Europe/London",
        duration_minutes=60,
        location="Our office, room 3",
        their_attendees=("Anna Wrobel (Senior cloud engineer)",),
        status="held",
        uid="u@x",
        sequence=0,
        members=("Helen Marsh", "Tom Adeyemi"),
        agenda=agenda,
    )
    view = MinutesView(
        selection_id=1,
        selection_name="Outsource IT support",
        our_timezone="Europe/London",
        meeting=meeting,
        title="Introduction with Vistula Cloud Services",
        kind_label="Introduction",
        candidate_name="Vistula Cloud Services",
        candidate_timezone="Europe/Warsaw",
        candidate_website="",
        start_ours=START.astimezone(LONDON),
        start_theirs=START.astimezone(WARSAW),
        our_attendees=("Helen Marsh", "Tom Adeyemi"),
        their_attendees=("Anna Wrobel (Senior cloud engineer)",),
        scorers=("Helen Marsh", "Tom Adeyemi"),
        scores_pending=False,
        pending_members=(),
        agenda=(
            AgendaRow(
                number=1,
                question_id=7,
                criterion="Technical depth",
                text="How do you test restores?",
                scores_pending=False,
                mean=4.5,
                scores=(MemberScore("Helen Marsh", 4, "Showed a log", True), MemberScore("Tom Adeyemi", 5, "", True)),
            ),
        ),
        notes=(note(1, "note", "120 staff, 30 UK clients", 5), note(2, "note", "Second note", 40)),
        decisions=(note(3, "decision", "Invite to a deep dive", 50),),
        actions=(note(4, "action", "Send the ISO certificate", 55, owner="Piotr Zielinski", due=date(2027, 3, 22)),),
        concerns=(note(5, "concern", "Phone desk closes at 15:00 our time", 30),),
        gaps=(note(6, "gap", "Could not name the on-site partner", 32, q=1),),
        next_meeting=NextMeeting(
            id=13,
            kind="deep-dive",
            kind_label="Technical deep dive",
            status="planned",
            start_ours=datetime(2027, 4, 1, 9, tzinfo=LONDON),
            start_theirs=datetime(2027, 4, 1, 9, tzinfo=LONDON).astimezone(WARSAW),
            location="Video call",
            in_series=False,
        ),
    )
    return dataclasses.replace(view, **changes)


def test_when_shows_both_zones() -> None:
    assert (
        when(START.astimezone(LONDON), START.astimezone(WARSAW))
        == "Mon 15 Mar 2027, 10:00 (Europe/London) · 11:00 (Europe/Warsaw)"
    )
    late = datetime(2027, 3, 15, 22, 0, tzinfo=UTC)
    assert (
        when(late.astimezone(LONDON), late.astimezone(ZoneInfo("Asia/Kolkata")))
        == "Mon 15 Mar 2027, 22:00 (Europe/London) · Tue 16 Mar 2027, 03:30 (Asia/Kolkata)"
    )


def test_markdown_holds_every_section() -> None:
    md = render_minutes(make_view(), "md")
    for needle in (
        "# Minutes: Introduction with Vistula Cloud Services",
        "**Candidate:** Vistula Cloud Services",
        "**Kind:** Introduction",
        "**When:** Mon 15 Mar 2027, 10:00 (Europe/London) · 11:00 (Europe/Warsaw)",
        "**Location:** Our office, room 3",
        "## Attendees",
        "**Ours:** Helen Marsh, Tom Adeyemi",
        "**Theirs:** Anna Wrobel (Senior cloud engineer)",
        "## Agenda and scores",
        "| # | Question | Criterion | Helen Marsh | Tom Adeyemi | Mean |",
        "| 1 | How do you test restores? | Technical depth | 4 | 5 | 4.5 |",
        "**Q1, Helen Marsh:** Showed a log",
        "## Notes",
        "10:05, Helen Marsh: 120 staff, 30 UK clients",
        "## Decisions",
        "Invite to a deep dive",
        "## Action items",
        "Send the ISO certificate **Owner:** Piotr Zielinski; **due:** Mon 22 Mar 2027",
        "## Concerns",
        "Phone desk closes at 15:00 our time",
        "## Knowledge gaps",
        "Could not name the on-site partner",
        "## Next meeting",
        "**Technical deep dive**",
        "Thu 1 Apr 2027, 09:00 (Europe/London) · 10:00 (Europe/Warsaw)",
    ):
        assert needle in md, needle
    assert md.index("120 staff") < md.index("Second note")


def test_markdown_marks_pending_scores() -> None:
    view = make_view(
        scores_pending=True,
        pending_members=("Priya Nair",),
        scorers=("Helen Marsh",),
        agenda=(dataclasses.replace(make_view().agenda[0], scores_pending=True, scores=(), mean=None),),
    )
    md = render_minutes(view, "md")
    assert "**Scores pending:**" in md and "Priya Nair" in md
    assert "| 1 | How do you test restores? | Technical depth |\n" in md and "Mean" not in md
    html = render_minutes(view, "html")
    assert "Scores pending:" in html and "Mean" not in html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_view() -> MinutesView:
    base = make_view()
    title = "# heading\nsecond line"
    return dataclasses.replace(
        base,
        title=title,
        candidate_name=IMG,
        selection_name=f"*bold* `code` {LINK}",
        meeting=dataclasses.replace(base.meeting, location=LINK, candidate=IMG),
        our_attendees=(f"{SCRIPT}",),
        their_attendees=("- list item\n## sub heading",),
        scorers=(IMG, "Tom | Adeyemi"),
        agenda=(
            dataclasses.replace(
                base.agenda[0],
                text=f"{SCRIPT} | x",
                criterion=LINK,
                scores=(
                    MemberScore(IMG, 4, f'" onclick="alert(1) {SCRIPT}', True),
                    MemberScore("Tom | Adeyemi", None, "", True),
                ),
            ),
        ),
        notes=(note(1, "note", SCRIPT, 5), note(2, "note", "line one\n# not a heading\n1. not a list", 6)),
        actions=(dataclasses.replace(base.actions[0], owner=IMG, text=f"![img](javascript:alert(1)) {SCRIPT}"),),
        gaps=(note(6, "gap", '<a href="javascript:alert(1)">x</a>', 32),),
        next_meeting=dataclasses.replace(base.next_meeting, location=LINK),
    )


def test_html_keeps_user_text_as_text() -> None:
    html = render_minutes(hostile_view(), "html")
    assert html.startswith("<!doctype html>") and '<meta charset="utf-8">' in html and "<style>" in html
    assert "@media print" in html and "<script" not in html.lower() and "http" not in html.lower()
    parser = _Collector()
    parser.feed(html)
    parser.close()
    assert parser.tags <= TEMPLATE_TAGS, parser.tags - TEMPLATE_TAGS
    assert not any(name.lower().startswith("on") for name, _ in parser.attrs)
    assert not any(name in ("href", "src") for name, _ in parser.attrs)
    assert not any("javascript:" in (value or "").lower() for _, value in parser.attrs)
    text = "".join(parser.text)
    for needle in (
        SCRIPT,
        IMG,
        LINK,
        "# heading\nsecond line",
        '<a href="javascript:alert(1)">x</a>',
        "![img](javascript:alert(1))",
        '" onclick="alert(1) ',
    ):
        assert needle in text, needle
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_markdown_neutralises_user_text() -> None:
    md = render_minutes(hostile_view(), "md")
    assert "<script" not in md and "<img" not in md and "<a " not in md and "</" not in md
    assert "[click](" not in md and "\\[click\\](javascript:alert(1))" in md
    assert "](javascript" not in md.replace("\\](javascript", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    headings = [line for line in md.splitlines() if line.lstrip().startswith("#")]
    assert headings == [
        "# Minutes: \\# heading second line",
        "## Attendees",
        "## Agenda and scores",
        "### Comments",
        "## Notes",
        "## Decisions",
        "## Action items",
        "## Concerns",
        "## Knowledge gaps",
        "## Next meeting",
    ]
    assert not any(line.lstrip().startswith(("1.", "- list", "second line")) for line in md.splitlines())
    assert "line one \\# not a heading 1. not a list" in md
    table = [line for line in md.splitlines() if line.startswith("| 1 |")]
    assert table and table[0].count("|") - table[0].count("\\|") == 7  # 6 columns: user pipes are escaped
    assert "| &lt;img src=x onerror=alert(1)&gt; | Tom \\| Adeyemi | Mean |" in md
    assert "\\*bold\\* \\`code\\`" in md


def test_md_escape_rules() -> None:
    assert md_escape("a_b*c`d[e]f|g~h\\i") == "a\\_b\\*c\\`d\\[e\\]f\\|g\\~h\\\\i"
    assert md_escape("- item") == "\\- item" and md_escape("3. third") == "3\\. third" and md_escape("> q") == "&gt; q"
    assert md_escape("Hollis & Reed &amp; &#60;") == "Hollis & Reed &amp;amp; &amp;\\#60;"
    assert md_escape("a\r\nb\n\n  c") == "a b c" and md_escape(None) == ""


def test_user_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    from workbench.config import user_config_dir

    folder = user_config_dir() / "templates"
    assert str(folder).startswith(str(Path.home()))  # the autouse fixture isolates the config folder
    folder.mkdir(parents=True)
    (folder / "minutes.md.j2").write_text("OVERRIDE {{ m.candidate_name }} {{ m.title | md }}\n", encoding="utf-8")
    view = make_view(candidate_name="A_B <x>")
    assert render_minutes(view, "md") == "OVERRIDE A\\_B &lt;x&gt; Introduction with Vistula Cloud Services\n"
    assert render_minutes(view, "html").startswith("<!doctype html>")  # no override: shipped
    (folder / "minutes.html.j2").write_text("<p>{{ m.candidate_name }}</p>", encoding="utf-8")
    assert render_minutes(view, "html") == "<p>A_B &lt;x&gt;</p>"
    (folder / "minutes.md.j2").write_text("{{ m.no_such_field }}", encoding="utf-8")
    with pytest.raises(UserError) as info:
        render_minutes(view, "md")
    assert "minutes.md.j2" in str(info.value)
    (folder / "minutes.md.j2").unlink()
    (folder / "minutes.html.j2").unlink()
    assert render_minutes(view, "md").startswith("# Minutes: ")


def test_templates_are_shipped_in_the_data_package() -> None:
    folder = data_root() / "templates"
    for name in ("minutes.md.j2", "minutes.html.j2"):
        assert (folder / name).is_file(), name
    with pytest.raises(ValueError):
        render_minutes(make_view(), "pdf")  # type: ignore[arg-type]


def test_jinja_is_imported_only_when_rendering() -> None:
    code = (
        "import sys, workbench.exports.minutes, workbench.services.minutes, workbench.commands.minutes; "
        "print('jinja2' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"
