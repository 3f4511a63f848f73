"""One pipeline for every engine: ``check()`` and ``build()`` of a project.

The MkDocs adapter and the ``kitfolio`` command both call these, so ``kitfolio check`` reports
exactly the problems a build would, and ``stopping`` alone decides which of them fail. A script
runs the whole pipeline without MkDocs:

    project = read_project(Path("mkdocs.yml"))
    checked = check(project)               # every problem a build would report
    if not checked.stopped:
        cache = project.cache()
        sources = read_sources(project, cache)
        built = build(project, sources, cache)
        print(built.stats.summary(), built.stats.per_kit())

The order matters: sources first (kits, images, the agency option), then pictures and history,
then each kit's public model (``public.gate``: private prices gone) and the views formatted from
it (the avatar gives the accent, the accent and history shape the view), then the pitches checked
against the views; the view is what a social card shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kitfolio.cache import Cache, Memory
from kitfolio.derive import history as git_history
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.history import History
from kitfolio.errors import Problem, errors, shown_path, warnings
from kitfolio.media.renditions import Rendition
from kitfolio.media.work import ImageStats, Made, Media, Output
from kitfolio.outputs import url_claims
from kitfolio.outputs.extras import (
    SiteExtras,
    load_additions,
    load_agency_option,
    load_exchange_rates_option,
)
from kitfolio.outputs.pdf import PdfFacts, PdfOptions, media_kits, pdf_src
from kitfolio.project import Project
from kitfolio.public.gate import public_rates
from kitfolio.public.site import Site, build_sites, language_prefix, language_slugs
from kitfolio.public.stored_views import StoredViews
from kitfolio.public.views import Settings
from kitfolio.sources.agency import AgencyView, LoadedAgency
from kitfolio.sources.campaigns import campaign_files
from kitfolio.sources.exchange_rates import ExchangeRates
from kitfolio.sources.files import published_as_is
from kitfolio.sources.kept_documents import KeptDocuments
from kitfolio.sources.kits import LoadedKits, kit_files, located_images, read_kits
from kitfolio.sources.pitches import pitch_files
from kitfolio.starter import site_placeholders


@dataclass
class BuildProducts:
    """What a build adds to the site besides its pages, and what it cost."""

    site: Site
    outputs: list[Output] = field(default_factory=list)
    cards: dict[tuple[str, str], Rendition] = field(default_factory=dict)
    """(page path, kind) → the social card of a kit's page, in each language."""
    stats: ImageStats = field(default_factory=ImageStats)
    history: History = field(default_factory=lambda: History("off"))
    history_seconds: float = 0.0
    agency: AgencyView | None = None
    """The agency option's view, its logo drawn like a kit photo."""
    media: Media | None = None
    sites: list[Site] = field(default_factory=list)
    """The site in each of its languages, ``site`` first."""
    later: list[Made] = field(default_factory=list)
    """The PDFs left for the caller to make (``pdfs_later``): linked from the views already."""
    views: StoredViews | None = None
    """Where the views were kept between builds, and how many were found there."""

    def publish(self, output: Output, target: Path) -> None:
        """Write one of ``outputs`` to ``target`` (see Media.publish)."""
        assert self.media is not None
        self.media.publish(output, target)


