"""The PDF media kit: built with the site, read back with a real PDF library (pypdf).

Each kit gets ``<slug>/<slug>-media-kit.pdf``: the media kit on one page (two at most), then the
rate card on one, with the rates the kit's visibility allows, bundled fonts embedded, real text,
working links and document metadata, linked from the media-kit and work-with-me pages.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import MINIMAL_KIT, WITH_PDFS, build_with_plugin, kitfolio, read_html, write_site
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.outputs import pdf
from kitfolio.outputs.paper import A4, LETTER, Paper, paper_for

RATES = """\
tagline: Ceramics and slow living
location: Bristol, United Kingdom
avatar: media/face.jpg
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Fixed reel, platform: instagram, price: 7319}}
    - {{deliverable: Ranged video, platform: tiktok, price: {{min: 8423, max: 9531}}}}
  packages:
    - {{name: Launch bundle, includes: [1 reel, 1 video], price: 6271}}
terms:
  payment: Net 30
partnerships:
  - brand: Kiln Co
    year: 2025
    summary: A glaze series
    testimonial: {{quote: Lovely work, author: Jo Kiln}}
"""
AMOUNTS = ("7,319", "8,423", "9,531", "6,271")


def kit(name: str, visibility: str) -> str:
    return MINIMAL_KIT.replace("Ava Green", name) + RATES.format(visibility=visibility)


def project(root: Path, **options: Any) -> Path:
    (root / "kits" / "media").mkdir(parents=True, exist_ok=True)
    Image.effect_noise((800, 800), 40).convert("RGB").save(root / "kits" / "media" / "face.jpg")
    kits = {
        "priya": kit("Priya Rate", "public"),
        "lars": kit("Lars Private", "private"),
        "noor": kit("Noor Request", "on-request"),
    }
    return write_site(root, kits, **{**WITH_PDFS, **options})


def built(root: Path) -> tuple[KitfolioPlugin, Path]:
    return build_with_plugin(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(project(tmp_path_factory.mktemp("pdf")))[1]


def reader(site: Path, slug: str) -> PdfReader:
    path = site / slug / f"{slug}-media-kit.pdf"
    assert path.is_file(), f"no PDF for {slug}"
    return PdfReader(path)


def pages_text(document: PdfReader) -> list[str]:
    return [page.extract_text() for page in document.pages]


def test_each_kit_has_a_media_kit_page_then_one_rate_card_page(site: Path) -> None:
    for slug in ("priya", "lars", "noor"):
        texts = pages_text(reader(site, slug))
        assert 2 <= len(texts) <= 3, (slug, len(texts))
        with_card = [i for i, text in enumerate(texts) if "Rate card" in text]
        assert with_card == [len(texts) - 1], (slug, with_card)
        assert "Instagram" in texts[0] and "Rate card" not in texts[0]


def test_the_text_holds_the_name_and_every_visible_price(site: Path) -> None:
    texts = pages_text(reader(site, "priya"))
    assert "Priya Rate" in texts[0]
    card = texts[-1]
    for amount in AMOUNTS:
        assert f"£{amount}" in card, amount
    assert "Fixed reel" in card and "Net 30" in card


@pytest.mark.parametrize("slug", ["lars", "noor"])
def test_hidden_rates_leave_no_figure_in_the_pdf(site: Path, slug: str) -> None:
    text = " ".join(pages_text(reader(site, slug)))
    assert not re.search(r"£\s?\d", text)
    for amount in AMOUNTS:
        assert amount not in text and amount.replace(",", "") not in text
    assert "Fixed reel" in text  # the deliverables are still named


def test_on_request_says_how_to_ask(site: Path) -> None:
    document = reader(site, "noor")
    card = pages_text(document)[-1]
    assert "Rates are shared on request" in card
    assert "hello@example.org" in card
    assert any(uri.startswith("mailto:hello@example.org") for uri in links(document))


def links(document: PdfReader) -> list[str]:
    found = []
    for page in document.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def test_links_are_real_and_absolute(site: Path) -> None:
    found = links(reader(site, "priya"))
    assert "https://example.org/priya/" in found
    assert "mailto:hello@example.org" in found
    assert all(re.match(r"(https?|mailto):", uri) for uri in found), found


def test_the_bundled_fonts_are_embedded(site: Path) -> None:
    document = reader(site, "priya")
    fonts: dict[str, bool] = {}
    for page in document.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            face = descendants[0].get_object() if descendants else font
            descriptor = face["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values()), fonts
    assert all("Kitfolio-" in name for name in fonts), fonts  # the bundled faces, no system font


def test_metadata_names_the_kit_and_its_creator(site: Path) -> None:
    meta = reader(site, "priya").metadata
    assert meta is not None
    assert meta.title == "Priya Rate — Media kit"
    assert meta.author == "Priya Rate"
    assert meta.subject and "Priya Rate" in meta.subject


def test_the_portrait_is_embedded_at_print_resolution(site: Path) -> None:
    first = reader(site, "priya").pages[0]
    widths = [image.image.width for image in first.images]
    source = read_html(site / "priya/index.html").select_one("img.kf-avatar")
    assert source is not None and source.parent is not None
    webp = source.parent.select_one("source[type='image/webp']")
    assert webp is not None
    widest = max(int(entry.split()[1][:-1]) for entry in str(webp["srcset"]).split(", "))
    assert widths and max(widths) == widest, (widths, widest)
    assert widest / (25 / 25.4) >= 300  # the sheet's 25 mm portrait at 300 dpi or more


@pytest.mark.parametrize("page", ["priya/index.html", "priya/work-with-me/index.html"])
def test_both_pages_link_to_the_pdf(site: Path, page: str) -> None:
    html = read_html(site / page)
    [link] = [a for a in html.find_all("a", href=True) if a["href"].endswith(".pdf")]
    assert link.get_text(strip=True) == "Download PDF"
    assert (site / page).parent.joinpath(link["href"]).resolve() == (
        site / "priya" / "priya-media-kit.pdf"
    ).resolve()


def test_pdf_false_makes_no_pdf_and_no_link(tmp_path: Path) -> None:
    root = project(tmp_path, plugins=[{"kitfolio": {"pdf": False}}])
    _, out = built(root)
    assert not list(out.rglob("*.pdf"))
    for page in ("priya/index.html", "priya/work-with-me/index.html"):
        html = read_html(out / page)
        assert not [a for a in html.find_all("a", href=True) if ".pdf" in a["href"]]
        assert "Download PDF" not in html.get_text()


def test_a_warm_build_draws_no_pdf(tmp_path: Path) -> None:
    root = project(tmp_path)
    first, out = built(root)
    assert first.built is not None and first.built.media is not None
    assert {job.slug for job in first.built.media.made.jobs if job.cold} == {
        "priya",
        "lars",
        "noor",
    }
    cache = root / ".cache" / "kitfolio" / "files"
    drawn = {p: p.stat().st_mtime_ns for p in cache.rglob(pdf.FILE_NAME)}
    assert len(drawn) == 3
    again, out = built(root)
    assert again.built is not None and again.built.media is not None
    assert [job for job in again.built.media.made.jobs if job.cold] == []
    assert {p: p.stat().st_mtime_ns for p in cache.rglob(pdf.FILE_NAME)} == drawn
    assert (out / "priya" / "priya-media-kit.pdf").read_bytes() in {p.read_bytes() for p in drawn}


def test_a_changed_figure_draws_that_kits_pdf_again(tmp_path: Path) -> None:
    root = project(tmp_path)
    built(root)
    path = root / "kits" / "lars.yml"
    path.write_text(path.read_text("utf-8").replace("48200", "51000"), encoding="utf-8")
    plugin, out = built(root)
    assert plugin.built is not None and plugin.built.media is not None
    assert {job.slug for job in plugin.built.media.made.jobs if job.cold} == {"lars"}
    assert "51K" in pages_text(reader(out, "lars"))[0]


def test_kitfolio_pdf_writes_the_file_the_build_publishes(tmp_path: Path) -> None:
    root = project(tmp_path)
    _, out = built(root)
    ran = kitfolio("pdf", "priya", "-o", "kit.pdf", cwd=root)
    assert ran.returncode == 0, ran.stderr
    assert "wrote kit.pdf" in ran.stdout
    assert (root / "kit.pdf").read_bytes() == (out / "priya" / "priya-media-kit.pdf").read_bytes()


def test_kitfolio_pdf_without_a_build_and_with_a_wrong_slug(tmp_path: Path) -> None:
    root = project(tmp_path)
    ran = kitfolio("pdf", "noor", cwd=root)
    assert ran.returncode == 0, ran.stderr
    assert "Noor Request" in pages_text(PdfReader(root / "noor-media-kit.pdf"))[0]
    wrong = kitfolio("pdf", "nobody", cwd=root)
    assert wrong.returncode == 2 and "no kit 'nobody'" in wrong.stderr


def test_drawing_leaves_nothing_in_the_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint keeps a PDF's fonts in a temporary folder of about 12 MB, which every PDF,
    drawn in a build's worker or by ``kitfolio pdf``, left behind."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    root = project(tmp_path / "site")
    _, out = built(root)
    assert len(list(out.rglob("*.pdf"))) == 3
    monkeypatch.setenv("TMPDIR", str(scratch))
    ran = kitfolio("pdf", "noor", "-o", "noor.pdf", cwd=root)
    assert ran.returncode == 0, ran.stderr
    assert (root / "noor.pdf").is_file()
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize(
    ("locale", "paper"), [("en", LETTER), ("en_GB", A4), ("fr_CA", LETTER), ("de", A4)]
)
def test_paper_follows_the_locales_territory(locale: str, paper: Paper) -> None:
    assert paper_for(locale) == paper


def test_the_pdf_is_on_the_sites_paper(tmp_path: Path) -> None:
    root = project(tmp_path, plugins=[{"kitfolio": {"locale": "en_GB"}}])
    _, out = built(root)
    box = reader(out, "priya").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_the_pdf_fetches_only_files_of_the_build() -> None:
    font = pdf.FONT_ROOT + pdf.FONT_FILES[0]
    fetcher = pdf._build_files({font: pdf.FONTS / pdf.FONT_FILES[0]})
    assert fetcher(font).read()[:4] == b"\x00\x01\x00\x00"
    for url in ("https://example.org/pixel.png", "file:///etc/passwd", pdf.SITE + "../x"):
        with pytest.raises(ValueError, match="not fetched"):
            fetcher(url)
