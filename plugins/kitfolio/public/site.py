"""The site as a whole: every kit's view, the files a build adds, and page-level wording.

Engine-neutral: the MkDocs adapter asks this module what to generate, and so could any other
front end or a plain script.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kitfolio.derive.build_facts import BuildFacts
from kitfolio.page_kinds import PageKind
from kitfolio.present.formatting import Formatter
from kitfolio.present.wording import wording
from kitfolio.public.kit_view import build_view
from kitfolio.public.views import KitView, Settings
from kitfolio.sources.kits import LoadedKits


@dataclass(frozen=True)
class Site:
    """Every kit of a site, viewed for one locale."""

    kits: list[KitView]
    settings: Settings


def build_site(
    roster: LoadedKits, settings: Settings, derived: Mapping[str, BuildFacts] | None = None
) -> Site:
    """Views of every loaded kit; one formatter shared by all.

    ``derived`` (by slug) adds what the image and history machinery found (see pipeline.py).
    """
    fmt = Formatter(settings.locale, settings.words_language)
    extra = derived or {}
    return Site([build_view(k, settings, fmt, extra.get(k.slug)) for k in roster.kits], settings)


def image_folders(roster: LoadedKits, kits_dir: Path) -> set[Path]:
    """Folders outside ``kits_dir`` that hold kit images, for live reload to watch."""
    folders = {facts.path.parent for k in roster.kits for facts in k.images.values()}
    return {f for f in folders if not f.is_relative_to(kits_dir)}


def page_title(kind: PageKind, view: KitView | None, site_name: str) -> str:
    """The title of a generated page, in the language of its view."""
    if view is None:
        return site_name
    if kind == PageKind.WORK:
        return wording(view.language).work_with(view.name)
    return wording(view.language).media_kit_title(view.name)


def roster_description(site: Site, site_name: str) -> str:
    """A sentence describing the roster, for meta tags."""
    niches = sorted({k.niche for k in site.kits})[:4]
    words = wording(site.settings.words_language)
    return words.roster_description(site_name, len(site.kits), niches)


def work_search_text(view: KitView) -> str:
    """What the work-with-me page says for search: offers and process, never prices."""
    title = wording(view.language).work_with(view.name)
    parts = [title, ", ".join(label for _, label in view.offers)]
    parts += [step.title for step in view.process]
    return "\n\n".join(p for p in parts if p)
