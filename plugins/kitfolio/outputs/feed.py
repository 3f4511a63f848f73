"""The public data feed: ``kits.json`` (the roster) and ``<slug>/kit.json`` (one kit).

Built from views only, so whatever the rate visibility hides never reaches the feed. The models
it fills are the contract in ``feed_contract``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kitfolio.outputs.feed_contract import (
    KIT_FILE,
    SCHEMA_PATH,
    FeedAddon,
    FeedAgency,
    FeedAudience,
    FeedAudienceText,
    FeedAvailability,
    FeedContact,
    FeedDisplay,
    FeedExchangeRates,
    FeedHighlight,
    FeedImage,
    FeedManager,
    FeedPartnership,
    FeedPlatform,
    FeedPlatformText,
    FeedPrice,
    FeedQuote,
    FeedRates,
    FeedRatesDetail,
    FeedSite,
    IndexAudience,
    IndexAvailability,
    IndexCard,
    IndexPlatform,
    KitCard,
    KitDetail,
    KitFeed,
    RosterFeed,
    RosterIndex,
)
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
        engagement_basis=view.engagement_basis,
        tier=view.tier_label,
        platforms=[
            FeedPlatformText(label=p.label, followers=p.followers_text) for p in view.platforms
        ],
        audience=FeedAudienceText(
            age=_share_texts(audience.age),
            gender=_share_texts(audience.gender),
            countries=_share_texts(audience.countries),
            cities=_share_texts(audience.cities),
            names={share.key: share.label for share in audience.countries if share.key},
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


def site_info(
    name: str,
    base: str,
    locale: str,
    language: str | None = None,
    prefixes: dict[str, str] | None = None,
) -> FeedSite:
    """The ``site`` of a feed document in ``language``; ``prefixes`` (language → ``es/``) list
    the site's languages when it has several."""
    languages = {tag: base + prefix for tag, prefix in prefixes.items()} if prefixes else None
    return FeedSite(name=name, url=base, locale=locale, language=language, languages=languages)


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


_PRICE_FIELDS = {"__all__": {"name", "min"}}
_INDEXED: dict[str, Any] = {
    **{name: True for name in IndexCard.model_fields},
    "platforms": {"__all__": set(IndexPlatform.model_fields)},
    "audience": set(IndexAudience.model_fields),
    "rates": {
        "visibility": True,
        "currency": True,
        "lowest": True,
        "items": _PRICE_FIELDS,
        "packages": _PRICE_FIELDS,
    },
    "availability": set(IndexAvailability.model_fields),
}
"""What of a card the index keeps, field by field."""


def _index_card(card: KitCard) -> IndexCard:
    return IndexCard.model_validate(card.model_dump(include=_INDEXED, exclude_none=True))


def roster_index_json(
    views: list[KitView], site: FeedSite, exchange_rates: ExchangeRates | None = None
) -> str:
    """``kits-index.json``: each kit's card cut down to what the roster's filters read, in the
    roster's order; the page fetches it, not the whole of ``kits.json``."""
    index = RosterIndex(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)},
        exchange_rates=FeedExchangeRates(**exchange_rates.model_dump()) if exchange_rates else None,
        kits=[_index_card(card(v, site.url)) for v in views],
    )
    body = index.model_dump(mode="json", by_alias=True, exclude_none=True)
    # Empty lists and false flags say nothing here: left out, the index is a third smaller.
    body["kits"] = [
        kit.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for kit in index.kits
    ]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def kit_json(view: KitView, site: FeedSite) -> str:
    """``<slug>/kit.json``: one kit in full."""
    feed = KitFeed(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)}, site=site, kit=detail(view, site.url)
    )
    return _dump(feed)
