"""The data feed's contract: the pydantic models of ``kits.json`` and ``<slug>/kit.json``
(``kits-index.json`` in ``feed_index``, the shared value types in ``feed_values``).

Its JSON Schema is generated from these models and published at ``schema/feed.schema.json``
(see docs/data-feed.md); a change here is a change to a published contract.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, TypeAdapter

from kitfolio.model.kit import Network, Offer, Visibility
from kitfolio.model.schema import Draft07, document, text
from kitfolio.outputs.feed_index import RosterIndex
from kitfolio.outputs.feed_values import (
    FEED_CONFIG,
    VERSION,
    Amount,
    FeedExchangeRates,
    Figure,
    Percent,
    Tier,
)

SCHEMA_PATH = "schema/feed.schema.json"
ROSTER_PATH = "kits.json"
INDEX_PATH = "kits-index.json"
KIT_FILE = "kit.json"
SCHEMA_ID = "https://kitfolio.dev/schema/feed.schema.json"


class _Feed(BaseModel):
    model_config = FEED_CONFIG


class FeedImage(_Feed):
    """An image as published: its absolute URL and size."""

    url: str = Field(description="Absolute URL")
    width: int
    height: int
    alt: str


class FeedPlatform(_Feed):
    """One platform of a kit in the feed, numbers as numbers."""

    network: Network
    label: str = Field(description="The network's display name")
    name: str = Field(description="@handle, or the channel's name")
    handle: str | None = None
    url: str | None = None
    followers: int = Field(description="Followers, or subscribers for YouTube/newsletters")
    tier: Tier
    engagement_rate: Percent | None = Field(None, description="Percent, 0-100")
    engagement_stated: bool | None = Field(
        None, description="True when the creator stated the rate, false when computed"
    )
    avg_views: int | None = None
    open_rate: Percent | None = Field(None, description="Percent, 0-100 (newsletters)")


class FeedPrice(_Feed):
    """A deliverable or package; amounts only as far as the rate visibility allows."""

    name: str
    platform: Network | None = None
    min: Amount | None = Field(None, description="Lowest amount; absent unless prices are shown")
    max: Amount | None = Field(None, description="Highest amount; only with visibility public")
    text: str | None = Field(None, description='As the site shows it, e.g. "from" and the amount')
    includes: list[str] | None = None
    note: str | None = None


class FeedAddon(_Feed):
    """An add-on of the rate card, priced as the kit's visibility allows."""

    name: str
    percent: Percent | None = Field(None, description="Share of the base fee, percent")
    min: Amount | None = Field(None, description="Lowest amount; absent unless prices are shown")
    max: Amount | None = Field(None, description="Highest amount; only with visibility public")
    text: str | None = Field(None, description="As the site shows it, to show, not to compute")


class FeedRates(_Feed):
    """The rate card as the kit's visibility allows: no price that the page hides."""

    visibility: Visibility
    currency: str | None = Field(None, description="ISO 4217; absent when prices are hidden")
    lowest: Amount | None = Field(None, description="The lowest visible price")
    lowest_text: str | None = None
    items: list[FeedPrice] = []
    packages: list[FeedPrice] = []


class FeedRatesDetail(FeedRates):
    """The rate card with its add-ons, in a kit's own file."""

    addons: list[FeedAddon] = []
    long_term: str | None = None
    gifting: str | None = None
    affiliate: str | None = None


class FeedAudience(_Feed):
    """The audience shares of a kit."""

    source: str | None = None
    age: dict[str, Percent] = Field({}, description="Share of the audience per age band, percent")
    gender: dict[str, Percent] = {}
    countries: dict[str, Percent] = Field({}, description="ISO 3166-1 alpha-2 code → percent")
    cities: dict[str, Percent] = {}


class FeedManager(_Feed):
    """The manager a brand may write to instead of the creator."""

    name: str
    email: str | None = None
    agency: str | None = None


class FeedContact(_Feed):
    """How a brand reaches the creator."""

    email: str | None = None
    booking_url: str | None = None
    manager: FeedManager | None = None


class FeedAvailability(_Feed):
    """When the creator can take new work."""

    booked_until: date | None = None
    note: str | None = Field(None, description="Plain text")


class KitCard(_Feed):
    """What the roster says about a kit: enough to filter, compare, rank and contact."""

    slug: str
    path: str = Field(description="The media kit's path, relative to the site root")
    url: str = Field(description="The media kit's absolute URL")
    work_url: str
    kit_json: str = Field(description="Absolute URL of this kit's own feed")
    name: str
    pronouns: str | None = None
    tagline: str | None = None
    location: str | None = None
    languages: list[str] = Field([], description="BCP 47 tags")
    niche: str
    tags: list[str] = []
    avatar: FeedImage | None = None
    platforms: list[FeedPlatform]
    total_followers: int
    tier: Tier
    best_engagement: Percent | None = None
    engagement: Percent | None = None
    """Each platform's rate weighted by its followers: the figure to filter and sort by."""
    stats_as_of: date | None = None
    stale: bool = False
    audience: FeedAudience = FeedAudience()
    values: list[str] = []
    dealbreakers: list[str] = []
    offers: list[Offer] = []
    rates: FeedRates | None = None
    availability: FeedAvailability | None = None
    contact: FeedContact


