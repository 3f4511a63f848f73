"""The paper a site's PDFs are printed on: A4, or US Letter where the locale's territory uses it.

Babel carries CLDR's likely subtags (``en`` → ``en_Latn_US``) but not CLDR's paper sizes, so the
territories that print on Letter are copied here from CLDR's supplemental data
(``<paperSize type="US-Letter" territories="...">`` in ``supplementalData.xml``, CLDR 44–47).
A locale without a territory takes its likely one: ``en`` prints on Letter, ``en_GB`` on A4.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.core import Locale, UnknownLocaleError, get_global

LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)


@dataclass(frozen=True)
class Paper:
    """A sheet as CSS ``@page { size }`` names it, with its size for the layout."""

    name: str
    css: str
    width_mm: float
    height_mm: float


A4 = Paper("A4", "A4", 210, 297)
LETTER = Paper("Letter", "letter", 215.9, 279.4)


def territory(locale: str) -> str | None:
    """The locale's territory, or its likely one when it names none (``ja`` → ``JP``)."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None
    if parsed.territory:
        return parsed.territory
    likely = get_global("likely_subtags").get(parsed.language)
    if not likely:
        return None
    parts = [p for p in str(likely).split("_") if p.isupper() and len(p) == 2]
    return parts[0] if parts else None


def paper_for(locale: str) -> Paper:
    """Letter where the locale's territory prints on it, else A4."""
    return LETTER if territory(locale) in LETTER_TERRITORIES else A4
