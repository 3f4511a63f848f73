"""The build cache: finished files keyed by a hash of their inputs, kept under ``.cache/kitfolio/``.

Drawing images is the slow part of a build. Each piece of work is named by a hash of everything
that shapes its result (source bytes, sizes, texts, renderer version), so a warm build finds it
and draws nothing, and a changed input or renderer changes only its own key. Parsed old revisions
of kit files and image checks are remembered here too, as records.

The cache is data, not truth: anything in it may have been truncated, swapped, replaced by a
link or rewritten since it was written. A file is used only while it is a regular file inside
the cache whose size and SHA-256 match what was recorded when it was drawn; the digest is read
again whenever the file's (size, mtime, ctime, inode) differ from when it was last checked.
Anything else is a miss, drawn again. Records are validated against the shape their reader
declares. Each configuration sharing the cache keeps its own manifest (``builds/<owner>.json``,
read once when a build starts and written once when its work is drawn), and work is pruned only
when no manifest names it; only folders shaped like Kitfolio's are ever removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

FORMAT = 2
"""Bump when the manifest's layout changes; an older manifest is then ignored, not misread."""
MARKER = "CACHEDIR.TAG"
SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
"""The Cache Directory Tagging Specification's first line; backup tools skip such folders."""
MARKER_TEXT = (
    SIGNATURE.decode()
    + "\n# This folder is a build cache written by Kitfolio: drawn images and parsed kit\n"
    "# revisions. Kitfolio removes only what it wrote here. See https://bford.info/cachedir/\n"
)
LEGACY = frozenset({"manifest.json", "files", "staging"})
"""What the cache of a Kitfolio from before the marker holds; such a folder is adopted."""
LEGACY_FORMAT = 1
BUILDS, FILES, STAGING = "builds", "files", "staging"
KEEP_MANIFEST_DAYS = 30
"""A configuration not built for this long no longer keeps its work from being pruned."""
LEFTOVER_SECONDS = 3600
"""Scratch folders of builds that were killed are removed when they are older than this."""

HEX64 = re.compile(r"[0-9a-f]{64}")
BUCKET = re.compile(r"[0-9a-f]{2}")
FileName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=200)]
Digest = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Seen = Annotated[list[int], Field(min_length=3, max_length=3)]
"""(mtime_ns, ctime_ns, inode) of a file when its digest was last found right."""

M = TypeVar("M", bound=BaseModel)


class Memory(Protocol):
    """Small facts remembered between builds (the build cache's records)."""

    def record(self, kind: str, key: str, shape: type[M]) -> M | None: ...

    def remember(self, kind: str, key: str, value: BaseModel) -> None: ...


class CacheRefused(Exception):
    """A folder that cannot be the cache; the message says why in a user's terms."""


class FileRecord(BaseModel):
    """What one cached file was when it was drawn."""

    model_config = ConfigDict(strict=True, frozen=True)
    size: int = Field(ge=0)
    sha256: Digest
    seen: Seen | None = None


class EntryRecord(BaseModel):
    """One finished piece of work in a manifest: its files and the facts its work returned."""

    model_config = ConfigDict(strict=True, frozen=True)
    files: dict[FileName, FileRecord]
    meta: dict[str, Any]


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
    with path.open("rb") as stream:
        return _stream_digest(stream)


def _stream_digest(stream: BinaryIO) -> str:
    h = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        h.update(block)
    return h.hexdigest()


@contextlib.contextmanager
def _regular(path: Path) -> Iterator[tuple[BinaryIO, os.stat_result] | None]:
    """``path`` opened for reading when it is a regular file and not a link, else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        yield None
        return
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        yield None
        return
    with os.fdopen(fd, "rb") as stream:
        yield stream, info


def _seen(info: os.stat_result) -> list[int]:
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def claim(folder: Path) -> None:
    """Make ``folder`` Kitfolio's cache, or refuse one that holds files Kitfolio did not write.

    A folder Kitfolio made carries ``CACHEDIR.TAG``; an empty or new folder gets one. A cache
    of an older Kitfolio (no tag, only its own files) is adopted.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        names = {p.name for p in folder.iterdir()}
    except OSError as exc:
        raise CacheRefused(f"cannot be used as a folder ({exc.strerror or exc})") from None
    if _marked(folder):
        return
    if names and not _legacy(folder, names):
        raise CacheRefused(
            "holds files Kitfolio did not write (it has no CACHEDIR.TAG written by Kitfolio); "
            "choose a new or empty folder"
        )
    try:
        _write_atomically(folder / MARKER, MARKER_TEXT.encode(), folder)
    except OSError as exc:
        raise CacheRefused(f"cannot be written ({exc.strerror or exc})") from None


