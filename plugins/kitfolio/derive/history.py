"""Follower counts of past revisions of each kit file, read from git.

Growth needs no API and no field to keep up to date: every commit that changed a platform's
followers is a data point. One ``git log --follow --raw`` per kit file lists its revisions with
their blob hashes; the blobs not parsed before are read in one ``git cat-file --batch`` and
parsed with the kit loader, leniently, because an old revision may be broken or follow an older
format: one that cannot be read at all is skipped (and counted, so the build can say so once).
Parsed blobs are remembered in the build cache by hash, so a warm build only runs ``git log``.
Outside git, or in a shallow clone, there is no history, and the caller says why.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from kitfolio.cache import Memory
from kitfolio.derive.growth import Point
from kitfolio.errors import shown_path
from kitfolio.sources.documents import Document, parse

SEPARATOR = "\x1e"
TIMEOUT = 60
KIND = "revision"
LARGEST_REVISION = 1 << 20
"""Bytes of an old kit revision worth reading; kits are a few KB."""
MOST_FOLLOWERS = 10**12
"""More than any platform has people: a larger count in an old revision is a typo, not a point."""


class Parsed(BaseModel):
    """One revision as remembered in the cache: followers per platform key, None if unreadable."""

    model_config = ConfigDict(strict=True, frozen=True)
    followers: dict[str, Annotated[int, Field(ge=0, le=MOST_FOLLOWERS)]] | None


@dataclass(frozen=True)
class Revision:
    """One commit's version of a kit file."""

    commit: str
    when: date
    blob: str


@dataclass
class History:
    """Per kit file, per platform key, the followers of each revision that changed them."""

    status: str
    """``git``, ``no-git`` or ``shallow``."""
    points: dict[Path, dict[str, list[Point]]] = field(default_factory=dict)
    hint: str | None = None
    skipped: list[tuple[Path, Revision]] = field(default_factory=list)
    """Old revisions that could not be read at all, so they add no point."""

    def skipped_line(self, root: Path) -> str | None:
        """One line saying which old revisions were skipped, or None when none were."""
        if not self.skipped:
            return None
        named = [
            f"{shown_path(path, root)} at {rev.commit[:10]} ({rev.when.isoformat()})"
            for path, rev in self.skipped[:3]
        ]
        more = len(self.skipped) - len(named)
        count = len(self.skipped)
        return (
            f"growth history skips {count} old kit revision{'s' if count != 1 else ''} "
            f"that cannot be read: {', '.join(named)}" + (f" and {more} more" if more else "")
        )


def platform_keys(platforms: Iterable[Mapping[str, Any]]) -> list[str]:
    """A name for each platform that survives reordering: network and handle (or name)."""
    keys: list[str] = []
    for item in platforms:
        network = str(item.get("network", ""))
        who = item.get("handle") or item.get("name") or ""
        key = f"{network}:{str(who).lstrip('@').casefold()}"
        while key in keys:
            key += "+"
        keys.append(key)
    return keys


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def repository(folder: Path) -> tuple[str, Path | None]:
    """Whether ``folder`` is in a git work tree (``git``), not (``no-git``) or a shallow clone."""
    out = _git(
        ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-toplevel"], folder
    )
    if out is None:
        return "no-git", None
    lines = out.decode("utf-8", "replace").splitlines()
    if len(lines) < 3 or lines[0] != "true":
        return "no-git", None
    if lines[1] == "true":
        return "shallow", Path(lines[2])
    return "git", Path(lines[2])


def revisions(path: Path) -> list[Revision]:
    """The committed versions of ``path``, oldest first, following renames."""
    out = _git(
        [
            "log",
            "--follow",
            "--no-abbrev",
            "--raw",
            "--no-color",
            "--no-merges",
            f"--format={SEPARATOR}%H %aI",
            "--",
            path.name,
        ],
        path.parent,
    )
    if not out:
        return []
    found: list[Revision] = []
    for chunk in out.decode("utf-8", "replace").split(SEPARATOR)[1:]:
        lines = chunk.strip().splitlines()
        if not lines:
            continue
        commit, _, stamp = lines[0].partition(" ")
        blob = _new_blob(lines[1:])
        if blob is None:
            continue
        try:
            when = datetime.fromisoformat(stamp.strip()).date()
        except ValueError:
            continue
        found.append(Revision(commit, when, blob))
    found.reverse()
    return found


