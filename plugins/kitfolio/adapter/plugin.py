"""The MkDocs adapter: the one module that knows MkDocs.

It loads and validates every kit before the build touches ``site/``, generates the kit pages in
memory, hands templates their views and keeps the pages out of the navigation. All decisions
about kits live in the core modules; this file only wires them to MkDocs events.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kitfolio import pipeline
from kitfolio.adapter import preview
from kitfolio.adapter.material import (
    material_language,
    search_first_language,
    search_settings,
    valid_toggles,
    with_direction,
    with_search_base,
)
from kitfolio.adapter.options import KitfolioConfig
from kitfolio.adapter.site_files import (
    CachedFile,
    engine_claims,
    found_files,
    front_matter,
    minify_assets,
)
from kitfolio.cache import Cache
from kitfolio.errors import Problem, errors, shown_path, warnings
from kitfolio.media.work import MediaError
from kitfolio.model.schema import (
    CAMPAIGN_SCHEMA_PATH,
    KIT_SCHEMA_PATH,
    campaign_schema_text,
    kit_schema_text,
)
from kitfolio.outputs import extras as outputs
from kitfolio.outputs import protect, search_indexes, templates
from kitfolio.outputs import url_claims as claims
from kitfolio.outputs.language_versions import Versions, document_versions, versions
from kitfolio.outputs.page_meta import page_meta
from kitfolio.outputs.plan import PlannedPage, plan_pages
from kitfolio.outputs.templates import theme_dir
from kitfolio.pipeline import BuildProducts
from kitfolio.present.messages import page_messages, text_direction, translations
from kitfolio.project import Project, ProjectError
from kitfolio.public import site as site_model
from kitfolio.sources.kits import LoadedKits

log = get_plugin_logger(__name__)


class _Stopped(PluginError):
    """Problems that stop a build, kept on the error so the preview can show them."""

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"kitfolio: {what}; nothing was built and site/ is unchanged")


@dataclass(frozen=True)
class _Loaded:
    """What ``on_config`` read and derived from disk: during ``mkdocs serve``, the last good one
    stands in for a rebuild that fails, so the preview keeps its pages."""

    kits_dir: Path
    pitches_dir: Path
    campaigns_dir: Path
    roster: LoadedKits
    site: site_model.Site | None
    built: BuildProducts | None
    additions: outputs.SiteExtras

    @classmethod
    def of(cls, plugin: KitfolioPlugin) -> _Loaded:
        return cls(**{f.name: getattr(plugin, f.name) for f in fields(cls)})

    def restore(self, plugin: KitfolioPlugin) -> None:
        for f in fields(self):
            setattr(plugin, f.name, getattr(self, f.name))


class KitfolioPlugin(BasePlugin[KitfolioConfig]):
    """Renders ``kits/*.yml`` into media-kit and work-with-me pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.roster = LoadedKits([], [])
        self.site: site_model.Site | None = None
        self.pages: dict[str, PlannedPage] = {}
        self.root = Path(".")
        self.kits_dir = Path("kits")
        self.built: BuildProducts | None = None
        self.pitches_dir = Path("pitches")
        self.campaigns_dir = Path("campaigns")
        self.additions = outputs.SiteExtras()
        self.serving = False
        self.last_good: _Loaded | None = None
        self.preview_problems: list[str] = []
        self.languages: tuple[str, ...] = ()
        self.sites: dict[str, site_model.Site] = {}
        self.documents: dict[str, str] = {}
        """The site's own pages: source path → URL."""
        self.document_urls: frozenset[str] = frozenset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Declared so that MkDocs keeps this one plugin across the rebuilds of ``mkdocs serve``
        (it makes a new one per build otherwise), with the last good kits."""

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the kits; a problem stops the build, except in the live preview, which
        keeps the last good kits, prints the problem and shows it in every page. Runs before
        the search plugin's, which fixes its languages then."""
        self._install_theme(config)
        try:
            self._load(config)
            search_first_language(config, self.languages)
        except PluginError as exc:
            if not self.serving or self.last_good is None:
                raise
            self.last_good.restore(self)
            self.preview_problems = exc.problems if isinstance(exc, _Stopped) else [str(exc)]
            if not isinstance(exc, _Stopped):
                log.error(str(exc))
            log.warning("the preview keeps the last good build until the problems are fixed")
        else:
            self.last_good = _Loaded.of(self)
            self.preview_problems = []
        return config

    def _load(self, config: MkDocsConfig) -> None:
        self.additions = outputs.SiteExtras()  # _report reads it before this build loads its own
        if not config.site_url:
            raise PluginError(
                "kitfolio: site_url is required in mkdocs.yml (for example "
                "site_url: https://you.github.io/media-kit/): canonical and social links need it."
            )
        try:
            project = self._project(config)
        except ProjectError as exc:
            raise PluginError(str(exc)) from None
        self.languages = project.site_languages
        self.root = project.root
        try:
            self.kits_dir = project.kits_folder()
            self.pitches_dir = project.pitches_folder()
            self.campaigns_dir = project.campaigns_folder()
            cache = project.cache()
        except ProjectError as exc:
            raise PluginError(str(exc)) from None
        sources = pipeline.read_sources(project, cache)
        self.roster = sources.roster
        self._report(sources.problems, strict=project.strict, where=sources.where)
        self.built = self._derive(project, sources, cache)
        self.site = self.built.site
        self.additions = pipeline.read_pitches(
            project, self.built.sites, self.built.agency, sources
        )
        where = self.additions.where(strict=project.strict)
        self._report(self.additions.problems, strict=project.strict, where=where)
        for name, expired in self.additions.pitches.expired:
            log.info(f"{name}: expired on {expired.isoformat()}; the pitch is not built")

    def _project(self, config: MkDocsConfig) -> Project:
        """The core's view of this site: the plugin's options and MkDocs' own."""
        root = Path(config.config_file_path or ".").resolve().parent
        options = self.config
        return Project(
            root=root,
            config_file=Path(config.config_file_path or root / "mkdocs.yml"),
            kits_dir=options.kits_dir,
            pitches_dir=options.pitches_dir,
            campaigns_dir=options.campaigns_dir,
            docs_dir=str(config.docs_dir),
            site_dir=str(config.site_dir),
            agency=options.agency,
            exchange_rates=options.exchange_rates,
            locale=options.locale,
            language=str(config.theme.get("language") or "en"),
            languages=options.languages,
            stale_after_days=options.stale_after_days,
            cache_dir=options.cache_dir,
            growth_history=options.growth_history,
            social_cards=options.social_cards,
            pdf=options.pdf,
            custom_dir=config.theme.custom_dir,
            site_name=config.site_name,
            site_url=str(config.site_url or ""),
            strict=bool(config.strict),
        )

    def _derive(self, project: Project, sources: pipeline.Sources, cache: Cache) -> BuildProducts:
        """History, pictures, views and cards, drawn into the cache (never into docs_dir)."""
        try:
            built = pipeline.build(project, sources, cache)
        except MediaError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise _Stopped(
                "images could not be converted", [str(p) for p in exc.problems]
            ) from None
        except OSError as exc:
            raise PluginError(
                f"kitfolio: the build cache {project.cache_dir!r} could not be written "
                f"({exc}); nothing was built and site/ is unchanged"
            ) from None
        if built.history.hint and project.root not in _HINTED:
            _HINTED.add(project.root)
            log.info(f"no growth history from git: {built.history.hint}")
        if skipped := built.history.skipped_line(project.root):
            log.info(skipped)
        log.info(built.stats.summary())
        if built.media is not None and built.media.made.jobs:
            log.info(built.media.made.summary("PDFs"))
        return built

    def _report(self, problems: list[Problem], *, strict: bool, where: str = "kits") -> None:
        stopping = pipeline.stopping(problems, strict=strict)
        for problem in warnings(problems):
            (log.error if strict else log.warning)(str(problem))
        for problem in errors(problems):
            log.error(str(problem))
        if stopping:
            count = len(stopping)
            raise _Stopped(
                f"{count} problem{'s' if count != 1 else ''} in {where}",
                [str(p) for p in stopping],
            )

    def _install_theme(self, config: MkDocsConfig) -> None:
        theme = config.theme
        ours = str(theme_dir())
        if ours not in theme.dirs:
            at = 1 if theme.custom_dir else 0
            theme.dirs.insert(at, ours)
        if theme.name == "material" and theme.get("font") == {
            "text": "Roboto",
            "code": "Roboto Mono",
        }:
            theme["font"] = False

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Refuse two sources for one page before MkDocs cleans ``site/`` (before on_files)."""
        self._check_claims(found_files(config), config)

    def _check_claims(self, files: Files, config: MkDocsConfig) -> None:
        """Every path the build writes has one owner: a kit, a pitch, a docs file, the theme."""
        if self.built is None:
            return
        config_file = config.config_file_path or str(self.root / "mkdocs.yml")
        agency_owner = f"{shown_path(Path(config_file), self.root)} (agency.logo)"
        logo = self.built.agency.logo if self.built.agency else None
        logo_paths = [logo.src, *(src for src, _ in logo.webp)] if logo else []
        ours = claims.kitfolio_claims(
            self.roster,
            self.built.sites,
            self.additions.pitches.pitches,
            logo_paths,
            agency_owner,
            self.additions.every_campaign(),
        )
        found = claims.clashes(ours, engine_claims(files, config, self.root))
        for problem in found:
            log.error(str(problem))
        if found:
            count = len(found)
            raise PluginError(
                f"kitfolio: {count} page{'s' if count != 1 else ''} or file"
                f"{'s' if count != 1 else ''} with two sources; nothing was built and site/ is "
                "unchanged"
            )

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self._check_claims(files, config)
        built = self.built
        if built is not None:
            for output in built.outputs:
                files.append(CachedFile.of(config, output, built))
        homes = {f.dest_uri.removesuffix("index.html") + "index.md" for f in files}
        sites = built.sites if built is not None else [self.site]
        planned = plan_pages(
            sites,
            self.additions.pitches.pitches,
            config.site_name,
            homes_taken=homes,
            campaigns=self.additions.campaigns,
            campaigns_by_language=self.additions.campaigns_by_language,
        )
        self.pages = {page.src: page for page in planned}
        self.sites = {site.language: site for site in sites}
        self.documents = {f.src_uri: f.url for f in files.documentation_pages()}
        self.document_urls = frozenset(self.documents.values())
        for page in planned:
            listed = page.src == "index.md"
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src, content=front_matter(page), inclusion=inclusion)
            )
        files.append(File.generated(config, KIT_SCHEMA_PATH, content=kit_schema_text()))
        files.append(File.generated(config, CAMPAIGN_SCHEMA_PATH, content=campaign_schema_text()))
        for src, text in outputs.feed_files(
            sites, self.additions, config.site_name, str(config.site_url)
        ):
            files.append(File.generated(config, src, content=text))
        if self.config.minify:
            minify_assets(files)
        return files

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
            extra["kitfolio_versions"] = self._own_versions(page.url, str(config.site_url))
        if planned is None or self.site is None:
            return context
        extra["kitfolio"] = self.sites.get(planned.language, self.site)
        extra["kit"] = planned.view
        extra.update(page_messages(planned.language))
        extra["kitfolio_material_lang"] = material_language(planned.language)
        page.title = Markup(html.escape(planned.title))
        page.meta["description"] = Markup(html.escape(planned.description))
        extra["kitfolio_versions"] = versions(planned, str(config.site_url))
        if planned.protect:
            try:
                extra["kf_protected"] = protect.sealer_for(planned.name)
            except protect.ProtectionError as exc:
                raise PluginError(f"kitfolio: {exc}") from None
        extra["kf_roster"] = self.additions.rosters.get(planned.language, self.additions.roster)
        if planned.pitch is not None:
            extra["pitch"] = planned.pitch
        if planned.campaign is not None:
            extra["campaign"] = planned.campaign
        if planned.pitch is not None or planned.campaign is not None or planned.protect:
            return context  # no link previews: a protected page's would speak in clear
        extra["kf_page"] = planned.roster_page
        view = planned.view
        if view is not None and planned.home and config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + view.url
        cards = self.built.cards if self.built else {}
        extra["kitfolio_meta"] = page_meta(
            planned.kind,
            view,
            site_url=str(config.site_url),
            title=planned.title,
            description=planned.description,
            card=cards.get((view.url, planned.kind)) if view else None,
        )
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:  # noqa: ARG002 (MkDocs event signature)
        planned = self.pages.get(page.file.src_uri)
        if planned is not None and planned.protect:
            try:
                protect.check_sealed(planned.name, output)
            except protect.ProtectionError as exc:
                raise PluginError(f"kitfolio: {exc}") from None
        output = valid_toggles(output)
        planned = self.pages.get(page.file.src_uri)
        if planned is not None:
            output = with_direction(output, text_direction(planned.language))
        output = with_search_base(
            output, self._folder_of(planned.language if planned else None, page.url)
        )
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
        unlisted = {src for src, page in self.pages.items() if not page.inclusion.in_sitemap}
        if unlisted:
            pages = context.get("pages") or []
            context["pages"] = [f for f in pages if f.src_uri not in unlisted]
        site_url = str(config.site_url or "")
        extra: dict[str, Any] = context  # type: ignore[assignment]
        extra["kitfolio_sitemap"] = {
            **{src: self._own_versions(url, site_url) for src, url in self.documents.items()},
            **{src: versions(p, site_url) for src, p in self.pages.items()},
        }
        return context

    def _own_versions(self, url: str, site_url: str) -> Versions:
        """A page of the site's own in each language's folder (about/, es/about/)."""
        prefixes = {language: site.prefix for language, site in self.sites.items()}
        return document_versions(url, prefixes, self.document_urls, site_url)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Each language's pages search their language only (outputs/search_indexes.py), and
        pitches, reports and protected pages are in no index, whichever search plugin ran."""
        unlisted = {page.url for page in self.pages.values() if not page.inclusion.in_search}
        prefixes = {language: site.prefix for language, site in self.sites.items()}
        settings = {lang: search_settings(config, lang) for lang in list(prefixes)[1:]}
        search_indexes.write_indexes(Path(config.site_dir), prefixes, unlisted, settings)

    def _folder_of(self, language: str | None, url: str) -> str:
        """The folder of a page's language (``es/``): a planned page's own, else its address's."""
        if language is not None:
            site = self.sites.get(language)
            return site.prefix if site is not None else ""
        return next(
            (s.prefix for s in self.sites.values() if s.prefix and url.startswith(s.prefix)), ""
        )

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:  # noqa: ARG002 (MkDocs event signature)
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
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:  # noqa: ARG002 (MkDocs event signature)
        """Called once the first build is served: from now on a failing rebuild keeps the
        last good kits (see ``on_config``)."""
        self.serving = True
        server.watch(str(self.kits_dir))
        for folder in (self.pitches_dir, self.campaigns_dir):
            if folder.is_dir():
                server.watch(str(folder))
        for folder in site_model.image_folders(self.roster, self.kits_dir):
            server.watch(str(folder))
        return server


_HINTED: set[Path] = set()
"""Projects already told why growth history is missing (once per process, not per rebuild)."""
