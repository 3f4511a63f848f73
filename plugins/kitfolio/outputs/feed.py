"""The public data feed: ``kits.json`` (the roster) and ``<slug>/kit.json`` (one kit).

BuildProducts from views only, so whatever the rate visibility hides never reaches the feed. The
pydantic models below are the feed's contract; its JSON Schema is generated from them and
published at ``schema/feed.schema.json`` (see docs/data-feed.md).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, TypeAdapter, WithJsonSchema

from kitfolio.model.kit import Network, Offer, Visibility
from kitfolio.model.schema import DRAFT, Draft07
from kitfolio.present import wording
from kitfolio.present.markdown import plain, text_of
from kitfolio.public.views import (
    AudienceView,
    KitView,
    PlatformView,
    PriceLine,
    RatesView,
    Share,
)
from kitfolio.sources.agency import AgencyView
from kitfolio.sources.exchange_rates import ExchangeRates

VERSION: Literal[2] = 2
SCHEMA_PATH = "schema/feed.schema.json"
ROSTER_PATH = "kits.json"
KIT_FILE = "kit.json"
SCHEMA_ID = "https://kitfolio.dev/schema/feed.schema.json"

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


class _Feed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedImage(_Feed):
    url: str = Field(description="Absolute URL")
    width: int
    height: int
    alt: str


class FeedPlatform(_Feed):
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
    name: str
    percent: Percent | None = Field(None, description="Share of the base fee, percent")
    min: Amount | None = Field(None, description="Lowest amount; absent unless prices are shown")
    max: Amount | None = Field(None, description="Highest amount; only with visibility public")
    text: str | None = Field(None, description="As the site shows it, to show, not to compute")


class FeedRates(_Feed):
    visibility: Visibility
    currency: str | None = Field(None, description="ISO 4217; absent when prices are hidden")
    lowest: Amount | None = Field(None, description="The lowest visible price")
    lowest_text: str | None = None
    items: list[FeedPrice] = []
    packages: list[FeedPrice] = []


class FeedRatesDetail(FeedRates):
    addons: list[FeedAddon] = []
    long_term: str | None = None
    gifting: str | None = None
    affiliate: str | None = None


class FeedAudience(_Feed):
    source: str | None = None
    age: dict[str, Percent] = Field({}, description="Share of the audience per age band, percent")
    gender: dict[str, Percent] = {}
    countries: dict[str, Percent] = Field({}, description="ISO 3166-1 alpha-2 code → percent")
    cities: dict[str, Percent] = {}


class FeedManager(_Feed):
    name: str
    email: str | None = None
    agency: str | None = None


class FeedContact(_Feed):
    email: str | None = None
    booking_url: str | None = None
    manager: FeedManager | None = None


class FeedAvailability(_Feed):
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
    quote: str
    author: str


class FeedPartnership(_Feed):
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
    title: str
    url: str | None = None
    platform: Network | None = None
    views: int | None = None


class FeedPlatformText(_Feed):
    label: str
    followers: str = Field(description='As the site shows it, e.g. "48.2K"')


class FeedAudienceText(_Feed):
    """Each audience share as the site shows it ("62%"), under the same keys."""

    age: dict[str, str] = {}
    gender: dict[str, str] = {}
    countries: dict[str, str] = {}
    cities: dict[str, str] = {}


class FeedDisplay(_Feed):
    """A kit's figures as its page writes them, in the site's locale: to show, not to compute."""

    total_followers: str = Field(description='The full count, e.g. "48,200"')
    best_engagement: str | None = Field(None, description='e.g. "4.8%"')
    engagement: str | None = Field(None, description='Weighted by followers, e.g. "5.2%"')
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
    name: str
    url: str
    locale: str


class FeedAgency(_Feed):
    name: str
    url: str | None = None
    email: str | None = None
    logo: str | None = Field(None, description="Absolute URL")
    text: str | None = Field(None, description="Plain text")


class FeedExchangeRates(_Feed):
    """The site's exchange rates: units of each currency per one ``base``, as of ``date``."""

    date: date
    base: str
    rates: dict[str, float]


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


