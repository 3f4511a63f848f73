"""A protected pitch in Chromium: the showcase's password opens it with the Web Crypto API and
shows its content, private rates included; a wrong one shows nothing of it and says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import site_texts
from kitfolio.cli import SHOWCASE_PASSWORDS

from .showcase import PROTECTED

pytestmark = pytest.mark.browser

NAME = "nordvei-private"
PASSWORD = SHOWCASE_PASSWORDS["KITFOLIO_PASSWORD_NORDVEI_PRIVATE"]
CONTENT = [
    "A proposal for Nordvei Bikes",
    "Your new steel gravel frame",
    "NOK145,000",
    "NOK14,000",
    "NOK12,000–NOK18,000",
    "Fjellgear",
    "126K",
]
"""The brand, the note, four of Lars's private prices (his rates' visibility is private) and a
partnership with its reach."""


def open_locked(page: Page, site_server: str) -> None:
    assert NAME in PROTECTED
    page.goto(site_server + f"for/{NAME}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This page is protected")


def type_password(page: Page, password: str) -> None:
    """As a keyboard user does: Tab to the field, type, Enter."""
    field = page.get_by_label("Password")
    for _ in range(40):
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    expect(field).to_be_focused()
    page.keyboard.type(password)
    page.keyboard.press("Enter")


def test_the_password_opens_the_page_and_shows_its_content(
    page: Page,
    site_server: str,
    assert_clean: Callable[[Page], None],
    assert_accessible: Callable[..., None],
) -> None:
    open_locked(page, site_server)
    assert_accessible(page)
    type_password(page, PASSWORD)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Lars Nilsen")
    expect(heading).to_be_focused()
    text = " ".join((page.locator(".kf-page").text_content() or "").split())
    for words in CONTENT:
        assert words in text
    expect(page.get_by_label("Password")).to_have_count(0)
    assert page.title() == "Lars Nilsen · Kitfolio showcase"
    assert_accessible(page)
    assert_clean(page)


def test_a_wrong_password_shows_nothing_and_says_so(
    page: Page, site_server: str, assert_clean: Callable[[Page], None]
) -> None:
    open_locked(page, site_server)
    type_password(page, PASSWORD + "x")
    status = page.get_by_role("status")
    expect(status).to_have_text("That password is not right. Check it and try again.")
    field = page.get_by_label("Password")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(
        "That password is not right. Check it and try again."
    )
    html: str = page.content()
    for words in [*CONTENT, "Nordvei", "Lars Nilsen"]:
        assert words not in html
    page.keyboard.press("Control+A")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lars Nilsen")
    assert_clean(page)


def test_an_empty_password_asks_for_one(page: Page, site_server: str) -> None:
    open_locked(page, site_server)
    page.get_by_role("button", name="Open the page").click()
    expect(page.get_by_role("status")).to_have_text("Enter the password first.")
    expect(page.get_by_label("Password")).to_be_focused()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}])
def test_the_form_fits_a_phone(page: Page, site_server: str, viewport: dict[str, Any]) -> None:
    open_locked(page, site_server)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"]
    box = page.get_by_role("button", name="Open the page").bounding_box()
    assert box is not None and box["x"] + box["width"] <= viewport["width"]


def test_the_showcase_publishes_nothing_of_the_protected_pitch_in_clear(built_site: Path) -> None:
    needles = ["Nordvei", "steel gravel frame", "NOK145,000", "NOK14,000", "NOK6,500", "145,000"]
    found = {
        (path.relative_to(built_site).as_posix(), word)
        for path, text in site_texts(built_site)
        for word in needles
        if word in text
    }
    assert found == set()


ACCENT = (
    "() => getComputedStyle(document.querySelector('.kf-page')).getPropertyValue('--kf-accent')"
)


def test_the_kits_accent_is_sealed_too_and_applies_once_open(page: Page, site_server: str) -> None:
    page.goto(site_server + "lars-nilsen/")
    accent = page.evaluate(ACCENT).strip()
    assert accent.startswith("#")
    open_locked(page, site_server)
    assert accent not in page.content()
    type_password(page, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lars Nilsen")
    assert page.evaluate(ACCENT).strip() == accent


def test_without_javascript_the_password_never_reaches_an_address(
    browser: Browser, site_server: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + f"for/{NAME}/")
        expect(page.locator("noscript")).to_have_count(1)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("Password").press("Enter")
        page.wait_for_load_state()
        assert PASSWORD not in page.url
        expect(page.get_by_role("heading", level=1)).to_have_text("This page is protected")
    finally:
        context.close()


def test_an_insecure_address_says_why_the_page_cannot_open(page: Page, site_server: str) -> None:
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false})")
    open_locked(page, site_server)
    expect(page.get_by_role("status")).to_contain_text("needs a secure (https) address")
    expect(page.get_by_label("Password")).to_be_disabled()
