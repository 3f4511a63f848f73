"""How old each kit's figures are, so an agency sees at a glance whose kit needs an update."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kitfolio.derive.figures import age_in_days, is_stale
from kitfolio.errors import errors
from kitfolio.model.validate import check
from kitfolio.sources.documents import load


@dataclass(frozen=True)
class Freshness:
    """One kit's stats date and age; ``problem`` is set when the kit cannot be read."""

    display: str
    name: str | None = None
    stats_as_of: date | None = None
    age_days: int | None = None
    stale: bool = False
    problem: str | None = None


def survey(
    paths: list[Path], displays: list[str], today: date, stale_after_days: int
) -> list[Freshness]:
    """Every kit's freshness, the stalest first and unreadable kits last."""
    found = []
    for path, display in zip(paths, displays, strict=True):
        doc, syntax = load(path, display)
        kit, invalid = check(doc) if doc.data is not None else (None, [])
        failing = errors([*syntax, *invalid])
        if kit is None or failing:
            count = len(failing) or 1
            found.append(Freshness(display, problem=f"{count} error(s): run kitfolio check"))
            continue
        found.append(
            Freshness(
                display,
                kit.name,
                kit.stats_as_of,
                age_in_days(kit, today),
                is_stale(kit, today, stale_after_days),
            )
        )
    return sorted(found, key=lambda f: (f.problem is not None, -(f.age_days or 0), f.display))
