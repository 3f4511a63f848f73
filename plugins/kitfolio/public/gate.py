"""The privacy gate: one function turns a loaded kit into its public model.

Everything published about a kit passes through ``public_kit``: prices as ``public.prices``
allows them, the rest copied field by field from the kit, so a field the model does not name is
never published. Figures the outputs share (reach, tier, engagement, freshness) are derived here
once. Formatting comes after, per output and language (``public.kit_view``, ``outputs.feed``).
"""

from __future__ import annotations

from datetime import date

from kitfolio.derive import figures, growth
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.history import platform_keys
from kitfolio.media.renditions import Picture, highlight_stem, partner_logo_stem
from kitfolio.model.kit import Kit, Partnership, Platform, Rates
from kitfolio.public import prices
from kitfolio.public.model import (
    PublicAddon,
    PublicAudience,
    PublicContact,
    PublicHighlight,
    PublicImage,
    PublicKit,
    PublicPartnership,
    PublicPlatform,
    PublicPrice,
    PublicQuote,
    PublicRates,
    PublicStep,
)
from kitfolio.sources.kits import LoadedKit

AVERAGES = ("views", "likes", "comments", "shares", "saves")
RATE_NOTES = ("long_term", "gifting", "affiliate")


def public_kit(
    loaded: LoadedKit,
    derived: BuildFacts | None = None,
    *,
    today: date,
    stale_after_days: int,
) -> PublicKit:
    """What may be published of ``loaded`` (its words in the language it is given in);
    ``derived`` adds pictures, an accent and git history, ``today`` decides freshness."""
    derived = derived or BuildFacts()
    kit = loaded.kit
    headline = figures.headline_engagement(kit)
    rated = [e.rate for e in (figures.engagement(p) for p in kit.platforms) if e]
    availability = kit.availability
    manager = kit.contact.manager
    return PublicKit(
        slug=loaded.slug,
        name=kit.name,
        pronouns=kit.pronouns,
        tagline=kit.tagline,
        location=kit.location,
        languages=tuple(kit.languages),
        bio=kit.bio,
        niche=kit.niche.primary,
        tags=tuple(kit.niche.tags),
        contact=PublicContact(
            email=kit.contact.email,
            booking_url=kit.contact.booking_url,
            manager_name=manager.name if manager else None,
            manager_email=manager.email if manager else None,
            manager_agency=manager.agency if manager else None,
        ),
        platforms=_platforms(kit, derived),
        total_reach=figures.total_reach(kit),
        tier=figures.kit_tier(kit),
        best_engagement=max(rated) if rated else None,
        engagement=headline.rate if headline else None,
        engagement_networks=tuple(p.network for p in headline.platforms) if headline else (),
        stats_as_of=kit.stats_as_of,
        stats_age_days=figures.age_in_days(kit, today),
        stale=figures.is_stale(kit, today, stale_after_days),
        audience=_audience(kit),
        values=tuple(kit.values),
        dealbreakers=tuple(kit.dealbreakers),
        offers=tuple(kit.offers),
        rates=public_rates(kit.rates) if kit.rates else None,
        terms=_terms(kit),
        process=tuple(PublicStep(s.title, s.detail) for s in kit.process),
        partnerships=tuple(
            _partnership(p, _image(loaded, p.logo, partner_logo_stem(loaded.slug, i), derived))
            for i, p in enumerate(kit.partnerships)
        ),
        testimonials=tuple(PublicQuote(q.quote, q.author) for q in kit.testimonials),
        highlights=tuple(
            PublicHighlight(
                title=h.title,
                url=h.url,
                platform=h.platform,
                views=h.views,
                image=_image(loaded, h.image, highlight_stem(loaded.slug, i), derived),
            )
            for i, h in enumerate(kit.highlights)
        ),
        availability_note=availability.note if availability else None,
        booked_until=availability.booked_until if availability else None,
        accent=kit.theme.accent if kit.theme and kit.theme.accent else derived.accent,
        avatar=_image(loaded, kit.avatar, f"{loaded.slug}/avatar", derived),
        cover=_image(loaded, kit.cover, f"{loaded.slug}/cover", derived),
    )


