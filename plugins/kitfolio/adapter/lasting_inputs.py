"""What a page's HTML depends on beyond one process, for pages kept between builds on disk.

Within one ``mkdocs serve`` process the code, the installed packages and the parsed
configuration cannot change; between two ``mkdocs build`` runs they can. So a stored page is
also named by the Python and the packages installed (their ``dist-info`` names carry the
versions), Kitfolio's own code, the bytes of every theme folder outside an installed package
(Kitfolio's, the site's ``custom_dir``), the code of plugins and hooks outside installed
packages, and the whole configuration as MkDocs resolved it (``!ENV`` values and ``INHERIT``
included).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

import kitfolio
from kitfolio.cache import digest

_DEPTH = 12
"""How deep a configuration value is spelled out; deeper is named by its type."""


def lasting_digest(config: MkDocsConfig, theme_folders: Iterable[str]) -> str:
    """The digest of what the process and the project's code add to a page's inputs.
    ``theme_folders`` are the theme folders outside installed packages."""
    return digest(
        code_digest(),
        *(folder_digest(Path(folder)) for folder in theme_folders),
        *code_outside_packages(config),
        stable(dict(config.items())),
    )


def code_digest() -> str:
    """The Python, the packages installed and Kitfolio's own code: what a kept view, formatted
    by that code, depends on beyond its inputs."""
    return digest(
        sys.version, repr(installed()), folder_digest(Path(kitfolio.__file__).parent, "*.py")
    )


def installed() -> list[str]:
    """The name and version of every distribution on ``sys.path``, from its folder's name."""
    found: list[str] = []
    for entry in dict.fromkeys(sys.path):
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.extend(n for n in names if n.endswith((".dist-info", ".egg-info", ".pth")))
    return sorted(found)


def folder_digest(folder: Path, pattern: str = "*") -> str:
    """The names and bytes of the files under ``folder`` that match ``pattern``."""
    parts: list[str | bytes] = [str(folder)]
    for path in sorted(_files(folder, pattern)):
        try:
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
        except OSError:
            parts += [path.as_posix(), "unreadable"]
    return digest(*parts)


def _files(folder: Path, pattern: str) -> Iterator[Path]:
    return (p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def code_outside_packages(config: MkDocsConfig) -> list[str]:
    """A digest of each plugin's and hook's module file that no installed package holds (a
    package's code changes with its version, named by ``installed``)."""
    packages = _installed_folders()
    shown = []
    for name, plugin in config.plugins.items():
        module = sys.modules.get(type(plugin).__module__)
        file = getattr(plugin, "__file__", None) or getattr(module, "__file__", None)
        if not file:
            shown.append(digest(name, type(plugin).__qualname__))
            continue
        resolved = os.path.realpath(file)
        if any(resolved.startswith(folder) for folder in packages):
            continue
        try:
            shown.append(digest(name, Path(resolved).read_bytes()))
        except OSError:
            shown.append(digest(name, resolved, "unreadable"))
    return shown


def _installed_folders() -> list[str]:
    ends = ("site-packages", "dist-packages")
    return [os.path.realpath(p) + os.sep for p in sys.path if p.endswith(ends)]


def stable(value: Any, depth: int = 0) -> str:
    """``value`` spelled out the same in every process: mappings sorted, objects by their
    settings, and anything whose ``repr`` names a memory address by its type alone."""
    if depth > _DEPTH:
        return type(value).__qualname__
    if value is None or isinstance(value, str | int | float | bool | bytes):
        return repr(value)
    if isinstance(value, Mapping):
        items = sorted((str(k), stable(v, depth + 1)) for k, v in value.items())
        return f"{type(value).__qualname__}{{{', '.join(f'{k}: {v}' for k, v in items)}}}"
    if isinstance(value, list | tuple):
        return f"[{', '.join(stable(v, depth + 1) for v in value)}]"
    settings = getattr(value, "config", None)
    if isinstance(settings, Mapping):  # a plugin: its options
        return f"{type(value).__qualname__}({stable(settings, depth + 1)})"
    shown = repr(value)
    return type(value).__qualname__ if " at 0x" in shown else shown
