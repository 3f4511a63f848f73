"""The page plan, made by the core alone: which pages, which templates, where they are listed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import MINIMAL_KIT, load_kits
from kitfolio.outputs.plan import UNLISTED, plan_pages, sealed
from kitfolio.page_kinds import PageKind
from kitfolio.public.site import build_site
from kitfolio.public.views import Settings

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
