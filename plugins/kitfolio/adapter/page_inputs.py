"""The name of everything a generated page's template reads, so the preview can tell a page
whose inputs did not change from one that must be rendered again.

A page reads its plan (the kit's view in its language, its texts, listing, alternates, pitch,
campaign or roster slice), its language's catalog, its password when protected, its social card,
the roster's choices and the site's settings, the number of kits (the footer), and what every
page reads: the templates and theme, mkdocs.yml and the plugin's options, the navigation, the
day. A roster page reads the kits it lists as well (all of its language when it is not paged),
and every page the name and order of every kit. A site whose ``custom_dir`` overrides
Kitfolio's templates may read anything, so there each page reads every kit.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import get_build_date

from kitfolio import clock
from kitfolio.adapter.lasting_inputs import lasting_digest
from kitfolio.adapter.watched_files import snapshot
from kitfolio.cache import digest
from kitfolio.cache.identity import ByIdentity
from kitfolio.outputs.plan import PlannedPage
from kitfolio.outputs.templates import theme_dir
from kitfolio.page_kinds import PageKind
from kitfolio.present import messages
from kitfolio.public.site import Site
from kitfolio.sources.passwords import password_for

_CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "extra",
    "extra_css",
    "extra_javascript",
    "extra_templates",
    "use_directory_urls",
    "repo_url",
    "repo_name",
    "edit_uri",
    "markdown_extensions",
    "mdx_configs",
    "docs_dir",
)
"""MkDocs settings a page's HTML may show (mkdocs.yml's own bytes are read as well, but a value
from ``!ENV`` only shows here)."""


class ViewDigests:
    """Each kit view's digest, named once while its view stands (``cache.identity``): a saved
    kit's rebuild names that kit's view alone."""

    def __init__(self) -> None:
        self._named: ByIdentity[str] = ByIdentity()
        self.known: Callable[[object], str | None] = unknown
        """The name a view already has (``StoredViews.name``), before its content's digest."""

    def digest(self, views: Sequence[object]) -> str:
        return digest(
            *(self._named.get(view, functools.partial(self._name, view)) for view in views)
        )

    def _name(self, view: object) -> str:
        return self.known(view) or digest(repr(view))

    def keep_used(self) -> None:
        """Forget the digests of views not named since the last call (views now gone)."""
        self._named.keep_used()


def unknown(view: object) -> str | None:  # noqa: ARG001 (a name finder that knows none)
    return None


@dataclass
class SiteInputs:
    """What every page of one build reads, named once per build."""

    shared: str
    wide: bool
    """Templates of the site's own override Kitfolio's: every page may read every kit."""
    catalogs: dict[str, str] = field(default_factory=dict)
    """A digest of each language's message catalog."""
    every_kit: dict[str, str] = field(default_factory=dict)
    """A digest of every kit view of each language, named when a page reads them all."""
    views: ViewDigests = field(default_factory=ViewDigests)
    """The digests of single views (a roster page's), kept between builds by the caller."""
    _once: dict[tuple[int, str], tuple[object, str]] = field(default_factory=dict)

    def catalog(self, language: str) -> str:
        if language not in self.catalogs:
            self.catalogs[language] = catalog_digest(language)
        return self.catalogs[language]

    def kits(self, site: Site) -> str:
        if site.language not in self.every_kit:
            self.every_kit[site.language] = self.views.digest(site.kits)
        return self.every_kit[site.language]

    def once(self, value: object, tag: str = "") -> str:
        """The digest of ``value`` (or of what it shows, by ``tag``), named once in this
        build: every page of a language shares its site and roster."""
        key = (id(value), tag)
        if key not in self._once:
            shown = _site_shown(value) if tag == "site" else value
            self._once[key] = (value, digest(repr(shown)))
        return self._once[key][1]


def _site_shown(site: Any) -> object:
    return (site.settings, site.language, site.prefix, [v.slug for v in site.kits])


