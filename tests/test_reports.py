"""Campaign report pages and case studies, from real builds read with an HTML parser.

The suite's clock is fixed at conftest.TODAY (2026-11-30).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from campaign_data import (
    CAMPAIGNS,
    EARLIER,
    MKDOCS,
    WRAPPED,
    case_studies,
    report,
    section,
    text,
    write,
)
from conftest import build_site, read_html


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KITFOLIO_PASSWORD", "a long enough test password")
        return build_site(write(tmp_path_factory.mktemp("campaigns"), CAMPAIGNS))


# --- The report page ------------------------------------------------------------------------


def test_a_report_shows_the_brief_deliverables_results_invoices_and_feedback(site: Path) -> None:
    page = report(site, "greenline-autumn")
    assert "Greenline" in text(page.h1) and "Ava Green" in text(page.h1)
    assert page.find("strong", string="repair-first") is not None
    assert page.find("script", string=lambda s: bool(s and "alert" in s)) is None
    assert "The rest of the brief, for the report only." in text(section(page, "kf-brief-agreed"))
    delivered = section(page, "kf-deliverables")
    links = [a["href"] for a in delivered.select("h3 a")]
    assert links == ["https://www.instagram.com/p/abc/", "https://www.tiktok.com/@ava/video/1"]
    assert [t["datetime"] for t in delivered.select("time")][:2] == ["2026-09-14", "2026-09-15"]
    first = delivered.select("li")[0]
    assert {
        dt.get_text(): dd.get_text() for dt, dd in zip(first("dt"), first("dd"), strict=True)
    } == {
        "Reach": "61,000",
        "Views": "88,000",
        "Link clicks": "1,200",
    }
    invoices = section(page, "kf-invoices")
    rows = [[text(c) for c in row(["th", "td"])] for row in invoices.select("tbody tr")]
    assert rows == [
        ["AG-014", "September 1, 2026", "£850", "Paid September 28, 2026"],
        ["AG-019", "November 15, 2026", "£1,234.50", "Due December 15, 2026"],
    ]
    assert "two to one on saves" in text(section(page, "kf-feedback"))


def test_a_wrapped_report_has_the_wrap_up_with_final_results_and_invoices(site: Path) -> None:
    wrap = section(report(site, "greenline-autumn"), "kf-wrap")
    said = text(wrap)
    assert "Thank you for trusting me with Worn Again." in said
    figures = {dt.get_text(): dd.get_text() for dt, dd in zip(wrap("dt"), wrap("dd"), strict=True)}
    assert figures == {
        "Reach": "184,000",
        "Engagement rate": "6.1%",
        "Conversions": "140",
        "Revenue": "£8,400",
    }
    assert "Figures shared by Greenline: Greenline's shop analytics, to 2026-11-30" in said
    assert "1 invoice is outstanding: £1,234.50." in said
    assert "Settled so far: £850." in said
    assert "I'd love to cover the spring launch." in said


def test_an_active_report_has_no_wrap_up(site: Path) -> None:
    page = report(site, "acme-now")
    assert page.find(id="kf-wrap") is None
    assert "Never shown before the wrap-up" not in text(page)
    assert "Not live yet" in text(section(page, "kf-deliverables"))


def test_a_report_is_unlisted(site: Path) -> None:
    page = report(site, "greenline-autumn")
    robots = page.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    assert "reports/" not in sitemap and "reports/" not in (site / "sitemap.xml").read_text()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("reports/")]
    assert "Worn Again" not in json.dumps(index)
    feed = (site / "kits.json").read_text(encoding="utf-8")
    assert "reports/" not in feed and "Worn Again" not in feed
    home = read_html(site / "index.html")
    assert not [a for a in home.select("a[href]") if "reports/" in a["href"]]


def test_a_report_takes_the_kits_accent(site: Path) -> None:
    page = report(site, "greenline-autumn")
    kit_page = read_html(site / "ava-green" / "index.html")
    accent = [s.get_text() for s in page("style") if "--kf-accent" in s.get_text()]
    assert accent and accent == [
        s.get_text() for s in kit_page("style") if "--kf-accent" in s.get_text()
    ]


def test_invoice_amounts_follow_the_kits_rate_visibility(site: Path) -> None:
    page = report(site, "acme-now")
    html = (site / "reports" / "acme-now" / "index.html").read_text(encoding="utf-8")
    assert "3,777" not in html and "3777" not in html
    rows = [[text(c) for c in row(["th", "td"])] for row in page.select("#kf-invoices ~ table tr")]
    assert rows[1] == ["BB-7", "November 1, 2026", "Due December 31, 2026"]


def test_amounts_are_formatted_in_the_sites_locale(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace(
        "plugins: [search, {kitfolio: {pdf: false}}]",
        "plugins: [{kitfolio: {pdf: false, locale: de}}]",
    )
    site = build_site(write(tmp_path, {"greenline-autumn": WRAPPED}, mkdocs=mkdocs))
    cells = [text(td) for td in report(site, "greenline-autumn").select("td.kf-num")]
    assert cells == ["850 £", "1.234,50 £", "2.084,50 £"]


def test_a_report_is_published_in_each_language_of_the_site(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace(
        "plugins: [search, {kitfolio: {pdf: false}}]",
        "plugins: [{kitfolio: {pdf: false, languages: [en, es]}}]",
    )
    site = build_site(write(tmp_path, {"greenline-autumn": WRAPPED}, mkdocs=mkdocs))
    english = report(site, "greenline-autumn")
    spanish = read_html(site / "es" / "reports" / "greenline-autumn" / "index.html")
    assert english.html is not None and english.html["lang"] == "en"
    assert spanish.html is not None and spanish.html["lang"] == "es"
    assert text(section(spanish, "kf-deliverables").h2) == "Entregables"  # type: ignore[arg-type]
    assert text(spanish.select("td.kf-num")[0]) == "850 GBP"  # as Babel writes es
    switch = {a.get_text(strip=True): a["href"] for a in spanish.select(".kf-languages a")}
    assert switch == {"English": "../../../reports/greenline-autumn/"}
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "reports/" not in sitemap


# --- Case studies and long-term partners on the media kit ----------------------------------


def test_a_wrapped_case_study_is_on_the_kit_with_the_brands_figures(site: Path) -> None:
    greenline = case_studies(site)[0]
    said = text(greenline)
    assert greenline.h3 is not None and text(greenline.h3) == "Greenline 2026"
    assert "Figures shared by Greenline: Greenline's shop analytics, to 2026-11-30" in said
    summary = greenline.find("p", attrs={"dir": "auto"})
    assert summary is not None and text(summary) == "Three months of repair-first styling."
    assert {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(greenline("dt"), greenline("dd"), strict=True)
    } == {
        "Reach": "184K",
        "Engagement rate": "6.1%",
        "Conversions": "140",
    }


def test_a_brand_with_several_campaigns_is_a_long_term_partner(site: Path) -> None:
    partner = case_studies(site)[0].select_one(".kf-partner")
    assert partner is not None
    # the protected campaign of 2024 is not counted: no public page tells of it
    assert text(partner) == "Long-term partner · 2 campaigns since March 2025"


def test_partnerships_and_case_studies_are_sorted_together_without_duplicates(
    site: Path,
) -> None:
    headings = [text(a.h3) for a in case_studies(site)]  # type: ignore[arg-type]
    assert headings == ["Greenline 2026", "Lush 2026", "Patagonia 2025", "Oatly"]
    greenline = case_studies(site)[0]
    assert "Written by hand in the kit" not in text(greenline)
    assert "Ava made our range sing." in text(greenline)


def test_only_a_wrapped_case_study_is_shown(tmp_path: Path) -> None:
    active = WRAPPED.replace("status: wrapped", "status: active")
    site = build_site(write(tmp_path, {"greenline-autumn": active, "old": EARLIER}))
    headings = [text(a.h3) for a in case_studies(site)]  # type: ignore[arg-type]
    assert headings == ["Oatly", "Patagonia 2025", "greenline 2026", "Lush 2026"]
    assert not any(a.select(".kf-partner, .kf-shared") for a in case_studies(site))


def test_hostile_text_in_a_campaign_stays_text(tmp_path: Path) -> None:
    hostile = (
        WRAPPED.replace("brand: Greenline", 'brand: "<img src=x onerror=alert(1)>"')
        .replace("name: Jo Smith", 'name: "<b>Jo</b>"')
        .replace(
            "  source: Greenline's shop analytics, to 2026-11-30",
            '  source: "<script>alert(2)</script>"',
        )
    )
    site = build_site(write(tmp_path, {"evil": hostile}))
    for page in (report(site, "evil"), read_html(site / "ava-green" / "index.html")):
        assert page.find("img", attrs={"onerror": True}) is None
        assert page.find("script", string=lambda s: bool(s and "alert(2)" in s)) is None
    page = report(site, "evil")
    assert "<img src=x onerror=alert(1)>" in text(page.h1)  # type: ignore[arg-type]
    assert page.find("b", string="Jo") is None and "<b>Jo</b>" in text(page)
