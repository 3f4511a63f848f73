"""The page replay: a build renders only the generated pages whose inputs changed; every other
page gets the HTML its template gave last time.

MkDocs' ``--dirty`` would skip pages by file times, which a generated page does not have, and
it leaves the search index without the skipped pages. Here every page still goes through the
whole build (read, indexed for search, listed in the sitemap, written to ``site_dir``, every
plugin's ``on_post_page`` run on it): only the template is swapped, for one that prints the
remembered HTML. What a page's template reads is named in ``page_inputs``. ``mkdocs serve``
keeps the HTML in memory (``cache/rendered.py``); ``mkdocs build`` keeps it in the build cache
(``cache/stored_pages.py``), named by the ``lasting`` inputs as well, for the next build, which
is another process. Protected pages are never kept there: they are sealed anew each build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kitfolio.adapter import page_inputs
from kitfolio.adapter.kept_feeds import KeptFeeds
from kitfolio.cache.rendered import PageStore, RenderedPages
from kitfolio.cache.store import Cache
from kitfolio.cache.stored_pages import StoredPages
from kitfolio.outputs.plan import PlannedPage
from kitfolio.pipeline import BuildProducts
from kitfolio.public.site import Site
from kitfolio.public.stored_views import StoredViews

TEMPLATE = "kitfolio/_replayed.html"
"""A template of the environment alone (no file in any theme): the remembered page, as is, or
the page's own template when what was remembered could not be read back."""
CONTEXT_KEY = "kf_replayed"
OWN_TEMPLATE_KEY = "kf_own_template"
REPLAY_SOURCE = (
    f"{{% if {CONTEXT_KEY} is defined %}}{{{{ {CONTEXT_KEY} }}}}"
    f"{{% else %}}{{% include {OWN_TEMPLATE_KEY} %}}{{% endif %}}"
)


