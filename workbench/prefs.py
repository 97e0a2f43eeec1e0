"""Preferences remembered between runs (the panel member you are, the theme), in the user config folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from workbench.config import user_config_dir

PREFS_FILE = "prefs.json"


@dataclass(frozen=True)
class Prefs:
    member: str | None = None  # the panel member this terminal speaks for
    theme: str | None = None  # a Textual theme name
    selection: str | None = None  # the selection opened last (its name)

    def with_(self, **changes: object) -> Prefs:
        return replace(self, **changes)  # type: ignore[arg-type]


def prefs_path() -> Path:
    return user_config_dir() / PREFS_FILE


def load_prefs(path: Path | None = None) -> Prefs:
    """Read the preferences; a missing or unreadable file gives the defaults."""
    path = path or prefs_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    known = {k: v for k, v in data.items() if k in Prefs.__dataclass_fields__ and (v is None or isinstance(v, str))}
    return Prefs(**known)


def save_prefs(prefs: Prefs, path: Path | None = None) -> None:
    """Write the preferences atomically (0600, folder created 0700)."""
    from workbench.config import DIR_MODE
    from workbench.files import write_private

    path = path or prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    write_private(path, json.dumps(asdict(prefs), indent=2) + "\n")
