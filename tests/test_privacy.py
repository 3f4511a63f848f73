"""Rate visibility: what each setting lets out into the built site, file by file.

A kit with distinctive prices is built once per visibility (public, from, on-request, private)
next to a second kit without rates, so the roster page exists too. Every text file of ``site/``
(HTML, JSON, XML, JS, CSS, maps, the gzipped sitemap) and the text and metadata of every PDF are
then searched for the prices in every form a formatter or serialiser could write them: 7319,
7,319, 7 319, 7.319, 7319.0, ...
"""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest
from bs4 import Tag
from pypdf import PdfReader

from conftest import build_site as run_build
from conftest import read_html, write_project

MKDOCS = """\
site_name: Privacy
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, kitfolio]
"""

SUBJECT = """\
name: Priya Rate
tagline: Ceramics and slow living
location: Bristol, United Kingdom
niche: {{primary: Crafts, tags: [ceramics]}}
contact: {{email: priya@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: priyarate, followers: 24000, avg_likes: 900, avg_comments: 60}}
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Fixed reel, platform: instagram, price: 7319}}
    - {{deliverable: Ranged video, platform: tiktok, price: {{min: 8423, max: 9531}}}}
  packages:
    - {{name: Launch bundle, includes: [1 reel, 1 video], price: 6271}}
    - {{name: Season bundle, includes: [3 reels], price: {{min: 2689, max: 2953}}}}
  addons:
    - {{name: Paid usage, percent: 37}}
    - {{name: Raw footage, price: 5113}}
  long_term: Ask about three-month ambassadorships.
"""

OTHER = """\
name: Zed Other
niche: {primary: Cooking}
contact: {email: zed@example.org}
stats_as_of: 2026-10-01
platforms:
  - {network: tiktok, handle: zedother, followers: 12000}
"""

ITEM, RANGE_MIN, RANGE_MAX, PACKAGE, PACKAGE_MIN, PACKAGE_MAX, ADDON = (
    7319, 8423, 9531, 6271, 2689, 2953, 5113,
)  # fmt: skip
ALL_AMOUNTS = (ITEM, RANGE_MIN, RANGE_MAX, PACKAGE, PACKAGE_MIN, PACKAGE_MAX, ADDON)
PERCENT = 37
VISIBILITIES = ("public", "from", "on-request", "private")

# One optional grouping character: comma, dot, apostrophes, any space (incl. NBSP, NNBSP).
GROUP = "[,.'\u2019\\s\u00a0\u202f]?"


def amount_pattern(amount: int) -> re.Pattern[str]:
    """Every way the amount could be written: raw, grouped, as a float."""
    digits = str(amount)
    head, tail = digits[: len(digits) - 3], digits[len(digits) - 3 :]
    return re.compile(rf"(?<!\d){head}{GROUP}{tail}(?!\d)")


PERCENT_PATTERN = re.compile(rf"(?<![\d.]){PERCENT}(?:[.,]0+)?\s?%")


def write_site(root: Path, kits: dict[str, str]) -> Path:
    return write_project(root, kits, MKDOCS)


def text_files(site: Path) -> dict[str, list[str]]:
    """Every text file of the site, each as the forms a reader could see it in.

    HTML and XML are also read with entities resolved (7&nbsp;319), JSON with its escapes
    resolved (7\\u00a0319); gzipped files are unpacked; a PDF is read as its pages' text and its
    metadata (pypdf). Other binary files (images, fonts) are skipped.
    """
    out: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        name = path.relative_to(site).as_posix()
        if path.suffix == ".gz":
            data, name = gzip.decompress(data), name.removesuffix(".gz")
        if path.suffix == ".pdf":
            out[name] = [pdf_text(path)]
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        forms = [text, html.unescape(text)]
        if name.endswith(".json"):
            forms.append(json.dumps(json.loads(text), ensure_ascii=False))
        out[name] = forms
    return out


def pdf_text(path: Path) -> str:
    """Everything a reader of a PDF can see or copy: each page's text, then its metadata."""
    document = PdfReader(path)
    pages = [page.extract_text() for page in document.pages]
    meta = [str(value) for value in (document.metadata or {}).values()]
    return "\n".join(pages + meta)


def leaks(site: Path, amounts: tuple[int, ...]) -> dict[str, list[str]]:
    """Which files show which of the amounts, in any form."""
    found: dict[str, list[str]] = {}
    for name, forms in text_files(site).items():
        for amount in amounts:
            pattern = amount_pattern(amount)
            hits = {m.group(0) for form in forms for m in pattern.finditer(form)}
            if hits:
                found.setdefault(name, []).extend(sorted(hits))
    return found


