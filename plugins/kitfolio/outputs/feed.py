"""The public data feed: ``kits.json`` (the roster) and ``<slug>/kit.json`` (one kit).

Figures, codes, dates and Markdown come from each view's public model (``public.gate``), so
whatever the rate visibility hides never reaches the feed and nothing is parsed back from
display text; the display strings beside them come from the view. The models it fills are the
contract in ``feed_contract``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kitfolio.cache.identity import ByIdentity
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
    KitCard,
    KitDetail,
    KitFeed,
    RosterFeed,
)
from kitfolio.outputs.feed_index import (
    IndexAudience,
    IndexAvailability,
    IndexCard,
    IndexPlatform,
    RosterIndex,
)
from kitfolio.outputs.feed_values import FeedExchangeRates
from kitfolio.present import wording
from kitfolio.present.markdown import plain
from kitfolio.public.model import (
    PublicAudience,
    PublicImage,
    PublicPlatform,
    PublicPrice,
    PublicRates,
)
from kitfolio.public.views import Image, KitView, PlatformView, PriceLine, RatesView, Share
from kitfolio.sources.agency import AgencyView
from kitfolio.sources.exchange_rates import ExchangeRates


def _plain(markdown: str | None) -> str | None:
    return plain(markdown) if markdown else None


def _absolute(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path


def _share_texts(shares: list[Share]) -> dict[str, str]:
    return {share.key or share.label: share.text for share in shares}


def _audience(audience: PublicAudience) -> FeedAudience:
    return FeedAudience(
        source=audience.source,
        age=dict(audience.age),
        gender=dict(audience.gender),
        countries=dict(audience.countries),
        cities=dict(audience.cities),
    )


def _platform(p: PublicPlatform, shown: PlatformView) -> FeedPlatform:
    return FeedPlatform(
        network=p.network,
        label=shown.label,
        name=shown.display_name,
        handle=p.handle,
        url=p.url,
        followers=p.followers,
        tier=p.tier,
        engagement_rate=round(p.engagement.rate, 2) if p.engagement else None,
        engagement_stated=p.engagement.stated if p.engagement else None,
        avg_views=p.avg_views,
        open_rate=p.open_rate,
    )


def _price(price: PublicPrice, shown: PriceLine, package: bool = False) -> FeedPrice:
    return FeedPrice(
        name=price.name,
        platform=price.platform,
        min=price.low,
        max=price.high,
        text=shown.price,
        includes=list(price.includes) if package else None,
        note=price.note if package else None,
    )


def _rates(rates: PublicRates, shown: RatesView, detail: bool) -> FeedRates:
    common: dict[str, Any] = {
        "visibility": rates.visibility,
        "currency": rates.currency,
        "lowest": rates.lowest,
        "lowest_text": shown.lowest_text,
        "items": [_price(i, t) for i, t in zip(rates.items, shown.items, strict=True)],
        "packages": [
            _price(p, t, package=True) for p, t in zip(rates.packages, shown.packages, strict=True)
        ],
    }
    if not detail:
        return FeedRates(**common)
    return FeedRatesDetail(
        **common,
        addons=[
            FeedAddon(name=a.name, percent=a.percent, min=a.low, max=a.high, text=t.price)
            for a, t in zip(rates.addons, shown.addons, strict=True)
        ],
        long_term=_plain(rates.notes.get("long_term")),
        gifting=_plain(rates.notes.get("gifting")),
        affiliate=_plain(rates.notes.get("affiliate")),
    )


def _avatar(avatar: PublicImage | None, shown: Image | None, base: str) -> FeedImage | None:
    if avatar is None or shown is None:
        return None
    return FeedImage(
        url=_absolute(base, avatar.src), width=avatar.width, height=avatar.height, alt=shown.alt
    )


def _card_fields(view: KitView, base: str, detail: bool) -> dict[str, Any]:
    """The card's fields: figures, codes and dates from the public model, display text (labels,
    alt text, price text) from the view formatted from it."""
    kit = view.public
    contact = kit.contact
    return {
        "slug": kit.slug,
        "path": view.url,
        "url": _absolute(base, view.url),
        "work_url": _absolute(base, view.work_url),
        "kit_json": _absolute(base, view.url + KIT_FILE),
        "name": kit.name,
        "pronouns": kit.pronouns,
        "tagline": kit.tagline,
        "location": kit.location,
        "languages": list(kit.languages),
        "niche": kit.niche,
        "tags": list(kit.tags),
        "avatar": _avatar(kit.avatar, view.avatar, base),
        "platforms": [_platform(p, t) for p, t in zip(kit.platforms, view.platforms, strict=True)],
        "total_followers": kit.total_reach,
        "tier": kit.tier,
        "best_engagement": round(kit.best_engagement, 2)
        if kit.best_engagement is not None
        else None,
        "engagement": round(kit.engagement, 2) if kit.engagement is not None else None,
        "stats_as_of": kit.stats_as_of,
        "stale": kit.stale,
        "audience": _audience(kit.audience),
        "values": list(kit.values),
        "dealbreakers": list(kit.dealbreakers),
        "offers": list(kit.offers),
        "rates": _rates(kit.rates, view.rates, detail) if kit.rates and view.rates else None,
        "availability": FeedAvailability(
            booked_until=kit.booked_until,
            note=_plain(kit.availability_note),
        )
        if kit.booked_until or kit.availability_note
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


class Cards:
    """Each view's roster card and index card, made once while its view stands: ``kits.json``
    and its index list the same cards, and a preview's rebuild after one kit is saved makes
    that kit's alone (``cache.identity``)."""

    def __init__(self, *, keep: bool = True) -> None:
        self._cards: ByIdentity[KitCard] = ByIdentity()
        self._indexed: ByIdentity[dict[str, Any]] = ByIdentity()
        self._keep = keep
        """False: the last view's roster card alone is held (``roster_feeds``, a build)."""

    def card(self, view: KitView, base: str) -> KitCard:
        if not self._keep:
            self._cards.forget_others(view)
        return self._cards.get(view, lambda: card(view, base), base)

    def index_card(self, view: KitView, base: str) -> dict[str, Any]:
        """The index's card as JSON data: empty lists and false flags say nothing there, so
        they are left out (the index is a third smaller)."""
        return self._indexed.get(
            view,
            lambda: _index_card(self.card(view, base)).model_dump(
                mode="json", exclude_none=True, exclude_defaults=True
            ),
            base,
        )

    def keep_used(self) -> None:
        """Forget the cards of views not asked for since the last call (views now gone)."""
        self._cards.keep_used()
        self._indexed.keep_used()


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
        terms={code: wording.wording(view.language).term(code) for code in view.public.terms},
    )


