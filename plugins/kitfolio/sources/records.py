"""Source files that each hold one record of a format (a pitch, a campaign): read and checked
the same way, so that every kind reports a bad file alike."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from kitfolio.errors import Problem
from kitfolio.model.validate import check_model, not_a_mapping
from kitfolio.sources.documents import Document, load
from kitfolio.sources.files import Source, checked_sources

M = TypeVar("M", bound=BaseModel)


def read_records(
    paths: Iterable[Path], root: Path, model: type[M], what: str, problems: list[Problem]
) -> Iterator[tuple[Source, Document, M]]:
    """Each file of ``paths`` that reads as a valid ``model``, with its source and document;
    what stops the others goes into ``problems`` (names, places, YAML, fields)."""
    sources, refused = checked_sources(paths, root)
    problems += refused
    for source in sources:
        doc, found = load(source.path, source.display)
        if found:
            problems += found
            continue
        if not isinstance(doc.data, dict):
            problems.append(not_a_mapping(doc, what, f"{what} fields (kit, brand, ...)"))
            continue
        record, found = check_model(doc, model, doc.data)
        if record is None:
            problems += found
            continue
        yield source, doc, record
