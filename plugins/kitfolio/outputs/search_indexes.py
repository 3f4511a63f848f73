"""One search index per language: a reader of the Spanish pages searches the Spanish pages.

Engine-neutral: the search plugin writes one index (``search/search_index.json``: ``config`` and
``docs`` with ``location`` from the site root) and this module splits it by the languages'
folders. Each language's index sits in its folder (``es/search/search_index.json``) with the
locations from there, so a page whose search starts from that folder finds it, and with that
language's search settings (stemmer, separator, pipeline). Unlisted pages (pitches, reports,
protected pages) are in none.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

INDEX = "search/search_index.json"
"""Where the search plugin writes the index, from the site root (and from each folder here)."""


def write_indexes(
    site_dir: Path,
    prefixes: Mapping[str, str],
    unlisted: Collection[str] = (),
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Split the index the search plugin wrote in ``site_dir`` (if one did) into each language's
    folder; see ``split_index``."""
    index = site_dir / INDEX
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for folder, part in split_index(data, prefixes, unlisted, settings).items():
        path = site_dir / folder / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")


def split_index(
    index: Mapping[str, Any],
    prefixes: Mapping[str, str],
    unlisted: Collection[str] = (),
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each language's folder (``""`` for the first, ``es/``) → its index. ``prefixes`` maps each
    language to its folder, the first first; ``settings`` a language to the ``config`` entries
    its index says otherwise (``lang``, ``separator``, ``pipeline``)."""
    config = dict(index.get("config") or {})
    folders = {prefix: language for language, prefix in prefixes.items()}
    docs: dict[str, list[dict[str, Any]]] = {prefix: [] for prefix in folders}
    for doc in index.get("docs") or []:
        location = str(doc.get("location", ""))
        if location.split("#")[0] in unlisted:
            continue
        folder = _folder(location, folders)
        moved = {**doc, "location": location[len(folder) :]} if folder else doc
        docs.setdefault(folder, []).append(moved)
    chosen = settings or {}
    return {
        folder: {"config": {**config, **chosen.get(folders.get(folder, ""), {})}, "docs": found}
        for folder, found in docs.items()
    }


def _folder(location: str, folders: Mapping[str, str]) -> str:
    """The language folder a location is in; the first language's (``""``) for any other."""
    return next((f for f in folders if f and location.startswith(f)), "")
