"""Hostile values for every option that takes one: exit 0 (accepted on purpose) or 2 with one line, never 1.

Each command starts from words that work on the sample; one value at a time is replaced by a hostile one
(huge, negative and zero numbers, nan, inf, empty and 100 000-character texts, dates at the calendar's ends,
legacy zones, markup and escapes, other scripts' digits). The commands run in this process on one database
that stays open, so that a thousand runs take seconds. The cases every user reports (ids, --at, --count, EST)
are then checked by name on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import workbench.cli as cli
from tests.conftest import _pg_admin, _pg_database_url, _require_pg

HOSTILE = (
    "9223372036854775808",
    "-1",
    "0",
    "nan",
    "",
    "x" * 100_000,
    "9999-12-31T23:30",
    "EST",
    "%s{0}../../etc/passwd",  # markup and escapes: the text and output rules have their own fuzz tests
    "\u0661\u0662",  # 12 in Arabic-Indic digits
)
Words = list[tuple[str, str | None]]  # ("--opt", value), ("@name", positional value), ("--flag", None)
SCHEDULE: Words = [
    ("--candidate", "Northgate Managed IT"),
    ("--kind", "introduction"),
    ("--at", "2027-03-01 10:00"),
    ("--tz", "Europe/London"),
    ("--duration", "60"),
    ("--every", "1 week"),
    ("--member", "Helen Marsh"),
    ("--location", "Room {n}"),
    ("--selection", "1"),
]
# Words that succeed on the sample (see test_the_words_work); {n} is a fresh number, {tmp} a folder,
# {series} a series, {question} a question on the agenda of meeting 9 (where Priya Nair has not submitted).
COMMANDS: dict[str, Words] = {
    "selections new": [("@name", "Sweep {n}"), ("--template", "it-outsourcing"), ("--timezone", "Europe/London")],
    "members list": [("--selection", "1")],
    "members add": [("@name", "Member {n}"), ("--role", "r"), ("--selection", "1")],
    "candidates list": [("--status", "finalist"), ("--selection", "1")],
    "candidates export": [("-o", "{tmp}/c{n}.csv"), ("--selection", "1")],
    "candidates import": [("@file", "{tmp}/in.csv"), ("--update", None), ("--selection", "1")],
    "candidates add": [
        ("@name", "Vendor {n}"),
        ("--website", "https://v.example"),
        ("--timezone", "Europe/Berlin"),
        ("--support-hours", "09:00-17:00"),
        ("--status", "long-list"),
        ("--notes", "n"),
        ("--selection", "1"),
    ],
    "candidates status": [("@name", "Tanager Digital Services"), ("@status", "interviewing"), ("--selection", "1")],
    "meetings list": [("--candidate", "Northgate Managed IT"), ("--selection", "1")],
    "meetings show": [("@meeting", "1")],
    "meetings add": [
        ("--candidate", "Northgate Managed IT"),
        ("--kind", "introduction"),
        ("--at", "2027-03-01T10:00"),
        ("--tz", "Europe/London"),
        ("--duration", "60"),
        ("--member", "Helen Marsh"),
        ("--their-attendee", "Bob"),
        ("--location", "Room {n}"),
        ("--selection", "1"),
    ],
    "meetings schedule": [*SCHEDULE, ("--count", "2")],
    "meetings schedule ": [*SCHEDULE, ("--until", "2027-03-20")],  # the same command, with --until
    "meetings series": [("--selection", "1")],
    "meetings extend": [("@series", "{series}"), ("--count", "{n}")],
    "meetings extend ": [("@series", "{series}"), ("--until", "2027-12-31")],
    "score": [
        ("@meeting", "9"),
        ("@question", "{question}"),
        ("@value", "3"),
        ("--member", "Priya Nair"),
        ("--comment", "c"),
    ],
    "note": [
        ("@meeting", "9"),
        ("--member", "Priya Nair"),
        ("--kind", "action"),
        ("--text", "t"),
        ("--owner", "o"),
        ("--due", "2027-01-01"),
        ("--question", "{question}"),
    ],
    "export scores": [("-o", "{tmp}/s{n}.csv"), ("--selection", "1")],
    "compare": [("--selection", "1"), ("-o", "{tmp}/cmp{n}.md"), ("--as", "Helen Marsh")],
    "timezones fit": [("--selection", "1")],
    "calendar": [("-o", "{tmp}/c{n}.ics"), ("--candidate", "In-house hire (baseline)"), ("--selection", "1")],
    "minutes": [("@meeting", "1"), ("-o", "{tmp}/m{n}.md"), ("--selection", "1")],
    "minutes --all": [
        ("--all", None),
        ("--candidate", "In-house hire (baseline)"),
        ("-o", "{tmp}/mins{n}"),
        ("--selection", "1"),
    ],
    "interview": [("@meeting", "9"), ("--as", "Priya Nair")],
    "submit": [("@meeting", "9"), ("--member", "Priya Nair")],  # last: it makes the scores of meeting 9 final
}


class _Kept:
    """The services of the sweep's database, kept open across runs (the command's close() does nothing)."""

    def __init__(self, services: Any) -> None:
        self._services = services

    def __getattr__(self, name: str) -> Any:
        return getattr(self._services, name)

    def close(self) -> None:
        pass


class Sweep:
    """Runs the commands in this process on one open database, filling in their words."""

    def __init__(self, db: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from workbench.config import resolve_database
        from workbench.services import open_services

        self.db, self.tmp, self.n = db, tmp, 0
        self.services = open_services(resolve_database(db))
        kept = _Kept(self.services)
        monkeypatch.setattr(cli, "_open", lambda target, migrate=True: kept)
        monkeypatch.setattr("screens.app.run_app", self._no_app)
        (tmp / "in.csv").write_text("name,notes\nImported Vendor,from a file\n", encoding="utf-8")
        self.series = self.question = ""
        code, _, err = self.run(["meetings", "schedule", *self.words(SCHEDULE), "--count", "2"])
        assert code == 0, err
        self.series = str(self.services.scheduling.series(selection=1)[0].id)
        self.question = str(self.services.meetings.get(9).agenda[0].question_id)

    @staticmethod
    def _no_app(*args: Any, **kwargs: Any) -> int:
        return 99  # the terminal app would have opened: the words were taken

    def words(self, words: Words, replace: str | None = None, value: str | None = None) -> list[str]:
        self.n += 1
        fill = {"n": str(self.n), "tmp": str(self.tmp), "series": self.series, "question": self.question}
        argv: list[str] = []
        for key, given in words:
            text = value if key == replace else (given.format(**fill) if given is not None else None)
            if not key.startswith("@"):
                argv.append(key)
            if text is not None:
                argv.append(text)
        return argv

    def run(self, argv: list[str]) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--db", self.db, *argv])
        return code, out.getvalue(), err.getvalue()

    def command(self, name: str, replace: str | None = None, value: str | None = None) -> tuple[int, str, str]:
        return self.run([*name.split(), *self.words(COMMANDS[name], replace, value)])


@pytest.fixture(scope="module")
def sweep(_sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sweep]:
    """One copy of the sample for the module: the commands run one after the other on it, in file order."""
    import shutil

    folder = tmp_path_factory.mktemp("sweep")
    db = shutil.copy2(_sample_template, folder / "sweep.sqlite3")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)  # a hostile -o value ("nan", "EST") is a file name relative to here
        s = Sweep(str(db), folder, monkeypatch)
        try:
            yield s
        finally:
            s.services.close()


def _refused_in_one_line(code: int, out: str, err: str, what: str) -> str:
    assert code == 2, f"{what}: exit {code}: {err[:300]}"
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: "), f"{what}: {err[:300]!r}"
    assert "Traceback" not in err, what  # escapes in messages: the output rule (helper "out") answers for those
    return lines[0]


def test_the_words_work(sweep: Sweep) -> None:
    """The starting words of every command succeed, so a refusal in the sweep is the hostile value's."""
    for name in COMMANDS:
        code, _, err = sweep.command(name)
        assert code == (99 if name == "interview" else 0), f"{name}: {err}"


