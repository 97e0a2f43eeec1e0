"""argparse types for the numbers people type: read strictly, their range checked by the services."""

from __future__ import annotations

import argparse
import re

# An optional sign and up to 18 ASCII digits: any such number fits in 64 bits, and the services name the
# option when it is out of its range. Other digits ("١٢"), "1_000", "1e3", "nan" and "inf" are not numbers here.
_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")


def whole_number(value: str) -> int:
    """A whole number as typed (``--count``, ``--duration``); refused by argparse, naming the option, otherwise."""
    text = value.strip()
    if not _WHOLE.fullmatch(text):
        shown = text if len(text) <= 40 else text[:39] + "\u2026"
        raise argparse.ArgumentTypeError(f"{shown!r} is not a whole number")
    return int(text)
