"""Minutes as Markdown or HTML from Jinja2 templates; a same-named file in the user's config folder overrides one."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from jinja2 import Environment

    from workbench.services.minutes import MinutesView

FORMATS = ("md", "html")
TEMPLATE_NAMES = {"md": "minutes.md.j2", "html": "minutes.html.j2"}
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Markdown: characters that start emphasis, code, links, images, tables, HTML or escapes anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~#])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_NEWLINES = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_MD_ANY = re.compile(r"[\\`*_\[\]|~#<>&\r\n\u2028\u2029\x0b\x0c\x85]|^\s*([+=-]|\d+[.)])|^\s|\s$")


class MdSafe(str):
    """Text that is Markdown already (escaped user text, or the template's own markup)."""


def md_escape(value: Any) -> MdSafe:
    """User text made inert in Markdown: on one line, special characters escaped, no raw HTML."""
    if isinstance(value, MdSafe):
        return value
    text = "" if value is None else str(value)
    if not _MD_ANY.search(text):  # the common case: plain words
        return MdSafe(text)
    text = _NEWLINES.sub(" ", text).strip()
    text = _MD_ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(
        lambda m: (
            m.group(1) + "\\" + m.group(2)
            if not m.group(2)[0].isdigit()
            else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1]
        ),
        text,
    )
    return MdSafe(text)


def day(value: date | datetime | None) -> str:
    """``Mon 15 Mar 2027`` (English names whatever the locale); "" for None."""
    if value is None:
        return MdSafe("")
    return MdSafe(f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}")


def clock(value: datetime) -> str:
    return MdSafe(f"{value:%H:%M}")


def when(ours: datetime, theirs: datetime) -> str:
    """``Mon 15 Mar 2027, 10:00 (Europe/London) · 11:00 (Europe/Warsaw)``; the vendor's date too when it differs."""
    our_zone, their_zone = _zone_name(ours), _zone_name(theirs)
    text = f"{day(ours)}, {clock(ours)} ({our_zone})"
    if their_zone == our_zone:
        return f"{text} · the vendor's zone too"
    their_day = "" if theirs.date() == ours.date() else f"{day(theirs)}, "
    return f"{text} · {their_day}{clock(theirs)} ({their_zone})"


def _zone_name(value: datetime) -> str:
    return str(getattr(value.tzinfo, "key", None) or value.tzname() or "UTC")


def score_text(value: int | None, scored: bool = True) -> str:
    """A score cell: 1..5, ``N/A``, or a dash when the member typed no score."""
    if not scored:
        return MdSafe("–")
    return MdSafe("N/A" if value is None else str(int(value)))


def mean_text(value: float | None) -> str:
    return MdSafe("–" if value is None else f"{value:.1f}")


def _finalize(eval_ctx: Any, value: Any) -> Any:
    """Every ``{{ }}`` of a Markdown template is escaped unless it is MdSafe; HTML relies on autoescape."""
    if value is None:
        return ""
    if eval_ctx.autoescape:
        return value
    return md_escape(value)


def user_template_dir() -> Path | None:
    """The folder whose same-named templates override the shipped ones (None when there is no config folder)."""
    from workbench.config import user_config_dir

    try:
        return user_config_dir() / "templates"
    except Exception:  # noqa: BLE001 - no config folder: shipped templates only
        return None


def _shipped(name: str) -> tuple[str, str | None, Any] | None:
    """Load a shipped template (workbench.shipped_data: a wheel's package data, or the checkout's data/)."""
    from workbench.shipped_data import data_root

    if not name or ".." in name.split("/") or name.startswith("/") or "\\" in name:
        return None
    resource = data_root().joinpath("templates", *name.split("/"))
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), None, lambda: True


_ENVIRONMENTS: dict[tuple[str, tuple[bool, ...]], Environment] = {}


def environment() -> Environment:
    """The Jinja2 environment: the user's config folder first, then the shipped templates."""
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        FunctionLoader,
        StrictUndefined,
        pass_eval_context,
        select_autoescape,
    )

    user = user_template_dir()
    overrides = tuple(bool(user and (user / name).is_file()) for name in TEMPLATE_NAMES.values())
    key = (str(user), overrides)
    env = _ENVIRONMENTS.get(key)
    if env is not None:
        return env
    loaders: list[Any] = [FileSystemLoader(str(user))] if user is not None else []
    loaders.append(FunctionLoader(_shipped))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "html.j2"),
            disabled_extensions=("md", "md.j2"),
            default_for_string=True,
            default=True,
        ),
        finalize=pass_eval_context(_finalize),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_escape, day=day, clock=clock, score=score_text, mean=mean_text)
    env.globals.update(when=when, md_raw=MdSafe)
    _ENVIRONMENTS.clear()  # one cached environment: the folder or the overrides changed
    _ENVIRONMENTS[key] = env
    return env


def render_minutes(view: MinutesView, fmt: Literal["md", "html"] = "md") -> str:
    """The minutes of one meeting as Markdown (``md``) or a self-contained HTML document (``html``).

    Raises:
        ValueError: ``fmt`` is not md or html.
    """
    from jinja2 import TemplateError

    if fmt not in TEMPLATE_NAMES:
        raise ValueError(f"{fmt!r} is not one of {', '.join(FORMATS)}")
    name = TEMPLATE_NAMES[fmt]
    try:
        return environment().get_template(name).render(m=view)
    except TemplateError as exc:
        user = user_template_dir()
        if user is None or not (user / name).is_file():
            raise
        from workbench.services.errors import UserError

        line = getattr(exc, "lineno", None)  # a TemplateSyntaxError names its line
        where = f" (line {line})" if line else ""
        raise UserError(f"your template {str(user / name)!r} failed{where}: {exc.message}", field="template") from None
