"""Which fields of a model can be translated, derived from the model itself.

A kit's ``translations`` repeat its text and Markdown fields, at the same paths, in other
languages. Rather than a list of those paths kept by hand, each model gets a twin holding only
them (``Niche`` → ``NicheText``): a string field without a ``Fixed`` mark, a mapping of such
fields, or a list of either. Everything else (numbers, prices, dates, URLs, images, codes and
choices) reads the same in every language; the twin remembers what each of those is, so that an
attempt to translate one is refused by name.
"""

from __future__ import annotations

import enum
import types
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, create_model

from kitfolio.model.fields import Fixed

_TEXT_CONFIG = ConfigDict(extra="forbid", frozen=True)
_FIXED: dict[type[BaseModel], dict[str, str]] = {}
_SOURCE: dict[type[BaseModel], type[BaseModel]] = {}
_CHOICE = "one of a fixed list of choices"


def fixed_field(model: type[BaseModel], name: str) -> str | None:
    """What ``name`` is ("a date"), when it is a field of ``model``'s original that cannot be
    translated; None when ``model`` is no text twin or the original has no such field."""
    return _FIXED.get(model, {}).get(name)


def original(model: type[BaseModel]) -> type[BaseModel] | None:
    """The model a text twin was derived from."""
    return _SOURCE.get(model)


@cache
def text_model(model: type[BaseModel]) -> type[BaseModel] | None:
    """The twin of ``model`` holding only its translatable fields, all optional; None when it
    has none."""
    fields: dict[str, Any] = {}
    fixed: dict[str, str] = {}
    for name, info in model.model_fields.items():
        if name == "translations":
            fixed[name] = "the translations themselves"
            continue
        kind = _text_kind(info.annotation, info.metadata)
        if isinstance(kind, str):
            fixed[name] = kind
        elif kind is str and info.metadata:
            fields[name] = (Annotated[(str, *info.metadata)] | None, None)
        else:
            fields[name] = (kind | None, None)
    if not fields:
        return None
    twin: type[BaseModel] = create_model(
        f"{model.__name__.removesuffix('Fields')}Text",
        __config__=_TEXT_CONFIG,
        __doc__=f"The translatable text of {model.__name__}, at the same paths.",
        **fields,
    )
    _FIXED[twin] = fixed
    _SOURCE[twin] = model
    return twin


def _text_kind(annotation: Any, metadata: list[Any] | None = None) -> Any:
    """The annotation a translation of a value of ``annotation`` has, or, when it cannot be
    translated, a few words saying what it is."""
    for mark in [*(metadata or []), *_marks(annotation)]:
        if isinstance(mark, Fixed):
            return mark.what
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base = typing.get_args(annotation)[0]
        return annotation if base is str else _text_kind(base)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        kinds = [_text_kind(a) for a in options]
        texts = [k for k in kinds if not isinstance(k, str)]
        if len(texts) == 1:
            return texts[0]
        return kinds[0] if kinds and isinstance(kinds[0], str) else _CHOICE
    if origin is list:
        item = _text_kind(typing.get_args(annotation)[0])
        return item if isinstance(item, str) else list[item]  # type: ignore[valid-type]
    if origin is dict:
        value = _text_kind(typing.get_args(annotation)[1])
        return "a mapping of figures" if isinstance(value, str) else dict[str, value]  # type: ignore[valid-type]
    if annotation is str:
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _CHOICE
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        twin = text_model(annotation)
        return twin if twin is not None else "a set of numbers, dates and codes"
    return "a value that reads the same in every language"


def _marks(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return list(annotation.__metadata__)
    return []
