"""What a page tells link previews and search engines: Open Graph, Twitter card and JSON-LD.

Figures and prices are read from the view's public model, which the privacy gate made without
hidden prices, so a preview or a search result can show no more than the page. URLs are
absolute, from the site's ``site_url``.
The JSON-LD is a plain dict; the template writes it with Jinja's ``tojson``, which escapes
``<``, ``>`` and ``&`` so creator text cannot close the script element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kitfolio.media.renditions import Rendition
from kitfolio.page_kinds import PageKind
from kitfolio.present.wording import wording
from kitfolio.public.model import PublicImage, PublicPrice
from kitfolio.public.views import KitView

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class PageMeta:
    """The ``<meta>`` tags (name, content) and the structured data of one page."""

    tags: list[tuple[str, str]] = field(default_factory=list)
    jsonld: dict[str, Any] | None = None


def absolute(site_url: str, path: str) -> str:
    """A site path (``ava/``) as an absolute URL under ``site_url``."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def page_meta(
    kind: PageKind,
    view: KitView | None,
    *,
    site_url: str,
    title: str,
    description: str,
    card: Rendition | None,
) -> PageMeta:
    """Tags and JSON-LD of a media-kit (``kit``), work-with-me (``work``) or roster page."""
    if view is None:
        url = absolute(site_url, "")
        return PageMeta(_tags(title, description, url, "website", None, title))
    url = absolute(site_url, view.work_url if kind == PageKind.WORK else view.url)
    og_type = "profile" if kind == PageKind.KIT else "website"
    alt = wording(view.language).image_alt(title, view.niche)
    image = (absolute(site_url, card.src), card) if card else None
    tags = _tags(title, description, url, og_type, image, alt)
    data = (
        offer_catalog(view, site_url)
        if kind == PageKind.WORK
        else profile_page(view, site_url, title)
    )
    return PageMeta(tags, data)


def _tags(
    title: str,
    description: str,
    url: str,
    og_type: str,
    image: tuple[str, Rendition] | None,
    alt: str,
) -> list[tuple[str, str]]:
    tags = [
        ("og:title", title),
        ("og:description", description),
        ("og:type", og_type),
        ("og:url", url),
    ]
    if image is not None:
        src, card = image
        tags += [
            ("og:image", src),
            ("og:image:type", f"image/{card.format.lower()}"),
            ("og:image:width", str(card.width)),
            ("og:image:height", str(card.height)),
            ("og:image:alt", alt),
            ("twitter:card", "summary_large_image"),
            ("twitter:image", src),
            ("twitter:image:alt", alt),
        ]
    else:
        tags.append(("twitter:card", "summary"))
    tags += [("twitter:title", title), ("twitter:description", description)]
    return tags


def _image(site_url: str, image: PublicImage | None) -> str | None:
    return absolute(site_url, image.src) if image else None


def person(view: KitView, site_url: str) -> dict[str, Any]:
    """The creator as a schema.org Person: profiles (``sameAs``) and follower counts."""
    kit = view.public
    data: dict[str, Any] = {
        "@type": "Person",
        "name": kit.name,
        "url": absolute(site_url, view.url),
    }
    if kit.tagline:
        data["description"] = kit.tagline
    if image := _image(site_url, kit.avatar):
        data["image"] = image
    if kit.location:
        data["homeLocation"] = {"@type": "Place", "name": kit.location}
    data["knowsAbout"] = [kit.niche, *kit.tags]
    same = [p.url for p in kit.platforms if p.url]
    if same:
        data["sameAs"] = same
    words = wording(view.language)
    data["interactionStatistic"] = [
        {
            "@type": "InteractionCounter",
            "interactionType": f"{SCHEMA}/FollowAction",
            "userInteractionCount": p.followers,
            "interactionService": {
                "@type": "WebSite",
                "name": shown.label,
                **({"url": p.url} if p.url else {}),
            },
            "name": words.audience_label(shown.label, shown.audience_word),
        }
        for p, shown in zip(kit.platforms, view.platforms, strict=True)
    ]
    return data


def profile_page(view: KitView, site_url: str, title: str) -> dict[str, Any]:
    """The media-kit page as a schema.org ProfilePage about the creator."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "name": title,
        "url": absolute(site_url, view.url),
        "description": view.description,
        "mainEntity": person(view, site_url),
    }
    if view.public.stats_as_of:
        data["dateModified"] = view.public.stats_as_of.isoformat()
    return data


def _amount(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _offer(price: PublicPrice, currency: str | None, provider: dict[str, Any]) -> dict[str, Any]:
    service: dict[str, Any] = {"@type": "Service", "name": price.name, "provider": provider}
    if price.includes:
        service["description"] = ", ".join(price.includes)
    offer: dict[str, Any] = {"@type": "Offer", "name": price.name, "itemOffered": service}
    if price.low is None or not currency:
        return offer
    if price.high is not None and price.high == price.low:
        offer["price"] = _amount(price.low)
        offer["priceCurrency"] = currency
        return offer
    spec: dict[str, Any] = {
        "@type": "PriceSpecification",
        "minPrice": _amount(price.low),
        "priceCurrency": currency,
    }
    if price.high is not None:
        spec["maxPrice"] = _amount(price.high)
    offer["priceSpecification"] = spec
    return offer


def offer_catalog(view: KitView, site_url: str) -> dict[str, Any]:
    """The work-with-me page as a schema.org OfferCatalog, with the prices the page shows."""
    provider = {"@type": "Person", "name": view.name, "url": absolute(site_url, view.url)}
    rates = view.public.rates
    prices = [*rates.items, *rates.packages] if rates else []
    currency = rates.currency if rates else None
    return {
        "@context": SCHEMA,
        "@type": "OfferCatalog",
        "name": wording(view.language).work_with(view.name),
        "url": absolute(site_url, view.work_url),
        "itemListElement": [_offer(price, currency, provider) for price in prices],
    }
