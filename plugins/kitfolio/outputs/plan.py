"""The page plan: every page a build generates, what it shows and where it may be listed.

Engine-neutral: an adapter only maps each ``PlannedPage`` onto its engine (MkDocs: a generated
file, front matter, the page's title and meta). Each text comes from one function, so the wording
can move to the message catalogs without touching the plan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from kitfolio.page_kinds import PageKind
from kitfolio.present.wording import wording
from kitfolio.public.campaign_view import CampaignView
from kitfolio.public.site import Site, page_title, roster_description, work_search_text
from kitfolio.public.views import KitView
from kitfolio.sources.campaigns import Campaigns
from kitfolio.sources.pitches import PitchView

TEMPLATES = {
    PageKind.KIT: "kitfolio/kit.html",
    PageKind.WORK: "kitfolio/work-with-me.html",
    PageKind.ROSTER: "kitfolio/roster.html",
    PageKind.PITCH: "kitfolio/pitch.html",
    PageKind.REPORT: "kitfolio/report.html",
}


@dataclass(frozen=True, slots=True)
class Inclusion:
    """Where a page is listed: kit pages are kept out of the navigation (one link per kit is the
    site's choice), pitches out of everything a stranger could browse."""

    in_nav: bool = False
    in_sitemap: bool = True
    in_search: bool = True
    noindex: bool = False


LISTED = Inclusion()
UNLISTED = Inclusion(in_nav=False, in_sitemap=False, in_search=False, noindex=True)
FOLLOWING_PAGES = Inclusion(in_search=False)
"""The roster's pages after the first: crawled and in the sitemap; search finds the creators on
the first page's text already."""

ROSTER_PAGE_SIZE = 60
"""Creators per page of the roster's plain listing."""


@dataclass(frozen=True, slots=True)
class RosterPage:
    """One page of the roster's plain listing: the creators ``start`` to ``stop`` (by name), and
    where the pages before and after it are, for a crawler or a person without JavaScript."""

    number: int
    count: int
    start: int
    stop: int
    size: int = ROSTER_PAGE_SIZE
    prefix: str = ""
    """The language's folder (``es/``), empty for the site's first language."""

    def url_of(self, number: int) -> str:
        """The site path of page ``number``; the first is the roster itself."""
        return self.prefix + ("" if number == 1 else f"page/{number}/")

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None

    @property
    def numbers(self) -> list[int]:
        """The pages the pager names: the first and last, and two either side of this one."""
        near = range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)
        return sorted({1, self.count, *near})


