"""The roster page as built, without JavaScript: the agency, a card per creator, the filters."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image, PngImagePlugin

from browser.roster_data import creator, write_roster
from conftest import build_error, build_site

MKDOCS = """\
site_name: LoadedKits test
site_url: https://example.org/
theme: {{name: material, font: false}}
plugins:
  - search
  - kitfolio:
      agency:
{agency}
      pdf: false
"""

AGENCY = """\
        name: Northstar Talent
        logo: media/logo.png
        text: "We represent **independent** creators. <script>alert(1)</script>"
        email: hello@example.org
        url: https://northstar.example.org/"""

KIT = """\
name: {name}
tagline: Slow fashion on a budget
location: {location}
languages: [en]
niche: {{primary: {niche}, tags: [thrifting, vintage, denim, repair, extra]}}
contact: {{email: hi@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: x, followers: 48200, avg_likes: 1900, avg_comments: 140}}
  - {{network: youtube, name: Channel, followers: 5100, engagement_rate: 6.5}}
audience: {{countries: {{GB: 60, IE: 10}}}}
values: [cruelty-free, sustainability]
availability: {{booked_until: {booked}}}
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Reel, price: 4517}}
    - {{deliverable: Video, price: {{min: 3911, max: 5000}}}}
"""


def write(root: Path, agency: str = AGENCY) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "media").mkdir(exist_ok=True)
    image = io.BytesIO()
    Image.new("RGB", (240, 80), "teal").save(image, "PNG")
    (root / "media" / "logo.png").write_bytes(image.getvalue())
    (root / "mkdocs.yml").write_text(MKDOCS.format(agency=agency), encoding="utf-8")
    kits = {
        "zoe-public": ("Zoe Public", "public", "Leeds", "Fashion", "2001-01-01"),
        "ada-private": ("Ada Private", "private", "Bergen", "Outdoor", "2099-06-30"),
        "mo-from": ("Mo From", "from", "Oslo", "Food", "2001-01-01"),
    }
    for slug, (name, visibility, location, niche, booked) in kits.items():
        text = KIT.format(
            name=name, visibility=visibility, location=location, niche=niche, booked=booked
        )
        (root / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BeautifulSoup]:
    site = build_site(write(tmp_path_factory.mktemp("roster")))
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return site, page


def card(page: BeautifulSoup, slug: str) -> Tag:
    found = page.select_one(f'[data-kit="{slug}"]')
    assert found is not None
    return found


def test_the_agency_heads_the_roster(home: tuple[Path, BeautifulSoup]) -> None:
    site, page = home
    head = page.select_one(".kf-roster-head")
    assert head is not None and head.h1 is not None
    assert head.h1.get_text(strip=True) == "Northstar Talent"
    logo = head.select_one("img.kf-agency__logo")
    assert logo is not None and (logo["width"], logo["height"]) == ("240", "80")
    assert (site / str(logo["src"])).is_file()
    text = head.select_one(".kf-lede")
    assert text is not None and text.strong is not None and text.strong.get_text() == "independent"
    assert text.find("script") is None
    links = [a["href"] for a in head.select("a[href]")]
    assert links == ["mailto:hello@example.org", "https://northstar.example.org/"]


def test_without_javascript_every_creator_is_a_card_sorted_by_name(
    home: tuple[Path, BeautifulSoup],
) -> None:
    _, page = home
    cards = page.select("[data-kf-cards] > [data-kit]")
    assert [c["data-kit"] for c in cards] == ["ada-private", "mo-from", "zoe-public"]
    assert [c.select_one("a")["href"] for c in cards] == ["ada-private/", "mo-from/", "zoe-public/"]  # type: ignore[index]
    form = page.select_one("[data-kf-filters]")
    assert form is not None and "kf-js-only" in form["class"], "the filters need JavaScript"


