"""The site's exchange rates: the ``exchange_rates`` option of the plugin, checked.

A brand's budget is in its own currency; the roster converts the kits' prices to it with the
rates the site gives, and says of which day they are. Without rates, only like currencies
compare. The option is checked like a kit, so a typo reads
``mkdocs.yml:9:7: plugins.kitfolio.exchange_rates.rates.GBP: ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from kitfolio.errors import Problem
from kitfolio.model.fields import Currency, IsoDate, shown
from kitfolio.model.validate import check_model
from kitfolio.sources.agency import config_document, option_loc

RATE_BELOW = 1e9


def _rate(value: Any) -> float:
    """Units of a currency per one base: a positive, finite number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < RATE_BELOW:
        raise PydanticCustomError(
            "rate",
            "expected a positive number of units per one base currency, below {below}, got {got}",
            {"below": f"{RATE_BELOW:g}", "got": shown(value)},
        )
    return float(value)


Rate = Annotated[float, BeforeValidator(_rate)]


class ExchangeRates(BaseModel):
    """``exchange_rates:`` under the plugin's options: units of each currency per one ``base``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: IsoDate
    base: Currency
    rates: dict[Currency, Rate] = Field(min_length=1)

    @property
    def currencies(self) -> list[str]:
        """Every currency a budget can be given in: the base, then the others by code."""
        return [self.base, *sorted(c for c in self.rates if c != self.base)]

    def as_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "base": self.base, "rates": dict(self.rates)}


def load_exchange_rates(
    options: dict[str, Any] | None, config_file: Path, display: str
) -> tuple[ExchangeRates | None, list[Problem]]:
    """Check the ``exchange_rates`` option; positions come from mkdocs.yml."""
    if not options:
        return None, []
    doc = config_document(config_file, display)
    return check_model(doc, ExchangeRates, options, option_loc(doc, "exchange_rates"))
