"""Plain data kept in the build cache as JSON, and read back as the same values.

What the cache holds is read by another process, and anything on disk may have been changed:
so nothing is unpickled. A ``Codec`` writes and reads only the types it is given (frozen
dataclasses and enums by name) besides JSON's own and a few of the standard library's; a value
of any other type is not stored (``Unstorable``), and anything read that is not as a codec
writes it is a miss (``Unreadable``).

Strings keep what they are: a plain ``str``, ``Markup`` (HTML already escaped) and
``InLanguage`` (text marked with its language) are told apart, so a text read back is escaped,
or marked, exactly as the one written. Values read through one ``Shared`` share their equal
texts: ten thousand views repeat the same labels, formulas and offers, one object each.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from markupsafe import Markup

from kitfolio.present.language_marks import InLanguage


class Unstorable(Exception):
    """A value of a type the codec does not know: it is not stored."""


class Unreadable(Exception):
    """Bytes that are not what the codec writes: a miss."""


class Codec:
    """JSON of plain values and of the dataclasses and enums named here."""

    def __init__(self, classes: Iterable[type[Any]], enums: Iterable[type[Enum]] = ()) -> None:
        self._classes: dict[str, type[Any]] = {}
        self._fields: dict[type[Any], tuple[str, ...]] = {}
        for cls in classes:
            found = dataclasses.fields(cls)
            if any(not f.init for f in found):
                raise TypeError(f"{cls.__qualname__}: every field must be an init field")
            self._claim(self._classes, cls)
            self._fields[cls] = tuple(f.name for f in found)
        self._enums: dict[str, type[Enum]] = {}
        for kind in enums:
            self._claim(self._enums, kind)
        self._readers = self._tag_readers()

    @staticmethod
    def _claim(table: dict[str, Any], cls: type[Any]) -> None:
        if cls.__qualname__ in table:
            raise TypeError(f"two types named {cls.__qualname__}")
        table[cls.__qualname__] = cls

    def dumps(self, value: Any) -> bytes:
        """``value`` as JSON; raises Unstorable when it holds a type the codec does not know."""
        return json.dumps(self._plain(value), ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass"
        )

    def loads(self, data: bytes, shared: Shared | None = None) -> Any:
        """What ``dumps`` wrote, its texts one object with the equal texts of whatever else
        ``shared`` read; raises Unreadable for anything else."""
        texts = shared or Shared()
        try:
            return json.loads(
                data.decode("utf-8", "surrogatepass"),
                object_hook=lambda raw: self._tagged(raw, texts),
            )
        except Unreadable:
            raise
        except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
            raise Unreadable(str(exc)) from None

    def _plain(self, value: Any) -> Any:
        kind = type(value)
        if value is None or kind in (str, int, float, bool):
            return value
        if kind is list:
            return [self._plain(v) for v in value]
        if kind is tuple:
            return {"t": [self._plain(v) for v in value]}
        if kind is dict:
            return {"o": [[self._plain(k), self._plain(v)] for k, v in value.items()]}
        if kind is Markup:
            return {"m": str(value)}
        if isinstance(value, InLanguage) and kind.__mro__[1] is InLanguage:
            return {"l": [value.lang, str(value)]}
        if kind is date:
            return {"d": value.isoformat()}
        if kind is datetime:
            return {"D": value.isoformat()}
        if kind in self._fields:
            names = self._fields[kind]
            return {"c": [kind.__qualname__, [self._plain(getattr(value, n)) for n in names]]}
        if isinstance(value, Enum) and self._enums.get(kind.__qualname__) is kind:
            return {"e": [kind.__qualname__, value.name]}
        raise Unstorable(f"a {kind.__qualname__} is not plain data")

    def _tagged(self, raw: dict[str, Any], shared: Shared) -> Any:
        """A JSON object, its values already read (the parser reads inner objects first):
        ``dumps`` writes every value that is not JSON's own as an object of one tag."""
        if len(raw) != 1:
            raise Unreadable("expected a tagged value")
        ((tag, body),) = raw.items()
        read = self._readers.get(tag)
        if read is None:
            raise Unreadable(f"unknown tag {tag!r}")
        return read(body, shared)

    def _tag_readers(self) -> dict[str, Callable[[Any, Shared], Any]]:
        return {
            "t": lambda body, shared: tuple(shared.within(_list(body))),
            "o": lambda body, shared: {
                shared.within_one(k): shared.within_one(v)
                for k, v in (_pair(p) for p in _list(body))
            },
            "m": lambda body, shared: shared.markup(_text(body)),
            "l": lambda body, shared: shared.marked(_text(_pair(body)[1]), _text(_pair(body)[0])),
            "d": lambda body, _: date.fromisoformat(_text(body)),
            "D": lambda body, _: datetime.fromisoformat(_text(body)),
            "e": lambda body, _: self._enum(body),
            "c": self._dataclass,
        }

    def _enum(self, body: Any) -> Enum:
        name, member = _pair(body)
        return self._enums[_text(name)][_text(member)]

    def _dataclass(self, body: Any, shared: Shared) -> Any:
        name, rest = _pair(body)
        cls = self._classes[_text(name)]
        values = _list(rest)
        if len(values) != len(self._fields[cls]):
            raise Unreadable(f"{cls.__qualname__}: expected {len(self._fields[cls])} fields")
        return cls(*shared.within(values))


class Shared:
    """One object for each text read, whatever reads it: the same wording, labels and offers
    of ten thousand views, read back from the cache, take the memory of one. Its tables are
    held while it is; the texts it shared stay shared after it is gone."""

    def __init__(self) -> None:
        self._plain: dict[str, str] = {}
        self._markup: dict[str, Markup] = {}
        self._marked: dict[tuple[str, str], InLanguage] = {}

    def markup(self, text: str) -> Markup:
        found = self._markup.get(text)
        if found is None:
            found = self._markup[text] = Markup(text)
        return found

    def marked(self, text: str, lang: str) -> InLanguage:
        found = self._marked.get((lang, text))
        if found is None:
            found = self._marked[(lang, text)] = InLanguage(text, lang)
        return found

    def within_one(self, value: Any) -> Any:
        """A value with its plain texts shared, those of a list of texts too (a JSON list is
        read before the object it is in, with no hook of its own)."""
        kind = type(value)
        if kind is str:
            return self._plain.setdefault(value, value)
        if kind is list:
            return self.within(value)
        return value

    def within(self, values: list[Any]) -> list[Any]:
        return [self.within_one(value) for value in values]


def _list(raw: Any) -> list[Any]:
    if type(raw) is not list:
        raise Unreadable("expected a list")
    return raw


def _pair(raw: Any) -> tuple[Any, Any]:
    found = _list(raw)
    if len(found) != 2:
        raise Unreadable("expected a pair")
    return found[0], found[1]


def _text(raw: Any) -> str:
    if type(raw) is not str:
        raise Unreadable("expected text")
    return raw