def test_a_card_says_what_a_brand_scans_for(home: tuple[Path, BeautifulSoup]) -> None:
    _, page = home
    text = card(page, "zoe-public").get_text(" ", strip=True)
    for expected in (
        "Zoe Public",
        "Fashion",
        "Leeds",
        "Instagram: 48.2K",
        "YouTube: 5.1K",
        "Micro (10K–100K)",
        # (2,040 interactions + 6.5% of 5,100) / 53,300 followers, not YouTube's 6.5%
        "4.4% engagement, weighted by followers",
        "from £3,911",
        "thrifting",
        "cruelty-free",
        "sustainability",
    ):
        assert expected in text, expected
    assert "extra" not in text, "four topics at most"
    assert "Booked" not in text, "a booking in the past is not shown"
    assert "Booked until June 30, 2099" in card(page, "ada-private").get_text(" ", strip=True)
    assert "from £3,911" in card(page, "mo-from").get_text(" ", strip=True)
    icons = card(page, "zoe-public").select("use")
    assert [u["href"] for u in icons] == ["#kf-net-instagram", "#kf-net-youtube"]
    assert page.select_one("symbol#kf-net-instagram") is not None, "each icon is drawn once"


def test_a_hidden_price_leaves_the_card_without_one(home: tuple[Path, BeautifulSoup]) -> None:
    _, page = home
    text = card(page, "ada-private").get_text(" ", strip=True)
    assert "£" not in text and "3,911" not in text and "4,517" not in text


def test_the_filters_offer_what_the_roster_has(home: tuple[Path, BeautifulSoup]) -> None:
    _, page = home

    def options(name: str) -> list[str]:
        return [str(o["value"]) for o in page.select(f"[name={name}] option") if o["value"]]

    assert options("platform") == ["instagram", "youtube"]
    assert options("tier") == ["micro"]
    assert options("country") == ["IE", "GB"]  # by name: Ireland, United Kingdom
    assert options("language") == ["en"]
    values = [str(i["value"]) for i in page.select("input[name=values]")]
    assert values == ["cruelty-free", "sustainability"]
    assert [str(o["value"]) for o in page.select("[name=currency] option")] == ["GBP"]


def test_the_roster_fetches_the_feed_from_its_own_site(home: tuple[Path, BeautifulSoup]) -> None:
    site, page = home
    roster = page.select_one("[data-kf-roster]")
    assert roster is not None and roster["data-feed"] == "kits-index.json"
    assert (site / "kits.json").is_file(), "the published feed stays"
    modules = [s["src"] for s in page.select("script[type=module][src]")]
    assert modules == ["assets/kitfolio/roster/main.js"]
    assert (site / "assets" / "kitfolio" / "roster" / "main.js").is_file()


def test_the_logo_is_drawn_like_a_photo_never_published_as_given(tmp_path: Path) -> None:
    """A PNG named logo.html with a script in a text chunk must not become a page."""
    root = write(tmp_path, AGENCY.replace("media/logo.png", "media/logo.html"))
    chunk = PngImagePlugin.PngInfo()
    chunk.add_text("Comment", "<script>alert(1)</script>")
    Image.new("RGBA", (240, 80), (0, 128, 128, 200)).save(
        root / "media" / "logo.html", "PNG", pnginfo=chunk
    )
    site = build_site(root)
    published = sorted(p.name for p in (site / "assets" / "kitfolio").glob("agency-logo*"))
    assert published, "the logo is published"
    assert all(name.endswith((".webp", ".png")) for name in published), published
    assert not list(site.rglob("*logo*.html"))
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    logo = page.select_one("img.kf-agency__logo")
    assert logo is not None and (logo["width"], logo["height"]) == ("240", "80")
    assert str(logo["src"]).endswith(".png"), "a transparent logo falls back to PNG"
    for name in published:
        data = (site / "assets" / "kitfolio" / name).read_bytes()
        assert b"<script>" not in data and b"tEXt" not in data
        with Image.open(site / "assets" / "kitfolio" / name) as image:
            image.load()
            assert "Comment" not in image.info
            assert not getattr(image, "text", {})
    feed = (site / "kits.json").read_text(encoding="utf-8")
    assert f"https://example.org/{logo['src']}" in feed


def test_a_logo_outside_the_project_is_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write(tmp_path / "project", AGENCY.replace("media/logo.png", "../outside.png"))
    Image.new("RGB", (240, 80), "teal").save(tmp_path / "outside.png")
    error = build_error(root)
    assert "nothing was built" in str(error)
    assert (
        "mkdocs.yml:9:15: plugins[1].kitfolio.agency.logo: expected an image inside the "
        "project, got '../outside.png'"
    ) in caplog.text


