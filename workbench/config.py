"""Which database to open (--db > WORKBENCH_DB > user data folder) and safe file modes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.db_url import canonical_url, refuse_keyword_dsn
from workbench.redact import redact_url as redact_url  # re-exported: the one redaction (workbench.redact)

APP_NAME = "vendor-interview-workbench"
ENV_DB = "WORKBENCH_DB"
DB_FILENAME = "workbench.sqlite3"
FILE_MODE = 0o600
DIR_MODE = 0o700


@dataclass(frozen=True)
class DatabaseTarget:
    """A resolved database: a SQLAlchemy URL and, for SQLite, the file path."""

    url: str  # may hold a password: the repr below shows it redacted (tracebacks with locals)
    path: Path | None  # None for a server database or an in-memory SQLite
    explicit: bool = True  # named by --db or WORKBENCH_DB, not the default file

    def __repr__(self) -> str:
        return f"DatabaseTarget(url={redact_url(self.url)!r}, path={self.path!r}, explicit={self.explicit!r})"

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


def user_data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/vendor-interview-workbench."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """The per-user config folder, where template overrides and preferences live."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resolve_database(option: str | None, environ: dict[str, str] | None = None) -> DatabaseTarget:
    """Resolve the database from the --db option, the environment, or the default file.

    Args:
        option: the value of ``--db`` (a path or a URL), or None.
        environ: the environment to read ``WORKBENCH_DB`` from (default ``os.environ``).

    Returns:
        The database target.

    Raises:
        DatabaseUrlError: a URL that cannot be used as written (see ``workbench.db_url``).
    """
    env = os.environ if environ is None else environ
    value = option or env.get(ENV_DB) or ""
    value = value.strip()
    if not value:
        return _sqlite_file(user_data_dir() / DB_FILENAME, explicit=False)
    if "://" in value:
        scheme = value.partition("://")[0].lower()
        if scheme == "sqlite" and value[len(scheme) :].startswith(":///"):
            rest = value[len("sqlite:///") :]
            if rest == ":memory:":
                return DatabaseTarget(url="sqlite:///:memory:", path=None)
            return _sqlite_file(Path(rest))
        return DatabaseTarget(url=canonical_url(value), path=None)
    if not Path(value).expanduser().exists():
        refuse_keyword_dsn(value)
    return _sqlite_file(Path(value))


def _sqlite_file(path: Path, *, explicit: bool = True) -> DatabaseTarget:
    path = path.expanduser().absolute()
    return DatabaseTarget(url=f"sqlite:///{path}", path=path, explicit=explicit)


def display_database(target: DatabaseTarget) -> str:
    """How a database is named to the user: a SQLite file by its path, a server by its URL without secrets."""
    if target.path is not None:
        return str(target.path)
    return redact_url(target.url)


def prepare_private_file(path: Path) -> None:
    """Create the folder (0700 when we create it) and the file (0600) before first use."""
    parent = path.parent
    if not parent.exists():
        parent.mkdir(parents=True, mode=DIR_MODE, exist_ok=True)
        os.chmod(parent, DIR_MODE)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        os.close(fd)
    os.chmod(path, FILE_MODE)
