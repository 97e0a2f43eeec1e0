"""An e-mail address as a panel member's invitations will use it: one mailbox, nothing around it.

The rule (``email_problem``), on text that already passed the one rule for text
(``workbench.domain.text``):

- one ``@`` between a local part and a domain, 254 characters at most;
- the local part (64 at most): letters and digits of any script and ``! # $ % & ' * + - / = ? ^ _ ` { | } ~``,
  in dot-separated runs (no leading, trailing or doubled dot); no quoted local parts, no comments;
- the domain: at least two dot-separated labels of letters, digits and inner hyphens (63 at most each),
  the last one not all digits; no address literal (``[192.0.2.1]``), no trailing dot.

Refused on purpose: a display name (``Ann <ann@example.com>``), several addresses, spaces, quotes,
angle brackets, commas and semicolons anywhere: the field holds one address to write to, and any of
these would turn into a second recipient or a header in a mail client.
Accepted on purpose: letters of every script (internationalised addresses), upper case (kept as typed).
"""

from __future__ import annotations

MAX_ADDRESS = 254
MAX_LOCAL = 64
MAX_LABEL = 63
_LOCAL_SYMBOLS = frozenset("!#$%&'*+-/=?^_`{|}~")


def _local_problem(local: str) -> str | None:
    if not local:
        return "has nothing before the @"
    if len(local) > MAX_LOCAL:
        return f"has more than {MAX_LOCAL} characters before the @"
    for ch in local:
        if not (ch.isalnum() or ch in _LOCAL_SYMBOLS or ch == "."):
            return f"may not hold {ch!r} before the @"
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "has a dot at the start or end of the part before the @, or two dots in a row"
    return None


def _domain_problem(domain: str) -> str | None:
    if not domain:
        return "has no domain after the @"
    labels = domain.split(".")
    if len(labels) < 2:
        return f"has no dot in its domain {domain!r} (like example.com)"
    for label in labels:
        if not label:
            return f"has an empty part in its domain {domain!r}"
        if len(label) > MAX_LABEL:
            return f"has a domain part longer than {MAX_LABEL} characters"
        if label.startswith("-") or label.endswith("-"):
            return f"has a domain part that starts or ends with a hyphen: {label!r}"
        for ch in label:
            if not (ch.isalnum() or ch == "-"):
                return f"may not hold {ch!r} in its domain"
    if labels[-1].isdigit():
        return f"ends its domain with a number: {labels[-1]!r}"
    return None


def email_problem(address: str) -> str | None:
    """What is wrong with ``address`` as one e-mail address, or None when it is one."""
    if len(address) > MAX_ADDRESS:
        return f"is longer than {MAX_ADDRESS} characters"
    for ch in address:
        if ch.isspace():
            return "may not hold spaces: give one address, like ann@example.com"
    for ch in address:
        if ch in ',;<>"()[]\\:':  # lists, display names, quoting, comments, literals
            return f"may not hold {ch!r}: give one address, like ann@example.com"
    if address.count("@") != 1:
        return "needs exactly one @, like ann@example.com"
    local, domain = address.split("@")
    return _local_problem(local) or _domain_problem(domain)
