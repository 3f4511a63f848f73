"""The analytics exports Kitfolio reads, and the figures each gives for each platform.

Layouts: a generic one whose header names the kit's own fields, and the exports of YouTube
Studio, TikTok Studio and Meta Business Suite. The layout is told from the header row, or forced
by name.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kitfolio.errors import Problem
from kitfolio.model.kit import Network
from kitfolio.tools.stats_table import Reading, Table, read_table, shown

AVERAGES = ("avg_views", "avg_likes", "avg_comments", "avg_shares", "avg_saves")
FIGURES = (*AVERAGES, "engagement_rate")
GENERIC_COLUMNS = ("date", "platform", "followers", *FIGURES)

_ISO_DATE = "%Y-%m-%d"
_WORDY_DATES = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y")


@dataclass(frozen=True)
class Layout:
    """One export layout: how to recognise its header and what it maps to."""

    name: str
    title: str
    detect: Callable[[Table], bool]
    read: Callable[[Table], list[Reading]]
    required: tuple[str, ...] = ()


def _generic(table: Table) -> list[Reading]:
    _unknown_columns(table)
    if not any(key in table.keys for key in ("followers", *FIGURES)):
        table.problem(
            table.header_line,
            "(header)",
            "expected a column of figures: followers, avg_views, ... or engagement_rate",
        )
        return []
    return [_generic_reading(table, network, dated) for network, dated in _by_network(table)]


def _unknown_columns(table: Table) -> None:
    known = list(GENERIC_COLUMNS)
    for at, key in enumerate(table.keys):
        if key not in known:
            match = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f" (did you mean {match[0]!r}?)" if match else ""
            table.problems.append(
                Problem(
                    table.display,
                    table.header_line,
                    at + 1,
                    table.header[at].strip() or "(column)",
                    f"unknown column {table.header[at].strip()!r}{hint}; "
                    f"expected one of {', '.join(known)}",
                )
            )


_Dated = list[tuple[int, date, list[str]]]


def _by_network(table: Table) -> list[tuple[str | None, _Dated]]:
    """The rows of each platform (None when the file names none), oldest first, one per date."""
    networks = [n.value for n in Network]
    by_network: dict[str | None, _Dated] = {}
    first_seen: dict[tuple[str | None, date], int] = {}
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE,))
        network: str | None = None
        if table.index("platform") is not None:
            network = table.text(row, "platform").casefold()
            if network not in networks:
                got = table.text(row, "platform")
                table.problem(
                    line, "platform", f"expected one of {', '.join(networks)}; got {shown(got)}"
                )
                continue
        if when is None:
            continue
        if (network, when) in first_seen:
            table.problem(
                line,
                "date",
                f"expected one row per platform and date, got {when} again "
                f"(first on line {first_seen[network, when]})",
            )
            continue
        first_seen[network, when] = line
        by_network.setdefault(network, []).append((line, when, row))
    return [
        (network, sorted(dated, key=lambda item: item[1])) for network, dated in by_network.items()
    ]


def _generic_reading(table: Table, network: str | None, dated: _Dated) -> Reading:
    followers = []
    newest: dict[str, float] = {}
    for line, when, row in dated:
        count = table.count(line, row, "followers")
        if count is not None:
            followers.append((when, count))
        values: dict[str, float] = {}
        for name in AVERAGES:
            value = table.count(line, row, name)
            if value is not None:
                values[name] = value
        rate = table.percent(line, row, "engagement_rate")
        if rate is not None:
            values["engagement_rate"] = rate
        newest = values
    last = dated[-1][1]
    return Reading(network, tuple(followers), (), newest, last if newest else None)


def _means(table: Table, columns: dict[str, str], network: str, unit: str) -> list[Reading]:
    """Per-post averages over the rows of a per-post export (``columns``: kit field → column)."""
    sums: dict[str, list[int]] = {name: [] for name in columns}
    rows = 0
    for line, row in table.data_rows():
        rows += 1
        for name, column in columns.items():
            value = table.count(line, row, column)
            if value is not None:
                sums[name].append(value)
    if not rows:
        table.problem(table.header_line, "(rows)", f"expected at least one {unit} row")
        return []
    figures = {name: float(round(sum(v) / len(v))) for name, v in sums.items() if v}
    return [Reading(network, figures=figures)]


_YOUTUBE_CONTENT = {
    "avg_views": "views",
    "avg_likes": "likes",
    "avg_comments": "comments added",
    "avg_shares": "shares",
}
_META_CONTENT = {
    "avg_views": "views",
    "avg_likes": "likes",
    "avg_comments": "comments",
    "avg_shares": "shares",
    "avg_saves": "saves",
}


def _youtube_content(table: Table) -> list[Reading]:
    present = {k: v for k, v in _YOUTUBE_CONTENT.items() if table.index(v) is not None}
    return _means(table, present, Network.youtube.value, "video")


def _meta_content(table: Table) -> list[Reading]:
    present = {k: v for k, v in _META_CONTENT.items() if table.index(v) is not None}
    return _means(table, present, Network.instagram.value, "post")


def _youtube_dates(table: Table) -> list[Reading]:
    changes: dict[date, int] = {}
    net = table.index("subscribers") is not None
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE, *_WORDY_DATES))
        if net:
            change = table.count(line, row, "subscribers", signed=True)
        else:
            gained = table.count(line, row, "subscribers gained")
            lost = table.count(line, row, "subscribers lost")
            change = gained - lost if gained is not None and lost is not None else None
        if when is None or change is None:
            continue
        if when in changes:
            table.problem(line, "date", f"expected one row per date, got {when} again")
            continue
        changes[when] = change
    return [Reading(Network.youtube.value, changes=tuple(sorted(changes.items())))]


def _tiktok_followers(table: Table) -> list[Reading]:
    counts: dict[date, int] = {}
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE, *_WORDY_DATES))
        count = table.count(line, row, "followers")
        if when is None or count is None:
            continue
        if when in counts:
            table.problem(line, "date", f"expected one row per date, got {when} again")
            continue
        counts[when] = count
    return [Reading(Network.tiktok.value, followers=tuple(sorted(counts.items())))]


def _tiktok_overview(table: Table) -> list[Reading]:
    table.problem(
        table.header_line,
        "(layout)",
        "expected followers or per-post figures, got TikTok Studio's Overview export: it holds "
        "daily totals of the whole account (video views, profile views, likes, comments, "
        "shares), from which no follower count or per-post average follows; import the "
        "Follower history export, or write the figures in the generic layout",
    )
    return []


def _has(*names: str) -> Callable[[Table], bool]:
    return lambda table: all(name in table.keys for name in names)


def _is_youtube_dates(table: Table) -> bool:
    keys = table.keys
    return (
        bool(keys)
        and keys[0] == "date"
        and ("subscribers" in keys or {"subscribers gained", "subscribers lost"} <= set(keys))
    )


def _is_tiktok_followers(table: Table) -> bool:
    allowed = {"date", "followers", "difference in followers from previous day"}
    written = [name.strip() for name in table.header]
    return "Followers" in written and set(table.keys) <= allowed and table.keys[0] == "date"


def _is_generic(table: Table) -> bool:
    keys = table.keys
    return "date" in keys and any(key in GENERIC_COLUMNS for key in keys if key != "date")


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "youtube-content",
        "YouTube Studio, advanced mode, Content table (Table data.csv)",
        lambda t: bool(t.keys) and t.keys[0] == "content" and "views" in t.keys,
        _youtube_content,
        ("content", "views"),
    ),
    Layout(
        "youtube-dates",
        "YouTube Studio, advanced mode, Date table (Table data.csv or Totals.csv)",
        _is_youtube_dates,
        _youtube_dates,
        ("date",),
    ),
    Layout(
        "tiktok-followers",
        "TikTok Studio, Download data, Follower history",
        _is_tiktok_followers,
        _tiktok_followers,
        ("date", "followers"),
    ),
    Layout(
        "tiktok-overview",
        "TikTok Studio, Download data, Overview",
        _has("date", "video views", "profile views"),
        _tiktok_overview,
        ("date",),
    ),
    Layout(
        "instagram-content",
        "Meta Business Suite, Insights, Content export (Instagram)",
        lambda t: "post id" in t.keys and ("permalink" in t.keys or "account username" in t.keys),
        _meta_content,
        ("post id",),
    ),
    Layout(
        "generic",
        "generic (date, platform, followers, avg_views, ..., engagement_rate)",
        _is_generic,
        _generic,
        ("date",),
    ),
)
NAMES = tuple(layout.name for layout in LAYOUTS)


def layout_named(name: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.name == name)


def detect(table: Table) -> Layout | None:
    """The layout whose header this is, the most specific first."""
    return next((layout for layout in LAYOUTS if layout.detect(table)), None)


def read(
    path: Path, display: str, forced: str | None = None
) -> tuple[Layout | None, list[Reading], list[Problem]]:
    """The layout of a CSV file, what it says about each platform, and every problem in it."""
    table, problems = read_table(path, display)
    if table is None:
        return None, [], problems
    layout = layout_named(forced) if forced else detect(table)
    if layout is None:
        header = ", ".join(name.strip() for name in table.header)
        message = (
            f"expected the header of a known layout ({', '.join(NAMES)}), got {shown(header)}; "
            "pass --format to choose one"
        )
        return (
            None,
            [],
            [*table.problems, Problem(display, table.header_line, 1, "(header)", message)],
        )
    missing = [name for name in layout.required if name not in table.keys]
    if layout.name == "youtube-dates" and not _is_youtube_dates(table):
        missing.append("subscribers")
    if missing:
        found = [
            Problem(
                display,
                table.header_line,
                1,
                name,
                f"expected a column named {name!r} in the header of the {layout.name} layout",
            )
            for name in missing
        ]
        return layout, [], table.problems + found
    readings = layout.read(table)
    return layout, readings, sorted(table.problems, key=lambda p: (p.line, p.column))
