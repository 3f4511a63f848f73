"""A site in several languages: every page type in each, hreflang, the sitemap, feed and search.

One site with ``languages: [en, es, ar]`` is built strict, with a kit that has a Spanish
translation and one that has none, and pitches with and without a language of their own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

import mkdocs
import pytest
from bs4 import BeautifulSoup, Tag

from conftest import MINIMAL_KIT, build_error, build_site, read_html, write_site

SITE_URL = "https://example.org/kits/"
LANGUAGES = ["en", "es", "ar"]
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
AVA = """\
name: Ava Green
languages: [en]
tagline: Slow fashion on a real budget
bio: I started **@avagreen** in 2019.
niche: {primary: Sustainable fashion, tags: [thrifting, capsule wardrobe]}
contact: {email: hello@example.org}
stats_as_of: 2026-10-31
platforms:
  - {network: instagram, handle: avagreen, followers: 48200}
dealbreakers: [Fast fashion brands]
rates:
  currency: GBP
  packages:
    - {name: Launch bundle, price: 850, includes: [1 Instagram Reel]}
terms: {payment: 50% upfront, revisions: One round included}
translations:
  es:
    tagline: Moda lenta con un presupuesto real
    niche: {primary: Moda sostenible, tags: [segunda mano, armario cápsula]}
    dealbreakers: [Marcas de moda rápida]
    rates: {packages: [{name: Paquete de lanzamiento, includes: [1 Reel de Instagram]}]}
    terms: {payment: 50 % por adelantado}
"""
BO = MINIMAL_KIT.replace("Ava Green", "Bo Lind").replace(
    "niche:\n", "tagline: Outdoor life in the fjords\nniche:\n"
)
PAGES = ["ava/", "ava/work-with-me/", "bo/", "bo/work-with-me/", "", "for/acme/"]


def prefix(language: str) -> str:
    return "" if language == LANGUAGES[0] else f"{language}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    write_site(
        root,
        {"ava": AVA, "bo": BO},
        site_url=SITE_URL,
        plugins=["search", {"kitfolio": {"languages": LANGUAGES, "pdf": False}}],
    )
    (root / "docs" / "es").mkdir()
    (root / "docs" / "about.md").write_text("# About\n\nWho we are.\n", encoding="utf-8")
    (root / "docs" / "es" / "about.md").write_text("# Quiénes somos\n\nNosotros.\n", "utf-8")
    (root / "pitches").mkdir()
    (root / "pitches" / "acme.yml").write_text(
        "kit: ava\nbrand: Acme\npackages: [Launch bundle]\n", encoding="utf-8"
    )
    (root / "pitches" / "acme-es.yml").write_text(
        "kit: ava\nbrand: Acme España\nlanguage: es\npackages: [Launch bundle]\n",
        encoding="utf-8",
    )
    return build_site(root, strict=True)


def page(site: Path, path: str) -> BeautifulSoup:
    return read_html(site / path / "index.html")


def sitemap(site: Path) -> dict[str, dict[str, str]]:
    """Each URL the sitemap lists → its language versions (hreflang → URL), as a search engine
    reads them."""
    root = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    found = {}
    for url in root.iter(f"{{{SITEMAP}}}url"):
        loc = url.findtext(f"{{{SITEMAP}}}loc") or ""
        found[loc] = {
            str(link.get("hreflang")): str(link.get("href"))
            for link in url.iter(f"{{{XHTML}}}link")
            if link.get("rel") == "alternate"
        }
    return found


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_exists_in_every_language(site: Path, language: str, path: str) -> None:
    assert (site / prefix(language) / path / "index.html").is_file()
    assert (site / prefix(language) / "kits.json").is_file()


@pytest.mark.parametrize("path", [p for p in PAGES if not p.startswith("for/")])
def test_hreflang_sets_are_complete_and_reciprocal(site: Path, path: str) -> None:
    expected = {lang: SITE_URL + prefix(lang) + path for lang in LANGUAGES}
    expected["x-default"] = SITE_URL + path
    listed = sitemap(site)
    for language in LANGUAGES:
        assert listed[SITE_URL + prefix(language) + path] == expected


def head_versions(soup: BeautifulSoup) -> dict[str, str]:
    """hreflang → URL of the page's ``<link rel=alternate>``, as a crawler reads the head."""
    assert soup.head is not None
    links = soup.head.find_all("link", rel="alternate", hreflang=True)
    return {str(link["hreflang"]): str(link["href"]) for link in links}


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_lists_its_versions_in_its_head(site: Path, language: str, path: str) -> None:
    expected = {lang: SITE_URL + prefix(lang) + path for lang in LANGUAGES}
    expected["x-default"] = SITE_URL + path
    assert head_versions(page(site, prefix(language) + path)) == expected