def roster_pages(kits: int, size: int = ROSTER_PAGE_SIZE, prefix: str = "") -> list[RosterPage]:
    """The pages that list ``kits`` creators, ``size`` to a page (one page at least), under the
    language's folder ``prefix``."""
    count = max(1, -(-kits // size))
    return [
        RosterPage(n, count, (n - 1) * size, min(kits, n * size), size, prefix)
        for n in range(1, count + 1)
    ]


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """One generated page: its source path, template, texts and listing."""

    kind: PageKind
    src: str
    template: str
    title: str
    description: str
    search_text: str
    inclusion: Inclusion
    view: KitView | None = None
    pitch: PitchView | None = None
    home: bool = False
    """The site's home page (``index.md``), which the navigation may list."""
    language: str = "en"
    """The page's language (a BCP 47 tag): its interface text, ``lang`` and ``dir``, and,
    where the kit has them, its words."""
    roster_page: RosterPage | None = None
    """Which creators a roster page lists."""
    alternates: tuple[tuple[str, str], ...] = ()
    """(language, site path) of this page in each language of the site, its own included."""
    campaign: CampaignView | None = None
    protect: bool = False
    """Published only encrypted (outputs/protect.py): its texts are neutral, it is unlisted."""

    @property
    def name(self) -> str:
        """The page's own name, its address's last folder (``for/acme/index.md`` → ``acme``),
        which names its password's variable."""
        return PurePosixPath(self.src).parent.name

    @property
    def url(self) -> str:
        """The page's address from the site root: ``es/ava/``, ``reports/greenline/``."""
        return self.src.removesuffix("index.md")


def plan_pages(
    sites: Sequence[Site],
    pitches: list[PitchView],
    site_name: str,
    *,
    homes_taken: Collection[str] = (),
    campaigns: Campaigns | None = None,
    campaigns_by_language: Mapping[str, Campaigns] | None = None,
) -> list[PlannedPage]:
    """The kit, work-with-me, pitch and report pages in each language of the site (``sites``,
    the first first; reports in the first only), and each language's home page unless the docs
    have one (``homes_taken``: ``index.md``, ``es/index.md``): a single kit is then the home
    page, a roster of several the roster page. Each page knows its versions in the other
    languages."""
    planned: list[PlannedPage] = []
    shown = campaigns or Campaigns()
    by_language = campaigns_by_language or {}
    for site in sites:
        planned += _language_pages(
            site, site_name, homes_taken, by_language.get(site.language, shown)
        )
    planned += [_pitch_page(pitch) for pitch in pitches]
    reports = by_language.values() if by_language else [shown]
    planned += [_report_page(campaign) for each in reports for campaign in each.campaigns]
    planned = _with_alternates(planned)
    return [sealed(page) if page.protect else page for page in planned]


def _language_pages(
    site: Site, site_name: str, homes_taken: Collection[str], campaigns: Campaigns
) -> Iterator[PlannedPage]:
    language = site.language
    for view in site.kits:
        kit_page = campaigns.kit_page_view(view)
        yield _kit_page(PageKind.KIT, f"{view.url}index.md", kit_page, site_name, language)
        yield _kit_page(PageKind.WORK, f"{view.work_url}index.md", view, site_name, language)
    home = f"{site.prefix}index.md"
    if home in homes_taken:
        return
    single = site.kits[0] if len(site.kits) == 1 else None
    if single is not None:
        home_view = campaigns.kit_page_view(single)
        yield _kit_page(PageKind.KIT, home, home_view, site_name, language, home=True)
    else:
        yield from _roster_pages(site, site_name, language)


def _with_alternates(planned: list[PlannedPage]) -> list[PlannedPage]:
    """Each page with the list of its versions: the same kind of page of the same kit (or
    the home, or the same pitch file) in every language it is published in."""
    groups: dict[tuple[str, ...], list[PlannedPage]] = {}
    for page in planned:
        groups.setdefault(_version_of(page), []).append(page)
    versions = {
        key: tuple((page.language, page.url) for page in pages) for key, pages in groups.items()
    }
    return [replace(page, alternates=versions[_version_of(page)]) for page in planned]


def _version_of(page: PlannedPage) -> tuple[str, ...]:
    if page.home:
        return ("home",)
    if page.pitch is not None:
        return (page.kind, page.pitch.key)
    if page.campaign is not None:
        return (page.kind, page.campaign.name)
    if page.roster_page is not None:
        return (page.kind, str(page.roster_page.number))
    return (page.kind, page.view.slug if page.view else "")


def sealed(page: PlannedPage) -> PlannedPage:
    """A protected page as published: a neutral title and description, nothing for search, and
    unlisted, so that its plaintext reaches no title, meta tag, index or sitemap."""
    return replace(
        page,
        title=wording(page.language).protected_title(),
        description=wording(page.language).protected_description(),
        search_text="",
        inclusion=UNLISTED,
    )


def _roster_pages(site: Site, site_name: str, language: str) -> list[PlannedPage]:
    words = wording(site.settings.words_language)
    title = page_title(PageKind.ROSTER, None, site_name)
    description = roster_description(site, site_name)
    pages = roster_pages(len(site.kits), prefix=site.prefix)
    return [
        PlannedPage(
            PageKind.ROSTER,
            f"{page.url_of(page.number)}index.md",
            TEMPLATES[PageKind.ROSTER],
            title if page.number == 1 else words.numbered_page(title, page.number, page.count),
            description,
            roster_search_text(site) if page.number == 1 else "",
            LISTED if page.number == 1 else FOLLOWING_PAGES,
            home=page.number == 1,
            roster_page=page,
            language=language,
        )
        for page in pages
    ]


def _kit_page(
    kind: PageKind,
    src: str,
    view: KitView,
    site_name: str,
    language: str,
    *,
    home: bool = False,
) -> PlannedPage:
    search = view.search_text if kind == PageKind.KIT else work_search_text(view)
    return PlannedPage(
        kind,
        src,
        TEMPLATES[kind],
        page_title(kind, view, site_name),
        view.description,
        search,
        LISTED,
        view=view,
        home=home,
        language=language,
    )


def _pitch_page(pitch: PitchView) -> PlannedPage:
    return PlannedPage(
        PageKind.PITCH,
        pitch.src,
        TEMPLATES[PageKind.PITCH],
        pitch_title(pitch),
        pitch_description(pitch),
        "",
        UNLISTED,
        view=pitch.kit,
        pitch=pitch,
        language=pitch.language,
        protect=pitch.protect,
    )


def _report_page(campaign: CampaignView) -> PlannedPage:
    words = wording(campaign.kit.language)
    return PlannedPage(
        PageKind.REPORT,
        campaign.src,
        TEMPLATES[PageKind.REPORT],
        words.report_title(campaign.brand, campaign.kit.name),
        words.report_description(campaign.brand, campaign.kit.name),
        "",
        UNLISTED,
        view=campaign.kit,
        campaign=campaign,
        protect=campaign.protect,
        language=campaign.kit.language,
    )


def roster_search_text(site: Site) -> str:
    """What the roster page says for search: each creator and their description."""
    return "\n\n".join(f"{view.name}: {view.description}" for view in site.kits)


def pitch_title(pitch: PitchView) -> str:
    return wording(pitch.kit.language).pitch_title(pitch.kit.name, pitch.brand)


def pitch_description(pitch: PitchView) -> str:
    return wording(pitch.kit.language).pitch_description(pitch.kit.name, pitch.brand)
