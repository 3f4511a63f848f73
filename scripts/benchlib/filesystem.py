"""Where the bench builds: not on an ext4 without a journal, which makes warm builds look slow.

Without a journal, ext4 does not reuse an inode for 60 s after it was deleted (300 s while its
inode table block is unwritten; ``recently_deleted`` in Linux's fs/ext4/ialloc.c), and it steps
over each such inode, one buffer lookup apiece, on every file it creates. A warm `mkdocs build`
first empties site/ and then creates the same files again, so each file it writes costs time in
proportion to the files it just deleted: kernel time that grows with the square of the files.
Journalled ext4, tmpfs and the other common filesystems do not do this. So when the temporary
folder is on such an ext4 the bench builds in a tmpfs instead, if one has room, and says so;
``--dir`` always builds where it is told.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Filesystem:
    """One mounted filesystem, as /proc/self/mounts lists it."""

    mount: str
    kind: str
    device: str
    journalled: bool | None
    """None when it cannot be told (not ext4, or no /proc)."""

    @property
    def slow_to_recreate(self) -> bool:
        return self.kind == "ext4" and self.journalled is False

    def describe(self) -> str:
        journal = {True: ", journalled", False: ", no journal", None: ""}[self.journalled]
        return f"{self.kind} on {self.device} at {self.mount}{journal}"


def of(path: Path) -> Filesystem | None:
    """The filesystem ``path`` is on, from /proc/self/mounts; None where there is no /proc."""
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best: tuple[str, str, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount, kind = (_unescape(f) for f in fields[:3])
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and (best is None or len(mount) >= len(best[1])):
            best = (device, mount, kind)
    if best is None:
        return None
    device, mount, kind = best
    return Filesystem(mount, kind, device, _journalled(device) if kind == "ext4" else None)


def _journalled(device: str) -> bool | None:
    """Whether the ext4 on ``device`` has a journal: the kernel lists each journal it runs in
    /proc/fs/jbd2 as ``<block device>-<inode>``."""
    jbd2 = Path("/proc/fs/jbd2")
    if not Path("/proc/fs/ext4").is_dir():
        return None
    name = Path(os.path.realpath(device)).name
    try:
        journals = [entry.name for entry in jbd2.iterdir()] if jbd2.is_dir() else []
    except OSError:
        return None
    return any(entry.rsplit("-", 1)[0] == name for entry in journals)


def _unescape(field: str) -> str:
    """/proc/mounts writes a space, tab, newline or backslash in a path as an octal escape."""
    for code in ("040", "011", "012", "134"):
        field = field.replace("\\" + code, chr(int(code, 8)))
    return field


SHM = Path("/dev/shm")
MB_PER_KIT = 1.0
"""Room the bench's projects take a kit, with margin: both sites, Kitfolio's cache, the kits
(0.5 MB a kit at 1,000 kits)."""

SLOW = """\
      Such an ext4 steps over every inode deleted in the last minute each time it creates a file,
      and a warm build empties site/ before it writes the same files again, so its kernel time
      grows with the files deleted times the files created (Kitfolio writes about 5 a kit,
      plain 2): figures of that filesystem as much as of the builds."""


def folder(asked: Path | None, kits: int) -> tuple[Path, str]:
    """The folder to build in and the lines that say where it is and why.

    ``asked`` (``--dir``) is used as given; else a new temporary folder, in /dev/shm when the
    system's temporary folder is an ext4 without a journal and the tmpfs has room for ``kits``.
    """
    system = Path(tempfile.gettempdir())
    found = of(system)
    if asked is None and found is not None and found.slow_to_recreate and _room(SHM, kits):
        work = Path(tempfile.mkdtemp(prefix="kitfolio-bench-", dir=SHM))
        return work, (
            f"folder: {work}, a tmpfs, since {system} is {found.describe()}.\n{SLOW}\n"
            f"      Pass --dir to build elsewhere (--dir {system}/kitfolio-bench: on that disk).\n"
        )
    if asked is None:
        work = Path(tempfile.mkdtemp(prefix="kitfolio-bench-"))
    else:
        work = asked.resolve()
        work.mkdir(parents=True, exist_ok=True)
    found = of(work)
    if found is None:
        return work, f"folder: {work}\n"
    slow = f"\n{SLOW}\n      For figures of the builds, use a journalled filesystem or a tmpfs."
    return work, f"folder: {work}, {found.describe()}{slow if found.slow_to_recreate else ''}\n"


def _room(place: Path, kits: int) -> bool:
    """Whether ``place`` is a tmpfs with room, in its limit and in free memory, for ``kits``."""
    found = of(place)
    if found is None or found.kind != "tmpfs":
        return False
    need = kits * MB_PER_KIT * 2**20 + 2 * 2**30
    try:
        stats = os.statvfs(place)
        available = _available_memory()
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize >= need and available >= need


def _available_memory() -> int:
    """MemAvailable from /proc/meminfo, in bytes (0 when it cannot be read)."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0
