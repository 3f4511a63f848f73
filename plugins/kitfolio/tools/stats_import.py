"""``kitfolio stats import``: bring a kit's figures up to date from an analytics export.

The new kit is checked exactly as a build checks it before anything is written, and is written
all at once, so a bad export never leaves a broken or half-written kit behind.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from kitfolio.derive.figures import inconsistencies
from kitfolio.errors import Problem, errors
from kitfolio.model.kit import Kit, Platform
from kitfolio.model.validate import check
from kitfolio.sources.documents import Document, parse
from kitfolio.sources.kits import load_kit
from kitfolio.tools import kit_edit
from kitfolio.tools.stats_formats import AVERAGES, FIGURES, read
from kitfolio.tools.stats_table import Reading

PLATFORM_ORDER = tuple(Platform.model_fields)
KIT_ORDER = tuple(Kit.model_fields)


@dataclass(frozen=True)
class Update:
    """The new figures for one platform of the kit."""

    index: int
    network: str
    followers: tuple[date, int] | None
    figures: dict[str, int | float]
    figures_date: date | None
    history: dict[date, int]


@dataclass
class Outcome:
    """What an import would do: the new text and its diff, or the problems that stop it."""

    display: str
    layout: str | None = None
    before: str = ""
    after: str = ""
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return not self.problems and self.after != self.before

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.display}",
                tofile=f"b/{self.display}",
            )
        )


def display_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def plan(
    kit_path: Path,
    csv_path: Path,
    root: Path,
    *,
    as_of: date,
    network: str | None = None,
    forced: str | None = None,
) -> Outcome:
    """The kit as the export would leave it; ``as_of`` dates figures the file does not date."""
    display = display_name(kit_path, root)
    outcome = Outcome(display)
    loaded, found = load_kit(kit_path, display, root)
    if loaded is None:
        outcome.problems = [*found, Problem(display, 1, 1, "(kit)", _FIX_FIRST)]
        return outcome
    kit = loaded.kit
    csv_display = display_name(csv_path, root)
    layout, readings, problems = read(csv_path, csv_display, forced)
    outcome.layout = layout.title if layout else None
    if errors(problems):
        outcome.problems = problems
        return outcome
    try:
        outcome.before = kit_path.read_text(encoding="utf-8")
        editable = kit_edit.EditableKit(outcome.before)
    except kit_edit.LayoutError as exc:
        outcome.problems = [Problem(display, exc.line, 1, "(layout)", str(exc))]
        return outcome
    except (OSError, UnicodeDecodeError) as exc:
        outcome.problems = [Problem(display, 1, 1, "(file)", f"cannot read the kit: {exc}")]
        return outcome
    updates: list[Update] = []
    for reading in readings:
        update = _update(
            kit,
            reading,
            network,
            csv_display,
            display,
            as_of,
            outcome,
            generic=layout is not None and layout.name == "generic",
        )
        if update is not None:
            updates.append(update)
    if not outcome.problems and not updates:
        wanted = f" for {network}" if network else ""
        outcome.problems.append(
            Problem(csv_display, 1, 1, "(rows)", f"expected figures{wanted}, found none")
        )
    if outcome.problems:
        return outcome
    stats_as_of = _apply(editable, kit, updates)
    outcome.after = editable.text()
    outcome.notes += _not_updated(kit, updates, stats_as_of)
    _validate(outcome, kit_path, display)
    return outcome


_FIX_FIRST = "expected a valid kit to update: fix the errors above first (kitfolio check)"


def _update(
    kit: Kit,
    reading: Reading,
    network: str | None,
    csv_display: str,
    display: str,
    as_of: date,
    outcome: Outcome,
    *,
    generic: bool,
) -> Update | None:
    """The figures ``reading`` gives for its platform, or None (with a problem) if it cannot."""

    def fail(file: str, where: str, message: str) -> None:
        outcome.problems.append(Problem(file, 1, 1, where, message))

    target = reading.network or network
    if target is None:
        fail(csv_display, "platform", "expected a platform column or --platform NAME")
        return None
    if network and target != network:
        if not generic:
            fail(csv_display, "(layout)", f"expected a {network} export, got one for {target}")
        return None
    index = _platform_index(kit, target, display, outcome)
    if index is None:
        return None
    platform = kit.platforms[index]
    since = kit.stats_as_of or date.min
    series: list[tuple[date, int]] | None = list(reading.followers)
    if reading.changes:
        series = _totals(reading.changes, platform.followers, since, csv_display, outcome)
    if series is None:
        return None
    if reading.changes:
        outcome.notes.append(
            f"platforms[{index}] {target}: followers counted from the kit's {platform.followers} "
            f"on {since} plus the net subscriber change of each day after it"
        )
    current = series[-1] if series and series[-1][0] >= since else None
    history = _monthly(dict(series))
    if current is not None:
        history = {d: n for d, n in history.items() if (d.year, d.month) != _month(current[0])}
    figures, figures_date = _figures(reading, f"platforms[{index}] {target}", since, as_of, outcome)
    if current is None and not figures and not history:
        outcome.notes.append(
            f"platforms[{index}] {target}: the file holds nothing newer than the kit's "
            f"stats_as_of {since}"
        )
    return Update(index, target, current, figures, figures_date, history)


def _platform_index(kit: Kit, target: str, display: str, outcome: Outcome) -> int | None:
    """The kit's one platform on ``target``'s network, or None (with a problem)."""
    matches = [i for i, p in enumerate(kit.platforms) if p.network.value == target]
    if len(matches) == 1:
        return matches[0]
    message = (
        f"expected a {target} platform to update; add it to the kit first"
        if not matches
        else f"expected one {target} platform to update, got {len(matches)}; "
        "import into a kit with one platform per network"
    )
    outcome.problems.append(Problem(display, 1, 1, "platforms", message))
    return None


def _figures(
    reading: Reading, where: str, since: date, as_of: date, outcome: Outcome
) -> tuple[dict[str, int | float], date | None]:
    """The file's averages and their date, unless they are older than the kit's own."""
    figures_date = reading.figures_date or (as_of if reading.figures else None)
    if not reading.figures or figures_date is None:
        return {}, None
    if figures_date < since:
        outcome.notes.append(
            f"{where}: the file's averages are from {figures_date}, older than the kit's "
            f"stats_as_of {since}; they were not used"
        )
        return {}, None
    if reading.figures_date is None:
        outcome.notes.append(
            f"{where}: the export does not say when its figures were measured; they are dated "
            f"{figures_date} (--as-of, default today)"
        )
    return {k: int(v) if k in AVERAGES else v for k, v in reading.figures.items()}, figures_date


def _totals(
    changes: tuple[tuple[date, int], ...],
    base: int,
    since: date,
    csv_display: str,
    outcome: Outcome,
) -> list[tuple[date, int]] | None:
    """Follower counts from net daily changes, counted on from the kit's own figure."""
    after = [(d, n) for d, n in changes if d > since]
    if not after:
        return []
    expected = since + timedelta(days=1)
    running = base
    totals = []
    for day, change in after:
        if day != expected:
            outcome.problems.append(
                Problem(
                    csv_display,
                    1,
                    1,
                    "date",
                    f"expected a row for every day from {since + timedelta(days=1)} (the day after "
                    f"the kit's stats_as_of), got none for {expected}: subscriber counts cannot be "
                    "carried across a gap; export a range that starts on or before that day",
                )
            )
            return None
        running = max(running + change, 0)
        totals.append((day, running))
        expected = day + timedelta(days=1)
    return totals


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _monthly(points: dict[date, int]) -> dict[date, int]:
    """At most one point per calendar month, the latest of it, so daily exports stay readable."""
    latest: dict[tuple[int, int], date] = {}
    for day in points:
        month = _month(day)
        if month not in latest or day > latest[month]:
            latest[month] = day
    return {day: points[day] for day in sorted(latest.values())}


