"""The core figures: a score saved, the comparison aggregate, the CSV import, a calendar and minutes, each beside
a baseline (raw SQLite, plain string joins) measured in the same run, on generated data."""

from __future__ import annotations

import csv
import random
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_common import median_time, ms, pct

KINDS = ("introduction", "deep-dive", "meet-the-team", "reference-call", "site-visit")


def generate(
    url: str, *, candidates: int, criteria: int, questions: int, members: int, meetings: int, seed: int = 1
) -> dict:
    """A selection with every score present, written in bulk through SQLAlchemy Core."""
    from sqlalchemy import insert

    from workbench.config import resolve_database
    from workbench.services import open_services
    from workbench.store import models as m

    svc = open_services(resolve_database(url))
    sel = svc.selections.create("Bench", template=None)
    rng = random.Random(seed)
    now = datetime(2027, 1, 1, tzinfo=UTC)
    eng = svc.db.engine
    with eng.begin() as conn:
        conn.execute(
            insert(m.Criterion),
            [
                dict(
                    selection_id=sel.id,
                    key=f"c{i}",
                    name=f"Criterion {i}",
                    description="",
                    weight=float(rng.randint(1, 20)),
                    position=i,
                    anchor_1="1",
                    anchor_2="2",
                    anchor_3="3",
                    anchor_4="4",
                    anchor_5="5",
                )
                for i in range(criteria)
            ],
        )
        crit_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM criterion ORDER BY position")]
        conn.execute(
            insert(m.Question),
            [
                dict(
                    selection_id=sel.id,
                    criterion_id=crit_ids[i % criteria],
                    text=f"Question {i}?",
                    guidance="",
                    position=i,
                )
                for i in range(questions)
            ],
        )
        q_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM question ORDER BY position")]
        conn.execute(
            insert(m.QuestionKind), [dict(question_id=q, kind=KINDS[i % len(KINDS)]) for i, q in enumerate(q_ids)]
        )
        conn.execute(
            insert(m.PanelMember), [dict(selection_id=sel.id, name=f"Member {i}", role="") for i in range(members)]
        )
        mem_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM panel_member ORDER BY id")]
        conn.execute(
            insert(m.Candidate),
            [
                dict(
                    selection_id=sel.id,
                    name=f"Vendor {i:04d}",
                    website="",
                    timezone="Europe/London",
                    support_hours="08:00-18:00",
                    onsite=False,
                    status="interviewing",
                    baseline=i == 0,
                    notes="",
                    created_at=now,
                    updated_at=now,
                )
                for i in range(candidates)
            ],
        )
        cand_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM candidate ORDER BY id")]
        conn.execute(
            insert(m.Meeting),
            [
                dict(
                    selection_id=sel.id,
                    candidate_id=cand_ids[i % candidates],
                    kind=KINDS[i % len(KINDS)],
                    start_utc=now + timedelta(hours=i),
                    timezone="Europe/London",
                    duration_minutes=60,
                    location="",
                    their_attendees="",
                    status="held",
                    uid=f"bench-{i}@wb",
                    sequence=0,
                    created_at=now,
                    updated_at=now,
                )
                for i in range(meetings)
            ],
        )
        meeting_rows = conn.exec_driver_sql("SELECT id, kind FROM meeting ORDER BY id").fetchall()
        by_kind = {k: [q for i, q in enumerate(q_ids) if KINDS[i % len(KINDS)] == k] for k in KINDS}
        agenda, scores, cards, attend = [], [], [], []
        for mid, kind in meeting_rows:
            for pos, q in enumerate(by_kind[kind]):
                agenda.append(dict(meeting_id=mid, question_id=q, position=pos))
                for mem in mem_ids:
                    scores.append(
                        dict(
                            meeting_id=mid,
                            question_id=q,
                            member_id=mem,
                            value=rng.randint(1, 5),
                            comment="",
                            updated_at=now,
                        )
                    )
            for mem in mem_ids:
                cards.append(dict(meeting_id=mid, member_id=mem, submitted_at=now))
                attend.append(dict(meeting_id=mid, member_id=mem))
        conn.execute(insert(m.AgendaItem), agenda)
        conn.execute(insert(m.MeetingMember), attend)
        conn.execute(insert(m.Score), scores)
        conn.execute(insert(m.Scorecard), cards)
    svc.close()
    return {"selection_id": sel.id, "scores": len(scores), "meetings": len(meeting_rows)}


