"""Which files a build writes and who claims each, so that no source silently replaces another.

Every path of the site has one owner. A kit owns its folder ``<slug>/`` (its pages, photos,
cards and ``kit.json``), a pitch its ``for/<name>/``, Kitfolio its feed and schemas. The engine
adapter adds what it writes itself: documentation pages, theme files, the sitemap. A second claim
on a path, or any claim inside another owner's folder, is a clash where one side is Kitfolio's,
reported as an error naming both owners before anything is written. Paths are compared without
case, as a case-insensitive disk (macOS, Windows) would write them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kitfolio.errors import Problem
from kitfolio.model.schema import CAMPAIGN_SCHEMA_PATH, KIT_SCHEMA_PATH
from kitfolio.outputs import feed_contract as contract
from kitfolio.public.campaign_view import CampaignView
from kitfolio.public.site import Site
from kitfolio.sources.kits import LoadedKits
from kitfolio.sources.pitches import PitchView

FEED = "Kitfolio's data feed"
SCHEMA = "Kitfolio's kit schema"
CAMPAIGN_SCHEMA = "Kitfolio's campaign schema"


@dataclass(frozen=True)
class Claim:
    """One owner's claim on a site path (``/``-separated, from the site root).

    A path ending in ``/`` claims a folder: everything under it. ``located`` says the owner is a
    file a user edits (``kits/ava.yml``), where a clash is reported; otherwise it is a
    description (``the theme``).
    """

    path: str
    owner: str
    located: bool = False

    @property
    def folder(self) -> bool:
        return self.path.endswith("/")


def kitfolio_claims(
    roster: LoadedKits,
    site: Site,
    pitches: Iterable[PitchView],
    logo_paths: Iterable[str] = (),
    agency_owner: str = "the agency option",
    campaigns: Iterable[CampaignView] = (),
) -> Iterator[Claim]:
    """Every path Kitfolio's own outputs claim, by the source that asks for it (``logo_paths``:
    the agency logo's drawn files, known once it is drawn)."""
    files = {loaded.slug: loaded.doc.display for loaded in roster.kits}
    for view in site.kits:
        yield Claim(view.url, files[view.slug], located=True)
    for pitch in pitches:
        yield Claim(pitch.url, pitch.source, located=True)
    for campaign in campaigns:
        yield Claim(campaign.url, campaign.source, located=True)
    yield Claim(contract.ROSTER_PATH, FEED)
    yield Claim(contract.INDEX_PATH, FEED)
    yield Claim(contract.SCHEMA_PATH, FEED)
    yield Claim(KIT_SCHEMA_PATH, SCHEMA)
    yield Claim(CAMPAIGN_SCHEMA_PATH, CAMPAIGN_SCHEMA)
    for src in logo_paths:
        yield Claim(src, agency_owner)


def docs_claims(docs_folder: Path, shown_docs: str, *, directory_urls: bool) -> Iterator[Claim]:
    """What the engine publishes from ``docs_dir``, by MkDocs' rules, for a check without the
    engine: a Markdown page becomes ``<name>/index.html`` (``index`` and ``README``:
    ``index.html``; ``<name>.html`` without directory URLs), any other file keeps its path;
    hidden files and ``templates/`` are not published."""
    if not docs_folder.is_dir():
        return
    for folder, subfolders, names in os.walk(docs_folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        relative = Path(folder).relative_to(docs_folder)
        if relative.parts[:1] == ("templates",):
            continue
        for name in sorted(names):
            if name.startswith("."):
                continue
            src = (relative / name).as_posix()
            yield Claim(_published(src, directory_urls), f"{shown_docs}/{src}", located=True)


def _published(src: str, directory_urls: bool) -> str:
    parent, _, name = src.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() not in ("md", "markdown"):
        return src
    folder = parent + "/" if parent else ""
    if stem in ("index", "README"):
        return folder + "index.html"
    return folder + (stem + "/index.html" if directory_urls else stem + ".html")


def clashes(ours: Iterable[Claim], others: Iterable[Claim] = ()) -> list[Problem]:
    """One problem per pair of owners whose claims meet: on one path, or inside a folder.

    ``ours`` are Kitfolio's claims, ``others`` the engine's (docs, theme, its own files); a
    clash between two of the engine's is the engine's business and is not reported. Each
    problem names both owners, the first path they share and how many more; it is located in
    the first of them that is a file a user edits.
    """
    mine = list(ours)
    listed = [*mine, *others]
    kitfolio = {id(claim) for claim in mine}
    tables: dict[bool, dict[str, Claim]] = {True: {}, False: {}}
    met: dict[tuple[str, str], list[tuple[Claim, Claim]]] = {}

    def meet(holder: Claim, other: Claim) -> None:
        if holder.owner != other.owner and kitfolio & {id(holder), id(other)}:
            met.setdefault((holder.owner, other.owner), []).append((holder, other))

    for claim in listed:
        table = tables[claim.folder]
        first = table.setdefault(claim.path.casefold(), claim)
        if first is not claim:
            meet(first, claim)
    folders = tables[True]
    for claim in listed:
        for above in _folders_above(claim.path.casefold()):
            if (holder := folders.get(above)) is not None:
                meet(holder, claim)
    return [_problem(pairs) for pairs in met.values()]


def _folders_above(path: str) -> Iterator[str]:
    """``a/b/c.html`` → ``a/``, ``a/b/``; a folder is not above itself."""
    parts = path.rstrip("/").split("/")
    for end in range(1, len(parts)):
        yield "/".join(parts[:end]) + "/"


def _problem(pairs: list[tuple[Claim, Claim]]) -> Problem:
    holder, other = pairs[0]
    at = holder if holder.located or not other.located else other
    more = f" (and {len(pairs) - 1} more)" if len(pairs) > 1 else ""
    message = (
        f"{_shown(other.path)}{more} is claimed twice: by {_whose(holder)} and by "
        f"{other.owner}; each page and file of the site has one source, so rename or remove "
        "one of them"
    )
    return Problem(at.owner if at.located else "(site)", 1, 1, "(url)", message)


def _whose(claim: Claim) -> str:
    if claim.folder:
        return f"{claim.owner} (which owns everything under {_shown(claim.path)})"
    return claim.owner


def _shown(path: str) -> str:
    """A site path as a visitor's URL: ``ava/index.html`` → ``/ava/``."""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return "/" + path
