"""The MkDocs page of a generated file: its source is front matter only, so it is read without
parsing YAML again for every page and rendered without building a Markdown converter (MkDocs
makes one per page, with every extension of the site: thousands of them in a large roster)."""

from __future__ import annotations

from functools import cache
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta


@cache
def _front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """MkDocs' own reading of one front matter text, read once per distinct text."""
    return meta.get_data(source)


class GeneratedPage(Page):
    """A page whose Markdown is empty: its content is the search text ``on_page_content``
    gives it, and its template renders the rest."""

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        markdown, found = _front_matter(source if source is not None else self.file.content_string)
        self.markdown, self.meta = markdown, dict(found)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.markdown.strip():  # a plugin gave it words: MkDocs' own rendering then
            super().render(config, files)
            return
        self.content = ""
        self.toc = []  # type: ignore[assignment]
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
