"""A right-to-left site in a real browser: the showcase with ``theme.language: ar``.

Every Kitfolio page type is Arabic and mirrored (the page reads from the right, bar charts grow
from the right), and still passes axe-core and the Nu Html Checker; the brief builder writes its
email in Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect

from kitfolio.present.messages import plural_forms, translations

from .showcase import KIT_SLUGS, PROTECTED_REPORTS, REPORTS

pytestmark = pytest.mark.browser

ARABIC = translations("ar")
PAGES = {
    "roster": "",
    "kit": "ava-green/",
    "work": "ava-green/work-with-me/",
    "pitch": "for/greenline-spring/",
    "protected": "for/nordvei-private/",
}


@pytest.fixture(scope="module")
def arabic_site(showcase_in: Callable[[str], Path]) -> Path:
    return showcase_in("ar")


@pytest.fixture(scope="module")
def arabic_server(arabic_site: Path, serve: Callable[..., str]) -> str:
    return serve(arabic_site, "/kitfolio/")


@pytest.mark.parametrize("kind", list(PAGES))
def test_arabic_pages_have_no_axe_violations(
    page: Page,
    arabic_server: str,
    kind: str,
    assert_clean: Callable[..., None],
    assert_accessible: Callable[..., None],
) -> None:
    response = page.goto(arabic_server + PAGES[kind])
    assert response is not None and response.status == 200
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    assert_clean(page)
    assert_accessible(page)


def test_arabic_pages_are_valid_html(
    arabic_site: Path, assert_valid_html: Callable[..., None]
) -> None:
    assert_valid_html([arabic_site / path / "index.html" for path in PAGES.values()])


EVERY_PAGE = [
    *PAGES.values(),
    *(f"{slug}/{page}" for slug in KIT_SLUGS for page in ("", "work-with-me/")),
    *(f"reports/{name}/" for name in REPORTS + PROTECTED_REPORTS),
    "no/such/page/",
]


@pytest.mark.parametrize("width", [320, 390, 1366])
def test_no_arabic_page_scrolls_sideways(page: Page, arabic_server: str, width: int) -> None:
    """Mirrored pages overflow where a physical margin or a page-side indent meets text of its
    own direction (an English bullet in an Arabic list): every page type, every kit."""
    page.set_viewport_size({"width": width, "height": 800})
    wide = {}
    for path in dict.fromkeys(EVERY_PAGE):
        page.goto(arabic_server + path)  # loaded: late images take the width they reserved
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[path] = scroll_width
    assert wide == {}, f"pages wider than {width}px"


def test_the_kit_page_reads_from_the_right(page: Page, arabic_server: str) -> None:
    page.goto(arabic_server + PAGES["kit"])
    avatar = page.locator(".kf-hero__who .kf-avatar").first.bounding_box()
    name = page.locator(".kf-hero__who .kf-name").bounding_box()
    assert avatar is not None and name is not None
    assert avatar["x"] > name["x"], "the portrait comes first, on the right"
    heading = page.locator("#kf-platforms")
    expect(heading).to_have_text(ARABIC.gettext("Platforms"))
    box = heading.bounding_box()
    main = page.locator(".kf-page").bounding_box()
    assert box is not None and main is not None
    assert box["x"] + box["width"] == pytest.approx(main["x"] + main["width"], abs=2)


def test_bars_grow_from_the_right(page: Page, arabic_server: str) -> None:
    page.goto(arabic_server + PAGES["kit"])
    row = page.locator("#kf-chart-age .kf-chart__row").first
    track, fill = (
        row.locator(".kf-chart__track").bounding_box(),
        row.locator(".kf-chart__fill").bounding_box(),
    )
    assert track is not None and fill is not None
    assert fill["width"] < track["width"]
    assert fill["x"] + fill["width"] == pytest.approx(track["x"] + track["width"], abs=1)
    label = row.locator(".kf-chart__label").bounding_box()
    value = row.locator(".kf-chart__value").bounding_box()
    assert label is not None and value is not None
    assert label["x"] + label["width"] == pytest.approx(track["x"] + track["width"], abs=1)
    assert value["x"] + value["width"] <= label["x"], "the label on the right, its value left"
    assert row.locator(".kf-chart__label").evaluate("l => getComputedStyle(l).textAlign") in (
        "start",
        "right",
    )


def test_the_brief_builder_writes_in_arabic(page: Page, arabic_server: str) -> None:
    page.goto(arabic_server + PAGES["work"])
    form = page.locator("form[data-kf-brief]")
    form.get_by_label(ARABIC.gettext("Brand"), exact=True).fill("Fjällräven")
    form.get_by_label(ARABIC.gettext("Goal"), exact=True).select_option(ARABIC.gettext("Launch"))
    with page.expect_request(lambda r: r.url.startswith("mailto:")) as navigation:
        form.get_by_role("button", name=ARABIC.gettext("Compose the email")).click()
    query = navigation.value.url.partition("?")[2]
    fields = dict(pair.split("=", 1) for pair in query.split("&"))
    subject, body = unquote(fields["subject"]), unquote(fields["body"])
    assert subject == ARABIC.gettext("Partnership enquiry from %(brand)s for %(creator)s") % {
        "brand": "Fjällräven",
        "creator": "Ava Green",
    }
    lines = body.split("\r\n")
    assert f"{ARABIC.gettext('Brand')}: Fjällräven" in lines
    assert f"{ARABIC.gettext('Goal')}: {ARABIC.gettext('Launch')}" in lines
    assert not re.search(r"\b(Brand|Goal|Hello|Thank you)\b", body)


def test_the_roster_s_script_writes_arabic(page: Page, arabic_server: str) -> None:
    """Counts, card buttons, the compare tray and dialog: the script's words are the page's,
    with Arabic plural forms and the digits of the page's other figures."""
    page.goto(arabic_server)
    expect(page.locator("[data-kf-roster]")).to_have_attribute("data-kf-ready", "true")
    cards = page.locator("[data-kf-cards] > li")
    count = cards.count()
    assert count == 4  # "few" in Arabic
    few = plural_forms("ar", "{n} creator", "{n} creators")["few"]
    expect(page.locator("[data-kf-count]")).to_have_text(few.replace("{n}", str(count)))
    star = cards.first.locator("[data-kf-star]")
    expect(star).to_contain_text(ARABIC.gettext("Shortlist"))
    name = cards.first.locator(".kf-card__name").inner_text()
    expect(star).to_have_attribute(
        "aria-label", ARABIC.gettext("Add {name} to the shortlist").replace("{name}", name)
    )
    for index in range(2):
        cards.nth(index).locator("[data-kf-pick]").check()
    opener = page.locator("[data-kf-tray] [data-kf-open-compare]")
    expect(opener).to_have_text(ARABIC.gettext("Compare ({n})").replace("{n}", "2"))
    opener.click()
    dialog = page.locator("[data-kf-compare]")
    expect(dialog.locator("h2")).to_have_text(ARABIC.gettext("Compare creators"))
    labels = dialog.locator("tbody th").all_inner_texts()
    assert ARABIC.gettext("Total followers") in labels and "Total followers" not in labels
