"""The site as a whole: every kit's view, the files a build adds, and page-level wording.

Engine-neutral: the MkDocs adapter asks this module what to generate, and so could any other
front end or a plain script.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kitfolio.derive.build_facts import BuildFacts
from kitfolio.errors import Problem
from kitfolio.model.translations import translated
from kitfolio.page_kinds import PageKind
from kitfolio.present.formatting import Formatter
from kitfolio.present.wording import wording
from kitfolio.public.gate import public_kit
from kitfolio.public.kit_view import build_view
from kitfolio.public.stored_views import StoredViews, ViewInputs
from kitfolio.public.views import KitView, Settings
from kitfolio.sources.kits import LoadedKit, LoadedKits


@dataclass(frozen=True)
class Site:
    """Every kit of a site, viewed in one of its languages."""

    kits: list[KitView]
    settings: Settings
    language: str = "en"
    prefix: str = ""
    """Where the language's pages are: ``""`` for the site's first language, else ``es/``."""


def build_site(
    roster: LoadedKits,
    settings: Settings,
    derived: Mapping[str, BuildFacts] | None = None,
    *,
    language: str | None = None,
    languages: Sequence[str] = (),
    kept: StoredViews | None = None,
) -> Site:
    """Views of every loaded kit in ``language`` (one of the site's ``languages``, the first
    when None); one formatter shared by all.

    ``derived`` (by slug) adds what the image and history machinery found (see pipeline.py);
    ``kept`` has the views of earlier builds, found by their inputs.
    """
    published = tuple(languages) or (language or settings.locale.replace("_", "-"),)
    shown = language or published[0]
    prefix = language_prefix(shown, published)
    fmt = Formatter(settings.locale, settings.words_language)
    extra = derived or {}
    views = [
        view_kit(
            k,
            settings,
            fmt,
            extra.get(k.slug),
            prefix=prefix,
            kept=kept,
            languages=(shown, published[0]),
        )
        for k in roster.kits
    ]
    return Site(views, settings, shown, prefix)


def view_kit(
    loaded: LoadedKit,
    settings: Settings,
    fmt: Formatter | None = None,
    derived: BuildFacts | None = None,
    *,
    prefix: str = "",
    kept: StoredViews | None = None,
    languages: tuple[str, str] | None = None,
) -> KitView:
    """One kit in the language it is shown in (``languages``: that and the site's first; as
    written when None), through the privacy gate, then formatted: the steps every view takes,
    all found in ``kept`` when an earlier build took them with the same inputs."""

    def made() -> KitView:
        shown = (
            loaded if languages is None else replace(loaded, kit=translated(loaded.kit, *languages))
        )
        public = public_kit(
            shown, derived, today=settings.today, stale_after_days=settings.stale_after_days
        )
        return build_view(public, settings, fmt, prefix=prefix)

    if kept is None:
        return made()
    written = languages or ("", "")
    return kept.view(ViewInputs(loaded, derived, written, prefix), settings, made)


def build_sites(
    roster: LoadedKits,
    languages: Sequence[str],
    settings_for: Callable[[str], Settings],
    derived: Mapping[str, BuildFacts] | None = None,
    kept: StoredViews | None = None,
) -> list[Site]:
    """The site in each of its ``languages``, the first first."""
    return [
        build_site(
            roster, settings_for(lang), derived, language=lang, languages=languages, kept=kept
        )
        for lang in languages
    ]


def language_prefix(language: str, languages: Sequence[str]) -> str:
    """Where pages in ``language`` live: the site root for the first, ``<tag>/`` for others."""
    return "" if not languages or language == languages[0] else f"{language}/"


def language_slugs(roster: LoadedKits, languages: Sequence[str]) -> list[Problem]:
    """A kit whose slug is a language of the site beyond the first: its pages would be that
    language's folder (``/es/``), where the other kits' Spanish pages are."""
    tags = {tag.casefold(): tag for tag in languages[1:]}
    found = []
    for loaded in roster.kits:
        tag = tags.get(loaded.slug.casefold())
        if tag is not None:
            listed = ", ".join(languages)
            found.append(
                Problem(
                    loaded.doc.display,
                    1,
                    1,
                    "(url)",
                    f"/{loaded.slug}/ is the folder of the site's pages in {tag} (languages: "
                    f"[{listed}]); rename the kit file, or leave {tag} out of languages",
                )
            )
    return found


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
