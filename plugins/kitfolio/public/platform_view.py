"""Platform cards and audience charts of a kit, formatted from its public model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kitfolio.derive import growth
from kitfolio.present import kit_charts
from kitfolio.present.formatting import Formatter
from kitfolio.public.model import PublicAudience, PublicPlatform
from kitfolio.public.views import AudienceView, EngagementView, GrowthView, PlatformView, Share


def platform_views(
    platforms: tuple[PublicPlatform, ...], end: date | None, fmt: Formatter
) -> list[PlatformView]:
    """Each platform's card; ``end`` (the stats date) closes its growth windows."""
    return [
        _with_growth(platform_view(p, fmt), list(p.points), end, fmt, f"kf-spark-{index}")
        for index, p in enumerate(platforms)
    ]


def _sign(delta: float) -> str:
    return "+" if delta > 0 else "−" if delta < 0 else "±"


def _with_growth(
    view: PlatformView, points: list[growth.Point], end: date | None, fmt: Formatter, ident: str
) -> PlatformView:
    if len(points) < 2:
        return view
    changes = []
    for found in growth.changes(points, end):
        sign = _sign(found.delta)
        percent = found.percent
        changes.append(
            GrowthView(
                days=found.days,
                text=f"{sign}{fmt.compact(abs(found.delta))}",
                percent_text=f"{sign}{fmt.percent(abs(percent))}" if percent is not None else None,
                direction="up" if found.delta > 0 else "down" if found.delta < 0 else "flat",
                period_text=fmt.words.growth_period(
                    found.days, None if found.names_window else fmt.short_date(found.since)
                ),
            )
        )
    line = kit_charts.sparkline(view, points, fmt, ident)
    return replace(view, points=tuple(points), growth=tuple(changes), sparkline=line)


def platform_view(platform: PublicPlatform, fmt: Formatter) -> PlatformView:
    """One platform as its card shows it, without its growth."""
    found = platform.engagement
    engagement = None
    if found is not None:
        engagement = EngagementView(
            text=fmt.percent(found.rate),
            rate=found.rate,
            stated=found.stated,
            formula=found.formula,
            computed_text=fmt.percent(found.computed) if found.computed is not None else None,
            basis=fmt.words.engagement_basis(found.basis) if found.basis else "",
        )
    label = fmt.words.network(platform.network)
    handle = platform.handle
    return PlatformView(
        network=platform.network.value,
        label=label,
        handle=handle,
        display_name=f"@{handle.lstrip('@')}" if handle else platform.name or label,
        url=platform.url,
        followers=platform.followers,
        followers_text=fmt.compact(platform.followers),
        followers_full=fmt.count(platform.followers),
        audience_word=fmt.words.audience_word(platform.network),
        avg_views_text=fmt.compact(platform.avg_views) if platform.avg_views is not None else None,
        averages=[(fmt.words.average(code), fmt.compact(v)) for code, v in platform.averages],
        engagement=engagement,
        open_rate_text=fmt.percent(platform.open_rate) if platform.open_rate is not None else None,
        tier=platform.tier,
        tier_label=fmt.words.tier(platform.tier),
        kind=platform.network,
        avg_views=platform.avg_views,
        open_rate=platform.open_rate,
    )


def _shares(values: dict[str, float], fmt: Formatter, label: str = "") -> list[Share]:
    name = {"country": fmt.country, "gender": fmt.gender}.get(label, str)
    return [Share(name(key), value, fmt.percent(value), key) for key, value in values.items()]


def audience_view(audience: PublicAudience, fmt: Formatter) -> AudienceView:
    """The audience section: countries by name in the view's language, shares as percents."""
    return AudienceView(
        source=audience.source,
        age=_shares(audience.age, fmt),
        gender=_shares(audience.gender, fmt, "gender"),
        countries=_shares(audience.countries, fmt, "country"),
        cities=_shares(audience.cities, fmt),
    )
