"""Secrets out of everything shown: database URLs, driver messages and tracebacks.

The rule, one for every place a URL or an error is shown:

- the password of the user part (``user:PASSWORD@host``) is replaced by ``***``;
- a query parameter is secret when its name (percent-decoded, any case) contains ``pass``, ``pwd``,
  ``secret``, ``token``, ``key``, ``auth`` or ``cred``, except the libpq parameters that name a *file*
  (``passfile``, ``sslkey``, ``sslcert``, ``sslrootcert``, ``sslcrl``, ``sslcrldir``): their value is a path,
  which the user needs to see to fix a mistake, and a path is not a secret;
- any text (an exception message, a traceback) is scrubbed of every secret value of the URL in use, in its
  raw, percent-decoded and percent-encoded forms, and of anything shaped like a secret: ``scheme://user:X@``,
  ``password=X``, ``password: X`` (the names of the rule above, quoted values included).

Nothing here imports the database layer: the command line uses it on its very last line of defence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus, unquote, unquote_plus

MASK = "***"
SECRET_WORDS = ("pass", "pwd", "secret", "token", "key", "auth", "cred")
FILE_PARAMETERS = frozenset({"passfile", "sslkey", "sslcert", "sslrootcert", "sslcrl", "sslcrldir"})
_WHOLE_WORD_BELOW = 4  # a secret shorter than this is scrubbed where it stands alone only

_NAME = r"[A-Za-z0-9_.%-]*"
_SECRET_NAME = rf"{_NAME}(?:{'|'.join(SECRET_WORDS)}){_NAME}"
# name = value, name: value, name => value; the value quoted or up to a separator.
_ASSIGNMENT = re.compile(
    rf"(?i)\b(?P<name>{_SECRET_NAME})(?P<sep>[\"']?\s*(?:=>?|:)\s*)(?P<value>'[^'\n]*'?|\"[^\"\n]*\"?|[^\s&;,'\")\]}}]+)"
)
# scheme://user:password@ -- the password up to the last '@' of the word (it may hold an unencoded '@').
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:)(?P<password>[^\s]*)@")


def is_secret_parameter(name: str) -> bool:
    """True when a URL query parameter's value must not be shown (see the module's rule)."""
    plain = unquote_plus(name).strip().lower()
    if plain in FILE_PARAMETERS:
        return False
    return any(word in plain for word in SECRET_WORDS)


def _split(url: str, *, first_mark: bool = False) -> tuple[str, str, str]:
    """(scheme://, the part up to the query, the query without '?') of a URL, leniently.

    The query starts at the first '?' after the user part (a '?' in a password is not a query), or
    with ``first_mark`` at the first '?' at all (how a reader that does not know better splits it).
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "", url, ""
    mark = rest.find("?") if first_mark else rest.find("?", rest.rfind("@") + 1)
    if mark < 0:
        return scheme + sep, rest, ""
    return scheme + sep, rest[:mark], rest[mark + 1 :]


def _userinfo(body: str) -> tuple[str, str | None, str]:
    """(user, password or None, host and path) of the part after ``scheme://``.

    The user part ends at the *last* '@' before the path, so an unencoded '@' in a password is
    masked with the rest of it rather than shown as a host.
    """
    slash = body.find("/")
    at = body.rfind("@") if slash < 0 else body.rfind("@", 0, slash)
    if at < 0:
        at = body.rfind("@")  # an unencoded '/' in the password: the '@' comes after it
    if at < 0:
        return "", None, body
    user, colon, password = body[:at].partition(":")
    return user, (password if colon else None), body[at + 1 :]


def redact_url(url: str) -> str:
    """A URL fit to show: the password and every secret query parameter replaced by ``***``."""
    head, body, query = _split(url)
    if not head:
        return url
    user, password, rest = _userinfo(body)
    shown = head
    if password is not None:
        shown += f"{user}:{MASK}@"
    elif user:
        shown += f"{user}@"
    shown += rest
    if query or url.endswith("?"):
        shown += "?" + _redact_query(query)
    return scrub(shown, secret_values(url))


def _redact_query(query: str) -> str:
    pairs = []
    for pair in query.split("&"):
        name, eq, value = pair.partition("=")
        pairs.append(f"{name}={MASK}" if eq and value and is_secret_parameter(name) else pair)
    return "&".join(pairs)


def secret_values(url: str | None) -> set[str]:
    """Every secret a database URL holds (the user part's password, secret query values), in each form."""
    if not url or "://" not in url:
        return set()
    raw: set[str] = set()
    for first_mark in (False, True):  # both readings of a '?' before an '@': a secret in either is one
        _head, body, query = _split(url, first_mark=first_mark)
        _user, password, _rest = _userinfo(body)
        if password:
            raw.add(password)
        for pair in query.split("&"):
            name, eq, value = pair.partition("=")
            if eq and value and is_secret_parameter(name):
                raw.add(value)
    forms: set[str] = set()
    for value in raw:
        for form in (value, unquote(value), unquote_plus(value), quote(unquote(value), safe=""), quote_plus(value)):
            forms.add(form)
    return forms


def scrub(text: str, secrets: Iterable[str] = (), *, shapes: bool = True) -> str:
    """``text`` without the given secret values and (``shapes``) without anything shaped like a secret.

    ``shapes=False`` keeps a message of the workbench's own words as they are but for the values.
    """
    for value in sorted(set(secrets), key=len, reverse=True):  # the longest first: no half-masked secrets
        if not value or value == MASK:
            continue
        if len(value) >= _WHOLE_WORD_BELOW:
            text = text.replace(value, MASK)
        else:  # a very short secret only where it stands alone, or every "a" of a traceback would go
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", MASK, text)
    if not shapes:
        return text
    text = _USERINFO.sub(lambda m: f"{m['head']}{MASK}@", text)
    return _ASSIGNMENT.sub(_mask_assignment, text)


def _mask_assignment(match: re.Match[str]) -> str:
    name = match["name"]
    if not is_secret_parameter(name) or name.lower().endswith(("error", "exception")) or match["value"] == MASK:
        return match[0]
    return f"{match['name']}{match['sep']}{MASK}"
