"""The page plan, made by the core alone: which pages, which templates, where they are listed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from conftest import MINIMAL_KIT, load_kits
from kitfolio.outputs.plan import UNLISTED, plan_pages, sealed
from kitfolio.page_kinds import PageKind
from kitfolio.present.formatting import Formatter
from kitfolio.public.site import build_site
from kitfolio.public.views import Settings
from kitfolio.sources.campaigns import campaign_files, load_campaigns

BO = MINIMAL_KIT.replace("Ava Green", "Bo Lind")


def test_one_kit_is_the_home_page_and_its_pages_are_planned(tmp_path: Path) -> None:
    site = build_site(load_kits(tmp_path, {"ava": MINIMAL_KIT}), Settings())
    planned = plan_pages(site, [], "Kits", home_taken=False)
    assert [(p.kind, p.src, p.template, p.home) for p in planned] == [
        (PageKind.KIT, "ava/index.md", "kitfolio/kit.html", False),
        (PageKind.WORK, "ava/work-with-me/index.md", "kitfolio/work-with-me.html", False),
        (PageKind.KIT, "index.md", "kitfolio/kit.html", True),
    ]
    assert [p.title for p in planned] == [
        "Ava Green — media kit",
        "Work with Ava Green",
        "Ava Green — media kit",
    ]
    assert all(p.inclusion.in_sitemap and p.inclusion.in_search for p in planned)


def test_several_kits_get_a_roster_unless_the_docs_have_a_home(tmp_path: Path) -> None:
    site = build_site(load_kits(tmp_path, {"ava": MINIMAL_KIT, "bo": BO}), Settings())
    [home] = [p for p in plan_pages(site, [], "Kits", home_taken=False) if p.home]
    assert (home.kind, home.title, home.template) == (
        PageKind.ROSTER,
        "Kits",
        "kitfolio/roster.html",
    )
    assert home.search_text.split("\n\n")[0].startswith("Ava Green: ")
    assert not [p for p in plan_pages(site, [], "Kits", home_taken=True) if p.home]


def test_any_protected_page_is_planned_neutral_and_unlisted(tmp_path: Path) -> None:
    site = build_site(load_kits(tmp_path, {"ava": MINIMAL_KIT}), Settings())
    kit_page = plan_pages(site, [], "Kits", home_taken=True)[0]
    page = sealed(replace(kit_page, protect=True))
    assert (page.title, page.description, page.search_text) == (
        "Protected page",
        "This page is protected by a password.",
        "",
    )
    assert page.inclusion == UNLISTED and page.inclusion.noindex
    assert (page.src, page.template, page.name) == ("ava/index.md", "kitfolio/kit.html", "ava")
    assert "Ava Green" in kit_page.title + kit_page.description + kit_page.search_text


CAMPAIGN = """\
kit: ava
brand: Acme
status: active
start: 2026-11-01
deliverables: [{title: Reel, due: 2026-12-20}]
currency: GBP
invoices: [{number: A-1, amount: 4321, due: 2026-12-31}]
"""
ON_REQUEST = (
    MINIMAL_KIT
    + """\
rates:
  currency: GBP
  visibility: on-request
  items: [{deliverable: Reel, price: 4321}]
"""
)


def test_a_campaign_is_an_unlisted_report_page_marked_when_protected(tmp_path: Path) -> None:
    site = build_site(load_kits(tmp_path, {"ava": ON_REQUEST}), Settings())
    folder = tmp_path / "campaigns"
    folder.mkdir()
    (folder / "open.yml").write_text(CAMPAIGN, encoding="utf-8")
    (folder / "shut.yml").write_text(CAMPAIGN + "protect: true\n", encoding="utf-8")
    campaigns = load_campaigns(
        campaign_files(folder),
        tmp_path,
        {"ava": site.kits[0]},
        ["ava"],
        date(2026, 11, 30),
        Formatter(),
        environ={"KITFOLIO_PASSWORD_SHUT": "a long enough test password"},
    )
    assert campaigns.problems == []
    planned = plan_pages(site, [], "Kits", home_taken=True, campaigns=campaigns)
    reports = [p for p in planned if p.kind == PageKind.REPORT]
    assert [(p.src, p.url, p.template, p.protect) for p in reports] == [
        ("reports/open/index.md", "reports/open/", "kitfolio/report.html", False),
        ("reports/shut/index.md", "reports/shut/", "kitfolio/report.html", True),
    ]
    assert all(p.inclusion == UNLISTED and p.search_text == "" for p in reports)
    assert reports[0].title == "Acme × Ava Green: campaign report"
    assert not any(p.protect for p in planned if p.kind != PageKind.REPORT)
    # an unlisted report keeps the kit's fees hidden; a protected one is published encrypted
    shown = [[i.amount_text for i in p.campaign.invoices] for p in reports if p.campaign]
    assert shown == [[None], ["£4,321"]]
