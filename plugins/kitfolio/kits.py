"""Load every kit of a folder: parse, validate, check images, derive warnings.

One run reports every problem of every kit, so a creator fixes them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import Memory
from .errors import PATH_SHOWN, Problem, cut, printable, shown_path
from .fields import is_image_path, is_slug
from .figures import inconsistencies
from .images import ImageFacts, ImageProblem, inspect
from .load import Document, Loc, load
from .model import Kit
from .validate import check

SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class LoadedKit:
    """A valid kit with where it came from and its checked images; ``doc`` keeps the positions
    of the image fields only."""

    slug: str
    path: Path
    kit: Kit
    doc: Document
    images: dict[str, ImageFacts] = field(default_factory=dict)

    def image(self, ref: str | None) -> ImageFacts | None:
        """The checked image a kit field names."""
        return self.images.get(ref) if ref else None


@dataclass
class Roster:
    """The kits of a site, sorted by name, and every problem found while loading them."""

    kits: list[LoadedKit]
    problems: list[Problem]

    def by_slug(self, slug: str) -> LoadedKit | None:
        return next((k for k in self.kits if k.slug == slug), None)


def kit_files(folder: Path) -> list[Path]:
    """The kit files of a folder (not its subfolders), in name order.

    Hidden files (editor backups such as ``.ava.yml``) are not kits. A ``.YML`` file is
    listed so that loading it can say that its name is wrong rather than skip it silently.
    """
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def load_roster(paths: Iterable[Path], root: Path, memory: Memory | None = None) -> Roster:
    """Load kit files; ``root`` is the project folder that names are shown against.

    ``memory`` (the build cache) remembers which images were checked, so an unchanged photo is
    not decoded again on the next build.
    """
    kits: list[LoadedKit] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in paths:
        display = shown_path(path, root)
        slug = path.stem
        if not is_slug(slug) or path.suffix not in SUFFIXES:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "(file name)",
                    "expected a file name of lowercase letters, digits and hyphens ending in "
                    f".yml, such as {_suggest(slug)}.yml; got {path.name!r}",
                )
            )
            continue
        if slug in seen:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "(file name)",
                    f"slug {slug!r} is already used by {shown_path(seen[slug], root)}",
                )
            )
            continue
        seen[slug] = path
        loaded, found = load_kit(path, display, root, memory)
        problems += sorted(found, key=lambda p: (p.line, p.column))
        if loaded is not None:
            kits.append(loaded)
    kits.sort(key=lambda k: (k.kit.name.casefold(), k.slug))
    return Roster(kits, problems)


def load_kit(
    path: Path, display: str, root: Path, memory: Memory | None = None
) -> tuple[LoadedKit | None, list[Problem]]:
    """Load one kit file; the kit is None when it has errors."""
    doc, syntax = load(path, display)
    if doc.data is None and syntax:
        return None, syntax
    kit, invalid = check(doc)
    if kit is None:
        # Images named by an invalid kit are checked too, so one run reports every problem.
        _, unusable = _check_images(_raw_image_refs(doc.data), doc, root, memory)
        return None, syntax + invalid + unusable
    images, unusable = _check_images(image_refs(kit), doc, root, memory)
    warnings = [doc.problem(i.loc, i.message, severity="warning") for i in inconsistencies(kit)]
    problems = syntax + unusable
    if problems:
        return None, problems + warnings
    located = doc.only(loc for loc, _ in image_refs(kit))
    return LoadedKit(path.stem, path, kit, located, images), warnings


def image_refs(kit: Kit) -> Iterator[tuple[Loc, str]]:
    """Every image a kit names, with the field that names it."""
    if kit.avatar:
        yield ("avatar",), kit.avatar
    if kit.cover:
        yield ("cover",), kit.cover
    for index, highlight in enumerate(kit.highlights):
        if highlight.image:
            yield ("highlights", index, "image"), highlight.image


def _raw_image_refs(data: Any) -> Iterator[tuple[Loc, str]]:
    """The image paths of a kit that did not validate, where they are well-formed paths."""
    if not isinstance(data, dict):
        return
    named: list[tuple[Loc, Any]] = [
        (("avatar",), data.get("avatar")),
        (("cover",), data.get("cover")),
    ]
    highlights = data.get("highlights")
    if isinstance(highlights, list):
        named += [
            (("highlights", i, "image"), h.get("image"))
            for i, h in enumerate(highlights)
            if isinstance(h, dict)
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
        target = (doc.path.parent / ref).resolve()
        if not target.is_relative_to(root.resolve()):
            message = f"expected an image inside the project, got {cut(ref, PATH_SHOWN)!r}"
            problems.append(doc.problem(loc, message))
            continue
        try:
            images[ref] = inspect(target, memory)
        except ImageProblem as exc:
            problems.append(doc.problem(loc, f"{printable(ref, PATH_SHOWN)}: {exc}"))
    return images, problems


def _suggest(stem: str) -> str:
    """A slug close to a file name that is not one: ``Ava_Green`` → ``ava-green``."""
    words = re.findall(r"[a-z0-9]+", stem.lower())
    return "-".join(words) or "ava-green"
