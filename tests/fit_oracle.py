"""Brand fit in Python: the oracle that tests/fit_cases.json and the roster's module are held to.

The site ranks in the browser (``rank`` in theme/assets/kitfolio/roster/fit.js); these are the
same rules in Python. tests/test_fit.py runs the shared cases against both, and the browser tests
check the page's ranking of a generated roster against this one. Both read kit cards exactly as
``kits.json`` publishes them, so only what the rate visibility shows can count.

The rules (docs/roster.md repeats them for brands):

- Each criterion the brief gives earns points; the score is earned ÷ possible × 100, rounded
  half up to a whole number. Criteria the brief leaves empty count for nobody.
- platforms (25): the share of the brief's platforms the creator is on.
- budget (25): all points when a visible price in the brief's currency is at or under the budget;
  with the brief's ``exchange_rates`` ({base, rates}) a price in another currency counts converted,
  without them (or without a rate for it) it does not count.
- niche (20): the share of the brief's niche words found in the niche, tags and tagline.
- countries (20): the audience share in the brief's countries, as a fraction of 100.
- age (15): the audience share in the brief's age bands, as a fraction of 100.
- values (15): the share of the brief's values the creator holds (case-insensitive).
- A creator is excluded when every keyword of one of their dealbreakers is a word of the brand's
  category ("Fast fashion brands" excludes the category "fast fashion", not "fashion").
- Ties keep the roster's order (by name); excluded creators follow, in roster order.

Words are runs of letters and digits, lower-cased; a trailing "s" is dropped from words longer
than three letters, so "brands" and "brand" are one word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

WEIGHTS = {"platforms": 25, "budget": 25, "niche": 20, "countries": 20, "age": 15, "values": 15}
GENERIC_WORDS = (
    "a an and any all are brands companies company for in no not of on or products services "
    "that the to with which who use using"
)
"""Words of a dealbreaker that say nothing about the category (stemmed with ``words``)."""
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Fit:
    """One creator's place in a ranking."""

    slug: str
    score: int
    reasons: list[str] = field(default_factory=list)
    excluded: str | None = None
    """Why the creator is left out (a matching dealbreaker), or None."""

    def as_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "score": self.score,
            "reasons": list(self.reasons),
            "excluded": self.excluded,
        }


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, each without a plural "s" when longer than three letters."""
    out = []
    for word in _WORD.findall(text.lower()):
        out.append(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return out


_GENERIC = frozenset(words(GENERIC_WORDS))


def _percent(value: float) -> str:
    return f"{math.floor(value + 0.5)}%"


def _list(brief: Mapping[str, Any], key: str) -> list[Any]:
    value = brief.get(key)
    return [v for v in value if v not in (None, "")] if isinstance(value, list) else []


def dealbreaker(card: Mapping[str, Any], category: str) -> str | None:
    """The first dealbreaker of ``card`` that rules out a brand of ``category``."""
    brand = set(words(category))
    if not brand:
        return None
    for text in card.get("dealbreakers") or []:
        keys = [w for w in words(text) if w not in _GENERIC]
        if keys and all(k in brand for k in keys):
            return str(text)
    return None


Card = Mapping[str, Any]
Brief = Mapping[str, Any]
Part = tuple[float, float, str | None] | None
"""One criterion's share of its weight as a fraction (part, whole) and its reason; None when
the brief skips it. Kept as a fraction so the arithmetic is the one roster.js does."""


def score(card: Card, brief: Brief) -> Fit:
    """How well one creator fits the brief, with reasons; excluded by a dealbreaker or not."""
    slug = str(card.get("slug", ""))
    category = brief.get("category")
    if isinstance(category, str) and category.strip():
        hit = dealbreaker(card, category)
        if hit is not None:
            return Fit(slug, 0, [], f"won't promote: {hit}")
    earned = 0.0
    possible = 0
    reasons: list[str] = []
    for name, criterion in CRITERIA.items():
        part = criterion(card, brief)
        if part is None:
            continue
        numerator, denominator, reason = part
        possible += WEIGHTS[name]
        earned += WEIGHTS[name] * numerator / denominator
        if reason:
            reasons.append(reason)
    points = math.floor(100 * earned / possible + 0.5) if possible else 0
    return Fit(slug, points, reasons, None)


def _platforms(card: Card, brief: Brief) -> Part:
    platforms = _list(brief, "platforms")
    if not platforms:
        return None
    theirs = {str(p.get("network")): str(p.get("label")) for p in card.get("platforms") or []}
    matched = [theirs[p] for p in platforms if p in theirs]
    return len(matched), len(platforms), ("on " + ", ".join(matched)) if matched else None


def _budget(card: Card, brief: Brief) -> Part:
    budget = brief.get("budget")
    if not isinstance(budget, (int, float)) or isinstance(budget, bool):
        return None
    within = _within_budget(card, float(budget), brief.get("currency"), brief.get("exchange_rates"))
    return (1, 1, f"{within} within budget") if within is not None else (0, 1, None)


def _niche(card: Card, brief: Brief) -> Part:
    niche = [w for text in _list(brief, "niche") for w in words(str(text))]
    if not niche:
        return None
    about = " ".join(
        [
            str(card.get("niche") or ""),
            *[str(t) for t in card.get("tags") or []],
            str(card.get("tagline") or ""),
        ]
    )
    theirs = set(words(about))
    found = [w for w in niche if w in theirs]
    return len(found), len(niche), ("niche: " + ", ".join(found)) if found else None


def _audience_share(key: str, wording: str) -> Callable[[Card, Brief], Part]:
    def part(card: Card, brief: Brief) -> Part:
        wanted = _list(brief, key)
        if not wanted:
            return None
        share, named = _share_of((card.get("audience") or {}).get(key) or {}, wanted)
        reason = (
            f"{_percent(share)} of audience {wording} {', '.join(named)}" if share > 0 else None
        )
        return share, 100, reason

    return part


def _values(card: Card, brief: Brief) -> Part:
    values = [str(v).strip() for v in _list(brief, "values") if str(v).strip()]
    if not values:
        return None
    held = {str(v).strip().lower(): str(v) for v in card.get("values") or []}
    shared = [held[v.lower()] for v in values if v.lower() in held]
    return len(shared), len(values), ("values: " + ", ".join(shared)) if shared else None


CRITERIA: dict[str, Callable[[Card, Brief], Part]] = {
    "platforms": _platforms,
    "budget": _budget,
    "niche": _niche,
    "countries": _audience_share("countries", "in"),
    "age": _audience_share("age", "aged"),
    "values": _values,
}


def convert(amount: float, source: Any, target: Any, exchange: Any) -> float | None:
    """``amount`` of ``source`` in ``target`` by ``{base, rates}``; None without a rate for both."""
    if source == target:
        return amount
    if not isinstance(exchange, Mapping) or not source or not target:
        return None
    rates = exchange.get("rates") or {}

    def per(code: Any) -> float | None:
        return 1.0 if code == exchange.get("base") else rates.get(code)

    have, want = per(source), per(target)
    if have is None or want is None:
        return None
    return amount / have * want


def _within_budget(
    card: Mapping[str, Any], budget: float, currency: Any, exchange: Any = None
) -> str | None:
    """The dearest visible price at or under the budget (first on a tie), by name; prices in
    another currency count converted by the brief's exchange rates, else not at all."""
    rates = card.get("rates") or {}
    priced = rates.get("currency") if currency else None
    if currency and convert(1, priced, currency, exchange) is None:
        return None
    best: tuple[float, str] | None = None
    for line in [*(rates.get("items") or []), *(rates.get("packages") or [])]:
        amount = line.get("min")
        if currency and isinstance(amount, (int, float)):
            amount = convert(amount, priced, currency, exchange)
        fits = isinstance(amount, (int, float)) and amount <= budget
        if fits and (best is None or amount > best[0]):
            best = (float(amount), str(line.get("name")))
    return best[1] if best else None


def rank(cards: Sequence[Mapping[str, Any]], brief: Mapping[str, Any]) -> list[Fit]:
    """Every card ranked for the brief: best fit first, excluded creators last."""
    fits = [score(card, brief) for card in cards]
    kept = sorted((f for f in fits if f.excluded is None), key=lambda f: -f.score)
    return kept + [f for f in fits if f.excluded is not None]


def _share_of(shares: dict[str, Any], wanted: list[Any]) -> tuple[float, list[str]]:
    """The audience share (capped at 100) of wanted countries or age bands, and which matched."""
    found = [key for key in wanted if key in shares]
    return min(sum(float(shares[key]) for key in found), 100.0), [str(key) for key in found]
