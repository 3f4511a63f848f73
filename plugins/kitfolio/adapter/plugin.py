"""The MkDocs plugin: Kitfolio's wiring to MkDocs' events, and nothing else.

It loads and validates every kit before the build touches ``site/`` (``loading``), generates the
kit pages in memory (``site_files``), hands templates their views (``page_context``), keeps the
unlisted pages out of the sitemap and search (``listings``) and renders only the pages whose
inputs changed (``replay``: since the last rebuild in ``mkdocs serve``, since the last build in
the build cache for ``mkdocs build``), or, when only kits were saved in the preview, only the
pages that show them (``kit_edits``). All decisions about kits live in the core.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kitfolio import clock
from kitfolio.adapter import catalogs, heap, kit_edits, listings, page_context, preview
from kitfolio.adapter.generated_page import GeneratedPage
from kitfolio.adapter.listings import Documents
from kitfolio.adapter.loading import (
    Loaded,
    Stopped,
    install_theme,
    load,
    load_edited,
    project_of,
)
from kitfolio.adapter.material import (
    material_language,
    search_first_language,
    valid_toggles,
    with_direction,
    with_search_base,
)
from kitfolio.adapter.options import KitfolioConfig
from kitfolio.adapter.replay import Replay
from kitfolio.adapter.site_files import (
    CachedFile,
    MadeText,
    check_claims,
    found_files,
    front_matter,
    minify_assets,
)
from kitfolio.adapter.watched_files import Snapshot, snapshot
from kitfolio.model.schema import (
    CAMPAIGN_SCHEMA_PATH,
    KIT_SCHEMA_PATH,
    campaign_schema_text,
    kit_schema_text,
)
from kitfolio.outputs import extras as outputs
from kitfolio.outputs import protect, templates
from kitfolio.outputs.feed import Cards
from kitfolio.outputs.plan import PlannedPage, plan_pages
from kitfolio.outputs.templates import theme_dir
from kitfolio.pipeline import BuildProducts
from kitfolio.present.messages import page_messages, text_direction, translations
from kitfolio.project import ProjectError
from kitfolio.public import site as site_model
from kitfolio.sources.kits import LoadedKits

__all__ = ["KitfolioPlugin", "theme_dir"]

log = get_plugin_logger(__name__)


class KitfolioPlugin(BasePlugin[KitfolioConfig]):
    """Renders ``kits/*.yml`` into media-kit and work-with-me pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.loaded = Loaded()
        self.pages: dict[str, PlannedPage] = {}
        self.sites: dict[str, site_model.Site] = {}
        self.serving = False
        self.command = "build"
        """The MkDocs command that started this process (``serve`` keeps this plugin)."""
        self.last_good: Loaded | None = None
        self.preview_problems: list[str] = []
        self.replay = Replay()
        self.nav: Navigation | None = None
        self.documents = Documents({}, {})
        self.homes: set[str] = set()
        self.watched: Snapshot | None = None
        """What the preview's folders held when the last build began."""
        self.last_build: kit_edits.LastBuild | None = None
        self.late_pdfs = kit_edits.LatePdfs()
        self.built_on = clock.today()
        self.feed_cards = Cards()
        self.one_build = False
        """``mkdocs build``: one build, so nothing reads the kits' models after ``on_files``."""
        self.image_folders: set[Path] = set()
        """Folders outside the kits folder that hold kit images, for the preview to watch."""
        self._env: Any = None
        self._files = Files([])

    @property
    def built(self) -> BuildProducts | None:
        return self.loaded.built

    @property
    def site(self) -> site_model.Site | None:
        return self.loaded.site

    @property
    def roster(self) -> LoadedKits:
        return self.loaded.roster

    @property
    def additions(self) -> outputs.SiteExtras:
        return self.loaded.additions

    def on_startup(self, *, command: str, dirty: bool) -> None:  # noqa: ARG002 (MkDocs event signature)
        """Declared so that MkDocs keeps this one plugin across the rebuilds of ``mkdocs serve``
        (it makes a new one per build otherwise), with the last good kits; the preview
        replays unchanged pages, a build renders every page."""
        self.serving = False
        self.command = command
        self.last_good = None
        self.replay.off()
        self.replay.enabled = command == "serve"
        self.one_build = command in ("build", "gh-deploy")
        self.watched, self.last_build = None, None

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the kits; a problem stops the build, except in the live preview, which
        keeps the last good kits, prints the problem and shows it in every page. Runs before
        the search plugin's, which fixes its languages then."""
        install_theme(config)
        previewing = self.command == "serve"
        if previewing and self.config.preview_replay:
            self.replay.in_memory()
            self.watched = snapshot(kit_edits.watched_places(config, self.config))
        else:
            self.replay.off()
        self.last_build = None
        self.built_on = clock.today()
        self.replay.begin()
        catalogs.reload_if_changed()
        try:
            with heap.loading():
                self.loaded = load(config, self.config)
        except PluginError as exc:
            if not self.serving or self.last_good is None:
                raise
            self.loaded = self.last_good
            self.preview_problems = exc.problems if isinstance(exc, Stopped) else [str(exc)]
            if not isinstance(exc, Stopped):
                log.error(str(exc))
            log.warning("the preview keeps the last good build until the problems are fixed")
        else:
            self.last_good = self.loaded
            self.preview_problems = []
        if not previewing and self.config.page_cache:
            self._keep_pages(config)
        self.replay.named_views(self.loaded.views)
        search_first_language(config, self.loaded.languages)
        return config

    def _keep_pages(self, config: MkDocsConfig) -> None:
        """A build keeps its rendered pages in a cache of their own inside the build cache."""
        try:
            cache = project_of(config, self.config).cache(purpose="pages", within="pages")
        except ProjectError as exc:
            raise PluginError(str(exc)) from None
        self.replay.in_cache(cache)
        self.replay.begin()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Refuse two sources for one page before MkDocs cleans ``site/`` (before on_files)."""
        check_claims(found_files(config), config, self.loaded)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        check_claims(files, config, self.loaded)
        self.image_folders = site_model.image_folders(self.roster, self.loaded.kits_dir)
        if self.one_build:
            self._forget_kits()
        built = self.built
        if built is not None:
            for output in built.outputs:
                files.append(CachedFile.of(config, output, built))
        self.homes = {f.dest_uri.removesuffix("index.html") + "index.md" for f in files}
        sites = built.sites if built is not None else [self.site]
        planned = self._plan(sites, config)
        self.pages = {page.src: page for page in planned}
        self.sites = {site.language: site for site in sites}
        self.documents = Documents(
            {f.src_uri: f.url for f in files.documentation_pages()}, self.sites
        )
        for page in planned:
            listed = page.src == "index.md"
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src, content=front_matter(page), inclusion=inclusion)
            )
        files.append(File.generated(config, KIT_SCHEMA_PATH, content=kit_schema_text()))
        files.append(File.generated(config, CAMPAIGN_SCHEMA_PATH, content=campaign_schema_text()))
        # A build makes each card once and keeps none; the preview keeps them for its rebuilds.
        previewing = self.replay.enabled and not self.one_build
        cards = self.feed_cards if previewing else Cards(keep=False)
        for src, make in outputs.feed_makers(
            sites,
            self.additions,
            config.site_name,
            str(config.site_url),
            cards=cards,
            kept=self.replay.kept_feeds(self.loaded.views),
        ):
            files.append(MadeText.of(config, src, make))
        if self.config.minify:
            minify_assets(files)
        return files

    def _forget_kits(self) -> None:
        """Let the kits' parsed models go once their claims on the site's paths are checked:
        the pages and feeds read the views alone, and the models are a third of a large
        roster's memory (freed before the feed's cards are made). The preview keeps them, for
        its next rebuild."""
        roster = self.loaded.roster
        self.loaded = replace(self.loaded, roster=LoadedKits([], roster.problems))
        self.last_good = self.loaded

    def _plan(self, sites: list[site_model.Site], config: MkDocsConfig) -> list[PlannedPage]:
        return plan_pages(
            sites,
            self.additions.pitches.pitches,
            config.site_name,
            homes_taken=self.homes,
            campaigns=self.additions.campaigns,
            campaigns_by_language=self.additions.campaigns_by_language,
        )

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Every generated page reads and renders its front matter without a Markdown converter
        each: one outside the navigation gets such a page, one in it becomes one (the same
        object, so the navigation's links stay)."""
        self.nav = nav
        for src in self.pages:
            file = files.get_file_from_path(src)
            if file is None:
                continue
            if file.page is None:
                GeneratedPage(None, file, config)
            elif type(file.page) is Page:
                file.page.__class__ = GeneratedPage
        return nav

    def on_page_content(
        self,
        html_text: str,
        page: Page,
        config: MkDocsConfig,  # noqa: ARG002 (MkDocs event signature)
        files: Files,  # noqa: ARG002 (MkDocs event signature)
    ) -> str:
        planned = self.pages.get(page.file.src_uri)
        if planned is None:
            return html_text
        text = planned.search_text
        return "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n") if part)

    @event_priority(100)
    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,  # noqa: ARG002 (MkDocs event signature)
    ) -> TemplateContext:
        planned = self.pages.get(page.file.src_uri)
        extra: dict[str, Any] = context  # type: ignore[assignment]
        if planned is None:
            extra["kitfolio_versions"] = self.documents.versions(page.url, str(config.site_url))
            language = self.documents.language_of(page.url)
            if language is not None:
                extra["kitfolio_material_lang"] = material_language(language)
                extra.update(page_messages(language))
        if planned is None or self.site is None:
            return context
        page_context.page_texts(page, planned, config)
        if self.replay.context(planned.src, extra):
            return context
        site = self.sites.get(planned.language, self.site)
        page_context.fill(extra, planned, site, self.additions, self.built, str(config.site_url))
        return context

    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:  # noqa: ARG002 (MkDocs event signature)
        """First of every plugin's, so the preview remembers exactly what the template gave."""
        planned = self.pages.get(page.file.src_uri)
        if planned is not None:
            self.replay.output(planned.src, output)
        if planned is not None and planned.protect:
            try:
                protect.check_sealed(planned.name, output)
            except protect.ProtectionError as exc:
                raise PluginError(f"kitfolio: {exc}") from None
        output = valid_toggles(output)
        language = planned.language if planned else self.documents.language_of(page.url)
        if language is not None:
            output = with_direction(output, text_direction(language))
        folder = self.documents.folder_of(planned.language if planned else None, page.url)
        output = with_search_base(output, folder)
        if self.preview_problems:
            output = preview.with_banner(output, self.preview_problems)
        return output

    def on_post_template(
        self,
        output_content: str,
        /,
        *,
        template_name: str,
        config: MkDocsConfig,  # noqa: ARG002 (MkDocs event signature)
    ) -> str:
        output = valid_toggles(output_content)
        if template_name == "404.html" and self.site is not None:
            output = with_direction(output, text_direction(self.site.settings.words_language))
        return output

    def on_template_context(
        self,
        context: TemplateContext,
        /,
        *,
        template_name: str,
        config: MkDocsConfig,
    ) -> TemplateContext:
        """Pitches are unlisted: the sitemap leaves them out, and lists each page's versions in
        the site's other languages (theme/sitemap.xml). The 404 page lists the kits."""
        if template_name == "404.html":
            context["kitfolio"] = self.site  # type: ignore[typeddict-unknown-key]
            context["kf_roster"] = self.additions.roster  # type: ignore[typeddict-unknown-key]
        if template_name != "sitemap.xml":
            return context
        return listings.sitemap_context(
            context, self.pages, self.documents, str(config.site_url or "")
        )

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Each language's pages search their language only, and pitches, reports and protected
        pages are in no index. The preview forgets the pages this build did not use."""
        listings.write_search_indexes(config, self.pages, self.documents)
        try:
            self.replay.end()
        except OSError as exc:
            log.warning(f"the rendered pages could not be kept in the build cache ({exc})")
        if self.replay.lasting:
            counts = self.replay.rendered.last
            log.info(
                f"pages: {len(counts.rendered)} rendered, {len(counts.replayed)} unchanged "
                "from the build cache"
            )
        previewing = self.replay.enabled and not self.replay.lasting
        if previewing and self.nav is not None and self._env is not None:
            self.last_build = kit_edits.LastBuild(config, self._files, self.nav, self._env)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        previous = env.autoescape

        def autoescape(name: str | None) -> bool:
            if name and (name.startswith("kitfolio/") or name == "404.html"):
                return True
            return bool(previous(name) if callable(previous) else previous)

        env.autoescape = autoescape
        env = templates.prepared(env)
        # Pages outside the plan (404, a site's own templates) speak the site's language;
        # each planned page's context shadows these with its own (on_page_context).
        language = self.site.settings.words_language if self.site is not None else "en"
        env.install_gettext_translations(translations(language), newstyle=True)
        self.replay.plan(
            self.pages,
            self.sites,
            self._rosters(),
            self.built,
            env,
            (config, self.config, self.nav, files),
        )
        self._env, self._files = env, files
        return env

    def _rosters(self) -> dict[str, object]:
        """The roster's choices in each language of the site, as its pages read them."""
        additions = self.additions
        return {lang: additions.rosters.get(lang, additions.roster) for lang in self.sites}

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:  # noqa: ARG002 (MkDocs event signature)
        """Called once the first build is served: from now on a failing rebuild keeps the
        last good kits (see ``on_config``)."""
        self.serving = True
        full: Callable[[], None] | None = getattr(server, "builder", None)
        if full is not None:
            server.builder = lambda: self._kits_rebuilt() or full()
        server.watch(str(self.loaded.kits_dir))
        for folder in (self.loaded.pitches_dir, self.loaded.campaigns_dir):
            if folder.is_dir():
                server.watch(str(folder))
        for folder in self.image_folders:
            server.watch(str(folder))
        return server

    def _kits_rebuilt(self) -> bool:
        """The quick rebuild when only kits were saved since the last build (``kit_edits``);
        False when everything is to be rebuilt."""
        self.late_pdfs.wait()
        last, before = self.last_build, self.watched
        if last is None or before is None or self.preview_problems:
            return False
        if self.loaded is not self.last_good or catalogs.reload_if_changed():
            return False
        if clock.today() != self.built_on:  # every page's stale marks may change
            return False
        now = snapshot(kit_edits.watched_places(last.config, self.config))
        paths = kit_edits.edited_kits(before, now, self.loaded.kits_dir)
        if paths is None:
            return False
        started = time.perf_counter()
        self.watched = now
        edited = load_edited(last.config, self.config, self.loaded, paths)
        if edited is None or edited.loaded.built is None:
            return False
        self.loaded = edited.loaded
        sites = edited.loaded.built.sites
        planned = {page.src: page for page in self._plan(sites, last.config)}
        if planned.keys() != self.pages.keys():
            return False
        self.last_good = self.loaded
        self.pages, self.sites = planned, {site.language: site for site in sites}
        site_dir = Path(last.config.site_dir)
        for output in edited.outputs:
            target = site_dir / output.src
            target.parent.mkdir(parents=True, exist_ok=True)
            edited.loaded.built.publish(output, target)
        kit_edits.write_texts(
            site_dir,
            outputs.feed_files(
                sites,
                self.additions,
                last.config.site_name,
                str(last.config.site_url),
                cards=self.feed_cards,
                only=edited.slugs,
            ),
        )
        srcs = self.replay.changed(
            kit_edits.pages_showing(planned, edited.slugs),
            planned,
            self.sites,
            self._rosters(),
            self.built,
        )
        count = kit_edits.render_pages(last, planned, srcs)
        named = ", ".join(sorted(edited.slugs))
        log.info(
            f"{named} saved: its pages, the roster's and the feeds rebuilt alone ({count} pages "
            f"in {time.perf_counter() - started:.2f} s); search and the sitemap catch up at the "
            f"next full rebuild{', its PDFs follow' if edited.later else ''}"
        )
        self.late_pdfs.start(edited, site_dir)
        return True
