"""What ``on_config`` reads and derives from disk: the project, its kits, their pictures, views,
cards and PDFs, its pitches and campaigns; every problem reported, the stopping ones raised.

In ``mkdocs serve`` the last good ``Loaded`` stands in for a rebuild that fails, so the preview
keeps its pages; the plugin holds it, this module only makes it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from kitfolio import pipeline
from kitfolio.adapter.lasting_inputs import code_digest
from kitfolio.adapter.options import KitfolioConfig
from kitfolio.adapter.page_inputs import catalog_digest
from kitfolio.cache import Cache, Memory
from kitfolio.errors import Problem, errors, warnings
from kitfolio.media.work import Made, Media, MediaError, Output
from kitfolio.outputs import extras as outputs
from kitfolio.outputs.templates import theme_dir
from kitfolio.pipeline import BuildProducts
from kitfolio.project import Project, ProjectError
from kitfolio.public import site as site_model
from kitfolio.public.stored_views import StoredViews
from kitfolio.sources.kept_documents import KeptDocuments
from kitfolio.sources.kits import LoadedKits, kit_files, roster_order

log = get_plugin_logger(__name__)


class Stopped(PluginError):
    """Problems that stop a build, kept on the error so the preview can show them."""

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"kitfolio: {what}; nothing was built and site/ is unchanged")


@dataclass(frozen=True)
class Loaded:
    """One build's sources and what was derived from them."""

    root: Path = Path(".")
    kits_dir: Path = Path("kits")
    pitches_dir: Path = Path("pitches")
    campaigns_dir: Path = Path("campaigns")
    languages: tuple[str, ...] = ()
    roster: LoadedKits = field(default_factory=lambda: LoadedKits([], []))
    site: site_model.Site | None = None
    built: BuildProducts | None = None
    additions: outputs.SiteExtras = field(default_factory=outputs.SiteExtras)
    documents: KeptDocuments | None = None
    """The kit files parsed by earlier builds, when the build cache keeps them."""
    views: StoredViews | None = None
    """The views kept by earlier builds, which name the views they returned."""


def load(config: MkDocsConfig, options: KitfolioConfig, memory: Memory | None = None) -> Loaded:
    """Read, check and derive the whole project; raises PluginError (``Stopped`` for problems
    in its sources) when the build cannot go on. ``memory`` (the preview's) remembers parsed
    kits between rebuilds of one process, keyed by their content."""
    if not config.site_url:
        raise PluginError(
            "kitfolio: site_url is required in mkdocs.yml (for example "
            "site_url: https://you.github.io/media-kit/): canonical and social links need it."
        )
    try:
        project = project_of(config, options)
        folders = (project.kits_folder(), project.pitches_folder(), project.campaigns_folder())
        cache = project.cache()
        views = stored_views(project) if options.page_cache else None
        documents = kept_documents(project) if options.page_cache else None
    except ProjectError as exc:
        raise PluginError(str(exc)) from None
    sources = pipeline.read_sources(project, memory or cache, kept=documents)
    report(sources.problems, strict=project.strict, where=sources.where)
    built = derive(project, sources, cache, views)
    if documents is not None:
        with contextlib.suppress(OSError):  # a full disk: the next build parses them again
            documents.end()
    additions = pipeline.read_pitches(project, built.sites, built.agency, sources)
    where = additions.where(strict=project.strict)
    report(additions.problems, strict=project.strict, where=where)
    for name, expired in additions.pitches.expired:
        log.info(f"{name}: expired on {expired.isoformat()}; the pitch is not built")
    return Loaded(
        project.root,
        *folders,
        languages=tuple(project.site_languages),
        roster=sources.roster,
        site=built.site,
        built=built,
        additions=additions,
        documents=documents,
        views=views,
    )


@dataclass(frozen=True)
class Edited:
    """A build's ``Loaded`` with some of its kits read again, and what those kits publish."""

    loaded: Loaded
    slugs: frozenset[str]
    outputs: list[Output]
    later: list[Made] = field(default_factory=list)
    """The kits' PDFs: linked from their pages, drawn after them (``make_later``)."""
    media: Media | None = None
    cache: Cache | None = None

    def make_later(self) -> list[Output]:
        """Draw the PDFs left for after the pages (or find them in the cache) and record them
        in the cache's manifest; the outputs to publish. Raises MediaError, OSError."""
        if not self.later or self.media is None or self.cache is None:
            return []
        self.media.make(self.later)
        self.cache.save()
        wanted = {made.src for made in self.later}
        built = self.loaded.built
        if built is not None and built.media is not None:
            built.media.adopt(self.media)
        return [output for output in self.media.outputs if output.src in wanted]


