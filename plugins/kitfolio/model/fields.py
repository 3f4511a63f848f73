"""Value types of the kit format: each validates one kind of field and explains a bad value.

Every type raises a ``PydanticCustomError`` whose message reads "expected ..., got ...", so the
error a creator sees says what to write instead, and each carries its JSON Schema.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, DecimalException
from functools import cache
from typing import Annotated, Any
from urllib.parse import unquote

from babel import Locale
from babel.numbers import list_currencies
from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kitfolio.errors import printable
from kitfolio.present import mailto
from kitfolio.present import markdown as markup
from kitfolio.sources.documents import FLOAT, INT

# CLDR territories that are not ISO 3166-1 alpha-2 countries: groupings, pseudo-locales and the
# exceptionally reserved codes (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla,
# Canary Islands, Tristan da Cunha). XK (Kosovo) stays: it is the user-assigned code in common use.
_NOT_COUNTRIES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)
# Codes people write for a country whose ISO code differs.
_COUNTRY_HINTS = {"UK": "GB", "EL": "GR"}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# One address: RFC 5322's dot-atom, less the characters that mean something in a mailto: URL
# (? & = % #), and a domain of letters, digits and hyphens. \w keeps non-ASCII letters (RFC 6531).
_ATOM = r"[\w!$'*+/^`{|}~-]+"
_LABEL = r"[^\W_]+(?:-+[^\W_]+)*"
_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
_EMAIL_PART = r'[^\s@?&=%#"<>()\[\],;:\\]+'
_EMAIL_SCHEMA = rf"{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}"
"""What editors check: the same refusals, in the regular expressions every engine reads."""
_MAILTO_HEADERS = ("subject", "body")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_SCHEMA = r"(?:199[0-9]|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}"
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_LANG = re.compile(
    r"(?P<lang>[a-zA-Z]{2,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-[a-zA-Z0-9]{5,8})*"
)
_HOST = re.compile(r"//[^/\s?#]+\.[^/\s?#]+")
# What YAML refuses written raw (C0 and C1 controls but tab, line breaks and NEL; DEL; lone
# surrogates; U+FFFE, U+FFFF) is refused written as an escape too: it has no place in a page.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

FIRST_YEAR = 1990
LAST_YEAR = 2100
COUNT_BELOW = 10**10
"""Every count (followers, views, results) is below ten billion."""
MONEY_BELOW = 10**12
"""Every amount of money is below a trillion, in any currency."""
MARKDOWN_LIMIT = 5_000
"""The most characters a Markdown field holds; rendering work stays bounded on any input."""


def exact(pattern: str) -> str:
    """``pattern`` as a JSON Schema pattern that matches whole strings only.

    ECMA-262 (editors) ends a string at ``$``; Python's ``re``, which the ``jsonschema`` library
    uses, also matches ``$`` before a final newline, which the lookahead refuses.
    """
    return f"^(?:{pattern})$(?!\\n)"


def shown(value: Any) -> str:
    """A value as a creator wrote it, for "got ..." in messages: one line of printable
    characters, at most ``errors.SHOWN`` of them from the value."""
    if isinstance(value, str):
        return f'"{printable(value)}"'
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    source = getattr(value, "source", None)
    if isinstance(source, str):
        return printable(source)
    if isinstance(value, int) and value.bit_length() > 64:
        return "a number too large to show"
    return printable(str(value))


def written(value: int | float) -> str:
    """A number as the creator wrote it (``007`` stays ``007``), when the loader kept that."""
    source = getattr(value, "source", None)
    return source if isinstance(source, str) else str(value)


def _fail(kind: str, expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        kind, "expected {expected}, got {got}", {"expected": expected, "got": shown(value)}
    )


def _number(value: Any, expected: str, below: int, too_large: str) -> float | int:
    """A number as YAML writes one (quoted or not) whose size is below ``below``.

    The size is checked before any conversion, so 5,000 digits, ``1e39`` or ``1e400`` is an
    error here, never a huge integer or an infinity that formatting chokes on later.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _fail("number", expected, value)
    if isinstance(value, str):
        text = value.strip()
        if not FLOAT.fullmatch(text):
            raise _fail("number", expected, value)
        try:
            written_as = Decimal(text)
        except DecimalException:  # an exponent beyond what Decimal holds
            raise _fail("number", too_large, value) from None
        if abs(written_as) >= below:
            raise _fail("number", too_large, value)
        return int(written_as) if INT.fullmatch(text) else float(written_as)
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail("number", expected, value)
    if abs(value) >= below:
        raise _fail("number", too_large, value)
    return int(value) if isinstance(value, int) else float(value)