def derive(
    roster: LoadedKits,
    settings: Settings,
    *,
    cache: Cache,
    site_name: str = "",
    git: bool = True,
    workers: int | None = None,
    social_cards: bool = True,
    agency: LoadedAgency | None = None,
    pdfs: PdfOptions | None = None,
    languages: Sequence[str] = (),
    settings_for: Callable[[str], Settings] | None = None,
    pdfs_later: bool = False,
    views: StoredViews | None = None,
) -> BuildProducts:
    """Read history, draw pictures, the agency's logo, cards and PDFs (or find them in
    ``cache``), build the views (or find them in ``views``). ``pdfs_later`` leaves the PDFs to
    the caller, in ``later``: the live preview serves a saved kit's pages before its PDFs are
    drawn.

    Raises ``media.MediaError`` when an image cannot be converted, OSError when the cache
    cannot be written; the cache's manifest is written once, at the end of a successful run.
    """
    media = Media(cache, workers)
    started = time.perf_counter()
    found = History("off")
    if git and roster.kits:
        found = git_history.read([k.path for k in roster.kits], cache)
    history_seconds = time.perf_counter() - started
    drawn = media.pictures(roster.kits)
    logo = media.draw([agency.logo]) if agency and agency.logo else []
    derived: dict[str, BuildFacts] = {}
    for loaded in roster.kits:
        mine = drawn.get(loaded.slug, BuildFacts())
        derived[loaded.slug] = replace(mine, history=found.points.get(loaded.path, {}))
    published = tuple(languages) or (settings.locale.replace("_", "-"),)
    sites = build_sites(roster, published, settings_for or (lambda _: settings), derived, views)
    site = sites[0]
    avatars = {}
    for loaded in roster.kits:
        facts = loaded.image(loaded.kit.avatar)
        if facts is not None:
            avatars[loaded.slug] = facts
    every_view = [view for each in sites for view in each.kits]
    cards = media.cards(every_view, site_name, avatars) if social_cards else {}
    later: list[Made] = []
    if pdfs is not None:
        # One PDF per kit in each language; each language's pages link to their own.
        later, links = media_kits(media, sites, pdfs)
        if not pdfs_later:
            media.make(later)
            later = []
        sites = [
            replace(
                each,
                kits=[replace(v, pdf_url=links.get((each.language, v.slug))) for v in each.kits],
            )
            for each in sites
        ]
        site = sites[0]
    cache.save()
    if views is not None:
        views.end()
    viewed = agency.with_logo(logo[0][1] if logo else None) if agency else None
    return BuildProducts(
        site,
        media.outputs,
        cards,
        media.stats,
        found,
        history_seconds,
        viewed,
        media,
        sites,
        later,
        views,
    )


def stopping(problems: list[Problem], *, strict: bool) -> list[Problem]:
    """The strict policy, for every engine: errors stop a build, warnings only when strict."""
    return sorted(errors(problems) + (warnings(problems) if strict else []))


@dataclass
class Sources:
    """The first stage: the kits, the agency option and every problem they have."""

    kit_paths: list[Path]
    roster: LoadedKits
    agency: LoadedAgency | None
    problems: list[Problem]
    where: str
    """What the problems are in, as a build's message names it."""
    exchange_rates: ExchangeRates | None = None


def read_sources(
    project: Project,
    memory: Memory | None = None,
    kit_paths: list[Path] | None = None,
    kept: KeptDocuments | None = None,
) -> Sources:
    """Read and check the kits (``kit_paths``, else every kit of ``kits_dir``; parsed files
    found in ``kept`` when given) and the agency option. Raises ProjectError when a folder
    option is wrong."""
    paths = kit_files(project.kits_folder()) if kit_paths is None else kit_paths
    roster = read_kits(
        paths, project.root, memory, stale_after_days=project.stale_after_days, kept=kept
    )
    agency, agency_problems = load_agency_option(
        project.agency, project.config_file, project.root, memory
    )
    logo = [agency.logo.image] if agency and agency.logo else []
    as_is = published_as_is([*located_images(roster.kits), *logo], project.docs_folder)
    exchange_rates, rate_problems = load_exchange_rates_option(
        project.exchange_rates, project.config_file, project.root
    )
    where = "kits or the agency option" if agency_problems else "kits"
    where = "kits or the exchange_rates option" if rate_problems else where
    placeholders = site_placeholders(project.config_file, project.root)
    where = "kits or mkdocs.yml" if placeholders else where
    named_like_languages = language_slugs(roster, project.site_languages)
    problems = (
        roster.problems
        + agency_problems
        + rate_problems
        + as_is
        + placeholders
        + named_like_languages
    )
    return Sources(paths, roster, agency, problems, where, exchange_rates)


def read_pitches(
    project: Project, sites: list[Site], agency: AgencyView | None, sources: Sources
) -> SiteExtras:
    """The second stage, once the views exist: the roster's choices and the checked pitches
    and campaigns (``sites``: the site in each of its languages, the first first)."""
    return load_additions(
        sites,
        agency,
        root=project.root,
        pitches_dir=project.pitches_folder(),
        known_slugs=[path.stem for path in sources.kit_paths],
        exchange_rates=sources.exchange_rates,
        kit_rates={
            loaded.slug: public_rates(loaded.kit.rates, protected=True)
            if loaded.kit.rates
            else None
            for loaded in sources.roster.kits
        },
        campaigns_dir=project.campaigns_folder(),
    )


@dataclass
class Checked:
    """Every problem a build of the project reports, in the order it reports them."""

    problems: list[Problem]
    stopped: str | None
    """What stopped the build (``kits``, ``pitches``...), or None when it would go on."""
    kits: int = 0
    pitches: int = 0
    campaigns: int = 0


