"""A project's options, read from its mkdocs.yml without MkDocs: what ``pipeline`` works on.

The MkDocs adapter builds a ``Project`` from MkDocs' parsed config; the ``kitfolio`` command and a
plain script build the same one from the file (``read_project``), so both see the same folders,
locale and strictness.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kitfolio.cache import Cache, CacheRefused, digest
from kitfolio.model.fields import language_tag
from kitfolio.public.views import Settings


class ProjectError(Exception):
    """An option of the project that stops a build before any kit is read."""


@dataclass(frozen=True)
class Project:
    """Where a project's sources are and how its site is built (the plugin's options)."""

    root: Path
    config_file: Path
    kits_dir: str = "kits"
    pitches_dir: str = "pitches"
    campaigns_dir: str = "campaigns"
    docs_dir: str = "docs"
    site_dir: str = "site"
    agency: dict[str, Any] | None = None
    exchange_rates: dict[str, Any] | None = None
    locale: str | None = None
    language: str = "en"
    """The theme's language: the locale when the plugin names none."""
    languages: list[str] | None = None
    """The languages the site publishes (the plugin's ``languages``); the first at ``/``."""
    stale_after_days: int = 90
    cache_dir: str = ".cache/kitfolio"
    growth_history: bool = True
    social_cards: bool = True
    pdf: bool = True
    """Make a PDF media kit per kit (``<slug>/<slug>-media-kit.pdf``)."""
    custom_dir: str | None = None
    """The theme's ``custom_dir``, whose templates override Kitfolio's (the PDF's too)."""
    site_name: str = ""
    site_url: str = ""
    use_directory_urls: bool = True
    strict: bool = False
    settings: Settings = field(init=False)
    site_languages: tuple[str, ...] = field(init=False)
    """``languages``, checked, else the theme's language alone."""

    def __post_init__(self) -> None:
        published = site_languages(self.languages, self.language or "en")
        object.__setattr__(self, "site_languages", published)
        locale = self.locale or published[0]
        # With a locale option, figures follow it and the words the site's first language.
        language = published[0] if self.locale else None
        settings = Settings(
            locale=locale, stale_after_days=self.stale_after_days, language=language
        )
        object.__setattr__(self, "settings", settings)

    def settings_for(self, language: str) -> Settings:
        """How pages in ``language`` format numbers, dates and names: in that language, except
        the first, which keeps the ``locale`` option when there is one."""
        if language == self.site_languages[0]:
            return self.settings
        return replace(self.settings, locale=language.replace("-", "_"), language=None)

    @property
    def docs_folder(self) -> Path:
        return (self.root / self.docs_dir).resolve()

    def theme_folder(self) -> Path | None:
        """``custom_dir`` as a folder, when the site has one."""
        return (self.root / self.custom_dir).resolve() if self.custom_dir else None

    def kits_folder(self) -> Path:
        """``kits_dir``, checked: a folder inside the project, outside ``docs_dir``."""
        folder = self._source_folder("kits_dir", self.kits_dir)
        if not folder.is_dir():
            raise ProjectError(
                f"kitfolio: kits_dir {self.kits_dir!r} is not a folder next to mkdocs.yml"
            )
        return folder

    def pitches_folder(self) -> Path:
        return self._source_folder("pitches_dir", self.pitches_dir)

    def campaigns_folder(self) -> Path:
        return self._source_folder("campaigns_dir", self.campaigns_dir)

    def _source_folder(self, name: str, value: str) -> Path:
        """A folder of sources: inside the project like every source, and outside ``docs_dir``,
        whose files the engine publishes as they are (a kit's hidden prices with them)."""
        folder = (self.root / value).resolve()
        if not folder.is_relative_to(self.root):
            raise ProjectError(
                f"kitfolio: {name} {value!r} is outside the project folder; kits and pitches are "
                "read only from inside it"
            )
        if folder.is_relative_to(self.docs_folder):
            raise ProjectError(
                f"kitfolio: {name} {value!r} is inside docs_dir, so MkDocs would publish its "
                "files as they are, hidden prices included; keep it beside docs_dir (default "
                "kits/)"
            )
        return folder

    def cache(self, purpose: str = "", *, prunes: bool = True, within: str = "") -> Cache:
        """The build cache: never a folder of sources or of the site, nor one holding them, nor
        a folder of files Kitfolio did not write (pruning it would delete them). A ``purpose``
        (``pdf``) keeps a manifest of its own, so its work and the builds' keep each other;
        ``prunes=False`` leaves removing unused work to the next build that prunes; ``within``
        names a cache of its own inside it (``pages``), which its pruning never reads."""
        named = self.cache_dir
        folder = (self.root / named).resolve()
        guarded = {
            "the project folder": self.root,
            "site_dir": (self.root / self.site_dir).resolve(),
            "docs_dir": self.docs_folder,
            "kits_dir": self.kits_folder(),
            "pitches_dir": self.pitches_folder(),
            "campaigns_dir": self.campaigns_folder(),
        }
        for name, guarded_folder in guarded.items():
            if guarded_folder.is_relative_to(folder):
                where = "is" if guarded_folder == folder else "holds"
            elif name != "the project folder" and folder.is_relative_to(guarded_folder):
                where = "is inside"
            else:
                continue
            raise ProjectError(
                f"kitfolio: cache_dir {named!r} {where} {name}; choose a folder of its own "
                "outside the watched ones (default .cache/kitfolio)"
            )
        try:
            owner = digest(str(self.config_file.resolve()))[:16]
            named_owner = f"{owner}-{purpose}" if purpose else owner
            return Cache(folder / within if within else folder, named_owner, prunes=prunes)
        except CacheRefused as exc:
            raise ProjectError(f"kitfolio: cache_dir {named!r} {exc}") from None


