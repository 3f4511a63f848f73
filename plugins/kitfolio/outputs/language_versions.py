"""A page's versions in the site's languages: its ``hreflang`` links and language switcher.

Engine-neutral: the plan lists each page's versions (``PlannedPage.alternates``), a site's own
pages are versions of each other by path (``document_versions``); this module
names each language in itself, as a reader looking for their own language expects, and gives
both the absolute addresses search engines want and the site paths a page links with.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from kitfolio.outputs.plan import PlannedPage


@dataclass(frozen=True)
class Version:
    """One language version of a page."""

    language: str
    name: str
    """The language's name in itself: English, Español, العربية."""
    path: str
    """From the site root (``es/ava/``), for links inside the site."""
    href: str
    """Absolute, for ``<link rel="alternate" hreflang>``."""
    current: bool


@dataclass(frozen=True)
class Versions:
    """Every version of a page; empty when the page exists in one language only."""

    versions: tuple[Version, ...] = ()
    x_default: str | None = None
    """The version for a reader whose language the site lacks: the site's first language."""

    def __bool__(self) -> bool:
        return len(self.versions) > 1


def versions(page: PlannedPage, site_url: str) -> Versions:
    """The versions of ``page``, the site's first language first."""
    return _versions(page.alternates, page.language, site_url)


def document_versions(
    url: str, prefixes: Mapping[str, str], urls: Collection[str], site_url: str
) -> Versions:
    """The versions of one of the site's own (Markdown) pages: the page at the same path in each
    language's folder (``about/``, ``es/about/``). ``prefixes`` maps each language to its folder
    (the first's is ``""``), the first first; ``urls`` are the site's pages."""
    if not prefixes:
        return Versions()
    first = next(iter(prefixes))
    own = next((lang for lang, p in prefixes.items() if p and url.startswith(p)), first)
    rest = url.removeprefix(prefixes[own])
    found = tuple((lang, p + rest) for lang, p in prefixes.items() if p + rest in urls)
    return _versions(found, own, site_url)


def _versions(alternates: tuple[tuple[str, str], ...], language: str, site_url: str) -> Versions:
    if len(alternates) < 2:
        return Versions()
    base = site_url if site_url.endswith("/") else site_url + "/"
    found = tuple(
        Version(lang, language_name(lang), path, base + path, lang == language)
        for lang, path in alternates
    )
    return Versions(found, found[0].href)


@cache
def language_name(tag: str) -> str:
    """``tag``'s language named in itself, capitalised as a menu item starts."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(Locale.parse(tag, sep="-")) or tag
    except (UnknownLocaleError, ValueError):
        return tag
    return name[:1].upper() + name[1:]
