"""``kits-index.json``: the roster's compact index, a card cut down to what its filters read."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from kitfolio.model.kit import Network, Offer, Visibility
from kitfolio.outputs.feed_values import (
    FEED_CONFIG,
    VERSION,
    Amount,
    FeedExchangeRates,
    Percent,
    Tier,
)


class _Feed(BaseModel):
    model_config = FEED_CONFIG


class IndexPrice(_Feed):
    """A price as the filters read it: its name and lowest amount."""

    name: str
    min: Amount | None = None


class IndexPlatform(_Feed):
    """A platform as the filters read it."""

    network: Network
    label: str
    followers: int
    engagement_rate: Percent | None = None


class IndexAudience(_Feed):
    """The audience shares the filters read."""

    countries: dict[str, Percent] = {}
    age: dict[str, Percent] = {}


class IndexRates(_Feed):
    """The rates the budget filter reads, as far as the visibility allows."""

    visibility: Visibility
    currency: str | None = None
    lowest: Amount | None = None
    items: list[IndexPrice] = []
    packages: list[IndexPrice] = []


class IndexAvailability(_Feed):
    """When the creator is booked until, for the availability filter."""

    booked_until: date | None = None


class IndexCard(_Feed):
    """A kit as the roster's filters, sorting and brand fit read it: the card's own field names
    and values, without what only showing or contacting a creator needs."""

    slug: str
    path: str
    name: str
    tagline: str | None = None
    location: str | None = None
    languages: list[str] = []
    niche: str
    tags: list[str] = []
    platforms: list[IndexPlatform]
    total_followers: int
    tier: Tier
    engagement: Percent | None = None
    stats_as_of: date | None = None
    audience: IndexAudience = IndexAudience()
    values: list[str] = []
    dealbreakers: list[str] = []
    offers: list[Offer] = []
    rates: IndexRates | None = None
    availability: IndexAvailability | None = None


class RosterIndex(_Feed):
    """``kits-index.json``: the roster's compact index, what its page fetches to filter."""

    schema_: str = Field(alias="$schema")
    feed: Literal["kitfolio-roster-index"] = "kitfolio-roster-index"
    version: Literal[2] = VERSION
    exchange_rates: FeedExchangeRates | None = None
    kits: list[IndexCard]
