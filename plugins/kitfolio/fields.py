"""Value types of the kit format: each validates one kind of field and explains a bad value.

Every type raises a ``PydanticCustomError`` whose message reads "expected ..., got ...", so the
error a creator sees says what to write instead, and each carries its JSON Schema.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cache
from typing import Annotated, Any

from babel import Locale
from babel.numbers import list_currencies
from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

# CLDR territories that are not ISO 3166-1 alpha-2 countries: groupings, pseudo-locales and the
# exceptionally reserved codes (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla,
# Canary Islands, Tristan da Cunha). XK (Kosovo) stays: it is the user-assigned code in common use.
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)
# Codes people write for a country whose ISO code differs.
_COUNTRY_HINTS = {"UK": "GB", "EL": "GR"}
_NUMBER = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_LANG = re.compile(
    r"^(?P<lang>[a-zA-Z]{2,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-[a-zA-Z0-9]{5,8})*$"
)


def shown(value: Any) -> str:
    """A value as a creator wrote it, for "got ..." in messages (on one line)."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        text = text.replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        return f'"{text}"'
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(getattr(value, "source", value))


def written(value: int | float) -> str:
    """A number as the creator wrote it (``007`` stays ``007``), when the loader kept that."""
    source = getattr(value, "source", None)
    return source if isinstance(source, str) else str(value)


def _fail(kind: str, expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        kind, "expected {expected}, got {got}", {"expected": expected, "got": shown(value)}
    )


def _number(value: Any, expected: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _fail("number", expected, value)
    if isinstance(value, str):
        # A quoted number is read as a number, but only when written as YAML writes one.
        text = value.strip()
        if not _NUMBER.match(text):
            raise _fail("number", expected, value)
        number: float | int = int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)
    else:
        number = value
    if isinstance(number, float) and not math.isfinite(number):
        raise _fail("number", expected, value)
    return int(number) if isinstance(number, int) else float(number)


def _count(value: Any) -> int:
    expected = "a whole number of 0 or more"
    number = _number(value, expected)
    if number < 0 or (isinstance(number, float) and not number.is_integer()):
        raise _fail("count", expected, value)
    return int(number)


def money(value: Any) -> float | int:
    """An amount of money: a number of 0 or more (a whole amount as an int)."""
    expected = "a number"
    number = _number(value, expected)
    if number < 0:
        raise _fail("money", "a number of 0 or more", value)
    return int(number) if float(number).is_integer() else float(number)


def _percent(value: Any) -> float:
    expected = "a percentage from 0 to 100"
    number = _number(value, expected)
    if not 0 <= number <= 100:
        raise _fail("percent", expected, value)
    return float(number)


