"""Numbers, money, dates, countries and languages in the site's locale, through Babel; words in the
page's language, through the message catalogs."""

from __future__ import annotations

import datetime
from datetime import date
from decimal import Decimal
from functools import cached_property

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_percent,
    get_currency_precision,
    parse_pattern,
)

from kitfolio.present.wording import Wording, wording


class Formatter:
    """Formats figures for one locale and words for one language (the locale's, unless given);
    cheap to share across every kit of a build."""

    def __init__(self, locale: str = "en", language: str | None = None) -> None:
        try:
            self.locale = Locale.parse(locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")
        self.words: Wording = wording((language or locale).replace("_", "-"))

    @cached_property
    def _currency_pattern(self) -> str:
        pattern = self.locale.currency_formats["standard"]
        return str(pattern.pattern).split(";")[0]

    def count(self, value: int) -> str:
        """A full count: 48,200."""
        return format_decimal(value, locale=self.locale)

    def compact(self, value: int) -> str:
        """A short count: 48.2K."""
        if value < 1000:
            return self.count(value)
        return str(
            format_compact_decimal(
                value, format_type="short", locale=self.locale, fraction_digits=1
            )
        )

    def percent(self, value: float, digits: int = 1) -> str:
        """A percentage given as 0-100: 4.8%."""
        share = Decimal(str(round(value, digits))) / 100
        return format_percent(share, locale=self.locale, decimal_quantization=False)

    def money(self, amount: float, currency: str) -> str:
        """Money in the kit's currency; whole amounts drop the decimals (£450, ¥45,000)."""
        digits = get_currency_precision(currency)
        pattern = parse_pattern(self._currency_pattern)
        if float(amount).is_integer():
            digits = 0
        pattern.frac_prec = (digits, digits)
        return str(
            pattern.apply(
                Decimal(str(amount)), self.locale, currency=currency, currency_digits=False
            )
        )

    def date(self, value: date) -> str:
        """A date the way the locale writes it in full: 31 October 2026."""
        return format_date(value, format="long", locale=self.locale)

    def month(self, value: datetime.date) -> str:
        """A month the way the locale names it with its year: September 2026."""
        return format_skeleton("yMMMM", value, locale=self.locale)

    def short_date(self, value: datetime.date) -> str:
        """A date for chart axes: 31 Oct 2026."""
        return format_date(value, format="medium", locale=self.locale)

    def country(self, code: str) -> str:
        """A country's name: NO → Norway."""
        return str(self.locale.territories.get(code, code))

    def gender(self, key: str) -> str:
        """An audience's gender group: women → mujeres."""
        return self.words.gender(key)

    def language(self, tag: str) -> str:
        """A language's name: pt-BR → Portuguese (Brazil)."""
        try:
            name = Locale.parse(tag, sep="-").get_display_name(self.locale)
        except (UnknownLocaleError, ValueError):
            name = self.locale.languages.get(tag.split("-")[0])
        return name or tag
