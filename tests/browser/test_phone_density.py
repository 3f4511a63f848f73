"""The denser phone layout of a media kit (issue 12) keeps everything reachable: platform cards sit
two to a row on a 390 px phone and one to a row at 320 px, and the case studies, which scroll
sideways on a phone, stay in a focusable, named row a keyboard can scroll, lie flat on a laptop
and all print. Heights themselves are figures, printed by ``scripts/page-heights``, not asserted.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .showcase import PAGES, PageType

pytestmark = pytest.mark.browser

KITS = [p for p in PAGES if p.kind == "kit" and not p.id.startswith("es:")]
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 700}
LAPTOP = {"width": 1366, "height": 768}


def by_id(pages: list[PageType]) -> Any:
    return pytest.mark.parametrize("page_type", pages, ids=[p.id for p in pages])


def card_boxes(page: Page) -> list[dict[str, float]]:
    boxes = page.locator(".kf-platforms > .kf-platform").evaluate_all(
        "cards => cards.map(c => { const r = c.getBoundingClientRect();"
        " return {top: r.top, left: r.left, right: r.right}; })"
    )
    assert len(boxes) >= 2, "every showcase kit has two platforms or more"
    return boxes


@by_id(KITS)
@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_platform_cards_sit_two_to_a_row_on_a_phone(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    first, second, *_ = boxes = card_boxes(page)
    assert first["top"] == pytest.approx(second["top"], abs=1)
    assert first["left"] != pytest.approx(second["left"], abs=1)
    section = page.locator(".kf-platforms").bounding_box()
    assert section is not None
    for box in boxes:
        assert box["right"] <= section["x"] + section["width"] + 0.5


@by_id(KITS)
@pytest.mark.parametrize("viewport", [SMALL_PHONE], ids=["small-phone"])
def test_platform_cards_take_the_width_on_a_small_phone(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    first, second, *_ = card_boxes(page)
    assert second["top"] > first["top"], "at 320 px the cards are one to a row"


MANY_CASES = [p for p in KITS if p.path.strip("/") in ("ava-green", "noor-haddad")]


@by_id(MANY_CASES)
@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_case_studies_scroll_sideways_by_keyboard_on_a_phone(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    row = page.locator(".kf-cases")
    assert row.get_attribute("tabindex") == "0"
    assert row.get_attribute("role") == "group"
    label = page.locator(f"#{row.get_attribute('aria-labelledby')}")
    assert label.inner_text().strip(), "the row is named by the section's heading"
    assert row.evaluate("r => r.scrollWidth > r.clientWidth"), "the row scrolls inside itself"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page itself does not scroll sideways"
    row.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.kf-cases').scrollLeft !== 0")
    last = page.locator(".kf-cases > .kf-case").last
    last.scroll_into_view_if_needed()
    box, frame = last.bounding_box(), row.bounding_box()
    assert box is not None and frame is not None
    assert box["x"] >= frame["x"] - 1, "the last case study can be scrolled fully into view"
    assert box["x"] + box["width"] <= frame["x"] + frame["width"] + 1


@by_id(MANY_CASES)
@pytest.mark.parametrize("viewport", [LAPTOP], ids=["laptop"])
def test_the_case_studies_lie_flat_on_a_laptop_and_all_print(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    row = page.locator(".kf-cases")
    assert row.evaluate("r => r.scrollWidth <= r.clientWidth"), "no sideways row on a laptop"
    page.emulate_media(media="print")
    inside = row.evaluate(
        "r => [...r.children].every(c => { const a = c.getBoundingClientRect(),"
        " b = r.getBoundingClientRect(); return a.width > 0 && a.left >= b.left - 1"
        " && a.right <= b.right + 1; })"
    )
    assert inside, "on paper every case study lies inside the page, none scrolled away"
