"""Build the views of one kit: privacy through public/prices, words through present/wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from markupsafe import Markup

from kitfolio.derive import figures, growth
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.history import platform_keys
from kitfolio.media.palette import palette
from kitfolio.media.renditions import Picture, highlight_stem, partner_logo_stem
from kitfolio.model.kit import Addon, Kit, Partnership, Platform, Rates, Visibility
from kitfolio.present import kit_charts
from kitfolio.present.formatting import Formatter
from kitfolio.present.labels import TERM_LABELS
from kitfolio.present.markdown import plain, render, render_inline
from kitfolio.public import prices
from kitfolio.public.views import (
    AudienceView,
    ContactView,
    EngagementView,
    GrowthView,
    HighlightView,
    Image,
    KitView,
    PartnershipView,
    PlatformView,
    PriceLine,
    QuoteView,
    RatesView,
    Settings,
    Share,
    Step,
)
from kitfolio.sources.kits import LoadedKit


def build_view(
    loaded: LoadedKit,
    settings: Settings,
    fmt: Formatter | None = None,
    derived: BuildFacts | None = None,
    *,
    prefix: str = "",
) -> KitView:
    """The view of one loaded kit; ``derived`` adds pictures, a derived accent and history;
    ``prefix`` is where the pages of the view's language are (``es/``)."""
    fmt = fmt or Formatter(settings.locale, settings.words_language)
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
        url=f"{prefix}{slug}/",
        work_url=f"{prefix}{slug}/work-with-me/",
        name=kit.name,
        initials=initials(kit.name),
        pronouns=kit.pronouns,
        tagline=kit.tagline,
        description=description(kit, fmt),
        search_text=search_text(kit),
        location=kit.location,
        languages=[fmt.language(tag) for tag in kit.languages],
        bio=render(kit.bio) if kit.bio else None,
        niche=kit.niche.primary,
        tags=list(kit.niche.tags),
        avatar=_avatar(loaded, slug, derived, fmt),
        accent=kit_palette.light if kit_palette else None,
        platforms=platforms,
        total_reach=reach,
        total_reach_text=fmt.compact(reach),
        total_reach_full=fmt.count(reach),
        tier=kit_tier,
        tier_label=fmt.words.tier(kit_tier),
        best_engagement=best,
        best_engagement_text=fmt.percent(best) if best is not None else None,
        engagement=headline.rate if headline else None,
        engagement_text=fmt.percent(headline.rate) if headline else None,
        engagement_basis=_engagement_basis(headline, fmt),
        stats_as_of=fmt.date(kit.stats_as_of) if kit.stats_as_of else None,
        stats_date=kit.stats_as_of,
        stale=figures.is_stale(kit, settings.today, settings.stale_after_days),
        stats_age_days=figures.age_in_days(kit, settings.today),
        audience=audience,
        values=list(kit.values),
        dealbreakers=list(kit.dealbreakers),
        offers=[(o.value, fmt.words.offer(o)) for o in kit.offers],
        rates=rates_view(kit.rates, fmt) if kit.rates else None,
        terms=_terms(kit, fmt),
        process=_process(kit, fmt),
        partnerships=_partnerships(loaded, fmt, derived),
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
        cover=_picture(loaded, kit.cover, f"{slug}/cover", derived, ""),
        charts=kit_charts.chart_set(audience, platforms, fmt),
        language_tags=list(kit.languages),
        offer_codes=list(kit.offers),
        term_markdown=_term_markdown(kit),
        bio_markdown=kit.bio,
        availability_markdown=kit.availability.note if kit.availability else None,
        language=fmt.words.language,
    )


