"""The example text ``kitfolio new`` writes, so a kit cannot reach a brand still holding it.

The starter template (templates/starter.yml) and the check read this one table; a test checks
that every example value of the starter is in it.
"""

from __future__ import annotations

PLACEHOLDERS: tuple[str, ...] = (
    "What you make, for whom, in one line",
    "Your city, Country",
    "Two or three sentences about you",
    "Your niche",
    "topic one",
    "topic two",
    "yourhandle",
    "example.com",
    "Your Manager",
    "cal.com/you",
)
"""Text of the starter kit, matched case-insensitively anywhere in a value."""


def placeholder_in(text: str) -> str | None:
    """The starter's placeholder that ``text`` still holds, or None."""
    folded = text.casefold()
    return next((p for p in PLACEHOLDERS if p.casefold() in folded), None)
