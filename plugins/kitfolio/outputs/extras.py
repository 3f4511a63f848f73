"""What a build adds beside the kit pages: the agency, the roster's choices, pitches and the feed.

Engine-neutral like site.py: the MkDocs adapter asks this module which extra pages and files
there are, and writes them through MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kitfolio.cache import Memory
from kitfolio.errors import Problem, errors, shown_path
from kitfolio.outputs import feed as data
from kitfolio.outputs import feed_contract as contract
from kitfolio.outputs.roster_filters import RosterView, build_roster
from kitfolio.present.formatting import Formatter
from kitfolio.public.campaign_view import CampaignView
from kitfolio.public.model import PublicRates
from kitfolio.public.site import Site
from kitfolio.public.views import KitView
from kitfolio.sources.agency import AgencyView, LoadedAgency, load_agency
from kitfolio.sources.campaigns import Campaigns, campaign_files, load_campaigns
from kitfolio.sources.exchange_rates import ExchangeRates, load_exchange_rates
from kitfolio.sources.pitches import Language, Pitches, load_pitches, pitch_files


@dataclass
class SiteExtras:
    """The agency, the roster's filter choices, the pitches and the campaigns of one build."""

    agency: AgencyView | None = None
    roster: RosterView | None = None
    rosters: dict[str, RosterView] = field(default_factory=dict)
    """The roster's choices in each language of the site (``roster`` is the first's)."""
    pitches: Pitches = field(default_factory=Pitches)
    problems: list[Problem] = field(default_factory=list)
    exchange_rates: ExchangeRates | None = None
    campaigns: Campaigns = field(default_factory=Campaigns)
    campaigns_by_language: dict[str, Campaigns] = field(default_factory=dict)
    """The campaigns as each language's pages show them (reports, case studies), by tag."""

    def every_campaign(self) -> list[CampaignView]:
        """Each campaign in each language, for the paths their reports claim."""
        versions = self.campaigns_by_language.values() or [self.campaigns]
        return [view for each in versions for view in each.campaigns]

    def where(self, *, strict: bool) -> str:
        """What the problems that stop a build are in, as its message names them."""
        kinds = [
            name
            for name, problems in (
                ("pitches", self.pitches.problems),
                ("campaigns", self.campaigns.problems),
            )
            if errors(problems) or (strict and problems)
        ]
        return " and ".join(kinds) or "pitches"


def load_agency_option(
    options: dict[str, Any] | None, config_file: Path, root: Path, memory: Memory | None = None
) -> tuple[LoadedAgency | None, list[Problem]]:
    """Check the plugin's ``agency`` option, located in mkdocs.yml; its logo inside ``root``."""
    return load_agency(options, config_file, shown_path(config_file, root), root, memory)


def load_additions(
    sites: list[Site],
    agency: AgencyView | None,
    *,
    root: Path,
    pitches_dir: Path,
    known_slugs: list[str],
    exchange_rates: ExchangeRates | None = None,
    kit_rates: Mapping[str, PublicRates | None] | None = None,
    campaigns_dir: Path | None = None,
) -> SiteExtras:
    """The roster's filter choices, and every pitch and campaign checked against the kits' views
    (and their whole rate cards, ``kit_rates``, which only protected pitches show): pitches in
    each of the site's languages (``sites``, the first first), campaigns too: their problems
    are the first language's, their report pages one per language."""
    languages = [
        Language(
            site.language,
            site.prefix,
            {view.slug: view for view in site.kits},
            Formatter(site.settings.locale, site.settings.words_language),
        )
        for site in sites
    ]
    campaign_paths = campaign_files(campaigns_dir) if campaigns_dir else []
    every_campaigns = {
        language.tag: load_campaigns(
            campaign_paths,
            root,
            language.views,
            known_slugs,
            sites[0].settings.today,
            language.fmt,
            prefix=language.prefix,
        )
        for language in languages
    }
    campaigns = every_campaigns[languages[0].tag]
    pitches = load_pitches(
        pitch_files(pitches_dir),
        root,
        languages,
        known_slugs,
        sites[0].settings.today,
        kit_rates,
    )
    rosters = {
        language.tag: build_roster(
            site.kits,
            agency,
            exchange_rates,
            language.fmt.words,
            language.fmt.short_date(exchange_rates.date) if exchange_rates else None,
        )
        for site, language in zip(sites, languages, strict=True)
    }
    return SiteExtras(
        agency=agency,
        roster=rosters[sites[0].language],
        rosters=rosters,
        pitches=pitches,
        problems=pitches.problems + campaigns.problems,
        exchange_rates=exchange_rates,
        campaigns=campaigns,
        campaigns_by_language=every_campaigns,
    )


def load_exchange_rates_option(
    options: dict[str, Any] | None, config_file: Path, root: Path
) -> tuple[ExchangeRates | None, list[Problem]]:
    """Check the plugin's ``exchange_rates`` option, located in mkdocs.yml."""
    return load_exchange_rates(options, config_file, shown_path(config_file, root))


KeptFeed = Callable[[KitView, str, Callable[[], str]], Callable[[], str]]
"""(view, the feed's site header as JSON, maker) → the maker of that kit's kit.json."""


def feed_files(
    sites: list[Site],
    additions: SiteExtras,
    site_name: str,
    site_url: str,
    *,
    cards: data.Cards | None = None,
    only: Collection[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(site path, text) of the data feed in each language of the site (``sites``, the first
    at the root, each other under ``<tag>/``): kits.json, its compact index, each kit.json; and
    the feed's schema. ``only``: the kit.json of those slugs alone (the others unchanged);
    ``cards``: the cards made for the last feed, kept for the views that stand."""
    for src, make in feed_makers(sites, additions, site_name, site_url, cards=cards, only=only):
        yield src, make()


def feed_makers(
    sites: list[Site],
    additions: SiteExtras,
    site_name: str,
    site_url: str,
    *,
    cards: data.Cards | None = None,
    only: Collection[str] | None = None,
    kept: KeptFeed | None = None,
) -> Iterator[tuple[str, Callable[[], str]]]:
    """``feed_files`` with each text's maker in place of the text: a roster's two files are made
    at once (from one set of cards), each kit.json only when its maker is called, so a build
    writing 10,000 of them need not hold them all. ``kept`` may stand in for a kit.json's
    maker (one that reads the text back from the build cache)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    alternates = {site.language: site.prefix for site in sites} if len(sites) > 1 else {}
    made = cards or data.Cards()
    rates = additions.exchange_rates
    for site in sites:
        info = data.site_info(site_name, base, site.settings.locale, site.language, alternates)
        header = info.model_dump_json()
        roster, index = data.roster_feeds(site.kits, info, additions.agency, rates, made)
        yield site.prefix + contract.ROSTER_PATH, _given(roster)
        yield site.prefix + contract.INDEX_PATH, _given(index)
        for view in site.kits:
            if only is None or view.slug in only:
                make = partial(data.kit_json, view, info)
                yield view.url + contract.KIT_FILE, kept(view, header, make) if kept else make
    made.keep_used()
    yield contract.SCHEMA_PATH, contract.feed_schema_text


def _given(text: str) -> Callable[[], str]:
    return lambda: text
