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

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

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


def search_settings(config: MkDocsConfig, language: str) -> dict[str, Any]:
    """What the search plugin would set for a site in ``language`` (from material's translation
    of that language, as its own ``on_config`` does), with the language's stemmer where lunr
    has one: the ``config`` of that language's index."""
    tag = language.split("-")[0].lower()
    translated = material_language(language)
    env = config.theme.get_env()
    own = env.get_template(f"partials/languages/{translated or 'en'}.html").module
    english = env.get_template("partials/languages/en.html").module

    def t(key: str) -> str:
        return str(own.t(key)) or str(english.t(key))  # type: ignore[attr-defined]

    pipeline = [step for step in re.split(r"\s*,\s*", t("search.config.pipeline")) if step.strip()]
    return {
        "lang": [tag if _stemmed(tag) else t("search.config.lang")],
        "separator": t("search.config.separator"),
        "pipeline": pipeline,
    }


def search_first_language(config: MkDocsConfig, languages: Sequence[str]) -> None:
    """Have the search plugin stem the site's first language: its index is that language's
    (outputs/search_indexes.py gives each other language one of its own). A ``lang`` the site
    sets itself stands; a language lunr lacks is left to the plugin's fallback (English)."""
    for name, plugin in config.plugins.items():
        if name.rsplit("/", 1)[-1] != "search" or not languages:
            continue
        options = getattr(plugin, "config", None)
        first = languages[0].split("-")[0].lower()
        if options is not None and not options.get("lang") and _stemmed(first):
            options["lang"] = [first]


def with_search_base(html: str, prefix: str) -> str:
    """The page's search reads its language's index: material fetches
    ``search/search_index.json`` below ``base`` in the page's ``__config`` (and resolves the
    results' locations against it), so a page with a search box in a language with a folder
    of its own (``es/``) starts from that folder."""
    if not prefix or 'data-md-component="search"' not in html:
        return html
    found = _CONFIG.search(html)
    if found is None:
        return html
    settings = json.loads(found.group(2))
    settings["base"] = str(settings.get("base") or ".").rstrip("/") + "/" + prefix
    text = json.dumps(settings, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return html[: found.start(2)] + text + html[found.end(2) :]


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


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
