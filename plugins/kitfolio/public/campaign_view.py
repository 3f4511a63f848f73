"""What a campaign's report page and the kit's case studies show: formatted, private data gone.

A report is unlisted, not secret, so the kit's ``rates.visibility`` decides whether invoice
amounts (the creator's fees) appear on it, as it decides for every public page; a protected
report, published only as ciphertext, shows them whatever the visibility. The brand contact's
email address never reaches a page (it is for ``kitfolio campaign report``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from markupsafe import Markup

from kitfolio.model.campaign import Campaign, Deliverable, Invoice, Status
from kitfolio.model.kit import Results, Visibility
from kitfolio.present.formatting import Formatter
from kitfolio.present.labels import RESULT_LABELS
from kitfolio.present.markdown import render, render_inline
from kitfolio.public.views import KitView, PartnershipView

URL_PREFIX = "reports"
PARTNER_STATUSES = (Status.active, Status.wrapped)
"""The campaigns that make a brand a partner; a proposal or a cancelled one does not, nor a
protected one, of which no public page may tell."""


@dataclass(frozen=True)
class DeliverableView:
    """A deliverable as the report shows it: dates and results written out."""

    title: str
    platform: str | None
    due: date | None
    due_text: str | None
    url: str | None
    live: date | None
    live_text: str | None
    results: list[tuple[str, str]]


@dataclass(frozen=True)
class InvoiceView:
    """An invoice as the report shows it; the amount only where the rate visibility allows."""

    number: str
    amount_text: str | None
    """None when the kit's rate visibility keeps the creator's fees off public pages."""
    issued: date | None
    issued_text: str | None
    due: date | None
    due_text: str | None
    paid: date | None
    paid_text: str | None
    overdue: bool
    """Unpaid and past its due date (by the build's clock)."""


@dataclass(frozen=True)
class CampaignView:
    """All a report page, the kit's case studies and the plain-text summary need."""

    name: str
    source: str
    """The campaign file as a user finds it (``campaigns/greenline.yml``), for messages."""
    src: str
    url: str
    kit: KitView
    brand: str
    brand_url: str | None
    contact_name: str | None
    contact_email: str | None
    status: Status
    status_label: str
    start: date
    start_text: str
    start_month: str
    end: date | None
    end_text: str | None
    brief: Markup | None
    deliverables: list[DeliverableView]
    results: list[tuple[str, str]]
    results_source: str | None
    currency: str | None
    invoices: list[InvoiceView]
    shows_amounts: bool
    invoiced_text: str | None
    settled_text: str | None
    outstanding_text: str | None
    outstanding: int
    """How many invoices are unpaid."""
    feedback: Markup | None
    thanks: Markup | None
    next: Markup | None
    case_study: PartnershipView | None
    """The campaign as the kit page shows it, when it is a wrapped case study."""
    protect: bool
    markdown: dict[str, str]
    """``brief``, ``feedback``, ``thanks``, ``next`` → their Markdown as written."""

    @property
    def wrapped(self) -> bool:
        return self.status == Status.wrapped


def campaign_view(
    campaign: Campaign,
    *,
    name: str,
    source: str,
    kit: KitView,
    today: date,
    fmt: Formatter,
    every_amount: bool = False,
    prefix: str = "",
) -> CampaignView:
    """The view of a valid campaign of ``kit``, with dates judged by ``today``, published under
    the language's folder ``prefix`` (``es/``); ``every_amount`` for the creator's own eyes (a
    summary printed in a terminal)."""
    shows_amounts = (
        every_amount
        or campaign.protect
        or kit.rates is None
        or kit.rates.visibility_code == Visibility.public
    )
    currency = campaign.currency or ""
    invoices = [_invoice(i, currency, fmt, today, shown=shows_amounts) for i in campaign.invoices]
    paid = sum(i.amount for i in campaign.invoices if i.paid is not None)
    unpaid = sum(i.amount for i in campaign.invoices if i.paid is None)

    def total(amount: float) -> str | None:
        return fmt.money(amount, currency) if shows_amounts and campaign.invoices else None

    contact = campaign.brand_contact
    results = _result_lines(campaign.results, fmt, full=True)
    if campaign.results and campaign.results.revenue is not None:
        results.append((fmt.words.revenue(), fmt.money(campaign.results.revenue, currency)))
    written = {
        key: text
        for key in ("brief", "feedback", "thanks", "next")
        if (text := getattr(campaign, key)) is not None
    }
    return CampaignView(
        name=name,
        source=source,
        src=f"{prefix}{URL_PREFIX}/{name}/index.md",
        url=f"{prefix}{URL_PREFIX}/{name}/",
        kit=kit,
        brand=campaign.brand,
        brand_url=campaign.brand_url,
        contact_name=contact.name if contact else None,
        contact_email=contact.email if contact else None,
        status=campaign.status,
        status_label=fmt.words.campaign_status(campaign.status),
        start=campaign.start,
        start_text=fmt.date(campaign.start),
        start_month=fmt.month(campaign.start),
        end=campaign.end,
        end_text=fmt.date(campaign.end) if campaign.end else None,
        brief=render(campaign.brief) if campaign.brief else None,
        deliverables=[_deliverable(d, fmt) for d in campaign.deliverables],
        results=results,
        results_source=campaign.results.source if campaign.results else None,
        currency=campaign.currency,
        invoices=invoices,
        shows_amounts=shows_amounts,
        invoiced_text=total(paid + unpaid),
        settled_text=total(paid),
        outstanding_text=total(unpaid),
        outstanding=sum(1 for i in campaign.invoices if i.paid is None),
        feedback=render(campaign.feedback) if campaign.feedback else None,
        thanks=render(campaign.thanks) if campaign.thanks else None,
        next=render(campaign.next) if campaign.next else None,
        case_study=_case_study(campaign, fmt)
        if campaign.case_study and campaign.status == Status.wrapped and not campaign.protect
        else None,
        protect=campaign.protect,
        markdown=written,
    )


def _deliverable(d: Deliverable, fmt: Formatter) -> DeliverableView:
    return DeliverableView(
        title=d.title,
        platform=fmt.words.network(d.platform) if d.platform else None,
        due=d.due,
        due_text=fmt.date(d.due) if d.due else None,
        url=d.url,
        live=d.live,
        live_text=fmt.date(d.live) if d.live else None,
        results=_result_lines(d.results, fmt, full=True),
    )


def _invoice(
    invoice: Invoice, currency: str, fmt: Formatter, today: date, *, shown: bool
) -> InvoiceView:
    return InvoiceView(
        number=invoice.number,
        amount_text=fmt.money(invoice.amount, currency) if shown else None,
        issued=invoice.issued,
        issued_text=fmt.date(invoice.issued) if invoice.issued else None,
        due=invoice.due,
        due_text=fmt.date(invoice.due) if invoice.due else None,
        paid=invoice.paid,
        paid_text=fmt.date(invoice.paid) if invoice.paid else None,
        overdue=invoice.paid is None and invoice.due is not None and invoice.due < today,
    )


def _result_lines(results: Results | None, fmt: Formatter, *, full: bool) -> list[tuple[str, str]]:
    """Each stated result as (label, figure): full counts on a report, short ones on a kit."""
    if results is None:
        return []
    lines = []
    for key, label in fmt.words.results():
        value = getattr(results, key)
        if value is None:
            continue
        if key == "engagement_rate":
            lines.append((label, fmt.percent(value)))
        else:
            lines.append((label, fmt.count(int(value)) if full else fmt.compact(int(value))))
    return lines


def _case_study(campaign: Campaign, fmt: Formatter) -> PartnershipView:
    results = campaign.results
    values = {}
    if results is not None:
        for key in RESULT_LABELS:
            value = getattr(results, key)
            if value is not None:
                values[key] = value
    return PartnershipView(
        brand=campaign.brand,
        year=(campaign.end or campaign.start).year,
        url=campaign.brand_url,
        summary=render_inline(_first_paragraph(campaign.brief)) if campaign.brief else None,
        deliverables=[d.title for d in campaign.deliverables],
        results=_result_lines(results, fmt, full=False),
        result_values=values,
        summary_markdown=campaign.brief,
        testimonial=None,
        shared_by=results.source if results else None,
        ended=campaign.end or campaign.start,
    )


def _first_paragraph(markdown: str) -> str:
    """A brief's opening paragraph: the kit's summary line of a case study is one paragraph."""
    return markdown.strip().split("\n\n", 1)[0]


def brand_key(brand: str) -> str:
    """How two spellings of one brand are recognised: case and spacing aside."""
    return " ".join(brand.split()).casefold()


def with_case_studies(view: KitView, campaigns: list[CampaignView]) -> KitView:
    """``view`` as its media-kit page shows it: its own partnerships and its campaigns' case
    studies together, newest first, each brand with several campaigns as a long-term partner.

    A kit partnership is the same as a case study when the brand is the same (``brand_key``)
    and its year is missing or one the campaign ran in; the case study stands in for it, keeping
    the partnership's testimonial. Without case studies the kit's own order is kept.
    """
    mine = [c for c in campaigns if c.kit.slug == view.slug]
    studies = [c for c in mine if c.case_study is not None]
    if not studies:
        return view
    partners: dict[str, list[CampaignView]] = {}
    for campaign in mine:
        if campaign.status in PARTNER_STATUSES and not campaign.protect:
            partners.setdefault(brand_key(campaign.brand), []).append(campaign)
    merged: list[PartnershipView] = []
    own = list(view.partnerships)
    for campaign in studies:
        assert campaign.case_study is not None
        study = campaign.case_study
        twin = next((p for p in own if _same(p, campaign)), None)
        if twin is not None:
            own.remove(twin)
            study = replace(study, testimonial=study.testimonial or twin.testimonial)
        together = partners.get(brand_key(campaign.brand), [])
        if len(together) > 1:
            first = min(together, key=lambda c: c.start)
            study = replace(study, partner_campaigns=len(together), partner_since=first.start_month)
        merged.append(study)
    merged += own
    merged.sort(key=_newest_first, reverse=True)
    return replace(view, partnerships=_one_per_brand_partner(merged))


def _same(partnership: PartnershipView, campaign: CampaignView) -> bool:
    if brand_key(partnership.brand) != brand_key(campaign.brand):
        return False
    years = {campaign.start.year, (campaign.end or campaign.start).year}
    return partnership.year is None or partnership.year in years


def _newest_first(p: PartnershipView) -> tuple[bool, int, date]:
    """Year first (a kit partnership has only a year), then the campaign's last day; a
    partnership without a year goes last. Sorted in reverse, which keeps ties in order."""
    return (p.year is not None, p.year or 0, p.ended or date.min)


def _one_per_brand_partner(partnerships: list[PartnershipView]) -> list[PartnershipView]:
    """The long-term partner line once per brand: on its newest case study."""
    seen: set[str] = set()
    out = []
    for p in partnerships:
        if p.partner_campaigns:
            key = brand_key(p.brand)
            if key in seen:
                p = replace(p, partner_campaigns=0, partner_since=None)
            seen.add(key)
        out.append(p)
    return out
