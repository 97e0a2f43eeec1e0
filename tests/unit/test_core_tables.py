"""The light Core handles of the home screen's reads name real tables and columns, with the models' types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlmodel import SQLModel

import workbench.store.models  # noqa: F401 - defines the tables in SQLModel.metadata
from workbench.store import core_tables

ROOT = Path(__file__).resolve().parents[2]


def test_every_core_column_exists_in_the_models_with_the_same_type() -> None:
    tables = SQLModel.metadata.tables
    for light in core_tables.TABLES:
        assert light.name in tables, f"no table {light.name} in models.py"
        model = tables[light.name]
        for column in light.columns:
            assert column.name in model.c, f"no column {light.name}.{column.name} in models.py"
            # The generic SQL type (SQLModel's AutoString is a String underneath).
            assert column.type._type_affinity is model.c[column.name].type._type_affinity, f"{light.name}.{column.name}"


def test_the_overview_reads_without_loading_the_orm_classes(tmp_path: Path) -> None:
    from workbench.config import resolve_database
    from workbench.services import open_services

    open_services(resolve_database(str(tmp_path / "wb.sqlite3"))).close()  # created (migrated) here
    code = (
        "import sys\n"
        "from workbench.config import resolve_database\n"
        "from workbench.services import open_services\n"
        f"svc = open_services(resolve_database({str(tmp_path / 'wb.sqlite3')!r}))\n"
        "print(svc.overview.progress(), svc.overview.upcoming())\n"
        "heavy = ('sqlmodel', 'pydantic', 'workbench.store.models', 'sqlalchemy.orm')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == ["[] []", "[]"]
