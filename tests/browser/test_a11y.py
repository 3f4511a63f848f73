"""axe-core (default rules, every impact, colour contrast included) finds nothing on any page
type, in the light and in the dark colour scheme.

The showcase's palette follows ``prefers-color-scheme``: the dark context must really get
material's ``slate`` scheme, or the dark run would check the light page twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import material
import pytest
from playwright.sync_api import Page

from .showcase import PAGES, ROOT, PageType, page_types

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
MATERIAL = Path(material.__file__).parent / "templates"


@page_types
@pytest.mark.parametrize("color_scheme", list(SCHEMES))
def test_page_has_no_axe_violations(
    page: Page,
    site_server: str,
    page_type: PageType,
    color_scheme: str,
    assert_clean: Callable[..., None],
    assert_accessible: Callable[..., None],
) -> None:
    response = page.goto(site_server + page_type.path)
    assert response is not None and response.status == page_type.status
    assert_clean(page, settle=False)  # test_pages waits for the network to settle
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert scheme == SCHEMES[color_scheme], f"{color_scheme} context got scheme {scheme!r}"
    assert_accessible(page)


def test_colour_contrast_is_checked_on_our_pages(
    page: Page, site_server: str, axe: Callable[..., list[dict[str, Any]]]
) -> None:
    """The rule really runs on a kit page: a planted faint paragraph is reported."""
    page.goto(site_server + next(p for p in PAGES if p.kind == "kit").path)
    page.evaluate(
        """() => {
            const p = document.createElement("p");
            p.id = "kf-planted";
            p.textContent = "Faint text";
            p.style.color = "#ccc";
            document.querySelector(".kf-page").append(p);
        }"""
    )
    found = {v["id"]: v for v in axe(page)}
    assert "color-contrast" in found
    assert [n["target"] for n in found["color-contrast"]["nodes"]] == [["#kf-planted"]]


# --- material.css: the corrected palette, checked by arithmetic -----------------------------

MATERIAL_CSS = ROOT / "theme" / "assets" / "kitfolio" / "material.css"
WHITE, CODE_LIGHT = "#ffffff", "#f5f5f5"  # page and code background, light scheme
SLATE, CODE_SLATE = "#1e2129", "#272a35"  # the same in slate: hsl(225deg 15% 14% / 18%)


def luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_arithmetic_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#009485", WHITE) == pytest.approx(3.77, abs=0.01)  # material's teal


def palette_rules() -> list[tuple[str, str, str]]:
    """(selector, custom property, colour) of every declaration in material.css."""
    css = re.sub(r"/\*.*?\*/", "", MATERIAL_CSS.read_text(encoding="utf-8"), flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        for prop, value in re.findall(r"(--md-[a-z-]+):\s*(#[0-9a-f]{6})\s*;", body):
            found.append((" ".join(selector.split()), prop, value))
    return found


def test_material_css_colours_meet_aa_where_they_are_used() -> None:
    palette_css = next((MATERIAL / "assets" / "stylesheets").glob("palette.*.min.css"))
    material_palette = palette_css.read_text(encoding="utf-8")
    rules = palette_rules()
    assert len(rules) >= 20
    failures = []
    for selector, prop, colour in rules:
        names = re.findall(r'data-md-color-primary="([a-z-]+)"', selector)
        assert names, selector
        for name in names:
            assert f"[data-md-color-primary={name}]" in material_palette, f"no palette {name}"
        slate = 'scheme="slate"]' in selector and ":not(" not in selector
        if prop == "--md-primary-fg-color":
            # White header text on it; in the light scheme also the link colour.
            backgrounds = [(WHITE, "white text / white page"), (CODE_LIGHT, "code background")]
        elif prop == "--md-typeset-a-color" and not slate:
            backgrounds = [(WHITE, "page"), (CODE_LIGHT, "code background")]
        elif prop == "--md-typeset-a-color":
            backgrounds = [(SLATE, "slate page"), (CODE_SLATE, "slate code background")]
        else:
            raise AssertionError(f"unexpected {prop} in {selector}")
        for background, what in backgrounds:
            ratio = contrast(colour, background)
            if ratio < 4.5:
                failures.append(f"{selector} {prop}: {colour} on {what} is {ratio:.2f}:1")
    assert failures == []
