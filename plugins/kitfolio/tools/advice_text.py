"""The rate advice as plain text for the terminal (``kitfolio rates advise``)."""

from __future__ import annotations

from kitfolio.derive.figures import tier
from kitfolio.tools.advise import KitAdvice, money, source_line
from kitfolio.tools.rate_bands import Source


def render(advice: KitAdvice) -> str:
    """The advice as plain text for the terminal; sources are listed once, at the end."""
    cited: list[Source] = []

    def cite(source: Source) -> str:
        if source not in cited:
            cited.append(source)
        return f"{source.publisher}, {source.published or 'undated'} [{cited.index(source) + 1}]"

    lines = [f"{advice.name} ({advice.display})"]
    lines += [f"  note: {note}" for note in advice.notes]
    for item in advice.items:
        head = f"  {item.label}: {_shown_price(item.price, advice.currency)}"
        if item.platform:
            head += f" — {item.platform}"
            if item.followers is not None:
                head += f", {item.followers:,} followers ({tier(item.followers)})"
        lines.append(head)
        for comparison in item.comparisons:
            span = money(comparison.low, comparison.currency)
            high = comparison.high
            span += f"–{money(high, comparison.currency)}" if high is not None else "+"
            converted = " converted from USD," if comparison.converted else ""
            lines.append(f"    {comparison.verdict or 'band'}: {span} ({comparison.what})")
            lines.append(f"      source:{converted} {cite(comparison.source)}")
        lines += [f"    note: {note}" for note in item.notes]
    if advice.addons:
        lines.append("  add-ons brands ask for:")
        for addon in advice.addons:
            source = f" — {cite(addon.source)}" if addon.source else ""
            lines.append(f"    {addon.name}: {addon.status}{source}")
    if cited:
        lines.append("  sources:")
        lines += [f"    [{n}] {source_line(s)}" for n, s in enumerate(cited, 1)]
    return "\n".join(lines) + "\n"


def _shown_price(price: tuple[float, float] | None, currency: str | None) -> str:
    if price is None or currency is None:
        return "no price"
    if price[0] == price[1]:
        return money(price[0], currency)
    return f"{money(price[0], currency)}–{money(price[1], currency)}"
