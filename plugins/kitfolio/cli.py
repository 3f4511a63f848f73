"""The ``kitfolio`` command: check kits, start a new one, print the schema.

It reports exactly what a build would, so a creator can fix a kit before pushing it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from string import Template

from kitfolio import clock
from kitfolio.errors import errors, warnings
from kitfolio.model.fields import is_slug
from kitfolio.model.schema import kit_schema_text
from kitfolio.outputs.feed import feed_schema_text
from kitfolio.present.formatting import Formatter
from kitfolio.public.kit_view import Settings
from kitfolio.public.site import build_site
from kitfolio.sources.files import SUFFIXES
from kitfolio.sources.kits import kit_files, read_kits
from kitfolio.sources.pitches import load_pitches, pitch_files
from kitfolio.tools import commands as creator_tools


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="kitfolio", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="report every error and warning of every kit")
    check.add_argument("paths", nargs="*", type=Path, help="kit files or folders (default: kits/)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--pitches",
        type=Path,
        default=Path("pitches"),
        help="pitches to check against the kits when no paths are given (default: pitches/)",
    )

    new = commands.add_parser("new", help="write a commented starter kit that passes check")
    new.add_argument("slug", help="lowercase letters, digits and hyphens: the page URL")
    new.add_argument("--kits-dir", type=Path, default=Path("kits"))
    new.add_argument("--name", help="the creator's name (default: from the slug)")

    schema = commands.add_parser("schema", help="print the JSON Schema of the kit format")
    schema.add_argument("--output", type=Path, help="write to a file instead of printing")
    schema.add_argument(
        "--feed", action="store_true", help="the data feed's schema (kits.json, kit.json) instead"
    )

    creator_tools.add_commands(commands)

    args = parser.parse_args(argv)
    ran = creator_tools.run(args)
    if ran is not None:
        return ran
    if args.command == "check":
        pitches = None if args.paths else args.pitches
        return _check(args.paths or [Path("kits")], strict=args.strict, pitches=pitches)
    if args.command == "new":
        return _new(args.slug, args.kits_dir, args.name)
    return _schema(args.output, feed=args.feed)


def _check(paths: list[Path], *, strict: bool, pitches: Path | None = None) -> int:
    targets: list[Path] = []
    for path in paths:
        if path.is_dir():
            targets += kit_files(path)
        elif path.is_file():
            targets.append(path)
        else:
            print(f"{path}: no such file or folder", file=sys.stderr)
            return 2
    roster = read_kits(targets, Path.cwd())
    problems = list(roster.problems)
    pitch_paths = pitch_files(pitches) if pitches else []
    if pitch_paths:
        site = build_site(roster, Settings())
        views = {view.slug: view for view in site.kits}
        known = [path.stem for path in targets]
        checked = load_pitches(pitch_paths, Path.cwd(), views, known, clock.today(), Formatter())
        problems += checked.problems
    for problem in sorted(problems):
        label = "warning" if problem.severity == "warning" else "error"
        print(f"{problem} [{label}]", file=sys.stderr)
    failing = errors(problems)
    cautions = warnings(problems)
    count = len(targets)
    also = (
        f" and {len(pitch_paths)} pitch{'es' if len(pitch_paths) != 1 else ''}"
        if pitch_paths
        else ""
    )
    print(
        f"{count} kit{'s' if count != 1 else ''}{also} checked: {len(failing)} error(s), "
        f"{len(cautions)} warning(s)"
    )
    return 1 if failing or (strict and cautions) else 0


def _new(slug: str, kits_dir: Path, name: str | None) -> int:
    if not is_slug(slug):
        print(
            f"{slug!r}: expected a slug of lowercase letters, digits and hyphens", file=sys.stderr
        )
        return 2
    if any((kits_dir / f"{slug}{suffix}").exists() for suffix in SUFFIXES):
        print(f"{kits_dir / slug}.yml already exists; nothing written", file=sys.stderr)
        return 1
    kits_dir.mkdir(parents=True, exist_ok=True)
    target = kits_dir / f"{slug}.yml"
    schema_file = kits_dir.parent / "schema" / "kit.schema.json"
    starter = files("kitfolio").joinpath("templates/starter.yml").read_text(encoding="utf-8")
    target.write_text(
        Template(starter).substitute(
            name=name or slug.replace("-", " ").title(),
            slug=slug,
            today=clock.today().isoformat(),
            kit_path=target.as_posix(),
            schema_path="../schema/kit.schema.json",
        ),
        encoding="utf-8",
    )
    print(f"wrote {target}")
    if not schema_file.exists():
        schema_file.parent.mkdir(parents=True, exist_ok=True)
        schema_file.write_text(kit_schema_text(), encoding="utf-8")
        print(f"wrote {schema_file} (editors use it to complete and check the kit)")
    return 0


def _schema(output: Path | None, *, feed: bool = False) -> int:
    text = feed_schema_text() if feed else kit_schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
