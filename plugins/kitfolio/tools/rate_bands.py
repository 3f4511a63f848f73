"""The published rate figures ``kitfolio advise`` compares with, as a validated data file.

``rate_bands.yml`` beside this module holds them, each with its source, so updating a figure is
an edit of that file; its errors are reported like a kit's, at ``file:line:column``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from kitfolio.errors import Problem
from kitfolio.model.fields import Count, Currency, IsoDate, Money, RequiredText, Text, WebUrl
from kitfolio.model.kit import Network, Strict
from kitfolio.model.validate import check_model
from kitfolio.sources.documents import load

DEFAULT_FILE = Path(__file__).with_name("rate_bands.yml")
_PUBLISHED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _published(value: Any) -> str:
    text = str(value).strip()
    if not _PUBLISHED.match(text):
        raise PydanticCustomError(
            "published", "expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), got {got}", {"got": text}
        )
    return text


Published = Annotated[str, BeforeValidator(_published)]


class Source(Strict):
    """Where figures come from; ``published`` is absent for an undated page."""

    id: RequiredText
    title: RequiredText
    publisher: RequiredText
    url: WebUrl
    published: Published | None = None
    consulted: IsoDate
    note: Text | None = None


class Span(Strict):
    """An amount from ``min`` to ``max``; no ``max`` means "and up"."""

    min: Money
    max: Money | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.max is not None and self.min > self.max:
            raise PydanticCustomError("range", "expected min at most max")
        return self


class Followers(Strict):
    """Followers from ``min`` up to (not including) ``max``."""

    min: Count
    max: Count | None = None

    def holds(self, followers: int) -> bool:
        return followers >= self.min and (self.max is None or followers < self.max)


class Band(Strict):
    """The usual fee for one post on a platform at a follower tier, as a source gives it."""

    platform: Network
    tier: RequiredText
    followers: Followers
    price: Span
    currency: Currency
    source: RequiredText


class CpmRule(Strict):
    """A fee per 1,000 views (or what the source ``measure``s), applied to the kit's views."""

    platform: Network
    per_thousand: Span
    currency: Currency
    measure: RequiredText
    source: RequiredText


class Addon(Strict):
    """Something brands ask for on top of a post, found in a kit by ``keywords``."""

    id: RequiredText
    name: RequiredText
    keywords: Annotated[list[RequiredText], Field(min_length=1)]
    percent: Span | None = None
    note: Text | None = None
    source: RequiredText | None = None


class Exchange(Strict):
    """Dated exchange rates: units of each currency per one ``base``."""

    date: IsoDate
    base: Currency
    source: RequiredText
    rates: dict[Currency, Annotated[float, Field(gt=0)]]

    def convert(self, amount: float, source: str, target: str) -> float | None:
        """``amount`` in ``source`` currency as ``target``; None without a rate for either."""
        rates = {**self.rates, self.base: 1.0}
        if source not in rates or target not in rates:
            return None
        return amount / rates[source] * rates[target]


class RateData(Strict):
    """The bundled market data: follower bands, CPM rules, add-ons and their sources."""

    updated: IsoDate
    sources: list[Source]
    bands: list[Band] = Field(default_factory=list)
    cpm: list[CpmRule] = Field(default_factory=list)
    addons: list[Addon] = Field(default_factory=list)
    exchange: Exchange

    def source(self, source_id: str | None) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


def load_rate_data(path: Path = DEFAULT_FILE) -> tuple[RateData | None, list[Problem]]:
    """The figures in ``path``, or every problem found in it."""
    doc, problems = load(path)
    if doc.data is None:
        return None, problems or [Problem(doc.display, 1, 1, "(file)", "expected rate data")]
    data, invalid = check_model(doc, RateData, doc.data)
    if data is None or problems or invalid:
        return None, problems + invalid
    known = [s.id for s in data.sources]
    found = []
    for index, name in enumerate(known):
        if known.index(name) != index:
            found.append(
                doc.problem(("sources", index, "id"), f"expected each id once, got {name!r} again")
            )
    referring: list[tuple[tuple[str | int, ...], str | None]] = [
        *((("bands", i, "source"), b.source) for i, b in enumerate(data.bands)),
        *((("cpm", i, "source"), c.source) for i, c in enumerate(data.cpm)),
        *((("addons", i, "source"), a.source) for i, a in enumerate(data.addons)),
        (("exchange", "source"), data.exchange.source),
    ]
    for loc, source in referring:
        if source is not None and source not in known:
            found.append(
                doc.problem(
                    loc, f"expected the id of a source ({', '.join(known)}), got {source!r}"
                )
            )
    return (None, found) if found else (data, [])
