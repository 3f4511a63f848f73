"""A roster of thousands of creators stays usable: the plain HTML pages reach every creator,
the page shows one page of cards, and the filters count right.

2,000 creators (34 plain pages) take every path a larger roster takes: nothing in the page or
its script depends on the count beyond the first page. How 10,000 behave and how fast (first
screen's weight, first paint, each filter change against its 50 ms budget) is measured by
``scripts/bench-roster``, not asserted here: a busy machine must not fail a test, and building
10,000 kits took four minutes of the suite's fifteen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .roster_data import creator, write_roster

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COUNT = 2_000


@pytest.fixture(scope="module")
def big_roster(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]
) -> tuple[str, Path]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Social cards off, as the README advises for large rosters: drawing a card for each page
    # would be most of the build, and this test is about the roster page.
    root = write_roster(tmp_path_factory.mktemp("roster-large"), COUNT, social_cards=False)
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    site = Path(config.site_dir)
    return serve(site, "/roster/"), site


def test_thousands_of_creators(page: Any, big_roster: tuple[str, Path]) -> None:
    base, site = big_roster
    listed: list[str] = []
    path = site / "index.html"
    while True:
        html = path.read_text(encoding="utf-8")
        listed += re.findall(r'<li class="kf-card" data-kit="([^"]+)"', html)
        ahead = re.search(r'<link rel="next" href="([^"]+)"', html)
        if ahead is None:
            break
        path = (path.parent / ahead.group(1) / "index.html").resolve()
    expected = [
        c.slug
        for c in sorted(
            (creator(i) for i in range(COUNT)), key=lambda c: (c.name.casefold(), c.slug)
        )
    ]
    assert listed == expected, "without JavaScript the pages list every creator by name"
    first = (site / "index.html").read_bytes()
    assert len(first) < 200_000, "the first page holds one page of cards, not every creator"

    page.goto(base)
    page.wait_for_selector("[data-kf-roster][data-kf-ready=true]", state="attached", timeout=60_000)
    assert page.locator("[data-kf-cards] > [data-kit]").count() == 12, "one page of cards"

    youtube_no = sum(
        1
        for c in (creator(i) for i in range(COUNT))
        if "youtube" in [n for n, _ in c.platforms] and "NO" in c.countries
    )
    page.goto(base + "?platform=youtube&country=NO")
    page.wait_for_selector("[data-kf-roster][data-kf-ready=true]", state="attached", timeout=60_000)
    assert page.inner_text("[data-kf-count]") == f"{youtube_no:,} of {COUNT:,} creators match"
