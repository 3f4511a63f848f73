"""What a brand would notice is a warning at its field, from `kitfolio check` and `mkdocs build`
alike, and an error in a strict build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, build_error, build_site, kitfolio, load_kits, write_site
from kitfolio.derive.placeholders import PLACEHOLDERS

STARTER = Path(__file__).parent.parent / "plugins/kitfolio/templates/starter.yml"

PLATFORMS = """\
    handle: ava
  - network: youtube
    followers: 1000
"""

# (kit text appended to or replacing part of MINIMAL_KIT, the warning expected)
NOTICED = [
    (
        MINIMAL_KIT.replace("2026-10-31", "2026-06-01"),
        "kits/ava.yml:6:14: stats_as_of: expected figures at most 90 days old, got 182 days "
        "(the page marks them stale); update the figures and the date",
    ),
    (
        MINIMAL_KIT.replace("2026-10-31", "2026-12-24"),
        "kits/ava.yml:6:14: stats_as_of: expected a date no later than today (2026-11-30), "
        "got 2026-12-24",
    ),
    (
        MINIMAL_KIT + "    history:\n      - {date: 2027-01-01, followers: 40000}\n",
        "kits/ava.yml:11:16: platforms[0].history[0].date: expected a date no later than today "
        "(2026-11-30), got 2027-01-01",
    ),
    (
        MINIMAL_KIT + "availability:\n  booked_until: 2026-11-01\n",
        "kits/ava.yml:11:17: availability.booked_until: expected a date from today (2026-11-30) "
        "on, got 2026-11-01: the page would say you are booked until a day already past; "
        "remove it or set a new date",
    ),
    (
        MINIMAL_KIT + "availability:\n  booked_until: 2028-01-01\n",
        "kits/ava.yml:11:17: availability.booked_until: expected a date within a year of today "
        "(2026-11-30), got 2028-01-01",
    ),
    (
        MINIMAL_KIT
        + "rates:\n  currency: GBP\n  items:\n"
        + "    - {deliverable: TikTok video, platform: tiktok, price: 300}\n",
        "kits/ava.yml:13:45: rates.items[0].platform: expected a platform the kit lists "
        "(instagram), got tiktok",
    ),
    (
        MINIMAL_KIT + "highlights:\n  - {title: Haul, platform: youtube}\n",
        "kits/ava.yml:11:29: highlights[0].platform: expected a platform the kit lists "
        "(instagram), got youtube",
    ),
    (
        MINIMAL_KIT + "highlights:\n  - {title: Haul, views: 90000}\n",
        "kits/ava.yml:11:26: highlights[0].views: expected a url with the views, so a brand can "
        "see the post, got none",
    ),
    (
        MINIMAL_KIT + "    avg_views: 4820001\n",
        "kits/ava.yml:10:16: platforms[0].avg_views: expected at most 100× the 48200 followers, "
        "got 4820001",
    ),
    (
        MINIMAL_KIT + "    handle: ava\n  - network: instagram\n    handle: '@Ava'\n"
        "    followers: 48200\n",
        "kits/ava.yml:12:13: platforms[1].handle: expected each account once, got instagram "
        "'@Ava' again (first at platforms[0])",
    ),
    (
        MINIMAL_KIT + "partnerships:\n  - {brand: Oatly, year: 2027}\n",
        "kits/ava.yml:11:26: partnerships[0].year: expected a year no later than 2026, got 2027",
    ),
    (
        MINIMAL_KIT.replace("Sustainable fashion", "Your niche"),
        "kits/ava.yml:3:12: niche.primary: expected your own text, got the starter kit's "
        "example 'Your niche'",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTICED, ids=lambda v: str(v)[:40])
def test_kitfolio_check_warns_of_what_a_brand_would_notice(
    tmp_path: Path, text: str, expected: str
) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_text(text, encoding="utf-8")
    checked = kitfolio("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.splitlines() == [f"{expected} [warning]"]
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 1


def test_the_minimal_kit_draws_no_warning(tmp_path: Path) -> None:
    assert load_kits(tmp_path, {"ava": MINIMAL_KIT}).problems == []


def test_a_build_warns_and_a_strict_build_fails_on_stale_figures(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stale = MINIMAL_KIT.replace("2026-10-31", "2026-06-01")
    root = write_site(
        tmp_path, {"ava": stale}, plugins=[{"kitfolio": {"stale_after_days": 200, "pdf": False}}]
    )
    build_site(root)
    assert "stats_as_of" not in caplog.text
    root = write_site(tmp_path, {"ava": stale})
    build_site(root)
    assert "kits/ava.yml:6:14: stats_as_of: expected figures at most 90 days old" in caplog.text
    caplog.clear()
    build_error(root, strict=True)
    assert "stats_as_of: expected figures at most 90 days old" in caplog.text


def test_the_clock_decides_what_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITFOLIO_TODAY", "2026-11-15")
    assert load_kits(tmp_path, {"ava": MINIMAL_KIT}).problems == []
    monkeypatch.setenv("KITFOLIO_TODAY", "2027-03-01")
    (problem,) = load_kits(tmp_path, {"ava": MINIMAL_KIT}).problems
    assert problem.field == "stats_as_of" and "got 121 days" in problem.message


PITCH = "kit: ava\nbrand: Acme Outdoor\nexpires: {expires}\n"


@pytest.mark.parametrize(
    ("expires", "expected"),
    [
        (
            "2026-11-29",
            "pitches/acme.yml:3:10: expires: expected a date from today (2026-11-30) on, got "
            "2026-11-29: the pitch is not built and its link shows the brand a missing page",
        ),
        (
            "2026-12-07",
            "pitches/acme.yml:3:10: expires: expected a date more than 7 days away, got "
            "2026-12-07: the link stops working then; extend it if the talks go on",
        ),
    ],
)
def test_a_pitch_that_expired_or_expires_this_week_is_a_warning(
    tmp_path: Path, expires: str, expected: str
) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    (tmp_path / "pitches").mkdir()
    (tmp_path / "pitches" / "acme.yml").write_text(PITCH.format(expires=expires))
    checked = kitfolio("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.splitlines() == [f"{expected} [warning]"]
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 1


def test_a_pitch_a_fortnight_away_draws_no_warning(tmp_path: Path) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    (tmp_path / "pitches").mkdir()
    (tmp_path / "pitches" / "acme.yml").write_text(PITCH.format(expires="2026-12-14"))
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 0


def test_every_example_value_of_the_starter_kit_is_a_placeholder(tmp_path: Path) -> None:
    """Every placeholder is in the starter, and every example value of the starter (its
    commented fields too) is caught: the table and the template cannot drift apart."""
    assert kitfolio("new", "jo-bloggs", cwd=tmp_path).returncode == 0
    path = tmp_path / "kits" / "jo-bloggs.yml"
    written = path.read_text(encoding="utf-8")
    for placeholder in PLACEHOLDERS:
        assert placeholder in written
    path.write_text(uncommented(written), encoding="utf-8")
    checked = kitfolio("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    flagged = {line.split(": ")[1] for line in checked.stderr.splitlines()}
    assert flagged == {
        "tagline",
        "location",
        "bio",
        "niche.primary",
        "niche.tags[0]",
        "niche.tags[1]",
        "contact.email",
        "contact.booking_url",
        "contact.manager.name",
        "contact.manager.email",
        "platforms[0].handle",
        "platforms[0].url",
    }
    assert all("starter kit's example" in line for line in checked.stderr.splitlines())
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 1


def uncommented(kit: str) -> str:
    """The starter with the commented fields of its top-level blocks written in, as a creator
    fills it (``# avatar:`` needs an image, so it stays a comment)."""
    return re.sub(r"^(\s*)# ((?:booking_url|manager): )", r"\1\2", kit, flags=re.MULTILINE)