def test_a_pitch_in_one_language_has_no_versions(site: Path) -> None:
    assert head_versions(page(site, "for/acme-es/")) == {}


def test_the_site_s_own_pages_are_versions_of_each_other_by_path(site: Path) -> None:
    expected = {"en": SITE_URL + "about/", "es": SITE_URL + "es/about/"}
    expected["x-default"] = expected["en"]
    for path in ("about/", "es/about/"):
        assert head_versions(page(site, path)) == expected
        assert sitemap(site)[SITE_URL + path] == expected


def test_the_site_s_own_pages_in_a_language_folder_speak_that_language(site: Path) -> None:
    """``es/about.md`` is the Spanish page: its ``<html>`` says so, and Material's own words
    (the search box's) are Spanish, while ``about.md`` stays in the first language."""
    for path, lang, direction in (("about/", "en", "ltr"), ("es/about/", "es", "ltr")):
        soup = page(site, path)
        assert soup.html is not None
        assert soup.html.get("lang") == lang
        assert soup.html.get("dir", "ltr") == direction
    search = page(site, "es/about/").find("input", attrs={"name": "query"})
    assert isinstance(search, Tag) and search.get("placeholder") == "Búsqueda"


def test_the_sitemap_is_mkdocs_own_with_the_versions_added() -> None:
    upstream = (Path(mkdocs.__file__).parent / "templates" / "sitemap.xml").read_text()
    ours = (Path(__file__).parents[1] / "theme" / "sitemap.xml").read_text()
    kept = [line for line in upstream.splitlines() if "<urlset" not in line]
    assert all(line in ours.splitlines() for line in kept)


@pytest.mark.parametrize("path", ["ava/work-with-me/", "", "for/acme/"])
def test_the_language_switcher_keeps_the_page(site: Path, path: str) -> None:
    here = SITE_URL + "es/" + path
    nav = page(site, "es/" + path).find("nav", class_="kf-languages")
    assert isinstance(nav, Tag)
    current = nav.find(attrs={"aria-current": "page"})
    assert isinstance(current, Tag) and current.get_text() == "Español"
    links = {str(a["hreflang"]): urljoin(here, str(a["href"])) for a in nav.find_all("a")}
    assert links == {"en": SITE_URL + path, "ar": SITE_URL + "ar/" + path}
    for target in links.values():
        assert (site / urlparse(target).path.removeprefix("/kits/") / "index.html").is_file()
    names = [a.get_text() for a in nav.find_all("a")]
    assert names == ["English", "العربية"]


def texts(soup: BeautifulSoup, selector: str) -> list[tuple[str, str | None]]:
    """(text, the lang it is marked with) of each element ``selector`` finds."""
    found = []
    for element in soup.select(selector):
        marked = element.find(attrs={"lang": True})
        lang = marked["lang"] if isinstance(marked, Tag) else None
        found.append((element.get_text(" ", strip=True), str(lang) if lang else None))
    return found


def test_a_translated_kit_shows_its_words_and_marks_the_rest_as_its_own(site: Path) -> None:
    es = page(site, "es/ava/")
    assert texts(es, ".kf-tagline") == [("Moda lenta con un presupuesto real", None)]
    assert texts(es, ".kf-eyebrow")[:1] == [("Moda sostenible", None)]
    assert texts(es, ".kf-tag:not(.kf-tag--value)")[:2] == [
        ("segunda mano", None),
        ("armario cápsula", None),
    ]
    # The bio has no Spanish: it is shown in English, marked as English, not dropped.
    bio = [d for d in es.find_all("div", lang="en") if "@avagreen" in d.get_text()]
    assert len(bio) == 1
    work = page(site, "es/ava/work-with-me/")
    terms = work.get_text(" ", strip=True)
    assert "50 % por adelantado" in terms and "One round included" in terms
    marked = [s for s in work.find_all(lang="en") if s.get_text(strip=True) == "One round included"]
    assert marked and all(s.find_parent(class_="kf-page") for s in marked)
    assert not [s for s in work.select(".kf-page [lang=en]") if "50 %" in s.get_text()]