def rates_section(site: Path, slug: str = "priya-rate") -> Tag:
    page = read_html(site / slug / "work-with-me" / "index.html")
    section = page.select_one("section[data-visibility]")
    assert section is not None, "the work-with-me page has no rate card"
    return section


def row_text(section: Tag, deliverable: str) -> str:
    """The text of a rate-card row, found by its deliverable."""
    for row in section.find_all("tr"):
        header = row.find("th")
        if header is not None and header.get_text().strip().startswith(deliverable):
            cells = row.find_all("td")
            return " ".join(c.get_text(" ", strip=True) for c in cells)
    raise AssertionError(f"no row for {deliverable!r}")


def package_text(section: Tag, name: str) -> str:
    for heading in section.find_all(["h3", "h4"]):
        if heading.get_text(strip=True) == name and heading.parent is not None:
            return heading.parent.get_text(" ", strip=True)
    raise AssertionError(f"no package {name!r}")


def card_text(site: Path, slug: str = "priya-rate") -> str:
    card = read_html(site / "index.html").select_one(f'[data-kit="{slug}"]')
    assert card is not None, f"no roster card for {slug}"
    return card.get_text(" ", strip=True)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One built site per visibility."""
    built = {}
    for visibility in VISIBILITIES:
        root = write_site(
            tmp_path_factory.mktemp(f"rates-{visibility}"),
            {"priya-rate": SUBJECT.format(visibility=visibility), "zed-other": OTHER},
        )
        built[visibility] = run_build(root)
    return built


def test_the_scan_reads_every_kind_of_output(sites: dict[str, Path]) -> None:
    names = set(text_files(sites["public"]))
    for expected in (
        "index.html",
        "404.html",
        "priya-rate/index.html",
        "priya-rate/work-with-me/index.html",
        "search/search_index.json",
        "sitemap.xml",
        "schema/kit.schema.json",
        "assets/kitfolio/kitfolio.js",
        "assets/kitfolio/kitfolio.css",
        "priya-rate/priya-rate-media-kit.pdf",
    ):
        assert expected in names
    assert any(n.endswith(".js") and n.startswith("assets/javascripts/") for n in names)


def test_the_patterns_find_every_written_form() -> None:
    pattern = amount_pattern(ITEM)
    for form in ("7319", "£7,319", "7 319 kr", "7\u00a0319", "7\u202f319", "7.319 €", "7319.0"):
        assert pattern.search(form), form
    for form in ("17319", "73190", "7,3190"):
        assert not pattern.search(form), form
    assert PERCENT_PATTERN.search("+37% of the base fee")
    assert PERCENT_PATTERN.search("37,0 %")
    assert not PERCENT_PATTERN.search("width: 4.37%")


def test_public_shows_every_price(sites: dict[str, Path]) -> None:
    site = sites["public"]
    section = rates_section(site)
    assert row_text(section, "Fixed reel") == "£7,319"
    assert row_text(section, "Ranged video") == "£8,423–£9,531"
    assert "£6,271" in package_text(section, "Launch bundle")
    assert "£2,689–£2,953" in package_text(section, "Season bundle")
    addons = section.get_text(" ", strip=True)
    assert "£5,113" in addons
    assert PERCENT_PATTERN.search(addons)
    assert "from £2,689" in card_text(site)
    assert set(leaks(site, ALL_AMOUNTS)) >= {
        "priya-rate/work-with-me/index.html",
        "index.html",
        "priya-rate/priya-rate-media-kit.pdf",
    }


def test_public_prices_stay_out_of_search_and_the_media_kit_page(sites: dict[str, Path]) -> None:
    """Prices live on the work-with-me page and the roster card, not in search or the kit page."""
    found = leaks(sites["public"], ALL_AMOUNTS)
    assert "search/search_index.json" not in found
    assert "priya-rate/index.html" not in found


def test_from_shows_the_lowest_price_of_each_item_and_package(sites: dict[str, Path]) -> None:
    site = sites["from"]
    section = rates_section(site)
    assert row_text(section, "Fixed reel") == "from £7,319"
    assert row_text(section, "Ranged video") == "from £8,423"
    assert "from £6,271" in package_text(section, "Launch bundle")
    assert "from £2,689" in package_text(section, "Season bundle")
    assert "from £2,689" in card_text(site)


def test_from_never_shows_the_top_of_a_range(sites: dict[str, Path]) -> None:
    assert leaks(sites["from"], (RANGE_MAX, PACKAGE_MAX)) == {}


@pytest.mark.parametrize("visibility", ["on-request", "private"])
def test_hidden_rates_leave_no_figure_anywhere(sites: dict[str, Path], visibility: str) -> None:
    site = sites[visibility]
    assert leaks(site, ALL_AMOUNTS) == {}
    percent = {
        name: match.group(0)
        for name, forms in text_files(site).items()
        if not name.startswith("assets/")
        for form in forms
        if (match := PERCENT_PATTERN.search(form))
    }
    assert percent == {}
    assert not re.search(r"£\s?\d", card_text(site))
    # The deliverables and packages may still be named; never with a price.
    section = rates_section(site)
    assert not section.find_all("td")
    for money in section.find_all(string=re.compile(r"[£$€¥]\s?\d")):
        raise AssertionError(f"{visibility}: price text {money!r}")


def numbers_in(value: object) -> list[float]:
    """Every number a JSON document holds, at any depth and under any key."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [value]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    return []


