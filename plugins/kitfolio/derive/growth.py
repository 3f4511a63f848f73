"""Follower counts over time, and how much they grew over the last 30 and 90 days.

A window is named ("in 30 days") only when the point it starts from lies close to its start
(see ``TOLERANCE``); otherwise the change is given from the point's own date ("since 1 Sep"),
so a page never names a period the data does not cover.

Points come from three places, later ones winning on the same day: the kit's optional
``history:`` (figures from before the kit was in git), each commit that changed a platform's
followers, and the kit as it stands now, dated by ``stats_as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WINDOWS = (30, 90)
TOLERANCE = 0.1
"""A window is named when its starting point is at most this share of it (and a week) older."""
MAX_SLACK_DAYS = 7


@dataclass(frozen=True, order=True, slots=True)
class Point:
    """Followers on one day."""

    when: date
    followers: int


@dataclass(frozen=True, slots=True)
class Change:
    """Growth over a window: from the last point on or before its start to the latest point."""

    days: int
    before: int
    after: int
    since: date
    """The day of the point the change is counted from."""
    end: date

    @property
    def span(self) -> int:
        """Days the change really covers."""
        return (self.end - self.since).days

    @property
    def names_window(self) -> bool:
        """Whether the span is close enough to ``days`` to call it that."""
        return self.span - self.days <= slack(self.days)

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def percent(self) -> float | None:
        return self.delta / self.before * 100 if self.before else None


def series(*sources: Iterable[Point]) -> list[Point]:
    """One point per day, oldest first; a later source overrides an earlier one on the same day.

    Runs of the same count keep only their first point: a commit that changed something else
    is not growth.
    """
    by_day: dict[date, int] = {}
    for source in sources:
        for point in source:
            by_day[point.when] = point.followers
    out: list[Point] = []
    for when in sorted(by_day):
        if out and out[-1].followers == by_day[when]:
            continue
        out.append(Point(when, by_day[when]))
    return out


def at(points: list[Point], when: date) -> int | None:
    """The count on ``when``: the last point on or before it."""
    found = _last_on_or_before(points, when)
    return found.followers if found else None


def slack(days: int) -> int:
    """How many days older than a window's start its first point may be: a tenth, at most 7."""
    return min(MAX_SLACK_DAYS, int(days * TOLERANCE))


def _last_on_or_before(points: list[Point], when: date) -> Point | None:
    found = None
    for point in points:
        if point.when > when:
            break
        found = point
    return found


def change(points: list[Point], days: int, end: date | None = None) -> Change | None:
    """Growth over the ``days`` before ``end`` (default: the latest point), when known."""
    if len(points) < 2:
        return None
    end = end or points[-1].when
    if end.toordinal() <= days:  # a window that starts before year 1 has no point before it
        return None
    before = _last_on_or_before(points, end - timedelta(days=days))
    after = at(points, end)
    if before is None or after is None:
        return None
    return Change(days, before.followers, after, before.when, end)


def changes(points: list[Point], end: date | None = None) -> list[Change]:
    """The change over each of ``WINDOWS``, once per starting point (two windows that start
    from the same point would say the same thing twice)."""
    out: list[Change] = []
    for days in WINDOWS:
        found = change(points, days, end)
        if found is not None and all(c.since != found.since for c in out):
            out.append(found)
    return out
