"""What a generated page's template is handed: its kit's view in its language, the site in that
language, its messages, link previews, alternates and, when protected, its sealer."""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from kitfolio.adapter.material import material_language
from kitfolio.outputs import extras as outputs
from kitfolio.outputs import protect
from kitfolio.outputs.language_versions import versions
from kitfolio.outputs.page_meta import page_meta
from kitfolio.outputs.plan import PlannedPage
from kitfolio.pipeline import BuildProducts
from kitfolio.present.messages import page_messages
from kitfolio.public.site import Site


def page_texts(page: Page, planned: PlannedPage, config: MkDocsConfig) -> None:
    """The page's title, description and canonical address, which the search index and the
    sitemap read too, so a replayed page gets them as well."""
    page.title = Markup(html.escape(planned.title))
    page.meta["description"] = Markup(html.escape(planned.description))
    private = planned.pitch is not None or planned.campaign is not None or planned.protect
    view = planned.view
    if not private and view is not None and planned.home and config.site_url:
        page.canonical_url = config.site_url.rstrip("/") + "/" + view.url


def fill(
    extra: dict[str, Any],
    planned: PlannedPage,
    site: Site,
    additions: outputs.SiteExtras,
    built: BuildProducts | None,
    site_url: str,
) -> None:
    """Everything the page's template reads, into its context ``extra``."""
    extra["kitfolio"] = site
    extra["kit"] = planned.view
    extra.update(page_messages(planned.language))
    extra["kitfolio_material_lang"] = material_language(planned.language)
    extra["kitfolio_versions"] = versions(planned, site_url)
    if planned.protect:
        try:
            extra["kf_protected"] = protect.sealer_for(planned.name)
        except protect.ProtectionError as exc:
            raise PluginError(f"kitfolio: {exc}") from None
    extra["kf_roster"] = additions.rosters.get(planned.language, additions.roster)
    if planned.pitch is not None:
        extra["pitch"] = planned.pitch
    if planned.campaign is not None:
        extra["campaign"] = planned.campaign
    if planned.pitch is not None or planned.campaign is not None or planned.protect:
        return  # no link previews: a protected page's would speak in clear
    extra["kf_page"] = planned.roster_page
    view = planned.view
    cards = built.cards if built else {}
    extra["kitfolio_meta"] = page_meta(
        planned.kind,
        view,
        site_url=site_url,
        title=planned.title,
        description=planned.description,
        card=cards.get((view.url, planned.kind)) if view else None,
    )