def check(
    project: Project, memory: Memory | None = None, kit_paths: list[Path] | None = None
) -> Checked:
    """What a build of ``project`` would report, without drawing or writing anything: its
    sources, then (unless they stop it) its pitches against the kits' views."""
    sources = read_sources(project, memory, kit_paths)
    count = len(sources.kit_paths)
    if stopping(sources.problems, strict=project.strict):
        return Checked(sources.problems, sources.where, count)
    if kit_paths is not None:
        return Checked(sources.problems, None, count)
    sites = build_sites(sources.roster, project.site_languages, project.settings_for, derived=None)
    viewed = sources.agency.with_logo(None) if sources.agency else None
    extras = read_pitches(project, sites, viewed, sources)
    found = len(pitch_files(project.pitches_folder()))
    campaigns = len(campaign_files(project.campaigns_folder()))
    problems = sources.problems + extras.problems
    if stopping(extras.problems, strict=project.strict):
        return Checked(problems, extras.where(strict=project.strict), count, found, campaigns)
    clashes = url_claims.clashes(
        url_claims.kitfolio_claims(
            sources.roster, sites, extras.pitches.pitches, campaigns=extras.every_campaign()
        ),
        url_claims.docs_claims(
            project.docs_folder,
            shown_path(project.docs_folder, project.root),
            directory_urls=project.use_directory_urls,
        ),
    )
    return Checked(problems + clashes, "urls" if clashes else None, count, found, campaigns)


def build(
    project: Project,
    sources: Sources,
    cache: Cache,
    workers: int | None = None,
    *,
    pdfs_later: bool = False,
    views: StoredViews | None = None,
) -> BuildProducts:
    """The derive stage of a checked project: history, pictures, the agency's logo, the views,
    the cards and the PDFs, drawn into ``cache`` (never into docs_dir), the views kept in
    ``views`` when given. Raises like ``derive``."""
    return derive(
        sources.roster,
        project.settings,
        cache=cache,
        site_name=project.site_name,
        git=project.growth_history,
        workers=workers,
        social_cards=project.social_cards,
        agency=sources.agency,
        pdfs=pdf_options(project) if project.pdf else None,
        languages=project.site_languages,
        settings_for=project.settings_for,
        pdfs_later=pdfs_later,
        views=views,
    )


@dataclass
class MediaKitPdf:
    """What ``media_kit_pdf`` did: the problems that stopped it, or the file and its pages."""

    problems: list[Problem]
    pages: int = 0
    written: bool = False


def media_kit_pdf(
    project: Project, slug: str, target: Path, language: str | None = None
) -> MediaKitPdf:
    """Write the PDF media kit of the kit ``slug`` in ``language`` (the site's first when
    None) to ``target``: the same file a build publishes (the same view, template and cache;
    a kit a build drew is not drawn again).

    Only that kit is read and drawn, under a cache owner of its own, so the work of the site's
    builds stays in the cache. Raises ProjectError when a folder option is wrong, LookupError
    when no kit has that slug or the site not that language, like ``build`` otherwise.
    """
    paths = [path for path in kit_files(project.kits_folder()) if path.stem == slug]
    if not paths:
        raise LookupError(f"no kit {slug!r} in {project.kits_dir}/")
    published = project.site_languages
    language = language or published[0]
    if language not in published:
        listed = ", ".join(published)
        raise LookupError(f"no language {language!r} in the site's languages ({listed})")
    project = replace(project, social_cards=False, pdf=True)
    cache = project.cache(purpose="pdf")
    sources = read_sources(project, cache, paths)
    stopped = stopping(sources.problems, strict=project.strict)
    if stopped:
        return MediaKitPdf(stopped)
    built = build(project, sources, cache)
    wanted = pdf_src(slug, language_prefix(language, published))
    for output in built.outputs:
        if output.src == wanted:
            target.parent.mkdir(parents=True, exist_ok=True)
            built.publish(output, target)
            assert built.media is not None
            facts = PdfFacts.model_validate(dict(built.media.facts(output)))
            return MediaKitPdf(sources.problems, facts.pages, written=True)
    return MediaKitPdf(sources.problems)


def pdf_options(project: Project) -> PdfOptions:
    """What the project's PDFs depend on besides the kits."""
    return PdfOptions(project.site_url, project.settings.locale, project.theme_folder())
