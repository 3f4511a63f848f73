"""The enquiry brief builder on the work-with-me page, in a real browser.

The form composes a ``mailto:`` URL, puts it on ``[data-kf-mailto]`` and navigates to it. The
test catches that navigation (Chromium reports it as a request; headless, no mail app opens)
and reads every field back out of it. Expectations come from the kit files themselves: the
address is the manager's email when the kit has one, else the creator's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from .conftest import watch
from .showcase import KIT_SLUGS, ROOT

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Contact:
    """A kit's contact as the brief builder should address it."""

    slug: str
    name: str
    email: str | None
    manager_email: str | None
    booking_url: str | None

    @property
    def enquiry_email(self) -> str | None:
        return self.manager_email or self.email


def contact_of(slug: str) -> Contact:
    kit: dict[str, Any] = yaml.safe_load((ROOT / "kits" / f"{slug}.yml").read_text("utf-8"))
    contact = kit["contact"]
    manager = contact.get("manager") or {}
    return Contact(
        slug, kit["name"], contact.get("email"), manager.get("email"), contact.get("booking_url")
    )


CONTACTS = [contact_of(slug) for slug in KIT_SLUGS]
WITH_EMAIL = [c for c in CONTACTS if c.enquiry_email]
BOOKING_ONLY = [c for c in CONTACTS if c.booking_url and not c.enquiry_email]

# Characters that break a hand-built mailto when not encoded: & = ? # + % ; newlines,
# apostrophes and non-ASCII text.
BRIEF = {
    "brand": "Fjällräven & Co",
    "product": "Kånken #2 + 50% off?",
    "goal": "Launch",
    "start": "2027-03-01",
    "end": "2027-04-15",
    "budget": "4,500 = 2 × 2,250",
    "usage": "Paid usage / whitelisting",
    "name": "Zoë O'Brien",
    "notes": "Line one; a=b&c\nSecond line: 日本語 ✓",
}
# What encodeURIComponent leaves as it is; everything else must be percent-encoded.
ENCODED = re.compile(r"(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})*")


def parse_mailto(url: str) -> tuple[str, dict[str, str]]:
    """Address and decoded header fields of a mailto URL, checking the encoding on the way."""
    assert url.startswith("mailto:"), url
    address, _, query = url.removeprefix("mailto:").partition("?")
    fields: dict[str, str] = {}
    for pair in query.split("&"):
        key, sep, value = pair.partition("=")
        assert sep and key not in fields, f"malformed query part {pair!r} in {url}"
        assert ENCODED.fullmatch(value), f"{key} is not fully percent-encoded: {value!r}"
        fields[key] = unquote(value, errors="strict")
    return unquote(address), fields


@pytest.fixture
def nojs_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    watch(context, page)
    try:
        yield page
    finally:
        context.close()


def fill_brief(form: Locator) -> list[str]:
    """Fill every field of the brief; returns the deliverables ticked (the first two)."""
    form.get_by_label("Brand", exact=True).fill(BRIEF["brand"])
    form.get_by_label("Product or campaign", exact=True).fill(BRIEF["product"])
    form.get_by_label("Goal", exact=True).select_option(BRIEF["goal"])
    boxes = form.locator('input[name="deliverables"]')
    assert boxes.count() >= 2, "the showcase kits have at least two deliverables or packages"
    ticked = []
    for i in range(2):
        boxes.nth(i).check()
        ticked.append(boxes.nth(i).get_attribute("value") or "")
    form.get_by_label("Start", exact=True).fill(BRIEF["start"])
    form.get_by_label("Go-live by", exact=True).fill(BRIEF["end"])
    form.get_by_label(re.compile(r"^Budget\b")).fill(BRIEF["budget"])  # "Budget (GBP)"
    form.get_by_label("Usage", exact=True).select_option(BRIEF["usage"])
    form.get_by_label("Your name", exact=True).fill(BRIEF["name"])
    form.get_by_label("Anything else", exact=True).fill(BRIEF["notes"])
    return ticked


