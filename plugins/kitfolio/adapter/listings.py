"""Where the site lists its pages, the sitemap and the search index: pitches, reports and
protected pages stay out of them, and the sitemap names each page's other languages."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.utils.templates import TemplateContext

from kitfolio.outputs.language_versions import versions
from kitfolio.outputs.plan import PlannedPage


def sitemap_context(
    context: TemplateContext, pages: Mapping[str, PlannedPage], site_url: str
) -> TemplateContext:
    """The sitemap's pages without the unlisted ones, and every page's versions."""
    unlisted = {src for src, page in pages.items() if not page.inclusion.in_sitemap}
    if unlisted:
        listed = context.get("pages") or []
        context["pages"] = [f for f in listed if f.src_uri not in unlisted]
    extra: dict[str, Any] = context  # type: ignore[assignment]
    extra["kitfolio_sitemap"] = {src: versions(p, site_url) for src, p in pages.items()}
    return context


def drop_unlisted_from_search(site_dir: str, pages: Mapping[str, PlannedPage]) -> None:
    """Whichever search plugin ran, its index leaves the unlisted pages out."""
    index = Path(site_dir) / "search" / "search_index.json"
    unlisted = {page.url for page in pages.values() if not page.inclusion.in_search}
    if not unlisted or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    kept = [d for d in docs if str(d.get("location", "")).split("#")[0] not in unlisted]
    if len(kept) != len(docs):
        data["docs"] = kept
        index.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
