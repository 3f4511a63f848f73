"""The browser harness itself, proved on a tiny plain mkdocs-material site (no Kitfolio)."""

from __future__ import annotations

import textwrap
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page

if TYPE_CHECKING:
    from .conftest import PageLog

pytestmark = pytest.mark.browser

MKDOCS = """\
site_name: Harness check
site_url: https://example.org/docs/
theme: {name: material, font: false}
"""


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plain")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Hello\n\nA [second page](second.md).\n")
    (root / "docs" / "second.md").write_text("# Second\n\nNothing to see.\n")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(config)
    return Path(config.site_dir)


@pytest.fixture(scope="module")
def plain_url(plain_site: Path, serve: Callable[..., str]) -> str:
    return serve(plain_site, "/docs/")


def test_server_serves_the_site_under_its_prefix_and_404_page(plain_url: str) -> None:
    with urllib.request.urlopen(plain_url) as response:
        assert response.status == 200
        assert b"Harness check" in response.read()
    for missing in (plain_url + "no-such-page/", plain_url.removesuffix("docs/")):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(missing)
        assert caught.value.code == 404
        assert b"404" in caught.value.read()


def test_page_loads_clean_and_axe_runs(
    page: Page,
    page_log: PageLog,
    plain_url: str,
    assert_clean: Callable[..., None],
    axe: Callable[..., list[dict[str, Any]]],
) -> None:
    response = page.goto(plain_url)
    assert response is not None and response.status == 200
    page.get_by_role("link", name="second page").first.click()
    page.wait_for_url("**/second/")
    assert_clean(page)
    assert page_log.external_requests == []
    violations = axe(page)
    assert isinstance(violations, list)
    assert all({"id", "impact", "help", "nodes"} <= set(v) for v in violations)


def test_axe_finds_a_planted_violation(
    page: Page, axe: Callable[..., list[dict[str, Any]]]
) -> None:
    page.set_content('<!doctype html><html lang="en"><title>t</title><img src="data:,">')
    assert "image-alt" in {v["id"] for v in axe(page)}


def test_external_request_is_detected_and_never_sent(
    page: Page, page_log: PageLog, plain_url: str, assert_clean: Callable[..., None]
) -> None:
    page.goto(plain_url)
    page.evaluate(
        """() => new Promise(resolve => {
            const img = document.createElement("img");
            img.onload = img.onerror = resolve;
            img.src = "https://example.invalid/x.png";
            document.body.append(img);
        })"""
    )
    assert page_log.external_requests == ["GET https://example.invalid/x.png (image)"]
    assert page_log.failed_requests == []  # the abort is not counted twice
    with pytest.raises(pytest.fail.Exception, match=r"example\.invalid/x\.png"):
        assert_clean(page)


def test_console_errors_exceptions_and_broken_assets_are_detected(
    page: Page, page_log: PageLog, plain_url: str, assert_clean: Callable[..., None]
) -> None:
    page.goto(plain_url)
    page.evaluate(
        """() => new Promise(resolve => {
            console.error("planted console error");
            setTimeout(() => { throw new Error("planted exception"); });
            const img = document.createElement("img");
            img.onload = img.onerror = () => setTimeout(resolve, 50);
            img.src = "missing.png";
            document.body.append(img);
        })"""
    )
    assert any("planted console error" in e for e in page_log.console_errors)
    assert any("planted exception" in e for e in page_log.page_errors)
    assert page_log.bad_responses == [f"404 {plain_url}missing.png (image)"]
    with pytest.raises(pytest.fail.Exception):
        assert_clean(page)


def test_the_404_page_is_served_with_status_404_and_loads_clean(
    page: Page, page_log: PageLog, plain_url: str, assert_clean: Callable[..., None]
) -> None:
    response = page.goto(plain_url + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("h1").first.inner_text() == "404 - Not found"
    assert_clean(page)  # its assets load: they are absolute paths under site_url's path
    assert page_log.not_found_pages == [plain_url + "no/such/page/"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_color_scheme_parameter(page: Page, color_scheme: str) -> None:
    page.set_content("<!doctype html><title>t</title>")
    dark = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (color_scheme == "dark")


def test_vnu_reports_errors_of_each_file(
    tmp_path: Path, vnu: Callable[..., list[dict[str, Any]]]
) -> None:
    good = tmp_path / "good.html"
    good.write_text('<!doctype html><html lang="en"><title>Good</title><p>Fine.</p></html>\n')
    bad = tmp_path / "bad.html"
    bad.write_text(
        textwrap.dedent(
            """\
            <!doctype html>
            <html lang="en"><title>Bad</title>
            <p><div>block in a paragraph</div><span id="x"></span><span id="x"></span>
            </html>
            """
        )
    )
    errors = vnu([good, bad])
    assert errors, "vnu found nothing in bad.html"
    assert {Path(e["url"].removeprefix("file:")).name for e in errors} == {"bad.html"}
    assert any("Duplicate ID" in e["message"] for e in errors)
    assert all(isinstance(e.get("lastLine"), int) for e in errors)
