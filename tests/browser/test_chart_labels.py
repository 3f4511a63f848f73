"""Chart labels stay readable at every width (issue 12): in each chart of a media kit, no label
runs into another label, its value or a bar, and all of them stay inside the chart, at 320, 390
and 1366 px, in the showcase and in a kit whose audience labels are very long (unbroken words,
Japanese, Arabic), left to right and right to left. A label too long for two lines is cut with an
ellipsis on screen and stays whole in the chart's table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from conftest import MINIMAL_KIT, build_site, write_site

from .showcase import PAGES, PageType

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 1366]
KITS = [p for p in PAGES if p.kind == "kit"]
LONG_WORD = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
LONG_LABELS = {
    "age": {"Eighteen to twenty-four years old, counted twice": 40, LONG_WORD: 35, "65+": 25},
    "gender": {"women and girls who follow every single post": 61, "men": 38, "other": 1},
    "cities": {
        f"{LONG_WORD} upon the very long river with a name longer still": 18,
        "東京都千代田区丸の内一丁目の駅前広場の向かい側": 9,
        "الرياض، المملكة العربية السعودية، حي الملز الشمالي": 7,
        "Leeds": 60,
    },
}
LONG_KIT = (
    MINIMAL_KIT
    + "  - {network: tiktok, handle: an_extremely_long_handle_for_a_platform_card, "
    + "followers: 31000}\n"
    + "audience:\n"
    + "".join(
        f"  {key}:\n" + "".join(f'    "{label}": {share}\n' for label, share in shares.items())
        for key, shares in LONG_LABELS.items()
    )
    + "  countries: {AE: 40, GB: 30, US: 20, CD: 10}\n"
)
"""A kit with audience labels longer than any column, and the longest country names."""

OVERLAPS = """figures => {
  const box = el => el.getBoundingClientRect();
  const meets = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const drawn = el => !el.closest('.kf-sr') && box(el).width > 0 && box(el).height > 0;
  const words = el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
  const problems = [];
  for (const figure of figures) {
    const frame = box(figure);
    const texts = [...figure.querySelectorAll('*')].filter(el => drawn(el) && words(el));
    const bars = [...figure.querySelectorAll('rect, .kf-chart__track')].filter(drawn);
    const name = el => `${figure.id} "${el.textContent.trim().slice(0, 40)}"`;
    texts.forEach((text, i) => {
      const a = box(text);
      if (a.left < frame.left - 0.5 || a.right > frame.right + 0.5)
        problems.push(`${name(text)} leaves the chart`);
      if (text.scrollWidth > text.clientWidth + 1)
        problems.push(`${name(text)} is cut off sideways`);
      texts.slice(i + 1).filter(other => meets(a, box(other)))
        .forEach(other => problems.push(`${name(text)} overlaps ${name(other)}`));
      bars.filter(bar => meets(a, box(bar)))
        .forEach(() => problems.push(`${name(text)} overlaps a bar`));
    });
    if (!texts.length) problems.push(`${figure.id} shows no text`);
  }
  return problems;
}"""


def overlaps(page: Page) -> list[str]:
    """Every bar chart's texts that run into each other, a bar, or out of the chart."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    figures = page.locator("figure.kf-chart:not(:has(polyline))")
    assert figures.count() >= 3, "the kit draws its audience's charts"
    problems: list[str] = figures.evaluate_all(OVERLAPS)
    return problems


def by_id(pages: list[PageType]) -> Any:
    return pytest.mark.parametrize("page_type", pages, ids=[p.id for p in pages])


@by_id(KITS)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_chart_label_overlaps_in_the_showcase(
    page: Page, site_server: str, page_type: PageType, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_server + page_type.path)
    assert overlaps(page) == []


@pytest.fixture(scope="module", params=["en", "ar"])
def long_label_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    serve: Callable[..., str],
) -> str:
    root = tmp_path_factory.mktemp(f"long-labels-{request.param}")
    theme = {"name": "material", "font": False, "language": request.param}
    site = build_site(write_site(root, {"ava": LONG_KIT}, theme=theme))
    return serve(site) + "ava/"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_long_chart_label_overlaps(page: Page, long_label_server: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(long_label_server)
    assert overlaps(page) == []


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 700}], ids=["small-phone"])
def test_a_label_too_long_for_two_lines_is_cut_on_screen_and_whole_in_the_table(
    page: Page, long_label_server: str
) -> None:
    page.goto(long_label_server)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    label = next(iter(LONG_LABELS["cities"]))
    chart = page.locator("#kf-chart-cities")
    row = chart.locator(".kf-chart__row", has_text=LONG_WORD[:20])
    shown = row.locator(".kf-chart__label")
    lines = shown.evaluate("el => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)")
    assert lines == pytest.approx(2, abs=0.1), "a long label takes two lines, no more"
    assert shown.evaluate("el => el.scrollHeight > el.clientHeight"), "the rest is cut"
    assert chart.locator("table th[scope=row]", has_text=label).count() == 1
    assert label in (row.get_attribute("title") or ""), "and whole in the row's tooltip"
