"""Where the shipped templates are: ``workbench/data`` inside a wheel, the checkout's ``data/`` folder otherwise.

The repository keeps the templates in its top-level ``data/`` folder; the wheel carries them as package data of
``workbench`` (pyproject.toml's force-include), so no top-level ``data`` package is ever installed.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def data_root() -> Traversable:
    """The folder of the shipped templates (rubrics, checklists, scope, sample, minutes templates)."""
    packaged = files("workbench").joinpath("data")
    if packaged.is_dir():  # installed from a wheel
        return packaged
    return Path(__file__).resolve().parent.parent / "data"  # a checkout, or an editable install of one