# Values taken on purpose: free texts (a location, a comment, a role "nan"), an empty --selection (the only one)
# or --question (none), a file name made safe. No id, date, zone, count or duration is among them.
STRICT = ("@meeting", "@series", "@question", "--at", "--tz", "--timezone", "--count", "--due", "--duration", "--until")


ONLY = {"meetings schedule ": ("--until",), "meetings extend ": ("--until",)}  # the rest is swept once already


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_value_of_every_option(sweep: Sweep, name: str) -> None:
    accepted: list[tuple[str, str]] = []
    for key, given in COMMANDS[name]:
        if given is None or (name in ONLY and key not in ONLY[name]):
            continue
        for value in HOSTILE:
            code, out, err = sweep.command(name, key, value)
            what = f"{name} {key} {value[:30]!r}"
            if code in (0, 99):
                accepted.append((key, value[:30]))
                continue
            _refused_in_one_line(code, out, err, what)
            assert out == "", what
    wrong = [(key, value) for key, value in accepted if value != "" and key in STRICT]
    assert wrong == [], wrong


NAMED_CASES = [
    ("meetings show", "@meeting", "9223372036854775808", "MEETING: no meeting numbered 9223372036854775808"),
    ("meetings show", "@meeting", "2147483648", "MEETING: no meeting numbered 2147483648"),
    ("meetings show", "@meeting", "-1", "MEETING: '-1' is not a meeting number"),
    ("minutes", "@meeting", "99999999999999999999", "MEETING: no meeting numbered 99999999999999999999"),
    ("score", "@meeting", "9223372036854775808", "MEETING: no meeting numbered"),
    ("score", "@question", "9223372036854775808", "QUESTION: no question numbered"),
    ("note", "--question", "9223372036854775808", "--question: no question numbered"),
    ("submit", "@meeting", "9223372036854775808", "MEETING: no meeting numbered"),
    ("interview", "@meeting", "9223372036854775808", "MEETING: no meeting numbered"),
    ("meetings extend", "@series", "9223372036854775808", "SERIES: no series numbered"),
    ("candidates status", "@name", "9223372036854775808", "--candidate: no candidate named or numbered"),
    ("meetings list", "--candidate", "9223372036854775808", "--candidate: no candidate named or numbered"),
    ("members list", "--selection", "9223372036854775808", "--selection: no selection named or numbered"),
    ("compare", "--selection", "2147483648", "--selection: no selection named or numbered"),
    ("meetings add", "--at", "9999-12-31T23:30", "--at: 9999-12-31 is after 2999 (dates from 1900 to 2999"),
    ("meetings add", "--at", "0001-01-01T00:10", "--at: 0001-01-01 is before 1900 (dates from 1900 to 2999"),
    ("meetings schedule", "--at", "9999-12-31 23:30", "--at: 9999-12-31 is after 2999"),
    ("meetings schedule ", "--until", "9999-12-31", "--until: 9999-12-31 is after 2999"),
    ("note", "--due", "0001-01-01", "--due: 0001-01-01 is before 1900"),
    ("meetings schedule", "--count", "100000", "--count: 100000 is not a whole number of meetings from 1 to 500"),
    ("meetings extend", "--count", "0", "--count: 0 is not a whole number of meetings from 1 to 500"),
    ("meetings schedule", "--duration", "nan", "argument --duration: 'nan' is not a whole number"),
    ("meetings add", "--duration", "99999999999999999999", "argument --duration: '99999999999999999999' is not"),
    ("meetings add", "--duration", "-5", "--duration: -5 is not a whole number of minutes from 1 to 1440"),
    ("meetings add", "--tz", "EST", "--tz: 'EST' is not the time zone of a place"),
    ("meetings schedule", "--tz", "Etc/GMT+5", "--tz: 'Etc/GMT+5' is not the time zone of a place"),
    ("candidates add", "--timezone", "US/Eastern", "timezone: 'US/Eastern' is not the time zone of a place"),
    ("selections new", "--timezone", "MST7MDT", "timezone: 'MST7MDT' is not the time zone of a place"),
]


