"""The MkDocs plugin end to end: real builds in tmp_path, output read with an HTML parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, read_html, write_project
from kitfolio.model.schema import kit_schema_text

ROOT = Path(__file__).resolve().parents[1]

KIT = """\
name: {name}
tagline: Trail running on a budget
location: Bergen, Norway
languages: [nb, en]
niche: {{primary: Outdoor, tags: [running, hiking]}}
contact: {{email: hi@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 24000, avg_likes: 900, avg_comments: 60}}
audience: {{countries: {{"NO": 70, SE: 10}}}}
rates:
  currency: NOK
  items: [{{deliverable: Reel, price: 4500}}]
"""

MKDOCS_WITH_PDFS = """\
site_name: Test roster
site_url: https://example.org/kits/
theme: {name: material, font: false}
plugins: [search, kitfolio]
"""
"""With the plugin's defaults: a PDF per kit."""
MKDOCS = MKDOCS_WITH_PDFS.replace("[search, kitfolio]", "[search, {kitfolio: {pdf: false}}]")
"""Without PDFs, which the tests of the pages do not read (each takes a second or more)."""


def write_site(root: Path, kits: dict[str, str], config: str = MKDOCS) -> Path:
    """A site folder with mkdocs.yml, an empty docs/ and the given kits."""
    return write_project(root, kits, config)


def kit(slug: str, name: str) -> str:
    return KIT.format(slug=slug, name=name)


run_build = build_site
soup = read_html


@pytest.fixture(scope="module")
def roster_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("roster"),
        {"kari-nord": kit("kari-nord", "Kari Nord"), "ada-berg": kit("ada-berg", "Ada Berg")},
    )
    (root / "docs" / "about.md").write_text("# About\n\nA page of the site's own.\n")
    return run_build(root)


def test_each_kit_has_a_media_kit_and_a_work_with_me_page(roster_site: Path) -> None:
    for slug, name in (("kari-nord", "Kari Nord"), ("ada-berg", "Ada Berg")):
        media = soup(roster_site / slug / "index.html")
        assert media.h1 is not None and name in media.h1.get_text()
        work = soup(roster_site / slug / "work-with-me" / "index.html")
        assert work.h1 is not None and work.h1.get_text(strip=True) == f"Work with {name}"


def test_the_home_page_lists_every_creator_as_a_card_sorted_by_name(roster_site: Path) -> None:
    cards = soup(roster_site / "index.html").select("[data-kit]")
    assert [c["data-kit"] for c in cards] == ["ada-berg", "kari-nord"]
    links = [c.select_one("a")["href"] for c in cards]  # type: ignore[index]
    assert links == ["ada-berg/", "kari-nord/"]


def test_kit_pages_stay_out_of_the_navigation(roster_site: Path) -> None:
    about = soup(roster_site / "about" / "index.html")
    hrefs = {a["href"] for a in about.select("nav.md-nav a[href]")}
    assert not any("kari-nord" in h or "ada-berg" in h for h in hrefs)
    assert any(h.rstrip("/").endswith("about") or h in ("./", ".") for h in hrefs)


