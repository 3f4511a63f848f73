"""The showcase's languages (``languages: [en, es]``) in a real browser: the ``hreflang`` links in
each page's head cost no request (material's language script would fetch a sitemap.xml below
each, off the site where ``site_url`` is another host), the switcher keeps the page, and search on
a Spanish page finds the Spanish pages only. Then the showcase in three languages
(tests/multilingual.py): the es and ar version of every page type passes axe-core and the Nu Html
Checker, and Arabic search works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from multilingual import page_paths

pytestmark = pytest.mark.browser

SITE_URL = "https://kitfolio.github.io/kitfolio/"
"""The showcase's site_url: another host than the local server, so a request there is caught."""


@pytest.mark.parametrize("path", ["es/", "es/ava-green/", "ava-green/work-with-me/", "about/"])
def test_hreflang_links_cost_no_request(
    page: Page, site_server: str, path: str, assert_clean: Callable[..., None]
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_server + path)
    page.wait_for_load_state("networkidle")
    assert_clean(page)
    assert not [url for url in requests if url.endswith("/sitemap.xml")]
    links = page.locator("head link[hreflang]")
    if path == "about/":  # the site's own page has no Spanish version
        expect(links).to_have_count(0)
        return
    expect(links).to_have_count(3)  # en, es, x-default, with rel=alternate as written
    rels = links.evaluate_all("links => links.map(l => [l.rel, l.hreflang, l.href])")
    assert {(rel, lang) for rel, lang, _ in rels} == {
        ("alternate", "en"),
        ("alternate", "es"),
        ("alternate", "x-default"),
    }
    assert all(href.startswith(SITE_URL) for _, _, href in rels)


def test_the_switcher_keeps_the_page(page: Page, site_server: str) -> None:
    page.goto(site_server + "ava-green/work-with-me/")
    page.wait_for_load_state("networkidle")
    page.locator(".kf-languages").get_by_role("link", name="Español").click()
    page.wait_for_url(site_server + "es/ava-green/work-with-me/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.locator(".kf-languages").get_by_role("link", name="English").click()
    page.wait_for_url(site_server + "ava-green/work-with-me/")


def search(page: Page, url: str, query: str) -> list[str]:
    """The site paths of the results material's search shows for ``query`` on page ``url``."""
    page.goto(url)
    box = page.locator("input[data-md-component=search-query]")
    box.click()  # in the header at desktop width
    box.press_sequentially(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


def test_search_on_the_spanish_pages_finds_spanish_pages_only(
    page: Page, site_server: str, assert_clean: Callable[..., None]
) -> None:
    root = urlsplit(site_server).path
    spanish = search(page, site_server + "es/", "Ava")
    assert spanish and all(path.startswith(root + "es/") for path in spanish), spanish
    assert root + "es/ava-green/" in spanish
    assert_clean(page)
    english = search(page, site_server, "Ava")
    assert root + "ava-green/" in english
    assert not [path for path in english if path.startswith(root + "es/")], english


# --- The showcase in three languages: the es and ar versions of every page type -------------

MULTILINGUAL_PAGES = [path for language in ("es", "ar") for path in page_paths(language)]


@pytest.fixture(scope="module")
def multilingual_site(multilingual_showcase: Path) -> Path:
    return multilingual_showcase


@pytest.fixture(scope="module")
def multilingual_server(multilingual_site: Path, serve: Callable[..., str]) -> str:
    return serve(multilingual_site, urlsplit(SITE_URL).path)


@pytest.mark.parametrize("path", MULTILINGUAL_PAGES)
def test_spanish_and_arabic_pages_have_no_axe_violations(
    page: Page,
    multilingual_server: str,
    path: str,
    assert_clean: Callable[..., None],
    assert_accessible: Callable[..., None],
) -> None:
    response = page.goto(multilingual_server + path)
    assert response is not None and response.status == 200
    direction = "rtl" if path.startswith("ar/") else "ltr"
    assert page.evaluate("() => getComputedStyle(document.body).direction") == direction
    assert_clean(page)
    assert_accessible(page)


def test_spanish_and_arabic_pages_are_valid_html(
    multilingual_site: Path, assert_valid_html: Callable[..., None]
) -> None:
    assert_valid_html([multilingual_site / path / "index.html" for path in MULTILINGUAL_PAGES])


def test_search_on_the_arabic_pages_finds_arabic_pages_only(
    page: Page, multilingual_server: str, assert_clean: Callable[..., None]
) -> None:
    """The Arabic index loads lunr's Arabic stemmer in the search worker, without an error."""
    root = urlsplit(multilingual_server).path
    found = search(page, multilingual_server + "ar/", "Ava")
    assert found and all(path.startswith(root + "ar/") for path in found), found
    assert_clean(page)
