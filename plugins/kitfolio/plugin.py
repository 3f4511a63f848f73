"""The MkDocs adapter: the one module that knows MkDocs.

It loads and validates every kit before the build touches ``site/``, generates the kit pages in
memory, hands templates their views and keeps the pages out of the navigation. All decisions
about kits live in the core modules; this file only wires them to MkDocs events.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import minify, outputs
from . import site as sitemodel
from .cache import Cache
from .errors import Problem, errors, warnings
from .kits import Roster, kit_files, load_roster
from .material import valid_toggles
from .media import MediaError
from .pipeline import Built, derive
from .pitches import PitchView
from .schema import kit_schema_text
from .social import page_meta
from .view import KitView, Settings

log = get_plugin_logger(__name__)


class KitfolioConfig(base.Config):
    """Options under ``plugins: - kitfolio:`` in mkdocs.yml."""

    kits_dir = c.Type(str, default="kits")
    stale_after_days = c.Type(int, default=90)
    locale = c.Optional(c.Type(str))
    cache_dir = c.Type(str, default=".cache/kitfolio")
    """Where drawn images and parsed kit revisions are kept between builds."""
    growth_history = c.Type(bool, default=True)
    """Read follower growth from the kits' git history."""
    social_cards = c.Type(bool, default=True)
    """Draw a social card per page; off for very large rosters, where drawing dominates a build."""
    minify = c.Type(bool, default=True)
    """Serve Kitfolio's CSS and JavaScript minified; off to debug them in a browser."""
    agency = c.Optional(c.Type(dict))
    pitches_dir = c.Type(str, default="pitches")


@dataclass
class _Pages:
    """Which generated page shows which kit, by source path."""

    kinds: dict[str, tuple[str, KitView | None]] = field(default_factory=dict)
    pitches: dict[str, PitchView] = field(default_factory=dict)


def theme_dir() -> Path:
    """Kitfolio's templates: inside the wheel, or the checkout's ``theme/`` when editable."""
    packaged = Path(__file__).parent / "theme"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "theme"


