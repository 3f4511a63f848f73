"""Which folder may be the cache: one Kitfolio tagged, or a new, empty or legacy one.

Kitfolio removes files only from a folder it claimed, and there only folders shaped like its
own entries (``files/ab/ab12…``), so a mistyped ``cache_dir`` never deletes a user's files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from kitfolio.cache.safe_files import regular, write_atomically

MARKER = "CACHEDIR.TAG"
SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
"""The Cache Directory Tagging Specification's first line; backup tools skip such folders."""
MARKER_TEXT = (
    SIGNATURE.decode()
    + "\n# This folder is a build cache written by Kitfolio: drawn images, parsed kit\n"
    "# revisions and rendered pages. Kitfolio removes only what it wrote here.\n"
    "# See https://bford.info/cachedir/\n"
)
LEGACY = frozenset({"manifest.json", "files", "staging"})
"""What the cache of a Kitfolio from before the marker holds; such a folder is adopted."""
LEGACY_FORMAT = 1
BUILDS, FILES, STAGING = "builds", "files", "staging"

HEX64 = re.compile(r"[0-9a-f]{64}")
BUCKET = re.compile(r"[0-9a-f]{2}")


class CacheRefused(Exception):
    """A folder that cannot be the cache; the message says why in a user's terms."""


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
    if marked(folder):
        return
    if names and not _legacy(folder, names):
        raise CacheRefused(
            "holds files Kitfolio did not write (it has no CACHEDIR.TAG written by Kitfolio); "
            "choose a new or empty folder"
        )
    try:
        tag(folder)
    except OSError as exc:
        raise CacheRefused(f"cannot be written ({exc.strerror or exc})") from None


def tag(folder: Path) -> None:
    """Write Kitfolio's ``CACHEDIR.TAG`` into ``folder``."""
    write_atomically(folder / MARKER, MARKER_TEXT.encode(), folder)


def marked(folder: Path) -> bool:
    """Whether ``folder`` carries the tag Kitfolio writes."""
    with regular(folder / MARKER) as found:
        if found is None:
            return False
        head = found[0].read(512)
    return head.startswith(SIGNATURE) and b"Kitfolio" in head


def _legacy(folder: Path, names: set[str]) -> bool:
    """Whether ``folder`` is the cache of a Kitfolio from before the tag, and nothing else (but
    caches of Kitfolio's own inside it, such as ``pages/``, which carry the tag)."""
    if any(not marked(folder / name) for name in names - LEGACY):
        return False
    try:
        buckets = list((folder / FILES).iterdir()) if FILES in names else []
        listed = "manifest.json" in names
        manifest = json.loads((folder / "manifest.json").read_bytes()) if listed else {}
    except (OSError, ValueError):
        return False
    old = not manifest or (isinstance(manifest, dict) and manifest.get("format") == LEGACY_FORMAT)
    return old and all(BUCKET.fullmatch(b.name) and b.is_dir() for b in buckets)


def entry_folders(files: Path) -> Iterator[Path]:
    """The entry folders under ``files/`` (``ab/ab12…``), and nothing else found there."""
    try:
        buckets = [b for b in files.iterdir() if BUCKET.fullmatch(b.name)]
    except OSError:
        return
    for bucket in buckets:
        # A parallel build of the same project may prune the same folders at the same time.
        with suppress(OSError):
            if bucket.is_symlink():
                continue
            for folder in list(bucket.iterdir()):
                if HEX64.fullmatch(folder.name) and folder.name.startswith(bucket.name):
                    yield folder
            if not any(bucket.iterdir()):
                bucket.rmdir()