def _new_blob(lines: list[str]) -> str | None:
    """The blob a ``--raw`` line says the file became; None when it was deleted."""
    for line in lines:
        if not line.startswith(":"):
            continue
        fields = line[1:].split("\t", 1)[0].split()
        if len(fields) >= 4 and fields[4:5] != ["D"] and set(fields[3]) != {"0"}:
            return fields[3]
    return None


def read_blobs(blobs: list[str], cwd: Path) -> dict[str, bytes]:
    """The contents of many blobs through one ``git cat-file --batch``; a blob larger than
    ``LARGEST_REVISION`` (a file once committed by mistake) is left out, unread."""
    if not blobs:
        return {}
    sizes = _git(["cat-file", "--batch-check"], cwd, stdin=_lines(blobs))
    wanted = [
        fields[0]
        for line in (sizes or b"").decode("ascii", "replace").splitlines()
        if len(fields := line.split()) == 3
        and fields[1] == "blob"
        and fields[2].isdigit()
        and int(fields[2]) <= LARGEST_REVISION
    ]
    if not wanted:
        return {}
    out = _git(["cat-file", "--batch"], cwd, stdin=_lines(wanted))
    contents: dict[str, bytes] = {}
    at = 0
    while out and (end := out.find(b"\n", at)) != -1:
        header = out[at:end].decode("ascii", "replace").split()
        at = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue
        size = int(header[2])
        contents[header[0]] = out[at : at + size]
        at += size + 1
    return contents


def _lines(names: list[str]) -> bytes:
    return "".join(f"{name}\n" for name in names).encode()


def followers(text: bytes, name: str) -> dict[str, int] | None:
    """Followers per platform key in one revision, or None when it is not even valid YAML.

    Only the YAML must be sound: an old revision may follow an older format, so fields the
    current format would reject are read where they make sense and ignored where they do not.

    Whatever an old revision holds (invalid YAML, a number too long to convert, nesting deep
    enough to exhaust the parser) it is history, not the kit being built: it never stops a build.
    """
    try:
        return _followers(text, name)
    except Exception:
        return None


def _followers(text: bytes, name: str) -> dict[str, int] | None:
    doc, problems = parse(text.decode("utf-8"), Document(Path(name), name, None))
    data = doc.data
    if problems or not isinstance(data, dict):
        return None
    if not isinstance(data.get("platforms"), list):
        return {}
    items = [p for p in data["platforms"] if isinstance(p, dict)]
    out: dict[str, int] = {}
    for key, item in zip(platform_keys(items), items, strict=True):
        count = item.get("followers")
        if isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= MOST_FOLLOWERS:
            out[key] = count
    return out


def read(paths: Iterable[Path], memory: Memory, workers: int = 4) -> History:
    """The follower history of each kit file in ``paths`` (all in one repository)."""
    paths = list(paths)
    if not paths:
        return History("no-git")
    status, root = repository(paths[0].parent)
    if status == "no-git" or root is None:
        return History(
            status,
            hint="the kits are not in a git repository, so growth comes only "
            "from each platform's history: list",
        )
    if status == "shallow":
        return History(
            status,
            hint="this is a shallow git clone, so growth history is not read; "
            "check out the full history (actions/checkout with fetch-depth: 0)",
        )
    with ThreadPoolExecutor(max_workers=workers) as pool:
        logs = dict(zip(paths, pool.map(revisions, paths), strict=True))
    parsed = _parsed_blobs(logs, memory, root)
    history = History("git")
    for path, revs in logs.items():
        per_key: dict[str, list[Point]] = {}
        for rev in revs:
            counts = parsed.get(rev.blob)
            if counts is None:
                if rev.blob in parsed:
                    history.skipped.append((path, rev))
                continue
            for key, count in counts.items():
                per_key.setdefault(key, []).append(Point(rev.when, count))
        history.points[path] = per_key
    return history


def _parsed_blobs(
    logs: dict[Path, list[Revision]], memory: Memory, root: Path
) -> dict[str, dict[str, int] | None]:
    """The followers each blob of the logs records (None: unreadable), remembered by blob id."""
    parsed: dict[str, dict[str, int] | None] = {}
    unknown: list[str] = []
    for revs in logs.values():
        for rev in revs:
            if rev.blob in parsed:
                continue
            known = memory.record(KIND, rev.blob, Parsed)
            parsed[rev.blob] = known.followers if known is not None else None
            if known is None:
                unknown.append(rev.blob)
    for blob, text in read_blobs(unknown, root).items():
        counts = followers(text, blob)
        parsed[blob] = counts
        memory.remember(KIND, blob, Parsed(followers=counts))
    return parsed
