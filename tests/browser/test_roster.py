"""The roster in Chromium: filters, URL state, counts, sorting, compare, shortlist, CSV, brand fit.

A generated roster of 130 creators (three pages of the plain listing, so the script takes
cards from the pages after the first) is built once; what each creator is (roster_data.creator)
is the oracle the page is checked against, computed here from the source data, not the feed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fit_oracle import rank

from .roster_data import Creator, creator, write_roster

pytestmark = pytest.mark.browser

COUNT = 130
FIRST_PAGE = 60
SHOWN = 12  # the cards the script shows at first and adds on each "Show more"
CREATORS = sorted((creator(i) for i in range(COUNT)), key=lambda c: (c.name.casefold(), c.slug))
BY_SLUG = {c.slug: c for c in CREATORS}
CASES = json.loads((Path(__file__).parents[1] / "fit_cases.json").read_text(encoding="utf-8"))[
    "cases"
]


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = write_roster(tmp_path_factory.mktemp("roster"), COUNT)
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    return serve(Path(config.site_dir), "/roster/")


def open_roster(page: Any, base: str, query: str = "") -> None:
    page.goto(base + query)
    page.wait_for_selector("[data-kf-roster][data-kf-ready=true]", state="attached")


def shown(page: Any) -> list[str]:
    """Slugs of every card the page shows, clicking "Show more" until all are there."""
    more = page.locator("[data-kf-more] button")
    while more.is_visible():
        more.click()
    slugs: list[str] = page.eval_on_selector_all(
        "[data-kf-cards] > [data-kit]", "els => els.map(e => e.dataset.kit)"
    )
    return slugs


def query(page: Any) -> dict[str, list[str]]:
    """The page's query once the roster has written it (it does so a moment after a change)."""
    page.wait_for_function("() => !window.kitfolio.roster.pendingURL")
    return parse_qs(page.evaluate("() => location.search.slice(1)"))


def weighted(c: Creator) -> float:
    """The follower-weighted rate: the first platform states ``c.engagement``, the others 1%."""
    rates = [c.engagement] + [1.0] * (len(c.platforms) - 1)
    return round(sum(r * f for r, (_, f) in zip(rates, c.platforms, strict=True)) / c.total, 2)


def tier(c: Creator) -> str:
    top = max(f for _, f in c.platforms)
    return next(
        (
            n
            for n, limit in (
                ("nano", 10_000),
                ("micro", 100_000),
                ("mid", 500_000),
                ("macro", 1_000_000),
            )
            if top < limit
        ),
        "mega",
    )


def lowest(c: Creator) -> int | None:
    return c.price if c.visibility in ("public", "from") else None


def names(slugs: Iterable[str]) -> list[str]:
    return [BY_SLUG[s].name for s in slugs]


def matching(**rules: Callable[[Creator], bool]) -> list[str]:
    return [c.slug for c in CREATORS if all(rule(c) for rule in rules.values())]


def test_a_shared_url_shows_exactly_the_matching_cards(
    page: Any, roster: str, assert_clean: Any
) -> None:
    open_roster(page, roster, "?platform=youtube&country=NO")
    expected = matching(
        platform=lambda c: "youtube" in [n for n, _ in c.platforms],
        country=lambda c: "NO" in c.countries,
    )
    assert expected and len(expected) < COUNT
    assert shown(page) == expected
    assert page.input_value("#kf-f-platform") == "youtube"
    assert page.input_value("#kf-f-country") == "NO"
    assert page.inner_text("[data-kf-count]") == f"{len(expected)} of {COUNT} creators match"
    assert_clean(page)


