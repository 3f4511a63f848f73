"""The files a project's sources name: kit and pitch files, and the images they point to.

Kits and pitches may be written by strangers, so a source is read only from inside the project
folder (a link to a file elsewhere is refused, not followed), and its file name is its URL, so
one rule checks the names of both. Messages say which file is wrong, never what a refused file
holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kitfolio.cache import Memory
from kitfolio.errors import PATH_SHOWN, Problem, cut, printable, shown_path
from kitfolio.media.image_checks import ImageFacts, ImageProblem, inspect
from kitfolio.model.fields import is_slug
from kitfolio.sources.documents import Document, Loc

SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Source:
    """A source file whose name and place are fine: its slug, path and name as shown."""

    slug: str
    path: Path
    display: str


@dataclass(frozen=True)
class LocatedImage:
    """A checked image and the YAML field that names it, so a later problem is located there.

    ``owner`` is who the image belongs to: a kit's slug, or ``agency``.
    """

    owner: str
    doc: Document
    loc: Loc
    ref: str
    facts: ImageFacts


def source_files(folder: Path) -> list[Path]:
    """The YAML files of a folder (not its subfolders), in name order.

    Hidden files (editor backups such as ``.ava.yml``) are not sources. A ``.YML`` file or a
    broken link is listed so that checking it can say what is wrong rather than skip it.
    """
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SUFFIXES
        and not p.name.startswith(".")
        and (p.is_file() or p.is_symlink())
    )


def checked_sources(paths: Iterable[Path], root: Path) -> tuple[list[Source], list[Problem]]:
    """The files of ``paths`` that may be read: named as a slug, inside ``root``, one per slug."""
    accepted: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    resolved = functools.cache(Path.resolve)
    for path in paths:
        shown = shown_path(path, root, resolved)
        slug = path.stem
        if not is_slug(slug) or path.suffix not in SUFFIXES:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "(file name)",
                    "expected a file name of lowercase letters, digits and hyphens ending in "
                    f".yml, such as {_suggest(slug)}.yml; got {path.name!r}",
                )
            )
            continue
        if not path.resolve().is_relative_to(resolved(root)):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "(file)",
                    "expected a file inside the project folder, got a link to a file outside "
                    "it; it was not read",
                )
            )
            continue
        if slug in seen:
            problems.append(
                Problem(
                    shown, 1, 1, "(file name)", f"slug {slug!r} is already used by {seen[slug]}"
                )
            )
            continue
        seen[slug] = shown
        accepted.append(Source(slug, path, shown))
    return accepted, problems


def check_image(
    doc: Document, loc: Loc, ref: str, root: Path, memory: Memory | None = None
) -> ImageFacts | Problem:
    """The image that field ``loc`` of ``doc`` names (relative to the file), or why not.

    An image outside the project is refused before it is opened, like a source file.
    """
    target = (doc.path.parent / ref).resolve()
    if not target.is_relative_to(root.resolve()):
        return doc.problem(
            loc, f"expected an image inside the project, got {cut(ref, PATH_SHOWN)!r}"
        )
    try:
        return inspect(target, memory)
    except ImageProblem as exc:
        return doc.problem(loc, f"{printable(ref, PATH_SHOWN)}: {exc}")


def published_as_is(images: Iterable[LocatedImage], docs_dir: Path) -> list[Problem]:
    """Warnings for images inside ``docs_dir``, which the engine publishes untouched beside the
    pictures drawn from them: the original, with its EXIF (a GPS position), one URL away."""
    folder = docs_dir.resolve()
    return [
        image.doc.problem(
            image.loc,
            f"{image.ref}: is inside docs_dir, so it is also published as it is, metadata "
            "included; keep the images that kits name outside docs_dir",
            severity="warning",
        )
        for image in images
        if image.facts.path.resolve().is_relative_to(folder)
    ]


def _suggest(stem: str) -> str:
    """A slug close to a file name that is not one: ``Ava_Green`` → ``ava-green``."""
    words = re.findall(r"[a-z0-9]+", stem.lower())
    return "-".join(words) or "ava-green"