def initials(name: str) -> str:
    """Up to two initials for the avatar fallback."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return name[:1] or "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def description(kit: Kit, fmt: Formatter) -> str:
    """One sentence for meta descriptions and search results, with no prices."""
    parts = [kit.tagline or kit.niche.primary]
    if kit.location:
        parts.append(kit.location)
    return fmt.words.description(kit.name, parts)


def _avatar(loaded: LoadedKit, slug: str, derived: BuildFacts, fmt: Formatter) -> Image | None:
    alt = fmt.words.portrait_alt(loaded.kit.name)
    return _picture(loaded, loaded.kit.avatar, f"{slug}/avatar", derived, alt)


def _picture(
    loaded: LoadedKit, ref: str | None, stem: str, derived: BuildFacts, alt: str
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


def _engagement_basis(headline: figures.HeadlineEngagement | None, fmt: Formatter) -> str | None:
    if headline is None:
        return None
    if len(headline.platforms) == 1:
        return fmt.words.engagement_on(headline.platforms[0].network)
    return fmt.words.engagement_weighted()


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
                period_text=fmt.words.growth_period(
                    found.days, None if found.names_window else fmt.short_date(found.since)
                ),
            )
        )
    line = kit_charts.sparkline(view, points, fmt, ident)
    return replace(view, points=tuple(points), growth=tuple(changes), sparkline=line)


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
            basis=fmt.words.engagement_basis(found.basis) if found.basis else "",
        )
    averages = [
        (fmt.words.average(key), fmt.compact(value))
        for key, value in (
            ("views", platform.avg_views),
            ("likes", platform.avg_likes),
            ("comments", platform.avg_comments),
            ("shares", platform.avg_shares),
            ("saves", platform.avg_saves),
        )
        if value is not None
    ]
    platform_tier = figures.tier(platform.followers)
    label = fmt.words.network(platform.network)
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
        audience_word=fmt.words.audience_word(platform.network),
        avg_views_text=fmt.compact(platform.avg_views) if platform.avg_views is not None else None,
        averages=averages,
        engagement=engagement,
        open_rate_text=fmt.percent(platform.open_rate) if platform.open_rate is not None else None,
        tier=platform_tier,
        tier_label=fmt.words.tier(platform_tier),
        kind=platform.network,
        avg_views=platform.avg_views,
        open_rate=platform.open_rate,
    )


def _shares(values: dict[str, float], fmt: Formatter, label: object = None) -> list[Share]:
    name = {"country": fmt.country, "gender": fmt.gender}.get(str(label), str)
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
        gender=_shares(_by_share(audience.gender), fmt, "gender"),
        countries=_shares(_by_share(audience.countries), fmt, "country"),
        cities=_shares(_by_share(audience.cities), fmt),
    )


def _price_text(shown: prices.ShownPrice | None, currency: str, fmt: Formatter) -> str | None:
    if shown is None:
        return None
    low = fmt.money(shown.low, currency)
    if shown.high is None:
        return fmt.words.price_from(low)
    if shown.low == shown.high:
        return low
    return fmt.words.price_range(low, fmt.money(shown.high, currency))


def _addon_text(addon: Addon, visibility: Visibility, currency: str, fmt: Formatter) -> str | None:
    percent = prices.shown_percent(addon.percent, visibility)
    if percent is not None:
        return fmt.words.addon_percent(fmt.percent(percent))
    return _price_text(prices.shown(addon.price, visibility), currency, fmt)


def _low(shown: prices.ShownPrice | None) -> float | None:
    return float(shown.low) if shown is not None else None


def _high(shown: prices.ShownPrice | None) -> float | None:
    return float(shown.high) if shown is not None and shown.high is not None else None


def rates_view(rates: Rates, fmt: Formatter, *, protected: bool = False) -> RatesView:
    """The rate card as the visibility allows it to be seen; whole on a ``protected`` page."""
    visibility = prices.page_visibility(rates.visibility, protected=protected)
    shows = prices.shows_prices(visibility)
    currency = rates.currency
    items = [
        PriceLine(
            name=item.deliverable,
            price=_price_text(prices.shown(item.price, visibility), currency, fmt),
            lowest=_low(prices.shown(item.price, visibility)),
            highest=_high(prices.shown(item.price, visibility)),
            detail=render_inline(item.includes) if item.includes else None,
            platform=fmt.words.network(item.platform) if item.platform else None,
            network=item.platform,
        )
        for item in rates.items
    ]
    packages = [
        PriceLine(
            name=package.name,
            price=_price_text(prices.shown(package.price, visibility), currency, fmt),
            lowest=_low(prices.shown(package.price, visibility)),
            highest=_high(prices.shown(package.price, visibility)),
            includes=list(package.includes),
            note=package.note,
        )
        for package in rates.packages
    ]
    addons = [
        PriceLine(
            name=a.name,
            price=_addon_text(a, visibility, currency, fmt),
            lowest=_low(prices.shown(a.price, visibility)),
            highest=_high(prices.shown(a.price, visibility)),
            percent=prices.shown_percent(a.percent, visibility),
        )
        for a in rates.addons
    ]
    amounts = [line.lowest for line in items + packages if line.lowest is not None]
    floor = min(amounts) if amounts and shows else None
    floor_money = fmt.money(floor, currency) if floor is not None else None
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
        lowest_text=fmt.words.price_from(floor_money) if floor_money is not None else None,
        lowest_money=floor_money,
        visibility_code=visibility,
        notes={
            key: text
            for key, text in (
                ("long_term", rates.long_term),
                ("gifting", rates.gifting),
                ("affiliate", rates.affiliate),
            )
            if text
        },
    )


def _terms(kit: Kit, fmt: Formatter) -> list[tuple[str, Markup]]:
    if kit.terms is None:
        return []
    return [
        (label, render(value))
        for key, label in fmt.words.terms()
        if (value := getattr(kit.terms, key))
    ]


def _term_markdown(kit: Kit) -> dict[str, str]:
    if kit.terms is None:
        return {}
    return {key: value for key in TERM_LABELS if (value := getattr(kit.terms, key))}


def _process(kit: Kit, fmt: Formatter) -> list[Step]:
    if kit.process:
        return [Step(s.title, render(s.detail) if s.detail else Markup("")) for s in kit.process]
    return [Step(title, render(detail)) for title, detail in fmt.words.default_process()]


def _partnerships(loaded: LoadedKit, fmt: Formatter, derived: BuildFacts) -> list[PartnershipView]:
    out = []
    for index, p in enumerate(loaded.kit.partnerships):
        stem = partner_logo_stem(loaded.slug, index)
        logo = _picture(loaded, p.logo, stem, derived, fmt.words.logo_alt(p.brand))
        out.append(_partnership(p, fmt, logo))
    return out


def _partnership(p: Partnership, fmt: Formatter, logo: Image | None) -> PartnershipView:
    results: list[tuple[str, str]] = []
    values: dict[str, float] = {}
    if p.results is not None:
        for key, label in fmt.words.results():
            value = getattr(p.results, key)
            if value is None:
                continue
            text = fmt.percent(value) if key == "engagement_rate" else fmt.compact(int(value))
            results.append((label, text))
            values[key] = value
    return PartnershipView(
        brand=p.brand,
        year=p.year,
        url=p.url,
        summary=render_inline(p.summary) if p.summary else None,
        deliverables=list(p.deliverables),
        results=results,
        result_values=values,
        summary_markdown=p.summary,
        testimonial=QuoteView(p.testimonial.quote, p.testimonial.author) if p.testimonial else None,
        logo=logo,
    )


def _highlights(loaded: LoadedKit, fmt: Formatter, derived: BuildFacts) -> list[HighlightView]:
    out = []
    for index, h in enumerate(loaded.kit.highlights):
        stem = highlight_stem(loaded.slug, index)
        image = _picture(loaded, h.image, stem, derived, h.title)
        out.append(
            HighlightView(
                title=h.title,
                url=h.url,
                platform=fmt.words.network(h.platform) if h.platform else None,
                views_text=fmt.compact(h.views) if h.views is not None else None,
                network=h.platform,
                views=h.views,
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