def test_filters_write_the_url_and_show_the_matches(page: Any, roster: str) -> None:
    open_roster(page, roster)
    assert shown(page) == [c.slug for c in CREATORS]
    rules: dict[str, Callable[[Creator], bool]] = {}

    page.click("[data-kf-toggle=more]")
    page.select_option("#kf-f-tier", "micro")
    rules["tier"] = lambda c: tier(c) == "micro"
    assert query(page)["tier"] == ["micro"]
    assert shown(page) == matching(**rules)

    page.fill("#kf-f-min-er", "2")
    rules["er"] = lambda c: weighted(c) >= 2
    assert query(page)["min_er"] == ["2"]
    assert shown(page) == matching(**rules)

    page.check("input[name=values][value=sustainability]")
    rules["values"] = lambda c: "sustainability" in c.values
    assert query(page)["values"] == ["sustainability"]
    assert shown(page) == matching(**rules)

    page.fill("#kf-f-q", "food")
    rules["q"] = lambda c: "food" in c.niche.lower()
    assert query(page)["q"] == ["food"]
    assert shown(page) == matching(**rules)

    page.fill("#kf-f-q", "")
    del rules["q"]
    page.fill("#kf-f-budget", "2000")
    rules["budget"] = lambda c: c.currency == "GBP" and (lowest(c) or 10**9) <= 2000
    assert query(page)["budget"] == ["2000"]
    assert shown(page) == matching(**rules)
    assert shown(page), "the combination should still match someone"

    page.click("[data-kf-reset]")
    page.wait_for_function("() => !location.search && !window.kitfolio.roster.pendingURL")
    assert shown(page) == [c.slug for c in CREATORS]


def test_a_filter_change_leaves_the_cards_that_stay_as_they_are(page: Any, roster: str) -> None:
    """The cards still shown after a change are the very elements that were, in place (the
    browser neither styles nor lays them out again), and the focus in one stays there."""
    open_roster(page, roster)
    before = page.eval_on_selector_all(
        "[data-kf-cards] > [data-kit]",
        "els => els.map(e => { e.kfWas = true; return e.dataset.kit; })",
    )
    first = CREATORS[0]
    network = first.platforms[0][0]
    expected = matching(platform=lambda c: network in [n for n, _ in c.platforms])[:SHOWN]
    assert expected[0] == first.slug and expected != before
    page.focus(f"[data-kit={first.slug}] [data-kf-star]")
    page.evaluate(
        """(network) => {
          const select = document.querySelector('#kf-f-platform');
          select.value = network;
          select.dispatchEvent(new Event('input', {bubbles: true}));
        }""",
        network,
    )
    after = page.eval_on_selector_all(
        "[data-kf-cards] > [data-kit]", "els => els.map(e => [e.dataset.kit, e.kfWas === true])"
    )
    assert [slug for slug, _ in after] == expected
    assert [was for _, was in after] == [slug in before for slug in expected]
    focused = page.evaluate("() => document.activeElement.closest('[data-kit]')?.dataset.kit")
    assert focused == first.slug, "the focus stays on the card that stayed"


def test_more_filters_from_the_url(page: Any, roster: str) -> None:
    open_roster(
        page,
        roster,
        "?language=sv&offers=affiliate,gifting&available=now&min_followers=20000&max_followers=900000",
    )
    expected = matching(
        language=lambda c: c.language == "sv",
        offers=lambda c: {"affiliate", "gifting"} <= set(c.offers),
        available=lambda c: c.booked_until is None,
        followers=lambda c: 20000 <= c.total <= 900000,
    )
    assert shown(page) == expected
    assert page.is_checked("input[name=offers][value=gifting]")
    assert page.is_checked("input[name=available]")
    assert page.is_visible("input[name=available]"), "set from the URL, the folded filters open"


def test_each_choice_counts_its_matches_among_the_other_filters(page: Any, roster: str) -> None:
    open_roster(page, roster, "?country=GB")
    in_gb = [c for c in CREATORS if "GB" in c.countries]
    for network in ("instagram", "youtube", "tiktok"):
        label = page.eval_on_selector(
            f"#kf-f-platform option[value={network}]", "o => o.textContent"
        )
        count = sum(1 for c in in_gb if network in [n for n, _ in c.platforms])
        assert label.endswith(f"({count})"), (network, label)
    # The country's own choices count every creator matching the other filters (none).
    no_label = page.eval_on_selector("#kf-f-country option[value=NO]", "o => o.textContent")
    assert no_label.endswith(f"({sum(1 for c in CREATORS if 'NO' in c.countries)})")
    page.click("[data-kf-toggle=more]")
    value = page.locator("input[name=values][value=family]").locator("xpath=..").inner_text()
    assert value.strip().endswith(f"({sum(1 for c in in_gb if 'family' in c.values)})")


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("followers", lambda c: -c.total),
        ("engagement", lambda c: -weighted(c)),
        ("fresh", lambda c: tuple(-int(p) for p in c.stats_as_of.split("-"))),
        (
            "price",
            lambda c: (
                0 if c.currency == "GBP" and lowest(c) else 1 if lowest(c) else 2,
                lowest(c) or 0,
            ),
        ),
    ],
)
def test_sorting(page: Any, roster: str, sort: str, key: Callable[[Creator], Any]) -> None:
    open_roster(page, roster, f"?sort={sort}")
    expected = [c.slug for c in sorted(CREATORS, key=key)]  # stable: ties keep name order
    assert shown(page) == expected


