"""Campaigns: ``campaigns/<name>.yml`` becomes an unlisted report page ``/reports/<name>/``.

A campaign records one partnership of a kit with a brand: what was agreed, what went live, the
results the brand shared, the invoices. Its file is read as a kit file is (``files``), checked
against the format (``model.campaign``) and against the kits, and then against the build's
clock: an unpaid invoice or a missing deliverable past its date is a warning the creator should
act on, never a reason to hide the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kitfolio.errors import Problem
from kitfolio.model.campaign import Campaign, Status
from kitfolio.present.formatting import Formatter
from kitfolio.public.campaign_view import CampaignView, campaign_view, with_case_studies
from kitfolio.public.views import KitView
from kitfolio.sources.documents import Document
from kitfolio.sources.files import source_files
from kitfolio.sources.passwords import password_problem
from kitfolio.sources.pitches import unknown_name
from kitfolio.sources.records import read_records


@dataclass
class Campaigns:
    """The campaigns of a site, in file-name order, and every problem found in them."""

    campaigns: list[CampaignView] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def kit_page_view(self, view: KitView) -> KitView:
        """The kit as its media-kit page shows it, case studies and partners included."""
        return with_case_studies(view, self.campaigns) if self.campaigns else view

    def named(self, name: str) -> CampaignView | None:
        return next((c for c in self.campaigns if c.name == name), None)


def campaign_files(folder: Path) -> list[Path]:
    """The campaign files of a folder, listed as kit files are (``source_files``)."""
    return source_files(folder)


def load_campaigns(
    paths: Iterable[Path],
    root: Path,
    views: Mapping[str, KitView],
    known: Iterable[str],
    today: date,
    fmt: Formatter,
    *,
    every_amount: bool = False,
    environ: Mapping[str, str] | None = None,
    prefix: str = "",
) -> Campaigns:
    """Check every campaign file against the kits; ``known`` are all kit slugs, valid or not
    (a campaign of a kit that has its own errors is not reported twice). ``every_amount``
    shows invoice amounts whatever the kit's rate visibility (see ``campaign_view``); ``environ``
    (else the process's environment) holds the protected reports' passwords."""
    out = Campaigns()
    slugs = set(known)
    for source, doc, campaign in read_records(paths, root, Campaign, "campaign", out.problems):
        view = views.get(campaign.kit)
        if view is None:
            if campaign.kit not in slugs:
                message = unknown_name("kit", campaign.kit, sorted(slugs))
                out.problems.append(doc.problem(("kit",), message))
            continue
        out.problems += dated_warnings(doc, campaign, today)
        password = password_problem(doc, source.slug, environ) if campaign.protect else None
        if password is not None:
            out.problems.append(password)
            if password.severity == "error":
                continue
        out.campaigns.append(
            campaign_view(
                campaign,
                name=source.slug,
                source=source.display,
                kit=view,
                today=today,
                fmt=fmt,
                every_amount=every_amount,
                prefix=prefix,
            )
        )
    return out


def dated_warnings(doc: Document, campaign: Campaign, today: date) -> list[Problem]:
    """What the creator should act on, judged by ``today`` (the build's clock)."""
    found: list[Problem] = []

    def warn(loc: tuple[str | int, ...], message: str) -> None:
        found.append(doc.problem(loc, message, severity="warning"))

    if campaign.case_study and campaign.protect:
        warn(
            ("case_study",),
            "expected case_study: false on a protected campaign: a case study publishes its "
            "figures in plain text on the media kit, so it is not shown",
        )

    if campaign.end is not None and campaign.end < campaign.start:
        warn(
            ("end",),
            f"expected an end on or after the start ({campaign.start}), got {campaign.end}",
        )
    if campaign.status == Status.cancelled:
        return found
    for index, invoice in enumerate(campaign.invoices):
        if invoice.paid is None and invoice.due is not None and invoice.due < today:
            warn(
                ("invoices", index, "due"),
                f"invoice {invoice.number} was due on {invoice.due} and is not paid: chase it, "
                "or write the day it was paid as paid: YYYY-MM-DD",
            )
    for index, deliverable in enumerate(campaign.deliverables):
        if deliverable.url is None and deliverable.due is not None and deliverable.due < today:
            warn(
                ("deliverables", index, "due"),
                f"{deliverable.title!r} was due on {deliverable.due} and has no url: add the "
                "link once it is live, or agree a new date and write it here",
            )
    if campaign.status == Status.wrapped:
        missing = [name for name in ("results", "thanks") if getattr(campaign, name) is None]
        if missing:
            warn(
                ("status",),
                f"a wrapped campaign has no {' and no '.join(missing)}: the wrap-up shows the "
                "brand the final results and a thank-you",
            )
    return found
