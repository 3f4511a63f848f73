"""KitView: everything a page shows about one kit, formatted, with private data already gone.

This is the one place that decides privacy. Templates, the search index, the data feed and
social cards all read views, so a price the rate visibility hides never reaches any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from markupsafe import Markup

from kitfolio.derive import figures, growth
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.history import platform_keys
from kitfolio.media.palette import Palette, palette
from kitfolio.media.renditions import AVATAR, COVER, HIGHLIGHT, Picture, Role
from kitfolio.model.kit import (
    Addon,
    Kit,
    Network,
    Offer,
    Partnership,
    Platform,
    PriceRange,
    Rates,
    Visibility,
)
from kitfolio.outputs import charts
from kitfolio.present import mailto
from kitfolio.present.formatting import Formatter
from kitfolio.present.markdown import plain, render, render_inline
from kitfolio.sources.kits import LoadedKit

NETWORK_LABELS = {
    Network.instagram: "Instagram",
    Network.tiktok: "TikTok",
    Network.youtube: "YouTube",
    Network.twitch: "Twitch",
    Network.pinterest: "Pinterest",
    Network.x: "X",
    Network.threads: "Threads",
    Network.bluesky: "Bluesky",
    Network.linkedin: "LinkedIn",
    Network.facebook: "Facebook",
    Network.snapchat: "Snapchat",
    Network.podcast: "Podcast",
    Network.newsletter: "Newsletter",
    Network.blog: "Blog",
    Network.other: "Other",
}
AUDIENCE_WORD = {
    Network.youtube: "subscribers",
    Network.newsletter: "subscribers",
    Network.podcast: "subscribers",
    Network.blog: "readers",
}
OFFER_LABELS = {
    Offer.sponsored_content: "Sponsored content",
    Offer.ambassador: "Ambassadorships",
    Offer.affiliate: "Affiliate partnerships",
    Offer.gifting: "Gifted products",
    Offer.events: "Events and appearances",
    Offer.product_collab: "Product collaborations",
    Offer.speaking: "Speaking",
    Offer.ugc: "User-generated content for your channels",
}
TIER_LABELS = {
    "nano": "Nano (under 10K)",
    "micro": "Micro (10K–100K)",
    "mid": "Mid-tier (100K–500K)",
    "macro": "Macro (500K–1M)",
    "mega": "Mega (1M+)",
}
TERM_LABELS = {
    "payment": "Payment",
    "revisions": "Revisions",
    "usage": "Usage rights",
    "lead_time": "Lead time",
    "kill_fee": "Kill fee",
    "creative_control": "Creative control",
    "disclosure": "Disclosure",
}
RESULT_LABELS = {
    "reach": "Reach",
    "impressions": "Impressions",
    "views": "Views",
    "engagement_rate": "Engagement rate",
    "link_clicks": "Link clicks",
    "conversions": "Conversions",
}
DEFAULT_PROCESS = (
    (
        "Enquiry",
        "Tell me about your brand, product and goal with the brief builder below or by email. "
        "I reply within two working days.",
    ),
    (
        "Brief",
        "We agree the deliverables, key messages, dates, budget and usage in a short brief.",
    ),
    (
        "Contract",
        "A simple agreement sets out fees, payment terms, usage rights, exclusivity and "
        "the kill fee before any work starts.",
    ),
    (
        "Content and review",
        "I create the content in my own voice. You review the draft against the "
        "brief within the agreed revision round.",
    ),
    ("Going live", "Content goes live on the agreed dates, clearly labelled as an ad or gifted."),
    (
        "Reporting",
        "You receive the performance figures (reach, engagement, clicks) with screenshots "
        "from the platforms' own insights.",
    ),
    ("Wrap-up", "We review what worked, settle the final invoice, and talk about what comes next."),
)


@dataclass(frozen=True)
class Image:
    """An image as a page embeds it; ``src`` is relative to the site root."""

    src: str
    width: int
    height: int
    alt: str
    webp: tuple[tuple[str, int], ...] = ()
    """(site path, width) of each WebP rendition, for ``srcset``."""
    sizes: str = ""


@dataclass(frozen=True)
class GrowthView:
    """Followers gained or lost over a window, written for the page."""

    days: int
    text: str
    percent_text: str | None
    direction: str
    period_text: str = ""
    """"in 30 days" when the points cover the window, else "since Sep 1, 2026"."""


@dataclass(frozen=True)
class EngagementView:
    text: str
    rate: float
    stated: bool
    formula: str
    computed_text: str | None
    basis: str = ""


@dataclass(frozen=True)
class PlatformView:
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
    points: tuple[growth.Point, ...] = ()
    growth: tuple[GrowthView, ...] = ()
    sparkline: Markup | None = None
    avg_views: int | None = None
    open_rate: float | None = None


@dataclass(frozen=True)
class Share:
    label: str
    value: float
    text: str
    key: str = ""


@dataclass(frozen=True)
class AudienceView:
    source: str | None
    age: list[Share]
    gender: list[Share]
    countries: list[Share]
    cities: list[Share]

    @property
    def empty(self) -> bool:
        return not (self.age or self.gender or self.countries or self.cities)


@dataclass(frozen=True)
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
    network: str | None = None


@dataclass(frozen=True)
class RatesView:
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


@dataclass(frozen=True)
class Step:
    title: str
    detail: Markup


@dataclass(frozen=True)
class QuoteView:
    quote: str
    author: str


@dataclass(frozen=True)
class PartnershipView:
    brand: str
    year: int | None
    url: str | None
    summary: Markup | None
    deliverables: list[str]
    results: list[tuple[str, str]]
    testimonial: QuoteView | None


@dataclass(frozen=True)
class HighlightView:
    title: str
    url: str | None
    platform: str | None
    views_text: str | None
    image: Image | None


@dataclass(frozen=True)
class ContactView:
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


@dataclass(frozen=True)
class ChartSet:
    """The inline SVG charts of a media kit; None where there is nothing to draw."""

    age: Markup | None = None
    gender: Markup | None = None
    countries: Markup | None = None
    cities: Markup | None = None
    platforms: Markup | None = None
    growth: tuple[tuple[str, Markup], ...] = ()


@dataclass(frozen=True)
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
    palette: Palette | None = None
    cover: Image | None = None
    charts: ChartSet = field(default_factory=ChartSet)
    language_tags: list[str] = field(default_factory=list)
    engagement: float | None = None
    """The follower-weighted rate (``figures.headline_engagement``) the kit leads with."""
    engagement_text: str | None = None
    engagement_basis: str | None = None
    """What ``engagement`` is: "weighted by followers", or "on Instagram" when one has a rate."""


@dataclass(frozen=True)
class Settings:
    """Site-wide choices that change how views are built."""

    locale: str = "en"
    stale_after_days: int = 90
    today: date = field(default_factory=date.today)


def build_view(
    loaded: LoadedKit,
    settings: Settings,
    fmt: Formatter | None = None,
    derived: BuildFacts | None = None,
) -> KitView:
    """The view of one loaded kit; ``derived`` adds pictures, a derived accent and history."""
    fmt = fmt or Formatter(settings.locale)
    derived = derived or BuildFacts()
    kit = loaded.kit
    slug = loaded.slug
    accent = kit.theme.accent if kit.theme and kit.theme.accent else derived.accent
    kit_palette = palette(accent) if accent else None
    platforms = _platforms(kit, fmt, derived)
    audience = _audience(kit, fmt)
    biggest = figures.largest(kit)
    kit_tier = figures.tier(biggest.followers)
    rates_given = [e.rate for e in (figures.engagement(p) for p in kit.platforms) if e]
    best = max(rates_given) if rates_given else None
    headline = figures.headline_engagement(kit)
    reach = figures.total_reach(kit)
    return KitView(
        slug=slug,
        url=f"{slug}/",
        work_url=f"{slug}/work-with-me/",
        name=kit.name,
        initials=initials(kit.name),
        pronouns=kit.pronouns,
        tagline=kit.tagline,
        description=description(kit),
        search_text=search_text(kit),
        location=kit.location,
        languages=[fmt.language(tag) for tag in kit.languages],
        bio=render(kit.bio) if kit.bio else None,
        niche=kit.niche.primary,
        tags=list(kit.niche.tags),
        avatar=_avatar(loaded, slug, derived),
        accent=kit_palette.light if kit_palette else None,
        platforms=platforms,
        total_reach=reach,
        total_reach_text=fmt.compact(reach),
        total_reach_full=fmt.count(reach),
        tier=kit_tier,
        tier_label=TIER_LABELS[kit_tier],
        best_engagement=best,
        best_engagement_text=fmt.percent(best) if best is not None else None,
        engagement=headline.rate if headline else None,
        engagement_text=fmt.percent(headline.rate) if headline else None,
        engagement_basis=_engagement_basis(headline),
        stats_as_of=fmt.date(kit.stats_as_of) if kit.stats_as_of else None,
        stats_date=kit.stats_as_of,
        stale=figures.is_stale(kit, settings.today, settings.stale_after_days),
        stats_age_days=figures.age_in_days(kit, settings.today),
        audience=audience,
        values=list(kit.values),
        dealbreakers=list(kit.dealbreakers),
        offers=[(o.value, OFFER_LABELS[o]) for o in kit.offers],
        rates=rates_view(kit.rates, fmt) if kit.rates else None,
        terms=_terms(kit),
        process=_process(kit),
        partnerships=[_partnership(p, fmt) for p in kit.partnerships],
        testimonials=[QuoteView(q.quote, q.author) for q in kit.testimonials],
        highlights=_highlights(loaded, fmt, derived),
        availability_note=render(kit.availability.note)
        if kit.availability and kit.availability.note
        else None,
        booked_until=fmt.date(kit.availability.booked_until)
        if kit.availability and kit.availability.booked_until
        else None,
        booked_until_date=kit.availability.booked_until if kit.availability else None,
        contact=ContactView(
            email=kit.contact.email,
            booking_url=kit.contact.booking_url,
            manager_name=kit.contact.manager.name if kit.contact.manager else None,
            manager_email=kit.contact.manager.email if kit.contact.manager else None,
            manager_agency=kit.contact.manager.agency if kit.contact.manager else None,
        ),
        palette=kit_palette,
        cover=_picture(loaded, kit.cover, f"{slug}/cover", COVER, derived, ""),
        charts=_charts(audience, platforms, fmt),
        language_tags=list(kit.languages),
    )


def initials(name: str) -> str:
    """Up to two initials for the avatar fallback."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return name[:1] or "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def description(kit: Kit) -> str:
    """One sentence for meta descriptions and search results, with no prices."""
    parts = [kit.tagline or kit.niche.primary]
    if kit.location:
        parts.append(kit.location)
    return f"{kit.name}: " + " · ".join(parts)


