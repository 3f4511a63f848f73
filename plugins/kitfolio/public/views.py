"""The views templates read: a kit's public model formatted for one language and locale."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from kitfolio import clock
from kitfolio.derive import growth
from kitfolio.media.palette import Palette
from kitfolio.model.kit import Network, Visibility
from kitfolio.present import mailto
from kitfolio.public.model import PublicKit


@dataclass(frozen=True, slots=True)
class Image:
    """An image as a page embeds it; ``src`` is relative to the site root."""

    src: str
    width: int
    height: int
    alt: str
    webp: tuple[tuple[str, int], ...] = ()
    """(site path, width) of each WebP rendition, for ``srcset``."""
    sizes: str = ""


@dataclass(frozen=True, slots=True)
class GrowthView:
    """Followers gained or lost over a window, written for the page."""

    days: int
    text: str
    percent_text: str | None
    direction: str
    period_text: str = ""
    """"in 30 days" when the points cover the window, else "since Sep 1, 2026"."""


@dataclass(frozen=True, slots=True)
class EngagementView:
    """An engagement rate as shown: the figure, whether stated or computed, and how."""

    text: str
    rate: float
    stated: bool
    formula: str
    computed_text: str | None
    basis: str = ""


@dataclass(frozen=True, slots=True)
class PlatformView:
    """One platform as its card shows it."""

    network: str
    label: str
    handle: str | None
    display_name: str
    url: str | None
    followers: int
    followers_text: str
    followers_full: str
    audience_word: str
    avg_views_text: str | None
    averages: list[tuple[str, str]]
    engagement: EngagementView | None
    open_rate_text: str | None
    tier: str
    tier_label: str
    kind: Network
    points: tuple[growth.Point, ...] = ()
    growth: tuple[GrowthView, ...] = ()
    sparkline: Markup | None = None
    avg_views: int | None = None
    open_rate: float | None = None


@dataclass(frozen=True, slots=True)
class Share:
    """One bar of an audience chart: a label and its share of 100."""

    label: str
    value: float
    text: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class AudienceView:
    """The audience section: its source and each chart's bars."""

    source: str | None
    age: list[Share]
    gender: list[Share]
    countries: list[Share]
    cities: list[Share]

    @property
    def empty(self) -> bool:
        return not (self.age or self.gender or self.countries or self.cities)


@dataclass(frozen=True, slots=True)
class PriceLine:
    """One priced thing; ``price`` is None when the visibility hides it."""

    name: str
    price: str | None
    lowest: float | None
    detail: Markup | None = None
    platform: str | None = None
    includes: list[str] = field(default_factory=list)
    note: str | None = None
    highest: float | None = None
    """The top of a price range, only when the visibility shows whole prices."""
    network: Network | None = None
    percent: float | None = None
    """An add-on's share of the base fee, only when the visibility shows prices."""


@dataclass(frozen=True, slots=True)
class RatesView:
    """The rate card after the privacy gate: only the prices the visibility allows."""

    visibility: str
    shows_prices: bool
    currency: str
    items: list[PriceLine]
    packages: list[PriceLine]
    addons: list[PriceLine]
    long_term: Markup | None
    gifting: Markup | None
    affiliate: Markup | None
    lowest: float | None
    lowest_text: str | None
    visibility_code: Visibility = Visibility.public
    lowest_money: str | None = None
    """The lowest visible price alone, without the words around it."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of how working together goes."""

    title: str
    detail: Markup


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A brand's words, as the page quotes them."""

    quote: str
    author: str


@dataclass(frozen=True, slots=True)
class PartnershipView:
    """A past partnership as its case study shows it."""

    brand: str
    year: int | None
    url: str | None
    summary: Markup | None
    deliverables: list[str]
    results: list[tuple[str, str]]
    result_values: dict[str, float]
    """Result code (``reach``) → the figure as stated."""
    summary_markdown: str | None
    testimonial: QuoteView | None
    logo: Image | None = None
    shared_by: str | None = None
    """A campaign case study's figures are the brand's: where they come from."""
    ended: date | None = None
    """A campaign case study's last day, which orders it among the kit's partnerships."""
    partner_campaigns: int = 0
    """How many campaigns with this brand, when several make it a long-term partner."""
    partner_since: str | None = None
    """The month the first of them started."""


