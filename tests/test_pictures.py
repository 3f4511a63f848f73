"""Kit photos on the built site: upright, stripped of every byte of metadata, responsive."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image, ImageCms, TiffImagePlugin

from conftest import MINIMAL_KIT, build_site, write_site
from kitfolio.media import renditions as pictures

GPS_IFD = 0x8825
ORIENTATION = 0x0112
STORED = (1200, 800)
"""The phone photo as stored: landscape pixels that EXIF orientation 6 turns to portrait."""


def phone_photo(path: Path) -> Path:
    """A JPEG as a phone writes it: sideways pixels, orientation 6, GPS, camera, ICC profile.

    The stored top half is red and the bottom half blue; turned upright (90° clockwise) the red
    half is on the right.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", STORED, (20, 40, 220))
    image.paste((220, 30, 30), (0, 0, STORED[0], STORED[1] // 2))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 15"
    exif[0x0132] = "2026:10:01 08:30:00"
    exif.get_ifd(GPS_IFD).update(
        {
            1: "N",
            2: (TiffImagePlugin.IFDRational(53), TiffImagePlugin.IFDRational(47), 0),
            3: "W",
            4: (TiffImagePlugin.IFDRational(1), TiffImagePlugin.IFDRational(33), 0),
        }
    )
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", exif=exif.tobytes(), icc_profile=icc, quality=90)
    with Image.open(path) as saved:
        written = saved.getexif()
        assert written[ORIENTATION] == 6 and written.get_ifd(GPS_IFD)[1] == "N"
    return path


def assert_no_metadata(path: Path) -> None:
    data = path.read_bytes()
    with Image.open(path) as image:
        assert not image.getexif(), path
        assert not image.info.get("exif") and not image.info.get("icc_profile"), path
        assert not image.info.get("xmp") and "comment" not in image.info, path
    for marker in (b"Exif\x00", b"PhoneMaker", b"Phone 15", b"2026:10:01", b"http://ns.adobe.com"):
        assert marker not in data, (path, marker)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pictures")
    phone_photo(root / "kits" / "media" / "ava.jpg")
    (root / "kits" / "media" / "sticker.png").parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", (900, 600), (0, 160, 90, 128)).save(root / "kits" / "media" / "sticker.png")
    Image.new("RGB", (300, 200), (200, 120, 20)).save(root / "kits" / "media" / "small.webp")
    kit = (
        MINIMAL_KIT
        + "avatar: media/ava.jpg\ncover: media/sticker.png\n"
        + "highlights:\n  - {title: Sticker, image: media/sticker.png}\n"
        + "  - {title: Small one, image: media/small.webp}\n"
    )
    write_site(root, {"ava": kit})
    return build_site(root)


def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "ava" / "index.html").read_text("utf-8"), "html.parser")


def test_every_published_image_is_free_of_metadata(site: Path) -> None:
    published = [p for p in site.rglob("*") if p.suffix in (".jpg", ".jpeg", ".png", ".webp")]
    kit_images = [p for p in published if p.is_relative_to(site / "ava")]
    assert len(kit_images) >= 10
    for path in published:
        assert_no_metadata(path)


def test_the_original_files_are_not_published(site: Path) -> None:
    names = {p.name for p in (site / "ava").rglob("*")}
    assert not names & {"ava.jpg", "sticker.png", "small.webp", "avatar.jpg"}


