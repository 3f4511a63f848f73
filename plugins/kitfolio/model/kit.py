"""The kit format as pydantic models: the contract with creators (see docs/kit-format.md).

Names here are the YAML keys. Fields may be added (optional); renaming or removing one breaks
every kit written against the format.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from kitfolio.model.fields import (
    MONEY_BELOW,
    ContactUrl,
    Count,
    Country,
    Currency,
    Email,
    HexColour,
    ImagePath,
    IsoDate,
    Language,
    Line,
    Markdown,
    Money,
    Percent,
    RequiredText,
    Text,
    WebUrl,
    Year,
    money,
    shown,
)

STATS_AS_OF_REQUIRED = (
    "expected a date as YYYY-MM-DD: stats_as_of is required when platforms carry figures"
)


class Strict(BaseModel):
    """Base of every kit mapping: unknown keys are errors, values are not mutated later."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Network(StrEnum):
    """Where a creator publishes."""

    instagram = "instagram"
    tiktok = "tiktok"
    youtube = "youtube"
    twitch = "twitch"
    pinterest = "pinterest"
    x = "x"
    threads = "threads"
    bluesky = "bluesky"
    linkedin = "linkedin"
    facebook = "facebook"
    snapchat = "snapchat"
    podcast = "podcast"
    newsletter = "newsletter"
    blog = "blog"
    other = "other"


class Offer(StrEnum):
    """Kinds of partnership a creator is open to."""

    sponsored_content = "sponsored-content"
    ambassador = "ambassador"
    affiliate = "affiliate"
    gifting = "gifting"
    events = "events"
    product_collab = "product-collab"
    speaking = "speaking"
    ugc = "ugc"


class Visibility(StrEnum):
    """How much of the rate card the public site shows."""

    public = "public"
    from_ = "from"
    on_request = "on-request"
    private = "private"


class Niche(Strict):
    """What the creator covers: one primary niche and any secondary ones."""

    primary: RequiredText
    tags: list[Text] = []


class Manager(Strict):
    """The person or agency who answers for the creator."""

    name: RequiredText
    email: Email | None = None
    agency: Text | None = None


class Contact(Strict):
    """How a brand reaches the creator: an address, a booking page, a manager."""

    email: Email | None = None
    booking_url: ContactUrl | None = None
    manager: Manager | None = None

    @model_validator(mode="after")
    def _one_way_in(self) -> Contact:
        if not (self.email or self.booking_url or self.manager):
            raise PydanticCustomError(
                "contact", "expected at least one of email, booking_url or manager"
            )
        return self


class HistoryPoint(Strict):
    """Followers on a past date, for growth from before the kit was in git."""

    date: IsoDate
    followers: Count


class Platform(Strict):
    """One account on one network, with its followers and per-post averages."""

    network: Network
    handle: Text | None = None
    name: Text | None = None
    url: WebUrl | None = None
    followers: Count
    avg_views: Count | None = None
    avg_likes: Count | None = None
    avg_comments: Count | None = None
    avg_shares: Count | None = None
    avg_saves: Count | None = None
    engagement_rate: Percent | None = None
    open_rate: Percent | None = None
    history: list[HistoryPoint] = []


Shares = dict[Text, Percent]


class Audience(Strict):
    """Who follows the creator: countries, ages and genders as shares of 100."""

    source: Text | None = None
    age: Shares = {}
    gender: Shares = {}
    countries: dict[Country, Percent] = {}
    cities: Shares = {}


class PriceRange(Strict):
    """A price given as a range, for work whose size varies."""

    min: Money
    max: Money

    @model_validator(mode="after")
    def _ordered(self) -> PriceRange:
        if self.min > self.max:
            raise PydanticCustomError(
                "range",
                "expected min at most max, got min {min} and max {max}",
                {"min": self.min, "max": self.max},
            )
        return self


def _price(value: Any) -> Any:
    if isinstance(value, dict):
        return PriceRange.model_validate(value)
    if isinstance(value, (PriceRange, int, float, str)) and not isinstance(value, bool):
        return value if isinstance(value, PriceRange) else money(value)
    raise PydanticCustomError(
        "price",
        "expected a number or {min, max}, got {got}",
        {"got": shown(value)},
    )