def test_compare_two_to_four_creators_side_by_side(page: Any, roster: str) -> None:
    picks = [CREATORS[0].slug, CREATORS[1].slug, CREATORS[2].slug]
    open_roster(page, roster)
    page.check(f"[data-kit={picks[0]}] [data-kf-pick]")
    assert page.is_disabled("[data-kf-open-compare]"), "one creator is nothing to compare"
    for slug in picks[1:]:
        page.check(f"[data-kit={slug}] [data-kf-pick]")
    assert query(page)["compare"] == [",".join(picks)]
    page.check(f"[data-kit={CREATORS[3].slug}] [data-kf-pick]")
    assert page.is_disabled(f"[data-kit={CREATORS[4].slug}] [data-kf-pick]"), "at most four"
    page.uncheck(f"[data-kit={CREATORS[3].slug}] [data-kf-pick]")
    page.click("[data-kf-open-compare]")
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    assert page.evaluate("() => document.activeElement.id") == "kf-compare-title"
    assert dialog.locator("thead .kf-compare__name").all_inner_texts() == names(picks)
    rows = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts()
        for row in dialog.locator("tbody tr").all()
    }
    for column, slug in enumerate(picks):
        c = BY_SLUG[slug]
        card = page.locator(f"[data-kit={slug}]")
        assert rows["Total followers"][column] == f"{c.total:,}"
        network = card.locator(".kf-card__platforms .kf-sr").first.text_content() or ""
        basis = "weighted by followers" if len(c.platforms) > 1 else f"on {network.rstrip(': ')}"
        assert rows["Engagement"][column] == f"{round(weighted(c), 1):g}% {basis}"
        # Tier, engagement and followers read as the creator's card writes them.
        card_note = card.locator(".kf-card__platforms + .kf-note").inner_text()
        assert card_note.startswith(rows["Tier"][column] + " · ")
        assert rows["Tier"][column].startswith(tier(c).capitalize())  # "Micro (10K–100K)"
        assert f"{rows['Engagement'][column].split()[0]} engagement, {basis}" in card_note
        on_card = card.locator(".kf-card__platforms li").all_text_contents()
        assert rows["Platforms"][column].splitlines() == [
            t.strip().replace(": ", " ") for t in on_card
        ]
        assert [v.strip() for v in rows["Values"][column].split(",")] == list(c.values)
        top = max(c.countries, key=lambda k: c.countries[k])
        assert rows["Top countries"][column].splitlines()[0] == (
            f"{COUNTRY_NAMES[top]} {c.countries[top]}%"
        )
        if lowest(c) is None:
            assert rows["Prices"][column] == "On request"
        else:
            assert f"{c.price:,}" in rows["Prices"][column].splitlines()[0]
    # Terms come from each kit's own kit.json.
    with_terms = [i for i, s in enumerate(picks) if BY_SLUG[s].index % 4 == 0]
    assert with_terms, "the generated roster gives every fourth creator terms"
    assert rows["Payment"][with_terms[0]].startswith("Net ")
    dialog.locator("[data-kf-close]").click()
    assert not page.locator("dialog[open]").count()


COUNTRY_NAMES = {
    "GB": "United Kingdom",
    "US": "United States",
    "NO": "Norway",
    "SE": "Sweden",
    "DE": "Germany",
    "FR": "France",
    "IE": "Ireland",
    "ES": "Spain",
    "NL": "Netherlands",
    "DK": "Denmark",
}


