"""The PDF media kit: the media kit on one page (two at most), then the rate card on one.

Drawn by WeasyPrint from the kit's public view (prices already decided there), through the
theme's ``kitfolio/pdf/media-kit.html`` with its print stylesheet, on the site's paper. The
document reads only files of the build: the bundled fonts and the kit's own drawn pictures,
each under an address of the reserved ``.invalid`` domain, served by a fetcher that refuses
every other address. Nothing is fetched from the network, whatever a kit's text links to.

A ``Sheet`` is the planned document (its HTML and the files it may read); its key hashes all of
them and WeasyPrint's version, so the build cache keeps a drawn PDF until one of them changes.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import Environment
from PIL import Image as PillowImage
from PIL import ImageFile
from pydantic import BaseModel, ConfigDict, Field

from kitfolio.cache import digest, file_digest
from kitfolio.media.work import Made, Media, Output
from kitfolio.outputs.paper import Paper, paper_for
from kitfolio.outputs.pdf_fit import STEPS, Fit, can_fit
from kitfolio.outputs.templates import environment
from kitfolio.present.messages import page_messages, translations
from kitfolio.public.site import Site
from kitfolio.public.views import Image, KitView

VERSION = "pdf-3"
"""Bump when the drawing changes outside the template (fetcher, options), to draw PDFs again."""
TEMPLATE = "kitfolio/pdf/media-kit.html"
PARTS = ("kit", "rates")
FILE_NAME = "media-kit.pdf"
"""The file's name inside its cache entry."""
ORIGIN = "https://kitfolio.invalid/"
"""Where the document's files appear to be: a reserved domain that never resolves."""
SITE = ORIGIN + "site/"
FONT_ROOT = ORIGIN + "fonts/"
FONTS = Path(__file__).parents[1] / "fonts"
FONT_FILES = (
    "Inter-Regular.ttf",
    "Inter-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansJP-Bold.ttf",
)
PRINT_DPI = 300
"""Images are embedded at most at this resolution for their printed size."""
JPEG_QUALITY = 88

_DRAWING = threading.Lock()
"""WeasyPrint's text layout goes through one Pango/fontconfig state: one document at a time."""


class PdfFacts(BaseModel):
    """What drawing a PDF found, as remembered in the cache."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")
    pages: int = Field(ge=1)
    kit_pages: int = Field(ge=1)


def pdf_src(slug: str, prefix: str = "") -> str:
    """The PDF's path in the site: ``ava/ava-media-kit.pdf``, a name a brand finds later;
    ``es/ava/ava-media-kit.pdf`` in a language whose pages live under ``prefix`` ``es/``."""
    return f"{prefix}{slug}/{slug}-media-kit.pdf"


def catalog_identity(language: str) -> str:
    """A digest of the compiled catalogs ``language``'s words come from (none for English
    without one), so a changed translation draws that language's PDFs again."""
    files = getattr(translations(language), "files", [])
    return digest(language, *(file_digest(Path(name)) for name in files))


@dataclass(frozen=True)
class Sheet:
    """One kit's planned PDF: how to write each part's HTML and the files it may read."""

    slug: str
    src: str
    render: Callable[[str, Fit], str]
    """(part, fit) → the HTML of that part set that way."""
    pictures: Mapping[str, str]
    """Address → the site path of a drawn picture the document shows."""
    identities: Mapping[str, str]
    """Address → what names the file's content (a cache key or a digest), for the key."""

    def key(self) -> str:
        """A hash of everything that shapes the PDF: both parts at their first step (the
        other steps follow from the same template and view), the files, WeasyPrint's version."""
        named = sorted(f"{url} {identity}" for url, identity in self.identities.items())
        parts = [self.render(part, STEPS[part][0]) for part in PARTS]
        return digest(VERSION, version("weasyprint"), repr(STEPS), *parts, *named)


def print_image(image: Image) -> str:
    """The rendition a sheet embeds: the widest, so it prints sharp (WebP is passed on as JPEG
    by the fetcher, unless the picture has transparency and its fallback is PNG)."""
    if image.webp and not image.src.endswith(".png"):
        return max(image.webp, key=lambda pair: pair[1])[0]
    return image.src


