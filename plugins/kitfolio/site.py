"""The site as a whole: every kit's view, the files a build adds, and page-level wording.

Engine-neutral: the MkDocs adapter asks this module what to generate, and so could any other
front end or a plain script.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .formatting import Formatter
from .kits import LoadedKit, Roster, image_refs
from .view import KitView, Settings, build_view


@dataclass(frozen=True)
class Site:
    """Every kit of a site, viewed for one locale."""

    kits: list[KitView]
    settings: Settings


def build_site(roster: Roster, settings: Settings) -> Site:
    """Views of every loaded kit; one formatter shared by all."""
    fmt = Formatter(settings.locale)
    return Site([build_view(k, settings, fmt) for k in roster.kits], settings)


def image_sources(roster: Roster) -> Iterator[tuple[str, Path]]:
    """(site path, file) of every image a build publishes, as views name them."""
    for loaded in roster.kits:
        yield from _kit_images(loaded)


def _kit_images(loaded: LoadedKit) -> Iterator[tuple[str, Path]]:
    highlight = 0
    for loc, ref in image_refs(loaded.kit):
        facts = loaded.images[ref]
        suffix = facts.path.suffix.lower()
        if loc[0] == "avatar":
            yield f"{loaded.slug}/avatar{suffix}", facts.path
        elif loc[0] == "cover":
            yield f"{loaded.slug}/cover{suffix}", facts.path
        else:
            index = loc[1]
            assert isinstance(index, int)
            highlight = index + 1
            yield f"{loaded.slug}/highlight-{highlight}{suffix}", facts.path


def image_folders(roster: Roster, kits_dir: Path) -> set[Path]:
    """Folders outside ``kits_dir`` that hold kit images, for live reload to watch."""
    folders = {facts.path.parent for k in roster.kits for facts in k.images.values()}
    return {f for f in folders if not f.is_relative_to(kits_dir)}


def page_title(kind: str, view: KitView | None, site_name: str) -> str:
    """The title of a generated page."""
    if view is None:
        return site_name
    if kind == "work":
        return f"Work with {view.name}"
    return f"{view.name} — media kit"


def roster_description(site: Site, site_name: str) -> str:
    """A sentence describing the roster, for meta tags."""
    count = len(site.kits)
    niches = sorted({k.niche for k in site.kits})[:4]
    return f"{site_name}: {count} creator{'s' if count != 1 else ''}" + (
        f" in {', '.join(niches)}" if niches else ""
    )


def work_search_text(view: KitView) -> str:
    """What the work-with-me page says for search: offers and process, never prices."""
    parts = [f"Work with {view.name}", ", ".join(label for _, label in view.offers)]
    parts += [step.title for step in view.process]
    return "\n\n".join(p for p in parts if p)