def site_inputs(
    config: MkDocsConfig,
    options: Mapping[str, Any],
    nav: Iterable[Any],
    files: Files,
    *,
    lasting: bool = False,
) -> SiteInputs:
    """The inputs of this build that every generated page shares; ``lasting`` adds what may
    change between two processes (``lasting_inputs``), for pages kept on disk."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    config_bytes = config_file.read_bytes() if config_file.is_file() else b""
    settings = repr([(key, config.get(key)) for key in _CONFIG_KEYS])
    theme = repr(sorted((str(k), repr(v)) for k, v in config.theme.items()))
    folders = edited_theme_folders(config.theme.dirs)
    shared = digest(
        str(config_file.resolve()),
        config_bytes,
        settings,
        theme,
        repr(sorted((str(k), repr(v)) for k, v in options.items())),
        lasting_digest(config, folders) if lasting else templates_digest(config.theme.dirs),
        repr(_nav_items(nav)),
        repr([file.url for file in files.documentation_pages()]),
        clock.today().isoformat(),
        get_build_date(),
    )
    custom = config.theme.custom_dir
    wide = custom is not None and any(
        (Path(custom) / name).exists() for name in ("kitfolio", "main.html", "partials")
    )
    return SiteInputs(shared, wide)


def page_key(
    page: PlannedPage, inputs: SiteInputs, site: Site, roster: object, card: object
) -> str:
    """The digest of every input of one planned page of ``site``."""
    password = ""
    if page.protect:
        password = digest(password_for(page.name) or "")
    # The search text is the page's content, which only the search index reads (Kitfolio's
    # templates print their own), so a roster page does not depend on every kit's description.
    # The page's kit view is named once for all its pages (and the roster's) by its digest.
    shown = replace(page, view=None) if inputs.wide else replace(page, view=None, search_text="")
    return digest(
        inputs.shared,
        inputs.catalog(page.language),
        repr(shown),
        inputs.views.digest([page.view]) if page.view is not None else "",
        inputs.once(site, "site"),
        _kits_read(page, inputs, site),
        inputs.once(roster),
        repr(card),
        password,
    )


def _kits_read(page: PlannedPage, inputs: SiteInputs, site: Site) -> str:
    """The other kits' views a page shows: a roster page its own creators (every kit's name
    and order is in every key), every page every kit where the site's templates may read it."""
    if inputs.wide:
        return inputs.kits(site)
    if page.kind != PageKind.ROSTER:
        return ""
    listed = page.roster_page
    if listed is None:
        return inputs.kits(site)
    return inputs.views.digest(site.kits[listed.start : listed.stop])


def catalog_digest(language: str) -> str:
    """The message catalog ``messages.translations`` loads for ``language`` (its own, or its
    primary language's), named by its bytes."""
    tag = language.replace("-", "_")
    for name in (tag, tag.split("_")[0]):
        mo = messages.LOCALES_DIR / name / "LC_MESSAGES" / f"{messages.DOMAIN}.mo"
        if mo.is_file():
            return digest(name, mo.read_bytes())
    return ""


def templates_digest(dirs: Iterable[str]) -> str:
    """The templates of each theme folder a preview may see edited (``edited_theme_folders``)
    by name, size and change time; the other folders by their path alone."""
    folders = list(dirs)
    seen = snapshot(Path(folder) for folder in edited_theme_folders(folders))
    return digest(
        *folders,
        *(f"{path}\0{size}\0{mtime}" for path, (size, mtime) in sorted(seen.files.items())),
    )


def edited_theme_folders(dirs: Iterable[str]) -> list[str]:
    """The theme folders that may change while the preview runs: all but an installed
    package's (material's), which changes only with a new install, which restarts the preview.
    Kitfolio's own folder is always among them (an editable checkout is edited while
    previewing)."""
    ours = str(theme_dir())
    installed = {str(Path(p).resolve()) for p in sys.path if p.endswith("site-packages")}
    return [
        folder
        for folder in dirs
        if folder == ours
        or not any(str(Path(folder).resolve()).startswith(p + os.sep) for p in installed)
    ]


def _nav_items(items: Iterable[Any]) -> list[Any]:
    """The navigation as titles and addresses, which every page's footer and drawer show."""
    shown: list[Any] = []
    for item in items:
        children = getattr(item, "children", None)
        shown.append(
            (
                str(getattr(item, "title", "")),
                str(getattr(item, "url", "")),
                _nav_items(children) if children else None,
            )
        )
    return shown