def _named(sweep: Sweep) -> None:
    for name, key, value, needle in NAMED_CASES:
        line = _refused_in_one_line(*sweep.command(name, key, value), f"{name} {key} {value}")
        assert line.startswith(f"workbench: {needle}") or needle in line, line


@pytest.fixture
def fresh_sweep(sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sweep]:
    """The sample untouched by the sweep (which may have stored a candidate named "9223372036854775808")."""
    monkeypatch.chdir(tmp_path)
    s = Sweep(str(sample_path), tmp_path, monkeypatch)
    try:
        yield s
    finally:
        s.services.close()


def test_the_reported_cases_on_sqlite(fresh_sweep: Sweep) -> None:
    _named(fresh_sweep)


def test_the_supported_ends_work_in_far_zones(fresh_sweep: Sweep) -> None:
    argv = ["meetings", "add", "--candidate", "Northgate Managed IT", "--kind", "introduction", "--selection", "1"]
    for zone, at in (
        ("UTC", "2999-12-31T23:30"),
        ("Pacific/Pago_Pago", "2999-12-31T23:30"),
        ("Pacific/Kiritimati", "1900-01-01T00:10"),
    ):
        code, out, err = fresh_sweep.run([*argv, "--at", at, "--tz", zone])
        assert code == 0 and "created meeting" in out, err


@pytest.fixture
def pg_sweep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sweep]:
    """The sample on a fresh PostgreSQL database, where an INTEGER id holds 32 bits."""
    _require_pg()
    monkeypatch.chdir(tmp_path)
    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        url = _pg_database_url(name)
        from workbench.config import resolve_database
        from workbench.services import open_services

        made = open_services(resolve_database(url))
        try:
            made.demo.create_sample()
        finally:
            made.close()
        s = Sweep(url, tmp_path, monkeypatch)
        try:
            yield s
        finally:
            s.services.close()
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_the_reported_cases_on_postgresql(pg_sweep: Sweep) -> None:
    _named(pg_sweep)
    for value in ("2147483647", "2147483648", "9223372036854775807", "9223372036854775808"):
        for name, key in (
            ("meetings show", "@meeting"),
            ("candidates status", "@name"),
            ("members list", "--selection"),
        ):
            _refused_in_one_line(*pg_sweep.command(name, key, value), f"{name} {value}")
