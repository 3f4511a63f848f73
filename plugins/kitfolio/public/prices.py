"""What a rate card's visibility lets the public see of each price: decided here, and only here.

``public`` shows whole prices, ``from`` only the lowest amount, ``on-request`` and ``private``
no amount at all. Everything after this (pages, feed, metadata, cards) sees what it returns.
The one exception is decided here too: a protected page, published only as ciphertext, shows
every price whatever the visibility (``page_visibility``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kitfolio.model.kit import PriceRange, Visibility

Amount = float | int


@dataclass(frozen=True)
class ShownPrice:
    """The visible part of a price; ``high`` is None when only the lowest amount may be seen."""

    low: Amount
    high: Amount | None


def page_visibility(visibility: Visibility, *, protected: bool) -> Visibility:
    """The visibility a page applies: the kit's own, except on a protected page, which only a
    brand with its password can read, so hidden prices may be rendered into its ciphertext."""
    return Visibility.public if protected else visibility


def shows_prices(visibility: Visibility) -> bool:
    """Whether any amount of the rate card may be seen."""
    return visibility in (Visibility.public, Visibility.from_)


def lowest(price: PriceRange | Amount | None) -> float | None:
    """The lowest amount a price asks."""
    if price is None:
        return None
    return float(price.min) if isinstance(price, PriceRange) else float(price)


def highest(price: PriceRange | Amount | None) -> float | None:
    """The highest amount a price asks."""
    if price is None:
        return None
    return float(price.max) if isinstance(price, PriceRange) else float(price)


def shown(price: PriceRange | Amount | None, visibility: Visibility) -> ShownPrice | None:
    """The part of ``price`` the visibility shows, or None when it shows no amount."""
    if price is None or not shows_prices(visibility):
        return None
    low, high = (price.min, price.max) if isinstance(price, PriceRange) else (price, price)
    if visibility is Visibility.from_:
        return ShownPrice(low, None)
    return ShownPrice(low, high)


def shown_percent(percent: float | None, visibility: Visibility) -> float | None:
    """An add-on's share of the base fee, when the visibility shows prices at all."""
    return percent if shows_prices(visibility) else None