def detail(view: KitView, base: str) -> KitDetail:
    """A kit in full, as far as it is public; case studies from the view, which adds the
    campaigns' to the kit's own partnerships."""
    kit = view.public
    return KitDetail(
        **_card_fields(view, base, detail=True),
        display=_display(view),
        bio=_plain(kit.bio),
        terms={code: plain(body) for code, body in kit.terms.items()},
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
        testimonials=[FeedQuote(quote=q.quote, author=q.author) for q in kit.testimonials],
        highlights=[
            FeedHighlight(title=h.title, url=h.url, platform=h.platform, views=h.views)
            for h in kit.highlights
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
        text=_plain(agency.markdown),
    )


def _dump(model: BaseModel) -> str:
    return model.model_dump_json(by_alias=True, exclude_none=True)


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


def roster_feeds(
    views: list[KitView],
    site: FeedSite,
    agency: AgencyView | None,
    exchange_rates: ExchangeRates | None = None,
    cards: Cards | None = None,
) -> tuple[str, str]:
    """``kits.json`` (compact JSON, one card per kit, in the roster's order) and
    ``kits-index.json`` (each card cut down to what the roster's filters read; the page fetches
    it, not the whole of ``kits.json``), in one pass over the views, each card written out as
    soon as it is made: a build's fresh ``cards`` (``Cards(keep=False)``) then holds one
    card at a time, not 10,000 models."""
    made = cards or Cards()
    rates = FeedExchangeRates(**exchange_rates.model_dump()) if exchange_rates else None
    empty = RosterFeed(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)},
        site=site,
        agency=_agency(agency, site.url),
        exchange_rates=rates,
        kits=[],
    )
    head = _dump(empty)
    assert head.endswith(_NO_KITS), "kits is the last field of RosterFeed"
    index = RosterIndex(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)}, exchange_rates=rates, kits=[]
    )
    body = index.model_dump(mode="json", by_alias=True, exclude_none=True)
    listed: list[str] = []
    indexed: list[dict[str, Any]] = []
    for view in views:
        listed.append(_dump(made.card(view, site.url)))
        indexed.append(made.index_card(view, site.url))
    body["kits"] = indexed
    roster = head.removesuffix(_NO_KITS) + '"kits":[' + ",".join(listed) + "]}"
    return roster, json.dumps(body, ensure_ascii=False, separators=(",", ":"))


_NO_KITS = '"kits":[]}'


def kit_json(view: KitView, site: FeedSite) -> str:
    """``<slug>/kit.json``: one kit in full."""
    feed = KitFeed(
        **{"$schema": _absolute(site.url, SCHEMA_PATH)}, site=site, kit=detail(view, site.url)
    )
    return _dump(feed)