def site_languages(languages: list[str] | None, default: str) -> tuple[str, ...]:
    """The languages a site publishes: ``languages`` when given (BCP 47 tags, each once), else
    ``default``. Raises ProjectError naming the option when one is wrong."""
    if not languages:
        return (default,)
    seen: list[str] = []
    for index, tag in enumerate(languages):
        try:
            checked = language_tag(tag)
        except ValueError as exc:
            raise ProjectError(f"kitfolio: languages[{index}]: {exc}") from None
        if checked.lower() in (s.lower() for s in seen):
            raise ProjectError(f"kitfolio: languages[{index}]: {checked} is listed twice")
        seen.append(checked)
    return tuple(seen)


def read_project(config_file: Path) -> Project:
    """The project of ``config_file`` (an mkdocs.yml), read without MkDocs; defaults when the
    file is missing. Raises ProjectError when it is not YAML or its options have the wrong type.
    """
    root = config_file.absolute().parent.resolve()
    if not config_file.is_file():
        return Project(root=root, config_file=config_file)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise ProjectError(f"{config_file.name}: cannot be read: {exc}") from None
    config = data if isinstance(data, dict) else {}
    options = _plugin_options(config.get("plugins"))
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    values: dict[str, Any] = {
        "docs_dir": config.get("docs_dir", "docs"),
        "site_dir": config.get("site_dir", "site"),
        "site_name": config.get("site_name") or "",
        "site_url": config.get("site_url") or "",
        "strict": bool(config.get("strict", False)),
        "use_directory_urls": bool(config.get("use_directory_urls", True)),
        "language": str(language or "en"),
    }
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str):
        values["custom_dir"] = custom_dir
    for name, kind in _OPTIONS.items():
        if name in options:
            value = options[name]
            if value is not None and not isinstance(value, kind):
                raise ProjectError(
                    f"{config_file.name}: plugins.kitfolio.{name}: expected "
                    f"{kind.__name__}, got {value!r}"
                )
            values[name] = value
    return Project(root=root, config_file=config_file, **values)


_OPTIONS: dict[str, type] = {
    "kits_dir": str,
    "pitches_dir": str,
    "campaigns_dir": str,
    "stale_after_days": int,
    "locale": str,
    "cache_dir": str,
    "growth_history": bool,
    "social_cards": bool,
    "pdf": bool,
    "agency": dict,
    "exchange_rates": dict,
    "languages": list,
}
"""The plugin's options the core uses (``minify`` is the adapter's alone)."""


def _plugin_options(plugins: object) -> dict[str, Any]:
    """The options under ``plugins: - kitfolio:`` (a list of names or mappings, or a mapping)."""
    items: list[object] = []
    if isinstance(plugins, list):
        items = plugins
    elif isinstance(plugins, dict):
        items = [{name: value} for name, value in plugins.items()]
    for item in items:
        if isinstance(item, dict) and "kitfolio" in item:
            options = item["kitfolio"]
            return options if isinstance(options, dict) else {}
    return {}


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' tags: ``!ENV`` from the environment, ``!!python/...`` as
    nothing (Python names belong to Markdown extensions, which Kitfolio does not read)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if isinstance(node, yaml.SequenceNode):
        names = [loader.construct_object(child) for child in node.value]
        for name in names[:-1]:
            if str(name) in os.environ:
                return os.environ[str(name)]
        return names[-1] if names else None
    return None


def _ignored(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:  # noqa: ARG001 (PyYAML's constructor signature)
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignored)
_ConfigLoader.add_multi_constructor("!", _ignored)