class KitfolioPlugin(BasePlugin[KitfolioConfig]):
    """Renders ``kits/*.yml`` into media-kit and work-with-me pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.roster = Roster([], [])
        self.site: sitemodel.Site | None = None
        self.pages = _Pages()
        self.kits_dir = Path("kits")
        self.built: Built | None = None
        self.pitches_dir = Path("pitches")
        self.additions = outputs.Additions()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError(
                "kitfolio: site_url is required in mkdocs.yml (for example "
                "site_url: https://you.github.io/media-kit/): canonical and social links need it."
            )
        root = Path(config.config_file_path or ".").resolve().parent
        self.kits_dir = (root / self.config.kits_dir).resolve()
        if not self.kits_dir.is_dir():
            raise PluginError(
                f"kitfolio: kits_dir {self.config.kits_dir!r} is not a folder next to mkdocs.yml"
            )
        self.pitches_dir = (root / self.config.pitches_dir).resolve()
        kits = kit_files(self.kits_dir)
        cache = Cache(self._cache_dir(config, root))
        self.roster = load_roster(kits, root, cache)
        settings = Settings(
            locale=self.config.locale or str(config.theme.get("language") or "en"),
            stale_after_days=self.config.stale_after_days,
        )
        config_file = Path(config.config_file_path or root / "mkdocs.yml")
        agency, agency_problems = outputs.load_agency_option(self.config.agency, config_file, root)
        where = "kits or the agency option" if agency_problems else "kits"
        self._report(
            self.roster.problems + agency_problems, strict=bool(config.strict), where=where
        )
        self.built = self._derive(config, root, cache, settings)
        self.site = self.built.site
        self.additions = outputs.load_additions(
            self.site,
            agency,
            root=root,
            pitches_dir=self.pitches_dir,
            known_slugs=[path.stem for path in kits],
        )
        self._report(self.additions.problems, strict=bool(config.strict), where="pitches")
        for name, expired in self.additions.pitches.expired:
            log.info(f"{name}: expired on {expired.isoformat()}; the pitch is not built")
        self._install_theme(config)
        return config

    def _cache_dir(self, config: MkDocsConfig, root: Path) -> Path:
        """The cache folder, which must not be one MkDocs or Kitfolio reads sources from."""
        cache = (root / self.config.cache_dir).resolve()
        for name, watched in (("docs_dir", config.docs_dir), ("kits_dir", self.kits_dir)):
            if cache.is_relative_to(Path(watched).resolve()):
                raise PluginError(
                    f"kitfolio: cache_dir {self.config.cache_dir!r} is inside {name}; "
                    "choose a folder outside the watched ones (default .cache/kitfolio)"
                )
        return cache

    def _derive(self, config: MkDocsConfig, root: Path, cache: Cache, settings: Settings) -> Built:
        """History, pictures, views and cards, drawn into the cache (never into docs_dir)."""
        try:
            built = derive(
                self.roster,
                settings,
                cache=cache,
                site_name=config.site_name,
                git=self.config.growth_history,
                social_cards=self.config.social_cards,
            )
        except MediaError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(
                "kitfolio: images could not be converted; nothing was built and site/ is unchanged"
            ) from None
        if built.history.hint and root not in _HINTED:
            _HINTED.add(root)
            log.info(f"no growth history from git: {built.history.hint}")
        log.info(built.stats.summary())
        return built

    def _report(self, problems: list[Problem], *, strict: bool, where: str = "kits") -> None:
        failing = errors(problems)
        cautions = warnings(problems)
        for problem in cautions:
            (log.error if strict else log.warning)(str(problem))
        for problem in failing:
            log.error(str(problem))
        if failing or (strict and cautions):
            count = len(failing) + (len(cautions) if strict else 0)
            raise PluginError(
                f"kitfolio: {count} problem{'s' if count != 1 else ''} in {where}; "
                "nothing was built and site/ is unchanged"
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

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.pages = _Pages()
        for view in self.site.kits:
            self._page(files, config, f"{view.slug}/index.md", "kit", view)
            self._page(files, config, f"{view.slug}/work-with-me/index.md", "work", view)
        for output in self.built.outputs if self.built else []:
            files.append(File.generated(config, output.src, abs_src_path=str(output.path)))
        if files.get_file_from_path("index.md") is None:
            single = self.site.kits[0] if len(self.site.kits) == 1 else None
            self._page(
                files,
                config,
                "index.md",
                "kit" if single else "roster",
                single,
                inclusion=InclusionLevel.UNDEFINED,
            )
        files.append(File.generated(config, "schema/kit.schema.json", content=kit_schema_text()))
        self._add_roster_files(files, config)
        if self.config.minify:
            _minify_assets(files)
        return files

    def _add_roster_files(self, files: Files, config: MkDocsConfig) -> None:
        """The data feed, the agency logo and the unlisted pitch pages."""
        assert self.site is not None
        for src, text in outputs.feed_files(
            self.site, self.additions, config.site_name, str(config.site_url)
        ):
            files.append(File.generated(config, src, content=text))
        for src, path in outputs.copied_files(self.additions):
            files.append(File.generated(config, src, abs_src_path=str(path)))
        for pitch in self.additions.pitches.pitches:
            front = (
                "---\ntemplate: kitfolio/pitch.html\nhide: [navigation, toc]\n"
                "search: {exclude: true}\n---\n"
            )
            files.append(
                File.generated(
                    config, pitch.src, content=front, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            self.pages.pitches[pitch.src] = pitch

    def _page(
        self,
        files: Files,
        config: MkDocsConfig,
        src: str,
        kind: str,
        view: KitView | None,
        inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV,
    ) -> None:
        front = f"---\ntemplate: kitfolio/{_TEMPLATES[kind]}\nhide: [navigation, toc]\n---\n"
        files.append(File.generated(config, src, content=front, inclusion=inclusion))
        self.pages.kinds[src] = (kind, view)

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.src_uri in self.pages.pitches:
            return ""
        found = self.pages.kinds.get(page.file.src_uri)
        if found is None:
            return html_text
        kind, view = found
        if view is None:
            return "".join(
                f"<p>{html.escape(v.name)}: {html.escape(v.description)}</p>"
                for v in (self.site.kits if self.site else [])
            )
        text = view.search_text if kind == "kit" else sitemodel.work_search_text(view)
        return "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n"))

    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        pitch = self.pages.pitches.get(page.file.src_uri)
        if pitch is not None and self.site is not None:
            return self._pitch_context(context, page, pitch)
        found = self.pages.kinds.get(page.file.src_uri)
        if found is None or self.site is None:
            return context
        kind, view = found
        extra: dict[str, Any] = context  # type: ignore[assignment]
        extra["kitfolio"] = self.site
        extra["kit"] = view
        extra["kf_roster"] = self.additions.roster
        title = sitemodel.page_title(kind, view, config.site_name)
        page.title = Markup(html.escape(title))
        description = (
            view.description if view else sitemodel.roster_description(self.site, config.site_name)
        )
        page.meta["description"] = Markup(html.escape(description))
        if view is not None and page.file.src_uri == "index.md" and config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + view.url
        cards = self.built.cards if self.built else {}
        extra["kitfolio_meta"] = page_meta(
            kind,
            view,
            site_url=str(config.site_url),
            title=title,
            description=description,
            card=cards.get((view.slug, kind)) if view else None,
        )
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return valid_toggles(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return valid_toggles(output_content)

    def _pitch_context(
        self, context: TemplateContext, page: Page, pitch: PitchView
    ) -> TemplateContext:
        extra: dict[str, Any] = context  # type: ignore[assignment]
        extra["kitfolio"] = self.site
        extra["kit"] = pitch.kit
        extra["pitch"] = pitch
        page.title = Markup(html.escape(f"{pitch.kit.name} for {pitch.brand}"))
        page.meta["description"] = Markup(
            html.escape(f"A proposal for {pitch.brand} from {pitch.kit.name}")
        )
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """Pitches are unlisted: the sitemap leaves them out."""
        if template_name == "sitemap.xml" and self.pages.pitches:
            pages = context.get("pages") or []
            context["pages"] = [f for f in pages if f.src_uri not in self.pages.pitches]
        return context

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Pitches are unlisted: whichever search plugin ran, its index leaves them out."""
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not self.pages.pitches or not index.is_file():
            return
        data = json.loads(index.read_text(encoding="utf-8"))
        unlisted = {pitch.url for pitch in self.pages.pitches.values()}
        docs = data.get("docs", [])
        kept = [d for d in docs if str(d.get("location", "")).split("#")[0] not in unlisted]
        if len(kept) != len(docs):
            data["docs"] = kept
            index.write_text(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        previous = env.autoescape

        def autoescape(name: str | None) -> bool:
            if name and name.startswith("kitfolio/"):
                return True
            return bool(previous(name) if callable(previous) else previous)

        env.autoescape = autoescape
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.kits_dir))
        if self.pitches_dir.is_dir():
            server.watch(str(self.pitches_dir))
        for folder in sitemodel.image_folders(self.roster, self.kits_dir):
            server.watch(str(folder))
        return server


def _minify_assets(files: Files) -> None:
    """Serve Kitfolio's own CSS and JavaScript minified; the theme's sources stay readable."""
    for file in files:
        if minify.minifiable(file.src_uri) and file.abs_src_path is not None:
            source = Path(file.abs_src_path).read_text(encoding="utf-8")
            file.content_string = minify.minified(file.src_uri, source)


_HINTED: set[Path] = set()
"""Projects already told why growth history is missing (once per process, not per rebuild)."""

_TEMPLATES = {"kit": "kit.html", "work": "work-with-me.html", "roster": "roster.html"}