@dataclass(frozen=True, slots=True)
class HighlightView:
    """A highlight as its card shows it."""

    title: str
    url: str | None
    platform: str | None
    views_text: str | None
    network: Network | None
    views: int | None
    image: Image | None


@dataclass(frozen=True, slots=True)
class ContactView:
    """The ways to reach the creator, each link built and checked once."""

    email: str | None
    booking_url: str | None
    manager_name: str | None
    manager_email: str | None
    manager_agency: str | None

    @property
    def enquiry_email(self) -> str | None:
        """Where a brief goes: the manager when there is one with an address, else the creator."""
        return self.manager_email or self.email

    @property
    def email_href(self) -> str | None:
        return mailto.href(self.email) if self.email else None

    @property
    def manager_email_href(self) -> str | None:
        return mailto.href(self.manager_email) if self.manager_email else None

    def enquiry_href(self, subject: str | None = None) -> str | None:
        """The link that writes a brief, with its subject line when given."""
        to = self.enquiry_email
        return mailto.href(to, subject=subject) if to else None


@dataclass(frozen=True, slots=True)
class ChartSet:
    """The inline SVG charts of a media kit; None where there is nothing to draw."""

    age: Markup | None = None
    gender: Markup | None = None
    countries: Markup | None = None
    cities: Markup | None = None
    platforms: Markup | None = None
    growth: tuple[tuple[str, Markup], ...] = ()


@dataclass(frozen=True, slots=True)
class KitView:
    """All one page needs to show a kit."""

    slug: str
    url: str
    work_url: str
    name: str
    initials: str
    pronouns: str | None
    tagline: str | None
    description: str
    search_text: str
    location: str | None
    languages: list[str]
    bio: Markup | None
    niche: str
    tags: list[str]
    avatar: Image | None
    accent: str | None
    platforms: list[PlatformView]
    total_reach: int
    total_reach_text: str
    total_reach_full: str
    tier: str
    tier_label: str
    best_engagement: float | None
    best_engagement_text: str | None
    stats_as_of: str | None
    stats_date: date | None
    stale: bool
    stats_age_days: int | None
    audience: AudienceView
    values: list[str]
    dealbreakers: list[str]
    offers: list[tuple[str, str]]
    rates: RatesView | None
    terms: list[tuple[str, Markup]]
    process: list[Step]
    partnerships: list[PartnershipView]
    testimonials: list[QuoteView]
    highlights: list[HighlightView]
    availability_note: Markup | None
    booked_until: str | None
    booked_until_date: date | None
    contact: ContactView
    public: PublicKit
    """What the view was formatted from: the numbers, codes and Markdown behind its text."""
    palette: Palette | None = None
    cover: Image | None = None
    charts: ChartSet = field(default_factory=ChartSet)
    engagement: float | None = None
    """The follower-weighted rate (``figures.headline_engagement``) the kit leads with."""
    engagement_text: str | None = None
    engagement_basis: str | None = None
    """What ``engagement`` is: "weighted by followers", or "on Instagram" when one has a rate."""
    language: str = "en"
    """The language of the view's words (labels, basis lines, chart titles)."""
    pdf_url: str | None = None
    """The site path of the kit's PDF media kit, when the site makes PDFs."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Site-wide choices that change how views are built."""

    locale: str = "en"
    stale_after_days: int = 90
    language: str | None = None
    """The language of the interface text when it is not the locale's (the plugin's ``locale``
    formats figures in another); see ``words_language``."""

    @property
    def words_language(self) -> str:
        """The BCP 47 tag of the interface text: ``language``, else the locale's (``de-CH``)."""
        return (self.language or self.locale).replace("_", "-")

    today: date = field(default_factory=clock.today)