def test_a_kit_without_translations_is_marked_as_its_own_language(site: Path) -> None:
    for language in ("es", "ar"):
        soup = page(site, f"{language}/bo/")
        assert texts(soup, ".kf-tagline") == [("Outdoor life in the fjords", "en")]
    assert texts(page(site, "bo/"), ".kf-tagline") == [("Outdoor life in the fjords", None)]
    assert not page(site, "ava/").select(".kf-page [lang]:not(.kf-languages *)")


def test_the_roster_in_each_language_shows_its_kits_in_that_language(site: Path) -> None:
    es = page(site, "es/")
    niches = [c.get_text(strip=True) for c in es.select(".kf-card .kf-eyebrow")]
    assert niches == ["Moda sostenible", "Sustainable fashion"]
    (marked,) = es.select(".kf-card .kf-eyebrow [lang=en]")
    assert marked.get_text() == "Sustainable fashion"
    roster = es.find(attrs={"data-kf-roster": True})
    assert isinstance(roster, Tag) and roster["data-feed"] == "kits-index.json"


def test_a_pitch_in_every_language_or_in_the_one_it_names(site: Path) -> None:
    assert not (site / "es" / "for" / "acme-es").exists()
    spanish = page(site, "for/acme-es/")
    assert "Paquete de lanzamiento" in spanish.get_text()
    assert spanish.find("nav", class_="kf-languages") is None
    assert "Paquete de lanzamiento" in page(site, "es/for/acme/").get_text()
    assert "Launch bundle" in page(site, "for/acme/").get_text()


def test_the_sitemap_lists_every_language_version_and_no_pitch(site: Path) -> None:
    listed = set(sitemap(site))
    for language in LANGUAGES:
        for path in ["ava/", "ava/work-with-me/", "bo/", "bo/work-with-me/", ""]:
            assert SITE_URL + prefix(language) + path in listed
    assert not [url for url in listed if "/for/" in url]


def test_the_feed_is_published_per_language(site: Path) -> None:
    spanish = json.loads((site / "es" / "kits.json").read_text(encoding="utf-8"))
    assert spanish["site"]["language"] == "es"
    assert spanish["site"]["languages"] == {lang: SITE_URL + prefix(lang) for lang in LANGUAGES}
    ava = spanish["kits"][0]
    assert (ava["tagline"], ava["url"]) == (
        "Moda lenta con un presupuesto real",
        SITE_URL + "es/ava/",
    )
    assert ava["kit_json"] == SITE_URL + "es/ava/kit.json"
    detail = json.loads((site / "es" / "ava" / "kit.json").read_text(encoding="utf-8"))
    assert detail["kit"]["dealbreakers"] == ["Marcas de moda rápida"]
    english = json.loads((site / "kits.json").read_text(encoding="utf-8"))
    assert english["site"]["language"] == "en"
    assert english["kits"][0]["tagline"] == "Slow fashion on a real budget"


def search_index(site: Path, language: str) -> dict[str, Any]:
    path = site / prefix(language) / "search" / "search_index.json"
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return index


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_index_with_its_stemmer(site: Path, language: str) -> None:
    index = search_index(site, language)
    assert index["config"]["lang"] == [language]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"", "ava/", "ava/work-with-me/", "bo/"} <= locations
    assert not [loc for loc in locations if "for/" in loc or loc.startswith(("es/", "ar/"))]
    (ava,) = [d for d in index["docs"] if d["location"] == "ava/"]
    tagline = {"es": "Moda lenta"}.get(language, "Slow fashion")
    assert tagline in ava["text"]


def test_the_site_s_own_pages_are_searched_in_their_language(site: Path) -> None:
    assert "about/" in {d["location"] for d in search_index(site, "en")["docs"]}
    assert "about/" in {d["location"] for d in search_index(site, "es")["docs"]}
    assert "about/" not in {d["location"] for d in search_index(site, "ar")["docs"]}