def load_edited(
    config: MkDocsConfig, options: KitfolioConfig, previous: Loaded, paths: list[Path]
) -> Edited | None:
    """``previous`` with the kits of ``paths`` read, checked and drawn again, those alone: the
    live preview's answer to saved kits. None when that cannot stand for a whole rebuild (a
    problem that stops the build, a new kit, a pitch it breaks); the caller rebuilds then.

    Each kit's view depends on that kit alone (``public.site.build_site``), so the other views
    stand; the roster's choices, pitches and campaigns are read again against the new views.
    Its drawing goes to a cache manifest of its own, which keeps the builds' work; the next
    full build removes what neither uses any more.
    """
    built = previous.built
    if built is None or built.media is None:
        return None
    try:
        project = project_of(config, options)
        cache = project.cache(purpose="preview", prunes=False)  # a build prunes, in seconds
        every_path = kit_files(project.kits_folder())
    except ProjectError:
        return None
    sources = pipeline.read_sources(project, cache, paths)
    known = {loaded.slug for loaded in previous.roster.kits}
    slugs = frozenset(loaded.slug for loaded in sources.roster.kits)
    if (
        pipeline.stopping(sources.problems, strict=project.strict)
        or len(slugs) != len(paths)
        or not slugs <= known
    ):
        return None
    try:
        edited = pipeline.build(project, sources, cache, pdfs_later=True)
    except (MediaError, OSError):
        return None
    assert edited.media is not None
    kits = [k for k in previous.roster.kits if k.slug not in slugs] + sources.roster.kits
    kits.sort(key=roster_order)
    read_again = {loaded.doc.display for loaded in sources.roster.kits}
    problems = [p for p in previous.roster.problems if p.file not in read_again]
    roster = LoadedKits(kits, problems + sources.roster.problems)
    order = {loaded.slug: at for at, loaded in enumerate(kits)}
    sites = []
    for before, now in zip(built.sites, edited.sites, strict=True):
        views = {view.slug: view for view in [*before.kits, *now.kits]}
        sites.append(replace(before, kits=sorted(views.values(), key=lambda v: order[v.slug])))
    drawn = {output.src for output in edited.outputs}
    built.media.adopt(edited.media)
    spliced = replace(
        built,
        site=sites[0],
        sites=sites,
        outputs=[o for o in built.outputs if o.src not in drawn] + edited.outputs,
        cards={**built.cards, **edited.cards},
    )
    whole = replace(sources, kit_paths=every_path, roster=roster, problems=roster.problems)
    additions = pipeline.read_pitches(project, sites, built.agency, whole)
    if pipeline.stopping(additions.problems, strict=project.strict):
        return None
    for problem in warnings(sources.problems):
        (log.error if project.strict else log.warning)(str(problem))
    loaded = replace(previous, roster=roster, site=sites[0], built=spliced, additions=additions)
    return Edited(loaded, slugs, edited.outputs, edited.later, edited.media, cache)


def project_of(config: MkDocsConfig, options: KitfolioConfig) -> Project:
    """The core's view of this site: the plugin's options and MkDocs' own."""
    root = Path(config.config_file_path or ".").resolve().parent
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


def stored_views(project: Project) -> StoredViews:
    """The views of earlier builds, in a cache of their own inside the build cache (the page
    cache's option keeps both). Raises ProjectError like ``Project.cache``."""
    cache = project.cache(purpose="views", within="views")
    return StoredViews(cache, code_digest(), catalog_digest)


def kept_documents(project: Project) -> KeptDocuments:
    """The kit files parsed by earlier builds, in a cache of their own inside the build cache.
    Raises ProjectError like ``Project.cache``."""
    cache = project.cache(purpose="documents", within="documents")
    return KeptDocuments(cache, code_digest())


def derive(
    project: Project, sources: pipeline.Sources, cache: Cache, views: StoredViews | None = None
) -> BuildProducts:
    """History, pictures, views and cards, drawn into the cache (never into docs_dir)."""
    try:
        built = pipeline.build(project, sources, cache, views=views)
    except MediaError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Stopped("images could not be converted", [str(p) for p in exc.problems]) from None
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


def report(problems: list[Problem], *, strict: bool, where: str = "kits") -> None:
    """Log every problem; raise ``Stopped`` when the strict policy says they stop the build."""
    stopping = pipeline.stopping(problems, strict=strict)
    for problem in warnings(problems):
        (log.error if strict else log.warning)(str(problem))
    for problem in errors(problems):
        log.error(str(problem))
    if stopping:
        count = len(stopping)
        raise Stopped(
            f"{count} problem{'s' if count != 1 else ''} in {where}",
            [str(p) for p in stopping],
        )


def install_theme(config: MkDocsConfig) -> None:
    """Kitfolio's templates after the site's ``custom_dir`` and before material's own."""
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


_HINTED: set[Path] = set()
"""Projects already told why growth history is missing (once per process, not per rebuild)."""
