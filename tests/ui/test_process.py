"""The real program in a pseudo-terminal: SIGTERM leaves cleanly; the first frame comes before the ORM."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        TERM="xterm-256color",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    return env


@pytest.mark.slow
def test_sigterm_exits_0_and_leaves_the_alternate_screen(tmp_path: Path) -> None:
    db = tmp_path / "wb.sqlite3"
    log = io.BytesIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "workbench", "--db", str(db), "--as", "Ann"],
        env=_env(tmp_path),
        dimensions=(40, 120),
        timeout=60,
        cwd=str(ROOT),
    )
    child.logfile_read = log
    child.expect("Vendor Interview Workbench")
    child.expect("Welcome")  # the data arrived: the database is open
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, log.getvalue()[-500:]
    output = log.getvalue()
    assert b"\x1b[?1049h" in output  # entered the alternate screen
    assert output.rfind(b"\x1b[?1049l") > output.rfind(b"\x1b[?1049h")  # and left it last
    assert "Traceback" not in output.decode("utf-8", "replace")


PROBE = r"""
import json, sys
from pathlib import Path
from screens.app import WorkbenchApp
from workbench.config import resolve_database
from workbench.services import open_services

seen = {}
target = resolve_database(sys.argv[1])

class Probe(WorkbenchApp):
    def on_ready(self) -> None:
        seen["at_first_frame"] = sorted(m for m in ("sqlalchemy", "sqlmodel", "icalendar", "jinja2", "numpy", "alembic")
                                        if m in sys.modules)
        super().on_ready()
        self.set_timer(0.1, self.check)

    def check(self) -> None:
        if "sqlalchemy" in sys.modules and self.services_ready:
            seen["later"] = True
            self.exit()
        else:
            self.set_timer(0.1, self.check)

app = Probe(lambda: open_services(target), database_label="probe")
app.run(headless=True)
print(json.dumps(seen))
"""


@pytest.mark.slow
def test_no_orm_is_imported_before_the_first_frame(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "wb.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=_env(tmp_path),
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["at_first_frame"] == []
    assert seen["later"] is True  # the data did load afterwards, from a worker