def _iso_date(value: Any) -> date:
    expected = "a date as YYYY-MM-DD"
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise _fail("date", expected, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail("date", "a real calendar date as YYYY-MM-DD", value) from None


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise _fail("text", "text", value)
    if isinstance(value, (int, float)):
        return written(value)
    if not isinstance(value, str):
        raise _fail("text", "text", value)
    return value


def _required_text(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        raise _fail("text", "non-empty text", value)
    return text


def _line(value: Any) -> str:
    text = _required_text(value)
    if "\n" in text or "\r" in text:
        raise _fail("line", "a single line of text", value)
    return text


@cache
def _countries() -> frozenset[str]:
    names = Locale("en").territories
    return frozenset(
        k
        for k in names
        if isinstance(k, str) and len(k) == 2 and k.isalpha() and k not in _NOT_COUNTRIES
    )


def _country(value: Any) -> str:
    expected = "an ISO 3166-1 alpha-2 country code such as GB or NO"
    if not isinstance(value, str) or value not in _countries():
        if isinstance(value, str) and value.upper() in _countries():
            raise _fail("country", f"an upper-case country code ({value.upper()})", value)
        if isinstance(value, str) and value.upper() in _COUNTRY_HINTS:
            hint = _COUNTRY_HINTS[value.upper()]
            raise _fail("country", f"an ISO 3166-1 alpha-2 country code ({hint})", value)
        raise _fail("country", expected, value)
    return value


@cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _currency(value: Any) -> str:
    expected = "an ISO 4217 currency code such as GBP, EUR or JPY"
    if not isinstance(value, str) or value not in _currencies():
        if isinstance(value, str) and value.upper() in _currencies():
            raise _fail("currency", f"an upper-case currency code ({value.upper()})", value)
        raise _fail("currency", expected, value)
    return value


@cache
def _languages() -> frozenset[str]:
    return frozenset(Locale("en").languages)


def _language(value: Any) -> str:
    expected = "a BCP 47 language tag such as en or pt-BR"
    if not isinstance(value, str):
        raise _fail("language", expected, value)
    match = _LANG.match(value)
    if not match or match["lang"].lower() not in _languages():
        fixed = value.replace("_", "-")
        fixed_match = _LANG.match(fixed)
        if fixed != value and fixed_match and fixed_match["lang"].lower() in _languages():
            raise _fail("language", f"a BCP 47 language tag with hyphens ({fixed})", value)
        raise _fail("language", expected, value)
    return value


def _email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.match(value.strip()):
        raise _fail("email", "an email address such as hello@example.com", value)
    return value.strip()


def _url(schemes: tuple[str, ...]) -> Any:
    names = ", ".join(schemes[:-1]) + " or " + schemes[-1]

    def check(value: Any) -> str:
        expected = f"a URL starting with {names}"
        if not isinstance(value, str):
            raise _fail("url", expected, value)
        text = value.strip()
        scheme, sep, rest = text.partition(":")
        if not sep or scheme.lower() not in schemes or any(c.isspace() for c in text):
            raise _fail("url", expected, value)
        if scheme.lower() in ("http", "https") and not re.match(r"^//[^/\s?#]+\.[^/\s?#]+", rest):
            raise _fail("url", f"a full web address such as {scheme}://example.com/", value)
        if scheme.lower() == "mailto" and not _EMAIL.match(rest.split("?")[0]):
            raise _fail("url", "mailto: followed by an email address", value)
        return text

    return check


def _hex_colour(value: Any) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise _fail("colour", 'a hex colour such as "#2E7D32" (quoted)', value)
    text = value.upper()
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text


def is_image_path(text: str) -> bool:
    """Whether ``text`` can name a local image file (not a URL)."""
    text = text.strip()
    return bool(text) and "://" not in text and not text.startswith(("data:", "//"))


def _image_path(value: Any) -> str:
    text = _required_text(value)
    if not is_image_path(text):
        raise _fail("image", "a path to an image file relative to the kit", value)
    return text


def is_slug(text: str) -> bool:
    """Whether ``text`` is a kit slug: lowercase letters, digits and single hyphens."""
    return bool(_SLUG.match(text))


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


Text = Annotated[str, BeforeValidator(_text), _schema(type="string")]
RequiredText = Annotated[str, BeforeValidator(_required_text), _schema(type="string", minLength=1)]
Line = Annotated[
    str, BeforeValidator(_line), _schema(type="string", minLength=1, pattern=r"^[^\r\n]+$")
]
Markdown = Annotated[
    str,
    BeforeValidator(_text),
    _schema(type="string", description="Markdown; raw HTML is sanitised"),
]
Count = Annotated[int, BeforeValidator(_count), _schema(type="integer", minimum=0)]
Money = Annotated[
    float | int,
    BeforeValidator(money),
    _schema(type="number", minimum=0, description="In the kit's rates.currency"),
]
Percent = Annotated[
    float, BeforeValidator(_percent), _schema(type="number", minimum=0, maximum=100)
]
IsoDate = Annotated[
    date, BeforeValidator(_iso_date), _schema(type="string", format="date", pattern=_DATE.pattern)
]
Country = Annotated[str, BeforeValidator(_country), _schema(type="string", pattern="^[A-Z]{2}$")]
Currency = Annotated[str, BeforeValidator(_currency), _schema(type="string", pattern="^[A-Z]{3}$")]
Language = Annotated[
    str,
    BeforeValidator(_language),
    _schema(type="string", pattern=_LANG.pattern.replace("?P<lang>", "")),
]
Email = Annotated[str, BeforeValidator(_email), _schema(type="string", format="email")]
WebUrl = Annotated[
    str,
    BeforeValidator(_url(("https", "http"))),
    _schema(type="string", format="uri", pattern="^https?://"),
]
ContactUrl = Annotated[
    str,
    BeforeValidator(_url(("https", "http", "mailto"))),
    _schema(type="string", format="uri", pattern="^(https?://|mailto:)"),
]
HexColour = Annotated[
    str, BeforeValidator(_hex_colour), _schema(type="string", pattern=_HEX.pattern)
]
ImagePath = Annotated[
    str,
    BeforeValidator(_image_path),
    _schema(type="string", description="JPEG, PNG or WebP file, relative to the kit file"),
]
Year = Annotated[int, BeforeValidator(_count), Field(ge=1990, le=2100)]
