"""The rate card as a page shows it, formatted from the public model's rates.

The gate (``public.gate.public_rates``) has already removed what the visibility hides; this
only writes the amounts that are left in the view's language and currency format.
"""

from __future__ import annotations

from kitfolio.present.formatting import Formatter
from kitfolio.present.markdown import render, render_inline
from kitfolio.public.model import PublicAddon, PublicPrice, PublicRates
from kitfolio.public.views import PriceLine, RatesView


def price_text(low: float | None, high: float | None, currency: str, fmt: Formatter) -> str | None:
    """``€500``, ``€500–€900``, or ``from €500`` when only the lowest amount may be seen."""
    if low is None:
        return None
    money = fmt.money(low, currency)
    if high is None:
        return fmt.words.price_from(money)
    if low == high:
        return money
    return fmt.words.price_range(money, fmt.money(high, currency))


def _addon_text(addon: PublicAddon, currency: str, fmt: Formatter) -> str | None:
    if addon.percent is not None:
        return fmt.words.addon_percent(fmt.percent(addon.percent))
    return price_text(addon.low, addon.high, currency, fmt)


def _item(item: PublicPrice, currency: str, fmt: Formatter) -> PriceLine:
    return PriceLine(
        name=item.name,
        price=price_text(item.low, item.high, currency, fmt),
        lowest=item.low,
        highest=item.high,
        detail=render_inline(item.detail) if item.detail else None,
        platform=fmt.words.network(item.platform) if item.platform else None,
        network=item.platform,
    )


def _package(package: PublicPrice, currency: str, fmt: Formatter) -> PriceLine:
    return PriceLine(
        name=package.name,
        price=price_text(package.low, package.high, currency, fmt),
        lowest=package.low,
        highest=package.high,
        includes=list(package.includes),
        note=package.note,
    )


def rates_view(rates: PublicRates, fmt: Formatter) -> RatesView:
    """The rate card's view: prices, notes as HTML, the lowest price in words."""
    currency = rates.currency or ""
    notes = rates.notes
    floor = rates.lowest
    floor_money = fmt.money(floor, currency) if floor is not None else None
    return RatesView(
        visibility=rates.visibility.value,
        shows_prices=rates.shows_prices,
        currency=currency,
        items=[_item(i, currency, fmt) for i in rates.items],
        packages=[_package(p, currency, fmt) for p in rates.packages],
        addons=[
            PriceLine(
                name=a.name,
                price=_addon_text(a, currency, fmt),
                lowest=a.low,
                highest=a.high,
                percent=a.percent,
            )
            for a in rates.addons
        ],
        long_term=render(notes["long_term"]) if "long_term" in notes else None,
        gifting=render(notes["gifting"]) if "gifting" in notes else None,
        affiliate=render(notes["affiliate"]) if "affiliate" in notes else None,
        lowest=floor,
        lowest_text=fmt.words.price_from(floor_money) if floor_money is not None else None,
        lowest_money=floor_money,
        visibility_code=rates.visibility,
    )