def images_of(view: KitView) -> list[Image]:
    """The pictures a sheet may show: portrait, cover, highlights."""
    found = [view.avatar, view.cover, *(h.image for h in view.highlights)]
    return [image for image in found if image is not None]


def font_identities() -> dict[str, str]:
    """Each bundled font's address and digest (read once per build)."""
    return {FONT_ROOT + name: file_digest(FONTS / name) for name in FONT_FILES}


def plan(
    view: KitView,
    env: Environment,
    paper: Paper,
    drawn: Mapping[str, str],
    *,
    site_url: str,
    fonts: Mapping[str, str],
    prefix: str = "",
) -> Sheet:
    """The sheet of ``view`` in its language (its words, ``lang`` and direction, and the
    catalog's digest in its key), published under ``prefix``; ``drawn`` maps the site path of
    each drawn picture to its key."""
    pictures: dict[str, str] = {}
    identities = {**fonts, "catalog": catalog_identity(view.language)}
    for image in images_of(view):
        src = print_image(image)
        if src in drawn:
            pictures[SITE + src] = src
            identities[SITE + src] = drawn[src]
    base = site_url.rstrip("/") + "/" if site_url else ""
    template = env.get_template(TEMPLATE)

    def render(part: str, fit: Fit) -> str:
        return template.render(
            kit=view,
            part=part,
            fit=fit,
            paper=paper,
            language=view.language,
            kit_link=base + view.url if base else None,
            work_link=base + view.work_url if base else None,
            image_url=lambda image: SITE + print_image(image),
            has_image=lambda image: image is not None and SITE + print_image(image) in pictures,
            font_root=FONT_ROOT,
            **page_messages(view.language),  # the kit's words in its language, as its pages
        )

    return Sheet(view.slug, pdf_src(view.slug, prefix), render, pictures, identities)


def draw(sheet: Sheet, target: Path, pictures: Mapping[str, Path]) -> PdfFacts:
    """Write the sheet's PDF to ``target``, its pictures read from ``pictures`` (site path →
    file): each part at the first step of ``pdf_fit`` that sets it on one page, one after the
    other. Returns how many pages each part took."""
    files = {FONT_ROOT + name: FONTS / name for name in FONT_FILES}
    files.update((url, pictures[src]) for url, src in sheet.pictures.items() if src in pictures)
    fetcher = _build_files(files)
    with _DRAWING, _fonts() as fonts:
        shared = _Shared(fonts, {})
        kit, rates = (_fitted(sheet, part, fetcher, shared) for part in PARTS)
        pages = [*kit.pages, *rates.pages]
        kit.copy(pages).write_pdf(target, dpi=PRINT_DPI, pdf_identifier=sheet.key()[:32].encode())
    return PdfFacts(pages=len(pages), kit_pages=len(kit.pages))


