"""BuildFacts figures (engagement, tier, reach, freshness) and the consistency warnings."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, build_error, build_site, load_kits, read_html, write_site
from kitfolio.derive import figures
from kitfolio.errors import errors, warnings
from kitfolio.model.kit import Kit
from kitfolio.present.wording import Wording
from kitfolio.public.site import view_kit
from kitfolio.public.views import Settings

STATS_DATE = date(2026, 10, 31)


def kit_with(tmp_path: Path, extra: str = "", **replace: str) -> Kit:
    text = MINIMAL_KIT + extra
    for old, new in replace.items():
        text = text.replace(old, new)
    roster = load_kits(tmp_path, {"ava": text})
    assert errors(roster.problems) == []
    return roster.kits[0].kit


def platform_kit(tmp_path: Path, *fields: str) -> Kit:
    """The minimal kit with ``fields`` (``avg_likes: 900``) added to its one platform."""
    return kit_with(tmp_path, "".join(f"    {f}\n" for f in fields))


# -- engagement ----------------------------------------------------------------------------------


def test_engagement_is_computed_from_all_four_averages(tmp_path: Path) -> None:
    kit = platform_kit(
        tmp_path, "avg_likes: 1900", "avg_comments: 140", "avg_shares: 60", "avg_saves: 210"
    )
    found = figures.engagement(kit.platforms[0])
    assert found is not None
    assert found.rate == pytest.approx((1900 + 140 + 60 + 210) / 48200 * 100)
    assert found.stated is False
    assert found.formula == "(avg_likes + avg_comments + avg_shares + avg_saves) ÷ followers × 100"
    assert found.basis == ("avg_likes", "avg_comments", "avg_shares", "avg_saves")
    assert (
        Wording().engagement_basis(found.basis)
        == "average likes, comments, shares and saves per follower"
    )


def test_engagement_is_computed_over_the_fields_given(tmp_path: Path) -> None:
    kit = platform_kit(tmp_path, "avg_likes: 900", "avg_saves: 100", "avg_views: 20000")
    found = figures.engagement(kit.platforms[0])
    assert found is not None
    assert found.rate == pytest.approx(1000 / 48200 * 100)
    assert found.formula == "(avg_likes + avg_saves) ÷ followers × 100"
    assert Wording().engagement_basis(found.basis) == "average likes and saves per follower"


def test_no_averages_no_engagement(tmp_path: Path) -> None:
    assert figures.engagement(platform_kit(tmp_path, "avg_views: 20000").platforms[0]) is None


def test_zero_followers_give_no_computed_rate(tmp_path: Path) -> None:
    kit = kit_with(tmp_path, "    avg_likes: 0\n", **{"followers: 48200": "followers: 0"})
    assert figures.engagement(kit.platforms[0]) is None


def test_a_stated_rate_wins_and_is_labelled_stated(tmp_path: Path) -> None:
    kit = platform_kit(tmp_path, "avg_likes: 1900", "avg_comments: 140", "engagement_rate: 4.8")
    found = figures.engagement(kit.platforms[0])
    assert found is not None
    assert (found.rate, found.stated) == (4.8, True)
    assert found.computed == pytest.approx(2040 / 48200 * 100)


def test_a_stated_rate_without_averages_is_still_stated(tmp_path: Path) -> None:
    found = figures.engagement(platform_kit(tmp_path, "engagement_rate: 4.8").platforms[0])
    assert found is not None
    assert (found.rate, found.stated, found.computed) == (4.8, True, None)


def test_the_view_says_whether_a_rate_is_stated_or_computed(tmp_path: Path) -> None:
    text = MINIMAL_KIT + (
        "    avg_likes: 1900\n"
        "    engagement_rate: 4.8\n"
        "  - network: tiktok\n"
        "    followers: 1000\n"
        "    avg_likes: 50\n"
    )
    loaded = load_kits(tmp_path, {"ava": text}).kits[0]
    view = view_kit(loaded, Settings(today=STATS_DATE))
    assert [p.engagement.stated if p.engagement else None for p in view.platforms] == [
        True,
        False,
    ]


AVA = MINIMAL_KIT + (
    "    engagement_rate: 4.8\n  - network: tiktok\n    followers: 12000\n    avg_likes: 1200\n"
)


def test_the_headline_rate_is_weighted_by_followers(tmp_path: Path) -> None:
    headline = figures.headline_engagement(load_kits(tmp_path, {"ava": AVA}).kits[0].kit)
    assert headline is not None
    assert headline.rate == pytest.approx((4.8 * 48200 + 10 * 12000) / 60200)
    assert [p.network.value for p in headline.platforms] == ["instagram", "tiktok"]


def test_platforms_without_a_rate_do_not_dilute_it(tmp_path: Path) -> None:
    kit = kit_with(
        tmp_path, "    engagement_rate: 4.8\n  - network: youtube\n    followers: 90000\n"
    )
    headline = figures.headline_engagement(kit)
    assert headline is not None and headline.rate == 4.8


def test_the_summary_tile_leads_with_the_weighted_rate_and_says_so(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, {"ava": AVA}))
    page = read_html(site / "ava" / "index.html")
    tile = next(dt for dt in page.select(".kf-stats dt") if "ngagement" in dt.get_text())
    value = tile.find_next_sibling("dd")
    assert tile.get_text(strip=True) == "Engagement"
    assert value is not None and value.get_text(" ", strip=True) == "5.8% weighted by followers"


def test_a_platform_card_says_in_words_how_its_rate_was_found(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, {"ava": AVA}))
    page = read_html(site / "ava" / "index.html")
    instagram, tiktok = page.select(".kf-engagement dd")
    assert instagram.get_text(" ", strip=True) == "4.8% stated by the creator"
    assert tiktok.find("details") is not None
    note = tiktok.select_one(".kf-note")
    assert note is not None and note.get_text() == "computed from average likes per follower"
    formula = tiktok.select_one("details.kf-formula")
    assert formula is not None and formula.summary is not None
    assert formula.get_text(" ", strip=True) == "Formula (avg_likes) ÷ followers × 100"
    assert "computed:" not in page.get_text()


# -- tier and reach ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("followers", "tier"),
    [
        (0, "nano"),
        (9_999, "nano"),
        (10_000, "micro"),
        (99_999, "micro"),
        (100_000, "mid"),
        (499_999, "mid"),
        (500_000, "macro"),
        (999_999, "macro"),
        (1_000_000, "mega"),
        (250_000_000, "mega"),
    ],
)
def test_tier_boundaries(tmp_path: Path, followers: int, tier: str) -> None:
    assert figures.tier(followers) == tier
    kit = kit_with(tmp_path, **{"followers: 48200": f"followers: {followers}"})
    assert figures.kit_tier(kit) == tier


def test_tier_and_reach_come_from_every_platform(tmp_path: Path) -> None:
    text = "  - {network: tiktok, followers: 120000}\n  - {network: newsletter, followers: 5200}\n"
    kit = kit_with(tmp_path, text)
    assert figures.largest(kit).network.value == "tiktok"
    assert figures.kit_tier(kit) == "mid"
    assert figures.total_reach(kit) == 48200 + 120000 + 5200


# -- freshness -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "stale"), [(0, False), (90, False), (91, True), (400, True)])
def test_stats_are_stale_after_stale_after_days(tmp_path: Path, days: int, stale: bool) -> None:
    kit = kit_with(tmp_path)
    today = STATS_DATE + timedelta(days=days)
    assert figures.age_in_days(kit, today) == days
    assert figures.is_stale(kit, today, 90) is stale


def test_stale_after_days_defaults_to_90_and_can_be_set(tmp_path: Path) -> None:
    loaded = load_kits(tmp_path, {"ava": MINIMAL_KIT}).kits[0]
    day_91 = STATS_DATE + timedelta(days=91)
    assert Settings().stale_after_days == 90
    assert view_kit(loaded, Settings(today=day_91)).stale is True
    assert view_kit(loaded, Settings(today=day_91, stale_after_days=120)).stale is False
    assert view_kit(loaded, Settings(today=STATS_DATE + timedelta(days=90))).stale is False


# -- consistency warnings ------------------------------------------------------------------------


def warning_lines(tmp_path: Path, extra: str) -> list[str]:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + extra})
    assert errors(roster.problems) == [], "consistency problems are warnings, not errors"
    assert len(roster.kits) == 1
    return [str(p) for p in warnings(roster.problems)]


@pytest.mark.parametrize(
    "shares",
    [
        "{'18-24': 50, '25-34': 50}",
        "{'18-24': 50, '25-34': 49}",
        "{'18-24': 50, '25-34': 51}",
        "{'18-24': 33.3, '25-34': 33.3, '35-44': 33.4}",
        "{'18-24': 30.1, '25-34': 34.2, '35-44': 36.7}",  # 101.00000000000001 in floats
    ],
)
def test_shares_summing_to_100_within_1_are_fine(tmp_path: Path, shares: str) -> None:
    assert warning_lines(tmp_path, f"audience:\n  age: {shares}\n  gender: {shares}\n") == []


@pytest.mark.parametrize(
    ("shares", "total"), [("{a: 50, b: 48.9}", "98.9"), ("{a: 60, b: 42}", "102")]
)
def test_age_and_gender_shares_off_100_are_warnings(
    tmp_path: Path, shares: str, total: str
) -> None:
    assert warning_lines(tmp_path, f"audience:\n  age: {shares}\n  gender: {shares}\n") == [
        f"kits/ava.yml:11:8: audience.age: shares sum to {total}%, expected 100 ± 1",
        f"kits/ava.yml:12:11: audience.gender: shares sum to {total}%, expected 100 ± 1",
    ]


def test_countries_and_cities_may_sum_below_100(tmp_path: Path) -> None:
    assert warning_lines(tmp_path, "audience: {countries: {GB: 40}, cities: {Leeds: 5}}\n") == []


def test_averages_above_followers_are_warnings(tmp_path: Path) -> None:
    found = warning_lines(tmp_path, "    avg_likes: 50000\n    avg_comments: 48201\n")
    assert found[:2] == [
        "kits/ava.yml:10:16: platforms[0].avg_likes: expected at most the platform's "
        "48200 followers, got 50000",
        "kits/ava.yml:11:19: platforms[0].avg_comments: expected at most the platform's "
        "48200 followers, got 48201",
    ]


def test_averages_equal_to_followers_are_fine(tmp_path: Path) -> None:
    assert warning_lines(tmp_path, "    avg_likes: 48200\n    engagement_rate: 100\n") == []


@pytest.mark.parametrize(
    ("stated", "warned"),
    [
        ("1.0", False),
        ("1.25", False),
        ("0.75", False),
        ("1.26", True),
        ("0.74", True),
        ("48", True),
    ],
)
def test_a_stated_rate_more_than_25_percent_from_the_computed_one_is_a_warning(
    tmp_path: Path, stated: str, warned: bool
) -> None:
    # avg_likes 482 on 48200 followers computes to exactly 1 %.
    found = warning_lines(tmp_path, f"    avg_likes: 482\n    engagement_rate: {stated}\n")
    assert bool(found) is warned
    if warned:
        assert found == [
            "kits/ava.yml:11:22: platforms[0].engagement_rate: expected a rate within 25% of "
            f"the computed 1.00% (avg_likes) ÷ followers × 100, got a stated {stated}%"
        ]


INCONSISTENT = MINIMAL_KIT + "audience:\n  gender: {women: 70, men: 20}\n"


def test_warnings_do_not_stop_a_build_but_are_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path, {"ava": INCONSISTENT})
    with caplog.at_level(logging.WARNING):
        site = build_site(root)
    assert (site / "ava" / "index.html").is_file()
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    expected = "kits/ava.yml:11:11: audience.gender: shares sum to 90%, expected 100 ± 1"
    assert any(m.endswith(expected) for m in logged), logged


def test_a_strict_build_fails_on_warnings(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ava": INCONSISTENT})
    error = build_error(root, strict=True)
    assert str(error).startswith("kitfolio: 1 problem in kits")
    assert not (root / "site").exists()
