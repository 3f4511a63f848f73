"""Checks of the codes a kit writes: countries, currencies, languages and colours.

Each is read against CLDR (through Babel), so a code is one the pages can name.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import list_currencies
from pydantic_core import PydanticCustomError

from kitfolio.model.values import fail

# CLDR territories that are not ISO 3166-1 alpha-2 countries: groupings, pseudo-locales and the
# exceptionally reserved codes (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla,
# Canary Islands, Tristan da Cunha). XK (Kosovo) stays: it is the user-assigned code in common use.
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)
# Codes people write for a country whose ISO code differs.
_COUNTRY_HINTS = {"UK": "GB", "EL": "GR"}
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
LANG = re.compile(
    r"(?P<lang>[a-zA-Z]{2,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-[a-zA-Z0-9]{5,8})*"
)


@cache
def _countries() -> frozenset[str]:
    names = Locale("en").territories
    return frozenset(
        k
        for k in names
        if isinstance(k, str) and len(k) == 2 and k.isalpha() and k not in _NOT_COUNTRIES
    )


def check_country(value: Any) -> str:
    expected = "an ISO 3166-1 alpha-2 country code such as GB or NO"
    if not isinstance(value, str) or value not in _countries():
        if isinstance(value, str) and value.upper() in _countries():
            raise fail("country", f"an upper-case country code ({value.upper()})", value)
        if isinstance(value, str) and value.upper() in _COUNTRY_HINTS:
            hint = _COUNTRY_HINTS[value.upper()]
            raise fail("country", f"an ISO 3166-1 alpha-2 country code ({hint})", value)
        raise fail("country", expected, value)
    return value


@cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def check_currency(value: Any) -> str:
    expected = "an ISO 4217 currency code such as GBP, EUR or JPY"
    if not isinstance(value, str) or value not in _currencies():
        if isinstance(value, str) and value.upper() in _currencies():
            raise fail("currency", f"an upper-case currency code ({value.upper()})", value)
        raise fail("currency", expected, value)
    return value


@cache
def _languages() -> frozenset[str]:
    return frozenset(Locale("en").languages)


def check_language(value: Any) -> str:
    expected = "a BCP 47 language tag such as en or pt-BR"
    if not isinstance(value, str):
        raise fail("language", expected, value)
    match = LANG.fullmatch(value)
    if not match or match["lang"].lower() not in _languages():
        fixed = value.replace("_", "-")
        fixed_match = LANG.fullmatch(fixed)
        if fixed != value and fixed_match and fixed_match["lang"].lower() in _languages():
            raise fail("language", f"a BCP 47 language tag with hyphens ({fixed})", value)
        raise fail("language", expected, value)
    return value


def language_tag(value: Any) -> str:
    """``value`` as a BCP 47 language tag; ValueError says what was expected."""
    try:
        return check_language(value)
    except PydanticCustomError as exc:
        raise ValueError(exc.message()) from None


def check_hex_colour(value: Any) -> str:
    if not isinstance(value, str) or not HEX.fullmatch(value):
        raise fail("colour", 'a hex colour such as "#2E7D32" (quoted)', value)
    text = value.upper()
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text
