"""Load every kit of a folder: parse, validate, check images, derive warnings.

One run reports every problem of every kit, so a creator fixes them all at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kitfolio import clock
from kitfolio.cache import Memory
from kitfolio.derive.consistency import brand_would_notice
from kitfolio.derive.figures import inconsistencies
from kitfolio.errors import Problem
from kitfolio.media.image_checks import ImageFacts
from kitfolio.model.fields import is_image_path
from kitfolio.model.kit import Kit
from kitfolio.model.validate import check
from kitfolio.sources.documents import Document, Loc, load
from kitfolio.sources.files import LocatedImage, check_image, checked_sources, source_files
from kitfolio.sources.kept_documents import KeptDocuments


@dataclass(frozen=True)
class LoadedKit:
    """A valid kit with where it came from and its checked images; ``doc`` keeps the positions
    of the image fields only."""

    slug: str
    path: Path
    kit: Kit
    doc: Document
    images: dict[str, ImageFacts] = field(default_factory=dict)
    revision: str = ""
    """The digest of the file's bytes and the code that read it (``kept_documents``), which
    with the checked images names everything the kit is; empty when it was not named."""

    def image(self, ref: str | None) -> ImageFacts | None:
        """The checked image a kit field names."""
        return self.images.get(ref) if ref else None


@dataclass
class LoadedKits:
    """The kits of a site, sorted by name, and every problem found while loading them."""

    kits: list[LoadedKit]
    problems: list[Problem]


def roster_order(loaded: LoadedKit) -> tuple[str, str]:
    """Where a kit stands in its roster: by name, then by slug."""
    return (loaded.kit.name.casefold(), loaded.slug)


def kit_files(folder: Path) -> list[Path]:
    """The kit files of a folder (not its subfolders), in name order (see ``source_files``)."""
    return source_files(folder)


def named_kit_files(paths: Iterable[Path]) -> list[Path]:
    """The kit files a command names: a file as it is, a folder by its kit files. Raises
    FileNotFoundError for the first path that is neither."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += kit_files(path)
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


STALE_AFTER_DAYS = 90
"""Figures older than this many days are stale, unless the site sets ``stale_after_days``."""


def read_kits(
    paths: Iterable[Path],
    root: Path,
    memory: Memory | None = None,
    *,
    stale_after_days: int = STALE_AFTER_DAYS,
    today: date | None = None,
    kept: KeptDocuments | None = None,
) -> LoadedKits:
    """Load kit files; ``root`` is the project folder, the only place kits and images are read.

    ``memory`` (the build cache) remembers which images were checked, so an unchanged photo is
    not decoded again on the next build, and ``kept`` the files parsed by earlier builds.
    ``today`` defaults to the clock's.
    """
    when = today or clock.today()
    kits: list[LoadedKit] = []
    sources, problems = checked_sources(paths, root)
    for source in sources:
        loaded, found = load_kit(
            source.path, source.display, root, memory, when, stale_after_days, kept
        )
        problems += sorted(found, key=lambda p: (p.line, p.column))
        if loaded is not None:
            kits.append(loaded)
    kits.sort(key=roster_order)
    return LoadedKits(kits, problems)


def load_kit(
    path: Path,
    display: str,
    root: Path,
    memory: Memory | None = None,
    today: date | None = None,
    stale_after_days: int = STALE_AFTER_DAYS,
    kept: KeptDocuments | None = None,
) -> tuple[LoadedKit | None, list[Problem]]:
    """Load one kit file; the kit is None when it has errors."""
    doc, syntax = kept.load(path, display) if kept is not None else load(path, display)
    revision = kept.revision(path) if kept is not None else ""
    if doc.data is None and syntax:
        return None, syntax
    kit, invalid = check(doc)
    if kit is None:
        # Images named by an invalid kit are checked too, so one run reports every problem.
        _, unusable = _check_images(_raw_image_refs(doc.data), doc, root, memory)
        return None, syntax + invalid + unusable
    images, unusable = _check_images(image_refs(kit), doc, root, memory)
    noticed = brand_would_notice(kit, doc.data, today or clock.today(), stale_after_days)
    warnings = [
        doc.problem(i.loc, i.message, severity="warning") for i in [*inconsistencies(kit), *noticed]
    ]
    problems = syntax + unusable
    if problems:
        return None, problems + warnings
    located = doc.only(loc for loc, _ in image_refs(kit))
    return LoadedKit(path.stem, path, kit, located, images, revision), warnings


def image_refs(kit: Kit) -> Iterator[tuple[Loc, str]]:
    """Every image a kit names, with the field that names it."""
    if kit.avatar:
        yield ("avatar",), kit.avatar
    if kit.cover:
        yield ("cover",), kit.cover
    for index, highlight in enumerate(kit.highlights):
        if highlight.image:
            yield ("highlights", index, "image"), highlight.image
    for index, partnership in enumerate(kit.partnerships):
        if partnership.logo:
            yield ("partnerships", index, "logo"), partnership.logo


def located_images(kits: Iterable[LoadedKit]) -> Iterator[LocatedImage]:
    """Every checked image of every kit, with the kit field that names it."""
    for loaded in kits:
        for loc, ref in image_refs(loaded.kit):
            facts = loaded.image(ref)
            if facts is not None:
                yield LocatedImage(loaded.slug, loaded.doc, loc, ref, facts)


def _raw_image_refs(data: Any) -> Iterator[tuple[Loc, str]]:
    """The image paths of a kit that did not validate, where they are well-formed paths."""
    if not isinstance(data, dict):
        return
    named: list[tuple[Loc, Any]] = [
        (("avatar",), data.get("avatar")),
        (("cover",), data.get("cover")),
    ]
    for name, key in (("highlights", "image"), ("partnerships", "logo")):
        entries = data.get(name)
        if isinstance(entries, list):
            named += [
                ((name, i, key), entry.get(key))
                for i, entry in enumerate(entries)
                if isinstance(entry, dict)
            ]
    for loc, ref in named:
        if isinstance(ref, str) and is_image_path(ref):
            yield loc, ref.strip()


def _check_images(
    refs: Iterable[tuple[Loc, str]], doc: Document, root: Path, memory: Memory | None
) -> tuple[dict[str, ImageFacts], list[Problem]]:
    images: dict[str, ImageFacts] = {}
    problems: list[Problem] = []
    for loc, ref in refs:
        checked = check_image(doc, loc, ref, root, memory)
        if isinstance(checked, Problem):
            problems.append(checked)
        else:
            images[ref] = checked
    return images, problems
