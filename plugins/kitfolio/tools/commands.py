"""The creator tools' subcommands: ``kitfolio stats``, ``kitfolio stats import`` and
``kitfolio advise``. The CLI adds them with ``add_commands`` and runs them with ``run``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kitfolio import clock
from kitfolio.errors import errors
from kitfolio.model.kit import Network
from kitfolio.sources.kits import kit_files, load_kit, named_kit_files
from kitfolio.tools import advice_text, advise, freshness, kit_edit, stats_import
from kitfolio.tools.rate_bands import DEFAULT_FILE, load_rate_data
from kitfolio.tools.stats_formats import LAYOUTS, NAMES

STALE_AFTER_DAYS = 90


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``stats`` and ``advise`` to the ``kitfolio`` parser's subcommands."""
    stats = commands.add_parser(
        "stats",
        help="how old each kit's figures are; 'stats import FILE --kit KIT' updates a kit",
        description="List each kit's stats_as_of and age, the stalest first.",
    )
    stats.add_argument(
        "--kits-dir", type=Path, default=Path("kits"), help="the kits to list (default: kits/)"
    )
    stats.add_argument(
        "--stale-after",
        type=_days,
        default=STALE_AFTER_DAYS,
        metavar="DAYS",
        help=f"figures older than this are stale (default {STALE_AFTER_DAYS})",
    )
    actions = stats.add_subparsers(dest="stats_command")
    layouts = "; ".join(f"{layout.name}: {layout.title}" for layout in LAYOUTS)
    update = actions.add_parser(
        "import",
        help="update a kit's figures from an analytics export (CSV)",
        description=f"Update a kit from a CSV export. Layouts: {layouts}.",
    )
    update.add_argument("file", type=Path, help="the CSV export")
    update.add_argument("--kit", type=Path, required=True, help="the kit to update")
    update.add_argument(
        "--platform",
        choices=[n.value for n in Network],
        help="the platform to update (needed when the file does not say)",
    )
    update.add_argument("--format", choices=NAMES, help="the layout, when not told from the header")
    update.add_argument(
        "--as-of",
        type=_date,
        help="the date of figures the export does not date (default: today)",
    )
    update.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    counsel = commands.add_parser(
        "advise",
        help="compare a kit's prices with published bands (printed for you, never published)",
    )
    counsel.add_argument(
        "paths", nargs="*", type=Path, help="kit files or folders (default: kits/)"
    )
    counsel.add_argument(
        "--bands",
        type=Path,
        default=DEFAULT_FILE,
        help="a rate data file (default: the bundled one)",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run a creator tool's subcommand; None when ``args`` names another command."""
    try:
        if args.command == "stats" and args.stats_command == "import":
            return _import(args)
        if args.command == "stats":
            return _survey(args.kits_dir, args.stale_after)
        if args.command == "advise":
            return _advise(args.paths or [Path("kits")], args.bands)
    except clock.ClockError as exc:
        print(exc, file=sys.stderr)
        return 2
    return None


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}")
    return int(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _import(args: argparse.Namespace) -> int:
    for path in (args.file, args.kit):
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    as_of = args.as_of or clock.today()
    outcome = stats_import.plan(
        args.kit, args.file, Path.cwd(), as_of=as_of, network=args.platform, forced=args.format
    )
    for problem in sorted(outcome.problems):
        print(f"{problem} [error]", file=sys.stderr)
    if outcome.problems:
        print(f"{outcome.display}: nothing written", file=sys.stderr)
        return 1
    if outcome.layout:
        print(f"{args.file}: read as {outcome.layout}", file=sys.stderr)
    for note in outcome.notes:
        print(f"note: {note}", file=sys.stderr)
    for warning in outcome.warnings:
        print(f"{warning} [warning]", file=sys.stderr)
    if not outcome.changed:
        print(f"{outcome.display}: already up to date; nothing written")
        return 0
    sys.stdout.write(outcome.diff())
    if args.dry_run:
        print(f"{outcome.display}: dry run; nothing written")
        return 0
    kit_edit.write_atomically(args.kit, outcome.after)
    print(f"wrote {outcome.display}")
    return 0


def _survey(kits_dir: Path, stale_after: int) -> int:
    paths = kit_files(kits_dir)
    if not paths:
        print(f"{kits_dir}: no kits", file=sys.stderr)
        return 2
    today = clock.today()
    displays = [stats_import.display_name(p, Path.cwd()) for p in paths]
    rows = freshness.survey(paths, displays, today, stale_after)
    width = max(len(r.display) for r in rows)
    print(f"{'kit':<{width}}  stats as of  {'age':>8}  status   (today {today})")
    for row in rows:
        if row.problem:
            print(f"{row.display:<{width}}  {'-':<11}  {'-':>8}  cannot read: {row.problem}")
            continue
        age = f"{row.age_days} d" if row.age_days is not None else "-"
        status = (
            f"stale (over {stale_after} days): kitfolio stats import FILE --kit {row.display}"
            if row.stale
            else "fresh"
        )
        print(f"{row.display:<{width}}  {row.stats_as_of!s:<11}  {age:>8}  {status}")
    stale = sum(r.stale for r in rows)
    unreadable = sum(r.problem is not None for r in rows)
    fresh = len(rows) - stale - unreadable
    print(
        f"{len(rows)} kit{'s' if len(rows) != 1 else ''}: {stale} stale, {fresh} fresh"
        + (f", {unreadable} unreadable" if unreadable else "")
    )
    return 0


def _advise(paths: list[Path], bands: Path) -> int:
    data, problems = load_rate_data(bands)
    if data is None:
        for problem in problems:
            print(f"{problem} [error]", file=sys.stderr)
        return 1
    try:
        targets = named_kit_files(paths)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    print("For your eyes only: this is printed here and never written into the site.\n")
    failed = False
    for path in targets:
        display = stats_import.display_name(path, Path.cwd())
        loaded, found = load_kit(path, display, Path.cwd())
        for problem in errors(found):
            print(f"{problem} [error]", file=sys.stderr)
        if loaded is None:
            failed = True
            continue
        sys.stdout.write(advice_text.render(advise.advise(loaded.kit, display, data)) + "\n")
    return 1 if failed else 0
