"""Where the site lists its pages, the sitemap and the search index: pitches, reports and
protected pages stay out of them, the sitemap names each page's other languages, and each
language's pages search their language only."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext

from kitfolio.adapter.material import search_settings
from kitfolio.outputs import search_indexes
from kitfolio.outputs.language_versions import Versions, document_versions, versions
from kitfolio.outputs.plan import PlannedPage
from kitfolio.public.site import Site


class Documents:
    """The site's own (Markdown) pages, source path → URL, and the languages' folders: a page
    in ``es/`` is the Spanish version of the page at the same path in the first language's."""

    def __init__(self, urls: Mapping[str, str], sites: Mapping[str, Site]) -> None:
        self.urls = dict(urls)
        self.prefixes = {language: site.prefix for language, site in sites.items()}
        self._known = frozenset(self.urls.values())

    def versions(self, url: str, site_url: str) -> Versions:
        """A page of the site's own in each language's folder (about/, es/about/)."""
        return document_versions(url, self.prefixes, self._known, site_url)

    def language_of(self, url: str) -> str | None:
        """The language of a page of the site's own by its folder (``es/about/`` is Spanish);
        ``None`` in the first language's, which speaks the site's language already."""
        return next((lang for lang, p in self.prefixes.items() if p and url.startswith(p)), None)

    def folder_of(self, language: str | None, url: str) -> str:
        """The folder of a page's language (``es/``): a planned page's own, else its address's."""
        if language is not None:
            return self.prefixes.get(language, "")
        return next((p for p in self.prefixes.values() if p and url.startswith(p)), "")


def sitemap_context(
    context: TemplateContext,
    pages: Mapping[str, PlannedPage],
    documents: Documents,
    site_url: str,
) -> TemplateContext:
    """The sitemap's pages without the unlisted ones, and every page's versions."""
    unlisted = {src for src, page in pages.items() if not page.inclusion.in_sitemap}
    if unlisted:
        listed = context.get("pages") or []
        context["pages"] = [f for f in listed if f.src_uri not in unlisted]
    extra: dict[str, Any] = context  # type: ignore[assignment]
    extra["kitfolio_sitemap"] = {
        **{src: documents.versions(url, site_url) for src, url in documents.urls.items()},
        **{src: versions(p, site_url) for src, p in pages.items()},
    }
    return context


def write_search_indexes(
    config: MkDocsConfig, pages: Mapping[str, PlannedPage], documents: Documents
) -> None:
    """One index per language (outputs/search_indexes.py), with that language's search
    settings; the unlisted pages are in none, whichever search plugin ran."""
    unlisted = {page.url for page in pages.values() if not page.inclusion.in_search}
    settings = {lang: search_settings(config, lang) for lang in list(documents.prefixes)[1:]}
    search_indexes.write_indexes(Path(config.site_dir), documents.prefixes, unlisted, settings)
