"""The creator's pages as a brand sees them, in Chromium: nothing scrolls sideways on a narrow
phone, the portrait is a square box, the hero's headline figures and call to action are in the
first screen, the kit page carries no link to the developer docs, and a pitch's "Start an
enquiry" opens a brief builder already filled in, which refuses a go-live date before the start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

from .showcase import KIT_SLUGS, PAGES, PITCHES, ROOT, PageType

pytestmark = pytest.mark.browser

CREATOR_PAGES = [p for p in PAGES if p.kind in ("kit", "work", "pitch", "404")]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
WIDTHS = [320, 390, 1366]


def by_id(pages: list[PageType]) -> Any:
    return pytest.mark.parametrize("page_type", pages, ids=[p.id for p in pages])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(page: Page, site_server: str, width: int) -> None:
    """Every page type of the showcase, in both its languages."""
    page.set_viewport_size({"width": width, "height": 800})
    wide = {}
    for page_type in PAGES:
        page.goto(site_server + page_type.path)  # loaded: late images take the width they reserved
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[page_type.id] = scroll_width
    assert wide == {}, f"pages wider than {width}px"


PORTRAIT_PAGES = [p for p in CREATOR_PAGES if p.kind != "404"]


@by_id(PORTRAIT_PAGES)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_portrait_is_a_square_box(page: Page, site_server: str, page_type: PageType) -> None:
    page.goto(site_server + page_type.path)
    avatar = page.locator(".kf-page .kf-avatar").first
    expect(avatar).to_be_visible()
    box = avatar.bounding_box()
    assert box is not None and box["width"] > 40
    assert box["width"] == pytest.approx(box["height"], abs=0.5)
    natural = avatar.evaluate("el => el.naturalWidth ? [el.naturalWidth, el.naturalHeight] : null")
    if natural is not None:
        assert natural[0] == natural[1], "the rendition itself is square, not only its box"


KITS = [p for p in PAGES if p.kind == "kit"]


@by_id(KITS)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_headline_figures_and_the_call_to_action_are_in_the_first_screen(
    page: Page, site_server: str, page_type: PageType, viewport: dict[str, int]
) -> None:
    page.goto(site_server + page_type.path)
    page.wait_for_load_state("networkidle")
    for selector in (
        "h1.kf-name",
        ".kf-headline .kf-stats",
        ".kf-reach",
        ".kf-asof",
        ".kf-hero .kf-cta",
    ):
        target = page.locator(selector)
        expect(target).to_be_visible()
        box = target.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= viewport["height"], f"{selector} is below the fold"
    reach = page.locator(".kf-headline .kf-stats dd").first
    expect(reach).not_to_be_empty()


DOCS = sorted(path.stem for path in (ROOT / "docs").glob("*.md"))


@by_id(CREATOR_PAGES)
def test_a_creator_page_has_no_docs_frame_and_no_link_to_the_developer_docs(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    for docs_frame in (".md-header", ".md-nav", ".md-search", ".md-sidebar", ".md-logo"):
        expect(page.locator(docs_frame)).to_have_count(0)
    expect(page.locator(".kf-top")).to_be_visible()
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    assert hrefs
    for doc in DOCS:
        assert not [h for h in hrefs if h.startswith(f"{site_server}{doc}/")], doc
    footer: list[str] = page.eval_on_selector_all(".kf-foot a", "els => els.map(a => a.href)")
    assert f"{site_server}about/" in footer, "the site's own pages stay one link away"


def test_the_showcase_publishes_no_developer_docs(built_site: Path) -> None:
    assert DOCS, "docs/ holds the format's documentation for repository readers"
    for doc in DOCS:
        assert not (built_site / doc).exists(), f"docs/{doc}.md is published"
    assert (built_site / "about" / "index.html").is_file()


# --- The pitch's enquiry and the brief builder --------------------------------------------


def pitch_of(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "pitches" / f"{name}.yml").read_text("utf-8"))
    return data


@pytest.mark.parametrize("name", PITCHES)
def test_start_an_enquiry_on_a_pitch_fills_in_the_brief(
    page: Page, site_server: str, name: str, assert_clean: Callable[..., None]
) -> None:
    pitch = pitch_of(name)
    page.goto(f"{site_server}for/{name}/")
    page.locator(".kf-pitch a.kf-cta").click()
    page.wait_for_url(f"{site_server}{pitch['kit']}/work-with-me/**")
    form = page.locator("form[data-kf-brief]")
    expect(form.locator("#kf-brand")).to_have_value(pitch["brand"])
    proposed = [*pitch.get("items", []), *pitch.get("packages", [])]
    assert proposed
    checked: list[str] = form.locator("input[name=deliverables]:checked").evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert sorted(checked) == sorted(proposed)
    expect(page.locator("#kf-enquire")).to_be_in_viewport()
    assert_clean(page)


def test_the_brief_builder_leaves_an_address_without_a_brief_alone(
    page: Page, site_server: str
) -> None:
    page.goto(f"{site_server}{KIT_SLUGS[0]}/work-with-me/?brand=")
    expect(page.locator("#kf-brand")).to_have_value("")
    expect(page.locator("input[name=deliverables]:checked")).to_have_count(0)


def work_page_with_a_form() -> str:
    for slug in KIT_SLUGS:
        kit = yaml.safe_load((ROOT / "kits" / f"{slug}.yml").read_text("utf-8"))
        contact = kit["contact"]
        if contact.get("email") or (contact.get("manager") or {}).get("email"):
            return slug
    raise AssertionError("no showcase kit with an enquiry address")


def test_the_brief_refuses_a_go_live_date_before_the_start(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}{work_page_with_a_form()}/work-with-me/")
    form = page.locator("form[data-kf-brief]")
    form.locator("#kf-brand").fill("Acme")
    form.locator("#kf-start").fill("2027-05-10")
    form.locator("#kf-end").fill("2027-05-01")
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if r.url.startswith("mailto:") else None)
    form.get_by_role("button", name="Compose the email").click()

    message = page.locator("#kf-dates-error")
    expect(message).to_be_visible()
    expect(message).to_have_text("The go-live date can't be before the start date.")
    end = form.locator("#kf-end")
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(end).to_have_accessible_description("The go-live date can't be before the start date.")
    assert end.evaluate("el => el.validationMessage") == message.inner_text().strip()
    assert end.evaluate("el => el === document.activeElement"), "focus goes to the refused date"
    expect(page.locator("[data-kf-result]")).to_be_hidden()
    assert sent == []

    form.locator("#kf-end").fill("2027-05-20")
    form.locator("#kf-end").dispatch_event("change")
    expect(message).to_be_hidden()
    expect(end).not_to_have_attribute("aria-invalid", "true")
    with page.expect_request(lambda r: r.url.startswith("mailto:")):
        form.get_by_role("button", name="Compose the email").click()
