"""Names of cached work: SHA-256 digests of its inputs and of files."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO


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
        return stream_digest(stream)


def stream_digest(stream: BinaryIO) -> str:
    """The SHA-256 of what is left to read in ``stream``."""
    h = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        h.update(block)
    return h.hexdigest()
