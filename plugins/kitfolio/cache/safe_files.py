"""Reading and replacing files of a folder that someone else may have changed under our feet.

A file is read only when it is a regular file and not a link; a result appears under its final
name in one rename, so nothing ever sees half of it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def regular(path: Path) -> Iterator[tuple[BinaryIO, os.stat_result] | None]:
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


def seen(info: os.stat_result) -> list[int]:
    """(mtime_ns, ctime_ns, inode): what changes when a file is rewritten or swapped."""
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def write_atomically(target: Path, data: bytes, folder: Path) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def directory(path: Path) -> Path:
    """``path`` as a real folder; a link or file put in its place is removed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        path.mkdir(parents=True, exist_ok=True)
        return path
    if not stat.S_ISDIR(info.st_mode):
        remove(path, info)
        path.mkdir()
    return path


def place(source: Path, target: Path, staging: Path) -> bool:
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
            remove(aside.parent, aside.parent.lstat())


def remove(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
