"""The campaign format as pydantic models: one partnership, ``campaigns/<name>.yml``.

The contract is docs/campaigns.md. Names here are the YAML keys; fields may be added
(optional), never renamed or removed without a deprecation path.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from kitfolio.model.fields import (
    MONEY_BELOW,
    Currency,
    Email,
    IsoDate,
    Line,
    Markdown,
    RequiredText,
    WebUrl,
    money,
)
from kitfolio.model.kit import Network, Results, Strict

CURRENCY_REQUIRED = (
    "expected an ISO 4217 currency code such as GBP: currency is required when the campaign "
    "has invoices or results.revenue"
)

CampaignMoney = Annotated[
    float | int,
    BeforeValidator(money),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "exclusiveMaximum": MONEY_BELOW,
            "description": "In the campaign's currency",
        }
    ),
]


Flag = Annotated[bool, Field(strict=True)]
"""``true`` or ``false`` as YAML writes them; ``yes`` or ``"true"`` is an error, not a guess."""


class Status(StrEnum):
    """Where a partnership stands; ``wrapped`` adds the wrap-up to its report."""

    proposed = "proposed"
    active = "active"
    wrapped = "wrapped"
    cancelled = "cancelled"


class BrandContact(Strict):
    """Who at the brand the creator works with (the email is never published)."""

    name: Line | None = None
    email: Email | None = None


class Deliverable(Strict):
    """One piece of agreed work: when it is due, where it went live, what it achieved."""

    title: RequiredText
    platform: Network | None = None
    due: IsoDate | None = None
    url: WebUrl | None = None
    """The deliverable once it is live."""
    live: IsoDate | None = None
    results: Results | None = None


class CampaignResults(Results):
    """The campaign's totals as the brand shared them, and where they come from."""

    source: RequiredText
    revenue: CampaignMoney | None = None


class Invoice(Strict):
    """One invoice of the campaign: its amount in the campaign currency, when due and paid."""

    number: Line
    amount: CampaignMoney
    issued: IsoDate | None = None
    due: IsoDate | None = None
    paid: IsoDate | None = None


class Campaign(Strict):
    """One partnership between a creator (a kit) and a brand."""

    kit: RequiredText
    brand: Line
    brand_url: WebUrl | None = None
    brand_contact: BrandContact | None = None
    status: Status
    start: IsoDate
    end: IsoDate | None = None
    brief: Markdown | None = None
    deliverables: Annotated[list[Deliverable], Field(min_length=1)]
    results: CampaignResults | None = None
    currency: Currency | None = None
    invoices: list[Invoice] = Field(default_factory=list)
    feedback: Markdown | None = None
    thanks: Markdown | None = None
    next: Markdown | None = None
    case_study: Flag = False
    protect: Flag = False

    @model_validator(mode="after")
    def _priced_in_a_currency(self) -> Campaign:
        revenue = self.results.revenue if self.results else None
        if self.currency is None and (self.invoices or revenue is not None):
            raise PydanticCustomError("currency", CURRENCY_REQUIRED, {"field": "currency"})
        return self
