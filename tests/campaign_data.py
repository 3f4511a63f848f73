"""Campaign files and sites shared by the campaign tests (test_campaigns, test_reports)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from conftest import read_html

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = """\
site_name: Campaign test
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, {kitfolio: {pdf: false}}]
"""

KIT = """\
name: {name}
niche: {{primary: Fashion}}
contact: {{email: {slug}@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 48200}}
theme: {{accent: "#2E7D32"}}
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Instagram Reel, platform: instagram, price: 4519}}
partnerships:
  - {{brand: Oatly}}
  - {{brand: Patagonia, year: 2025, summary: Repair series}}
  - brand: greenline
    year: 2026
    summary: Written by hand in the kit
    testimonial: {{quote: "Ava made our range sing.", author: "Jo Smith, Greenline"}}
  - {{brand: Lush, year: 2026}}
"""

WRAPPED = """\
kit: ava-green
brand: Greenline
brand_url: https://greenline.example/
brand_contact: {name: Jo Smith, email: jo@greenline.example}
status: wrapped
start: 2026-09-01
end: 2026-11-15
brief: |
  Three months of **repair-first** styling. <script>alert(1)</script>

  The rest of the brief, for the report only.
deliverables:
  - title: Reel "Repair, don't replace"
    platform: instagram
    due: 2026-09-14
    url: https://www.instagram.com/p/abc/
    live: 2026-09-15
    results: {reach: 61000, views: 88000, link_clicks: 1200}
  - title: TikTok "Mending basics"
    platform: tiktok
    due: 2026-10-05
    url: https://www.tiktok.com/@ava/video/1
    live: 2026-10-04
results:
  source: Greenline's shop analytics, to 2026-11-30
  reach: 184000
  engagement_rate: 6.1
  conversions: 140
  revenue: 8400
currency: GBP
invoices:
  - {number: AG-014, amount: 850, issued: 2026-09-01, due: 2026-10-01, paid: 2026-09-28}
  - {number: AG-019, amount: 1234.5, issued: 2026-11-15, due: 2026-12-15}
feedback: The repair reels beat the styling reels two to one on saves.
thanks: Thank you for trusting me with Worn Again.
next: I'd love to cover the spring launch.
case_study: true
"""

EARLIER = """\
kit: ava-green
brand: Greenline
status: wrapped
start: 2025-03-01
end: 2025-04-30
deliverables: [{title: Reel, url: "https://www.instagram.com/p/k/"}]
results: {source: Greenline, reach: 58000}
thanks: Thank you.
"""

SECRET = """\
kit: ava-green
brand: Greenline
status: active
start: 2024-01-10
deliverables: [{title: Secret Reel, due: 2027-01-01}]
protect: true
"""

ACTIVE = """\
kit: bo-berg
brand: Acme Outdoor
status: active
start: 2026-11-01
deliverables:
  - {title: Spring Reel, platform: instagram, due: 2026-12-20}
currency: EUR
invoices:
  - {number: BB-7, amount: 3777, issued: 2026-11-01, due: 2026-12-31}
feedback: Going well so far.
thanks: Never shown before the wrap-up.
"""

CAMPAIGNS = {
    "greenline-autumn": WRAPPED,
    "greenline-launch": EARLIER,
    "greenline-secret": SECRET,
    "acme-now": ACTIVE,
}


def write(
    root: Path, campaigns: dict[str, str], visibility: str = "public", mkdocs: str = MKDOCS
) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "campaigns").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for slug, name, vis in (
        ("ava-green", "Ava Green", visibility),
        ("bo-berg", "Bo Berg", "on-request"),
    ):
        text = KIT.format(name=name, slug=slug, visibility=vis)
        (root / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    for name, text in campaigns.items():
        (root / "campaigns" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


def report(site: Path, name: str) -> BeautifulSoup:
    return read_html(site / "reports" / name / "index.html")


def section(page: BeautifulSoup, heading_id: str) -> Tag:
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    parent = heading.find_parent("section")
    assert isinstance(parent, Tag)
    return parent


def text(tag: Tag | BeautifulSoup) -> str:
    return " ".join(tag.get_text(" ").split())


def case_studies(site: Path) -> list[Tag]:
    return list(section(read_html(site / "ava-green" / "index.html"), "kf-partnerships")("article"))
