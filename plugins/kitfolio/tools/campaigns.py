"""``kitfolio campaign new`` and ``kitfolio campaign report``: start a campaign file, and print
a campaign as plain text for an email. The CLI adds them with ``add_commands`` and runs them
with ``run``."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from importlib.resources import files
from pathlib import Path
from string import Template

import yaml

from kitfolio import clock
from kitfolio.errors import errors
from kitfolio.model.fields import is_slug
from kitfolio.model.schema import CAMPAIGN_SCHEMA_PATH, campaign_schema_text
from kitfolio.pipeline import read_sources
from kitfolio.present.build_text import SUMMARY_LABELS as SAY
from kitfolio.present.formatting import Formatter
from kitfolio.present.wording import wording
from kitfolio.project import ProjectError, read_project
from kitfolio.public.campaign_view import CampaignView
from kitfolio.public.site import build_site
from kitfolio.sources.campaigns import load_campaigns
from kitfolio.sources.files import SUFFIXES
from kitfolio.sources.kits import kit_files

FIRST_DUE = timedelta(days=14)
"""The starter's first deliverable is due two weeks from today, so it passes check."""


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``campaign new`` and ``campaign report`` to the ``kitfolio`` parser's subcommands."""
    campaign = commands.add_parser(
        "campaign",
        help="'campaign new NAME --kit SLUG' starts a campaign; 'campaign report NAME' prints it",
        description="Campaign files (campaigns/<name>.yml) become report pages for the brand.",
    )
    actions = campaign.add_subparsers(dest="campaign_command", required=True, metavar="ACTION")
    new = actions.add_parser("new", help="write a commented starter campaign that passes check")
    new.add_argument("name", help="lowercase letters, digits and hyphens: the report's URL")
    new.add_argument("--kit", required=True, help="the slug of the creator's kit")
    new.add_argument("--brand", help="the brand's name (default: from the name)")
    report = actions.add_parser(
        "report", help="print a campaign as plain text, to paste into an email to the brand"
    )
    report.add_argument("name", help="the campaign's name (its file name without .yml)")


def run(args: argparse.Namespace) -> int | None:
    """Run a campaign subcommand; None when ``args`` names another command."""
    if args.command != "campaign":
        return None
    try:
        project = read_project(Path("mkdocs.yml"))
        if args.campaign_command == "new":
            return _new(project.campaigns_folder(), project.kits_folder(), args)
        return _report(args.name)
    except (ProjectError, clock.ClockError) as exc:
        print(exc, file=sys.stderr)
        return 2


def _new(folder: Path, kits: Path, args: argparse.Namespace) -> int:
    name: str = args.name
    for what, value in (("name", name), ("--kit", args.kit)):
        if not is_slug(value):
            message = f"{what} {value!r}: expected lowercase letters, digits and hyphens"
            print(message, file=sys.stderr)
            return 2
    if args.kit not in {path.stem for path in kit_files(kits)}:
        print(f"--kit {args.kit!r}: no such kit in {kits.name}/", file=sys.stderr)
        return 2
    if any((folder / f"{name}{suffix}").exists() for suffix in SUFFIXES):
        print(f"{folder.name}/{name}.yml already exists; nothing written", file=sys.stderr)
        return 1
    today = clock.today()
    brand = args.brand or name.replace("-", " ").title()
    template = files("kitfolio").joinpath("templates/campaign.yml").read_text(encoding="utf-8")
    text = Template(template).substitute(
        schema_path=f"../{CAMPAIGN_SCHEMA_PATH}",
        name=name,
        kit=args.kit,
        brand=yaml.safe_dump(brand, width=10_000).removesuffix("\n...\n").strip(),
        today=today.isoformat(),
        due=(today + FIRST_DUE).isoformat(),
    )
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.yml"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    schema = folder.parent / CAMPAIGN_SCHEMA_PATH
    if not schema.exists():
        schema.parent.mkdir(parents=True, exist_ok=True)
        schema.write_text(campaign_schema_text(), encoding="utf-8")
        print(f"wrote {schema}")
    return 0