def _count(value: Any) -> int:
    expected = "a whole number of 0 or more"
    number = _number(value, expected, COUNT_BELOW, f"{expected}, below {COUNT_BELOW:,}")
    if number < 0 or (isinstance(number, float) and not number.is_integer()):
        raise _fail("count", expected, value)
    return int(number)


def money(value: Any) -> float | int:
    """An amount of money: a number of 0 or more (a whole amount as an int)."""
    number = _number(value, "a number", MONEY_BELOW, f"a number below {MONEY_BELOW:,}")
    if number < 0:
        raise _fail("money", "a number of 0 or more", value)
    return int(number) if float(number).is_integer() else float(number)


def _percent(value: Any) -> float:
    expected = "a percentage from 0 to 100"
    number = _number(value, expected, 1000, expected)
    if not 0 <= number <= 100:
        raise _fail("percent", expected, value)
    return float(number)


def _iso_date(value: Any) -> date:
    expected = "a date as YYYY-MM-DD"
    if isinstance(value, str):
        if not _DATE.fullmatch(value):
            raise _fail("date", expected, value)
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise _fail("date", "a real calendar date as YYYY-MM-DD", value) from None
    if not isinstance(value, date):
        raise _fail("date", expected, value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _fail("date", f"a date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31", value)
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise _fail("text", "text", value)
    if isinstance(value, (int, float)):
        return written(value)
    if not isinstance(value, str):
        raise _fail("text", "text", value)
    if _UNPRINTABLE.search(value):
        raise _fail("text", "printable text (no control characters)", value)
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


def _markdown(value: Any) -> str:
    text = _text(value)
    if len(text) > MARKDOWN_LIMIT:
        raise PydanticCustomError(
            "markdown",
            "expected Markdown of at most {limit} characters, got {length}",
            {"limit": f"{MARKDOWN_LIMIT:,}", "length": f"{len(text):,}"},
        )
    if markup.nesting(text) > markup.NESTING:
        raise PydanticCustomError(
            "markdown",
            "expected lists and quotes nested at most {most} levels deep",
            {"most": markup.NESTING},
        )
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
    match = _LANG.fullmatch(value)
    if not match or match["lang"].lower() not in _languages():
        fixed = value.replace("_", "-")
        fixed_match = _LANG.fullmatch(fixed)
        if fixed != value and fixed_match and fixed_match["lang"].lower() in _languages():
            raise _fail("language", f"a BCP 47 language tag with hyphens ({fixed})", value)
        raise _fail("language", expected, value)
    return value


def language_tag(value: Any) -> str:
    """``value`` as a BCP 47 language tag; ValueError says what was expected."""
    try:
        return _language(value)
    except PydanticCustomError as exc:
        raise ValueError(exc.message()) from None


def _email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.fullmatch(value.strip()):
        raise _fail("email", "an email address such as hello@example.com", value)
    return value.strip()


def _mailto(rest: str, value: Any) -> str:
    """A ``mailto:`` URL rebuilt from its parts: one address, at most a subject and a body.

    A hidden ``cc``, ``bcc`` or ``to`` (or any other header) is refused, and each part is
    encoded once by ``mailto.href``, whatever encoding the creator used.
    """
    address, _, query = rest.partition("?")
    if not _EMAIL.fullmatch(address):
        raise _fail("url", "mailto: followed by an email address", value)
    expected = "mailto: followed by an email address and at most a subject and a body"
    headers: dict[str, str] = {}
    for pair in query.split("&") if query else []:
        name, sep, raw = pair.partition("=")
        name = name.lower()
        if not sep or name not in _MAILTO_HEADERS or name in headers:
            raise _fail("url", expected, value)
        headers[name] = unquote(raw)
    subject = headers.get("subject", "")
    if (
        any(_UNPRINTABLE.search(text) for text in headers.values())
        or "\n" in subject
        or "\r" in subject
    ):
        raise _fail("url", expected, value)
    return mailto.href(address, **headers)


def _url(schemes: tuple[str, ...]) -> Any:
    names = ", ".join(schemes[:-1]) + " or " + schemes[-1]

    def check(value: Any) -> str:
        expected = f"a URL starting with {names}"
        if not isinstance(value, str):
            raise _fail("url", expected, value)
        text = value.strip()
        scheme, sep, rest = text.partition(":")
        if (
            not sep
            or scheme.lower() not in schemes
            or any(c.isspace() for c in text)
            or _UNPRINTABLE.search(text)
        ):
            raise _fail("url", expected, value)
        if scheme.lower() in ("http", "https") and not _HOST.match(rest):
            raise _fail("url", f"a full web address such as {scheme}://example.com/", value)
        if scheme.lower() == "mailto":
            return _mailto(rest, value)
        return text

    return check


def _hex_colour(value: Any) -> str:
    if not isinstance(value, str) or not _HEX.fullmatch(value):
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
    text = _line(value)
    if not is_image_path(text):
        raise _fail("image", "a path to an image file relative to the kit", value)
    return text


def is_slug(text: str) -> bool:
    """Whether ``text`` is a kit slug: lowercase letters, digits and single hyphens."""
    return bool(_SLUG.fullmatch(text))


@dataclass(frozen=True)
class Fixed:
    """Marks a value type that reads the same in every language (a number, a date, a URL, a
    code): a kit's ``translations`` refuse it, saying what it is."""

    what: str


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


Text = Annotated[str, BeforeValidator(_text), _schema(type="string")]
RequiredText = Annotated[str, BeforeValidator(_required_text), _schema(type="string", minLength=1)]
Line = Annotated[
    str, BeforeValidator(_line), _schema(type="string", minLength=1, pattern=exact(r"[^\r\n]+"))
]
Markdown = Annotated[
    str,
    BeforeValidator(_markdown),
    _schema(type="string", maxLength=MARKDOWN_LIMIT, description="Markdown; raw HTML is sanitised"),
]
Count = Annotated[
    int,
    BeforeValidator(_count),
    _schema(type="integer", minimum=0, maximum=COUNT_BELOW - 1),
    Fixed("a number"),
]
Money = Annotated[
    float | int,
    BeforeValidator(money),
    _schema(
        type="number",
        minimum=0,
        exclusiveMaximum=MONEY_BELOW,
        description="In the kit's rates.currency",
    ),
    Fixed("a number"),
]
Percent = Annotated[
    float,
    BeforeValidator(_percent),
    _schema(type="number", minimum=0, maximum=100),
    Fixed("a number"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    _schema(type="string", format="date", pattern=exact(_DATE_SCHEMA)),
    Fixed("a date"),
]
Country = Annotated[
    str,
    BeforeValidator(_country),
    _schema(type="string", pattern=exact("[A-Z]{2}")),
    Fixed("a code"),
]
Currency = Annotated[
    str,
    BeforeValidator(_currency),
    _schema(type="string", pattern=exact("[A-Z]{3}")),
    Fixed("a code"),
]
Language = Annotated[
    str,
    BeforeValidator(_language),
    _schema(type="string", pattern=exact(_LANG.pattern.replace("?P<lang>", ""))),
    Fixed("a code"),
]
Email = Annotated[
    str,
    BeforeValidator(_email),
    _schema(type="string", format="email", pattern=exact(_EMAIL_SCHEMA)),
    Fixed("an email address"),
]
WebUrl = Annotated[
    str,
    BeforeValidator(_url(("https", "http"))),
    _schema(type="string", format="uri", pattern="^https?://"),
    Fixed("a URL"),
]
ContactUrl = Annotated[
    str,
    BeforeValidator(_url(("https", "http", "mailto"))),
    _schema(type="string", format="uri", pattern="^(https?://|mailto:)"),
    Fixed("a URL"),
]
HexColour = Annotated[
    str,
    BeforeValidator(_hex_colour),
    _schema(type="string", pattern=exact(_HEX.pattern)),
    Fixed("a code"),
]
ImagePath = Annotated[
    str,
    BeforeValidator(_image_path),
    _schema(type="string", description="JPEG, PNG or WebP file, relative to the kit file"),
    Fixed("an image"),
]
Year = Annotated[
    int, BeforeValidator(_count), Field(ge=FIRST_YEAR, le=LAST_YEAR), Fixed("a number")
]
