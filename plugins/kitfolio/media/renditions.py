"""Kit photos as a page serves them: upright, metadata-free, responsive WebP plus a fallback.

A creator's phone photo carries EXIF: the camera, the time and often the GPS position of their
home. Every published image is therefore re-encoded from its pixels alone, after the EXIF
orientation is applied and colours are converted to sRGB; nothing of the original file's
metadata is copied. Sizes are planned from the checked image facts before anything is drawn,
so pages know their ``srcset`` and ``width``/``height`` (no layout shift) up front.

Decoding is what costs memory, so a photo is reduced to about the largest size it is drawn at
straight after decoding (before it is turned or converted), and the thread pool decodes at most
``images.MAX_DECODED`` pixels at a time: big photos take turns, small ones share.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from kitfolio.media.image_checks import (
    MAX_DECODED,
    WIDEST,
    ImageFacts,
    exif_orientation,
    has_transparency,
)

VERSION = "pictures-7"
"""Bump when the output of ``render`` changes, so cached renditions are drawn again."""

WEBP_QUALITY = 80
WEBP_METHOD = 2
"""libwebp's effort (0-6). Measured on the bench's 480 px photos: method 2 encodes in 6.7 ms
against 19.8 ms for method 4 (Pillow's default), for files 7 % larger at the same quality; the
WebP encodes were 40 % of a photo's cost."""
JPEG_QUALITY = 82
RESAMPLE = Image.Resampling.BICUBIC
"""The filter each width is reduced with (from the next larger one). Measured on the bench's
800 px photos, 800 to 480 px takes 8.1 ms against 10.5 ms with Lanczos, which was a fifth of a
photo's cost, for a difference of 56 dB PSNR between the two: none that can be seen."""


@dataclass(frozen=True)
class Role:
    """How a page shows one kind of image: the widths worth drawing and the CSS ``sizes``."""

    name: str
    widths: tuple[int, ...]
    sizes: str
    square: bool = False
    """Cropped to a square (portraits are shown round or square, never as an oval)."""


AVATAR = Role("avatar", (160, 320), "(min-width: 45em) 7.5rem, 7rem", square=True)
"""A portrait is never drawn wider than 7.5rem (120 CSS px, the kit page's hero on a wide
screen), so 320 px covers every slot up to a device pixel ratio of 2.7 and prints at 325 dpi in
the PDF's 25 mm circle. A 480 px width served only 3× screens, for a third of a photo's cost."""
COVER = Role("cover", (640, 1280, WIDEST), "(min-width: 76em) 61rem, 100vw")
HIGHLIGHT = Role(
    "highlight", (400, 800, 1200), "(min-width: 76em) 20rem, (min-width: 45em) 45vw, 100vw"
)
LOGO = Role("logo", (160, 320, 640), "16rem")
"""The agency's logo: at most 4rem tall on the roster, so rarely wider than 16rem."""
BRAND_LOGO = Role("brand-logo", (160, 320), "8rem")
"""A partner brand's logo in a kit's logo strip, about 2.5rem tall."""

Crop = tuple[float, float, float, float]
"""A part of a picture as fractions of its width and height: left, top, right, bottom."""

CENTRE = (50.0, 50.0)


@dataclass(frozen=True)
class Rendition:
    """One published file: its site path (relative to the site root) and pixel size."""

    src: str
    width: int
    height: int
    format: str

    @property
    def name(self) -> str:
        return self.src.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Picture:
    """Every rendition of one source image; the fallback is what ``<img src>`` names."""

    webp: tuple[Rendition, ...]
    fallback: Rendition
    sizes: str
    crop: Crop | None = None
    """The part of the upright source that is drawn; all of it when None."""

    @property
    def width(self) -> int:
        return self.webp[-1].width

    @property
    def height(self) -> int:
        return self.webp[-1].height

    @property
    def files(self) -> tuple[Rendition, ...]:
        return (*self.webp, self.fallback)


def highlight_stem(slug: str, index: int) -> str:
    """Where the picture of a kit's highlight ``index`` (from 0) goes in the site."""
    return f"{slug}/highlight-{index + 1}"


def partner_logo_stem(slug: str, index: int) -> str:
    """Where the logo of a kit's partnership ``index`` (from 0) goes in the site."""
    return f"{slug}/partner-{index + 1}-logo"


def widths(source_width: int, wanted: tuple[int, ...]) -> tuple[int, ...]:
    """The wanted widths a source can fill without upscaling; at least its own width."""
    fit = sorted({w for w in wanted if w < source_width})
    if len(fit) < len(wanted):
        fit.append(min(source_width, max(wanted)))
    return tuple(sorted(set(fit)))


def square_crop(size: tuple[int, int], focus: tuple[float, float] = CENTRE) -> Crop:
    """The largest square of a picture of ``size``, centred on ``focus`` (percent from the top
    left) as far as the picture's edges allow."""
    width, height = size
    side = min(width, height)
    left = min(max(focus[0] / 100 * width - side / 2, 0), width - side)
    top = min(max(focus[1] / 100 * height - side / 2, 0), height - side)
    return (left / width, top / height, (left + side) / width, (top + side) / height)


def plan(
    facts: ImageFacts, stem: str, role: Role, tag: str, focus: tuple[float, float] | None = None
) -> Picture:
    """The renditions of an image at site path ``stem`` (``ava/avatar``), named with ``tag``.

    ``tag`` is a short hash of the inputs, so a changed photo gets new URLs and no browser or
    social network keeps showing the old one. A square role draws the square around ``focus``.
    """
    source_width, source_height = facts.oriented
    crop = square_crop(facts.oriented, focus or CENTRE) if role.square else None
    if crop is not None:
        source_width = source_height = min(source_width, source_height)
    out: list[Rendition] = []
    for width in widths(source_width, role.widths):
        height = max(1, round(source_height * width / source_width))
        out.append(Rendition(f"{stem}-{width}.{tag}.webp", width, height, "WEBP"))
    middle = out[min(1, len(out) - 1)]
    kind, suffix = ("PNG", "png") if facts.alpha else ("JPEG", "jpg")
    fallback = Rendition(f"{stem}-{middle.width}.{tag}.{suffix}", middle.width, middle.height, kind)
    return Picture(tuple(out), fallback, role.sizes, crop)


class _Budget:
    """Pixels being decoded at once across threads; one over the budget waits for the others."""

    def __init__(self, pixels: int) -> None:
        self._limit = self._free = pixels
        self._changed = threading.Condition()

    @contextmanager
    def hold(self, pixels: int) -> Iterator[None]:
        wanted = min(pixels, self._limit)
        with self._changed:
            self._changed.wait_for(lambda: self._free >= wanted)
            self._free -= wanted
        try:
            yield
        finally:
            with self._changed:
                self._free += wanted
                self._changed.notify_all()


DECODING = _Budget(MAX_DECODED)


def upright(path: Path, largest: tuple[int, int] | None = None) -> Image.Image:
    """The picture at ``path`` turned as its EXIF says, in sRGB, with no metadata attached.

    ``largest`` (as seen, upright) is the biggest size wanted: a JPEG decodes at a reduced scale
    and any picture is reduced towards it at once, so only one full-size copy is ever held.
    """
    with Image.open(path) as opened:
        if largest and opened.format == "JPEG":
            w, h = largest
            turned = exif_orientation(opened) in (5, 6, 7, 8)
            opened.draft("RGB", (h, w) if turned else (w, h))
        with DECODING.hold(opened.width * opened.height):
            opened.load()
            ImageOps.exif_transpose(opened, in_place=True)
            picture = _reduced(_plain(opened), largest)
    picture = _srgb(picture)
    picture.info.clear()
    return picture


def _plain(image: Image.Image) -> Image.Image:
    """``image`` as RGB, or RGBA when it has transparency (palette and grey images included)."""
    mode = "RGBA" if has_transparency(image) else "RGB"
    return image if image.mode == mode else image.convert(mode)


def _reduced(image: Image.Image, largest: tuple[int, int] | None) -> Image.Image:
    """``image`` box-reduced by a whole factor while it stays three times ``largest``: the step
    ``Image.resize`` takes with ``reducing_gap=3``, taken before anything else copies it."""
    if not largest:
        return image
    factor = min(image.width // (largest[0] * 3), image.height // (largest[1] * 3))
    return image.reduce(factor) if factor > 1 else image


def _srgb(image: Image.Image) -> Image.Image:
    """Convert an embedded colour profile (Display P3 phone photos) to sRGB, then drop it."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        converted = ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=image.mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted if converted is not None else image


def render(path: Path, picture: Picture, into: Path) -> Image.Image:
    """Draw every rendition of ``picture`` from the source at ``path`` into the folder ``into``.

    Returns the upright source, so a caller can read more from it without decoding it again.
    Each width is reduced from the next larger one rather than from the full source, and the
    fallback reuses the WebP of its width.
    """
    largest = max(picture.files, key=lambda r: r.width)
    source = upright(path, (largest.width, largest.height))
    sized: dict[tuple[int, int], Image.Image] = {}
    current = _cropped(source, picture.crop)
    for rendition in sorted(picture.files, key=lambda r: -r.width):
        size = (rendition.width, rendition.height)
        if size not in sized:
            sized[size] = current = _resized(current, *size)
        save(sized[size], into / rendition.name, rendition.format)
    return source


def _cropped(image: Image.Image, crop: Crop | None) -> Image.Image:
    """The part ``crop`` of ``image``; ``image`` itself when that is all of it (a square photo's
    square), not a copy."""
    if crop is None:
        return image
    left, top, right, bottom = crop
    w, h = image.size
    side = min(round((right - left) * w), round((bottom - top) * h))
    x, y = round(left * w), round(top * h)
    if (x, y, side, side) == (0, 0, w, h):
        return image
    return image.crop((x, y, x + side, y + side))


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    """``image`` at ``width`` × ``height``: by whole-pixel box averaging when that is an exact
    fraction of it (a 320 px avatar's 160 px, an 800 px highlight's 400 px), which took 0.8 ms
    against 7.5 ms bicubic for 800 to 400 px on the bench's photos, 52 dB PSNR from Lanczos."""
    if image.size == (width, height):
        return image
    factor = image.width // width
    if factor > 1 and image.size == (width * factor, height * factor):
        return image.reduce(factor)
    return image.resize((width, height), RESAMPLE, reducing_gap=3.0)


def save(image: Image.Image, target: Path, kind: str) -> None:
    """Encode ``image`` with no metadata at all: no EXIF, XMP, ICC profile or comments."""
    bare = Image.new(image.mode, image.size)
    bare.paste(image)
    bare.info.clear()
    if kind == "WEBP":
        bare.save(target, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif kind == "JPEG":
        # Baseline, not progressive: the fallback is what a browser without WebP (or a
        # reader of kit.json) fetches, and progressive scans took twice as long to encode on
        # the bench's photos (1.3 against 0.6 ms at 320 px, 7.0 against 3.2 ms at 800 px)
        # for files no smaller (6.1 KB against 5.7 KB at 320 px, 40 KB either at 800 px).
        bare.convert("RGB").save(target, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        bare.save(target, "PNG")
