"""Packaging: the wheel installs only workbench and screens; the templates are package data of workbench, found
from a wheel and from an editable install alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = "vendor-interview-workbench"
TEMPLATES = (
    "workbench/data/rubrics/it-outsourcing.toml",
    "workbench/data/checklists/it-outsourcing.toml",
    "workbench/data/scope/it-outsourcing.toml",
    "workbench/data/sample/sample.toml",
    "workbench/data/templates/minutes.md.j2",
    "workbench/data/templates/minutes.html.j2",
)
PROBE = """
import importlib.util, json, sys
import workbench, workbench.shipped as shipped
from workbench.exports.minutes import _shipped
from workbench.shipped_data import data_root
print(json.dumps({
    "workbench": workbench.__file__,
    "data_root": str(data_root()),
    "rubric": shipped.load_rubric("it-outsourcing").name,
    "minutes_template": _shipped("minutes.md.j2") is not None,
    "importable": [m for m in ("data", "tests", "benchmarks") if importlib.util.find_spec(m) is not None],
}))
"""


def _probe(env: dict[str, str], cwd: Path, *flags: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, *flags, "-c", PROBE], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout)
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [path] = folder.glob("*.whl")
    return path


@pytest.mark.slow
def test_the_wheel_holds_two_packages_and_the_templates_as_package_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"workbench", "screens"}
    assert set(TEMPLATES) <= set(names)
    assert not any(name.startswith(("data/", "tests/", "benchmarks/")) for name in names)


@pytest.mark.slow
def test_an_installed_wheel_finds_its_templates_and_has_no_top_level_data(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    # -S: no site-packages hooks (the editable install of this checkout stays out); the dependencies come from
    # this environment's site-packages, after the installed wheel.
    deps = [p for p in sys.path if p.endswith("site-packages")]
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.pathsep.join([str(target), *deps])}
    found = _probe(env, tmp_path, "-S")
    assert Path(str(found["workbench"])).is_relative_to(target)
    assert Path(str(found["data_root"])) == target / "workbench" / "data"
    assert found["rubric"] and found["minutes_template"] is True
    assert found["importable"] == []


def test_an_editable_install_finds_the_checkouts_templates_and_exposes_only_the_two_packages(tmp_path: Path) -> None:
    direct = distribution(DIST).read_text("direct_url.json")
    if not direct or not json.loads(direct).get("dir_info", {}).get("editable"):
        pytest.skip("the workbench is not installed in editable mode here (the README's test command does that)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    found = _probe(env, tmp_path)
    assert Path(str(found["workbench"])) == ROOT / "workbench" / "__init__.py"
    assert Path(str(found["data_root"])) == ROOT / "data"
    assert found["rubric"] and found["minutes_template"] is True
    assert found["importable"] == []