@pytest.mark.parametrize("width", [320, 390])
def test_the_comparison_fits_a_phone_one_creator_per_column(
    page: Any, roster: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    picks = [c.slug for c in CREATORS[:3]]
    open_roster(page, roster, "?compare=" + ",".join(picks))
    page.click("[data-kf-open-compare]")
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    box = dialog.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    scroller = dialog.locator(".kf-compare__scroll")
    scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    label = dialog.locator("tbody th").first.bounding_box()
    assert label is not None and label["x"] >= box["x"], "row names stay in view"
    header = dialog.locator("thead th").nth(1).bounding_box()
    assert header is not None and header["width"] >= 100, "a creator's column is readable"


def test_the_shortlist_lives_in_the_url_and_in_local_storage(page: Any, roster: str) -> None:
    first, second = CREATORS[5].slug, CREATORS[9].slug
    open_roster(page, roster)
    page.click(f"[data-kit={first}] [data-kf-star]")
    page.click(f"[data-kit={second}] [data-kf-star]")
    assert page.get_attribute(f"[data-kit={first}] [data-kf-star]", "aria-pressed") == "true"
    assert query(page)["shortlist"] == [f"{first},{second}"]
    assert page.locator("[data-kf-shortlist] li").all_inner_texts() == names([first, second])
    # Back later without the query: the shortlist comes back from localStorage.
    open_roster(page, roster)
    assert query(page)["shortlist"] == [f"{first},{second}"]
    # The shared link opens on the shortlist alone, in a browser that never saw it.
    link = page.input_value("[data-kf-link]")
    assert parse_qs(urlsplit(link).query) == {
        "shortlist": [f"{first},{second}"],
        "view": ["shortlist"],
    }
    other = page.context.browser.new_context()
    try:
        fresh = other.new_page()
        open_roster(fresh, roster, "?" + urlsplit(link).query)
        assert shown(fresh) == [first, second]  # in name order, as everywhere
        fresh.click("[data-kf-only]")
        assert len(shown(fresh)) == COUNT
    finally:
        other.close()
    page.click(f"[data-kit={first}] [data-kf-star]")
    assert query(page)["shortlist"] == [second]


def test_the_shortlist_downloads_as_csv(page: Any, roster: str) -> None:
    public = next(c for c in CREATORS if c.visibility == "public")
    private = next(c for c in CREATORS if c.visibility == "private")
    open_roster(page, roster, f"?shortlist={public.slug},{private.slug}")
    with page.expect_download() as info:
        page.click("[data-kf-csv]")
    download = info.value
    assert download.suggested_filename == "shortlist.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Name"] for r in rows] == [public.name, private.name]
    pub, priv = rows
    assert pub["Media kit"] == f"https://example.org/roster/{public.slug}/"
    assert pub["Platforms and followers"].split("; ")[0].endswith(f" {public.platforms[0][1]}")
    assert pub["Total followers"] == str(public.total)
    assert float(pub["Engagement rate weighted by followers (%)"]) == weighted(public)
    assert (
        f"Reel: £{public.price:,}" in pub["Visible prices"]
        or f"Reel: €{public.price:,}" in pub["Visible prices"]
    )
    assert priv["Visible prices"] == "On request"
    assert str(private.price) not in text and f"{private.price:,}" not in text
    assert pub["Contact"] == f"{public.slug}@example.org"


def test_brand_fit_ranks_the_roster_with_reasons(page: Any, roster: str) -> None:
    open_roster(page, roster)
    page.click("[data-kf-toggle=fit]")
    page.fill("#kf-b-budget", "1500")
    page.check("input[name=fit_platforms][value=instagram]")
    page.fill("#kf-b-niche", "vegan recipes")
    page.select_option("#kf-b-countries", ["GB", "IE"])
    page.check("input[name=fit_age][value='25-34']")
    page.fill("#kf-b-values", "sustainability, family")
    page.fill("#kf-b-category", "fast fashion")
    page.click(".kf-fit__form button[type=submit]")
    q = query(page)
    assert q["sort"] == ["fit"]
    assert q["fit_niche"] == ["vegan recipes"] and q["fit_countries"] == ["IE,GB"]
    brief = {
        "budget": 1500,
        "currency": "GBP",
        "platforms": ["instagram"],
        "niche": ["vegan recipes"],
        "countries": ["IE", "GB"],
        "age": ["25-34"],
        "values": ["sustainability", "family"],
        "category": "fast fashion",
    }
    cards = json.loads(page.evaluate("() => fetch('kits.json').then(r => r.text())"))["kits"]
    ranked = rank(cards, brief)
    assert shown(page) == [f.slug for f in ranked]
    top = ranked[0]
    card = page.locator(f"[data-kit={top.slug}] .kf-card__fit")
    assert card.locator(".kf-fit__score").inner_text() == f"Fit {top.score}/100"
    assert card.locator("li").all_inner_texts() == top.reasons
    out = [f for f in ranked if f.excluded]
    assert out, "the generated roster has creators who refuse fast fashion"
    assert page.locator(f"[data-kit={out[0].slug}] .kf-fit__excluded").inner_text() == (
        "Excluded: won't promote: Fast fashion brands"
    )
    assert f"{len(out)} excluded by their dealbreakers" in page.inner_text("[data-kf-count]")
    # The ranking is shareable: the same URL ranks the same way.
    query(page)
    open_roster(page, roster, page.evaluate("() => location.search"))
    assert shown(page) == [f.slug for f in ranked]


