"""Writing files safely: atomic, mode 0600, never outside the folder asked for."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from workbench.config import DIR_MODE, FILE_MODE
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
    _existing_folder(folder)
    if _is_dir(target):
        raise UserError(f"{_shown(target)} is a folder, not a file", field="-o")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(f"cannot write in {_shown(folder)}: {exc.strerror or type(exc).__name__}", field="-o") from None
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {_shown(target)}: {exc.strerror or type(exc).__name__}", field="-o") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def private_folder(path: str | os.PathLike[str], *, field: str = "-o", create: bool = True) -> Path:
    """A folder to write files into, created (mode 0700) when it is missing; its parent must exist.

    Args:
        path: the folder.
        field: the input named in errors.
        create: False only checks that the folder exists or could be created.

    Raises:
        UserError: the path is a file (or a dangling link), its parent folder does not exist, or it cannot
            be created; naming ``field``.
    """
    folder = Path(path).expanduser()
    try:
        if folder.is_dir():
            return folder
        taken = folder.exists() or folder.is_symlink()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        reason = getattr(exc, "strerror", None) or "not a possible folder name"
        raise UserError(f"cannot use the folder {_shown(folder)}: {reason}", field=field) from None
    if taken:
        raise UserError(f"{_shown(folder)} is not a folder", field=field)
    _existing_folder(folder.parent if str(folder.parent) else Path("."), field=field)
    if not create:
        return folder
    try:
        folder.mkdir(mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)  # whatever the umask
    except FileExistsError:
        if not folder.is_dir():
            raise UserError(f"{_shown(folder)} is not a folder", field=field) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UserError(f"cannot create the folder {_shown(folder)}: {reason}", field=field) from None
    return folder


def _existing_folder(folder: Path, *, field: str = "-o") -> None:
    """Refuse, naming ``field``, a folder that is missing or is not a folder."""
    try:
        if folder.is_dir():
            return
        present = folder.exists()
    except (OSError, ValueError):  # a name too long, a NUL byte
        present = False
    if present:
        raise UserError(f"{_shown(folder)} is not a folder", field=field)
    raise UserError(f"the folder {_shown(folder)} does not exist", field=field)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, a NUL byte: writing it says why
        return False


def _shown(path: Path) -> str:
    text = str(path)
    return repr(text if len(text) <= 200 else text[:199] + "\u2026")


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
