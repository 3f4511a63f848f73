"""Everything a build derives from the kits besides the pages: history, pictures, views, cards.

Engine-neutral, so the MkDocs adapter, a benchmark or a plain script run it the same way:

    cache = Cache(Path(".cache/kitfolio"))
    roster = read_kits(kit_files(Path("kits")), Path("."), cache)
    built = derive(roster, Settings(), cache=cache, site_name="Kits")
    print(built.stats.summary(), built.stats.per_kit())

The order matters: the avatar gives the accent, the accent and history shape the view, and the
view (with private prices already gone) is what a social card shows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from kitfolio.cache import Cache
from kitfolio.derive import history as git_history
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.history import History
from kitfolio.media.renditions import Rendition
from kitfolio.media.work import ImageStats, Media, Output
from kitfolio.public.site import Site, build_site
from kitfolio.public.views import Settings
from kitfolio.sources.agency import AgencyView, LoadedAgency
from kitfolio.sources.kits import LoadedKits


@dataclass
class BuildProducts:
    """What a build adds to the site besides its pages, and what it cost."""

    site: Site
    outputs: list[Output] = field(default_factory=list)
    cards: dict[tuple[str, str], Rendition] = field(default_factory=dict)
    stats: ImageStats = field(default_factory=ImageStats)
    history: History = field(default_factory=lambda: History("off"))
    history_seconds: float = 0.0
    agency: AgencyView | None = None
    """The agency option's view, its logo drawn like a kit photo."""
    media: Media | None = None

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
) -> BuildProducts:
    """Read history, draw pictures, the agency's logo and cards (or find them in ``cache``),
    build the views.

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
    site = build_site(roster, settings, derived)
    avatars = {}
    for loaded in roster.kits:
        facts = loaded.image(loaded.kit.avatar)
        if facts is not None:
            avatars[loaded.slug] = facts
    cards = media.cards(site.kits, site_name, avatars) if social_cards else {}
    cache.save()
    viewed = agency.with_logo(logo[0][1] if logo else None) if agency else None
    return BuildProducts(
        site, media.outputs, cards, media.stats, found, history_seconds, viewed, media
    )