def _apply(editable: kit_edit.EditableKit, kit: Kit, updates: list[Update]) -> date | None:
    """Write the updates into the round-trip tree; returns the kit's new stats_as_of."""
    data = editable.data
    dates = [u.followers[0] for u in updates if u.followers] + [
        u.figures_date for u in updates if u.figures_date
    ]
    stats_as_of = max([d for d in (kit.stats_as_of, *dates) if d is not None], default=None)
    for update in updates:
        node: CommentedMap = data["platforms"][update.index]
        if update.followers:
            kit_edit.set_value(node, "followers", update.followers[1], PLATFORM_ORDER)
        for name in FIGURES:
            if name in update.figures:
                kit_edit.set_value(node, name, update.figures[name], PLATFORM_ORDER)
        if update.history:
            _merge_history(node, update.history)
    if stats_as_of is not None and stats_as_of != kit.stats_as_of:
        kit_edit.set_value(data, "stats_as_of", stats_as_of, KIT_ORDER)
    return stats_as_of


def _merge_history(node: CommentedMap, points: dict[date, int]) -> None:
    """Add points to ``history`` by date; a point on a date already listed replaces its count."""
    if "history" not in node:
        order = ("network", "handle", "name", "url", "followers", "history")
        kit_edit.insert(node, kit_edit.position(node, "history", order), "history", CommentedSeq())
    entries: Any = node["history"]
    by_date: dict[str, CommentedMap] = {
        str(entry["date"]): entry
        for entry in entries
        if isinstance(entry, CommentedMap) and "date" in entry
    }
    flow = all(entry.fa.flow_style() for entry in by_date.values()) if by_date else True
    for day, count in sorted(points.items()):
        existing = by_date.get(day.isoformat())
        if existing is not None:
            kit_edit.set_value(existing, "followers", count, ("date", "followers"))
            continue
        entry = kit_edit.flow_map([("date", day), ("followers", count)])
        if not flow:
            entry.fa.set_block_style()
        later = [i for i, e in enumerate(entries) if _entry_date(e) > day]
        if later:
            entries.insert(later[0], entry)
        else:
            kit_edit.append(entries, entry)


