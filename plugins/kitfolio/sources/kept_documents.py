"""Parsed kit files kept in the build cache between builds, each under the digest of its bytes.

Parsing YAML with the position of every value is the largest part of reading a roster that did
not change. A file that parsed without a problem is kept as JSON of its data and its positions,
under the digest of its bytes and of the code that parses it, and read back instead of parsed
while its bytes are the same. Only data JSON gives back exactly is kept (no ``NaN``, no value of
another type), and anything read that is not of that shape is a miss: the file is parsed again.
"""

from __future__ import annotations

import json
from itertools import chain
from pathlib import Path
from typing import Any

from kitfolio.cache import Cache, digest
from kitfolio.errors import Problem
from kitfolio.sources.documents import Document, Loc, Mark, load, parse_bytes

FILE = "document.json"


class KeptDocuments:
    """Parsed files by the digest of their bytes, in ``cache``; ``code`` names the parser."""

    def __init__(self, cache: Cache, code: str) -> None:
        self.cache = cache
        self.code = code
        self.parsed = 0
        self.kept = 0
        """How many files this build parsed, and how many it read back (the tests read them)."""
        self._revisions: dict[Path, str] = {}

    def load(self, path: Path, display: str) -> tuple[Document, list[Problem]]:
        """``documents.load(path, display)``, or what it gave for the same bytes last time."""
        try:
            data = path.read_bytes()
        except OSError:
            self._revisions.pop(path, None)
            return load(path, display)
        key = digest(self.code, data)
        self._revisions[path] = key
        found = self._read(key, path, display)
        if found is not None:
            self.kept += 1
            return found, []
        self.parsed += 1
        doc, problems = parse_bytes(data, Document(path, display, None))
        if not problems and doc.data is not None:
            self._keep(key, doc)
        return doc, problems

    def revision(self, path: Path) -> str:
        """The digest of the bytes ``load`` last read from ``path`` and of the parser's code:
        what the file is, for the views formatted from it (empty when it could not be read)."""
        return self._revisions.get(path, "")

    def _read(self, key: str, path: Path, display: str) -> Document | None:
        raw = self.cache.read_one(key, FILE)
        if raw is None:
            return None
        try:
            stored = json.loads(raw)
            if type(stored) is not dict or stored.keys() != {"data", "values", "keys"}:
                return None
            values, keys = _marks(stored["values"]), _marks(stored["keys"])
        except (ValueError, TypeError, RecursionError):
            return None
        if stored["data"] is None:
            return None
        return Document(path, display, stored["data"], values, keys)

    def _keep(self, key: str, doc: Document) -> None:
        try:
            text = json.dumps(
                {"data": doc.data, "values": _rows(doc.values), "keys": _rows(doc.keys)},
                ensure_ascii=False,
                allow_nan=False,
                separators=(",", ":"),
            )
        except (TypeError, ValueError):
            return
        if json.loads(text)["data"] != doc.data:
            return
        self.cache.keep_one(key, FILE, text.encode("utf-8", "surrogatepass"))

    def end(self) -> None:
        """Record this build's files (the others are pruned); raises OSError on a full disk."""
        self.cache.save()


def _rows(table: dict[Loc, Mark]) -> list[list[Any]]:
    """A table of positions as three columns: the paths, the lines and the columns."""
    return [
        [list(loc) for loc in table],
        [mark.line for mark in table.values()],
        [mark.column for mark in table.values()],
    ]


def _marks(rows: Any) -> dict[Loc, Mark]:
    """What ``_rows`` wrote, checked a column at a time (the checks run in C: a roster's
    warm build reads hundreds of thousands of positions)."""
    if type(rows) is not list or len(rows) != 3:
        raise TypeError("expected three columns of positions")
    locs, lines, columns = rows
    if not type(locs) is type(lines) is type(columns) is list:
        raise TypeError("expected three columns of positions")
    if not len(locs) == len(lines) == len(columns):
        raise TypeError("expected columns of one length")
    if not set(map(type, locs)) <= {list}:
        raise TypeError("expected a path of keys and indexes")
    if not set(map(type, chain.from_iterable(locs))) <= {str, int}:
        raise TypeError("expected a path of keys and indexes")
    if not set(map(type, lines)) | set(map(type, columns)) <= {int}:
        raise TypeError("expected a line and a column")
    if min(lines, default=1) < 1 or min(columns, default=1) < 1:
        raise TypeError("expected a line and a column from 1")
    return dict(zip(map(tuple, locs), map(Mark, lines, columns), strict=True))