def test_a_page_with_search_reads_its_language_s_index(site: Path) -> None:
    """Material fetches search/search_index.json below the page's __config base."""
    for language in LANGUAGES:
        for path in ("", "about/"):
            if language == "ar" and path:
                continue
            soup = page(site, prefix(language) + path)
            config = soup.find("script", id="__config")
            assert isinstance(config, Tag)
            base = json.loads(config.get_text())["base"]
            here = SITE_URL + prefix(language) + path
            found = urljoin(urljoin(here, base), "search/search_index.json")  # as a browser does
            assert found == SITE_URL + prefix(language) + "search/search_index.json"


def test_a_wrong_language_option_stops_the_build(tmp_path: Path) -> None:
    write_site(
        tmp_path, {"ava": MINIMAL_KIT}, plugins=[{"kitfolio": {"languages": ["en", "es_MX"]}}]
    )
    assert "languages[1]: expected a BCP 47 language tag with hyphens (es-MX)" in str(
        build_error(tmp_path)
    )


def test_a_kit_named_like_a_language_is_refused(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"es": MINIMAL_KIT, "ava": MINIMAL_KIT},
        plugins=[{"kitfolio": {"languages": ["en", "es"]}}],
    )
    error = build_error(tmp_path)
    assert error.problems == [  # type: ignore[attr-defined]
        "kits/es.yml:1:1: (url): /es/ is the folder of the site's pages in es (languages: "
        "[en, es]); rename the kit file, or leave es out of languages"
    ]


def test_a_pitch_in_a_language_the_site_lacks_is_an_error(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"ava": MINIMAL_KIT},
        plugins=[{"kitfolio": {"languages": ["en", "es"], "pdf": False}}],
    )
    (tmp_path / "pitches").mkdir()
    (tmp_path / "pitches" / "acme.yml").write_text(
        "kit: ava\nbrand: Acme\nlanguage: et\n", encoding="utf-8"
    )
    assert build_error(tmp_path).problems == [  # type: ignore[attr-defined]
        "pitches/acme.yml:3:11: language: unknown language 'et'; expected one of the site's "
        "languages, 'en', 'es'"
    ]


def test_each_language_has_its_own_social_card(site: Path) -> None:
    cards = {}
    for language in LANGUAGES:
        soup = page(site, prefix(language) + "ava/")
        meta = soup.find("meta", property="og:image")
        assert isinstance(meta, Tag)
        url = str(meta["content"])
        assert url.startswith(SITE_URL + prefix(language) + "ava/card.")
        cards[language] = (site / url.removeprefix(SITE_URL)).read_bytes()
    assert cards["es"] != cards["en"]


def test_hostile_translated_text_stays_text(tmp_path: Path) -> None:
    kit = (
        MINIMAL_KIT.replace("niche:\n", "tagline: Plain\nbio: Plain\nniche:\n")
        + "translations:\n  es:\n"
        + "    tagline: '<script>alert(1)</script>'\n"
        + "    bio: '<img src=x onerror=alert(1)> **bold**'\n"
    )
    write_site(
        tmp_path, {"ava": kit}, plugins=[{"kitfolio": {"languages": ["en", "es"], "pdf": False}}]
    )
    soup = page(build_site(tmp_path, strict=True), "es/ava/")
    (tagline,) = soup.select(".kf-tagline")
    assert tagline.get_text() == "<script>alert(1)</script>"
    assert not soup.select(".kf-page script, .kf-page img[onerror]")
    assert [s.get_text() for s in soup.select(".kf-page strong") if s.get_text() == "bold"]


def test_a_pitch_note_is_marked_with_its_language_on_the_other_versions(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"ava": MINIMAL_KIT},
        plugins=[{"kitfolio": {"languages": ["en", "es"], "pdf": False}}],
    )
    (tmp_path / "pitches").mkdir()
    (tmp_path / "pitches" / "acme.yml").write_text(
        "kit: ava\nbrand: Acme\nnote: Hi **Acme** team!\n", encoding="utf-8"
    )
    site = build_site(tmp_path, strict=True)
    marked = page(site, "es/for/acme/").select(".kf-page [lang=en]:not(.kf-languages *)")
    assert [m.get_text(" ", strip=True) for m in marked if "team" in m.get_text()] == [
        "Hi Acme team!"
    ]
    assert not page(site, "for/acme/").select(".kf-page [lang]:not(.kf-languages *)")
