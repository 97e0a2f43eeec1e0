"""Writing files safely: atomic, mode 0600, never outside the folder asked for."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from workbench.config import FILE_MODE
from workbench.services.errors import UserError


def write_private(path: str | os.PathLike[str], text: str | bytes) -> Path:
    """Write a whole file atomically with mode 0600.

    Args:
        path: the target file; its folder must exist.
        text: the content (str is written as UTF-8).

    Returns:
        The path written.

    Raises:
        UserError: the folder does not exist, or the path is a folder.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"the folder {str(folder)!r} does not exist", field="-o")
    if target.is_dir():
        raise UserError(f"{str(target)!r} is a folder, not a file", field="-o")
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(text: str, *, fallback: str = "file", max_length: int = 80) -> str:
    """A file name made from user text: no separators, no dots at the start, bounded."""
    name = _UNSAFE.sub("-", text).strip("-.")[:max_length].strip("-.")
    return name or fallback


def inside(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder/name``, refused when it would land outside ``folder``."""
    base = Path(folder).expanduser().resolve()
    if not base.is_dir():
        raise UserError(f"the folder {str(folder)!r} does not exist", field="-o")
    target = (base / name).resolve()
    if target.parent != base:
        raise UserError(f"{name!r} would be written outside {str(base)!r}", field="-o")
    return target
