"""The roster page's choices: which platforms, tiers, countries, languages, values, offers and
currencies its filters and brand-fit brief offer, each with how many creators have it.

The browser filters and counts live (the roster's script); these lists only say what there is to
choose from, so the page's form is plain, escaped HTML written once at build time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kitfolio.model.kit import Network, Offer
from kitfolio.present.labels import TIER_LABELS
from kitfolio.present.wording import Wording, wording
from kitfolio.public.views import KitView
from kitfolio.sources.agency import AgencyView
from kitfolio.sources.exchange_rates import ExchangeRates

TOP_VALUES = 40
"""How many values the filter offers as checkboxes; others still work from the URL."""

ENGLISH = wording("en")


@dataclass(frozen=True)
class Option:
    """One choice of a filter: the value in the URL, its label, and how many creators have it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class RosterView:
    """All the roster page needs besides the kits themselves."""

    agency: AgencyView | None
    count: int
    networks: list[str]
    platforms: list[Option]
    tiers: list[Option]
    countries: list[Option]
    languages: list[Option]
    values: list[Option]
    offers: list[Option]
    currencies: list[Option]
    age_bands: list[Option]
    sorts: tuple[tuple[str, str], ...] = ENGLISH.sorts()
    labels: dict[str, str] = field(default_factory=ENGLISH.figure_labels)
    """The names of the headline figures, as the cards' comparison shows them."""
    engagement_basis: str = ENGLISH.engagement_weighted()
    """What the engagement filter compares: each creator's follower-weighted rate."""
    budget_note: str = ENGLISH.exchange_note(None)
    """How a budget meets prices in other currencies: converted at the site's rates, or not."""


def _options(
    counts: Counter[str], label: Callable[[str], str], order: Iterable[str] | None = None
) -> list[Option]:
    keys = list(order) if order is not None else sorted(counts, key=lambda k: label(k).casefold())
    return [Option(k, label(k), counts[k]) for k in keys if counts[k]]


def build_roster(
    kits: list[KitView],
    agency: AgencyView | None,
    exchange: ExchangeRates | None = None,
    words: Wording = ENGLISH,
    exchange_date_text: str | None = None,
) -> RosterView:
    """The filter choices of a roster of ``kits``; with exchange rates, a budget can be given in
    any currency they name."""
    networks = {n.value: words.network(n) for n in Network}
    offer_names = {o.value: words.offer(o) for o in Offer}
    platforms: Counter[str] = Counter()
    tiers: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    country_names: dict[str, str] = {}
    languages: Counter[str] = Counter()
    language_names: dict[str, str] = {}
    values: Counter[str] = Counter()
    value_names: dict[str, str] = {}
    offers: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    bands: Counter[str] = Counter()
    for kit in kits:
        platforms.update({p.network for p in kit.platforms})
        tiers[kit.tier] += 1
        for share in kit.audience.countries:
            countries[share.key] += 1
            country_names.setdefault(share.key, share.label)
        for tag, name in zip(kit.public.languages, kit.languages, strict=False):
            primary = tag.split("-")[0].lower()
            languages[primary] += 1
            language_names.setdefault(primary, name if tag.lower() == primary else primary)
        for value in {v.strip().lower(): v for v in kit.values}.items():
            values[value[0]] += 1
            value_names.setdefault(value[0], value[1].strip())
        offers.update(key for key, _ in kit.offers)
        if kit.rates and kit.rates.currency:
            currencies[kit.rates.currency] += 1
        bands.update(share.key for share in kit.audience.age)
    top_values = sorted(values, key=lambda v: (-values[v], v))[:TOP_VALUES]
    return RosterView(
        agency=agency,
        count=len(kits),
        networks=[n for n in networks if platforms[n]],
        platforms=_options(platforms, networks.__getitem__, networks),
        tiers=_options(tiers, words.tier, TIER_LABELS),
        countries=_options(countries, lambda k: country_names.get(k, k)),
        languages=_options(languages, lambda k: language_names.get(k, k)),
        values=_options(values, value_names.__getitem__, sorted(top_values)),
        offers=_options(offers, offer_names.__getitem__, offer_names),
        currencies=_currency_options(currencies, exchange),
        age_bands=_options(bands, str, sorted(bands, key=_band_start)),
        sorts=words.sorts(),
        labels=words.figure_labels(),
        engagement_basis=words.engagement_weighted(),
        budget_note=words.exchange_note(exchange_date_text if exchange else None),
    )


def _currency_options(kits: Counter[str], exchange: ExchangeRates | None) -> list[Option]:
    """The kits' currencies, most used first, then those the rates add (a brand's own)."""
    shown = _options(kits, str, [c for c, _ in kits.most_common()])
    if exchange is None:
        return shown
    kept = {o.value for o in shown}
    return shown + [Option(c, c, 0) for c in exchange.currencies if c not in kept]


def _band_start(band: str) -> tuple[int, str]:
    digits = "".join(c if c.isdigit() else " " for c in band).split()
    return (int(digits[0]) if digits else 999, band)
