"""Values made once per immutable object while it stands, kept in memory between the builds of
one process: a kit view's identity names what is made of it (its feed card, its digest), so a
preview's rebuild after one kit is saved makes that kit's alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class ByIdentity(Generic[V]):
    """Each object's value by (identity, tag); the object is held, so its identity stays its."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, str], tuple[object, V]] = {}
        self._used: set[tuple[int, str]] = set()

    def get(self, owner: object, make: Callable[[], V], tag: str = "") -> V:
        key = (id(owner), tag)
        self._used.add(key)
        entry = self._made.get(key)
        if entry is None or entry[0] is not owner:
            entry = (owner, make())
            self._made[key] = entry
        return entry[1]

    def put(self, owner: object, value: V, tag: str = "") -> None:
        self._made[(id(owner), tag)] = (owner, value)

    def find(self, owner: object, tag: str = "") -> V | None:
        """The value ``owner`` was given, without making one."""
        entry = self._made.get((id(owner), tag))
        return entry[1] if entry is not None and entry[0] is owner else None

    def keep_used(self) -> None:
        """Forget the values not asked for since the last call (their objects are gone)."""
        self._made = {key: entry for key, entry in self._made.items() if key in self._used}
        self._used = set()

    def forget_others(self, owner: object) -> None:
        """Forget every value but ``owner``'s: a one-pass caller needs the last alone."""
        self._made = {key: entry for key, entry in self._made.items() if entry[0] is owner}
