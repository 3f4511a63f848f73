"""The public model of a kit: what may be published, before any of it is formatted.

``public.gate.public_kit`` fills it once per kit and content language, deciding visibility on
the way (prices by ``public.prices``, private fields left out). It holds numbers, enum codes,
dates and the creator's Markdown as written, never a display string, so pages, the feed,
JSON-LD, social cards and search all read the same facts and format them for themselves.
Nothing after the gate sees the ``Kit``: what is not here cannot leak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kitfolio.derive.figures import Engagement
from kitfolio.derive.growth import Point
from kitfolio.model.kit import Network, Offer, Visibility


@dataclass(frozen=True, slots=True)
class PublicImage:
    """A published image without its words: ``src`` from the site root, WebP widths beside."""

    src: str
    width: int
    height: int
    webp: tuple[tuple[str, int], ...] = ()
    sizes: str = ""


@dataclass(frozen=True, slots=True)
class PublicPlatform:
    """One account: its figures as stated, its engagement and its follower history."""

    network: Network
    handle: str | None
    name: str | None
    url: str | None
    followers: int
    tier: str
    engagement: Engagement | None
    averages: tuple[tuple[str, int], ...]
    """(``views``, ``likes``, ...) → the average per post, only those given, in that order."""
    avg_views: int | None = None
    open_rate: float | None = None
    points: tuple[Point, ...] = ()
    """Followers over time (the kit's history, git's, and today's figure), oldest first."""


@dataclass(frozen=True, slots=True)
class PublicAudience:
    """Audience shares (of 100) by key; gender, countries and cities largest first."""

    source: str | None = None
    age: dict[str, float] = field(default_factory=dict)
    gender: dict[str, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)
    cities: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PublicPrice:
    """A rate item or package; ``low``/``high`` only as far as the visibility shows them."""

    name: str
    low: float | None
    high: float | None
    """None when only the lowest amount may be seen (``from``) or none at all."""
    platform: Network | None = None
    detail: str | None = None
    """A rate item's ``includes``, inline Markdown."""
    includes: tuple[str, ...] = ()
    """A package's deliverables."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PublicAddon:
    """An add-on: a share of the base fee or a price, each only when prices are shown."""

    name: str
    percent: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class PublicRates:
    """The rate card after the gate: ``visibility`` is the one applied to what follows."""

    visibility: Visibility
    currency: str | None
    """ISO 4217 when prices are shown, else None: a hidden card leaves no trace of it."""
    items: tuple[PublicPrice, ...]
    packages: tuple[PublicPrice, ...]
    addons: tuple[PublicAddon, ...]
    lowest: float | None
    """The lowest visible amount of the items and packages."""
    notes: dict[str, str] = field(default_factory=dict)
    """``long_term``, ``gifting``, ``affiliate`` → their Markdown, only those written."""

    @property
    def shows_prices(self) -> bool:
        """Whether any amount may be seen (the currency is there exactly then)."""
        return self.currency is not None


@dataclass(frozen=True, slots=True)
class PublicQuote:
    """A brand's words and who said them."""

    quote: str
    author: str


@dataclass(frozen=True, slots=True)
class PublicPartnership:
    """A past partnership; ``results`` maps a result code (``reach``) to the stated figure."""

    brand: str
    year: int | None
    url: str | None
    summary: str | None
    deliverables: tuple[str, ...]
    results: dict[str, float]
    testimonial: PublicQuote | None
    logo: PublicImage | None = None


@dataclass(frozen=True, slots=True)
class PublicHighlight:
    """A piece of work the creator shows."""

    title: str
    url: str | None
    platform: Network | None
    views: int | None
    image: PublicImage | None


@dataclass(frozen=True, slots=True)
class PublicContact:
    """The ways in the creator publishes."""

    email: str | None
    booking_url: str | None
    manager_name: str | None = None
    manager_email: str | None = None
    manager_agency: str | None = None


@dataclass(frozen=True, slots=True)
class PublicStep:
    """A step of the creator's own process; ``detail`` is Markdown."""

    title: str
    detail: str | None


@dataclass(frozen=True, slots=True)
class PublicKit:
    """Everything publishable of one kit, language-neutral apart from the creator's own words."""

    slug: str
    name: str
    pronouns: str | None
    tagline: str | None
    location: str | None
    languages: tuple[str, ...]
    """BCP 47 tags the creator works in."""
    bio: str | None
    niche: str
    tags: tuple[str, ...]
    contact: PublicContact
    platforms: tuple[PublicPlatform, ...]
    total_reach: int
    tier: str
    best_engagement: float | None
    engagement: float | None
    """Each rated platform's rate weighted by its followers (``figures.headline_engagement``)."""
    engagement_networks: tuple[Network, ...]
    """The networks that count in ``engagement``."""
    stats_as_of: date | None
    stats_age_days: int | None
    stale: bool
    audience: PublicAudience
    values: tuple[str, ...]
    dealbreakers: tuple[str, ...]
    offers: tuple[Offer, ...]
    rates: PublicRates | None
    terms: dict[str, str]
    """Term code (``payment``) → its Markdown, in the kit format's order."""
    process: tuple[PublicStep, ...]
    """The creator's own steps; empty when the site's default process applies."""
    partnerships: tuple[PublicPartnership, ...]
    testimonials: tuple[PublicQuote, ...]
    highlights: tuple[PublicHighlight, ...]
    availability_note: str | None
    booked_until: date | None
    accent: str | None
    """The accent colour: the kit's own, else one picked from the avatar."""
    avatar: PublicImage | None = None
    cover: PublicImage | None = None