def _entry_date(entry: Any) -> date:
    if isinstance(entry, CommentedMap):
        try:
            return date.fromisoformat(str(entry.get("date")))
        except ValueError:
            pass
    return date.min


def _not_updated(kit: Kit, updates: list[Update], stats_as_of: date | None) -> list[str]:
    """Figures that now carry a newer stats_as_of than they were measured on."""
    if stats_as_of is None or stats_as_of == kit.stats_as_of:
        return []
    fresh: dict[int, set[str]] = {}
    for update in updates:
        names = fresh.setdefault(update.index, set())
        if update.followers and update.followers[0] == stats_as_of:
            names.add("followers")
        if update.figures_date == stats_as_of:
            names.update(update.figures)
    notes = []
    for index, platform in enumerate(kit.platforms):
        stale = [
            name
            for name in ("followers", *FIGURES, "open_rate")
            if getattr(platform, name) is not None and name not in fresh.get(index, set())
        ]
        if stale:
            notes.append(
                f"platforms[{index}] {platform.network.value}: {', '.join(stale)} not in the file; "
                f"still the figures of {kit.stats_as_of}, now shown as of {stats_as_of}"
            )
    return notes


def _validate(outcome: Outcome, kit_path: Path, display: str) -> None:
    """Check the new text as a build would; its errors stop the write."""
    doc, syntax = parse(outcome.after, Document(kit_path, display, None))
    kit, invalid = check(doc) if doc.data is not None else (None, [])
    if syntax or invalid or kit is None:
        outcome.problems = [
            *syntax,
            *invalid,
            Problem(
                display, 1, 1, "(kit)", "expected the updated kit to be valid; nothing written"
            ),
        ]
        return
    outcome.warnings = [
        doc.problem(item.loc, item.message, severity="warning") for item in inconsistencies(kit)
    ]
