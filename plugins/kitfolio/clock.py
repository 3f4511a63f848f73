"""Today's date, read in one place so that tests and reproducible runs can set it.

``KITFOLIO_TODAY=2026-11-30`` fixes the date for everything that asks this module; without it
the machine's local date is used.
"""

from __future__ import annotations

import os
import re
from datetime import date

ENV = "KITFOLIO_TODAY"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ClockError(ValueError):
    """KITFOLIO_TODAY is set to something that is not a date."""


def today() -> date:
    """The date of today, or the one ``KITFOLIO_TODAY`` names."""
    fixed = os.environ.get(ENV, "").strip()
    if not fixed:
        return date.today()
    try:
        if _ISO.match(fixed):
            return date.fromisoformat(fixed)
    except ValueError:
        pass
    raise ClockError(f"{ENV}: expected a date as YYYY-MM-DD, got {fixed!r}")