_MONEY_SCHEMA = {"type": "number", "minimum": 0, "exclusiveMaximum": MONEY_BELOW}
Price = Annotated[
    PriceRange | float | int,
    BeforeValidator(_price),
    WithJsonSchema(
        {
            "oneOf": [
                _MONEY_SCHEMA,
                {
                    "type": "object",
                    "properties": {"min": _MONEY_SCHEMA, "max": _MONEY_SCHEMA},
                    "required": ["min", "max"],
                    "additionalProperties": False,
                },
            ],
            "description": "A price in rates.currency, or a range {min, max}",
        }
    ),
]


class RateItem(Strict):
    """One deliverable on the rate card and its price."""

    deliverable: RequiredText
    platform: Network | None = None
    price: Price | None = None
    includes: Text | None = None


class Package(Strict):
    """Several deliverables sold together at one price."""

    name: RequiredText
    includes: list[Text] = []
    price: Price | None = None
    note: Text | None = None


class Addon(Strict):
    """An extra on top of a deliverable (usage rights, exclusivity...) and its price."""

    name: RequiredText
    percent: Percent | None = None
    price: Price | None = None

    @model_validator(mode="after")
    def _one_amount(self) -> Addon:
        if self.percent is not None and self.price is not None:
            raise PydanticCustomError("addon", "expected either percent or price, not both")
        return self


class Rates(Strict):
    """The rate card: currency, visibility, items, packages and add-ons."""

    currency: Currency
    visibility: Visibility = Visibility.public
    items: list[RateItem] = []
    packages: list[Package] = []
    addons: list[Addon] = []
    long_term: Markdown | None = None
    gifting: Markdown | None = None
    affiliate: Markdown | None = None


class Terms(Strict):
    """The creator's terms of work: payment, usage, exclusivity, revisions, cancellation."""

    payment: Markdown | None = None
    revisions: Markdown | None = None
    usage: Markdown | None = None
    lead_time: Markdown | None = None
    kill_fee: Markdown | None = None
    creative_control: Markdown | None = None
    disclosure: Markdown | None = None


class Quote(Strict):
    """A few words from a brand, with who said them."""

    quote: RequiredText
    author: RequiredText


class Results(Strict):
    """What a past partnership achieved, as the brand or creator measured it."""

    reach: Count | None = None
    impressions: Count | None = None
    views: Count | None = None
    engagement_rate: Percent | None = None
    link_clicks: Count | None = None
    conversions: Count | None = None


class Partnership(Strict):
    """A past collaboration with a brand, shown as a case study."""

    brand: RequiredText
    year: Year | None = None
    url: WebUrl | None = None
    logo: ImagePath | None = None
    """The brand's logo, shown in the partners' logo strip."""
    summary: Markdown | None = None
    deliverables: list[Text] = []
    results: Results | None = None
    testimonial: Quote | None = None


class Highlight(Strict):
    """A piece of work the creator is proud of, with a link or image."""

    title: RequiredText
    url: WebUrl | None = None
    platform: Network | None = None
    views: Count | None = None
    image: ImagePath | None = None


class Availability(Strict):
    """When the creator can take new work."""

    note: Markdown | None = None
    booked_until: IsoDate | None = None


class Step(Strict):
    """One step of the partnership process, replacing the default wording."""

    title: RequiredText
    detail: Markdown | None = None


class Focus(Strict):
    """The point of a photo that a square crop keeps in view, in percent of its width and
    height from the top left (the centre when absent)."""

    x: Percent = 50
    y: Percent = 50


class Theme(Strict):
    """How the creator's pages look: the accent colour."""

    accent: HexColour | None = None


class Kit(Strict):
    """One creator's media kit."""

    name: Line
    pronouns: Text | None = None
    tagline: Line | None = None
    location: Text | None = None
    languages: list[Language] = []
    avatar: ImagePath | None = None
    avatar_focus: Focus | None = None
    cover: ImagePath | None = None
    bio: Markdown | None = None
    niche: Niche
    contact: Contact
    stats_as_of: IsoDate | None = None
    platforms: Annotated[list[Platform], Field(min_length=1)]
    audience: Audience | None = None
    values: list[Text] = []
    dealbreakers: list[Text] = []
    offers: list[Offer] = []
    rates: Rates | None = None
    terms: Terms | None = None
    process: list[Step] = []
    partnerships: list[Partnership] = []
    testimonials: list[Quote] = []
    highlights: list[Highlight] = []
    availability: Availability | None = None
    theme: Theme | None = None

    @model_validator(mode="after")
    def _dated_figures(self) -> Kit:
        if self.stats_as_of is None and self.platforms:
            raise PydanticCustomError("stats_as_of", STATS_AS_OF_REQUIRED, {"field": "stats_as_of"})
        return self
