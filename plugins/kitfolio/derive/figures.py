"""Figures derived from a kit's own numbers: engagement, tier, reach, freshness, consistency.

Everything here is plain arithmetic on the model, so the pages, the data feed and the checks
agree on one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kitfolio.model.kit import Audience, Kit, Platform
from kitfolio.sources.documents import Loc

ENGAGEMENT_FIELDS = ("avg_likes", "avg_comments", "avg_shares", "avg_saves")
TIERS = (("nano", 10_000), ("micro", 100_000), ("mid", 500_000), ("macro", 1_000_000))
SHARE_TOLERANCE = 1.0
ENGAGEMENT_TOLERANCE = 0.25


@dataclass(frozen=True, slots=True)
class Engagement:
    """A platform's engagement rate and where it comes from."""

    rate: float
    stated: bool
    computed: float | None
    formula: str
    basis: tuple[str, ...] = ()
    """The fields a computed rate adds up (``avg_likes``, ``avg_comments``), for its wording."""


def computed_basis(platform: Platform) -> tuple[str, ...]:
    """The fields a computed rate uses: only those given."""
    return tuple(name for name in ENGAGEMENT_FIELDS if getattr(platform, name) is not None)


def computed_engagement(platform: Platform) -> tuple[float, str] | None:
    """(avg_likes + avg_comments + avg_shares + avg_saves) / followers * 100, over given fields."""
    used = [(name, getattr(platform, name)) for name in ENGAGEMENT_FIELDS]
    used = [(name, value) for name, value in used if value is not None]
    if not used or platform.followers <= 0:
        return None
    total = sum(value for _, value in used)
    names = " + ".join(name for name, _ in used)
    return total / platform.followers * 100, f"({names}) ÷ followers × 100"


def engagement(platform: Platform) -> Engagement | None:
    """The stated engagement rate, else the computed one, else None."""
    computed = computed_engagement(platform)
    basis = computed_basis(platform) if computed else ()
    if platform.engagement_rate is not None:
        formula = computed[1] if computed else ""
        return Engagement(
            platform.engagement_rate, True, computed[0] if computed else None, formula, basis
        )
    if computed is None:
        return None
    return Engagement(computed[0], False, computed[0], computed[1], basis)


def tier(followers: int) -> str:
    """nano < 10K ≤ micro < 100K ≤ mid < 500K ≤ macro < 1M ≤ mega."""
    for name, limit in TIERS:
        if followers < limit:
            return name
    return "mega"


def largest(kit: Kit) -> Platform:
    """The platform with the most followers (the first one on a tie)."""
    return max(kit.platforms, key=lambda p: p.followers)


def kit_tier(kit: Kit) -> str:
    """The tier of the kit's largest platform."""
    return tier(largest(kit).followers)


def total_reach(kit: Kit) -> int:
    """Followers summed over platforms."""
    return sum(p.followers for p in kit.platforms)


@dataclass(frozen=True, slots=True)
class HeadlineEngagement:
    """The one engagement figure a kit leads with: each platform's rate weighted by its followers.

    Weighting by followers says what a brand's post reaches on average across the creator's
    audience; the best platform's rate would let a small account speak for a large one.
    """

    rate: float
    platforms: tuple[Platform, ...]
    """The platforms that have a rate, and so count in it."""


def headline_engagement(kit: Kit) -> HeadlineEngagement | None:
    """The follower-weighted engagement rate over platforms with a rate (stated or computed)."""
    rated = [(p, e.rate) for p in kit.platforms if (e := engagement(p)) is not None]
    followers = sum(p.followers for p, _ in rated)
    if not rated or followers <= 0:
        return None
    rate = sum(p.followers * r for p, r in rated) / followers
    return HeadlineEngagement(rate, tuple(p for p, _ in rated))


def age_in_days(kit: Kit, today: date) -> int | None:
    """How many days old the kit's figures are."""
    return (today - kit.stats_as_of).days if kit.stats_as_of else None


def is_stale(kit: Kit, today: date, stale_after_days: int) -> bool:
    """Whether the figures are older than the site allows."""
    age = age_in_days(kit, today)
    return age is not None and age > stale_after_days


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """A figure that contradicts another; a warning unless the build is strict."""

    loc: Loc
    message: str


def inconsistencies(kit: Kit) -> list[Inconsistency]:
    """Shares that do not sum to 100, averages above followers, stated rates far off."""
    found: list[Inconsistency] = []
    if kit.audience is not None:
        found += _share_sums(kit.audience)
    for index, platform in enumerate(kit.platforms):
        loc: Loc = ("platforms", index)
        for name in ("avg_likes", "avg_comments"):
            value = getattr(platform, name)
            if value is not None and value > platform.followers:
                found.append(
                    Inconsistency(
                        (*loc, name),
                        f"expected at most the platform's {platform.followers} followers, "
                        f"got {value}",
                    )
                )
        computed = computed_engagement(platform)
        stated = platform.engagement_rate
        if (
            stated is not None
            and computed is not None
            and computed[0] > 0
            and abs(stated - computed[0]) / computed[0] > ENGAGEMENT_TOLERANCE
        ):
            found.append(
                Inconsistency(
                    (*loc, "engagement_rate"),
                    f"expected a rate within 25% of the computed {computed[0]:.2f}% "
                    f"{computed[1]}, got a stated {stated:g}%",
                )
            )
    return found


def _share_sums(audience: Audience) -> list[Inconsistency]:
    found = []
    for name in ("age", "gender"):
        shares: dict[str, float] = getattr(audience, name)
        if shares:
            total = sum(shares.values())
            # Shares are decimals (33.3 + 33.3 + 33.4): compare with a little slack for floats.
            if abs(total - 100) > SHARE_TOLERANCE + 1e-9:
                found.append(
                    Inconsistency(
                        ("audience", name),
                        f"shares sum to {total:g}%, expected 100 ± {SHARE_TOLERANCE:g}",
                    )
                )
    return found