def test_the_served_fit_module_ranks_the_shared_cases(page: Any, roster: str) -> None:
    # tests/test_fit.py runs the cases against the module's source; this is the minified file
    # the site serves, imported in the page the way main.js imports it.
    open_roster(page, roster)
    got = page.evaluate(
        """async (cases) => {
            const fit = await import(new URL("assets/kitfolio/roster/fit.js", document.baseURI));
            return cases.map((c) => fit.rank(c.cards, c.brief));
        }""",
        CASES,
    )
    assert got == [c["expected"] for c in CASES]


def test_without_javascript_every_creator_is_listed_by_name(browser: Any, roster: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(roster)
        cards = page.locator("[data-kf-cards] > [data-kit]")
        assert cards.evaluate_all("els => els.map(e => e.dataset.kit)") == [
            c.slug for c in CREATORS[:FIRST_PAGE]
        ]
        assert cards.first.is_visible() and cards.last.is_visible()
        assert not page.is_visible("[data-kf-filters]")
        assert page.inner_text("[data-kf-count]") == f"Creators 1–{FIRST_PAGE} of {COUNT}"
        page.click(".kf-pager a[rel=next]")
        page.wait_for_url("**/page/2/")  # the click starts the navigation; read the next page
        assert cards.first.get_attribute("data-kit") == CREATORS[FIRST_PAGE].slug
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_roster_is_accessible_with_its_controls_in_use(
    page: Any, roster: str, assert_accessible: Any, color_scheme: str
) -> None:
    open_roster(page, roster, "?platform=instagram&sort=followers")
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if color_scheme == "dark" else "default")
    first, second = shown(page)[:2]
    page.click(f"[data-kit={first}] [data-kf-star]")
    page.check(f"[data-kit={first}] [data-kf-pick]")
    page.check(f"[data-kit={second}] [data-kf-pick]")
    page.click("[data-kf-toggle=fit]")
    page.fill("#kf-b-values", "sustainability")
    page.fill("#kf-b-category", "gambling")
    page.click(".kf-fit__form button[type=submit]")
    shown(page)  # the excluded come last
    page.locator(".kf-fit__excluded").first.wait_for()
    page.wait_for_function("() => !document.querySelector('.kf-card--waiting')")
    page.mouse.move(0, 0)  # not hovering a card that "Show more" brought under the pointer
    assert_accessible(page)
    page.click("[data-kf-open-compare]")
    page.locator("dialog[open]").wait_for()
    assert_accessible(page)


def test_the_roster_is_valid_html(roster: str, tmp_path: Path, assert_valid_html: Any) -> None:
    import urllib.request

    def fetch(path: str) -> Path:
        target = tmp_path / (path.strip("/").replace("/", "-") or "roster") / "index.html"
        target.parent.mkdir()
        with urllib.request.urlopen(roster + path, timeout=10) as response:  # loopback only
            target.write_bytes(response.read())
        return target

    assert_valid_html([fetch(""), fetch(f"{CREATORS[0].slug}/")])


HOSTILE = Path(__file__).parents[1] / "hostile" / "hostile.yml"


