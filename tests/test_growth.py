"""Growth figures name only the period their points really cover."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, build_site, read_html, write_site
from kitfolio.derive import growth
from kitfolio.derive.growth import Point

END = date(2026, 11, 28)
GAPPY = [Point(date(2026, 6, 1), 18000), Point(date(2026, 9, 1), 21000), Point(END, 23400)]


def test_a_window_with_no_point_near_its_start_is_counted_from_the_points_own_date() -> None:
    found = growth.changes(GAPPY, END)
    assert [(c.since, c.span, c.delta, c.names_window) for c in found] == [
        (date(2026, 9, 1), 88, 2400, False),
        (date(2026, 6, 1), 180, 5400, False),
    ]


@pytest.mark.parametrize(
    ("start", "named"),
    [
        (date(2026, 10, 29), True),  # exactly 30 days
        (date(2026, 10, 26), True),  # 33 days: within a tenth of the window
        (date(2026, 10, 25), False),  # 34 days
    ],
)
def test_a_window_is_named_when_its_point_lies_within_a_tenth_of_it(
    start: date, named: bool
) -> None:
    found = growth.change([Point(start, 100), Point(END, 120)], 30, END)
    assert found is not None and found.names_window is named


def test_the_slack_is_at_most_a_week() -> None:
    assert [growth.slack(days) for days in (30, 90, 365)] == [3, 7, 7]


def test_two_windows_from_the_same_point_say_it_once() -> None:
    points = [Point(date(2026, 1, 1), 100), Point(END, 150)]
    assert [c.since for c in growth.changes(points, END)] == [date(2026, 1, 1)]


def test_the_page_says_since_when_the_history_does_not_cover_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITFOLIO_TODAY", "2026-11-30")
    kit = MINIMAL_KIT.replace("stats_as_of: 2026-10-31", "stats_as_of: 2026-11-28").replace(
        "followers: 48200", "followers: 23400"
    ) + (
        "    history:\n"
        "      - {date: 2026-06-01, followers: 18000}\n"
        "      - {date: 2026-09-01, followers: 21000}\n"
    )
    page = read_html(build_site(write_site(tmp_path, {"ava": kit})) / "ava" / "index.html")
    figures = [li.get_text(" ", strip=True) for li in page.select(".kf-growth__figures li")]
    assert figures == ["+2.4K (+11.4%) since Sep 1, 2026", "+5.4K (+30%) since Jun 1, 2026"]
    assert "in 30 days" not in page.get_text() and "in 90 days" not in page.get_text()