@pytest.mark.parametrize(
    ("agency", "expected"),
    [
        (
            AGENCY.replace("hello@example.org", "hello"),
            "mkdocs.yml:11:16: plugins[1].kitfolio.agency.email: expected an email address",
        ),
        (
            AGENCY.replace("        url:", "        ulr:"),
            "mkdocs.yml:12:9: plugins[1].kitfolio.agency.ulr: unknown field 'ulr' "
            "(did you mean 'url'?)",
        ),
        (
            AGENCY.replace("        name: Northstar Talent\n", ""),
            "mkdocs.yml:7:7: plugins[1].kitfolio.agency.name: expected a value: "
            "this field is required",
        ),
        (
            AGENCY.replace("media/logo.png", "media/missing.png"),
            "mkdocs.yml:9:15: plugins[1].kitfolio.agency.logo: media/missing.png: "
            "expected an image",
        ),
    ],
)
def test_a_wrong_agency_option_is_located_in_mkdocs_yml(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, agency: str, expected: str
) -> None:
    error = build_error(write(tmp_path, agency))
    assert "nothing was built" in str(error)
    assert expected in caplog.text


def test_a_large_roster_can_build_without_social_cards(tmp_path: Path) -> None:
    root = write(tmp_path)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace("  - kitfolio:\n", "  - kitfolio:\n      social_cards: false\n"),
        encoding="utf-8",
    )
    site = build_site(root)
    assert not list(site.rglob("card.*.png")) and not list(site.rglob("card.*.jpg"))
    page = BeautifulSoup(
        (site / "zoe-public" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.find("meta", attrs={"property": "og:image"}) is None
    assert page.find("meta", attrs={"property": "og:title"}) is not None


def test_social_cards_are_drawn_by_default(home: tuple[Path, BeautifulSoup]) -> None:
    site, _ = home
    assert len([*site.rglob("card.*.png"), *site.rglob("card.*.jpg")]) == 6  # kit + work page each


RATES = """
      exchange_rates:
        date: 2026-11-28
        base: EUR
        rates: {GBP: 0.86, USD: 1.05}"""


def test_exchange_rates_let_a_budget_be_given_in_any_currency_they_name(tmp_path: Path) -> None:
    site = build_site(write(tmp_path, AGENCY + RATES))
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    for name in ("currency", "fit_currency"):
        menu = page.select(f"select[name={name}] option")
        assert [o.get_text() for o in menu] == ["GBP", "EUR", "USD"]
    note = page.select_one("#kf-budget-note")
    assert note is not None
    assert note.get_text() == "Prices in other currencies are converted at rates of Nov 28, 2026."
    feed = json.loads((site / "kits.json").read_text(encoding="utf-8"))
    assert feed["exchange_rates"] == {
        "date": "2026-11-28",
        "base": "EUR",
        "rates": {"GBP": 0.86, "USD": 1.05},
    }


def test_without_exchange_rates_the_page_says_budgets_meet_like_currencies_only(
    home: tuple[Path, BeautifulSoup],
) -> None:
    site, page = home
    note = page.select_one("#kf-budget-note")
    assert note is not None
    assert note.get_text() == "Budgets compare only with prices in the same currency."
    assert [o.get_text() for o in page.select("select[name=currency] option")] == ["GBP"]
    assert "exchange_rates" not in json.loads((site / "kits.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        (
            RATES.replace("USD: 1.05", "USD: -1"),
            "mkdocs.yml:16:33: plugins[1].kitfolio.exchange_rates.rates.USD: expected a positive "
            "number of units per one base currency, below 1e+09, got -1",
        ),
        (
            RATES.replace("base: EUR", "base: euro"),
            "mkdocs.yml:15:15: plugins[1].kitfolio.exchange_rates.base:",
        ),
        (
            RATES.replace("        date: 2026-11-28\n", ""),
            "mkdocs.yml:13:7: plugins[1].kitfolio.exchange_rates.date: expected a value",
        ),
    ],
)
def test_a_wrong_exchange_rates_option_is_located_in_mkdocs_yml(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, rates: str, expected: str
) -> None:
    error = build_error(write(tmp_path, AGENCY + rates))
    assert "problem in kits or the exchange_rates option; nothing was built" in str(error)
    assert expected in caplog.text


PAGED = 130


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_roster(tmp_path_factory.mktemp("paged"), PAGED, social_cards=False)
    return build_site(root)


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _follow(path: str, href: str) -> str:
    """The site path a relative link on the page at ``path`` leads to."""
    parts = [p for p in path.split("/") if p]
    for step in href.split("/"):
        if step == "..":
            parts.pop()
        elif step and step != ".":
            parts.append(step)
    return "/".join(parts)


def test_without_javascript_the_pages_of_the_roster_reach_every_creator(paged: Path) -> None:
    expected = [
        c.slug
        for c in sorted(
            (creator(i) for i in range(PAGED)), key=lambda c: (c.name.casefold(), c.slug)
        )
    ]
    seen: list[str] = []
    path, previous, pages = "", None, 0
    while True:
        page = _page(paged, path)
        pages += 1
        slugs = [str(c["data-kit"]) for c in page.select("[data-kf-cards] > [data-kit]")]
        assert 0 < len(slugs) <= 60, "a page a person can read"
        seen += slugs
        for slug in slugs:
            link = page.select_one(f"[data-kit={slug}] a.kf-card__link")
            assert link is not None
            assert (paged / _follow(path, str(link["href"])) / "index.html").is_file()
        back = page.select_one("head link[rel=prev]")
        if previous is None:
            assert back is None
        else:
            assert back is not None and _follow(path, str(back["href"])) == previous
            assert page.select_one(".kf-pager a[rel=prev]") is not None
        ahead = page.select_one("head link[rel=next]")
        if ahead is None:
            assert page.select_one(".kf-pager a[rel=next]") is None
            break
        pager = page.select_one(".kf-pager a[rel=next]")
        assert pager is not None and pager["href"] == ahead["href"], "a person follows it too"
        previous, path = path, _follow(path, str(ahead["href"]))
    assert seen == expected, "every creator once, in the roster's order"
    assert pages == 3
    assert path == "page/3"


def test_the_following_pages_list_without_the_roster_script(paged: Path) -> None:
    second = _page(paged, "page/2")
    assert second.select_one("[data-kf-roster]") is None
    assert not second.select("script[type=module]")
    assert second.select_one("[data-kf-filters]") is None
    count = second.select_one("[data-kf-count]")
    assert count is not None and count.get_text() == f"Creators 61–120 of {PAGED}"
    drawn = {str(symbol["id"]) for symbol in second.select("svg.kf-sprite symbol")}
    used = {str(u["href"]).lstrip("#") for u in second.select("[data-kf-cards] use")}
    assert used and used <= drawn, "every platform icon on the page is drawn"
    current = second.select_one(".kf-pager [aria-current=page]")
    assert current is not None and current.get_text() == "2"
    title = second.select_one("title")
    assert title is not None and "page 2 of 3" in title.get_text()
    sitemap = (paged / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/roster/page/2/" in sitemap


def test_the_compact_index_holds_what_the_filters_read_and_nothing_hidden(paged: Path) -> None:
    index = json.loads((paged / "kits-index.json").read_text(encoding="utf-8"))
    feed = json.loads((paged / "kits.json").read_text(encoding="utf-8"))
    assert index["feed"] == "kitfolio-roster-index"
    assert [k["slug"] for k in index["kits"]] == [k["slug"] for k in feed["kits"]]
    for small, card in zip(index["kits"], feed["kits"], strict=True):
        assert "contact" not in small and "avatar" not in small
        for key in ("name", "path", "niche", "total_followers", "tier"):
            assert small[key] == card[key]
        rates = card.get("rates")
        if rates is None or not rates.get("items"):
            assert "lowest" not in small.get("rates", {})
        else:
            assert small["rates"].get("lowest") == rates.get("lowest")
            assert [i.get("min") for i in small["rates"]["items"]] == [
                i.get("min") for i in rates["items"]
            ]
    assert len((paged / "kits-index.json").read_bytes()) < 0.7 * len(
        (paged / "kits.json").read_bytes()
    )
