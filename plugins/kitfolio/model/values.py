"""Checks of plain values in a kit (numbers, text, dates) and how a bad one is explained.

Each raises a ``PydanticCustomError`` reading "expected ..., got ...": the error a creator sees
says what to write instead. ``model.fields`` names the types built on them.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, DecimalException
from typing import Any

from pydantic_core import PydanticCustomError

from kitfolio.errors import printable
from kitfolio.present import markdown as markup
from kitfolio.sources.yaml_scalars import FLOAT, INT

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_SCHEMA = r"(?:199[0-9]|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}"
# What YAML refuses written raw (C0 and C1 controls but tab, line breaks and NEL; DEL; lone
# surrogates; U+FFFE, U+FFFF) is refused written as an escape too: it has no place in a page.
UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

FIRST_YEAR = 1990
LAST_YEAR = 2100
COUNT_BELOW = 10**10
"""Every count (followers, views, results) is below ten billion."""
MONEY_BELOW = 10**12
"""Every amount of money is below a trillion, in any currency."""
MARKDOWN_LIMIT = 5_000
"""The most characters a Markdown field holds; rendering work stays bounded on any input."""


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


def fail(kind: str, expected: str, value: Any) -> PydanticCustomError:
    """The error of a bad value: what was expected, and the value as written."""
    return PydanticCustomError(
        kind, "expected {expected}, got {got}", {"expected": expected, "got": shown(value)}
    )


def check_number(value: Any, expected: str, below: int, too_large: str) -> float | int:
    """A number as YAML writes one (quoted or not) whose size is below ``below``.

    The size is checked before any conversion, so 5,000 digits, ``1e39`` or ``1e400`` is an
    error here, never a huge integer or an infinity that formatting chokes on later.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise fail("number", expected, value)
    if isinstance(value, str):
        text = value.strip()
        if not FLOAT.fullmatch(text):
            raise fail("number", expected, value)
        try:
            written_as = Decimal(text)
        except DecimalException:  # an exponent beyond what Decimal holds
            raise fail("number", too_large, value) from None
        if abs(written_as) >= below:
            raise fail("number", too_large, value)
        return int(written_as) if INT.fullmatch(text) else float(written_as)
    if isinstance(value, float) and not math.isfinite(value):
        raise fail("number", expected, value)
    if abs(value) >= below:
        raise fail("number", too_large, value)
    return int(value) if isinstance(value, int) else float(value)


def check_count(value: Any) -> int:
    expected = "a whole number of 0 or more"
    number = check_number(value, expected, COUNT_BELOW, f"{expected}, below {COUNT_BELOW:,}")
    if number < 0 or (isinstance(number, float) and not number.is_integer()):
        raise fail("count", expected, value)
    return int(number)


def money(value: Any) -> float | int:
    """An amount of money: a number of 0 or more (a whole amount as an int)."""
    number = check_number(value, "a number", MONEY_BELOW, f"a number below {MONEY_BELOW:,}")
    if number < 0:
        raise fail("money", "a number of 0 or more", value)
    return int(number) if float(number).is_integer() else float(number)


def check_percent(value: Any) -> float:
    expected = "a percentage from 0 to 100"
    number = check_number(value, expected, 1000, expected)
    if not 0 <= number <= 100:
        raise fail("percent", expected, value)
    return float(number)


def check_date(value: Any) -> date:
    expected = "a date as YYYY-MM-DD"
    if isinstance(value, str):
        if not DATE.fullmatch(value):
            raise fail("date", expected, value)
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise fail("date", "a real calendar date as YYYY-MM-DD", value) from None
    if not isinstance(value, date):
        raise fail("date", expected, value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise fail("date", f"a date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31", value)
    return value


def check_text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise fail("text", "text", value)
    if isinstance(value, (int, float)):
        return written(value)
    if not isinstance(value, str):
        raise fail("text", "text", value)
    if UNPRINTABLE.search(value):
        raise fail("text", "printable text (no control characters)", value)
    return value


def check_required_text(value: Any) -> str:
    text = check_text(value).strip()
    if not text:
        raise fail("text", "non-empty text", value)
    return text


def check_line(value: Any) -> str:
    text = check_required_text(value)
    if "\n" in text or "\r" in text:
        raise fail("line", "a single line of text", value)
    return text


def check_markdown(value: Any) -> str:
    text = check_text(value)
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