class FeedQuote(_Feed):
    """A brand's words about the creator."""

    quote: str
    author: str


class FeedPartnership(_Feed):
    """A past partnership with its results."""

    brand: str
    year: int | None = None
    url: str | None = None
    summary: str | None = None
    deliverables: list[str] = []
    results: dict[str, Figure] = Field(
        {},
        description="reach, impressions, views, link_clicks, conversions (counts) and "
        "engagement_rate (percent) as stated",
    )
    testimonial: FeedQuote | None = None


class FeedHighlight(_Feed):
    """A piece of work the creator shows."""

    title: str
    url: str | None = None
    platform: Network | None = None
    views: int | None = None


class FeedPlatformText(_Feed):
    """A platform's figures as the pages show them, for consumers without Babel."""

    label: str
    followers: str = Field(description='As the site shows it, e.g. "48.2K"')


class FeedAudienceText(_Feed):
    """Each audience share as the site shows it ("62%"), under the same keys."""

    age: dict[str, str] = {}
    gender: dict[str, str] = {}
    countries: dict[str, str] = {}
    cities: dict[str, str] = {}
    names: dict[str, str] = Field({}, description='Country code → its name, e.g. "Norway"')


class FeedDisplay(_Feed):
    """A kit's figures as its page writes them, in the site's locale: to show, not to compute."""

    total_followers: str = Field(description='The full count, e.g. "48,200"')
    best_engagement: str | None = Field(None, description='e.g. "4.8%"')
    engagement: str | None = Field(None, description='Weighted by followers, e.g. "5.2%"')
    engagement_basis: str | None = Field(
        None, description='What the engagement is, e.g. "weighted by followers", "on TikTok"'
    )
    tier: str = Field(description='e.g. "Micro (10K–100K)"')
    platforms: list[FeedPlatformText] = Field(description="In the order of the kit's platforms")
    audience: FeedAudienceText = FeedAudienceText()
    terms: dict[str, str] = Field({}, description='Term code → its name, e.g. "Payment"')


class KitDetail(KitCard):
    """Everything public about one kit."""

    display: FeedDisplay | None = None
    bio: str | None = Field(None, description="Plain text")
    rates: FeedRatesDetail | None = None
    terms: dict[str, str] = Field(
        {},
        description="payment, revisions, usage, lead_time, kill_fee, creative_control, "
        "disclosure → plain text",
    )
    partnerships: list[FeedPartnership] = []
    testimonials: list[FeedQuote] = []
    highlights: list[FeedHighlight] = []


class FeedSite(_Feed):
    """The site that published the feed."""

    name: str
    url: str
    locale: str
    language: str | None = Field(
        None, description="BCP 47 tag of the language this document's text is in"
    )
    languages: dict[str, str] | None = Field(
        None,
        description="Each language the site publishes → where its pages and feed are (its "
        "kits.json is there); only on a site of several languages",
    )


class FeedAgency(_Feed):
    """The agency that represents the roster, when the site names one."""

    name: str
    url: str | None = None
    email: str | None = None
    logo: str | None = Field(None, description="Absolute URL")
    text: str | None = Field(None, description="Plain text")


class RosterFeed(_Feed):
    """``kits.json``: every kit of the site as a card, sorted by name."""

    schema_: str = Field(alias="$schema")
    feed: Literal["kitfolio-roster"] = "kitfolio-roster"
    version: Literal[2] = VERSION
    site: FeedSite
    agency: FeedAgency | None = None
    exchange_rates: FeedExchangeRates | None = Field(
        None, description="To compare a budget with prices in another currency"
    )
    kits: list[KitCard]


class KitFeed(_Feed):
    """``<slug>/kit.json``: one kit in full."""

    schema_: str = Field(alias="$schema")
    feed: Literal["kitfolio-kit"] = "kitfolio-kit"
    version: Literal[2] = VERSION
    site: FeedSite
    kit: KitDetail


def feed_schema() -> dict[str, Any]:
    """The JSON Schema of both feed documents (draft-07), as published."""
    adapter: TypeAdapter[RosterFeed | KitFeed | RosterIndex] = TypeAdapter(
        RosterFeed | KitFeed | RosterIndex
    )
    body = adapter.json_schema(
        mode="serialization",
        by_alias=True,
        schema_generator=Draft07,
        ref_template="#/definitions/{model}",
    )
    return document(
        SCHEMA_ID,
        "Kitfolio data feed",
        "kits.json (feed: kitfolio-roster) lists every kit of a site as a card; "
        "<slug>/kit.json (feed: kitfolio-kit) is one kit in full; kits-index.json "
        "(feed: kitfolio-roster-index) is the roster's compact index. Only what the rate "
        "visibility shows is present. See docs/data-feed.md.",
        body,
    )


def feed_schema_text() -> str:
    """The schema as committed at schema/feed.schema.json."""
    return text(feed_schema())
