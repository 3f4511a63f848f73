"""The PDF media kit's layout: one page of media kit and one of rates, for real kits and long ones.

A brand reads a media kit on one sheet. The four showcase kits (their PDFs as the showcase
build draws them) and a generated extreme kit (twelve platforms, ten partnerships, eight
highlights, a long bio, a long rate card, built in a site of its own): every PDF must hold its
media kit on page one and its rate card on page two, with the kit's name, every visible price,
and a "More at" link where a list was shortened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import WITH_PDFS, build_site, write_site
from kitfolio.outputs.pdf_fit import Fit, can_fit

SHOWCASE_KITS = ("ava-green", "haruto-sato", "lars-nilsen", "noor-haddad")
NETWORKS = (
    "instagram",
    "tiktok",
    "youtube",
    "twitch",
    "pinterest",
    "x",
    "threads",
    "bluesky",
    "linkedin",
    "facebook",
    "podcast",
    "newsletter",
)
RATE_ITEMS = 16


def long_kit() -> str:
    """A kit at the far end of what creators write: every list long, every text wordy."""
    lines = [
        "name: Valentina Oyelaran-Whitcombe",
        "pronouns: she/they",
        "tagline: Long-distance running, trail food and honest gear reviews from the Peak District",
        "location: Sheffield, United Kingdom",
        "languages: [en, fr, yo]",
        "bio: |",
    ]
    sentence = (
        "I run ultra-distance races across the moors and write about the food, kit and training "
        "that get a normal person with a day job to the finish line. "
    )
    for _ in range(6):
        lines += ["  " + sentence * 3, ""]
    lines += [
        "niche: {primary: Trail running, tags: [ultra, trail food, gear reviews, coaching]}",
        "contact:",
        "  email: team@valentina.example",
        "  booking_url: https://cal.example/valentina",
        "  manager: {name: Chris Adeyemi, email: chris@talent.example, agency: Long Run Talent}",
        "stats_as_of: 2026-11-20",
        "platforms:",
    ]
    for number, network in enumerate(NETWORKS):
        lines += [
            f"  - network: {network}",
            f"    handle: valentina{number}",
            f"    followers: {90000 - number * 6500}",
            f"    avg_views: {40000 - number * 2500}",
            f"    avg_likes: {3100 - number * 200}",
        ]
    lines += [
        "audience:",
        "  source: Instagram Insights and YouTube Studio, 30 days to 2026-11-20",
        '  age: {"18-24": 21, "25-34": 38, "35-44": 25, "45-54": 11, "55+": 5}',
        "  gender: {women: 55, men: 43, other: 2}",
        "  countries: {GB: 48, US: 14, FR: 9, IE: 6, NG: 5, CA: 4}",
        "  cities: {London: 12, Sheffield: 9, Manchester: 7, Leeds: 6, Paris: 4, Lagos: 3}",
        "values: [honest reviews, access to nature, local makers, leave no trace, inclusion]",
        "dealbreakers:",
        "  - Gambling and betting brands",
        "  - Diet pills and detox teas",
        "  - Gear I have not run at least 200 km in",
        "  - Fast fashion",
        "offers: [sponsored-content, ambassador, affiliate, gifting, events, speaking]",
        "rates:",
        "  currency: GBP",
        "  visibility: public",
        "  items:",
    ]
    for number in range(RATE_ITEMS):
        lines += [
            f"    - deliverable: Deliverable number {number + 1} with a descriptive name",
            f"      platform: {NETWORKS[number % 4]}",
            f"      price: {1000 + number * 37}",
            "      includes: One round of revisions, 30 days organic usage, raw files on request",
        ]
    lines += ["  packages:"]
    for number in range(4):
        lines += [
            f"    - name: Season package {number + 1}",
            "      includes: [3 Instagram Reels, 2 YouTube videos, 1 newsletter feature, 1 event]",
            f"      price: {5000 + number * 111}",
            "      note: Priced for a three-month season",
        ]
    lines += ["  addons:"]
    for number in range(6):
        lines += [f"    - {{name: Add-on number {number + 1}, price: {200 + number * 13}}}"]
    lines += [
        "  long_term: 15% off ambassadorships of three months or more, 25% off a full year.",
        "  gifting: Gear for testing is welcome; I return or donate what I would not recommend.",
        "  affiliate: Affiliate links only on top of a base fee, and only for gear I run in.",
        "terms:",
        "  payment: 50% upfront for new partners, the balance net 30 from the invoice date",
        "  revisions: One round of revisions on scripts and one on the edit",
        "  usage: 30 days organic reposting; paid usage is priced as an add-on per 30 days",
        "  lead_time: Three weeks from a signed brief; race weeks are booked two months ahead",
        "  kill_fee: 25% before production starts, 50% after the shoot",
        "  creative_control: I write my own scripts; you review one draft before it goes live",
        "  disclosure: Every paid or gifted post is labelled as an advert at the start",
        "partnerships:",
    ]
    for number in range(10):
        lines += [
            f"  - brand: Brand number {number + 1}",
            f"    year: {2026 - number // 3}",
            "    summary: A season of race-day content with a long description of what was made",
            f"    results: {{reach: {150000 + number * 1000}, engagement_rate: 5.{number},"
            f" link_clicks: {3000 + number}, conversions: {100 + number}}}",
            f"    testimonial: {{quote: Quote number {number + 1} says the work was great.,"
            f" author: Person {number + 1}}}",
        ]
    lines += ["highlights:"]
    for number in range(8):
        lines += [
            f"  - {{title: Highlight number {number + 1}, platform: youtube,"
            f" url: https://www.youtube.com/watch?v=h{number},"
            f" views: {500000 - number * 1000}}}"
        ]
    lines += ["availability: {note: Booking the 2027 race season from January}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("layout"), {"valentina": long_kit()}, **WITH_PDFS)
    return build_site(root)


def pages(site: Path, slug: str) -> list[str]:
    reader = PdfReader(site / slug / f"{slug}-media-kit.pdf")
    return [page.extract_text() for page in reader.pages]


@pytest.mark.parametrize("slug", [*SHOWCASE_KITS, "valentina"])
def test_one_page_of_media_kit_then_one_of_rates(
    built_site: Path, long_site: Path, slug: str
) -> None:
    texts = pages(long_site if slug == "valentina" else built_site, slug)
    assert len(texts) == 2, (slug, len(texts))
    assert "Rate card" not in texts[0] and "PLATFORMS" in texts[0]  # headings are set in capitals
    assert "Rate card" in texts[1]


def test_the_long_kit_keeps_its_name_and_every_price(long_site: Path) -> None:
    kit, card = pages(long_site, "valentina")
    assert "Valentina Oyelaran-Whitcombe" in kit
    prices = [f"£{1000 + n * 37:,}" for n in range(RATE_ITEMS)]
    prices += [f"£{5000 + n * 111:,}" for n in range(4)]
    prices += [f"£{200 + n * 13}" for n in range(6)]
    for price in prices:
        assert price in card, price


def test_the_long_kit_shortens_its_lists_with_a_link_to_the_rest(long_site: Path) -> None:
    kit = pages(long_site, "valentina")[0]
    shown = set(re.findall(r"Brand number (\d+)", kit))
    assert 1 <= len(shown) < 10, shown
    assert "1" in shown  # the newest first, as the kit lists them
    assert "More at" in kit and "example.org/valentina/" in kit
    highlights = set(re.findall(r"Highlight number (\d+)", kit))
    assert 1 <= len(highlights) < 8, highlights


def test_a_short_kit_shows_all_it_has(built_site: Path) -> None:
    kit = pages(built_site, "ava-green")[0]
    assert "More at" not in kit
    for words in ("Patagonia", "Thrift flip", "One capsule, 30 outfits", "Lee Chan"):
        assert words in kit, words


def test_smaller_type_alone_is_not_tried_where_it_cannot_fit() -> None:
    assert not can_fit(Fit(0.87), Fit(1.08), pages=4)  # 3 pages of content in 65 % of the room
    assert can_fit(Fit(0.87, highlights=3), Fit(1.08), pages=4)  # shorter lists: a layout knows
    two_columns = Fit(0.87, rate_columns=2)
    assert can_fit(Fit(0.8, rate_columns=2), two_columns, pages=2)  # a little over a page
    assert not can_fit(Fit(0.74, rate_columns=2), two_columns, pages=3)
