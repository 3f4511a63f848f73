"""What a brand would notice on a kit: old or impossible dates, platforms the kit does not
list, the starter's example text, figures that cannot be true.

Each finding is a warning (an error under ``--strict``/strict builds) located at its field, so
``kitfolio check`` and ``mkdocs build`` report the same list.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from kitfolio.derive.figures import Inconsistency, age_in_days
from kitfolio.derive.placeholders import placeholder_in
from kitfolio.model.kit import Kit
from kitfolio.sources.documents import Loc

BOOKED_AHEAD = timedelta(days=366)
"""A ``booked_until`` further ahead than this is most likely a mistyped year."""
VIEWS_PER_FOLLOWER = 100
"""Average views above this many times the followers look like a typo (an extra zero)."""


def brand_would_notice(
    kit: Kit, data: Any, today: date, stale_after_days: int
) -> list[Inconsistency]:
    """Every finding for ``kit``; ``data`` is the parsed file, searched for placeholders."""
    return [
        *_dates(kit, today, stale_after_days),
        *_platforms(kit),
        *_placeholders(data, ()),
    ]


def _dates(kit: Kit, today: date, stale_after_days: int) -> Iterator[Inconsistency]:
    age = age_in_days(kit, today)
    if age is not None and age > stale_after_days:
        yield Inconsistency(
            ("stats_as_of",),
            f"expected figures at most {stale_after_days} days old, got {age} days "
            "(the page marks them stale); update the figures and the date",
        )
    if kit.stats_as_of is not None and kit.stats_as_of > today:
        yield Inconsistency(
            ("stats_as_of",),
            f"expected a date no later than today ({today}), got {kit.stats_as_of}",
        )
    for index, platform in enumerate(kit.platforms):
        for point, entry in enumerate(platform.history):
            if entry.date > today:
                yield Inconsistency(
                    ("platforms", index, "history", point, "date"),
                    f"expected a date no later than today ({today}), got {entry.date}",
                )
    booked = kit.availability.booked_until if kit.availability else None
    if booked is not None and booked < today:
        yield Inconsistency(
            ("availability", "booked_until"),
            f"expected a date from today ({today}) on, got {booked}: the page would say "
            "you are booked until a day already past; remove it or set a new date",
        )
    elif booked is not None and booked > today + BOOKED_AHEAD:
        yield Inconsistency(
            ("availability", "booked_until"),
            f"expected a date within a year of today ({today}), got {booked}",
        )
    for index, partnership in enumerate(kit.partnerships):
        if partnership.year is not None and partnership.year > today.year:
            yield Inconsistency(
                ("partnerships", index, "year"),
                f"expected a year no later than {today.year}, got {partnership.year}",
            )


def _platforms(kit: Kit) -> Iterator[Inconsistency]:
    listed = {p.network for p in kit.platforms}
    names = ", ".join(sorted(n.value for n in listed))
    seen: dict[tuple[str, str], int] = {}
    for index, platform in enumerate(kit.platforms):
        if platform.avg_views is not None and platform.avg_views > VIEWS_PER_FOLLOWER * max(
            platform.followers, 1
        ):
            yield Inconsistency(
                ("platforms", index, "avg_views"),
                f"expected at most {VIEWS_PER_FOLLOWER}× the {platform.followers} followers, "
                f"got {platform.avg_views}",
            )
        if platform.handle:
            key = (platform.network.value, platform.handle.strip().lstrip("@").casefold())
            if key in seen:
                yield Inconsistency(
                    ("platforms", index, "handle"),
                    f"expected each account once, got {platform.network.value} "
                    f"{platform.handle!r} again (first at platforms[{seen[key]}])",
                )
            seen.setdefault(key, index)
    items = kit.rates.items if kit.rates else []
    for index, item in enumerate(items):
        if item.platform is not None and item.platform not in listed:
            yield Inconsistency(
                ("rates", "items", index, "platform"),
                f"expected a platform the kit lists ({names}), got {item.platform.value}",
            )
    for index, highlight in enumerate(kit.highlights):
        if highlight.platform is not None and highlight.platform not in listed:
            yield Inconsistency(
                ("highlights", index, "platform"),
                f"expected a platform the kit lists ({names}), got {highlight.platform.value}",
            )
        if highlight.views is not None and highlight.url is None:
            yield Inconsistency(
                ("highlights", index, "views"),
                "expected a url with the views, so a brand can see the post, got none",
            )


def _placeholders(data: Any, loc: Loc) -> Iterator[Inconsistency]:
    """Every text of ``data`` that still holds a starter placeholder, in the file's order."""
    stack: list[tuple[Loc, Any]] = [(loc, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if (found := placeholder_in(value)) is not None:
                yield Inconsistency(
                    where, f"expected your own text, got the starter kit's example {found!r}"
                )
        elif isinstance(value, dict):
            stack.extend(((*where, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*where, i), v) for i, v in reversed(list(enumerate(value))))
