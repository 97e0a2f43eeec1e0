"""The core never imports the terminal UI; the screens never import the database layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports_in_fresh_process(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_services_and_domain_do_not_import_textual() -> None:
    for module in (
        "workbench.services",
        "workbench.services.comparison",
        "workbench.services.demo",
        "workbench.domain.scoring",
        "workbench.domain.robustness",
        "workbench.store.models",
    ):
        loaded = _imports_in_fresh_process(module)
        assert not any(m == "textual" or m.startswith("textual.") for m in loaded), module
        assert not any(m == "screens" or m.startswith("screens.") for m in loaded), module


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_screens_do_not_import_the_database_layer() -> None:
    forbidden = ("sqlmodel", "sqlalchemy", "workbench.store")
    for path in sorted((ROOT / "screens").rglob("*.py")):
        for name in _imported_names(path):
            assert not name.startswith(forbidden), f"{path.relative_to(ROOT)} imports {name}"


def test_core_modules_do_not_import_textual_even_lazily() -> None:
    for path in sorted((ROOT / "workbench").rglob("*.py")):
        if path.name in ("cli.py", "__main__.py"):
            continue
        for name in _imported_names(path):
            assert not name.startswith(("textual", "screens")), f"{path.relative_to(ROOT)} imports {name}"


def test_importing_screens_does_not_import_sqlalchemy() -> None:
    loaded = _imports_in_fresh_process("screens.app")
    assert "sqlalchemy" not in loaded and "sqlmodel" not in loaded
