"""Repairs to mkdocs-material's page markup that its templates do not let us make by override.

Material puts ``autocomplete="off"`` on its hidden drawer and search checkboxes, which the HTML
standard does not allow on a checkbox (the Nu Html Checker reports it on every page). The
attribute sits outside any template block, so instead of copying ``base.html`` (tied to one
material release by its hashed asset names) the rendered page is corrected: the toggles join an
empty form whose ``autocomplete="off"`` keeps material's intent, that browsers do not restore a
toggle's state on back and forward.

Material's words, ``<html lang>`` and ``<body dir>`` come from ``theme.language``; a Kitfolio page
has its own language (``partials/language.html`` reads ``kitfolio_lang``), and ``dir`` goes on
``<html>`` too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.contrib.search import LangOption

FORM_ID = "__md_toggles"
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off">')


def valid_toggles(html: str) -> str:
    """The page with material's toggle checkboxes made valid HTML."""
    fixed, count = _TOGGLE.subn(rf'\1 form="{FORM_ID}">', html)
    if not count:
        return html
    first = fixed.index('<input class="md-toggle"')
    form = f'<form id="{FORM_ID}" autocomplete="off" hidden></form>\n    '
    return fixed[:first] + form + fixed[first:]


def search_languages(config: MkDocsConfig, languages: Sequence[str]) -> None:
    """Have the search plugin stem every language the site publishes: its one index holds the
    pages of them all. Languages its stemmers lack are left to its own fallback (English)."""
    for name, plugin in config.plugins.items():
        if name.rsplit("/", 1)[-1] != "search":
            continue
        options = getattr(plugin, "config", None)
        current = list(options.get("lang") or []) if options is not None else []
        wanted = [*current, *(tag.split("-")[0].lower() for tag in languages)]
        stemmed = list(dict.fromkeys(lang for lang in wanted if _stemmed(lang)))
        if options is not None and stemmed:
            options["lang"] = stemmed


def _stemmed(lang: str) -> bool:
    found = LangOption().get_lunr_supported_lang(lang)
    return lang == "en" or found == lang


_HTML_TAG = re.compile(r"<html\b([^>]*)>")


def with_direction(html: str, direction: str) -> str:
    """The page's ``<html>`` with ``dir``: material writes the direction on ``<body>`` only."""
    return _HTML_TAG.sub(
        lambda m: m.group(0) if " dir=" in m.group(1) else f'<html{m.group(1)} dir="{direction}">',
        html,
        count=1,
    )


@cache
def material_language(tag: str) -> str | None:
    """Material's own translation of a page language (``pt-BR``, else ``pt``), if it has one."""
    try:
        import material
    except ImportError:
        return None
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for name in dict.fromkeys((tag, tag.split("-")[0])):
        if (folder / f"{name}.html").is_file():
            return name
    return None
