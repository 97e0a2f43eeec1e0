"""Reading a file a person names: a regular file only, and never more than a limit, whatever it claims.

A size from ``stat`` proves nothing (``/dev/zero`` says 0 and never ends, a FIFO blocks, a file can grow
while it is read), so the bytes are counted as they are read: at most ``limit + 1``.
"""

from __future__ import annotations

import errno
import os
import stat

from workbench.services.errors import UserError

CHUNK = 1024 * 1024


def read_regular_file(path: str | os.PathLike[str], *, limit: int, field: str = "FILE") -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes.

    Args:
        path: the file, as the person gave it (a symbolic link to a regular file is followed).
        limit: the most bytes accepted.
        field: the input named in errors.

    Returns:
        The bytes.

    Raises:
        UserError: no such file, not allowed, a folder, not a regular file (a device, a pipe, a socket,
            standard input), larger than ``limit``, or unreadable; the message names the file.
    """
    source = os.fspath(path)
    shown = repr(source if len(source) <= 200 else source[:199] + "\u2026")
    if source in ("", "-"):
        raise UserError("give the path of a file (standard input is not read)", field=field)
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; O_NOCTTY: a terminal never becomes ours.
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UserError(f"no such file {shown}", field=field) from None
    except PermissionError:
        raise UserError(f"not allowed to read {shown}", field=field) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise UserError(f"{shown} is not a regular file", field=field) from None
        raise UserError(f"cannot read {shown}: {exc.strerror or type(exc).__name__}", field=field) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"{shown} is a folder, not a file", field=field)
        if not stat.S_ISREG(mode):
            raise UserError(f"{shown} is not a regular file (a device, a pipe or a socket)", field=field)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UserError(f"{shown} is larger than {_megabytes(limit)}", field=field)
        return b"".join(chunks)
    except OSError as exc:
        raise UserError(f"cannot read {shown}: {exc.strerror or type(exc).__name__}", field=field) from None
    finally:
        os.close(fd)


def _megabytes(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
