"""The inline SVG charts of a media kit, drawn from its views with the words of present/wording."""

from __future__ import annotations

from markupsafe import Markup

from kitfolio.derive import growth
from kitfolio.outputs import charts
from kitfolio.present.formatting import Formatter
from kitfolio.public.views import AudienceView, ChartSet, PlatformView, Share


def marks(points: list[growth.Point], fmt: Formatter) -> list[charts.Mark]:
    """Follower counts over time as chart marks, labelled for the reader."""
    return [
        charts.Mark(p.when.toordinal(), p.followers, fmt.short_date(p.when), fmt.count(p.followers))
        for p in points
    ]


def sparkline(
    view: PlatformView, points: list[growth.Point], fmt: Formatter, ident: str
) -> Markup | None:
    """The small growth line of a platform card."""
    title = fmt.words.over_time(view.label, view.audience_word)
    return charts.sparkline(ident, title, marks(points, fmt), fmt.words)


def platform_name(view: PlatformView) -> str:
    """``Instagram @avagreen``, or ``Instagram`` when the platform has no handle or name."""
    return view.label if view.display_name == view.label else f"{view.label} {view.display_name}"


def chart_set(audience: AudienceView, platforms: list[PlatformView], fmt: Formatter) -> ChartSet:
    """Audience, platform comparison and growth charts; None where there is nothing to draw."""

    def bars(shares: list[Share]) -> list[charts.Bar]:
        return [charts.Bar(s.label, s.value, s.text) for s in shares]

    def audience_chart(key: str, shares: list[Share]) -> Markup | None:
        title = fmt.words.audience_chart_title(key)
        axes = fmt.words.share_axes()
        return charts.bar_chart(f"kf-chart-{key}", title, bars(shares), axes, 100)

    comparison = [charts.Bar(platform_name(p), p.followers, p.followers_text) for p in platforms]
    return ChartSet(
        age=audience_chart("age", audience.age),
        gender=audience_chart("gender", audience.gender),
        countries=audience_chart("countries", audience.countries),
        cities=audience_chart("cities", audience.cities),
        platforms=charts.bar_chart(
            "kf-chart-platforms",
            fmt.words.platform_chart_title(),
            comparison,
            fmt.words.platform_axes(),
        )
        if len(platforms) > 1
        else None,
        growth=tuple(
            (platform_name(p), chart)
            for index, p in enumerate(platforms)
            if (
                chart := charts.line_chart(
                    f"kf-chart-growth-{index}",
                    fmt.words.over_time(p.label, p.audience_word),
                    marks(list(p.points), fmt),
                    (fmt.words.date_axis(), p.audience_word.capitalize()),
                    fmt.words,
                )
            )
        ),
    )
