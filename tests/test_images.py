"""Images a kit names: each unusable file is an error naming the kit and the image."""

from __future__ import annotations

import logging
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import MINIMAL_KIT, build_error, build_site, load_kits, write_site
from kitfolio.media.image_checks import ImageProblem, inspect

AVATAR_AT = "kits/ava.yml:10:9: avatar: "


def photo(path: Path, fmt: str | None = None, size: tuple[int, int] = (96, 64)) -> Path:
    """A real, noisy image (so that cutting it loses real data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.effect_noise(size, 60).convert("RGB").save(path, fmt)
    return path


def truncated(path: Path, fmt: str) -> Path:
    photo(path, fmt)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def claiming(path: Path, width: int, height: int) -> Path:
    """A small real PNG whose header is patched to claim ``width`` × ``height`` pixels."""
    photo(path, "PNG", (8, 8))
    data = bytearray(path.read_bytes())
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path


def avatar_problems(tmp_path: Path, ref: str = "media/ava.jpg") -> list[str]:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + f"avatar: {ref}\n"})
    assert roster.kits == [] or not roster.problems
    return [str(p) for p in roster.problems]


@pytest.mark.parametrize(
    ("name", "fmt", "kind"),
    [("a.jpg", "JPEG", "JPEG"), ("a.png", "PNG", "PNG"), ("a.webp", "WEBP", "WebP")],
)
def test_jpeg_png_and_webp_are_checked_and_kept(
    tmp_path: Path, name: str, fmt: str, kind: str
) -> None:
    photo(tmp_path / "kits" / "media" / name, fmt)
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + f"avatar: media/{name}\n"})
    assert roster.problems == []
    facts = roster.kits[0].image(f"media/{name}")
    assert facts is not None
    assert (facts.format, facts.width, facts.height) == (kind, 96, 64)


def test_a_missing_image_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "kits").mkdir()
    assert avatar_problems(tmp_path) == [
        AVATAR_AT + "media/ava.jpg: expected an image file, but ava.jpg does not exist"
    ]


def test_a_file_that_is_not_an_image_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "kits" / "media").mkdir(parents=True)
    (tmp_path / "kits" / "media" / "ava.jpg").write_text("<html>not a photo</html>")
    assert avatar_problems(tmp_path) == [
        AVATAR_AT + "media/ava.jpg: expected a JPEG, PNG or WebP image, "
        "got a file that is not an image"
    ]


@pytest.mark.parametrize(("name", "fmt"), [("ava.jpg", "JPEG"), ("ava.png", "PNG")])
def test_a_truncated_image_is_an_error(tmp_path: Path, name: str, fmt: str) -> None:
    truncated(tmp_path / "kits" / "media" / name, fmt)
    [message] = avatar_problems(tmp_path, f"media/{name}")
    assert message.startswith(
        AVATAR_AT + f"media/{name}: expected a complete image, got a damaged one"
    )


def test_a_gif_is_not_supported(tmp_path: Path) -> None:
    photo(tmp_path / "kits" / "media" / "ava.gif", "GIF")
    assert avatar_problems(tmp_path, "media/ava.gif") == [
        AVATAR_AT + "media/ava.gif: expected a JPEG, PNG or WebP image, got GIF"
    ]


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    claiming(tmp_path / "kits" / "media" / "ava.png", 30_000, 30_000)
    assert avatar_problems(tmp_path, "media/ava.png") == [
        AVATAR_AT + "media/ava.png: expected a normal image, got one that expands too far "
        "(a decompression bomb)"
    ]


@pytest.mark.parametrize(("width", "height"), [(9_000, 9_000), (10_000, 9_000)])
def test_an_image_above_80_megapixels_is_refused(tmp_path: Path, width: int, height: int) -> None:
    path = claiming(tmp_path / "big.png", width, height)
    with pytest.raises(ImageProblem, match=r"expected at most 80 megapixels|decompression bomb"):
        inspect(path)


def test_an_image_outside_the_project_is_an_error(tmp_path: Path) -> None:
    project = tmp_path / "project"
    photo(tmp_path / "outside.jpg")
    (project / "kits").mkdir(parents=True)
    (project / "kits" / "inside.jpg").symlink_to(tmp_path / "outside.jpg")
    refs = ["../../outside.jpg", str(tmp_path / "outside.jpg"), "inside.jpg"]
    for ref in refs:
        roster = load_kits(project, {"ava": MINIMAL_KIT + f"avatar: '{ref}'\n"})
        assert [str(p) for p in roster.problems] == [
            AVATAR_AT + f"expected an image inside the project, got {ref!r}"
        ]


def test_a_url_is_not_an_image_path(tmp_path: Path) -> None:
    [message] = avatar_problems(tmp_path, "https://example.org/ava.jpg")
    assert message == (
        AVATAR_AT + "expected a path to an image file relative to the kit, "
        'got "https://example.org/ava.jpg"'
    )


def test_cover_and_highlight_images_are_checked_too(tmp_path: Path) -> None:
    photo(tmp_path / "kits" / "ava.png", "PNG")
    text = MINIMAL_KIT + (
        "cover: ava.png\n"
        "highlights:\n"
        "  - {title: One, image: ava.png}\n"
        "  - {title: Two, image: missing.png}\n"
    )
    roster = load_kits(tmp_path, {"ava": text})
    assert [str(p) for p in roster.problems] == [
        "kits/ava.yml:13:25: highlights[1].image: missing.png: expected an image file, "
        "but missing.png does not exist"
    ]


def test_image_errors_come_in_the_same_run_as_field_errors(tmp_path: Path) -> None:
    (tmp_path / "kits").mkdir()
    text = MINIMAL_KIT + "avatar: media/ava.jpg\npronouns: [she, her]\n"
    found = [str(p) for p in load_kits(tmp_path, {"ava": text}).problems]
    assert sorted(p.split(": ")[1] for p in found) == ["avatar", "pronouns"]


def test_a_broken_image_stops_the_build_with_the_kit_and_image_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path, {"ava": MINIMAL_KIT + "avatar: media/ava.png\n"})
    truncated(root / "kits" / "media" / "ava.png", "PNG")
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    assert str(error).startswith("kitfolio: 1 problem in kits")
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(
        m.endswith(
            AVATAR_AT + "media/ava.png: expected a complete image, got a damaged one "
            "(image file is truncated)"
        )
        for m in logged
    ), logged
    assert not any("Traceback" in m for m in logged)
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("name", "width", "height"), [("ava.png", 8_900, 8_980), ("ava.png", 5_000, 5_001)]
)
def test_a_png_too_large_to_decode_is_refused_at_its_field(
    tmp_path: Path, name: str, width: int, height: int
) -> None:
    """A few hundred KB of PNG can hold 80 megapixels of flat colour: 320 MB decoded."""
    claiming(tmp_path / "kits" / "media" / name, width, height)
    [message] = avatar_problems(tmp_path, f"media/{name}")
    assert message.startswith(
        AVATAR_AT + f"media/{name}: expected a PNG image of at most 25 megapixels "
        f"(a JPEG may have up to 80), got {width}×{height}; scale it down to "
    )
    assert message.endswith(" or save it as JPEG")


def test_a_large_jpeg_decodes_reduced_and_builds(tmp_path: Path) -> None:
    """30 megapixels of JPEG are allowed: it decodes at a quarter of its size for the cover."""
    path = tmp_path / "kits" / "media" / "big.jpg"
    path.parent.mkdir(parents=True)
    big = Image.new("RGB", (6_400, 4_800), (20, 40, 220))
    big.paste((220, 30, 30), (0, 0, 3_200, 4_800))
    big.save(path, quality=80)
    del big
    root = write_site(
        tmp_path, {"ava": MINIMAL_KIT + "avatar: media/big.jpg\ncover: media/big.jpg\n"}
    )
    site = build_site(root)
    [cover] = site.glob("ava/cover-1920.*.webp")
    with Image.open(cover) as drawn:
        assert drawn.size == (1920, 1440)
        left, right = drawn.getpixel((100, 720)), drawn.getpixel((1820, 720))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert left[0] > 180 and left[2] < 80 and right[2] > 180 and right[0] < 80


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks as (type, data), in file order."""
    out, pos = [], 8
    while pos < len(data):
        length, cid = struct.unpack(">I4s", data[pos : pos + 8])
        out.append((cid, data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


def png_of(parts: list[tuple[bytes, bytes]]) -> bytes:
    """A PNG file of these chunks, each with its right CRC."""
    body = b"".join(
        struct.pack(">I", len(data)) + cid + data + struct.pack(">I", zlib.crc32(cid + data))
        for cid, data in parts
    )
    return b"\x89PNG\r\n\x1a\n" + body


def test_a_png_with_a_damaged_chunk_is_an_error(tmp_path: Path) -> None:
    path = photo(tmp_path / "kits" / "media" / "ava.png", "PNG")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # in the pixel data: its CRC no longer matches
    path.write_bytes(bytes(data))
    assert avatar_problems(tmp_path, "media/ava.png") == [
        AVATAR_AT + "media/ava.png: expected a complete image, got a damaged one "
        "(broken PNG file (bad CRC in its IDAT chunk))"
    ]


def test_a_png_whose_pixels_are_wrong_under_right_crcs_fails_at_its_field(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The check reads a PNG's chunks without inflating them; pixel data that an encoder got
    wrong (short, under CRCs that match it) is found when the picture is drawn, at its field."""
    root = write_site(tmp_path, {"ava": MINIMAL_KIT + "avatar: media/ava.png\n"})
    path = photo(root / "kits" / "media" / "ava.png", "PNG")
    parts = chunks(path.read_bytes())
    short = [(c, zlib.compress(zlib.decompress(d)[:200]) if c == b"IDAT" else d) for c, d in parts]
    path.write_bytes(png_of(short))
    assert avatar_problems(root, "media/ava.png") == []
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert str(error).startswith("kitfolio: images could not be converted"), error
    assert any(
        AVATAR_AT + "media/ava.png: could not be converted for the site" in m for m in logged
    )
    assert not any("Traceback" in m for m in logged)
    assert not (root / "site").exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_png_is_turned_as_its_exif_says_before_or_after_its_pixels(
    tmp_path: Path, where: str
) -> None:
    """Pillow reads a PNG's EXIF after its pixels only once it decodes them; the check still
    plans such a picture upright."""
    path = photo(tmp_path / "kits" / "media" / "ava.png", "PNG", (96, 64))
    exif = Image.Exif()
    exif[0x0112] = 6
    parts = [p for p in chunks(path.read_bytes()) if p[0] != b"eXIf"]
    at = [c for c, _ in parts].index(b"IDAT" if where == "before" else b"IEND")
    parts.insert(at, (b"eXIf", exif.tobytes()))
    path.write_bytes(png_of(parts))
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + "avatar: media/ava.png\n"})
    assert roster.problems == []
    facts = roster.kits[0].image("media/ava.png")
    assert facts is not None
    assert (facts.orientation, facts.oriented) == (6, (64, 96))