def test_hostile_kits_stay_text_in_everything_the_script_draws(
    browser: Any, tmp_path: Path, serve: Callable[..., str]
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = write_roster(tmp_path, 0)
    text = HOSTILE.read_text(encoding="utf-8")
    for slug in ("hostile", "hostile-two"):
        (root / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    base = serve(Path(config.site_dir), "/roster/")
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_roster(page, base)
        payload_value = page.eval_on_selector("input[name=values]", "i => i.value")
        page.click("[data-kf-toggle=more]")
        page.check("input[name=values]")
        for slug in ("hostile", "hostile-two"):
            page.click(f"[data-kit={slug}] [data-kf-star]")
            page.check(f"[data-kit={slug}] [data-kf-pick]")
        page.click("[data-kf-open-compare]")
        page.locator("dialog[open]").wait_for()
        page.click("[data-kf-close]")
        page.click("[data-kf-toggle=fit]")
        page.fill("#kf-b-values", payload_value)
        page.fill("#kf-b-niche", "script alert")
        page.click(".kf-fit__form button[type=submit]")
        with page.expect_download() as info:
            page.click("[data-kf-csv]")
        csv_text = Path(info.value.path()).read_text(encoding="utf-8-sig")
        page.wait_for_timeout(300)
        assert dialogs == [], "a payload ran"
        injected = page.evaluate(
            """() => ({
                images: document.querySelectorAll('.kf-page img[src="x"]').length,
                // the page's own words for its script are data (JSON), not a script that runs
                scripts: document.querySelectorAll(
                    '.kf-page script:not([data-kf-messages])').length,
                handlers: [...document.querySelectorAll('.kf-page *')]
                    .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            })"""
        )
        assert injected == {"images": 0, "scripts": 0, "handlers": 0}
        shown_text = page.inner_text(".kf-page")
        assert "<script>alert(1)</script>" in shown_text, "the payload is shown as text"
        assert "{{ 7*7 }}" in shown_text and "values: " in shown_text
        rows = list(csv.reader(io.StringIO(csv_text)))
        assert rows[1][0].startswith("N: <script>")
        assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    finally:
        context.close()


RATES = "      exchange_rates: {date: 2026-11-28, base: EUR, rates: {GBP: 0.86, USD: 1.05}}\n"


def test_a_budget_in_euros_meets_prices_in_pounds_converted_at_the_sites_rates(
    page: Any, tmp_path: Path, serve: Callable[..., str]
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    count = 20
    root = write_roster(tmp_path, count)
    mkdocs_yml = root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    agency = next(line for line in text.splitlines(keepends=True) if "agency:" in line)
    mkdocs_yml.write_text(text.replace(agency, agency + RATES), encoding="utf-8")
    config = load_config(str(mkdocs_yml))
    build(config)
    open_roster(page, serve(Path(config.site_dir), "/roster/"))
    creators = sorted((creator(i) for i in range(count)), key=lambda c: (c.name.casefold(), c.slug))
    assert {c.currency for c in creators} == {"GBP", "EUR"}

    assert page.locator("select[name=currency] option").all_inner_texts() == ["GBP", "EUR", "USD"]
    note = page.locator("#kf-budget-note").inner_text()
    assert note == "Prices in other currencies are converted at rates of Nov 28, 2026."

    def in_euros(c: Creator) -> float | None:
        price = lowest(c)
        if price is None:
            return None
        return price / 0.86 if c.currency == "GBP" else float(price)

    pounds = sorted(p for c in creators if c.currency == "GBP" and (p := lowest(c)) is not None)
    # A budget of one pound price in euros: that price is over it once converted, cheaper
    # pound prices are within it.
    budget = next(p for p in pounds if pounds[0] <= p * 0.86)
    page.select_option("select[name=currency]", "EUR")
    page.fill("#kf-f-budget", str(budget))
    expected = [c.slug for c in creators if (in_euros(c) or 10**9) <= budget]
    assert query(page)["currency"] == ["EUR"]
    assert shown(page) == expected
    assert any(BY_SLUG[s].currency == "GBP" for s in expected), "a pound price counts, converted"
    over = next(c for c in creators if c.currency == "GBP" and lowest(c) == budget)
    assert over.slug not in shown(page), f"£{budget} is more than €{budget}"
    assert not any(s in expected for s in (c.slug for c in creators if lowest(c) is None))


VIEWPORTS = [(320, 640), (390, 844), (1366, 900)]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
@pytest.mark.parametrize("site", ["showcase", "generated"])
def test_brands_see_creators_on_the_first_screen(
    page: Any, roster: str, site_server: str, site: str, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_roster(page, site_server if site == "showcase" else roster)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    top = page.locator("[data-kf-cards] > [data-kit]").first.bounding_box()
    assert top is not None and 0 < top["y"] < height, f"the first card starts at {top}"
    for name in ("q", "platform", "country", "budget"):
        assert page.is_visible(f"[data-kf-filters] [name={name}]"), f"{name} is in the bar"
    assert not page.is_visible("#kf-f-tier"), "the other filters are a tap away"


def test_the_compact_bar_works_with_the_keyboard(page: Any, roster: str) -> None:
    open_roster(page, roster)
    page.focus("#kf-f-q")
    page.keyboard.type("food")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "kf-f-platform"
    page.keyboard.press("ArrowDown")
    platform = page.input_value("#kf-f-platform")
    assert platform, "the arrow key chose a platform"
    assert shown(page) == matching(
        q=lambda c: "food" in c.niche.lower(),
        platform=lambda c: platform in [n for n, _ in c.platforms],
    )
    toggle = page.locator("[data-kf-toggle=more]")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "kf-f-tier", "the panel follows"
    page.keyboard.press("ArrowDown")
    assert query(page)["tier"] == [page.input_value("#kf-f-tier")]
    assert toggle.inner_text().endswith("1"), "the button counts the folded filter set"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.is_visible("#kf-f-tier")
    assert page.evaluate("() => document.activeElement.dataset.kfToggle") == "more"
    page.keyboard.press("Space")
    assert page.is_visible("#kf-f-tier")


def test_cards_from_the_later_pages_are_whole_and_link_right(page: Any, roster: str) -> None:
    open_roster(page, roster, "?sort=followers")
    expected = [c.slug for c in sorted(CREATORS, key=lambda c: -c.total)][:24]
    assert any(CREATORS.index(BY_SLUG[s]) >= FIRST_PAGE for s in expected)
    assert shown(page)[:24] == expected
    page.wait_for_function("() => !document.querySelector('.kf-card--waiting')")
    later = next(s for s in expected if CREATORS.index(BY_SLUG[s]) >= FIRST_PAGE)
    card = page.locator(f"[data-kit={later}]")
    assert card.locator(".kf-card__platforms li").count() == len(BY_SLUG[later].platforms)
    card.locator("a.kf-card__link").click()
    page.wait_for_url(f"**/roster/{later}/")


def test_the_script_takes_its_words_from_the_page(page: Any, roster: str) -> None:
    """What the script writes comes from the messages the template rendered, so a catalog
    that translates the template translates the script too."""

    def translated(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        for english, other in (
            ("Show more ({n} more)", "Mehr anzeigen ({n})"),
            ("{n} of {total} creators match", "{n} von {total} passen"),
            ("Compare creators", "Vergleich"),
        ):
            assert json.dumps(english)[1:-1] in body, english
            body = body.replace(json.dumps(english)[1:-1], json.dumps(other)[1:-1])
        route.fulfill(response=response, body=body)

    page.route(roster + "?*", translated)
    open_roster(page, roster, "?platform=youtube")
    matched = len(matching(platform=lambda c: "youtube" in [n for n, _ in c.platforms]))
    assert page.inner_text("[data-kf-count]") == f"{matched} von {COUNT} passen"
    assert page.inner_text("[data-kf-more] button") == f"Mehr anzeigen ({matched - SHOWN})"
    page.check(f"[data-kit={shown(page)[0]}] [data-kf-pick]")
    page.check(f"[data-kit={shown(page)[1]}] [data-kf-pick]")
    page.click("[data-kf-open-compare]")
    assert page.locator("dialog[open] h2").inner_text() == "Vergleich"


def test_what_a_brand_types_before_the_index_arrives_counts(page: Any, roster: str) -> None:
    page.route(
        roster + "kits-index.json", lambda route: (page.wait_for_timeout(500), route.continue_())
    )
    page.goto(roster)
    page.fill("#kf-f-q", "food")
    assert page.get_attribute("[data-kf-roster]", "data-kf-ready") != "true", "typed first"
    page.wait_for_selector("[data-kf-roster][data-kf-ready=true]", state="attached")
    assert shown(page) == matching(q=lambda c: "food" in c.niche.lower())
    assert query(page)["q"] == ["food"]