def _marked(folder: Path) -> bool:
    with _regular(folder / MARKER) as found:
        if found is None:
            return False
        head = found[0].read(512)
    return head.startswith(SIGNATURE) and b"Kitfolio" in head


def _legacy(folder: Path, names: set[str]) -> bool:
    """Whether ``folder`` is the cache of a Kitfolio from before the tag, and nothing else."""
    if names - LEGACY:
        return False
    try:
        buckets = list((folder / FILES).iterdir()) if FILES in names else []
        listed = "manifest.json" in names
        manifest = json.loads((folder / "manifest.json").read_bytes()) if listed else {}
    except (OSError, ValueError):
        return False
    old = not manifest or (isinstance(manifest, dict) and manifest.get("format") == LEGACY_FORMAT)
    return old and all(BUCKET.fullmatch(b.name) and b.is_dir() for b in buckets)


def _write_atomically(target: Path, data: bytes, folder: Path) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


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

    def __init__(self, folder: Path, owner: str = "default") -> None:
        claim(folder)
        self.folder = folder.resolve()
        self.owner = re.sub(r"[^A-Za-z0-9_-]", "-", owner)[:64] or "default"
        self._started = time.time_ns()
        self._lock = threading.Lock()
        self._entries: dict[str, Any] = {}
        self._records: dict[str, Any] = {}
        self._used: dict[str, EntryRecord] = {}
        self._recorded: dict[str, dict[str, Any]] = {}
        self._load()

    def _manifest(self, owner: str) -> Path:
        return self.folder / BUILDS / f"{owner}.json"

    def _load(self) -> None:
        """This owner's manifest, then what other owners' add (their drawings are valid too)."""
        others = sorted(p for p in self._manifests() if p.stem != self.owner)
        for path in [self._manifest(self.owner), *others]:
            entries, records = _read_manifest(path)
            self._entries = {**entries, **self._entries}
            self._records = {**records, **self._records}

    def _manifests(self) -> list[Path]:
        with contextlib.suppress(OSError):
            return [p for p in (self.folder / BUILDS).iterdir() if p.suffix == ".json"]
        return []

    def _entry_folder(self, key: str) -> Path:
        return self.folder / FILES / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The finished work for ``key``, if recorded and every file of it is as recorded."""
        with self._lock:
            raw = self._entries.get(key)
        if raw is None or not HEX64.fullmatch(key):
            return None
        try:
            found = EntryRecord.model_validate(raw)
        except ValidationError:
            return None
        folder = self._entry_folder(key)
        if os.path.realpath(folder) != str(folder):
            return None  # a link somewhere on the way: not a folder inside the cache
        files: dict[str, FileRecord] = {}
        for name, recorded in found.files.items():
            checked = _checked(folder / name, recorded)
            if checked is None:
                return None
            files[name] = checked
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
                with _regular(path) as found:
                    if found is not None:
                        files[path.name] = FileRecord(
                            size=found[1].st_size, sha256=_stream_digest(found[0])
                        )
            final = self._entry_folder(key)
            _directory(self.folder / FILES)
            _directory(final.parent)
            if _place(scratch, final, staging):
                files = {name: _with_seen(final / name, f) for name, f in files.items()}
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return self._use(key, EntryRecord(files=files, meta=meta), final)

    def _staging(self) -> Path:
        """The scratch folder; the tag again first if the cache was deleted since the start."""
        if not _marked(self.folder):
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.folder / MARKER, MARKER_TEXT.encode(), self.folder)
        return _directory(self.folder / STAGING)

    def copy(self, entry: Entry, name: str, target: Path) -> bool:
        """Write the file ``name`` of ``entry`` to ``target`` if it is still as recorded.

        The file is checked again as it is read, so what is written is what was drawn even if
        the cache changed since ``get``; False (nothing written) when it is gone or spoiled.
        """
        recorded = entry.files.get(name)
        if recorded is None:
            return False
        with _regular(entry.path(name)) as found:
            if found is None:
                return False
            stream, info = found
            if info.st_size != recorded.size:
                return False
            if recorded.seen == _seen(info):
                with target.open("wb") as out:
                    shutil.copyfileobj(stream, out, 1 << 20)
                return True
            data = stream.read(recorded.size + 1)
        if hashlib.sha256(data).hexdigest() != recorded.sha256:
            return False
        target.write_bytes(data)
        return True

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
        data = {"format": FORMAT, "entries": entries, "records": records}
        text = json.dumps(data, indent=0, sort_keys=True).encode("utf-8")
        staging = self._staging()
        builds = _directory(self.folder / BUILDS)
        fd, temporary = tempfile.mkstemp(prefix=f".{self.owner}.", dir=builds)
        with os.fdopen(fd, "wb") as stream:
            stream.write(text)
        if not _place(Path(temporary), self._manifest(self.owner), staging):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
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
            keep |= set(_read_manifest(path)[0])
        for folder in _kitfolio_folders(self.folder / FILES):
            with contextlib.suppress(OSError):
                info = folder.lstat()
                if folder.name not in keep and info.st_mtime_ns < self._started:
                    _remove(folder, info)
        left_over = self._started - LEFTOVER_SECONDS * 10**9
        with contextlib.suppress(OSError):
            for scratch in (self.folder / STAGING).iterdir():
                info = scratch.lstat()
                if info.st_mtime_ns < left_over:
                    _remove(scratch, info)


def _read_manifest(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The entries and records of one manifest; nothing when it is unreadable or of a format."""
    with _regular(path) as found:
        if found is None:
            return {}, {}
        raw = found[0].read()
    try:
        data = json.loads(raw)
    except ValueError:
        return {}, {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}, {}
    entries, records = data.get("entries"), data.get("records")
    return (
        entries if isinstance(entries, dict) else {},
        records if isinstance(records, dict) else {},
    )


