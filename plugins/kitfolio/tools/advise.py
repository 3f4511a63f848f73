"""``kitfolio advise``: how a kit's prices compare with published bands, for the creator alone.

For each rate item and package: its platform and tier, each band that applies with its source
and date, and a plain verdict. Then the add-ons brands ask for that the kit does not price. It
prints to the terminal and never writes a file, so nothing of it can reach a published site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel.numbers import format_currency

from kitfolio.model.kit import Kit, PriceRange
from kitfolio.tools.rate_bands import Band, CpmRule, RateData, Source, Span

# A price under half a band's floor is "far below" it; over twice its ceiling, "far above".
FAR = 2.0

_STORY = re.compile(r"\bstor(?:y|ies)\b|ストーリー", re.IGNORECASE)
_PLATFORM_WORDS = {
    "instagram": ("instagram", "insta", "ig", "reel", "reels"),
    "tiktok": ("tiktok", "tik tok"),
    "youtube": ("youtube", "yt", "short", "shorts"),
}
# "2 Instagram Reels", "2x Reel" or "Reel ×2": how many of a part a package includes.
_COUNT = re.compile(r"^\s*(\d+)\s*(?:[x×]\s*)?(?=[^\d\s-])|[x×]\s*(\d+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Comparison:
    """One band or rule applied to one price, in the kit's currency."""

    what: str
    low: float
    high: float | None
    currency: str
    source: Source
    verdict: str | None
    converted: bool