def bench_score_save(path: Path, n: int) -> dict:
    """(a) One score saved through the service, beside a raw sqlite3 INSERT+COMMIT with the same pragmas."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(path)))
    mem = svc.members.add("Fresh scorer", selection="Bench")
    meetings = svc.meetings.list(selection="Bench")[: max(2, n // 15)]
    cells = [(mt.id, a.question_id) for mt in meetings for a in svc.meetings.get(mt.id).agenda][:n]
    for mid, qid in cells[:10]:  # warm caches and statements; these calls are not counted
        svc.scoring.score(mid, qid, 3, member=mem.name)
    service_times = []
    for i, (mid, qid) in enumerate(cells):
        t0 = time.perf_counter()
        svc.scoring.score(mid, qid, (i % 5) + 1, member=mem.name)
        service_times.append(time.perf_counter() - t0)
    svc.close()

    raw = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        raw.execute(f"PRAGMA {pragma}")
    member_id = raw.execute(
        "INSERT INTO panel_member(selection_id, name, role) VALUES (1, 'Raw scorer', '') RETURNING id"
    ).fetchone()[0]
    raw_times = []
    for mid, qid in cells[:10]:
        raw.execute(
            "INSERT INTO score(meeting_id, question_id, member_id, value, comment, updated_at) VALUES (?,?,?,3,'','x') "
            "ON CONFLICT(meeting_id, question_id, member_id) DO NOTHING",
            (mid, qid, member_id),
        )
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for i, (mid, qid) in enumerate(cells):
        t0 = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO score(meeting_id, question_id, member_id, value, comment, updated_at) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(meeting_id, question_id, member_id) "
            "DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at",
            (mid, qid, member_id, (i % 5) + 1, "", now),
        )
        raw.execute("COMMIT")
        raw_times.append(time.perf_counter() - t0)
    raw.close()
    return {
        "calls": len(cells),
        "service_p50_ms": ms(pct(service_times, 0.5)),
        "service_p99_ms": ms(pct(service_times, 0.99)),
        "baseline_raw_sqlite_p50_ms": ms(pct(raw_times, 0.5)),
        "baseline_raw_sqlite_p99_ms": ms(pct(raw_times, 0.99)),
        "ratio_p50": round(pct(service_times, 0.5) / pct(raw_times, 0.5), 2),
        "ratio_p99": round(pct(service_times, 0.99) / pct(raw_times, 0.99), 2),
        "target_ratio_p99": 3.0,
    }


RAW_MEANS = """
SELECT candidate_id, criterion_id, AVG(mean), MAX(mean) - MIN(mean), COUNT(*) FROM (
  SELECT m.candidate_id, q.criterion_id, s.member_id, AVG(CAST(s.value AS REAL)) AS mean
  FROM score s
  JOIN scorecard sc ON sc.meeting_id = s.meeting_id AND sc.member_id = s.member_id
  JOIN meeting m ON m.id = s.meeting_id
  JOIN question q ON q.id = s.question_id
  WHERE m.selection_id = ? AND s.value IS NOT NULL AND m.status != 'cancelled'
  GROUP BY m.candidate_id, q.criterion_id, s.member_id)
