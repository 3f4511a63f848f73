"""Interface text in the page's language: Kitfolio's compiled gettext catalogs, through Babel.

English is the source language (the msgids); every other language is a catalog under
``kitfolio/locales/<lang>/LC_MESSAGES/kitfolio.mo``, shipped in the wheel. A language without a
catalog falls back to English rather than failing the build.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.support import Translations
from markupsafe import Markup

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "kitfolio"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

Catalog = Translations | gettext.NullTranslations


def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@cache
def translations(language: str) -> Catalog:
    """The catalog of ``language`` (a BCP 47 tag: ``de``, ``pt-BR`` falls back to ``pt``)."""
    tag = language.replace("-", "_")
    found = Translations.load(str(LOCALES_DIR), locales=[tag], domain=DOMAIN)
    return found if isinstance(found, Translations) else gettext.NullTranslations()


def text_direction(language: str) -> Literal["ltr", "rtl"]:
    """Which way the language is written, from CLDR."""
    locale = _locale(language)
    return "rtl" if locale is not None and locale.text_direction == "rtl" else "ltr"


def plural_forms(language: str, singular: str, plural: str) -> dict[str, str]:
    """The translation of a plural message for each CLDR plural category of ``language``.

    Browsers choose a category with ``Intl.PluralRules``; gettext indexes forms by its own plural
    expression, so each category is translated through a number that falls in it.
    """
    catalog = translations(language)
    locale = _locale(language) or Locale.parse("en")
    forms: dict[str, str] = {}
    for number in range(0, 1001):
        category = locale.plural_form(number)
        if category not in forms:
            forms[category] = catalog.ngettext(singular, plural, number)
        if len(forms) == len(locale.plural_form.tags | {"other"}):
            break
    return forms


class PageMessages:
    """``_``, ``gettext`` and ``ngettext`` for one page's templates, in the page's language.

    They work like Jinja's "new style" gettext: ``_("Work with %(name)s", name=kit.name)`` fills
    the placeholders itself and escapes the values (the catalogs are trusted, the values not).
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self.catalog = translations(language)

    def gettext(self, message: str, /, **values: Any) -> Markup:
        text = Markup(self.catalog.gettext(message))
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, /, **values: Any) -> Markup:
        text = Markup(self.catalog.ngettext(singular, plural, count))
        return text % {"num": count, **values}

    def text(self, message: str, /, **values: Any) -> str:
        """Plain text, for a value that another encoder escapes (a mailto subject, JSON)."""
        text = self.catalog.gettext(message)
        return text % values if values else text

    def plurals(self, singular: str, plural: str) -> dict[str, str]:
        return plural_forms(self.language, singular, plural)

    def context(self) -> dict[str, Any]:
        return {
            "_": self.gettext,
            "gettext": self.gettext,
            "ngettext": self.ngettext,
            "kf_plurals": self.plurals,
            "kf_text": self.text,
            "kitfolio_lang": self.language,
            "kitfolio_dir": text_direction(self.language),
        }


@cache
def page_messages(language: str) -> dict[str, Any]:
    """What a page's template context gets for its language: ``_``, ``gettext``, ``ngettext``
    (shadowing the English globals MkDocs installs), ``kf_text`` (plain text), ``kf_plurals``
    (every plural form, for scripts), ``kitfolio_lang`` and ``kitfolio_dir``."""
    return PageMessages(language).context()
