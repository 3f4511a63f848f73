"""Keyboard: on every page type, Tab reaches every focusable visible element, focus never lands
on something hidden, and every element shows that it has focus (its outline or box-shadow, or
that of the label that stands in for a visually hidden control, differs from the unfocused
state)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .showcase import PageType, page_types

pytestmark = pytest.mark.browser

# Marks the focusable, rendered elements in document order (one stop per radio group, as
# browsers do) and records how each looks without focus. Exposed as window.__kfFocus.
PREPARE = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea,'
    + ' summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])';
  const rendered = el => el.checkVisibility({visibilityProperty: true});
  const candidates = [...document.querySelectorAll(selector)].filter(el =>
    !el.matches(':disabled') && el.tabIndex >= 0 && !el.closest('[inert]') && rendered(el));
  const list = candidates.filter(el => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = candidates.filter(o =>
      o.type === 'radio' && o.name === el.name && o.form === el.form);
    return el === (group.find(o => o.checked) || group[0]);
  });

  // Focus shows on the element, or, for a control drawn at zero size or transparent
  // (material's palette radios), on the label next to it or labelling it. Which of these is
  // shown is decided when the element has focus (material's search opens on focus).
  const hidden = el => {
    const box = el.getBoundingClientRect();
    return box.width * box.height === 0 || getComputedStyle(el).opacity === '0';
  };
  const indicators = el => {
    const labels = [...(el.labels || [])];
    const next = el.nextElementSibling;
    if (next && next.tagName === 'LABEL' && !labels.includes(next)) labels.push(next);
    return [el, ...labels];
  };
  const look = el => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
    return {outline, shadow: s.boxShadow};
  };
  const describe = el => {
    if (!el || el === document.body) return 'body';
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim())
      text += '.' + el.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.');
    const href = el.getAttribute('href');
    if (href) text += `[href="${href.slice(0, 50)}"]`;
    const name = (el.getAttribute('aria-label') || el.textContent || '')
      .trim().replace(/\\s+/g, ' ');
    if (name) text += ` "${name.slice(0, 40)}"`;
    return text;
  };
  const state = {
    list,
    describe,
    before: list.map(el => indicators(el).map(look)),
    now() {
      const el = document.activeElement;
      const index = list.indexOf(el);
      const focused = index < 0 ? [] : indicators(el).map(i =>
        ({...look(i), shown: rendered(i) && !hidden(i)}));
      return {index, what: describe(el), body: !el || el === document.body, focused};
    },
  };
  window.__kfFocus = state;
  return list.map(describe);
}"""


def walk(page: Page, expected: int) -> list[dict[str, Any]]:
    """Press Tab until focus comes back to the first element it reached."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops: list[dict[str, Any]] = []
    first: str | None = None
    for _ in range(3 * expected + 20):  # date inputs take one Tab per field
        page.keyboard.press("Tab")
        now: dict[str, Any] = page.evaluate("() => window.__kfFocus.now()")
        if now["body"]:
            continue
        key = f"{now['index']}:{now['what']}"
        if key == first:
            return stops
        first = first or key
        stops.append(now)
    pytest.fail(f"focus did not come back to the first element after {len(stops)} Tabs")


def shows_focus(before: dict[str, Any], after: dict[str, Any]) -> bool:
    outline = after["outline"] != "none" and after["outline"] != before["outline"]
    shadow = after["shadow"] not in ("none", before["shadow"])
    return outline or shadow


@page_types
def test_tab_reaches_every_focusable_element_and_shows_focus(
    page: Page, site_server: str, page_type: PageType
) -> None:
    page.goto(site_server + page_type.path)
    page.wait_for_load_state("networkidle")
    # Read focus styles as they end, not halfway through material's fades.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    expected: list[str] = page.evaluate(PREPARE)
    # The site's pages keep material's header; a creator's pages (reports and the 404 too) carry the
    # creator's own, with the light/dark switch and no search.
    creators = page_type.kind in ("kit", "work", "pitch", "report", "protected", "404")
    for header_control in (
        ("a.kf-top__brand", "input#__palette_")
        if creators
        else ("a.md-header__button.md-logo", "input#__palette_", "input.md-search__input")
    ):
        assert any(e.startswith(header_control) for e in expected), f"no {header_control}"
    before: list[list[dict[str, Any]]] = page.evaluate("() => window.__kfFocus.before")

    stops = walk(page, len(expected))
    reached = {s["index"] for s in stops}
    unreachable = [what for i, what in enumerate(expected) if i not in reached]
    strays = sorted({s["what"] for s in stops if s["index"] < 0})
    assert unreachable == [], f"Tab never reaches these on {page.url}"
    assert strays == [], f"focus lands on elements that are not visible on {page.url}"

    invisible = []
    for stop in stops:
        pairs = zip(before[stop["index"]], stop["focused"], strict=True)
        shown = [(b, a) for b, a in pairs if a["shown"]]
        if not any(shows_focus(b, a) for b, a in shown):
            invisible.append(f"{stop['what']}: {shown or 'nothing of it is visible'}")
    assert invisible == [], "focus is not visible on:\n" + "\n".join(sorted(set(invisible)))
