"""The kitfolio command: start a site, check kits, start a new kit, print the schema.

``check`` runs the same pipeline as a build (``pipeline.check``) on the project of the current
folder's mkdocs.yml, so it reports exactly what a build would and a creator can fix a kit before
pushing it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import yaml

from kitfolio import clock, starter
from kitfolio.errors import errors, warnings
from kitfolio.media.work import MediaError
from kitfolio.model.fields import is_slug
from kitfolio.model.schema import campaign_schema_text, kit_schema_text
from kitfolio.outputs.feed_contract import feed_schema_text
from kitfolio.pipeline import check, media_kit_pdf
from kitfolio.project import ProjectError, read_project
from kitfolio.sources.files import SUFFIXES
from kitfolio.sources.kits import named_kit_files
from kitfolio.tools import campaigns as campaign_tools
from kitfolio.tools import commands as creator_tools

DESCRIPTION = (
    "Start a media-kit site, check its kits, start a new kit, write a kit's PDF, print the "
    "kit format's schema. "
    "It reports exactly what a build would, so you can fix a kit before publishing it."
)

EXIT_STATUS = """\
exit status:
  0  done; no problems found
  1  problems found (errors, or warnings with --strict), or nothing written
  2  the command was used wrongly (an unknown option, a missing file, a bad value)
"""


def package_version() -> str:
    """Kitfolio's version, from the installed package's metadata."""
    try:
        return version("kitfolio")
    except PackageNotFoundError:
        return "unknown"


def parser() -> argparse.ArgumentParser:
    """The kitfolio command line, every command and option with its help."""
    parser = argparse.ArgumentParser(
        prog="kitfolio",
        description=DESCRIPTION,
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kitfolio {package_version()}",
        help="print Kitfolio's version and stop",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init",
        help="write a complete site to start from: mkdocs.yml, a starter kit, a publish workflow",
        description=(
            "Write a site that builds straight away: mkdocs.yml, an empty docs/ folder, a "
            "starter kit in kits/, .github/workflows/publish.yml, .gitignore and a README. "
            "At a terminal it asks for the site's name and address; otherwise it writes "
            "placeholders, which mkdocs build --strict and kitfolio check --strict name until "
            "they are replaced. It never overwrites a file unless told to with --force."
        ),
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="where to write the site (default: the current folder)",
    )
    init.add_argument("--site-name", help="the site's name, shown in every page's title")
    init.add_argument(
        "--site-url", help="the address the site will have, such as https://you.github.io/kit/"
    )
    init.add_argument(
        "--slug",
        help="the starter kit's file name and page address (default: from the site name)",
    )
    init.add_argument("--force", action="store_true", help="overwrite files that are already there")

    check = commands.add_parser(
        "check",
        help="report every error and warning of every kit, pitch and campaign",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", type=Path, help="kit files or folders (default: kits/)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--pitches",
        type=Path,
        help="pitches to check against the kits when no paths are given (default: the "
        "project's pitches_dir, pitches/)",
    )

    new = commands.add_parser("new", help="write a commented starter kit that passes check")
    new.add_argument("slug", help="lowercase letters, digits and hyphens: the page URL")
    new.add_argument(
        "--kits-dir", type=Path, default=Path("kits"), help="where to write it (default: kits/)"
    )
    new.add_argument("--name", help="the creator's name (default: from the slug)")

    schema = commands.add_parser("schema", help="print the JSON Schema of the kit format")
    schema.add_argument("--output", type=Path, help="write to a file instead of printing")
    schema.add_argument(
        "--feed", action="store_true", help="the data feed's schema (kits.json, kit.json) instead"
    )
    schema.add_argument(
        "--campaign", action="store_true", help="the campaign format's schema instead"
    )

    pdf = commands.add_parser(
        "pdf",
        help="write a kit's PDF media kit, the same file a build publishes",
        description=(
            "Write the PDF media kit of one kit (page 1 the media kit, page 2 the rate card, "
            "with the rates its visibility allows) from the project in the current folder, "
            "without building the site. A PDF a build already drew comes from the cache."
        ),
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pdf.add_argument("slug", help="the kit's slug: its file name in kits/ without .yml")
    pdf.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: <slug>-media-kit.pdf in the current folder)",
    )
    pdf.add_argument(
        "--language",
        metavar="TAG",
        help="the language of the PDF, one of the site's languages (default: the first)",
    )

    creator_tools.add_commands(commands)
    campaign_tools.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    ran = creator_tools.run(args)
    if ran is None:
        ran = campaign_tools.run(args)
    if ran is not None:
        return ran
    if args.command == "check":
        return _check(args.paths, strict=args.strict, pitches=args.pitches)
    if args.command == "new":
        return _new(args.slug, args.kits_dir, args.name)
    if args.command == "init":
        return _init(args)
    if args.command == "pdf":
        return _pdf(args.slug, args.output, args.language)
    return _schema(args.output, feed=args.feed, campaign=args.campaign)


def _check(paths: list[Path], *, strict: bool, pitches: Path | None = None) -> int:
    """Report what ``mkdocs build`` of the project in the current folder would: its kits (or
    only ``paths``), images, agency option and pitches, with its strictness."""
    try:
        targets = named_kit_files(paths) if paths else None
        project = read_project(Path("mkdocs.yml"))
        overrides: dict[str, Any] = {"strict": strict or project.strict}
        if pitches is not None:
            overrides["pitches_dir"] = str(pitches)
        project = replace(project, **overrides)
        checked = check(project, kit_paths=targets)
    except (ProjectError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in checked.problems:
        label = "warning" if problem.severity == "warning" else "error"
        print(f"{problem} [{label}]", file=sys.stderr)
    failing = errors(checked.problems)
    cautions = warnings(checked.problems)
    count = checked.kits
    extra = [
        f"{n} {word}{plural if n != 1 else ''}"
        for n, word, plural in (
            (checked.pitches, "pitch", "es"),
            (checked.campaigns, "campaign", "s"),
        )
        if n
    ]
    also = (", " + ", ".join(extra[:-1]) if extra[:-1] else "") + (
        f" and {extra[-1]}" if extra else ""
    )
    print(
        f"{count} kit{'s' if count != 1 else ''}{also} checked: {len(failing)} error(s), "
        f"{len(cautions)} warning(s)"
    )
    return 1 if checked.stopped else 0


def _pdf(slug: str, output: Path | None, language: str | None = None) -> int:
    """Write one kit's PDF media kit through the core pipeline (no MkDocs)."""
    target = output or Path(f"{slug}-media-kit.pdf")
    try:
        made = media_kit_pdf(read_project(Path("mkdocs.yml")), slug, target, language)
    except (ProjectError, LookupError) as exc:
        print(exc.args[0] if isinstance(exc, LookupError) else exc, file=sys.stderr)
        return 2
    except MediaError as exc:
        for problem in exc.problems:
            print(f"{problem} [error]", file=sys.stderr)
        return 1
    for problem in made.problems:
        label = "warning" if problem.severity == "warning" else "error"
        print(f"{problem} [{label}]", file=sys.stderr)
    if not made.written:
        print("nothing written", file=sys.stderr)
        return 1
    print(f"wrote {target} ({made.pages} page{'s' if made.pages != 1 else ''})")
    return 0


