"""Check the images a kit names before anything is built from them.

A missing, truncated or hostile file (a decompression bomb) must be a clear error that names the
kit and the image, never a Pillow traceback in the middle of a build. Checking reads the whole
file (a JPEG or WebP is decoded, a JPEG at 1/8 scale; a PNG's chunks are checked against their
CRCs rather than inflated, since the picture decodes it anyway), so what a check found is
remembered in the build cache under the file's path, size and change times: a warm build checks
an unchanged photo with one ``stat``.

Memory is bounded by what an image holds once decoded, not by its file size: a small PNG can
hold 80 megapixels of flat colour, several hundred MB decoded. A JPEG decodes at a reduced scale
(its draft mode) to the largest size a page shows, so it may have many more pixels than a PNG
or WebP, which always decode whole.
"""

from __future__ import annotations

import math
import struct
import warnings
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Literal

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, ConfigDict, Field

from kitfolio.cache import Memory, file_digest
from kitfolio.errors import printable

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_PIXELS = 80_000_000
"""The most pixels any image may claim (a JPEG; it decodes reduced)."""
MAX_DECODED = 25_000_000
"""The most pixels an image may hold decoded: about 100 MB. A PNG or WebP decodes whole, so
this is its limit; a JPEG decodes at the scale the widest rendition needs."""
WIDEST = 1920
"""The widest rendition any page draws (the cover's largest)."""
MAX_BYTES = 30 * 1024 * 1024
VERSION = "images-2"
"""Bump when the checks change, so remembered verdicts are made again."""
KIND = "image"


@dataclass(frozen=True)
class ImageFacts:
    """What a checked image is."""

    path: Path
    format: str
    width: int
    height: int
    digest: str
    """The SHA-256 of the file, which names the work drawn from it in the build cache."""
    orientation: int = 1
    """EXIF orientation (1-8); 5 to 8 turn the picture a quarter, swapping width and height."""
    alpha: bool = False
    """Whether the picture has transparency, so a fallback must be PNG rather than JPEG."""

    @property
    def oriented(self) -> tuple[int, int]:
        """Width and height as the picture is seen, after its EXIF orientation."""
        turned = self.orientation in (5, 6, 7, 8)
        return (self.height, self.width) if turned else (self.width, self.height)


class ImageProblem(Exception):
    """An image that cannot be used; the message says why in a creator's terms."""


class Verdict(BaseModel):
    """A check's result as remembered in the build cache (the facts without the path)."""

    model_config = ConfigDict(strict=True, frozen=True)
    format: Literal["JPEG", "PNG", "WebP"]
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    digest: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    orientation: int = Field(ge=1, le=8)
    alpha: bool