class Replay:
    """Which pages of this build are replayed, and the HTML of the others once rendered."""

    def __init__(self) -> None:
        self.enabled = False
        self.lasting = False
        """Whether the pages are kept for another process (the build cache)."""
        self.rendered: PageStore = RenderedPages()
        self.cache: Cache | None = None
        """The build cache the pages are kept in, when they are."""
        self.feeds: KeptFeeds | None = None
        """This build's kept kit.json texts (the tests read its counts)."""
        self.keys: dict[str, str] = {}
        """src → the digest of that page's inputs, in this build."""
        self.replayed: dict[str, str] = {}
        """src → the key of the HTML a page gets without rendering, in this build; the HTML is
        read when the page is written, so a build never holds every page's at once."""
        self.templates: dict[str, str] = {}
        """src → the template a replayed page would render with (its front matter's)."""
        self.views = page_inputs.ViewDigests()
        self.inputs: page_inputs.SiteInputs | None = None
        """What every page of this build read, named before its pages were read (their titles
        join the navigation as they are): a page rendered again later reads the same."""

    def in_memory(self) -> None:
        """The preview's: pages kept in this process, between its rebuilds."""
        if not isinstance(self.rendered, RenderedPages):
            self.rendered = RenderedPages()
        self.enabled, self.lasting = True, False

    def in_cache(self, cache: Cache) -> None:
        """A build's: pages kept in the build cache, for the next build."""
        self.rendered = StoredPages(cache)
        self.cache = cache
        self.enabled, self.lasting = True, True

    def named_views(self, views: StoredViews | None) -> None:
        """Name the views ``views`` returned by their inputs, not by their content."""
        self.views.known = views.name if views is not None else page_inputs.unknown

    def kept_feeds(self, views: StoredViews | None) -> KeptFeeds | None:
        """The kit.json texts kept with the pages, for a build that keeps its pages."""
        self.feeds = None
        if self.lasting and self.cache is not None and views is not None:
            self.feeds = KeptFeeds(self.cache, views.name)
        return self.feeds

    def begin(self) -> None:
        self.keys, self.replayed, self.templates = {}, {}, {}
        self.rendered.begin()

    def plan(
        self,
        pages: Mapping[str, PlannedPage],
        sites: Mapping[str, Site],
        rosters: Mapping[str, object],
        built: BuildProducts | None,
        env: Environment,
        context: tuple[MkDocsConfig, Mapping[str, Any], Navigation | None, Files],
    ) -> None:
        """Name every planned page's inputs; point the pages rendered before from the same
        inputs at the replay template (their front matter's template is read by now)."""
        if not self.enabled:
            return
        config, options, nav, files = context
        env.loader = ChoiceLoader([DictLoader({TEMPLATE: REPLAY_SOURCE}), env.loader])  # type: ignore[list-item]
        self.inputs = page_inputs.site_inputs(
            config, options, nav.items if nav else [], files, lasting=self.lasting
        )
        self.inputs.views = self.views
        self.keys = _keys(pages, pages, sites, rosters, built, self.inputs)
        if self.lasting:
            self.keys = {src: key for src, key in self.keys.items() if not pages[src].protect}
        self.views.keep_used()
        for src, key in self.keys.items():
            file = files.get_file_from_path(src)
            if file is not None and file.page is not None and self.rendered.has(key):
                self.replayed[src] = key
                self.templates[src] = file.page.meta.get("template", "main.html")
                file.page.meta["template"] = TEMPLATE

    def changed(
        self,
        srcs: Iterable[str],
        pages: Mapping[str, PlannedPage],
        sites: Mapping[str, Site],
        rosters: Mapping[str, object],
        built: BuildProducts | None,
    ) -> list[str]:
        """Of the pages ``srcs``, those whose kits changed since this build named their inputs
        (every one when the replay is off): the pages a saved kit makes to be rendered again
        outside a build, whose other inputs stand. They are named by their new inputs, so what
        they render now is remembered."""
        wanted = list(srcs)
        if not self.enabled or self.inputs is None:
            return wanted
        now = _keys(wanted, pages, sites, rosters, built, self.inputs)
        stale = [src for src in wanted if now.get(src) is None or now[src] != self.keys.get(src)]
        for src in stale:
            self.replayed.pop(src, None)
            if src in now:
                self.keys[src] = now[src]
        return stale

    def context(self, src: str, context: dict[str, Any]) -> bool:
        """Hand a replayed page its HTML; False when the page is to be rendered (also when its
        kept HTML is gone or spoiled by now: the replay template then renders its own)."""
        key = self.replayed.get(src)
        html = self.rendered.get(key, src) if key is not None else None
        if html is not None:
            context[CONTEXT_KEY] = Markup(html)  # the template output of this page, as it was
            return True
        self.replayed.pop(src, None)
        if src in self.templates:
            context[OWN_TEMPLATE_KEY] = self.templates[src]
        return False

    def output(self, src: str, html: str) -> None:
        """Remember what a rendered page's template gave, before any plugin changes it."""
        key = self.keys.get(src)
        if key is not None and src not in self.replayed:
            self.rendered.put(key, src, html)

    def end(self) -> None:
        self.rendered.end()

    def off(self) -> None:
        self.enabled, self.lasting = False, False
        self.cache = None
        self.rendered = RenderedPages()
        self.keys, self.replayed, self.templates = {}, {}, {}


def _keys(
    srcs: Iterable[str],
    pages: Mapping[str, PlannedPage],
    sites: Mapping[str, Site],
    rosters: Mapping[str, object],
    built: BuildProducts | None,
    inputs: page_inputs.SiteInputs,
) -> dict[str, str]:
    """src → the digest of the inputs of each planned page of ``srcs`` (see ``page_inputs``)."""
    cards = built.cards if built is not None else {}
    keys = {}
    for src in srcs:
        planned = pages[src]
        site = sites.get(planned.language)
        if site is None:
            continue
        view = planned.view
        card = cards.get((view.url, planned.kind)) if view is not None else None
        roster = rosters.get(planned.language)
        keys[src] = page_inputs.page_key(planned, inputs, site, roster, card)
    return keys
