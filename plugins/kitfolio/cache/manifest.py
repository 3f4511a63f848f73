"""What a build drew, as its manifest records it, and how a cached file is checked against it."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from kitfolio.cache.digests import stream_digest
from kitfolio.cache.safe_files import regular, seen

FORMAT = 2
"""Bump when the manifest's layout changes; an older manifest is then ignored, not misread."""

FileName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=200)]
Digest = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Seen = Annotated[list[int], Field(min_length=3, max_length=3)]
"""(mtime_ns, ctime_ns, inode) of a file when its digest was last found right."""


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


def manifest_text(entries: dict[str, Any], records: dict[str, Any]) -> bytes:
    data = {"format": FORMAT, "entries": entries, "records": records}
    return json.dumps(data, indent=0, sort_keys=True).encode("utf-8")


def read_manifest(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The entries and records of one manifest; nothing when it is unreadable or of a format."""
    with regular(path) as found:
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


def checked(path: Path, recorded: FileRecord) -> FileRecord | None:
    """``recorded`` with what the file is now, if it is still the file that was drawn: one
    ``lstat`` when it is still the very file last found right, else its digest is read."""
    if recorded.seen is not None:
        try:
            info = path.lstat()
        except OSError:
            return None
        same_size = stat.S_ISREG(info.st_mode) and info.st_size == recorded.size
        if same_size and seen(info) == recorded.seen:
            return recorded
    with regular(path) as found:
        if found is None or found[1].st_size != recorded.size:
            return None
        stream, info = found
        return _still(recorded, info, lambda: stream_digest(stream))


def checked_read(path: Path, recorded: FileRecord) -> tuple[bytes, FileRecord] | None:
    """The bytes of ``path`` and ``recorded`` with what the file is now, checked as
    ``checked`` checks it, from the one read that returns them."""
    with regular(path) as found:
        if found is None or found[1].st_size != recorded.size:
            return None
        stream, info = found
        data = stream.read(recorded.size + 1)
    if len(data) != recorded.size:
        return None
    now = _still(recorded, info, lambda: hashlib.sha256(data).hexdigest())
    return None if now is None else (data, now)


def _still(
    recorded: FileRecord, info: os.stat_result, digest: Callable[[], str]
) -> FileRecord | None:
    """``recorded`` if the file's (mtime, ctime, inode) are as recorded or, if not, its
    ``digest`` (only computed then) is; None when the file changed."""
    now = seen(info)
    if recorded.seen == now:
        return recorded
    if digest() != recorded.sha256:
        return None
    return recorded.model_copy(update={"seen": now})


def with_seen(path: Path, recorded: FileRecord) -> FileRecord:
    """``recorded`` with the file's (mtime, ctime, inode) as it is now, right after drawing."""
    try:
        info = path.lstat()
    except OSError:
        return recorded
    if not stat.S_ISREG(info.st_mode):
        return recorded
    return recorded.model_copy(update={"seen": seen(info)})