def decoded_size(kind: str, width: int, height: int, wanted: tuple[int, int]) -> tuple[int, int]:
    """The size Pillow decodes an image of ``width`` × ``height`` at, for renditions up to
    ``wanted`` (both as stored): a JPEG's draft scale (1, 1/2, 1/4 or 1/8), else the whole."""
    if kind != "JPEG":
        return width, height
    fits = min(width // max(1, wanted[0]), height // max(1, wanted[1]))
    scale = next(s for s in (8, 4, 2, 1) if fits >= s or s == 1)
    return math.ceil(width / scale), math.ceil(height / scale)


def widest(width: int, height: int, orientation: int) -> tuple[int, int]:
    """The largest rendition any page draws of an image, as stored (before it is turned)."""
    turned = orientation in (5, 6, 7, 8)
    seen_w, seen_h = (height, width) if turned else (width, height)
    w = min(seen_w, WIDEST)
    h = max(1, round(seen_h * w / seen_w))
    return (h, w) if turned else (w, h)


def _size_problem(kind: str, width: int, height: int, orientation: int) -> str | None:
    """Why an image of this size is refused before it is decoded, or None."""
    if width * height > MAX_PIXELS:
        return (
            f"expected at most {MAX_PIXELS // 1_000_000} megapixels, "
            f"got {width}×{height} (a decompression bomb?)"
        )
    w, h = decoded_size(kind, width, height, widest(width, height, orientation))
    if w * h <= MAX_DECODED:
        return None
    shrink = math.sqrt(MAX_DECODED / (width * height))
    fit = f"{int(width * shrink)}×{int(height * shrink)}"
    if kind == "JPEG":
        return (
            f"expected a JPEG that decodes to at most {MAX_DECODED // 1_000_000} megapixels "
            f"for the sizes a page shows, got {width}×{height}; scale it down to {fit}"
        )
    return (
        f"expected a {FORMATS[kind]} image of at most {MAX_DECODED // 1_000_000} megapixels "
        f"(a JPEG may have up to {MAX_PIXELS // 1_000_000}), got {width}×{height}; "
        f"scale it down to {fit} or save it as JPEG"
    )


def inspect(path: Path, memory: Memory | None = None) -> ImageFacts:
    """Open, size-check and fully decode ``path``; raise ImageProblem when it is unusable.

    With ``memory`` (the build cache), a file checked before and unchanged since is not opened.
    Only usable images are remembered, so a problem is reported on every build until fixed.
    """
    try:
        found = path.is_file()
        stat = path.stat() if found else None
    except OSError as exc:  # a name too long for the file system, a folder it may not read
        raise ImageProblem(f"expected an image file that can be read ({exc.strerror})") from None
    if stat is None:
        raise ImageProblem(f"expected an image file, but {printable(path.name)} does not exist")
    # ctime too: copying a file over this one with its old modification time (cp -p,
    # rsync -a) still changes the ctime, which nothing can set back.
    key = f"{VERSION}:{path}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"
    known = memory.record(KIND, key, Verdict) if memory is not None else None
    if known is not None and not _size_problem(
        known.format.upper(), known.width, known.height, known.orientation
    ):
        return ImageFacts(path, **known.model_dump())
    facts = _check(path, stat.st_size)
    if memory is not None:
        verdict = Verdict(**{k: v for k, v in asdict(facts).items() if k != "path"})
        memory.remember(KIND, key, verdict)
    return facts


def _check(path: Path, size: int) -> ImageFacts:
    if size > MAX_BYTES:
        raise ImageProblem(
            f"expected an image of at most {MAX_BYTES // 2**20} MB, got {size // 2**20} MB"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind = image.format or "unknown"
                if kind not in FORMATS:
                    raise ImageProblem(f"expected a JPEG, PNG or WebP image, got {kind}")
                width, height = image.size
                # Only a JPEG's size limit depends on its turn; a PNG's EXIF may come after its
                # pixels, and reading it would decode the image before its size is checked.
                turn = exif_orientation(image) if kind == "JPEG" else 1
                if problem := _size_problem(kind, width, height, turn):
                    raise ImageProblem(problem)
                alpha = has_transparency(image)
                checked = kind == "PNG" and _png_without_decoding(image, path)
                orientation = exif_orientation(image)
                if not checked:
                    if kind == "JPEG":
                        # The smallest scale (1/8): every block is still entropy-decoded, so a
                        # cut or damaged file fails here, yet few pixels are transformed.
                        image.draft("RGB", (1, 1))
                    image.load()
    except ImageProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            "expected a normal image, got one that expands too far (a decompression bomb)"
        ) from None
    except UnidentifiedImageError:
        raise ImageProblem(
            "expected a JPEG, PNG or WebP image, got a file that is not an image"
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(f"expected a complete image, got a damaged one ({exc})") from None
    return ImageFacts(path, FORMATS[kind], width, height, file_digest(path), orientation, alpha)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHUNK = struct.Struct(">I4s")
_METADATA = frozenset({b"eXIf", b"tEXt", b"zTXt", b"iTXt"})
"""Chunks that may hold an orientation (EXIF, or XMP and raw EXIF profiles in text)."""


def _png_without_decoding(image: Image.Image, path: Path) -> bool:
    """Check a PNG without inflating its pixels, when its orientation can be read so too.

    Decoding was most of a PNG's check, and the picture decodes it again; instead every chunk
    is read to ``IEND`` and its CRC compared, which finds a file cut short or damaged. Pixel
    data that is wrong under a right CRC (an encoder's bug) fails when the picture is drawn,
    reported at the same field. Returns False, having checked nothing but the CRCs, when the
    orientation needs the pixels decoded: a PNG whose metadata follows its pixels (Pillow
    reads it only after them) or that keeps its EXIF in a raw text profile.

    Raises OSError for a file cut short or a chunk whose bytes do not match its CRC.
    """
    late = _png_chunks(path)
    if late or ("exif" not in image.info and "Raw profile type exif" in image.info):
        return False
    # No EXIF before the pixels and none after: without this, ``getexif`` would decode the
    # pixels to look for one after them.
    image.info.setdefault("exif", b"")
    return True


def _png_chunks(path: Path) -> bool:
    """Read a PNG's chunks to its ``IEND``, checking each one's CRC; whether any metadata
    chunk comes after the first pixel data (``IDAT``).

    Raises OSError for a file cut short or a chunk whose bytes are not what its CRC says.
    """
    pixels = late = False
    with path.open("rb") as stream:
        if stream.read(8) != PNG_SIGNATURE:
            raise OSError("not a PNG file")
        while True:
            head = stream.read(_CHUNK.size)
            if len(head) < _CHUNK.size:
                raise OSError("image file is truncated")
            length, cid = _CHUNK.unpack(head)
            crc = zlib.crc32(cid)
            left = length
            while left:
                piece = stream.read(min(left, 1 << 20))
                if not piece:
                    raise OSError("image file is truncated")
                crc = zlib.crc32(piece, crc)
                left -= len(piece)
            stored = stream.read(4)
            if len(stored) < 4:
                raise OSError("image file is truncated")
            if int.from_bytes(stored, "big") != crc:
                raise OSError(
                    f"broken PNG file (bad CRC in its {printable(cid.decode('latin-1'))} chunk)"
                )
            pixels = pixels or cid == b"IDAT"
            late = late or (pixels and cid in _METADATA)
            if cid == b"IEND":
                return late


def exif_orientation(image: Image.Image) -> int:
    """The EXIF orientation tag, 1 when absent or out of range."""
    try:
        value = image.getexif().get(0x0112, 1)
    except (OSError, SyntaxError, ValueError):
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def has_transparency(image: Image.Image) -> bool:
    """Whether ``image`` has an alpha channel or a transparent colour (palette and grey images
    included), so a fallback must be PNG rather than JPEG."""
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