def _avatar(loaded: LoadedKit, slug: str, derived: BuildFacts) -> Image | None:
    alt = f"Portrait of {loaded.kit.name}"
    return _picture(loaded, loaded.kit.avatar, f"{slug}/avatar", AVATAR, derived, alt)


def _picture(
    loaded: LoadedKit, ref: str | None, stem: str, role: Role, derived: BuildFacts, alt: str
) -> Image | None:
    """A kit image as published: its renditions when drawn, else the checked original's path."""
    facts = loaded.image(ref)
    if facts is None or ref is None:
        return None
    picture: Picture | None = derived.pictures.get(ref)
    if picture is None:
        width, height = facts.oriented
        return Image(f"{stem}{facts.path.suffix.lower()}", width, height, alt)
    return image_of(picture, alt)


def image_of(picture: Picture, alt: str) -> Image:
    """A drawn picture as a page embeds it: the fallback in ``src``, the WebP widths beside."""
    return Image(
        picture.fallback.src,
        picture.width,
        picture.height,
        alt,
        webp=tuple((r.src, r.width) for r in picture.webp),
        sizes=picture.sizes,
    )


def _engagement_basis(headline: figures.HeadlineEngagement | None) -> str | None:
    if headline is None:
        return None
    if len(headline.platforms) == 1:
        return f"on {NETWORK_LABELS[headline.platforms[0].network]}"
    return "weighted by followers"