def test_the_schema_is_published_and_matches_the_committed_one(roster_site: Path) -> None:
    published = (roster_site / "schema" / "kit.schema.json").read_text(encoding="utf-8")
    committed = (ROOT / "schema" / "kit.schema.json").read_text(encoding="utf-8")
    assert published == kit_schema_text()
    assert committed == kit_schema_text(), "run: kitfolio schema --output schema/kit.schema.json"
    assert json.loads(published)["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_search_index_has_kits_but_no_prices(roster_site: Path) -> None:
    index = json.loads((roster_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = json.dumps(index)
    assert "Trail running on a budget" in text
    assert "4500" not in text and "4,500" not in text


def test_a_single_kit_is_the_home_page_with_a_canonical_link_to_its_own_page(
    tmp_path: Path,
) -> None:
    site = run_build(write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")}))
    home = soup(site / "index.html")
    assert home.h1 is not None and "Kari Nord" in home.h1.get_text()
    canonical = home.select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == "https://example.org/kits/kari-nord/"


def test_a_site_of_its_own_index_keeps_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")})
    (root / "docs" / "index.md").write_text("# Our agency\n")
    site = run_build(root)
    assert soup(site / "index.html").h1.get_text(strip=True) == "Our agency"  # type: ignore[union-attr]
    assert (site / "kari-nord" / "index.html").is_file()


def test_missing_site_url_is_a_clear_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(
        tmp_path,
        {"kari-nord": kit("kari-nord", "Kari Nord")},
        MKDOCS.replace("site_url: https://example.org/kits/\n", ""),
    )
    with pytest.raises(Abort):
        run_build(root)
    assert "site_url is required" in caplog.text


def test_kits_dir_is_found_beside_mkdocs_yml_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(tmp_path / "site", {"kari-nord": kit("kari-nord", "Kari Nord")})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    site = run_build(root)
    assert (site / "kari-nord" / "index.html").is_file()


def test_a_custom_dir_overrides_any_kitfolio_template(tmp_path: Path) -> None:
    config = MKDOCS.replace(
        "theme: {name: material, font: false}",
        "theme: {name: material, font: false, custom_dir: overrides}",
    )
    root = write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")}, config)
    partial = root / "overrides" / "kitfolio" / "partials" / "contact.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<p id="agency-contact">Book through the agency</p>\n')
    site = run_build(root)
    page = soup(site / "kari-nord" / "index.html")
    assert page.select_one("#agency-contact") is not None
    assert page.select_one("#kf-contact") is None


def test_building_writes_nothing_into_docs_dir(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")}, MKDOCS_WITH_PDFS)
    before = sorted(p.relative_to(root) for p in (root / "docs").rglob("*"))
    run_build(root)
    assert sorted(p.relative_to(root) for p in (root / "docs").rglob("*")) == before


def test_google_fonts_are_off_by_default(tmp_path: Path) -> None:
    config = MKDOCS.replace("theme: {name: material, font: false}", "theme: material")
    site = run_build(write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")}, config))
    for page in site.rglob("*.html"):
        hrefs = [tag.get("href", "") for tag in soup(page).select("link[href]")]
        assert not [h for h in hrefs if "fonts.g" in str(h)], page


def test_the_showcase_builds_strict_without_warnings(tmp_path: Path) -> None:
    site = run_build(ROOT, site_dir=str(tmp_path / "site"), strict=True)
    slugs = sorted(p.stem for p in (ROOT / "kits").glob("*.yml"))
    assert len(slugs) >= 3
    cards = soup(site / "index.html").select("[data-kit]")
    assert sorted(str(c["data-kit"]) for c in cards) == slugs


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"kari-nord": kit("kari-nord", "Kari Nord")})
    done = _run(
        [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "-d", "out"], root
    )
    assert done.returncode == 0, done.stderr
    page = soup(root / "out" / "kari-nord" / "work-with-me" / "index.html")
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Work with Kari Nord"


ASSETS = ROOT / "theme" / "assets" / "kitfolio"


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_our_css_and_js_are_served_minified(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, {"ava": kit("ava", "Ava Green")}))
    served = _files(site / "assets" / "kitfolio")
    assert served == _files(ASSETS)
    assert "roster/main.js" in served
    for name in served:
        source = (ASSETS / name).read_text("utf-8")
        text = (site / "assets" / "kitfolio" / name).read_text("utf-8")
        assert len(text) < 0.9 * len(source), name
        assert "/*" not in text and "\n  " not in text, name
    css = (site / "assets" / "kitfolio" / "kitfolio.css").read_text("utf-8")
    assert "@media print{" in css and ".kf-page{" in css


def test_minify_false_serves_the_readable_sources(tmp_path: Path) -> None:
    config = MKDOCS.replace("{kitfolio: {pdf: false}}", "{kitfolio: {pdf: false, minify: false}}")
    site = build_site(write_site(tmp_path, {"ava": kit("ava", "Ava Green")}, config))
    assert _files(site / "assets" / "kitfolio") == _files(ASSETS)
    for name in _files(ASSETS):
        assert (site / "assets" / "kitfolio" / name).read_bytes() == (ASSETS / name).read_bytes()
