"""Tailored pitches: pitches/<name>.yml → /for/<name>/, unlisted, built from real sites."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_error, build_site

MKDOCS = """\
site_name: Pitch test
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, {kitfolio: {pdf: false}}]
"""

KIT = """\
name: {name}
tagline: Slow fashion on a budget
niche: {{primary: Fashion}}
contact: {{email: {slug}@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 48200}}
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Instagram Reel, platform: instagram, price: 4519}}
    - {{deliverable: TikTok video, platform: tiktok, price: 4027}}
  packages:
    - {{name: Launch bundle, includes: [1 Reel, 1 TikTok], price: 8563}}
    - {{name: Season bundle, price: 9871}}
partnerships:
  - {{brand: Patagonia, year: 2025, summary: Repair series}}
  - {{brand: Oatly, year: 2024}}
"""

PITCH = """\
kit: ava-green
brand: Acme Outdoor
note: |
  Hi Acme team, **three** ideas for spring. <script>alert(1)</script>
  [Click](javascript:alert(1))
packages: [Launch bundle]
items: [Instagram Reel]
partnerships: [Patagonia]
expires: 2099-12-31
"""


def write(root: Path, pitches: dict[str, str], visibility: str = "public") -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "pitches").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    for slug, name, vis in (
        ("ava-green", "Ava Green", visibility),
        ("bo-berg", "Bo Berg", "public"),
    ):
        (root / "kits" / f"{slug}.yml").write_text(
            KIT.format(name=name, slug=slug, visibility=vis), encoding="utf-8"
        )
    for name, text in pitches.items():
        (root / "pitches" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    expired = PITCH.replace("2099-12-31", "2001-01-31").replace("Acme Outdoor", "Old Brand")
    return build_site(write(tmp_path_factory.mktemp("pitches"), {"acme": PITCH, "old": expired}))


def test_a_pitch_is_a_page_for_the_brand_with_the_chosen_offer(site: Path) -> None:
    page = soup(site / "for" / "acme" / "index.html")
    body = page.select_one(".kf-page")
    assert body is not None
    text = body.get_text(" ", strip=True)
    assert "A proposal for Acme Outdoor" in text
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Ava Green"
    assert "valid until December 31, 2099" in text
    assert "Launch bundle" in text and "£8,563" in text
    assert "Instagram Reel" in text and "£4,519" in text
    assert "Season bundle" not in text and "TikTok video" not in text
    assert "Patagonia" in text and "Oatly" not in text
    assert page.title is not None and "Ava Green for Acme Outdoor" in page.title.get_text()


def test_the_note_is_markdown_and_sanitised(site: Path) -> None:
    note = soup(site / "for" / "acme" / "index.html").select_one(".kf-pitch__note")
    assert note is not None
    assert note.find("strong") is not None and note.find("strong").get_text() == "three"
    assert note.find("script") is None
    assert all(not a.get("href", "").startswith("javascript") for a in note.find_all("a"))
    assert "Click" in note.get_text()


def test_a_pitch_is_unlisted(site: Path) -> None:
    page = soup(site / "for" / "acme" / "index.html")
    robots = page.find("meta", attrs={"name": "robots"})
    assert robots is not None and "noindex" in robots["content"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/for/" not in sitemap and "ava-green/" in sitemap
    assert "/for/" not in gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("for/")]
    assert "ava-green/" in locations
    roster = soup(site / "index.html")
    assert not [a for a in roster.select("a[href]") if "for/" in a["href"]]
    assert "Acme" not in roster.get_text()
    feed = (site / "kits.json").read_text(encoding="utf-8")
    assert "Acme" not in feed and "for/" not in feed
    nav = [a["href"] for a in soup(site / "ava-green" / "index.html").select("nav a[href]")]
    assert not [h for h in nav if "for/" in h]


def test_an_expired_pitch_is_not_built(site: Path) -> None:
    assert not (site / "for" / "old").exists()
    assert (site / "for" / "acme" / "index.html").is_file()


def test_a_pitch_shows_prices_only_as_the_kits_visibility_allows(tmp_path: Path) -> None:
    site = build_site(write(tmp_path, {"acme": PITCH}, visibility="private"))
    page = soup(site / "for" / "acme" / "index.html")
    text = page.get_text(" ", strip=True)
    assert "Launch bundle" in text and "shared on request" in text
    html = (site / "for" / "acme" / "index.html").read_text(encoding="utf-8")
    for price in ("4519", "4,519", "8563", "8,563", "£"):
        assert price not in html, price


@pytest.mark.parametrize(
    ("pitch", "expected"),
    [
        (
            PITCH.replace("kit: ava-green", "kit: ava-gren"),
            "pitches/acme.yml:1:6: kit: unknown kit 'ava-gren' (did you mean 'ava-green'?)",
        ),
        (
            PITCH.replace("packages: [Launch bundle]", "packages: [Launch bundle, Lunch bundle]"),
            "pitches/acme.yml:6:27: packages[1]: unknown package 'Lunch bundle' of kit 'ava-green' "
            "(did you mean 'Launch bundle'?)",
        ),
        (
            PITCH.replace("partnerships: [Patagonia]", "partnerships: [Nike]"),
            "pitches/acme.yml:8:16: partnerships[0]: unknown partnership 'Nike' of kit "
            "'ava-green'; expected one of 'Patagonia', 'Oatly'",
        ),
        (
            PITCH.replace("items: [Instagram Reel]", "itmes: [Instagram Reel]"),
            "pitches/acme.yml:7:1: itmes: unknown field 'itmes' (did you mean 'items'?)",
        ),
        (
            PITCH.replace("expires: 2099-12-31", "expires: next week"),
            'pitches/acme.yml:9:10: expires: expected a date as YYYY-MM-DD, got "next week"',
        ),
        (
            PITCH.replace("brand: Acme Outdoor\n", ""),
            "pitches/acme.yml:1:1: brand: expected a value: this field is required",
        ),
    ],
)
def test_a_wrong_pitch_is_an_error_with_file_line_and_column(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, pitch: str, expected: str
) -> None:
    root = write(tmp_path, {"acme": pitch})
    error = build_error(root)
    assert "nothing was built" in str(error)
    assert expected in caplog.text
    assert not (root / "site").exists()


def test_every_wrong_pitch_is_reported_in_one_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write(
        tmp_path,
        {
            "one": PITCH.replace("kit: ava-green", "kit: nobody"),
            "two": PITCH.replace("packages: [Launch bundle]", "packages: [Nothing]"),
            "Bad Name": PITCH,
        },
    )
    build_error(root)
    assert "pitches/one.yml:1:6: kit:" in caplog.text
    assert "pitches/two.yml:6:12: packages[0]:" in caplog.text
    assert (
        "pitches/Bad Name.yml:1:1: (file name): expected a file name of lowercase letters, "
        "digits and hyphens ending in .yml, such as bad-name.yml; got 'Bad Name.yml'"
    ) in caplog.text


def test_pitches_dir_is_an_option(tmp_path: Path) -> None:
    root = write(tmp_path, {})
    (root / "proposals").mkdir()
    (root / "proposals" / "acme.yml").write_text(PITCH, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        MKDOCS.replace(
            "plugins: [search, {kitfolio: {pdf: false}}]",
            "plugins: [search, {kitfolio: {pdf: false, pitches_dir: proposals}}]",
        ),
        encoding="utf-8",
    )
    site = build_site(root)
    assert (site / "for" / "acme" / "index.html").is_file()


def test_kitfolio_check_checks_the_pitches_too(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = write(tmp_path, {"acme": PITCH.replace("[Launch bundle]", "[Lunch bundle]")})
    done = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "2 kits and 1 pitch checked: 1 error(s)" in done.stdout
    assert "pitches/acme.yml:6:12: packages[0]: unknown package 'Lunch bundle'" in done.stderr


def test_an_unknown_kit_lists_a_few_choices_not_the_whole_roster(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = write(tmp_path, {"acme": PITCH.replace("kit: ava-green", "kit: nobody")})
    for index in range(30):
        slug = f"kit-{index:02}"
        (root / "kits" / f"{slug}.yml").write_text(
            KIT.format(name=f"Kit {index}", slug=slug, visibility="public"), encoding="utf-8"
        )
    done = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert (
        "pitches/acme.yml:1:6: kit: unknown kit 'nobody'; expected one of 'ava-green', "
        "'bo-berg', 'kit-00', 'kit-01', 'kit-02', 'kit-03', 'kit-04', 'kit-05', 'kit-06', "
        "'kit-07' (and 22 more)"
    ) in done.stderr


def test_the_build_error_names_the_pitches_as_the_source(tmp_path: Path) -> None:
    root = write(tmp_path, {"acme": PITCH.replace("kit: ava-green", "kit: nobody")})
    error = build_error(root)
    assert str(error) == "kitfolio: 1 problem in pitches; nothing was built and site/ is unchanged"


def test_a_pitch_quotes_at_most_a_short_excerpt_of_what_it_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    long_name = "Launch bundle " + "x" * 10_000
    root = write(tmp_path, {"acme": PITCH.replace("[Launch bundle]", f"['{long_name}']")})
    build_error(root)
    lines = [
        line for line in caplog.text.splitlines() if "pitches/acme.yml:6:12: packages[0]" in line
    ]
    assert len(lines) == 1 and len(lines[0]) < 400, lines
    assert "unknown package 'Launch bundle xxxxx" in lines[0]