def _platforms(kit: Kit, fmt: Formatter, derived: BuildFacts) -> list[PlatformView]:
    keys = platform_keys(
        {"network": p.network.value, "handle": p.handle, "name": p.name} for p in kit.platforms
    )
    out = []
    for index, (key, platform) in enumerate(zip(keys, kit.platforms, strict=True)):
        manual = [growth.Point(h.date, h.followers) for h in platform.history]
        now = [growth.Point(kit.stats_as_of, platform.followers)] if kit.stats_as_of else []
        points = growth.series(manual, derived.history.get(key, []), now)
        view = _platform(platform, fmt)
        out.append(_with_growth(view, points, kit.stats_as_of, fmt, f"kf-spark-{index}"))
    return out


def _with_growth(
    view: PlatformView, points: list[growth.Point], end: date | None, fmt: Formatter, ident: str
) -> PlatformView:
    if len(points) < 2:
        return view
    changes = []
    for found in growth.changes(points, end):
        sign = "+" if found.delta > 0 else "−" if found.delta < 0 else "±"
        percent = found.percent
        changes.append(
            GrowthView(
                days=found.days,
                text=f"{sign}{fmt.compact(abs(found.delta))}",
                percent_text=f"{sign}{fmt.percent(abs(percent))}" if percent is not None else None,
                direction="up" if found.delta > 0 else "down" if found.delta < 0 else "flat",
                period_text=f"in {found.days} days"
                if found.names_window
                else f"since {fmt.short_date(found.since)}",
            )
        )
    line = charts.sparkline(
        ident, f"{view.label} {view.audience_word} over time", _marks(points, fmt)
    )
    return replace(view, points=tuple(points), growth=tuple(changes), sparkline=line)


