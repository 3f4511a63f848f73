"""A campaign report prints to PDF on one or two A4 pages, as a brand saves it from the browser."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from .showcase import REPORTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", REPORTS)
def test_a_report_prints_on_one_or_two_pages(page: Page, site_server: str, name: str) -> None:
    page.goto(site_server + f"reports/{name}/")
    brand = page.locator(".kf-report h1").inner_text()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert 1 <= len(pdf.pages) <= 2
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert brand.split(" × ")[0] in printed
    assert "Deliverables" in printed


def test_the_showcase_has_a_wrapped_report_and_its_wrap_up_prints(
    page: Page, site_server: str
) -> None:
    wrapped = []
    for name in REPORTS:
        page.goto(site_server + f"reports/{name}/")
        if page.locator(".kf-report[data-status='wrapped']").count():
            wrapped.append(name)
    assert wrapped, "the showcase has a wrapped campaign"
    page.goto(site_server + f"reports/{wrapped[0]}/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator("#kf-wrap").is_visible()
