"""Every page type of the showcase loads in Chromium: no console error, no failed request and
no request to any host but the local server (no web fonts, CDN, analytics or API calls)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from .showcase import KIT_SLUGS, PAGES, PageType, page_types

if TYPE_CHECKING:
    from .conftest import PageLog

pytestmark = pytest.mark.browser


def test_every_kit_has_both_pages_in_the_list() -> None:
    assert len(KIT_SLUGS) >= 4, "the showcase has at least four kits"
    kinds = [p.kind for p in PAGES if not p.id.startswith("es:")]  # the first language's pages
    assert kinds.count("kit") == kinds.count("work") == len(KIT_SLUGS)
    assert {"roster", "docs", "404"} <= set(kinds)


@page_types
def test_page_loads_clean_from_the_local_server_only(
    page: Page,
    page_log: PageLog,
    site_server: str,
    page_type: PageType,
    assert_clean: Callable[..., None],
) -> None:
    response = page.goto(site_server + page_type.path)
    assert response is not None and response.status == page_type.status
    # Lazy images below the fold must load too: make them eager and wait for every image.
    page.evaluate("() => { for (const img of document.images) img.loading = 'eager'; }")
    page.wait_for_function("() => [...document.images].every(img => img.complete)")
    assert_clean(page)
    assert page_log.external_requests == []
    broken = page.evaluate(
        """() => [...document.images]
            .filter(img => img.naturalWidth === 0)
            .map(img => img.currentSrc || img.src)"""
    )
    assert broken == [], f"images that did not decode on {page.url}"
    expect(page.locator("h1")).to_have_count(1)


def cards_order(page: Page) -> list[str]:
    slugs: list[str] = page.eval_on_selector_all(".kf-card", "els => els.map(e => e.dataset.kit)")
    return slugs


def resolved_hrefs(page: Page, selector: str) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(selector, "els => els.map(a => a.href)")
    return hrefs


@page_types
def test_page_has_the_content_of_its_type(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    h1 = page.locator("h1")
    if page_type.kind == "roster":
        expect(page.locator(".kf-card")).to_have_count(len(KIT_SLUGS))
        cards = resolved_hrefs(page, ".kf-card a.kf-card__link")
        here = site_server + page_type.path  # the roster of its language links that language's kits
        assert cards == [here + f"{slug}/" for slug in cards_order(page)]
        assert sorted(cards) == sorted(here + f"{slug}/" for slug in KIT_SLUGS)
    elif page_type.kind == "kit":
        expect(h1).to_have_class("kf-name")
        assert site_server + page_type.path + "work-with-me/" in resolved_hrefs(page, "a.kf-cta")
    elif page_type.kind == "work":
        if not page_type.id.startswith("es:"):  # the Spanish page says it in Spanish
            expect(h1).to_contain_text("Work with")
        expect(page.locator("#kf-enquire")).to_be_visible()
        kit_url = site_server + page_type.path.removesuffix("work-with-me/")
        assert kit_url in resolved_hrefs(page, ".kf-actions a")
    elif page_type.kind == "docs":
        expect(h1).to_contain_text("About this showcase")
    elif page_type.kind == "pitch":
        expect(page.locator(".kf-pitch .kf-eyebrow")).to_contain_text("A proposal for")
        expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    elif page_type.kind == "protected":
        expect(h1).to_have_text("This page is protected")
        expect(page.get_by_label("Password")).to_be_visible()
    elif page_type.kind == "report":
        expect(page.locator(".kf-report .kf-eyebrow")).to_contain_text("Campaign report")
        expect(page.locator("#kf-deliverables")).to_be_visible()
        expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    else:
        expect(h1).to_have_text("This page isn't here")
        assert site_server in resolved_hrefs(page, "a.kf-cta")
        kits = resolved_hrefs(page, ".kf-missing__kits a")
        assert sorted(kits) == sorted(site_server + f"{slug}/" for slug in KIT_SLUGS)
    assert page.title().endswith("Kitfolio showcase")