def _marks(points: list[growth.Point], fmt: Formatter) -> list[charts.Mark]:
    return [
        charts.Mark(p.when.toordinal(), p.followers, fmt.short_date(p.when), fmt.count(p.followers))
        for p in points
    ]


def _charts(audience: AudienceView, platforms: list[PlatformView], fmt: Formatter) -> ChartSet:
    def bars(shares: list[Share]) -> list[charts.Bar]:
        return [charts.Bar(s.label, s.value, s.text) for s in shares]

    share = ("Group", "Share of audience")
    comparison = [charts.Bar(_platform_name(p), p.followers, p.followers_text) for p in platforms]
    return ChartSet(
        age=charts.bar_chart("kf-chart-age", "Audience by age", bars(audience.age), share, 100),
        gender=charts.bar_chart(
            "kf-chart-gender", "Audience by gender", bars(audience.gender), share, 100
        ),
        countries=charts.bar_chart(
            "kf-chart-countries", "Audience by country", bars(audience.countries), share, 100
        ),
        cities=charts.bar_chart(
            "kf-chart-cities", "Audience by city", bars(audience.cities), share, 100
        ),
        platforms=charts.bar_chart(
            "kf-chart-platforms", "Followers by platform", comparison, ("Platform", "Followers")
        )
        if len(platforms) > 1
        else None,
        growth=tuple(
            (_platform_name(p), chart)
            for index, p in enumerate(platforms)
            if (
                chart := charts.line_chart(
                    f"kf-chart-growth-{index}",
                    f"{p.label} {p.audience_word} over time",
                    _marks(list(p.points), fmt),
                    ("Date", p.audience_word.capitalize()),
                )
            )
        ),
    )


