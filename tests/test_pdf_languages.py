"""The PDF media kit in every language of the site, each language's pages linking to their own.

A site with ``languages: [en, es, ar]`` publishes ``/<slug>/<slug>-media-kit.pdf`` in English,
``/es/<slug>/…`` in Spanish and ``/ar/<slug>/…`` in Arabic (right to left), with the interface
words of that language and the kit's own translations; each is cached on its own.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import MINIMAL_KIT, build_with_plugin, kitfolio, read_html, write_site
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.outputs import pdf
from kitfolio.outputs.paper import paper_for
from kitfolio.outputs.pdf_fit import STEPS
from kitfolio.outputs.templates import environment

KIT = (
    MINIMAL_KIT.replace("Ava Green", "Priya Rate")
    + """\
tagline: Ceramics and slow living
rates:
  currency: GBP
  visibility: public
  items:
    - {deliverable: Fixed reel, platform: instagram, price: 7319}
translations:
  es:
    tagline: Cerámica y vida lenta
"""
)
LANGUAGES = ("en", "es", "ar")
PDFS = {
    "en": "priya/priya-media-kit.pdf",
    "es": "es/priya/priya-media-kit.pdf",
    "ar": "ar/priya/priya-media-kit.pdf",
}


def built(root: Path) -> tuple[KitfolioPlugin, Path]:
    return build_with_plugin(root)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = write_site(
        tmp_path_factory.mktemp("languages"),
        {"priya": KIT},
        plugins=[{"kitfolio": {"languages": list(LANGUAGES), "social_cards": False}}],
    )
    return root, built(root)[1]


def text(site: Path, language: str) -> str:
    reader = PdfReader(site / PDFS[language])
    return unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))


def test_each_language_has_its_own_pdf(project: tuple[Path, Path]) -> None:
    site = project[1]
    for language, path in PDFS.items():
        reader = PdfReader(site / path)
        assert len(reader.pages) == 2, language
        assert reader.trailer["/Root"]["/Lang"] == language


def test_each_pdf_is_in_its_languages_words(project: tuple[Path, Path]) -> None:
    site = project[1]
    english, spanish, arabic = (text(site, language) for language in LANGUAGES)
    assert "Rate card" in english and "Ceramics and slow living" in english
    assert "Tarifas" in spanish and "PLATAFORMAS" in spanish
    assert "Cerámica y vida lenta" in spanish  # the kit's own translation
    assert "Rate card" not in spanish
    assert "Ceramics and slow living" in arabic  # no Arabic translation: the kit's words
    assert "Rate card" not in arabic and "Platforms" not in arabic
    assert "الإحصاءات" in arabic  # "Stats as of" (some shaped glyphs extract as others)
    assert "£7,319" in english and "7,319" in spanish.replace(".", ",")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["priya/index.html", "priya/work-with-me/index.html"])
def test_each_languages_pages_link_to_their_own_pdf(
    project: tuple[Path, Path], language: str, page: str
) -> None:
    site = project[1]
    path = site / (page if language == "en" else f"{language}/{page}")
    [link] = [a for a in read_html(path).find_all("a", href=True) if a["href"].endswith(".pdf")]
    assert path.parent.joinpath(link["href"]).resolve() == (site / PDFS[language]).resolve()


def test_kitfolio_pdf_language_writes_that_languages_file(project: tuple[Path, Path]) -> None:
    root, site = project
    ran = kitfolio("pdf", "priya", "--language", "es", "-o", "es.pdf", cwd=root)
    assert ran.returncode == 0, ran.stderr
    assert (root / "es.pdf").read_bytes() == (site / PDFS["es"]).read_bytes()
    wrong = kitfolio("pdf", "priya", "--language", "fr", cwd=root)
    assert wrong.returncode == 2 and "no language 'fr'" in wrong.stderr


def test_warm_builds_draw_none_and_a_changed_translation_draws_its_language(
    project: tuple[Path, Path],
) -> None:
    root = project[0]
    again, _ = built(root)
    assert again.built is not None and again.built.media is not None
    assert [job for job in again.built.media.made.jobs if job.cold] == []
    path = root / "kits" / "priya.yml"
    path.write_text(
        path.read_text("utf-8").replace("Cerámica y vida lenta", "Cerámica hecha a mano"), "utf-8"
    )
    changed, site = built(root)
    assert changed.built is not None and changed.built.media is not None
    assert len([job for job in changed.built.media.made.jobs if job.cold]) == 1
    assert "Cerámica hecha a mano" in text(site, "es")


def test_the_kits_own_words_are_marked_with_its_language_in_another_languages_pdf(
    project: tuple[Path, Path],
) -> None:
    """The Arabic PDF shows the tagline the kit has no Arabic for in English, and says so (as
    the pages do), so the PDF's text is shaped and read as English; the Spanish one is Spanish."""
    plugin, _ = built(project[0])
    assert plugin.built is not None
    taglines = {}
    for site in plugin.built.sites:
        view = next(v for v in site.kits if v.slug == "priya")
        sheet = pdf.plan(
            view, environment(None), paper_for(site.settings.locale), {}, site_url="", fonts={}
        )
        soup = BeautifulSoup(sheet.render("kit", STEPS["kit"][0]), "html.parser")
        tagline = soup.select_one("p.tagline")
        assert tagline is not None
        marked = tagline.find(attrs={"lang": True})
        taglines[site.language] = (tagline.get_text(), marked["lang"] if marked else None)
    assert taglines["en"] == ("Ceramics and slow living", None)
    assert taglines["ar"] == ("Ceramics and slow living", "en")
    spanish, marked_es = taglines["es"]  # an earlier test may have changed the translation
    assert spanish.startswith("Cerámica") and marked_es is None
