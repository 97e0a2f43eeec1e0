"""Schema versions: made by migrating, upgraded with every row intact, newer refused untouched."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select, text

from workbench.config import resolve_database
from workbench.services import open_services
from workbench.store.engine import make_engine
from workbench.store.migrate import SchemaError, head_revision, upgrade

T0 = datetime(2027, 3, 15, 10, 0, tzinfo=UTC)


def _fill_first_revision(engine) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """Rows for every table of revision 0001, written with its own (reflected) schema."""
    md = MetaData()
    md.reflect(engine)
    rows: dict[str, list[dict]] = {
        "selection": [
            dict(
                id=1,
                name="Sel — ünïcode",
                description="d",
                timezone="Europe/London",
                business_hours="09:00-17:00",
                business_days="0,1,2,3,4",
                date_order="dmy",
                rubric="it-outsourcing",
                created_at=T0,
            )
        ],
        "scope_item": [
            dict(
                id=1,
                selection_id=1,
                key="help-desk",
                name="Help desk",
                description="",
                decision="outsource",
                priority=1,
                notes="n",
                position=0,
            )
        ],
        "criterion": [
            dict(
                id=i,
                selection_id=1,
                key=f"c{i}",
                name=f"Crit {i}",
                description="",
                weight=10.0 * i,
                position=i,
                anchor_1="a",
                anchor_2="b",
                anchor_3="c",
                anchor_4="d",
                anchor_5="e",
            )
            for i in (1, 2)
        ],
        "criterion_scope": [dict(criterion_id=1, scope_item_id=1)],
        "question": [
            dict(id=i, selection_id=1, criterion_id=1 + i % 2, text=f"Q{i}?", guidance="g", position=i)
            for i in (1, 2, 3)
        ],
        "question_kind": [dict(question_id=i, kind="introduction") for i in (1, 2, 3)],
        "candidate": [
            dict(
                id=1,
                selection_id=1,
                name="Acme",
                website="https://acme.example",
                timezone="America/New_York",
                support_hours="08:00-18:00",
                onsite=True,
                status="shortlisted",
                baseline=False,
                notes="x",
                created_at=T0,
                updated_at=T0,
            )
        ],
        "candidate_scope": [dict(candidate_id=1, scope_item_id=1)],
        "recommendation": [
            dict(
                id=1,
                candidate_id=1,
                recommender="Rae",
                company="Co",
                relationship="peer",
                sentiment="positive",
                rating=4,
                experience="good",
                given_on=T0.date(),
            )
        ],
        "vendor_person": [
            dict(
                id=1,
                candidate_id=1,
                name="Pat",
                role="CEO",
                team="management",
                profile_url="https://p.example",
                tenure="3 years",
                notes="",
                researched=True,
                last_checked=T0.date(),
            )
        ],
        "diligence_check": [
            dict(id=1, candidate_id=1, item="references", name="References", status="ok", evidence="e", position=0)
        ],
        "panel_member": [dict(id=i, selection_id=1, name=f"M{i}", role="") for i in (1, 2)],
        "meeting": [
            dict(
                id=1,
                selection_id=1,
                candidate_id=1,
                kind="introduction",
                start_utc=T0,
                timezone="Europe/London",
                duration_minutes=60,
                location="Room",
                their_attendees="A\nB",
                status="held",
                uid="u1@x",
                sequence=2,
                created_at=T0,
                updated_at=T0,
            )
        ],
        "meeting_member": [dict(meeting_id=1, member_id=i) for i in (1, 2)],
        "agenda_item": [dict(id=i, meeting_id=1, question_id=i, position=i) for i in (1, 2, 3)],
        "score": [
            dict(
                id=n,
                meeting_id=1,
                question_id=q,
                member_id=m,
                value=(None if q == 3 else q + m),
                comment=f"c{n}",
                updated_at=T0,
            )
            for n, (q, m) in enumerate([(q, m) for q in (1, 2, 3) for m in (1, 2)], start=1)
        ],
        "scorecard": [dict(meeting_id=1, member_id=1, submitted_at=T0)],
        "note": [
            dict(
                id=1,
                meeting_id=1,
                member_id=1,
                kind="action",
                text="Send SLA",
                owner="Pat",
                due=T0.date(),
                question_id=2,
                created_at=T0,
                updated_at=T0,
            )
        ],
    }
    assert set(rows) == {t for t in md.tables if t != "alembic_version"}, "every 0001 table gets rows"
    with engine.begin() as conn:
        for table in md.sorted_tables:
            if table.name in rows:
                conn.execute(table.insert(), rows[table.name])
    return _dump(engine, list(rows))


def _dump(engine, tables: list[str]) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    md = MetaData()
    md.reflect(engine, only=tables)
    out = {}
    with engine.connect() as conn:
        for name in tables:
            table = md.tables[name]
            out[name] = [dict(r._mapping) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
    return out


def test_a_new_database_is_created_by_migrating(db_url: str) -> None:
    svc = open_services(resolve_database(db_url))
    try:
        with svc.db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    finally:
        svc.close()


def test_first_revision_with_data_upgrades_to_head_with_every_row_intact(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    before = _fill_first_revision(engine)
    engine.dispose()

    target = resolve_database(db_url)
    svc = open_services(target)  # upgrades automatically (after a backup for a file)
    try:
        after = _dump(svc.db.engine, list(before))
        for table, rows in before.items():
            assert len(after[table]) == len(rows), table
            for old, new in zip(rows, after[table], strict=False):
                for column, value in old.items():
                    assert _same(new[column], value), (table, column, new[column], value)
        with svc.db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert conn.execute(text("SELECT series_id FROM meeting")).scalar() is None
        if target.path is not None:
            backups = list(target.path.parent.glob(f"{target.path.name}.0001.*.bak"))
            assert len(backups) == 1
            assert backups[0].stat().st_mode & 0o777 == 0o600
            check = make_engine(f"sqlite:///{backups[0]}", create_file=False)
            with check.connect() as conn:
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
                assert conn.execute(text("SELECT count(*) FROM score")).scalar() == 6
            check.dispose()
        # The upgraded database is usable through the services.
        assert svc.comparison.compare(with_robustness=False).candidates[0].name == "Acme"
    finally:
        svc.close()


def _same(new, old) -> bool:  # type: ignore[no-untyped-def]
    if isinstance(old, datetime) and isinstance(new, datetime):
        return new.replace(tzinfo=None) == old.astimezone(UTC).replace(tzinfo=None)
    return new == old


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_from_a_newer_version_is_refused_and_not_touched(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    path = tmp_path / "newer.sqlite3"
    svc = open_services(resolve_database(str(path)))
    with svc.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    svc.close()
    digest = _sha(path)
    with pytest.raises(SchemaError, match="9999.*" + head_revision()):
        open_services(resolve_database(str(path)))
    assert main(["--db", str(path), "selections", "list"]) == 2
    err = capsys.readouterr().err
    assert "9999" in err and head_revision() in err and "Traceback" not in err
    assert main(["--db", str(path), "db", "upgrade"]) == 2
    assert _sha(path) == digest
    assert not list(tmp_path.glob("*.bak"))


def test_db_upgrade_command_backs_up_then_upgrades(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    _fill_first_revision(engine)
    engine.dispose()
    assert main(["--db", str(path), "db", "check"]) == 0  # behind, but sound; a check does not upgrade
    assert "0001 (this workbench: " in capsys.readouterr().out
    assert main(["--db", str(path), "db", "check", "--format", "json"]) == 0
    assert '"up_to_date": false' in capsys.readouterr().out
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "backup written to" in out and f"from 0001 to {head_revision()}" in out
    assert len(list(tmp_path.glob("old.sqlite3.0001.*.bak"))) == 1
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["--db", str(path), "db", "check", "--format", "json"]) == 0
    assert '"ok": true' in capsys.readouterr().out


def test_a_database_of_another_program_is_not_touched(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(SchemaError, match="invoices"):
        open_services(resolve_database(str(path)))


def test_the_head_constant_matches_the_migration_scripts() -> None:
    from workbench.store.migrate import HEAD

    assert head_revision() == HEAD