def _platform_name(view: PlatformView) -> str:
    """``Instagram @avagreen``, or ``Instagram`` when the platform has no handle or name."""
    return view.label if view.display_name == view.label else f"{view.label} {view.display_name}"


def _platform(platform: Platform, fmt: Formatter) -> PlatformView:
    found = figures.engagement(platform)
    engagement = None
    if found is not None:
        engagement = EngagementView(
            text=fmt.percent(found.rate),
            rate=found.rate,
            stated=found.stated,
            formula=found.formula,
            computed_text=fmt.percent(found.computed) if found.computed is not None else None,
            basis=found.basis,
        )
    averages = [
        (label, fmt.compact(value))
        for label, value in (
            ("views", platform.avg_views),
            ("likes", platform.avg_likes),
            ("comments", platform.avg_comments),
            ("shares", platform.avg_shares),
            ("saves", platform.avg_saves),
        )
        if value is not None
    ]
    platform_tier = figures.tier(platform.followers)
    label = NETWORK_LABELS[platform.network]
    return PlatformView(
        network=platform.network.value,
        label=label,
        handle=platform.handle,
        display_name=f"@{platform.handle.lstrip('@')}"
        if platform.handle
        else platform.name or label,
        url=platform.url,
        followers=platform.followers,
        followers_text=fmt.compact(platform.followers),
        followers_full=fmt.count(platform.followers),
        audience_word=AUDIENCE_WORD.get(platform.network, "followers"),
        avg_views_text=fmt.compact(platform.avg_views) if platform.avg_views is not None else None,
        averages=averages,
        engagement=engagement,
        open_rate_text=fmt.percent(platform.open_rate) if platform.open_rate is not None else None,
        tier=platform_tier,
        tier_label=TIER_LABELS[platform_tier],
        avg_views=platform.avg_views,
        open_rate=platform.open_rate,
    )


def _shares(values: dict[str, float], fmt: Formatter, label: object = None) -> list[Share]:
    name = fmt.country if label == "country" else str
    return [Share(name(key), value, fmt.percent(value), key) for key, value in values.items()]


def _by_share(shares: dict[str, float]) -> dict[str, float]:
    return dict(sorted(shares.items(), key=lambda kv: -kv[1]))


def _audience(kit: Kit, fmt: Formatter) -> AudienceView:
    audience = kit.audience
    if audience is None:
        return AudienceView(None, [], [], [], [])
    return AudienceView(
        source=audience.source,
        age=_shares(audience.age, fmt),
        gender=_shares(_by_share(audience.gender), fmt),
        countries=_shares(_by_share(audience.countries), fmt, "country"),
        cities=_shares(_by_share(audience.cities), fmt),
    )


def lowest(price: PriceRange | float | int | None) -> float | None:
    """The lowest amount a price asks."""
    if price is None:
        return None
    return float(price.min) if isinstance(price, PriceRange) else float(price)


def highest(price: PriceRange | float | int | None) -> float | None:
    """The highest amount a price asks."""
    if price is None:
        return None
    return float(price.max) if isinstance(price, PriceRange) else float(price)


def _price_text(
    price: PriceRange | float | int | None, visibility: Visibility, currency: str, fmt: Formatter
) -> str | None:
    if price is None or visibility in (Visibility.on_request, Visibility.private):
        return None
    if visibility is Visibility.from_:
        return f"from {fmt.money(lowest(price) or 0, currency)}"
    if isinstance(price, PriceRange):
        if price.min == price.max:
            return fmt.money(price.min, currency)
        return f"{fmt.money(price.min, currency)}–{fmt.money(price.max, currency)}"
    return fmt.money(price, currency)


def _addon_text(addon: Addon, visibility: Visibility, currency: str, fmt: Formatter) -> str | None:
    if visibility in (Visibility.on_request, Visibility.private):
        return None
    if addon.percent is not None:
        return f"+{fmt.percent(addon.percent)} of the base fee"
    return _price_text(addon.price, visibility, currency, fmt)