def test_the_phone_photo_is_turned_upright(site: Path) -> None:
    avatar = page(site).select_one("img.kf-avatar")
    assert avatar is not None
    assert int(avatar["width"]) == int(avatar["height"])  # upright, then cropped square
    picture = avatar.find_parent("picture")
    assert isinstance(picture, Tag)
    files = [site / "ava" / str(avatar["src"])] + [
        site / "ava" / entry.split()[0]
        for entry in str(picture.source["srcset"]).split(", ")  # type: ignore[index]
    ]
    for path in files:
        with Image.open(path) as image:
            width, height = image.size
            assert height == width, path
            rgb = image.convert("RGB")
            right = rgb.getpixel((width * 3 // 4, height // 2))
            left = rgb.getpixel((width // 4, height // 2))
            assert isinstance(right, tuple) and isinstance(left, tuple)
            assert right[0] > 150 > right[2], (path, right)
            assert left[2] > 150 > left[0], (path, left)


def test_avatars_are_responsive_webp_with_a_jpeg_fallback(site: Path) -> None:
    avatar = page(site).select_one("img.kf-avatar")
    assert avatar is not None and avatar["alt"] == "Portrait of Ava Green"
    assert str(avatar["src"]).endswith(".jpg")
    source = avatar.find_previous_sibling("source")
    assert isinstance(source, Tag) and source["type"] == "image/webp"
    entries = [e.split() for e in str(source["srcset"]).split(", ")]
    assert [w for _, w in entries] == ["160w", "320w"]
    assert all(src.endswith(".webp") for src, _ in entries)
    assert "rem" in str(source["sizes"])
    for src, width in entries:
        with Image.open(site / "ava" / src) as image:
            assert image.format == "WEBP" and f"{image.width}w" == width


def test_the_jpeg_fallback_is_baseline_and_as_wide_as_the_middle_webp(site: Path) -> None:
    """Progressive scans took twice as long to encode, for no smaller a file at these sizes."""
    avatar = page(site).select_one("img.kf-avatar")
    assert avatar is not None
    with Image.open(site / "ava" / str(avatar["src"])) as image:
        assert image.format == "JPEG" and image.size == (320, 320)
        assert not image.info.get("progressive") and not image.info.get("progression")


def test_transparent_images_fall_back_to_png_and_small_ones_are_not_upscaled(site: Path) -> None:
    soup = page(site)
    cover = soup.select_one(".kf-cover img")
    assert cover is not None and str(cover["src"]).endswith(".png")
    with Image.open(site / "ava" / str(cover["src"])) as image:
        assert image.mode == "RGBA"
    widths = [
        [int(entry.split()[1][:-1]) for entry in str(source["srcset"]).split(", ")]
        for source in soup.select(".kf-highlight picture source")
    ]
    assert widths == [[400, 800, 900], [300]]


def test_every_image_has_dimensions_and_alt(site: Path) -> None:
    for path in (site / "ava" / "index.html", site / "index.html"):
        for img in BeautifulSoup(path.read_text("utf-8"), "html.parser").find_all("img"):
            assert img.get("width") and img.get("height") and img.has_attr("alt"), img


def tall_photo(path: Path) -> None:
    """A 1:2 portrait whose top quarter is green and the rest grey."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (600, 1200), (128, 128, 128))
    image.paste((0, 200, 0), (0, 0, 600, 300))
    image.save(path)


def avatar_files(site: Path, slug: str) -> tuple[Tag, list[Path]]:
    soup = BeautifulSoup((site / slug / "index.html").read_text("utf-8"), "html.parser")
    avatar = soup.select_one("img.kf-avatar")
    assert avatar is not None
    picture = avatar.find_parent("picture")
    assert isinstance(picture, Tag) and isinstance(picture.source, Tag)
    srcset = str(picture.source["srcset"]).split(", ")
    return avatar, [site / slug / str(avatar["src"])] + [site / slug / s.split()[0] for s in srcset]


def test_a_portrait_is_cropped_square_around_its_focus_point(tmp_path: Path) -> None:
    tall_photo(tmp_path / "kits" / "media" / "tall.png")
    avatar = "avatar: media/tall.png\n"
    kits = {"centred": MINIMAL_KIT + avatar, "top": MINIMAL_KIT + avatar + "avatar_focus: {y: 0}\n"}
    site = build_site(write_site(tmp_path, kits))
    for slug, green_top in (("centred", False), ("top", True)):
        img, files = avatar_files(site, slug)
        assert img["width"] == img["height"], slug
        for path in files:
            with Image.open(path) as image:
                assert image.width == image.height, path
                top = image.convert("RGB").getpixel((image.width // 2, image.height // 10))
                assert isinstance(top, tuple)
                green = top[1] > 150 > 60 > top[0]
                assert green is green_top, (path, top)


def test_an_exact_half_is_box_averaged_and_other_widths_are_resampled() -> None:
    """Blocks of 2×2 pixels of one colour each keep their colour at half the size (a filter
    that reaches past the block would blend neighbours); 3/4 of the size is resampled."""
    blocks = Image.new("RGB", (8, 4))
    for x in range(0, 8, 2):
        for y in range(0, 4, 2):
            blocks.paste((x * 30, y * 60, 200 - x * 20), (x, y, x + 2, y + 2))
    half = pictures._resized(blocks, 4, 2)
    assert half.size == (4, 2)
    assert [half.getpixel((x // 2, y // 2)) for x in range(0, 8, 2) for y in range(0, 4, 2)] == [
        blocks.getpixel((x, y)) for x in range(0, 8, 2) for y in range(0, 4, 2)
    ]
    assert pictures._resized(blocks, 6, 3).size == (6, 3)
    assert pictures._resized(blocks, 8, 4) is blocks