def _checked(path: Path, recorded: FileRecord) -> FileRecord | None:
    """``recorded`` with what the file is now, if it is still the file that was drawn."""
    with _regular(path) as found:
        if found is None:
            return None
        stream, info = found
        if info.st_size != recorded.size:
            return None
        now = _seen(info)
        if recorded.seen == now:
            return recorded
        if _stream_digest(stream) != recorded.sha256:
            return None
    return recorded.model_copy(update={"seen": now})


def _with_seen(path: Path, recorded: FileRecord) -> FileRecord:
    try:
        info = path.lstat()
    except OSError:
        return recorded
    if not stat.S_ISREG(info.st_mode):
        return recorded
    return recorded.model_copy(update={"seen": _seen(info)})


def _directory(path: Path) -> Path:
    """``path`` as a real folder of the cache; a link or file put in its place is removed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        path.mkdir(parents=True, exist_ok=True)
        return path
    if not stat.S_ISDIR(info.st_mode):
        _remove(path, info)
        path.mkdir()
    return path


def _place(source: Path, target: Path, staging: Path) -> bool:
    """Move ``source`` to ``target``, moving aside whatever is there; False when another build
    put its own result there in the meantime (then that one stays)."""
    try:
        os.replace(source, target)
        return True
    except OSError:
        pass
    aside = Path(tempfile.mkdtemp(prefix="aside", dir=staging)) / "old"
    try:
        os.replace(target, aside)
        os.replace(source, target)
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            _remove(aside.parent, aside.parent.lstat())


def _remove(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _kitfolio_folders(files: Path) -> Iterator[Path]:
    """The entry folders under ``files/`` (``ab/ab12…``), and nothing else found there."""
    try:
        buckets = [b for b in files.iterdir() if BUCKET.fullmatch(b.name)]
    except OSError:
        return
    for bucket in buckets:
        # A parallel build of the same project may prune the same folders at the same time.
        with contextlib.suppress(OSError):
            if bucket.is_symlink():
                continue
            for folder in list(bucket.iterdir()):
                if HEX64.fullmatch(folder.name) and folder.name.startswith(bucket.name):
                    yield folder
            if not any(bucket.iterdir()):
                bucket.rmdir()