def public_rates(rates: Rates, *, protected: bool = False) -> PublicRates:
    """The rate card as its visibility lets it be seen; whole for a ``protected`` page, which
    is published only as ciphertext (``prices.page_visibility``)."""
    visibility = prices.page_visibility(rates.visibility, protected=protected)
    items = tuple(
        PublicPrice(
            item.deliverable,
            *_amounts(prices.shown(item.price, visibility)),
            platform=item.platform,
            detail=item.includes,
        )
        for item in rates.items
    )
    packages = tuple(
        PublicPrice(
            p.name,
            *_amounts(prices.shown(p.price, visibility)),
            includes=tuple(p.includes),
            note=p.note,
        )
        for p in rates.packages
    )
    addons = tuple(
        PublicAddon(
            a.name,
            prices.shown_percent(a.percent, visibility),
            *_amounts(prices.shown(a.price, visibility)),
        )
        for a in rates.addons
    )
    amounts = [line.low for line in items + packages if line.low is not None]
    shows = prices.shows_prices(visibility)
    return PublicRates(
        visibility=visibility,
        currency=rates.currency if shows else None,
        items=items,
        packages=packages,
        addons=addons,
        lowest=min(amounts) if amounts and shows else None,
        notes={key: text for key in RATE_NOTES if (text := getattr(rates, key))},
    )


def _amounts(shown: prices.ShownPrice | None) -> tuple[float | None, float | None]:
    if shown is None:
        return None, None
    return float(shown.low), float(shown.high) if shown.high is not None else None


def _platforms(kit: Kit, derived: BuildFacts) -> tuple[PublicPlatform, ...]:
    keys = platform_keys(
        {"network": p.network.value, "handle": p.handle, "name": p.name} for p in kit.platforms
    )
    out = []
    for key, platform in zip(keys, kit.platforms, strict=True):
        manual = [growth.Point(h.date, h.followers) for h in platform.history]
        now = [growth.Point(kit.stats_as_of, platform.followers)] if kit.stats_as_of else []
        points = growth.series(manual, derived.history.get(key, []), now)
        out.append(_platform(platform, tuple(points)))
    return tuple(out)


def _platform(platform: Platform, points: tuple[growth.Point, ...]) -> PublicPlatform:
    averages = tuple(
        (code, value)
        for code in AVERAGES
        if (value := getattr(platform, f"avg_{code}")) is not None
    )
    return PublicPlatform(
        network=platform.network,
        handle=platform.handle,
        name=platform.name,
        url=platform.url,
        followers=platform.followers,
        tier=figures.tier(platform.followers),
        engagement=figures.engagement(platform),
        averages=averages,
        avg_views=platform.avg_views,
        open_rate=platform.open_rate,
        points=points,
    )


def _terms(kit: Kit) -> dict[str, str]:
    if kit.terms is None:
        return {}
    return {key: text for key in type(kit.terms).model_fields if (text := getattr(kit.terms, key))}


def _by_share(shares: dict[str, float]) -> dict[str, float]:
    return dict(sorted(shares.items(), key=lambda kv: -kv[1]))


def _audience(kit: Kit) -> PublicAudience:
    audience = kit.audience
    if audience is None:
        return PublicAudience()
    return PublicAudience(
        source=audience.source,
        age=dict(audience.age),
        gender=_by_share(audience.gender),
        countries=_by_share(audience.countries),
        cities=_by_share(audience.cities),
    )


def _partnership(p: Partnership, logo: PublicImage | None) -> PublicPartnership:
    results = p.results.model_dump(exclude_none=True) if p.results is not None else {}
    return PublicPartnership(
        brand=p.brand,
        year=p.year,
        url=p.url,
        summary=p.summary,
        deliverables=tuple(p.deliverables),
        results=results,
        testimonial=PublicQuote(p.testimonial.quote, p.testimonial.author)
        if p.testimonial
        else None,
        logo=logo,
    )


def _image(
    loaded: LoadedKit, ref: str | None, stem: str, derived: BuildFacts
) -> PublicImage | None:
    """A kit image as published: its renditions when drawn, else the checked original's path."""
    facts = loaded.image(ref)
    if facts is None or ref is None:
        return None
    picture: Picture | None = derived.pictures.get(ref)
    if picture is None:
        width, height = facts.oriented
        return PublicImage(f"{stem}{facts.path.suffix.lower()}", width, height)
    return image_of(picture)


def image_of(picture: Picture) -> PublicImage:
    """A drawn picture as a page embeds it: the fallback in ``src``, the WebP widths beside."""
    return PublicImage(
        picture.fallback.src,
        picture.width,
        picture.height,
        webp=tuple((r.src, r.width) for r in picture.webp),
        sizes=picture.sizes,
    )