def _new(slug: str, kits_dir: Path, name: str | None) -> int:
    if not is_slug(slug):
        print(
            f"{slug!r}: expected a slug of lowercase letters, digits and hyphens", file=sys.stderr
        )
        return 2
    if any((kits_dir / f"{slug}{suffix}").exists() for suffix in SUFFIXES):
        print(f"{kits_dir / slug}.yml already exists; nothing written", file=sys.stderr)
        return 1
    for written in _write_starter_kit(kits_dir, slug, name or _title(slug)):
        print(f"wrote {written}")
    return 0


def _title(slug: str) -> str:
    return slug.replace("-", " ").title()


def _write_starter_kit(kits_dir: Path, slug: str, name: str) -> list[Path]:
    """Write the commented starter kit, and the kit schema beside ``kits_dir`` for editors."""
    kits_dir.mkdir(parents=True, exist_ok=True)
    target = kits_dir / f"{slug}.yml"
    schema_file = kits_dir.parent / "schema" / "kit.schema.json"
    target.write_text(
        _template("starter.yml").substitute(
            name=_yaml_scalar(name),
            slug=slug,
            today=clock.today().isoformat(),
            kit_path=target.as_posix(),
            schema_path="../schema/kit.schema.json",
            tagline=starter.kit_placeholder("tagline"),
            location=starter.kit_placeholder("location"),
            niche=starter.kit_placeholder("niche.primary"),
            email=starter.kit_placeholder("contact.email"),
            handle=starter.kit_placeholder("platforms.handle"),
            profile_url=starter.kit_placeholder("platforms.url"),
        ),
        encoding="utf-8",
    )
    written = [target]
    if not schema_file.exists():
        schema_file.parent.mkdir(parents=True, exist_ok=True)
        schema_file.write_text(kit_schema_text(), encoding="utf-8")
        written.append(schema_file)
    return written


