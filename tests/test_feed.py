"""The data feed: kits.json, <slug>/kit.json and the published schema, from real builds.

Each kit's prices are distinctive numbers, so the scan for them in every feed file can only
find them where the rate visibility lets them out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import build_site, read_html
from kitfolio.outputs.feed_contract import feed_schema_text

ROOT = Path(__file__).resolve().parents[1]

MKDOCS = """\
site_name: Feed test
site_url: https://example.org/agency/
theme: {name: material, font: false}
plugins:
  - search
  - kitfolio:
      agency:
        name: Northstar Talent
        text: We represent **independent** creators.
        email: hello@example.org
        url: https://example.org/
      pdf: false
"""

KIT = """\
name: {name}
tagline: {name} makes things
bio: "I make **bold** things. <script>alert(1)</script>"
location: Leeds, United Kingdom
languages: [en, nb]
niche: {{primary: Crafts, tags: [ceramics, glaze]}}
contact: {{email: {slug}@example.org, manager: {{name: Sam Patel, email: sam@example.org}}}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 24000, avg_likes: 900, avg_comments: 60}}
  - {{network: youtube, name: The Channel, followers: 5100, engagement_rate: 6.5}}
audience:
  countries: {{GB: 62, "NO": 9}}
  age: {{"18-24": 30, "25-34": 70}}
values: [cruelty-free]
dealbreakers: [Fast fashion brands]
offers: [sponsored-content, gifting]
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Reel, platform: instagram, price: {price}}}
    - {{deliverable: Video, platform: youtube, price: {{min: {low}, max: {high}}}}}
  packages:
    - {{name: Launch bundle, includes: [1 Reel, 1 Video], price: {package}}}
  addons:
    - {{name: Raw footage, price: {addon}}}
terms: {{payment: "50% **upfront**", revisions: One round}}
partnerships:
  - {{brand: Patagonia, year: 2025, summary: "Repair *series*", results: {{reach: 184000}}}}