GROUP BY candidate_id, criterion_id
"""


def bench_compare(path: Path, repeat: int) -> dict:
    """(b) The comparison aggregate beside one raw GROUP BY of the same means; robustness separately."""
    from workbench.config import resolve_database
    from workbench.domain import robustness
    from workbench.services import open_services

    with sqlite3.connect(path) as conn:  # both sides read the same file, not one of them a long WAL
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    svc = open_services(resolve_database(str(path)))
    svc.comparison.compare(selection="Bench", with_robustness=False)  # warm
    service = median_time(lambda: svc.comparison.compare(selection="Bench", with_robustness=False), repeat)
    view = svc.comparison.compare(selection="Bench", with_robustness=False)
    svc.close()
    raw = sqlite3.connect(path)
    raw.execute(RAW_MEANS, (1,)).fetchall()
    baseline = median_time(lambda: raw.execute(RAW_MEANS, (1,)).fetchall(), repeat)
    raw.close()
    weights = {c.id: c.weight for c in view.criteria}
    names = {r.id: r.name for r in view.candidates}
    matrix = {r.id: {cid: cell.score for cid, cell in r.criteria.items()} for r in view.candidates}
    draws = median_time(lambda: robustness.p_first(matrix, weights, names), max(3, repeat // 2))
    flip = median_time(lambda: robustness.leader_flip(matrix, weights, names), max(3, repeat // 2))
    return {
        "aggregate_ms": ms(service),
        "baseline_raw_group_by_ms": ms(baseline),
        "ratio": round(service / baseline, 2),
        "target_ratio": 2.0,
        "robustness_2000_draws_ms": ms(draws),
        "robustness_ratio_to_aggregate": round(draws / service, 2),
        "leader_flip_ms": ms(flip),
        "target_robustness_ratio": 10.0,
    }


def bench_import(tmp: Path, rows: int) -> dict:
    """(c) CSV import of N candidates through the service beside a raw executemany."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    src = tmp / "vendors.csv"
    zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Warsaw"]
    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name", "website", "timezone", "support_hours", "onsite", "status", "notes"])
        for i in range(rows):
            w.writerow(
                [
                    f"Vendor {i:05d}",
                    f"https://v{i}.example",
                    zones[i % 4],
                    "08:00-18:00",
                    "yes" if i % 2 else "no",
                    "long-list",
                    f"note {i}",
                ]
            )
    db = tmp / "import.sqlite3"
    svc = open_services(resolve_database(str(db)))
    svc.selections.create("Import")
    t0 = time.perf_counter()
    svc.candidates.import_csv(str(src), selection="Import")
    service = time.perf_counter() - t0
    svc.close()

    raw_db = tmp / "raw.sqlite3"
    svc = open_services(resolve_database(str(raw_db)))
    svc.selections.create("Import", template=None)
    svc.close()
    raw = sqlite3.connect(raw_db, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        raw.execute(f"PRAGMA {pragma}")
    t0 = time.perf_counter()
    with src.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        data = [(1, r[0], r[1], r[2], r[3], r[4] == "yes", r[5], False, r[6], now, now) for r in reader]
    raw.execute("BEGIN IMMEDIATE")
    raw.executemany(
        "INSERT INTO candidate(selection_id, name, website, timezone, support_hours, onsite, status, baseline, notes, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        data,
    )
    raw.execute("COMMIT")
    baseline = time.perf_counter() - t0
    raw.close()
    return {
        "rows": rows,
        "import_ms": ms(service),
        "baseline_raw_executemany_ms": ms(baseline),
        "ratio": round(service / baseline, 2),
        "target_ratio": 10.0,
    }


def bench_calendar(path: Path, repeat: int) -> dict:
    """A calendar of every meeting (600) through icalendar, beside a plain string join of the same fields."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(path)))
    meetings = svc.meetings.list(selection="Bench")
    service = median_time(lambda: svc.calendar.export(selection="Bench"), repeat)
    svc.close()

    def plain() -> str:
        out = ["BEGIN:VCALENDAR"]
        for m in meetings:
            agenda = "\\n".join(f"{a.position + 1}. {a.text} ({a.criterion})" for a in m.agenda)
            out += [
                "BEGIN:VEVENT",
                f"UID:{m.uid}",
                f"DTSTART:{m.start_utc:%Y%m%dT%H%M%SZ}",
                f"SUMMARY:{m.kind} {m.candidate}",
                f"DESCRIPTION:{agenda}",
            ]
            out += [f"ATTENDEE;CN={name}:urn:x:{name}" for name in m.members]
            out.append("END:VEVENT")
        out.append("END:VCALENDAR")
        return "\r\n".join(out)

    baseline = median_time(plain, repeat)
    return {
        "meetings": len(meetings),
        "calendar_ms": ms(service),
        "baseline_string_join_ms": ms(baseline),
        "ratio": round(service / baseline, 1),
    }


def bench_minutes(tmp: Path, repeat: int, questions: int = 40, members: int = 6) -> dict:
    """Minutes (Markdown and HTML) of one meeting with 40 questions and 6 members, beside a plain string join."""
    from workbench.config import resolve_database
    from workbench.exports.minutes import render_minutes
    from workbench.services import open_services

    svc = open_services(resolve_database(str(tmp / "minutes.sqlite3")))
    svc.selections.create("Minutes", template=None)
    svc.selections.add_criterion("Depth", weight=1)
    qids = [
        svc.selections.add_question("Depth", f"Question {i}: how would you handle case {i}?").id
        for i in range(questions)
    ]
    names = [f"Member {i}" for i in range(members)]
    for name in names:
        svc.members.add(name)
    svc.candidates.add("Acme", timezone="America/New_York")
    mid = svc.meetings.add(
        candidate="Acme",
        kind="introduction",
        start_local=datetime(2027, 3, 15, 10),
        timezone="Europe/London",
        members=names,
    ).id
    for m, name in enumerate(names):
        for i, q in enumerate(qids):
            svc.scoring.score(mid, q, (i + m) % 5 + 1, member=name, comment=f"comment {i}" if i % 7 == 0 else None)
        svc.scoring.submit(mid, member=name)
        svc.notes.add(mid, member=name, kind="action", text=f"Follow up {m}", owner="Acme", due="2027-04-01")
    view = svc.minutes.minutes(mid)
    render_minutes(view, "md")
    md = median_time(lambda: render_minutes(view, "md"), repeat)
    html = median_time(lambda: render_minutes(view, "html"), repeat)
    load_and_md = median_time(lambda: render_minutes(svc.minutes.minutes(mid), "md"), repeat)
    svc.close()

    def plain() -> str:
        lines = [f"# {view.title}", "", "| # | Question | " + " | ".join(names) + " |"]
        for row in view.agenda:
            lines.append(f"| {row.number} | {row.text} | " + " | ".join(str(s.value) for s in row.scores) + " |")
        lines += [f"- {n.member}: {n.text}" for n in view.notes]
        return "\n".join(lines)

    baseline = median_time(plain, repeat)
    return {
        "questions": questions,
        "members": members,
        "markdown_ms": ms(md),
        "html_ms": ms(html),
        "load_and_markdown_ms": ms(load_and_md),
        "baseline_string_join_ms": ms(baseline),
        "ratio_markdown": round(md / baseline, 1),
        "ratio_html": round(html / baseline, 1),
    }