def _plain(markdown: str | None) -> str | None:
    return plain(markdown) if markdown else None


def _absolute(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path


def _shares(shares: list[Share]) -> dict[str, float]:
    return {share.key or share.label: share.value for share in shares}


def _share_texts(shares: list[Share]) -> dict[str, str]:
    return {share.key or share.label: share.text for share in shares}


def _audience(audience: AudienceView) -> FeedAudience:
    return FeedAudience(
        source=audience.source,
        age=_shares(audience.age),
        gender=_shares(audience.gender),
        countries=_shares(audience.countries),
        cities=_shares(audience.cities),
    )


def _platform(p: PlatformView) -> FeedPlatform:
    return FeedPlatform(
        network=p.kind,
        label=p.label,
        name=p.display_name,
        handle=p.handle,
        url=p.url,
        followers=p.followers,
        tier=p.tier,
        engagement_rate=round(p.engagement.rate, 2) if p.engagement else None,
        engagement_stated=p.engagement.stated if p.engagement else None,
        avg_views=p.avg_views,
        open_rate=p.open_rate,
    )


def _price(line: PriceLine, package: bool = False) -> FeedPrice:
    return FeedPrice(
        name=line.name,
        platform=line.network,
        min=line.lowest,
        max=line.highest,
        text=line.price,
        includes=list(line.includes) if package else None,
        note=line.note if package else None,
    )


def _rates(rates: RatesView, detail: bool) -> FeedRates:
    common: dict[str, Any] = {
        "visibility": rates.visibility_code,
        "currency": rates.currency or None,
        "lowest": rates.lowest,
        "lowest_text": rates.lowest_text,
        "items": [_price(i) for i in rates.items],
        "packages": [_price(p, package=True) for p in rates.packages],
    }
    if not detail:
        return FeedRates(**common)
    return FeedRatesDetail(
        **common,
        addons=[
            FeedAddon(name=a.name, percent=a.percent, min=a.lowest, max=a.highest, text=a.price)
            for a in rates.addons
        ],
        long_term=_plain(rates.notes.get("long_term")),
        gifting=_plain(rates.notes.get("gifting")),
        affiliate=_plain(rates.notes.get("affiliate")),
    )


def _card_fields(view: KitView, base: str, detail: bool) -> dict[str, Any]:
    avatar = view.avatar
    contact = view.contact
    return {
        "slug": view.slug,
        "path": view.url,
        "url": _absolute(base, view.url),
        "work_url": _absolute(base, view.work_url),
        "kit_json": _absolute(base, view.url + KIT_FILE),
        "name": view.name,
        "pronouns": view.pronouns,
        "tagline": view.tagline,
        "location": view.location,
        "languages": list(view.language_tags),
        "niche": view.niche,
        "tags": list(view.tags),
        "avatar": FeedImage(
            url=_absolute(base, avatar.src),
            width=avatar.width,
            height=avatar.height,
            alt=avatar.alt,
        )
        if avatar
        else None,
        "platforms": [_platform(p) for p in view.platforms],
        "total_followers": view.total_reach,
        "tier": view.tier,
        "best_engagement": round(view.best_engagement, 2)
        if view.best_engagement is not None
        else None,
        "engagement": round(view.engagement, 2) if view.engagement is not None else None,
        "stats_as_of": view.stats_date,
        "stale": view.stale,
        "audience": _audience(view.audience),
        "values": list(view.values),
        "dealbreakers": list(view.dealbreakers),
        "offers": list(view.offer_codes),
        "rates": _rates(view.rates, detail) if view.rates else None,
        "availability": FeedAvailability(
            booked_until=view.booked_until_date,
            note=_plain(view.availability_markdown),
        )
        if view.booked_until_date or view.availability_note
        else None,
        "contact": FeedContact(
            email=contact.email,
            booking_url=contact.booking_url,
            manager=FeedManager(
                name=contact.manager_name,
                email=contact.manager_email,
                agency=contact.manager_agency,
            )
            if contact.manager_name
            else None,
        ),
    }


def card(view: KitView, base: str) -> KitCard:
    """A kit as the roster lists it."""
    return KitCard(**_card_fields(view, base, detail=False))


def _display(view: KitView) -> FeedDisplay:
    audience = view.audience
    return FeedDisplay(
        total_followers=view.total_reach_full,
        best_engagement=view.best_engagement_text,
        engagement=view.engagement_text,
        tier=view.tier_label,
        platforms=[
            FeedPlatformText(label=p.label, followers=p.followers_text) for p in view.platforms
        ],
        audience=FeedAudienceText(
            age=_share_texts(audience.age),
            gender=_share_texts(audience.gender),
            countries=_share_texts(audience.countries),
            cities=_share_texts(audience.cities),
        ),
        terms={code: wording.wording(view.language).term(code) for code in view.term_markdown},
    )


def detail(view: KitView, base: str) -> KitDetail:
    """A kit in full, as far as it is public."""
    return KitDetail(
        **_card_fields(view, base, detail=True),
        display=_display(view),
        bio=_plain(view.bio_markdown),
        terms={code: plain(body) for code, body in view.term_markdown.items()},
        partnerships=[
            FeedPartnership(
                brand=p.brand,
                year=p.year,
                url=p.url,
                summary=_plain(p.summary_markdown),
                deliverables=list(p.deliverables),
                results=dict(p.result_values),
                testimonial=FeedQuote(quote=p.testimonial.quote, author=p.testimonial.author)
                if p.testimonial
                else None,
            )
            for p in view.partnerships
        ],
        testimonials=[FeedQuote(quote=q.quote, author=q.author) for q in view.testimonials],
        highlights=[
            FeedHighlight(title=h.title, url=h.url, platform=h.network, views=h.views)
            for h in view.highlights
        ],
    )


def site_info(name: str, base: str, locale: str) -> FeedSite:
    return FeedSite(name=name, url=base, locale=locale)


def _agency(agency: AgencyView | None, base: str) -> FeedAgency | None:
    if agency is None:
        return None
    return FeedAgency(
        name=agency.name,
        url=agency.url,
        email=agency.email,
        logo=_absolute(base, agency.logo.src) if agency.logo else None,
        text=text_of(agency.text) if agency.text else None,
    )


def _dump(model: BaseModel) -> str:
    return model.model_dump_json(by_alias=True, exclude_none=True)


def roster_json(
    views: list[KitView],
    site: FeedSite,
    agency: AgencyView | None,
    exchange_rates: ExchangeRates | None = None,
) -> str:
    """``kits.json``: compact JSON, one card per kit, in the roster's order (by name)."""
    feed = RosterFeed(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)},
        site=site,
        agency=_agency(agency, site.url),
        exchange_rates=FeedExchangeRates(**exchange_rates.model_dump()) if exchange_rates else None,
        kits=[card(v, site.url) for v in views],
    )
    return _dump(feed)


def kit_json(view: KitView, site: FeedSite) -> str:
    """``<slug>/kit.json``: one kit in full."""
    feed = KitFeed(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)}, site=site, kit=detail(view, site.url)
    )
    return _dump(feed)


def feed_schema() -> dict[str, Any]:
    """The JSON Schema of both feed documents (draft-07), as published."""
    adapter: TypeAdapter[RosterFeed | KitFeed] = TypeAdapter(RosterFeed | KitFeed)
    body = adapter.json_schema(
        mode="serialization",
        by_alias=True,
        schema_generator=Draft07,
        ref_template="#/definitions/{model}",
    )
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Kitfolio data feed",
        "description": (
            "kits.json (feed: kitfolio-roster) lists every kit of a site as a card; "
            "<slug>/kit.json (feed: kitfolio-kit) is one kit in full. Only what the rate "
            "visibility shows is present. See docs/data-feed.md."
        ),
        **body,
    }


def feed_schema_text() -> str:
    """The schema as committed at schema/feed.schema.json."""
    return json.dumps(feed_schema(), indent=2, ensure_ascii=False) + "\n"