@pytest.mark.parametrize(
    ("visibility", "hidden"),
    [
        ("from", (RANGE_MAX, PACKAGE_MAX)),
        ("on-request", (*ALL_AMOUNTS, PERCENT)),
        ("private", (*ALL_AMOUNTS, PERCENT)),
    ],
)
def test_the_feeds_hold_no_hidden_figure_as_a_number(
    sites: dict[str, Path], visibility: str, hidden: tuple[int, ...]
) -> None:
    """Raw numbers in kit.json and kits.json (add-on percent, min, max) obey the visibility too."""
    site = sites[visibility]
    for name in ("kits.json", "priya-rate/kit.json"):
        found = numbers_in(json.loads((site / name).read_text(encoding="utf-8")))
        assert not set(found) & set(hidden), (name, sorted(set(found) & set(hidden)))


def test_public_feeds_hold_every_figure_as_a_number(sites: dict[str, Path]) -> None:
    kit = json.loads((sites["public"] / "priya-rate" / "kit.json").read_text(encoding="utf-8"))
    assert set(numbers_in(kit["kit"]["rates"])) >= {*ALL_AMOUNTS, PERCENT}


def test_on_request_invites_an_enquiry(sites: dict[str, Path]) -> None:
    site = sites["on-request"]
    page = read_html(site / "priya-rate" / "work-with-me" / "index.html")
    section = rates_section(site)
    links = [a for a in section.find_all("a", href=True) if a["href"].startswith("#")]
    assert links, "no call to enquire on the rate card"
    target = page.find(id=links[0]["href"][1:])
    assert target is not None, f"{links[0]['href']} points nowhere"
    mail = [a for a in target.find_all("a", href=True) if a["href"].startswith("mailto:")]
    assert mail or target.find("form"), "the enquiry section offers no way to write"


def test_private_leaves_no_trace_of_the_currency(sites: dict[str, Path]) -> None:
    """Private rates: not even the currency a price would be in."""
    site = sites["private"]
    for name, forms in text_files(site).items():
        if name.startswith("assets/"):
            continue
        for form in forms:
            assert "£" not in form and "GBP" not in form, name


CURRENCY_KIT = """\
name: {name}
niche: {{primary: Travel}}
contact: {{email: {slug}@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 30000}}
rates:
  currency: {currency}
  items:
    - {{deliverable: Reel, price: {price}}}
"""


@pytest.fixture(scope="module")
def currency_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kits = {
        "yen-kit": CURRENCY_KIT.format(name="Yui Yen", slug="yen-kit", currency="JPY", price=45000),
        "pound-kit": CURRENCY_KIT.format(
            name="Pat Pound", slug="pound-kit", currency="GBP", price=450
        ),
        "pence-kit": CURRENCY_KIT.format(
            name="Penny Pence", slug="pence-kit", currency="GBP", price=99.5
        ),
    }
    return run_build(write_site(tmp_path_factory.mktemp("currency"), kits))


@pytest.mark.parametrize(
    ("slug", "shown"),
    [("yen-kit", "¥45,000"), ("pound-kit", "£450"), ("pence-kit", "£99.50")],
)
def test_money_is_written_in_the_currencys_own_way(
    currency_site: Path, slug: str, shown: str
) -> None:
    assert row_text(rates_section(currency_site, slug), "Reel") == shown
    assert f"from {shown}" in card_text(currency_site, slug)


def test_whole_amounts_have_no_decimals(currency_site: Path) -> None:
    for name, forms in text_files(currency_site).items():
        if name.startswith("assets/"):
            continue
        for form in forms:
            assert not re.search(r"45,000\.\d|450\.\d", form), name
