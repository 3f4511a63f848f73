"""The example text ``kitfolio new`` writes, so a kit cannot reach a brand still holding it.

The starter template (templates/starter.yml) and this check read one table,
``starter.KIT_PLACEHOLDERS``; a test checks that every example value of the starter is in it.
"""

from __future__ import annotations

from kitfolio.starter import KIT_PLACEHOLDERS

PLACEHOLDERS: tuple[str, ...] = (*(p.text for p in KIT_PLACEHOLDERS), "example.com")
"""Text of the starter kit, matched case-insensitively anywhere in a value."""


_FOLDED = tuple((p, p.casefold()) for p in PLACEHOLDERS)


def placeholder_in(text: str) -> str | None:
    """The starter's placeholder that ``text`` still holds, or None."""
    folded = text.casefold()
    return next((p for p, own in _FOLDED if own in folded), None)
