"""A kit's ``translations``: checked against the kit, and applied to show it in one language.

The model checks each translation's shape (only text fields, see ``translatable``); what needs
the kit itself is checked here: a list as long as the kit's own, a field the kit has, a language
other than the kit's own. Applying a translation gives the kit as a page in that language shows
it: translated words where the translation has them, and the kit's own words, marked with the
kit's language, where it has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from kitfolio.errors import Problem
from kitfolio.model.kit import Kit
from kitfolio.model.translatable import text_model
from kitfolio.present.language_marks import InLanguage, primary
from kitfolio.sources.documents import Document, Loc


def own_language(kit: Kit, default: str) -> str:
    """The kit's own language: the first of its ``languages``, else the site's ``default``."""
    return kit.languages[0] if kit.languages else default


def translation_for(kit: Kit, language: str) -> BaseModel | None:
    """The kit's translation into ``language``: the same tag, else the same language
    (``es-MX`` serves an ``es`` page)."""
    found = kit.translations.get(language)
    if found is not None:
        return found
    for tag, translation in kit.translations.items():
        if primary(tag) == primary(language):
            return translation
    return None


def problems(doc: Document, kit: Kit) -> list[Problem]:
    """What a valid-looking translation gets wrong about its kit, each located in ``doc``."""
    found: list[Problem] = []
    own = kit.languages[0] if kit.languages else None
    for tag, translation in kit.translations.items():
        at: Loc = ("translations", tag)
        if own is not None and primary(tag) == primary(own):
            found.append(
                doc.problem(
                    at,
                    f"expected a language other than the kit's own ({own}, the first of "
                    f"languages), got {tag}",
                    key=True,
                )
            )
        found += [doc.problem(loc, message) for loc, message in _mismatches(translation, kit, at)]
    return found


def _mismatches(text: Any, own: Any, at: Loc) -> Iterator[tuple[Loc, str]]:
    """Where ``text`` (a translation) does not fit ``own`` (the kit's value at the same path)."""
    shown = ".".join(str(p) for p in at[2:])
    if own is None or own == [] or own == "":
        yield at, f"expected a field the kit has, got a translation of {shown}, which it has not"
        return
    if isinstance(text, BaseModel):
        for name in text.model_fields_set:
            value = getattr(text, name)
            if value is not None:
                yield from _mismatches(value, getattr(own, name, None), (*at, name))
    elif isinstance(text, list) and isinstance(own, list):
        if len(text) != len(own):
            yield (
                at,
                f"expected {len(own)} item{'s' if len(own) != 1 else ''}, as many as the kit's "
                f"own {shown} (lists are matched by position), got {len(text)}",
            )
            return
        for index, (item, mine) in enumerate(zip(text, own, strict=True)):
            if item is not None:
                yield from _mismatches(item, mine, (*at, index))


def translated(kit: Kit, language: str, default: str) -> Kit:
    """``kit`` as a page in ``language`` shows it.

    Each text field takes the translation's words where there are some; the others keep the
    kit's own words, marked with the kit's language when that is not ``language``, so that a
    page can say which words are in which language (see ``language_marks``).
    """
    own = own_language(kit, default)
    translation = translation_for(kit, language)
    foreign = primary(own) != primary(language)
    if translation is None and not foreign:
        return kit
    result = _apply(kit, translation, own if foreign else None)
    assert isinstance(result, Kit)
    return result


def _apply(own: Any, text: Any, lang: str | None) -> Any:
    if isinstance(own, str):
        if isinstance(text, str):
            return text
        return InLanguage(own, lang) if lang else own
    if isinstance(own, list):
        texts = text if isinstance(text, list) and len(text) == len(own) else [None] * len(own)
        return [_apply(item, mine, lang) for item, mine in zip(own, texts, strict=True)]
    if isinstance(own, BaseModel):
        twin = text_model(type(own))
        if twin is None:
            return own
        update = {}
        for name in twin.model_fields:
            value = getattr(own, name, None)
            if value is not None:
                update[name] = _apply(value, getattr(text, name, None), lang)
        return own.model_copy(update=update)
    return own
