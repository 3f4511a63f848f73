"""Words in another language than their page's, and how a page marks them.

A kit page in Spanish shows the words a kit has no Spanish for in the kit's own language; each
such text is an ``InLanguage`` string that remembers its language, and the page marks it with
``lang`` so that a screen reader, a translator and a search engine read it as what it is.
"""

from __future__ import annotations

from functools import cache
from html import escape

from markupsafe import Markup


class InLanguage(str):
    """Text in ``lang``, a language other than its page's.

    A kit in another language than its page's has every text so marked, tens of thousands in
    a large roster: each is made of a class per language (``lang`` a class attribute, no
    ``__dict__``), which saves a dictionary per string."""

    __slots__ = ()
    lang: str

    def __new__(cls, text: str, lang: str) -> InLanguage:
        return str.__new__(_in(lang), text)

    def __reduce__(self) -> tuple[type[InLanguage], tuple[str, str]]:
        return (InLanguage, (str(self), self.lang))


@cache
def _in(lang: str) -> type[InLanguage]:
    """The class of texts in ``lang``."""
    return type(f"InLanguage[{lang}]", (InLanguage,), {"__slots__": (), "lang": lang})


def lang_of(value: object) -> str | None:
    """The language ``value`` is marked with, if any."""
    lang = getattr(value, "lang", None)
    return lang if isinstance(lang, str) else None


def primary(tag: str) -> str:
    """A BCP 47 tag's language (``pt-BR`` → ``pt``), lower-case."""
    return tag.split("-", 1)[0].lower()


def marked(value: object) -> Markup:
    """Text for a page: escaped, and wrapped in ``<span lang dir="auto">`` when in another
    language (``dir="auto"``: Arabic words in an English line, or English in an Arabic one, keep
    their own direction).

    The template filter ``lang_marked``: ``{{ kit.tagline | lang_marked }}``.
    """
    if value is None:
        return Markup("")
    lang = lang_of(value)
    text = escape(str(value), quote=False)
    if lang is None:
        return Markup(text)
    return Markup(f'<span lang="{escape(lang)}" dir="auto">{text}</span>')


def wrapped(html: Markup, lang: str | None, *, block: bool) -> Markup:
    """Rendered Markdown of text in ``lang``, wrapped in an element that says so."""
    if not lang:
        return html
    tag = "div" if block else "span"
    return Markup(f'<{tag} lang="{escape(lang)}" dir="auto">') + html + Markup(f"</{tag}>")