availability: {{booked_until: 2099-12-31, note: Booking from **2100**}}
"""

PRICES = {
    "public": dict(price=7319, low=8423, high=9531, package=6271, addon=5113),
    "from": dict(price=7411, low=8513, high=9623, package=6367, addon=5209),
    "on-request": dict(price=7523, low=8627, high=9739, package=6481, addon=5317),
    "private": dict(price=7631, low=8731, high=9841, package=6589, addon=5419),
}
NAMES = {
    "public": "Pia Public",
    "from": "Fred From",
    "on-request": "Oona Request",
    "private": "Pat Private",
}


def slug(visibility: str) -> str:
    return NAMES[visibility].lower().replace(" ", "-")


def amount(value: int) -> re.Pattern[str]:
    digits = str(value)
    return re.compile(rf"(?<!\d){digits[:-3]}[,.'\s\u00a0\u202f]?{digits[-3:]}(?!\d)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feed")
    (root / "docs").mkdir()
    (root / "kits").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    for visibility, prices in PRICES.items():
        text = KIT.format(
            name=NAMES[visibility], slug=slug(visibility), visibility=visibility, **prices
        )
        (root / "kits" / f"{slug(visibility)}.yml").write_text(text, encoding="utf-8")
    return build_site(root)


def read(site: Path, path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / path).read_text(encoding="utf-8"))
    return data


def test_the_schema_is_published_and_matches_the_committed_one(site: Path) -> None:
    published = (site / "schema" / "feed.schema.json").read_text(encoding="utf-8")
    committed = (ROOT / "schema" / "feed.schema.json").read_text(encoding="utf-8")
    assert published == feed_schema_text()
    assert committed == feed_schema_text(), (
        "run: kitfolio schema --feed --output schema/feed.schema.json"
    )
    jsonschema.Draft7Validator.check_schema(json.loads(published))


def test_every_feed_document_validates_against_the_schema(site: Path) -> None:
    validator = jsonschema.Draft7Validator(json.loads(feed_schema_text()))
    roster = read(site, "kits.json")
    assert not list(validator.iter_errors(roster))
    for card in roster["kits"]:
        kit = read(site, f"{card['slug']}/kit.json")
        assert not [e.message for e in validator.iter_errors(kit)], card["slug"]
    # The schema is not a rubber stamp: a card without a name, or with a field of its own, fails.
    broken = json.loads(json.dumps(roster))
    del broken["kits"][0]["name"]
    broken["kits"][1]["secret"] = 1
    (error,) = validator.iter_errors(broken)
    reasons = sorted(e.message for e in error.context if e.validator != "const")
    assert any("'name' is a required property" in r for r in reasons), reasons
    assert any("'secret' was unexpected" in r for r in reasons), reasons


def test_the_roster_lists_every_kit_by_name_with_links_to_each_kits_own_feed(site: Path) -> None:
    roster = read(site, "kits.json")
    assert roster["feed"] == "kitfolio-roster" and roster["version"] == 2
    assert roster["$schema"] == "https://example.org/agency/schema/feed.schema.json"
    assert roster["site"] == {
        "name": "Feed test",
        "url": "https://example.org/agency/",
        "locale": "en",
        "language": "en",
    }
    assert roster["agency"]["name"] == "Northstar Talent"
    assert roster["agency"]["text"] == "We represent independent creators."
    names = [card["name"] for card in roster["kits"]]
    assert names == sorted(names)
    for card in roster["kits"]:
        assert card["url"] == f"https://example.org/agency/{card['slug']}/"
        assert card["path"] == f"{card['slug']}/"
        assert card["kit_json"] == f"https://example.org/agency/{card['slug']}/kit.json"
        assert (site / card["slug"] / "kit.json").is_file()


def test_a_card_carries_what_brands_filter_and_rank_by(site: Path) -> None:
    card = next(c for c in read(site, "kits.json")["kits"] if c["slug"] == "pia-public")
    assert [p["network"] for p in card["platforms"]] == ["instagram", "youtube"]
    assert card["platforms"][0]["followers"] == 24000
    assert card["platforms"][0]["engagement_rate"] == 4.0  # (900 + 60) / 24000
    assert card["platforms"][0]["engagement_stated"] is False
    assert card["platforms"][1]["name"] == "The Channel"
    assert card["total_followers"] == 29100 and card["tier"] == "micro"
    assert card["best_engagement"] == 6.5
    assert card["engagement"] == 4.44  # (960 + 6.5% of 5,100) / 29,100 followers
    assert card["audience"]["countries"] == {"GB": 62, "NO": 9}
    assert card["audience"]["age"] == {"18-24": 30, "25-34": 70}
    assert card["languages"] == ["en", "nb"]
    assert card["values"] == ["cruelty-free"] and card["dealbreakers"] == ["Fast fashion brands"]
    assert card["offers"] == ["sponsored-content", "gifting"]
    assert card["availability"] == {"booked_until": "2099-12-31", "note": "Booking from 2100"}
    assert card["contact"]["manager"] == {"name": "Sam Patel", "email": "sam@example.org"}
    assert card["stats_as_of"] == "2026-10-01"
    assert "terms" not in card and "partnerships" not in card  # the kit's own feed has those


def test_public_prices_are_whole_and_from_shows_only_the_lowest(site: Path) -> None:
    public = read(site, "pia-public/kit.json")["kit"]["rates"]
    assert public["currency"] == "GBP" and public["lowest"] == 6271
    reel, video = public["items"]
    assert (reel["min"], reel["max"], reel["text"], reel["platform"]) == (
        7319,
        7319,
        "£7,319",
        "instagram",
    )
    assert (video["min"], video["max"], video["text"]) == (8423, 9531, "£8,423–£9,531")
    assert public["packages"][0]["includes"] == ["1 Reel", "1 Video"]
    assert public["addons"] == [{"name": "Raw footage", "min": 5113, "max": 5113, "text": "£5,113"}]

    rates = read(site, "fred-from/kit.json")["kit"]["rates"]
    video = rates["items"][1]
    assert (video["min"], video.get("max"), video["text"]) == (8513, None, "from £8,513")
    assert rates["lowest_text"] == "from £6,367"
    text = (site / "fred-from" / "kit.json").read_text() + (site / "kits.json").read_text()
    for hidden in (9623,):
        assert not amount(hidden).search(text)


@pytest.mark.parametrize("visibility", ["on-request", "private"])
def test_hidden_prices_never_reach_the_feed(site: Path, visibility: str) -> None:
    prices = PRICES[visibility]
    files = [site / "kits.json", site / slug(visibility) / "kit.json"]
    for file in files:
        text = file.read_text(encoding="utf-8")
        for value in prices.values():
            assert not amount(value).search(text), (file.name, value)
    rates = read(site, f"{slug(visibility)}/kit.json")["kit"]["rates"]
    assert rates["visibility"] == visibility
    assert "currency" not in rates and "lowest" not in rates
    assert [item["name"] for item in rates["items"]] == ["Reel", "Video"]
    assert all(set(item) <= {"name", "platform"} for item in rates["items"])
    assert rates["addons"] == [{"name": "Raw footage"}]


def test_the_scan_would_find_a_leak(site: Path) -> None:
    text = (site / "pia-public" / "kit.json").read_text(encoding="utf-8")
    for value in PRICES["public"].values():
        assert amount(value).search(text), value


def test_a_kits_own_feed_has_its_detail_as_plain_text(site: Path) -> None:
    feed = read(site, "pia-public/kit.json")
    assert feed["feed"] == "kitfolio-kit"
    kit = feed["kit"]
    assert kit["bio"] == "I make bold things."
    assert kit["terms"] == {"payment": "50% upfront", "revisions": "One round"}
    assert kit["display"]["terms"] == {"payment": "Payment", "revisions": "Revisions"}
    assert kit["partnerships"][0]["summary"] == "Repair series"
    assert kit["partnerships"][0]["results"] == {"reach": 184000}
    assert kit["work_url"] == "https://example.org/agency/pia-public/work-with-me/"


def test_a_kits_own_feed_carries_its_figures_as_its_page_shows_them(site: Path) -> None:
    kit = read(site, "pia-public/kit.json")["kit"]
    page = read_html(site / "pia-public" / "index.html")
    stats = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in page.select(".kf-stats dt")
    }
    shown = kit["display"]
    assert shown["tier"] == stats["Tier"] == "Micro (10K–100K)"
    assert shown["best_engagement"] == "6.5%"
    assert shown["engagement"] == "4.4%"
    assert stats["Engagement"] == "4.4%weighted by followers"
    assert shown["total_followers"] == "29,100"
    assert shown["platforms"] == [
        {"label": "Instagram", "followers": "24K"},
        {"label": "YouTube", "followers": "5.1K"},
    ]
    assert [p["followers"] for p in shown["platforms"]] == [
        d.get_text(strip=True) for d in page.select(".kf-platform__followers data")
    ]
    assert shown["audience"]["countries"] == {"GB": "62%", "NO": "9%"}
    assert shown["audience"]["age"] == {"18-24": "30%", "25-34": "70%"}
    # kits.json stays as it was: display texts are for the few kits a page shows in full.
    assert all("display" not in card for card in read(site, "kits.json")["kits"])
