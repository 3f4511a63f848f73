"""Printing a kit page from the browser: one or two sheets, like the PDF media kit, and no
heading left alone at the foot of a sheet (Chromium's own print to PDF, read back with pypdf)."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from .showcase import KIT_SLUGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    "path", [f"{slug}/{page}" for slug in KIT_SLUGS for page in ("", "work-with-me/")]
)
def test_a_printed_kit_page_takes_two_sheets_at_most_and_strands_no_heading(
    browser: Browser, site_server: str, path: str, paper: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(site_server + path)
        headings = {
            text.strip()
            for text in page.locator(".kf-page h2, .kf-page h3").all_inner_texts()
            if text.strip()
        }
        sheets = PdfReader(io.BytesIO(page.pdf(format=paper))).pages
    finally:
        page.close()
    assert 1 <= len(sheets) <= 2, (path, paper, len(sheets))
    for number, sheet in enumerate(sheets, start=1):
        lines = [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
        assert lines, (path, number)
        assert lines[-1] not in headings, f"{path} ({paper}): {lines[-1]!r} ends sheet {number}"
