"""Validate a parsed kit (or any strict model) and explain each error where it stands in the
file."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kitfolio.errors import Problem, cut
from kitfolio.model.fields import shown
from kitfolio.model.kit import STATS_AS_OF_REQUIRED, Kit
from kitfolio.sources.documents import Document, Loc

_PLAIN_MESSAGES = {
    "missing": "expected a value: this field is required",
    "dict_type": "expected a mapping of fields, got {got}",
    "model_type": "expected a mapping of fields, got {got}",
    "model_attributes_type": "expected a mapping of fields, got {got}",
    "list_type": "expected a list, got {got}",
    "string_type": "expected text, got {got}",
    "too_short": "expected at least {min_length} item(s)",
    "greater_than_equal": "expected a number of {ge} or more, got {got}",
    "less_than_equal": "expected a number of {le} or less, got {got}",
    "int_parsing": "expected a whole number, got {got}",
    "int_type": "expected a whole number, got {got}",
    "float_parsing": "expected a number, got {got}",
    "float_type": "expected a number, got {got}",
    "bool_type": "expected true or false, got {got}",
}

M = TypeVar("M", bound=BaseModel)


def check(doc: Document) -> tuple[Kit | None, list[Problem]]:
    """The kit in ``doc`` if it is valid, and every problem found in it."""
    if not isinstance(doc.data, dict):
        return None, [
            not_a_mapping(doc, "kit", "kit fields (name, niche, contact, platforms, ...)")
        ]
    try:
        return Kit.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = [_explain(doc, error, Kit, ()) for error in errors]
        return None, problems + _cross_field(doc, errors)


def check_model(
    doc: Document, model: type[M], data: Any, at: Loc = ()
) -> tuple[M | None, list[Problem]]:
    """``data`` (found at ``at`` in ``doc``) as ``model``, and every problem found in it."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_explain(doc, e, model, at) for e in exc.errors(include_url=False)]


def not_a_mapping(doc: Document, what: str, fields: str) -> Problem:
    """A ``what`` file (a kit, a pitch) that holds something other than fields: said by its
    kind, never quoted, since a file meant for something else (a secret) may be anything."""
    where = doc.mark(())
    message = f"expected a mapping of {fields}, got {_kind(doc.data)}"
    return Problem(doc.display, where.line, where.column, f"({what})", message)


def _kind(data: Any) -> str:
    if data is None:
        return "an empty file"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, bool):
        return "true or false"
    if isinstance(data, int | float):
        return "a number"
    return "text"


def _cross_field(doc: Document, errors: list[ErrorDetails]) -> list[Problem]:
    """Rules the model checks only once every field is valid, so that they are reported
    together with the other errors of the same run."""
    data = doc.data
    found = []
    reported = {e["type"] for e in errors}
    platforms = data.get("platforms")
    if (
        "stats_as_of" not in reported
        and data.get("stats_as_of") is None
        and isinstance(platforms, list)
        and platforms
    ):
        found.append(doc.problem(("stats_as_of",), STATS_AS_OF_REQUIRED))
    return found


def _explain(doc: Document, error: ErrorDetails, root: type[BaseModel], at: Loc) -> Problem:
    loc: Loc = (*at, *error["loc"])
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    on_key = False
    if loc and loc[-1] == "[key]":
        loc, on_key = loc[:-1], True
    if "field" in ctx:
        loc = (*loc, ctx["field"])
    if kind == "extra_forbidden":
        return doc.problem(loc, _unknown_field(loc[len(at) :], root), key=True)
    if kind == "missing":
        return doc.problem(loc, _PLAIN_MESSAGES["missing"], key=True)
    if kind == "enum":
        return doc.problem(loc, _not_one_of(ctx.get("expected", ""), value), key=on_key)
    template = _PLAIN_MESSAGES.get(kind)
    if template is None:
        return doc.problem(loc, error["msg"], key=on_key)
    return doc.problem(loc, template.format(got=shown(value), **ctx), key=on_key)


def _not_one_of(expected: str, value: Any) -> str:
    choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
    message = f"expected one of {', '.join(choices)}; got {shown(value)}"
    return message + _hint(value, choices)


def _unknown_field(loc: Loc, root: type[BaseModel] = Kit) -> str:
    name = str(loc[-1])
    model = _model_at(loc[:-1], root)
    known = list(model.model_fields) if model else []
    message = f"unknown field {cut(name)!r}"
    if name.isascii() and name.isdigit() and len(name) == 3:
        # ``{min: 1,200}``: the comma ends the value, and its last three digits become a key.
        return f"{message}: a comma inside a number splits it; write 1200, not 1,200"
    if known:
        message += f"{_hint(name, known)}; expected one of {', '.join(known)}"
    return message


def _hint(value: Any, choices: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean {lowered[match[0]]!r}?)" if match else ""


def _model_at(loc: Loc, root: type[BaseModel] = Kit) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc``, found by walking field types."""
    current: Any = root
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    return _as_model(current)


def _step(tp: Any, part: str | int) -> Any:
    for candidate in _options(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            field = candidate.model_fields.get(str(part))
            if field is not None:
                return field.annotation
        origin = typing.get_origin(candidate)
        if origin is list and isinstance(part, int):
            return typing.get_args(candidate)[0]
        if origin is dict:
            return typing.get_args(candidate)[1]
    return None


def _options(tp: Any) -> list[Any]:
    """The alternatives of a type, seen through Optional, unions and Annotated."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _options(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [opt for arg in typing.get_args(tp) for opt in _options(arg)]
    return [tp]


def _as_model(tp: Any) -> type[BaseModel] | None:
    for candidate in _options(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
