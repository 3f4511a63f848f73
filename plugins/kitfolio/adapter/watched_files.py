"""What the live preview's folders held when a build began, so the next rebuild can tell which
files were saved since: a kit alone, or anything else.

Files are told apart by size and change time, as MkDocs' own ``--dirty`` does; a file written
during a build differs from the state read at its start, so it is never missed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Stamp = tuple[int, int]
"""(size, mtime_ns) of one file."""


@dataclass(frozen=True)
class Snapshot:
    """Every file under the watched places, by absolute path."""

    files: dict[str, Stamp]

    def changed(self, later: Snapshot) -> set[str]:
        """The files added, removed or rewritten between this snapshot and ``later``."""
        names = self.files.keys() | later.files.keys()
        return {name for name in names if self.files.get(name) != later.files.get(name)}


def snapshot(places: Iterable[Path]) -> Snapshot:
    """The files of each place (a folder, walked whole, or a single file); a place that is
    missing holds nothing."""
    files: dict[str, Stamp] = {}
    for place in places:
        if place.is_file():
            _stamp(str(place), files)
            continue
        for folder, _, names in os.walk(place):
            for name in names:
                _stamp(os.path.join(folder, name), files)
    return Snapshot(files)


def _stamp(path: str, into: dict[str, Stamp]) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        return
    into[path] = (stat.st_size, stat.st_mtime_ns)