@dataclass
class ItemAdvice:
    """The advice on one rate item or package."""

    label: str
    price: tuple[float, float] | None
    platform: str | None = None
    followers: int | None = None
    comparisons: list[Comparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class AddonAdvice:
    """How an add-on's price compares with what creators usually charge for it."""

    name: str
    status: str
    source: Source | None


@dataclass
class KitAdvice:
    """The advice for one kit: each item, package and add-on against the bands."""

    name: str
    display: str
    currency: str | None
    items: list[ItemAdvice] = field(default_factory=list)
    addons: list[AddonAdvice] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def verdict(price: tuple[float, float], low: float, high: float | None) -> str:
    """Where a price (or price range) stands against a band."""
    least, most = price
    if most < low / FAR:
        return "far below the usual band"
    if most < low:
        return "below the usual band"
    if high is not None and least > high * FAR:
        return "far above the usual band"
    if high is not None and least > high:
        return "above the usual band"
    return "within the usual band"


def _price(value: PriceRange | float | int | None) -> tuple[float, float] | None:
    if value is None:
        return None
    if isinstance(value, PriceRange):
        return float(value.min), float(value.max)
    return float(value), float(value)


def guess_platform(text: str) -> str | None:
    """The platform a deliverable's name speaks of ("1 Instagram Reel" → instagram)."""
    words = set(re.findall(r"[a-z]+", text.casefold()))
    folded = text.casefold()
    for network, names in _PLATFORM_WORDS.items():
        if any((" " in n and n in folded) or n in words for n in names):
            return network
    return None


def _convert(data: RateData, amount: float, source: str, target: str) -> float | None:
    return amount if source == target else data.exchange.convert(amount, source, target)


def _followers(kit: Kit, network: str) -> int | None:
    counts = [p.followers for p in kit.platforms if p.network.value == network]
    return max(counts) if counts else None


def _views(kit: Kit, network: str) -> int | None:
    views = [p.avg_views for p in kit.platforms if p.network.value == network and p.avg_views]
    return max(views) if views else None


def _span(
    data: RateData, span: Span, scale: float, source: str, target: str
) -> tuple[float, float | None] | None:
    low = _convert(data, span.min * scale, source, target)
    high = None if span.max is None else _convert(data, span.max * scale, source, target)
    if low is None or (span.max is not None and high is None):
        return None
    return low, high


def _bands_for(data: RateData, network: str, followers: int) -> list[Band]:
    return [b for b in data.bands if b.platform.value == network and b.followers.holds(followers)]


def _cpm_for(data: RateData, network: str) -> list[CpmRule]:
    return [c for c in data.cpm if c.platform.value == network]


def _compare_post(
    data: RateData, kit: Kit, currency: str, network: str, price: tuple[float, float] | None
) -> tuple[list[Comparison], list[str]]:
    """Every band and CPM rule for one post on ``network``, against ``price``."""
    comparisons: list[Comparison] = []
    notes: list[str] = []
    followers = _followers(kit, network)
    if followers is None:
        return [], [f"the kit has no {network} platform, so no follower tier to compare with"]
    bands = _bands_for(data, network, followers)
    if not bands:
        notes.append(f"no published band for {network} at {followers:,} followers in the data file")
    for band in bands:
        span = _span(data, band.price, 1.0, band.currency, currency)
        source = data.source(band.source)
        if source is None:
            continue
        if span is None:
            notes.append(
                f"no exchange rate for {band.currency} or {currency}: {band.source} not compared"
            )
            continue
        what = f"{band.tier} ({_range_of_followers(band)} followers), per post"
        comparisons.append(
            Comparison(
                what,
                *span,
                currency,
                source,
                verdict(price, *span) if price else None,
                band.currency != currency,
            )
        )
    views = _views(kit, network)
    rules = _cpm_for(data, network)
    if rules and views is None:
        notes.append(f"no avg_views for {network} in the kit: the CPM rule cannot be applied")
    for rule in rules if views else []:
        assert views is not None
        span = _span(data, rule.per_thousand, views / 1000, rule.currency, currency)
        source = data.source(rule.source)
        if source is None or span is None:
            continue
        low = money(rule.per_thousand.min, rule.currency)
        top = f"–{money(rule.per_thousand.max, rule.currency)}" if rule.per_thousand.max else "+"
        what = f"CPM rule: {low}{top} per 1,000 {rule.measure}, applied to {views:,} average views"
        comparisons.append(
            Comparison(
                what,
                *span,
                currency,
                source,
                verdict(price, *span) if price else None,
                rule.currency != currency,
            )
        )
    return comparisons, notes


def _range_of_followers(band: Band) -> str:
    low = _short(band.followers.min)
    return f"{low}+" if band.followers.max is None else f"{low}–{_short(band.followers.max)}"


def _short(count: int) -> str:
    if count >= 1_000_000 and count % 1_000_000 == 0:
        return f"{count // 1_000_000}M"
    if count >= 1000 and count % 1000 == 0:
        return f"{count // 1000}K"
    return f"{count:,}"


def money(amount: float, currency: str) -> str:
    """A whole amount as the terminal shows it (English, no decimals)."""
    return str(
        format_currency(
            round(amount), currency, format="¤#,##0", locale="en", currency_digits=False
        )
    )


def advise(kit: Kit, display: str, data: RateData) -> KitAdvice:
    """The advice on one kit's rates."""
    rates = kit.rates
    advice = KitAdvice(kit.name, display, rates.currency if rates else None)
    if rates is None or not (rates.items or rates.packages):
        advice.notes.append("the kit lists no rates: nothing to compare")
        return advice
    currency = rates.currency
    if currency != "USD":
        advice.notes.append(
            f"the bands are in USD; converted to {currency} at the {data.exchange.base} reference "
            f"rates of {data.exchange.date} ({source_line(data.source(data.exchange.source))}); "
            "rates move, so treat converted figures as approximate"
        )
    for item in rates.items:
        entry = ItemAdvice(item.deliverable, _price(item.price))
        network = item.platform.value if item.platform else guess_platform(item.deliverable)
        if item.platform is None and network:
            entry.notes.append(f"platform guessed from the deliverable's name: {network}")
        entry.platform = network
        if entry.price is None:
            entry.notes.append("no price given: nothing to compare")
        if network is None:
            entry.notes.append("no platform: give the item a platform to compare it")
        elif _STORY.search(item.deliverable):
            entry.notes.append("no published band for Stories in the data file: not compared")
        elif entry.price is not None:
            entry.followers = _followers(kit, network)
            entry.comparisons, notes = _compare_post(data, kit, currency, network, entry.price)
            entry.notes += notes
        advice.items.append(entry)
    for package in rates.packages:
        advice.items.append(
            _package(data, kit, currency, package.name, package.includes, _price(package.price))
        )
    advice.addons = _addons(data, kit)
    return advice


def _package(
    data: RateData,
    kit: Kit,
    currency: str,
    name: str,
    includes: list[str],
    price: tuple[float, float] | None,
) -> ItemAdvice:
    """A package against the sum of the bands of the parts it names."""
    entry = ItemAdvice(name, price)
    if price is None:
        entry.notes.append("no price given: nothing to compare")
        return entry
    low = high = 0.0
    open_ended = False
    counted: list[str] = []
    sources: dict[str, Source] = {}
    for part in includes:
        network = guess_platform(part)
        if network is None or _STORY.search(part):
            entry.notes.append(f"{part!r}: no band to count it with")
            continue
        comparisons, _ = _compare_post(data, kit, currency, network, None)
        bands = [c for c in comparisons if not c.what.startswith("CPM")]
        if not bands:
            entry.notes.append(f"{part!r}: no band to count it with")
            continue
        band = bands[0]
        match = _COUNT.search(part)
        count = int(match.group(1) or match.group(2)) if match else 1
        low += band.low * count
        if band.high is None:
            open_ended = True
        else:
            high += band.high * count
        counted.append(part)
        sources[band.source.id] = band.source
    if counted:
        source = next(iter(sources.values()))
        top = None if open_ended else high
        entry.comparisons.append(
            Comparison(
                f"sum of the bands of {', '.join(counted)}",
                low,
                top,
                currency,
                source,
                verdict(price, low, top),
                currency != "USD",
            )
        )
    return entry


def _addons(data: RateData, kit: Kit) -> list[AddonAdvice]:
    rates = kit.rates
    assert rates is not None
    terms = kit.terms
    text_of_terms = " ".join(
        value for value in (terms.model_dump().values() if terms else []) if isinstance(value, str)
    ).casefold()
    found = []
    for addon in data.addons:
        source = data.source(addon.source)
        usual = _usual(addon.percent)
        priced = [a for a in rates.addons if any(k in a.name.casefold() for k in addon.keywords)]
        if priced:
            mine = priced[0]
            if mine.percent is not None and addon.percent is not None:
                status = (
                    f"priced at {mine.percent:g}% of the base fee: "
                    + _premium_verdict(mine.percent, addon.percent)
                    + f" ({usual})"
                )
            elif mine.percent is not None:
                status = f"priced at {mine.percent:g}% of the base fee"
            else:
                shown = _price(mine.price)
                amount = money(shown[0], rates.currency) if shown else "a fee"
                status = f"priced at {amount}" + (f"; usually {usual}" if addon.percent else "")
        elif any(k in text_of_terms for k in addon.keywords):
            status = "mentioned in your terms but not priced: brands will ask what it costs"
            status += f"; usually {usual}" if addon.percent else ""
        else:
            status = "not priced: brands will ask for it"
            status += f"; usually {usual}" if addon.percent else ""
        if addon.note:
            status += f". {addon.note}"
        found.append(AddonAdvice(addon.name, status, source))
    return found


def _usual(span: Span | None) -> str:
    if span is None:
        return ""
    top = f"–{span.max:g}%" if span.max is not None else "%+"
    return f"{span.min:g}{top} on top of the base fee"


def _premium_verdict(percent: float, span: Span) -> str:
    if percent < span.min:
        return "below the usual premium"
    if span.max is not None and percent > span.max:
        return "above the usual premium"
    return "within the usual premium"


def source_line(source: Source | None) -> str:
    """A source as cited: publisher, title, date, address and when it was read."""
    if source is None:
        return "no source"
    when = source.published or "undated"
    return f"{source.publisher}, “{source.title}”, {when}, {source.url} (read {source.consulted})"
