"""Check the images a kit names before anything is built from them.

A missing, truncated or hostile file (a decompression bomb) must be a clear error that names the
kit and the image, never a Pillow traceback in the middle of a build. Checking decodes the image,
so what a check found is remembered in the build cache under the file's path, size and change
times: a warm build checks an unchanged photo with one ``stat``.
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from .cache import Memory, file_digest
from .errors import printable

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_PIXELS = 80_000_000
MAX_BYTES = 30 * 1024 * 1024
VERSION = "images-1"
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
    known = memory.record(KIND, key) if memory is not None else None
    if known is not None and (facts := _remembered(path, known)) is not None:
        return facts
    facts = _check(path, stat.st_size)
    if memory is not None:
        memory.remember(KIND, key, {k: v for k, v in asdict(facts).items() if k != "path"})
    return facts


def _remembered(path: Path, known: dict[str, Any]) -> ImageFacts | None:
    try:
        return ImageFacts(path, **known)
    except TypeError:
        return None


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
                if width * height > MAX_PIXELS:
                    raise ImageProblem(
                        f"expected at most {MAX_PIXELS // 1_000_000} megapixels, "
                        f"got {width}×{height} (a decompression bomb?)"
                    )
                orientation = _orientation(image)
                alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                if kind == "JPEG":
                    image.draft("RGB", (256, 256))
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


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation tag, 1 when absent or out of range."""
    try:
        value = image.getexif().get(0x0112, 1)
    except (OSError, SyntaxError, ValueError):
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1
