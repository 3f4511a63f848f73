"""The cache itself: finished work by key, records by kind, one manifest per configuration."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from kitfolio.cache.digests import stream_digest
from kitfolio.cache.folder import (
    BUILDS,
    FILES,
    HEX64,
    STAGING,
    claim,
    entry_folders,
    marked,
    tag,
)
from kitfolio.cache.manifest import (
    EntryRecord,
    FileRecord,
    checked,
    checked_read,
    manifest_text,
    read_manifest,
    with_seen,
)
from kitfolio.cache.safe_files import directory, place, regular, remove, seen

KEEP_MANIFEST_DAYS = 30
"""A configuration not built for this long no longer keeps its work from being pruned."""
LEFTOVER_SECONDS = 3600
"""Scratch folders of builds that were killed are removed when they are older than this."""

M = TypeVar("M", bound=BaseModel)


class Memory(Protocol):
    """Small facts remembered between builds (the build cache's records)."""

    def record(self, kind: str, key: str, shape: type[M]) -> M | None: ...

    def remember(self, kind: str, key: str, value: BaseModel) -> None: ...


@dataclass(frozen=True)
class Entry:
    """One finished piece of work: its files (in ``folder``) and facts about them."""

    key: str
    folder: Path
    files: Mapping[str, FileRecord]
    meta: Mapping[str, Any] = field(default_factory=dict)

    def path(self, name: str) -> Path:
        return self.folder / name


class Cache:
    """Files by key in one folder; safe to use from a thread pool.

    ``owner`` names the configuration that builds with it (its manifest), so two configurations
    sharing one folder keep each other's work.
    """

    def __init__(self, folder: Path, owner: str = "default", *, prunes: bool = True) -> None:
        claim(folder)
        self.folder = folder.resolve()
        self.prunes = prunes
        """Whether ``save`` removes the work no manifest names (reading every manifest)."""
        self.owner = re.sub(r"[^A-Za-z0-9_-]", "-", owner)[:64] or "default"
        self._started = time.time_ns()
        self._lock = threading.Lock()
        self._entries: dict[str, Any] = {}
        self._records: dict[str, Any] = {}
        self._used: dict[str, EntryRecord] = {}
        self._recorded: dict[str, dict[str, Any]] = {}
        self._real: dict[str, bool] = {}
        self._load()

    def _manifest(self, owner: str) -> Path:
        return self.folder / BUILDS / f"{owner}.json"

    def _load(self) -> None:
        """This owner's manifest, then what other owners' add (their drawings are valid too)."""
        others = sorted(p for p in self._manifests() if p.stem != self.owner)
        for path in [self._manifest(self.owner), *others]:
            entries, records = read_manifest(path)
            self._entries = {**entries, **self._entries}
            self._records = {**records, **self._records}

    def _manifests(self) -> list[Path]:
        with contextlib.suppress(OSError):
            return [p for p in (self.folder / BUILDS).iterdir() if p.suffix == ".json"]
        return []

    def _entry_folder(self, key: str) -> Path:
        return self.folder / FILES / key[:2] / key

    def _listed(self, key: str) -> tuple[EntryRecord, Path] | None:
        """What the manifest says ``key``'s work is, and its folder, when that is a real folder
        inside the cache (no link on the way)."""
        with self._lock:
            raw = self._entries.get(key)
        if raw is None or not HEX64.fullmatch(key):
            return None
        try:
            found = EntryRecord.model_validate(raw)
        except ValidationError:
            return None
        folder = self._entry_folder(key)
        return (found, folder) if self._inside(folder) else None

    def _inside(self, folder: Path) -> bool:
        """Whether ``folder`` is a folder of the cache and not a link, nor under one; each of
        the 256 folders of folders is resolved once."""
        parent = str(folder.parent)
        real = self._real.get(parent)
        if real is None:
            real = self._real[parent] = os.path.realpath(parent) == parent
        if not real:
            return False
        try:
            return stat.S_ISDIR(os.lstat(folder).st_mode)
        except OSError:
            return False

    def get(self, key: str) -> Entry | None:
        """The finished work for ``key``, if recorded and every file of it is as recorded."""
        listed = self._listed(key)
        if listed is None:
            return None
        found, folder = listed
        files: dict[str, FileRecord] = {}
        for name, record in found.files.items():
            now = checked(folder / name, record)
            if now is None:
                return None
            files[name] = now
        return self._use(key, EntryRecord(files=files, meta=found.meta), folder)

    def _use(self, key: str, found: EntryRecord, folder: Path) -> Entry:
        with self._lock:
            self._used[key] = found
            self._entries[key] = found.model_dump()
        return Entry(key, folder, found.files, found.meta)

    def make(self, key: str, work: Callable[[Path], Mapping[str, Any]]) -> Entry:
        """Run ``work`` in a fresh folder and keep what it wrote under ``key``.

        ``work`` returns facts to remember (JSON-ready). The folder appears under its final name
        only once the work is done, so an interrupted build never leaves half a result behind;
        whatever was at that name before (a spoiled entry) is moved out of the way first.
        """
        staging = self._staging()
        scratch = Path(tempfile.mkdtemp(prefix=key[:12], dir=staging))
        try:
            meta = dict(work(scratch))
            files: dict[str, FileRecord] = {}
            for path in sorted(scratch.iterdir()):
                with regular(path) as found:
                    if found is not None:
                        files[path.name] = FileRecord(
                            size=found[1].st_size, sha256=stream_digest(found[0])
                        )
            final = self._entry_folder(key)
            directory(self.folder / FILES)
            directory(final.parent)
            if place(scratch, final, staging):
                files = {name: with_seen(final / name, f) for name, f in files.items()}
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return self._use(key, EntryRecord(files=files, meta=meta), final)

    def _staging(self) -> Path:
        """The scratch folder; the tag again first if the cache was deleted since the start."""
        if not marked(self.folder):
            self.folder.mkdir(parents=True, exist_ok=True)
            tag(self.folder)
        return directory(self.folder / STAGING)

    def copy(self, entry: Entry, name: str, target: Path) -> bool:
        """Write the file ``name`` of ``entry`` to ``target`` if it is still as recorded.

        The file is checked again as it is read, so what is written is what was drawn even if
        the cache changed since ``get``; False (nothing written) when it is gone or spoiled.
        """
        recorded = entry.files.get(name)
        if recorded is None:
            return False
        with regular(entry.path(name)) as found:
            if found is None:
                return False
            stream, info = found
            if info.st_size != recorded.size:
                return False
            if recorded.seen == seen(info):
                with target.open("wb") as out:
                    shutil.copyfileobj(stream, out, 1 << 20)
                return True
        read = checked_read(entry.path(name), recorded)
        if read is None:
            return False
        target.write_bytes(read[0])
        return True

    def read(self, entry: Entry, name: str) -> bytes | None:
        """The bytes of the file ``name`` of ``entry``, read and checked again as in ``copy``;
        None when it is gone or spoiled."""
        recorded = entry.files.get(name)
        if recorded is None:
            return None
        read = checked_read(entry.path(name), recorded)
        return read[0] if read is not None else None

    def lists_one(self, key: str, name: str) -> bool:
        """Whether the manifest records a file ``name`` for ``key`` (nothing checked yet)."""
        with self._lock:
            raw = self._entries.get(key)
        files = raw.get("files") if isinstance(raw, dict) else None
        return isinstance(files, dict) and name in files

    def read_one(self, key: str, name: str) -> bytes | None:
        """The file ``name`` of the work recorded for ``key``, checked as ``read`` checks it;
        None when there is no such work or the file is gone or spoiled. The file is opened
        once: it is the whole of the work these entries keep (a page, a view, a parse)."""
        listed = self._listed(key)
        if listed is None:
            return None
        found, folder = listed
        record = found.files.get(name)
        if record is None:
            return None
        read = checked_read(folder / name, record)
        if read is None:
            return None
        data, now = read
        self._use(key, EntryRecord(files={**found.files, name: now}, meta=found.meta), folder)
        return data

    def keep_one(self, key: str, name: str, data: bytes) -> None:
        """Keep ``data`` as the one file ``name`` of the work ``key``; on a full disk nothing
        is kept, and the next build makes it again."""

        def write(folder: Path) -> dict[str, Any]:
            (folder / name).write_bytes(data)
            return {}

        with contextlib.suppress(OSError):
            self.make(key, write)

    def record(self, kind: str, key: str, shape: type[M]) -> M | None:
        """A small remembered fact (such as a parsed kit revision), if it has ``shape``."""
        with self._lock:
            raw = self._records.get(f"{kind}:{key}")
        if raw is None:
            return None
        try:
            value = shape.model_validate(raw)
        except ValidationError:
            return None
        self.remember(kind, key, value)
        return value

    def remember(self, kind: str, key: str, value: BaseModel) -> None:
        dumped = value.model_dump(mode="json")
        with self._lock:
            self._records[f"{kind}:{key}"] = dumped
            self._recorded[f"{kind}:{key}"] = dumped

    def save(self) -> None:
        """Write this owner's manifest (once a build's work is drawn); prune unused work.

        Raises OSError when the cache cannot be written at all (a full disk).
        """
        with self._lock:
            entries = {k: v.model_dump() for k, v in sorted(self._used.items())}
            records = dict(sorted(self._recorded.items()))
        text = manifest_text(entries, records)
        staging = self._staging()
        builds = directory(self.folder / BUILDS)
        fd, temporary = tempfile.mkstemp(prefix=f".{self.owner}.", dir=builds)
        with os.fdopen(fd, "wb") as stream:
            stream.write(text)
        if not place(Path(temporary), self._manifest(self.owner), staging):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if self.prunes:
            self._prune(set(entries))
        with contextlib.suppress(OSError):
            staging.rmdir()  # only when empty: a parallel build may be drawing

    def _prune(self, keep: set[str]) -> None:
        """Remove work that no configuration's manifest names and no running build just drew."""
        oldest = time.time() - KEEP_MANIFEST_DAYS * 86400
        for path in self._manifests():
            if path.stem == self.owner:
                continue
            with contextlib.suppress(OSError):
                if path.lstat().st_mtime < oldest:
                    path.unlink()
                    continue
            keep |= set(read_manifest(path)[0])
        for folder in entry_folders(self.folder / FILES):
            with contextlib.suppress(OSError):
                info = folder.lstat()
                if folder.name not in keep and info.st_mtime_ns < self._started:
                    remove(folder, info)
        left_over = self._started - LEFTOVER_SECONDS * 10**9
        with contextlib.suppress(OSError):
            for scratch in (self.folder / STAGING).iterdir():
                info = scratch.lstat()
                if info.st_mtime_ns < left_over:
                    remove(scratch, info)