def _template(name: str) -> Template:
    return Template(files("kitfolio").joinpath(f"templates/{name}").read_text(encoding="utf-8"))


SHOWCASE_PASSWORDS = {
    "KITFOLIO_PASSWORD_NORDVEI_PRIVATE": "kitfolio-showcase",
    "KITFOLIO_PASSWORD_LUMEN_WINTER": "kitfolio-showcase",
}
"""The showcase's protected pitch and report open with a password that is public on purpose
(README), so that anyone can build and open them; scripts/build sets the same."""
SHOWCASE_BUILD_ENV = """\
          # The showcase kits are sample data as of one day: built on that day, they never turn
          # stale. A creator's own site leaves KITFOLIO_TODAY unset, so stale figures fail it.
          KITFOLIO_TODAY: "2026-11-30"
          # The showcase's protected pitch has a public password, so a fork builds it too.
""" + "".join(f'          {name}: "{value}"\n' for name, value in SHOWCASE_PASSWORDS.items())
"""The showcase's build step dates its sample kits; a site from ``init`` has no such line."""


def publish_workflow(install: str, build_env: str = "") -> str:
    """The GitHub Pages workflow, installing Kitfolio with the ``install`` command; the
    showcase passes ``SHOWCASE_BUILD_ENV`` as ``build_env``."""
    return _template("init/publish.yml").substitute(install=install, build_env=build_env)


def pinned_install() -> str:
    """The pip command that installs this very version of Kitfolio from its repository."""
    return f'pip install "kitfolio @ git+{starter.REPOSITORY}@v{package_version()}"'


def _ask(question: str, given: str | None, placeholder: str) -> str:
    """``given`` when told; otherwise the answer of a person at the terminal, or the
    placeholder when nobody is there to answer (never waits for input)."""
    if given is not None:
        return given
    if not sys.stdin.isatty():
        return placeholder
    try:
        answer = input(f"{question} [{placeholder}]: ").strip()
    except EOFError:
        answer = ""
    return answer or placeholder


def _init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    site_name = _ask("Site name", args.site_name, starter.site_placeholder("site_name"))
    site_url = _ask("Site address (site_url)", args.site_url, starter.site_placeholder("site_url"))
    slug = args.slug or re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "my-kit"
    if not is_slug(slug):
        print(
            f"{slug!r}: expected a slug of lowercase letters, digits and hyphens", file=sys.stderr
        )
        return 2
    site_values = {"site_name": site_name, "site_url": site_url, "slug": slug}
    texts = {
        Path("mkdocs.yml"): _template("init/mkdocs.yml").substitute(
            site_name=_yaml_scalar(site_name), site_url=_yaml_scalar(site_url)
        ),
        Path("docs/.gitkeep"): "",
        Path(".github/workflows/publish.yml"): publish_workflow(pinned_install()),
        Path(".gitignore"): _template("init/gitignore").template,
        Path("README.md"): _template("init/README.md").substitute(
            site_values, repository=starter.REPOSITORY
        ),
    }
    kit_files_written = [Path("kits") / f"{slug}{suffix}" for suffix in SUFFIXES]
    there = [
        path
        for path in [*texts, *kit_files_written, Path("schema/kit.schema.json")]
        if (folder / path).exists()
    ]
    if there and not args.force:
        for path in there:
            print(f"{folder / path}: already there; use --force to overwrite", file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    for path, text in texts.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    if args.force:
        (folder / "schema" / "kit.schema.json").unlink(missing_ok=True)
    for written in _write_starter_kit(folder / "kits", slug, site_name):
        print(f"wrote {written}")
    print(
        f"next: cd {folder} && mkdocs serve; replace the placeholders, then mkdocs build --strict"
    )
    return 0


def _yaml_scalar(text: str) -> str:
    """``text`` as one YAML scalar, quoted when it must be."""
    return yaml.safe_dump(text, default_flow_style=True, width=10_000).removesuffix("\n...\n")


def _schema(output: Path | None, *, feed: bool = False, campaign: bool = False) -> int:
    text = feed_schema_text() if feed else campaign_schema_text() if campaign else kit_schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
