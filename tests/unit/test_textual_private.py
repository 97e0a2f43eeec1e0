"""Textual's private names: the pin holds, each listed name exists, and no private name is used unlisted.

An upgrade of Textual fails here first, with the whole list of what to re-check (screens/shell/textual_private.py).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib.metadata import version
from pathlib import Path

import textual

from screens.shell.textual_private import NAMES, TEXTUAL_VERSION, PrivateName

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("screens", "workbench", "tests", "benchmarks")


def _resolve(dotted: str) -> object:
    """A module, or a class inside one (``textual.widgets.DataTable``)."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _, name = dotted.rpartition(".")
        return getattr(importlib.import_module(module), name)


@cache
def _source(cls: type) -> str:
    """A Textual class's source ("" when it has none to read); parsing a module is slow, so each is read once."""
    try:
        return inspect.getsource(cls)
    except (OSError, TypeError):
        return ""


def _exists(entry: PrivateName) -> bool:
    owner = _resolve(entry.owner)
    if hasattr(owner, entry.name):
        return True
    if isinstance(owner, type):  # an attribute set in a method, e.g. self._dirty_lines = set()
        pattern = re.compile(rf"self\.{re.escape(entry.name)}\b")
        for cls in owner.__mro__:
            if cls.__module__.startswith("textual") and pattern.search(_source(cls)):
                return True
    return False


def _listing() -> str:
    """The list, one line per reason (the DataTable caches share one)."""
    by_why: dict[str, list[PrivateName]] = {}
    for entry in NAMES:
        by_why.setdefault(entry.why, []).append(entry)
    return "\n".join(
        f"- {', '.join(f'{e.owner}.{e.name}' for e in entries)} ({', '.join(entries[0].where)}): {why}"
        for why, entries in by_why.items()
    )


def test_textual_is_the_pinned_version() -> None:
    pin = next(
        d for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"] if "textual" in d
    )
    assert pin == f"textual=={TEXTUAL_VERSION}"
    assert version("textual") == TEXTUAL_VERSION, (
        f"Textual {version('textual')} is installed, the private names were checked against {TEXTUAL_VERSION}; "
        f"re-check each of them, then change TEXTUAL_VERSION:\n{_listing()}"
    )


def test_every_listed_private_name_still_exists() -> None:
    gone = [e for e in NAMES if not _exists(e)]
    assert not gone, (
        "Textual no longer has: "
        + ", ".join(f"{e.owner}.{e.name}" for e in gone)
        + f"\nEvery private name the project touches:\n{_listing()}"
    )


def test_each_entry_names_files_that_use_it() -> None:
    for entry in NAMES:
        for where in entry.where:
            text = (ROOT / where).read_text(encoding="utf-8")
            assert entry.name in text, f"{where} does not use {entry.name}: the list is out of date"


# ---------------------------------------------------------------------------- the list is complete


def _textual_private_names() -> set[str]:
    found: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"(?:def|class)\s+(_[A-Za-z]\w*)", text))
        found |= set(re.findall(r"self\.(_[A-Za-z]\w*)\s*[:=]", text))
        found |= set(re.findall(r"^\s+(_[A-Za-z]\w*)\s*[:=]", text, re.M))
    return found


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.name == "textual_private.py" or path == Path(__file__).resolve():
                continue
            yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def _own_names(trees: list[tuple[str, ast.Module]]) -> set[str]:
    """Private names the project defines itself (methods, attributes set on self, module or class names)."""
    own: set[str] = set()
    for _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    own.add(node.attr)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                own |= {t.id for t in targets if isinstance(t, ast.Name)}
    return own


def test_no_private_textual_name_is_used_unlisted() -> None:
    """Imports from Textual's private modules, and ``x._name`` of Textual's on anything but our own names."""
    listed = {e.name for e in NAMES} | {e.owner for e in NAMES}
    textual_names = _textual_private_names()
    trees = list(_trees())
    own = _own_names(trees) - listed
    unlisted: set[str] = set()
    for where, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                module = node.module or ""
                if any(part.startswith("_") for part in module.split(".")) and module not in listed:
                    unlisted.add(f"{where}: from {module} import …")
            elif (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr in textual_names
                and node.attr not in own
                and node.attr not in listed
            ):
                unlisted.add(f"{where}:{node.lineno}: .{node.attr}")
    assert not unlisted, "private Textual names not in screens/shell/textual_private.py:\n" + "\n".join(
        sorted(unlisted)
    )


def test_no_textual_private_method_is_overridden_unlisted() -> None:
    """A method or attribute of ours on a Textual subclass must not take the name of one of Textual's by accident."""
    import pkgutil

    import screens

    listed = {e.name for e in NAMES}
    clashes: list[str] = []
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        module = importlib.import_module(info.name)
        tree = ast.parse(inspect.getsource(module))
        for node in tree.body:
            cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
            if not isinstance(cls, type):
                continue
            bases = [b for b in cls.__mro__ if b.__module__.startswith("textual")]
            names = {n.name for n in ast.walk(node) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))} | {
                n.attr
                for n in ast.walk(node)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"
            }
            for name in sorted(n for n in names if n.startswith("_") and not n.startswith("__") and n not in listed):
                for base in bases:
                    if re.search(rf"(?:def |self\.){re.escape(name)}\b", _source(base)):
                        clashes.append(f"{info.name}.{node.name}.{name} (Textual's {base.__name__} has it)")
                        break
    assert not clashes, "\n".join(clashes)
