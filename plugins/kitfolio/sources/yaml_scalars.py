"""YAML 1.2 core-schema scalars: how a plain ``NO``, ``007`` or ``1e3`` is read.

PyYAML resolves scalars by YAML 1.1, where ``NO`` (Norway) and ``on`` are booleans; kits follow
YAML 1.2, so ``sources.documents`` tags plain scalars ``PLAIN`` and resolves them here.
"""

from __future__ import annotations

import math
import re
from typing import Any

PLAIN = "tag:kitfolio,2026:plain"
_STR = "tag:yaml.org,2002:str"

_NULL = re.compile(r"(?:~|null|Null|NULL|)")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INT = re.compile(r"[-+]?[0-9]+")
"""A YAML 1.2 core-schema integer (decimal); ``FLOAT`` its float, shared with the model's fields."""
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")


class YamlInt(int):
    """An integer read from a plain scalar that remembers how it was written (``007``, ``0x1F``),
    so a text field such as a handle keeps the creator's spelling."""

    source: str

    def __new__(cls, value: int, source: str) -> YamlInt:
        self = super().__new__(cls, value)
        self.source = source
        return self

    def __reduce__(self) -> tuple[type[YamlInt], tuple[int, str]]:
        return YamlInt, (int(self), self.source)


class YamlFloat(float):
    """A float read from a plain scalar that remembers how it was written (``1e3``, ``.inf``)."""

    source: str

    def __new__(cls, value: float, source: str) -> YamlFloat:
        self = super().__new__(cls, value)
        self.source = source
        return self

    def __reduce__(self) -> tuple[type[YamlFloat], tuple[float, str]]:
        return YamlFloat, (float(self), self.source)


def scalar(tag: str, text: str) -> Any:
    """The value of a scalar: a tagged one by its tag, a plain one by the YAML 1.2 core
    schema (``NO`` stays text, ``0o17`` is 15); numbers remember how they were written."""
    if tag != PLAIN:
        if tag == _STR:
            return text
        if tag.endswith(":int"):
            integer = INT.fullmatch(text) or _OCT.fullmatch(text) or _HEX.fullmatch(text)
            whole = _int(text) if integer else None
            return text if whole is None else whole
        if tag.endswith(":float"):
            return _float(text)
        if tag.endswith(":bool"):
            return _BOOL.get(text, text)
        if tag.endswith(":null"):
            return None
        return text
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if INT.fullmatch(text) or _OCT.fullmatch(text) or _HEX.fullmatch(text):
        whole = _int(text)
        return text if whole is None else YamlInt(whole, text)
    if FLOAT.fullmatch(text) or _INF.fullmatch(text) or _NAN.fullmatch(text):
        number = _float(text)
        return YamlFloat(number, text) if isinstance(number, float) else number
    return text


def _int(text: str) -> int | None:
    """The integer ``text`` writes, or None past the digits Python converts (4,300): the
    creator's digits stay text, and a field that wants a number says it is too large."""
    try:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    except ValueError:
        return None


def _float(text: str) -> float | str:
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    try:
        return float(text)
    except ValueError:
        return text
