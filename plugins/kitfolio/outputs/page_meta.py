"""What a page tells link previews and search engines: Open Graph, Twitter card and JSON-LD.

Everything is read from the KitView, which has already removed hidden prices, so a preview or
a search result can show no more than the page. URLs are absolute, from the site's ``site_url``.
The JSON-LD is a plain dict; the template writes it with Jinja's ``tojson``, which escapes
``<``, ``>`` and ``&`` so creator text cannot close the script element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kitfolio.media.renditions import Rendition
from kitfolio.page_kinds import PageKind
from kitfolio.present.wording import wording
from kitfolio.public.views import Image, KitView, PriceLine

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


def _image(site_url: str, image: Image | None) -> str | None:
    return absolute(site_url, image.src) if image else None


def person(view: KitView, site_url: str) -> dict[str, Any]:
    """The creator as a schema.org Person: profiles (``sameAs``) and follower counts."""
    data: dict[str, Any] = {
        "@type": "Person",
        "name": view.name,
        "url": absolute(site_url, view.url),
    }
    if view.tagline:
        data["description"] = view.tagline
    if image := _image(site_url, view.avatar):
        data["image"] = image
    if view.location:
        data["homeLocation"] = {"@type": "Place", "name": view.location}
    data["knowsAbout"] = [view.niche, *view.tags]
    same = [p.url for p in view.platforms if p.url]
    if same:
        data["sameAs"] = same
    data["interactionStatistic"] = [
        {
            "@type": "InteractionCounter",
            "interactionType": f"{SCHEMA}/FollowAction",
            "userInteractionCount": p.followers,
            "interactionService": {
                "@type": "WebSite",
                "name": p.label,
                **({"url": p.url} if p.url else {}),
            },
            "name": wording(view.language).audience_label(p.label, p.audience_word),
        }
        for p in view.platforms
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
    if view.stats_date:
        data["dateModified"] = view.stats_date.isoformat()
    return data


def _amount(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _offer(line: PriceLine, currency: str, provider: dict[str, Any]) -> dict[str, Any]:
    service: dict[str, Any] = {"@type": "Service", "name": line.name, "provider": provider}
    if line.includes:
        service["description"] = ", ".join(line.includes)
    offer: dict[str, Any] = {"@type": "Offer", "name": line.name, "itemOffered": service}
    if line.lowest is None or not currency:
        return offer
    if line.highest is not None and line.highest == line.lowest:
        offer["price"] = _amount(line.lowest)
        offer["priceCurrency"] = currency
        return offer
    spec: dict[str, Any] = {
        "@type": "PriceSpecification",
        "minPrice": _amount(line.lowest),
        "priceCurrency": currency,
    }
    if line.highest is not None:
        spec["maxPrice"] = _amount(line.highest)
    offer["priceSpecification"] = spec
    return offer


def offer_catalog(view: KitView, site_url: str) -> dict[str, Any]:
    """The work-with-me page as a schema.org OfferCatalog, with the prices the page shows."""
    provider = {"@type": "Person", "name": view.name, "url": absolute(site_url, view.url)}
    rates = view.rates
    lines = [*rates.items, *rates.packages] if rates else []
    currency = rates.currency if rates and rates.shows_prices else ""
    return {
        "@context": SCHEMA,
        "@type": "OfferCatalog",
        "name": wording(view.language).work_with(view.name),
        "url": absolute(site_url, view.work_url),
        "itemListElement": [_offer(line, currency, provider) for line in lines],
    }
