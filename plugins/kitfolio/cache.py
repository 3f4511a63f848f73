"""The build cache: finished files keyed by a hash of their inputs, kept under ``.cache/kitfolio/``.

Drawing images is the slow part of a build. Each piece of work is named by a hash of everything
that shapes its result (source bytes, sizes, texts, renderer version), so a warm build finds it
and draws nothing, and a changed input or renderer changes only its own key. The manifest is read
once when a build starts and written once when it ends; files no longer used are then removed.
Parsed old revisions of kit files are remembered here too, by git blob hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

MANIFEST = "manifest.json"
FORMAT = 1
"""Bump when the manifest's layout changes; an older manifest is then ignored, not misread."""


class Memory(Protocol):
    """Small facts remembered between builds (the build cache's records)."""

    def record(self, kind: str, key: str) -> dict[str, Any] | None: ...

    def remember(self, kind: str, key: str, value: dict[str, Any]) -> None: ...


def digest(*parts: str | bytes) -> str:
    """A hex SHA-256 of ``parts``, length-prefixed so ("ab", "c") differs from ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One finished piece of work: its files (in ``folder``) and facts about them."""

    key: str
    folder: Path
    files: tuple[str, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)

    def path(self, name: str) -> Path:
        return self.folder / name


class Cache:
    """Files by key in one folder; safe to use from a thread pool."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, Any]] = {}
        self._records: dict[str, dict[str, Any]] = {}
        self._used: set[str] = set()
        self._recorded: dict[str, dict[str, Any]] = {}
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return
        entries, records = data.get("entries"), data.get("records")
        if isinstance(entries, dict):
            self._entries = {k: v for k, v in entries.items() if isinstance(v, dict)}
        if isinstance(records, dict):
            self._records = {k: v for k, v in records.items() if isinstance(v, dict)}

    def _entry_folder(self, key: str) -> Path:
        return self.folder / "files" / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The finished work for ``key``, if the manifest knows it and its files are all there."""
        with self._lock:
            found = self._entries.get(key)
        if found is None:
            return None
        files = found.get("files")
        meta = found.get("meta")
        if not isinstance(files, list) or not isinstance(meta, dict):
            return None
        folder = self._entry_folder(key)
        if not all(isinstance(f, str) and (folder / f).is_file() for f in files):
            return None
        with self._lock:
            self._used.add(key)
        return Entry(key, folder, tuple(files), meta)

    def make(self, key: str, work: Callable[[Path], Mapping[str, Any]]) -> Entry:
        """Run ``work`` in a fresh folder and keep what it wrote under ``key``.

        ``work`` returns facts to remember (JSON-ready). The folder appears under its final name
        only once the work is done, so an interrupted build never leaves half a result behind.
        """
        staging = self.folder / "staging"
        staging.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=key[:12], dir=staging))
        try:
            meta = dict(work(scratch))
            files = sorted(p.name for p in scratch.iterdir() if p.is_file())
            final = self._entry_folder(key)
            final.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(scratch, final)
            except OSError:
                if not final.is_dir():
                    raise
                # Another build (mkdocs serve beside mkdocs build) drew the same key first;
                # the key names the inputs, so its result is this result.
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        with self._lock:
            self._entries[key] = {"files": files, "meta": meta}
            self._used.add(key)
        return Entry(key, final, tuple(files), meta)

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        """A small remembered fact (such as a parsed kit revision) by kind and key."""
        with self._lock:
            value = self._records.get(f"{kind}:{key}")
            if value is not None:
                self._recorded[f"{kind}:{key}"] = value
            return value

    def remember(self, kind: str, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            self._records[f"{kind}:{key}"] = value
            self._recorded[f"{kind}:{key}"] = value

    def save(self) -> None:
        """Write the manifest (once, at the end of a build) and remove work no longer used."""
        with self._lock:
            used = {k: self._entries[k] for k in sorted(self._used) if k in self._entries}
            records = dict(sorted(self._recorded.items()))
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "entries": used, "records": records}
        fd, temporary = tempfile.mkstemp(prefix="manifest", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=0, sort_keys=True)
        os.replace(temporary, self.folder / MANIFEST)
        self._prune(used)
        with contextlib.suppress(OSError):
            (self.folder / "staging").rmdir()  # only when empty: a parallel build may be drawing

    def _prune(self, keep: Iterable[str]) -> None:
        kept = set(keep)
        files = self.folder / "files"
        if not files.is_dir():
            return
        for bucket in files.iterdir():
            # A parallel build of the same project may prune the same folders at the same time.
            with contextlib.suppress(OSError):
                for folder in bucket.iterdir():
                    if folder.name not in kept:
                        shutil.rmtree(folder, ignore_errors=True)
                if not any(bucket.iterdir()):
                    bucket.rmdir()