def test_the_showcase_has_kits_of_each_contact_kind() -> None:
    assert any(c.manager_email for c in WITH_EMAIL), "a kit with a manager"
    assert any(not c.manager_email for c in WITH_EMAIL), "a kit without one"
    assert BOOKING_ONLY, "a kit with only a booking URL"


@pytest.mark.parametrize("contact", WITH_EMAIL, ids=lambda c: c.slug)
def test_brief_composes_a_mailto_with_every_field_encoded(
    page: Page, site_server: str, contact: Contact, assert_clean: Callable[..., None]
) -> None:
    page.goto(f"{site_server}{contact.slug}/work-with-me/")
    form = page.locator("form[data-kf-brief]")
    expect(form).to_be_visible()
    ticked = fill_brief(form)

    with page.expect_request(lambda r: r.url.startswith("mailto:")) as navigation:
        form.get_by_role("button", name="Compose the email").click()
    assert navigation.value.is_navigation_request()
    result = page.locator("[data-kf-result]")
    expect(result).to_be_visible()
    href = result.locator("[data-kf-mailto]").get_attribute("href") or ""

    # The link the brand can click again is the URL the browser was sent to.
    assert parse_mailto(href) == parse_mailto(navigation.value.url)
    address, fields = parse_mailto(href)
    assert address == contact.enquiry_email
    assert set(fields) == {"subject", "body"}
    assert BRIEF["brand"] in fields["subject"] and contact.name in fields["subject"]

    body = fields["body"]
    assert "\n" not in body.replace("\r\n", ""), "line breaks in a mailto body are CRLF"
    lines = body.split("\r\n")
    notes_first, notes_rest = BRIEF["notes"].split("\n")
    for line in [
        f"Brand: {BRIEF['brand']}",
        f"Product or campaign: {BRIEF['product']}",
        f"Goal: {BRIEF['goal']}",
        f"Deliverables: {', '.join(ticked)}",
        f"Start: {BRIEF['start']}",
        f"Go-live by: {BRIEF['end']}",
        f"Budget: {BRIEF['budget']}",
        f"Usage: {BRIEF['usage']}",
        f"Contact: {BRIEF['name']}",
        f"Notes: {notes_first}",
        notes_rest,
    ]:
        assert line in lines, f"{line!r} is not a line of the body:\n{body}"
    assert_clean(page)


@pytest.mark.parametrize("contact", WITH_EMAIL, ids=lambda c: c.slug)
def test_without_javascript_the_page_offers_a_plain_mailto_link(
    nojs_page: Page, site_server: str, contact: Contact, assert_clean: Callable[..., None]
) -> None:
    nojs_page.goto(f"{site_server}{contact.slug}/work-with-me/")
    # Material's bundle turns html.no-js into html.js; without scripts it stays no-js.
    expect(nojs_page.locator("html")).to_have_class(re.compile(r"\bno-js\b"))
    plain = nojs_page.locator("#kf-enquire a.kf-mailto")
    expect(plain).to_be_visible()
    expect(plain).to_have_text(contact.enquiry_email or "")
    address, fields = parse_mailto(plain.get_attribute("href") or "")
    assert address == contact.enquiry_email
    assert fields == {"subject": f"Partnership enquiry for {contact.name}"}
    # The composed-email notice stays hidden: it only makes sense once the script ran.
    expect(nojs_page.locator("[data-kf-result]")).to_be_hidden()
    assert_clean(nojs_page)


@pytest.mark.parametrize("contact", BOOKING_ONLY, ids=lambda c: c.slug)
def test_a_kit_with_only_a_booking_url_calls_to_book(
    page: Page, site_server: str, contact: Contact, assert_clean: Callable[..., None]
) -> None:
    page.goto(f"{site_server}{contact.slug}/work-with-me/")
    enquire = page.locator("#kf-enquire")
    cta = enquire.locator("a.md-button--primary")
    expect(cta).to_have_count(1)
    expect(cta).to_be_visible()
    expect(cta).to_have_attribute("href", contact.booking_url or "")
    expect(cta).to_have_accessible_name(re.compile(r"^Book a call"))
    expect(enquire.locator("form")).to_have_count(0)
    expect(page.locator('a[href^="mailto:"]')).to_have_count(0)
    assert_clean(page)