def rates_view(rates: Rates, fmt: Formatter) -> RatesView:
    """The rate card as the visibility allows it to be seen."""
    visibility = rates.visibility
    shows = visibility in (Visibility.public, Visibility.from_)
    currency = rates.currency
    items = [
        PriceLine(
            name=item.deliverable,
            price=_price_text(item.price, visibility, currency, fmt),
            lowest=lowest(item.price) if shows else None,
            highest=highest(item.price) if visibility is Visibility.public else None,
            detail=render_inline(item.includes) if item.includes else None,
            platform=NETWORK_LABELS[item.platform] if item.platform else None,
            network=item.platform.value if item.platform else None,
        )
        for item in rates.items
    ]
    packages = [
        PriceLine(
            name=package.name,
            price=_price_text(package.price, visibility, currency, fmt),
            lowest=lowest(package.price) if shows else None,
            highest=highest(package.price) if visibility is Visibility.public else None,
            includes=list(package.includes),
            note=package.note,
        )
        for package in rates.packages
    ]
    addons = [
        PriceLine(name=a.name, price=_addon_text(a, visibility, currency, fmt), lowest=None)
        for a in rates.addons
    ]
    amounts = [line.lowest for line in items + packages if line.lowest is not None]
    floor = min(amounts) if amounts and shows else None
    return RatesView(
        visibility=visibility.value,
        shows_prices=shows,
        currency=currency if shows else "",
        items=items,
        packages=packages,
        addons=addons,
        long_term=render(rates.long_term) if rates.long_term else None,
        gifting=render(rates.gifting) if rates.gifting else None,
        affiliate=render(rates.affiliate) if rates.affiliate else None,
        lowest=floor,
        lowest_text=f"from {fmt.money(floor, currency)}" if floor is not None else None,
    )


def _terms(kit: Kit) -> list[tuple[str, Markup]]:
    if kit.terms is None:
        return []
    return [
        (label, render(value))
        for key, label in TERM_LABELS.items()
        if (value := getattr(kit.terms, key))
    ]


def _process(kit: Kit) -> list[Step]:
    if kit.process:
        return [Step(s.title, render(s.detail) if s.detail else Markup("")) for s in kit.process]
    return [Step(title, render(detail)) for title, detail in DEFAULT_PROCESS]


def _partnership(p: Partnership, fmt: Formatter) -> PartnershipView:
    results: list[tuple[str, str]] = []
    if p.results is not None:
        for key, label in RESULT_LABELS.items():
            value = getattr(p.results, key)
            if value is None:
                continue
            text = fmt.percent(value) if key == "engagement_rate" else fmt.compact(int(value))
            results.append((label, text))
    return PartnershipView(
        brand=p.brand,
        year=p.year,
        url=p.url,
        summary=render_inline(p.summary) if p.summary else None,
        deliverables=list(p.deliverables),
        results=results,
        testimonial=QuoteView(p.testimonial.quote, p.testimonial.author) if p.testimonial else None,
    )


def _highlights(loaded: LoadedKit, fmt: Formatter, derived: BuildFacts) -> list[HighlightView]:
    out = []
    for index, h in enumerate(loaded.kit.highlights):
        stem = f"{loaded.slug}/highlight-{index + 1}"
        image = _picture(loaded, h.image, stem, HIGHLIGHT, derived, h.title)
        out.append(
            HighlightView(
                title=h.title,
                url=h.url,
                platform=NETWORK_LABELS[h.platform] if h.platform else None,
                views_text=fmt.compact(h.views) if h.views is not None else None,
                image=image,
            )
        )
    return out


def search_text(kit: Kit) -> str:
    """Plain text of a kit for the search index: who, what, where; never a price."""
    parts = [kit.tagline or "", kit.niche.primary, ", ".join(kit.niche.tags), kit.location or ""]
    if kit.bio:
        parts.append(plain(kit.bio))
    return "\n\n".join(p for p in parts if p)
