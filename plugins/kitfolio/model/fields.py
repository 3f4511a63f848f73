"""Value types of the kit format: each validates one kind of field and carries its JSON Schema.

The checks are in ``model.values`` (numbers, text, dates), ``model.codes`` (countries,
currencies, languages, colours) and ``model.addresses`` (email, URLs, images); every one
explains a bad value as "expected ..., got ...", so the error says what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from kitfolio.model.addresses import (
    EMAIL_SCHEMA,
    check_email,
    check_image_path,
    is_image_path,
    is_slug,
    url_check,
)
from kitfolio.model.codes import (
    HEX,
    LANG,
    check_country,
    check_currency,
    check_hex_colour,
    check_language,
    language_tag,
)
from kitfolio.model.values import (
    COUNT_BELOW,
    DATE_SCHEMA,
    FIRST_YEAR,
    LAST_YEAR,
    MARKDOWN_LIMIT,
    MONEY_BELOW,
    check_count,
    check_date,
    check_line,
    check_markdown,
    check_percent,
    check_required_text,
    check_text,
    money,
    shown,
)

__all__ = [
    "MARKDOWN_LIMIT",
    "MONEY_BELOW",
    "is_image_path",
    "is_slug",
    "language_tag",
    "money",
    "shown",
]
"""Besides the types: the checks other modules ask for by this module's name."""


def exact(pattern: str) -> str:
    """``pattern`` as a JSON Schema pattern that matches whole strings only.

    ECMA-262 (editors) ends a string at ``$``; Python's ``re``, which the ``jsonschema`` library
    uses, also matches ``$`` before a final newline, which the lookahead refuses.
    """
    return f"^(?:{pattern})$(?!\\n)"


@dataclass(frozen=True)
class Fixed:
    """Marks a value type that reads the same in every language (a number, a date, a URL, a
    code): a kit's ``translations`` refuse it, saying what it is."""

    what: str


def _schema(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema(schema)


Text = Annotated[str, BeforeValidator(check_text), _schema(type="string")]
RequiredText = Annotated[
    str, BeforeValidator(check_required_text), _schema(type="string", minLength=1)
]
Line = Annotated[
    str,
    BeforeValidator(check_line),
    _schema(type="string", minLength=1, pattern=exact(r"[^\r\n]+")),
]
Markdown = Annotated[
    str,
    BeforeValidator(check_markdown),
    _schema(type="string", maxLength=MARKDOWN_LIMIT, description="Markdown; raw HTML is sanitised"),
]
Count = Annotated[
    int,
    BeforeValidator(check_count),
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
    BeforeValidator(check_percent),
    _schema(type="number", minimum=0, maximum=100),
    Fixed("a number"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(check_date),
    _schema(type="string", format="date", pattern=exact(DATE_SCHEMA)),
    Fixed("a date"),
]
Country = Annotated[
    str,
    BeforeValidator(check_country),
    _schema(type="string", pattern=exact("[A-Z]{2}")),
    Fixed("a code"),
]
Currency = Annotated[
    str,
    BeforeValidator(check_currency),
    _schema(type="string", pattern=exact("[A-Z]{3}")),
    Fixed("a code"),
]
Language = Annotated[
    str,
    BeforeValidator(check_language),
    _schema(type="string", pattern=exact(LANG.pattern.replace("?P<lang>", ""))),
    Fixed("a code"),
]
Email = Annotated[
    str,
    BeforeValidator(check_email),
    _schema(type="string", format="email", pattern=exact(EMAIL_SCHEMA)),
    Fixed("an email address"),
]
WebUrl = Annotated[
    str,
    BeforeValidator(url_check(("https", "http"))),
    _schema(type="string", format="uri", pattern="^https?://"),
    Fixed("a URL"),
]
ContactUrl = Annotated[
    str,
    BeforeValidator(url_check(("https", "http", "mailto"))),
    _schema(type="string", format="uri", pattern="^(https?://|mailto:)"),
    Fixed("a URL"),
]
HexColour = Annotated[
    str,
    BeforeValidator(check_hex_colour),
    _schema(type="string", pattern=exact(HEX.pattern)),
    Fixed("a code"),
]
ImagePath = Annotated[
    str,
    BeforeValidator(check_image_path),
    _schema(type="string", description="JPEG, PNG or WebP file, relative to the kit file"),
    Fixed("an image"),
]
Year = Annotated[
    int, BeforeValidator(check_count), Field(ge=FIRST_YEAR, le=LAST_YEAR), Fixed("a number")
]
