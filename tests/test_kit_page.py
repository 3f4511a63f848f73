"""The media-kit page as built HTML: the creator's frame instead of the docs frame, text in
mixed scripts that takes its direction per paragraph, partners' logos as a strip drawn like
every kit image, and testimonials as quotes with their authors."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from conftest import MINIMAL_KIT, build_site, load_kits, read_html, write_project, write_site

MIXED_BIO = """\
bio: |
  أهلاً، أنا **نور**. أبثّ كل ليلة من عمّان.

  I'm Noor, a streamer in Amman.

  - Twitch: five nights a week
  - يوتيوب: ألعاب مستقلة
"""


def test_each_paragraph_and_list_item_of_the_bio_takes_its_own_direction(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, {"noor": MINIMAL_KIT + MIXED_BIO}))
    bio = read_html(site / "noor" / "index.html").select_one(".kf-bio")
    assert bio is not None
    assert "dir" not in bio.attrs, "one direction for the whole bio makes English read RTL"
    blocks = bio.select("p, li")
    assert [b.get_text(" ", strip=True).split()[0] for b in blocks] == [
        "أهلاً،",
        "I'm",
        "Twitch:",
        "يوتيوب:",
    ]
    assert all(b.get("dir") == "auto" for b in blocks)


def test_a_creator_page_has_the_creators_frame_not_the_docs_frame(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, {"ava": MINIMAL_KIT, "lars": MINIMAL_KIT}))
    for path in ("ava/index.html", "ava/work-with-me/index.html", "404.html"):
        page = read_html(site / path)
        assert page.select(".md-header, .md-nav, .md-search, .md-sidebar") == [], path
        assert "Material for MkDocs" not in page.get_text(), path
    kit = read_html(site / "ava" / "index.html")
    brand = kit.select_one(".kf-top a.kf-top__brand")
    assert brand is not None and brand["href"] == "./"
    assert brand.get_text(" ", strip=True) == "AG Ava Green"
    footer = [a["href"] for a in kit.select(".kf-foot a")]
    assert footer == [".."], "the way back to the roster"
    # The roster stays the site's page, in material's frame.
    assert read_html(site / "index.html").select_one(".md-header") is not None


def png(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


PARTNERS = """\
partnerships:
  - brand: Patagonia
    year: 2025
    logo: media/patagonia.png
    testimonial: {quote: Her series outperformed our paid social., author: "Jo Smith, Patagonia"}
  - brand: Oatly
  - brand: Lush
    logo: media/lush.png
"""


def test_partners_logos_form_a_strip_of_drawn_pictures(tmp_path: Path) -> None:
    png(tmp_path / "kits" / "media" / "patagonia.png", (400, 160), (20, 20, 20))
    png(tmp_path / "kits" / "media" / "lush.png", (300, 300), (200, 0, 0))
    site = build_site(write_site(tmp_path, {"ava": MINIMAL_KIT + PARTNERS}))
    page = read_html(site / "ava" / "index.html")
    strip = page.select(".kf-logos li img")
    assert [img["alt"] for img in strip] == ["Patagonia", "Lush"]
    for img in strip:
        src = str(img["src"])
        assert src.startswith("partner-") and "logo" in src, src
        assert (site / "ava" / src).is_file()
    assert not list(site.rglob("patagonia.png")) and not list(site.rglob("lush.png"))
    cases = page.select(".kf-case")
    assert [c.select_one("h3").get_text(" ", strip=True) for c in cases] == [  # type: ignore[union-attr]
        "Patagonia 2025",
        "Oatly",
        "Lush",
    ]
    quote = cases[0].select_one("figure.kf-quote")
    assert quote is not None
    assert quote.blockquote.get_text(strip=True) == "Her series outperformed our paid social."  # type: ignore[union-attr]
    assert quote.figcaption.get_text(" ", strip=True) == "— Jo Smith, Patagonia"  # type: ignore[union-attr]


def test_a_partner_logo_is_checked_like_every_image(tmp_path: Path) -> None:
    (tmp_path / "kits" / "media").mkdir(parents=True)
    (tmp_path / "kits" / "media" / "logo.png").write_text("<svg>not a png</svg>")
    kit = MINIMAL_KIT + "partnerships:\n  - brand: Acme\n    logo: media/logo.png\n"
    roster = load_kits(tmp_path, {"ava": kit})
    assert [str(p) for p in roster.problems] == [
        "kits/ava.yml:12:11: partnerships[0].logo: media/logo.png: expected a JPEG, PNG or WebP "
        "image, got a file that is not an image"
    ]


def test_a_highlight_without_an_image_is_a_tile_not_an_empty_frame(tmp_path: Path) -> None:
    kit = MINIMAL_KIT + "highlights:\n  - {title: Thrift flip, platform: tiktok, views: 412000}\n"
    site = build_site(write_site(tmp_path, {"ava": kit}))
    tile = read_html(site / "ava" / "index.html").select_one(".kf-highlight--plain")
    assert tile is not None and tile.select_one("img, picture") is None
    shown = tile.select_one(".kf-highlight__tile")
    assert shown is not None and shown.get_text(strip=True) == "412K"
    assert shown.select_one("svg") is not None, "the platform's icon"


AGENCY_SITE = """\
site_name: Northstar roster
site_url: https://example.org/
theme: {name: material, font: false}
plugins:
  - search
  - kitfolio:
      agency: {name: Northstar Talent, logo: media/logo.png}
      pdf: false
"""


def test_an_agencys_creator_page_carries_the_agencys_logo_back_to_the_roster(
    tmp_path: Path,
) -> None:
    png(tmp_path / "media" / "logo.png", (240, 80), (0, 128, 128))
    write_project(tmp_path, {"ava": MINIMAL_KIT, "lars": MINIMAL_KIT}, AGENCY_SITE)
    site = build_site(tmp_path)
    for path in ("ava/index.html", "ava/work-with-me/index.html"):
        top = read_html(site / path).select_one(".kf-top")
        assert top is not None
        agency = top.select_one("a.kf-top__agency")
        assert agency is not None and agency["href"].startswith(".."), path
        logo = agency.select_one("img")
        assert logo is not None and logo["alt"] == "Northstar Talent"
        assert (site / "assets" / "kitfolio" / Path(str(logo["src"])).name).is_file()
