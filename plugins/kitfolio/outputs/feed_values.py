"""The data feed's shared parts: its version, value types and the base of its models."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema

VERSION: Literal[2] = 2
"""The contract's version, in every feed document; bumped when a change breaks a reader."""

Tier = Literal["nano", "micro", "mid", "macro", "mega"]


def _compact(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


Amount = Annotated[
    float, PlainSerializer(_compact, return_type=Any), WithJsonSchema({"type": "number"})
]
"""Money in the kit's currency; whole amounts are written without a fraction."""
Percent = Annotated[
    float, PlainSerializer(_compact, return_type=Any), WithJsonSchema({"type": "number"})
]
"""A percentage from 0 to 100; whole ones are written without a fraction."""
Figure = Annotated[
    float, PlainSerializer(_compact, return_type=Any), WithJsonSchema({"type": "number"})
]
"""A count or a percentage as the creator stated it; whole ones are written without a fraction."""


FEED_CONFIG = ConfigDict(extra="forbid", frozen=True)
"""Every feed record's: unknown fields are errors, values never change once made."""


class _Feed(BaseModel):
    model_config = FEED_CONFIG


class FeedExchangeRates(_Feed):
    """The site's exchange rates: units of each currency per one ``base``, as of ``date``."""

    date: date
    base: str
    rates: dict[str, float]