@contextmanager
def _fonts() -> Iterator[Any]:
    """A WeasyPrint font configuration, and its folder of ``@font-face`` files removed when the
    PDF is written. WeasyPrint removes that folder (a dozen MB in the system's temporary
    directory) only when the configuration is collected, which a forked worker that exits, or
    a build with the cycle collector paused, never does: one folder per PDF was left behind."""
    fonts = _weasyprint().text.fonts.FontConfiguration()
    try:
        yield fonts
    finally:
        folder = getattr(fonts, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
            fonts._folder = None


@dataclass(frozen=True)
class _Shared:
    """What every layout of one PDF shares: its fonts, loaded once, and its decoded images."""

    fonts: Any
    images: dict[str, Any]


def _fitted(sheet: Sheet, part: str, fetcher: Any, shared: _Shared) -> Any:
    """The part laid out at the first step that fits one page, else at the last step
    (steps that cannot fit are skipped, see ``pdf_fit.can_fit``)."""
    html = _weasyprint().HTML
    *steps, last = STEPS[part]
    tried: tuple[Fit, int] | None = None
    for fit in steps:
        if tried is not None and not can_fit(fit, *tried):
            continue
        document = html(string=sheet.render(part, fit), base_url=SITE, url_fetcher=fetcher)
        laid_out = document.render(font_config=shared.fonts, cache=shared.images)
        if len(laid_out.pages) == 1:
            return laid_out
        tried = (fit, len(laid_out.pages))
    document = html(string=sheet.render(part, last), base_url=SITE, url_fetcher=fetcher)
    return document.render(font_config=shared.fonts, cache=shared.images)


def _build_files(files: Mapping[str, Path]) -> Any:
    """A WeasyPrint fetcher that serves ``files`` by address and refuses anything else."""
    urls = _weasyprint().urls
    fetcher: type = urls.URLFetcher
    response = urls.URLFetcherResponse

    class BuildFiles(fetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:  # noqa: ARG002 (WeasyPrint's signature)
            path = files.get(url)
            if path is None:
                raise ValueError(f"not a file of this build, not fetched: {url}")
            data = path.read_bytes()
            if path.suffix == ".webp":
                return response(url, _as_jpeg(data), {"Content-Type": "image/jpeg"})
            kind = {".ttf": "font/ttf", ".png": "image/png"}.get(path.suffix, "image/jpeg")
            return response(url, data, {"Content-Type": kind})

    return BuildFiles(allowed_protocols=("https",), allow_redirects=False)


def _weasyprint() -> Any:
    """WeasyPrint, imported when a PDF is drawn (it loads Pango). Importing it turns on Pillow's
    global ``LOAD_TRUNCATED_IMAGES``, which would let a truncated kit photo pass Kitfolio's
    image checks in every later build of the process; it is turned off again here."""
    import weasyprint
    import weasyprint.text.fonts
    import weasyprint.urls

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def _as_jpeg(data: bytes) -> bytes:
    """A WebP rendition as JPEG, which a PDF embeds as it is (WeasyPrint would store WebP as a
    lossless PNG, many times larger)."""
    with PillowImage.open(io.BytesIO(data)) as image:
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class PdfOptions:
    """What a site's PDFs depend on besides each kit: its address, locale and templates
    (each language's paper follows that language's locale, see ``Site.settings``)."""

    site_url: str = ""
    locale: str = "en"
    custom_dir: Path | None = None


def media_kits(
    media: Media, sites: Sequence[Site], options: PdfOptions
) -> tuple[list[Made], dict[tuple[str, str], str]]:
    """Every kit's PDF in every language of the site, as work for ``Media.make`` (which finds
    it in the cache: a warm build draws none), and the PDF's site path by (language, slug).
    Call once the pictures are drawn: a PDF shows them."""
    outputs = {output.src: output for output in media.outputs}
    drawn = {src: output.key for src, output in outputs.items()}
    env = environment(options.custom_dir)
    fonts = font_identities()
    wanted = []
    links: dict[tuple[str, str], str] = {}
    for site in sites:
        paper = paper_for(site.settings.locale)
        for view in site.kits:
            sheet = plan(
                view, env, paper, drawn, site_url=options.site_url, fonts=fonts, prefix=site.prefix
            )
            work = _work(sheet, media, outputs)
            wanted.append(Made(view.slug, "pdf", sheet.key(), work, PdfFacts, sheet.src, FILE_NAME))
            links[(site.language, view.slug)] = sheet.src
    return wanted, links


def _work(
    sheet: Sheet, media: Media, outputs: Mapping[str, Output]
) -> Callable[[Path], dict[str, Any]]:
    def work(folder: Path) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="kitfolio-pdf-") as scratch:
            pictures: dict[str, Path] = {}
            for number, src in enumerate(sorted(set(sheet.pictures.values()))):
                target = Path(scratch) / f"{number}{Path(src).suffix}"
                media.publish(outputs[src], target)  # checked against the cache as it is read
                pictures[src] = target
            return draw(sheet, folder / FILE_NAME, pictures).model_dump()

    return work
