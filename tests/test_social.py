"""Link previews and structured data: a social card per page, Open Graph tags, JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops, ImageStat

from conftest import MINIMAL_KIT, build_site, write_site
from kitfolio.outputs import social_card as cards
from kitfolio.outputs.social_card import Card, card_for
from kitfolio.present.formatting import Formatter
from kitfolio.public.site import view_kit
from kitfolio.public.views import Settings
from kitfolio.sources.kits import kit_files, read_kits

SITE_URL = "https://example.org/kits/"
KIT = (
    MINIMAL_KIT
    + "    handle: avagreen\n    url: https://www.instagram.com/avagreen/\n"
    + "  - {network: tiktok, handle: ava.green, url: 'https://www.tiktok.com/@ava.green', "
    + "followers: 31000}\n"
    + "  - {network: newsletter, name: The Green Edit, followers: 5200}\n"
    + "tagline: Slow fashion on a real budget\n"
    + "rates:\n  currency: GBP\n  visibility: {visibility}\n  items:\n"
    + "    - {deliverable: Instagram Reel, price: 7319}\n"
    + "    - {deliverable: TikTok video, price: {min: 8423, max: 9531}}\n"
    + "  packages:\n    - {name: Launch bundle, includes: [1 reel, 1 video], price: 6271}\n"
)


def kit(visibility: str) -> str:
    return KIT.replace("{visibility}", visibility)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("social"),
        {"ava": kit("public"), "bo": kit("private").replace("Ava Green", "Bo Lind")},
        site_url=SITE_URL,
    )
    return build_site(root)


def read(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and (key.startswith("og:") or key.startswith("twitter:")):
            assert key not in found, f"{key} twice"
            found[str(key)] = str(tag["content"])
    return found


def jsonld(soup: BeautifulSoup) -> dict[str, Any]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert isinstance(data, dict)
    return data


PAGES = [
    ("ava/index.html", "https://example.org/kits/ava/"),
    ("ava/work-with-me/index.html", "https://example.org/kits/ava/work-with-me/"),
    ("bo/index.html", "https://example.org/kits/bo/"),
    ("bo/work-with-me/index.html", "https://example.org/kits/bo/work-with-me/"),
]


@pytest.mark.parametrize(("path", "url"), PAGES)
def test_every_kit_page_has_a_valid_card_and_absolute_tags(site: Path, path: str, url: str) -> None:
    tags = meta(read(site / path))
    assert tags["og:url"] == url
    assert tags["og:type"] == ("website" if "work-with-me" in path else "profile")
    assert tags["og:title"] and tags["og:description"]
    assert tags["twitter:card"] == "summary_large_image"
    image = tags["og:image"]
    assert image.startswith(SITE_URL) and image.endswith((".png", ".jpg"))
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["twitter:image"] == image
    card = site / image.removeprefix(SITE_URL)
    with Image.open(card) as drawn:
        assert drawn.size == (1200, 630)
        assert f"image/{str(drawn.format).lower()}" == tags["og:image:type"]
        assert drawn.format == ("PNG" if image.endswith(".png") else "JPEG")
        assert len(drawn.convert("RGB").getcolors(1 << 16) or []) > 50, "a blank card"


def test_each_page_has_its_own_card(site: Path) -> None:
    images = {meta(read(site / path))["og:image"] for path, _ in PAGES}
    assert len(images) == len(PAGES)


def test_the_roster_has_tags_without_a_card(site: Path) -> None:
    tags = meta(read(site / "index.html"))
    assert tags["og:url"] == SITE_URL and tags["twitter:card"] == "summary"
    assert "og:image" not in tags


def test_the_media_kit_is_a_profile_page_about_a_person(site: Path) -> None:
    data = jsonld(read(site / "ava" / "index.html"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "ProfilePage"
    assert data["url"] == "https://example.org/kits/ava/"
    person = data["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Ava Green"
    assert person["sameAs"] == [
        "https://www.instagram.com/avagreen/",
        "https://www.tiktok.com/@ava.green",
    ]
    counters = person["interactionStatistic"]
    assert [c["@type"] for c in counters] == ["InteractionCounter"] * 3
    assert {c["interactionType"] for c in counters} == {"https://schema.org/FollowAction"}
    assert [c["userInteractionCount"] for c in counters] == [48200, 31000, 5200]
    assert [c["interactionService"]["name"] for c in counters] == [
        "Instagram",
        "TikTok",
        "Newsletter",
    ]
    assert "Offer" not in json.dumps(data) and "7319" not in json.dumps(data)


def test_the_work_page_is_an_offer_catalog_of_the_shown_prices(site: Path) -> None:
    data = jsonld(read(site / "ava" / "work-with-me" / "index.html"))
    assert data["@type"] == "OfferCatalog"
    offers = {o["name"]: o for o in data["itemListElement"]}
    assert set(offers) == {"Instagram Reel", "TikTok video", "Launch bundle"}
    assert {o["@type"] for o in offers.values()} == {"Offer"}
    reel = offers["Instagram Reel"]
    assert (reel["price"], reel["priceCurrency"]) == (7319, "GBP")
    ranged = offers["TikTok video"]["priceSpecification"]
    assert (ranged["minPrice"], ranged["maxPrice"], ranged["priceCurrency"]) == (8423, 9531, "GBP")
    assert offers["Launch bundle"]["itemOffered"]["@type"] == "Service"


def test_private_rates_leave_no_price_in_structured_data(site: Path) -> None:
    data = jsonld(read(site / "bo" / "work-with-me" / "index.html"))
    text = json.dumps(data)
    assert data["itemListElement"], "the deliverables are still listed"
    for word in ("price", "Price", "GBP", "7319", "8423", "6271"):
        assert word not in text


@pytest.mark.parametrize(
    ("visibility", "shown"),
    [("public", "£6,271"), ("from", "£6,271"), ("on-request", None), ("private", None)],
)
def test_a_card_shows_only_the_prices_the_page_shows(
    tmp_path: Path, visibility: str, shown: str | None
) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_text(kit(visibility), encoding="utf-8")
    roster = read_kits(kit_files(tmp_path / "kits"), tmp_path)
    view = view_kit(roster.kits[0], Settings(), Formatter("en"))
    work = card_for(view, "work", "Kits", None)
    media = card_for(view, "kit", "Kits", None)
    prices = [value for value, label in work.figures if label == "rates from"]
    assert prices == ([shown] if shown else [])
    text = media.fingerprint() + (work.fingerprint() if not shown else "")
    for amount in ("7319", "7,319", "8423", "8,423", "9531", "9,531", "6271", "6,271", "£"):
        assert amount not in text


def test_the_json_ld_of_a_hostile_name_is_escaped_json(tmp_path: Path) -> None:
    name = "</script><script>alert(1)</script> & \u2028 'x'"
    root = write_site(tmp_path, {"ava": kit("public").replace("Ava Green", json.dumps(name))})
    page = (build_site(root) / "ava" / "index.html").read_text("utf-8")
    assert page.count("<script>alert(1)") == 0
    data = jsonld(BeautifulSoup(page, "html.parser"))
    assert data["mainEntity"]["name"] == name


def a_card(title: str, accent: str = "#6d28d9", avatar: str | None = None) -> Card:
    return Card(
        title=title,
        eyebrow="Indie games and streaming tech",
        tagline="ألعاب مستقلة · Indie games, streaming tech and late-night co-op",
        figures=(("219.3K", "total reach"), ("3.1%", "engagement"), ("¥48,000", "rates from")),
        footer="Media kit · Kits",
        accent=accent,
        initials="NH",
        avatar=avatar,
    )


@pytest.mark.parametrize(
    ("title", "accent"),
    [("Noor Haddad", "#6d28d9"), ("نور حداد", "#00897b"), ("佐藤 陽翔", "#b45309")],
)
def test_a_card_without_a_photo_is_a_small_palette_png_true_to_the_drawing(
    tmp_path: Path, title: str, accent: str
) -> None:
    card = a_card(title, accent)
    cards.save(card, tmp_path / "card.png")
    with Image.open(tmp_path / "card.png") as saved:
        assert saved.mode == "P"
        error = ImageChops.difference(saved.convert("RGB"), cards.draw(card)).getextrema()
    assert max(high for _, high in error) <= 6, error
    assert (tmp_path / "card.png").stat().st_size < 40_000


def test_a_card_with_a_photo_is_a_full_colour_jpeg_true_to_the_drawing(tmp_path: Path) -> None:
    photo = Image.radial_gradient("L").resize((400, 400)).convert("RGB")
    photo.save(tmp_path / "face.jpg")
    card = a_card("Noor Haddad", avatar=str(tmp_path / "face.jpg"))
    assert cards.file_format(card) == "JPEG"
    cards.save(card, tmp_path / "card.jpg")
    with Image.open(tmp_path / "card.jpg") as saved:
        assert saved.format == "JPEG" and saved.mode == "RGB"
        difference = ImageChops.difference(saved, cards.draw(card)).convert("L")
    assert ImageStat.Stat(difference).mean[0] < 1.5, "far from the drawing"
    assert (tmp_path / "card.jpg").stat().st_size < 120_000


def test_text_set_once_and_stamped_again_looks_as_if_set_afresh() -> None:
    work = a_card("Work with Noor Haddad")
    cards.draw(a_card("Noor Haddad", "#00897b"))
    stamped = cards.draw(work)
    cards._stamp.cache_clear()
    cards._measure.cache_clear()
    assert ImageChops.difference(stamped, cards.draw(work)).getbbox() is None