def _report(name: str) -> int:
    project = read_project(Path("mkdocs.yml"))
    folder = project.campaigns_folder()
    paths = [folder / f"{name}{suffix}" for suffix in SUFFIXES]
    found = [path for path in paths if path.is_file()]
    if not is_slug(name) or not found:
        print(f"{name!r}: no campaign {folder.name}/{name}.yml", file=sys.stderr)
        return 2
    sources = read_sources(project)
    site = build_site(sources.roster, project.settings)
    loaded = load_campaigns(
        found,
        project.root,
        {view.slug: view for view in site.kits},
        [path.stem for path in sources.kit_paths],
        project.settings.today,
        Formatter(project.settings.locale),
        every_amount=True,
    )
    stopping = errors(loaded.problems) or (errors(sources.problems) if not loaded.campaigns else [])
    for problem in stopping:
        print(f"{problem} [error]", file=sys.stderr)
    if not loaded.campaigns:
        print(f"{name}: nothing to report until the errors are fixed", file=sys.stderr)
        return 1
    base = project.site_url.rstrip("/") + "/" if project.site_url else ""
    sys.stdout.write(summary(loaded.campaigns[0], base))
    return 0


def summary(c: CampaignView, site_url: str = "") -> str:
    """The campaign as plain text: what the report page says, every amount included."""
    lines = [wording("en").report_title(c.brand, c.kit.name), ""]
    dates = c.start_text + (f" – {c.end_text}" if c.end_text else "")
    lines.append(f"{SAY['status']}: {c.status_label} · {dates}")
    to = c.contact_name
    if c.contact_email:
        to = f"{c.contact_name} <{c.contact_email}>" if c.contact_name else c.contact_email
    if to:
        lines.append(f"{SAY['to']}: {to}")
    if site_url and not c.protect:
        lines.append(f"{SAY['report']}: {site_url}{c.url}")
    if c.wrapped and "thanks" in c.markdown:
        lines += _block(SAY["thanks"], c.markdown["thanks"])
    if "brief" in c.markdown:
        lines += _block(SAY["brief"], c.markdown["brief"])
    lines += ["", SAY["deliverables"], *_deliverable_lines(c)]
    if c.results:
        lines += ["", SAY["results"], "  " + _figures(c.results)]
        lines.append(f"  {SAY['source']}: {c.results_source}")
    if c.invoices:
        lines += ["", SAY["invoices"], *_invoice_lines(c)]
    for key in ("feedback", "next"):
        if key in c.markdown and (key != "next" or c.wrapped):
            lines += _block(SAY[key], c.markdown[key])
    return "\n".join(lines) + "\n"


def _deliverable_lines(c: CampaignView) -> list[str]:
    lines = []
    for d in c.deliverables:
        where = f" ({d.platform})" if d.platform else ""
        when = [f"{SAY['due']} {d.due_text}"] if d.due_text else []
        when.append(f"{SAY['live']} {d.live_text}" if d.live_text else SAY["not_live"])
        lines.append(f"  - {d.title}{where}: {'; '.join(when)}")
        if d.url:
            lines.append(f"    {d.url}")
        if d.results:
            lines.append("    " + _figures(d.results))
    return lines


def _invoice_lines(c: CampaignView) -> list[str]:
    lines = []
    for i in c.invoices:
        if i.paid_text:
            state = f"{SAY['paid']} {i.paid_text}"
        else:
            state = f"{SAY['overdue' if i.overdue else 'unpaid']} {i.due_text or '-'}"
        lines.append(f"  - {i.number}  {i.amount_text}  {state}")
    lines.append(
        f"  {SAY['settled']}: {c.settled_text} · {SAY['outstanding']}: {c.outstanding_text}"
    )
    return lines


def _figures(results: list[tuple[str, str]]) -> str:
    return " · ".join(f"{label} {value}" for label, value in results)


def _block(heading: str, markdown: str) -> list[str]:
    return ["", heading, *(f"  {line}".rstrip() for line in markdown.strip().splitlines())]
