"""The agency behind a roster: the ``agency`` option of the plugin, checked and viewed.

An agency names itself once in mkdocs.yml; the roster header, the data feed and the pitches show
it. The option is checked like a kit, so a typo reads ``mkdocs.yml:9:7: ...agency.emial: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from . import mailto
from .errors import Problem
from .fields import Email, ImagePath, Line, Markdown, WebUrl
from .images import ImageFacts, ImageProblem, inspect
from .load import Document, Loc, load
from .markup import render
from .validate import check_model
from .view import Image


class Agency(BaseModel):
    """``agency:`` under the plugin's options."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line
    logo: ImagePath | None = None
    text: Markdown | None = None
    email: Email | None = None
    url: WebUrl | None = None


@dataclass(frozen=True)
class AgencyView:
    """The agency as pages and the feed show it; ``logo.src`` is relative to the site root."""

    name: str
    logo: Image | None
    logo_file: Path | None
    text: Markup | None
    email: str | None
    url: str | None

    @property
    def email_href(self) -> str | None:
        return mailto.href(self.email) if self.email else None


def load_agency(
    options: dict[str, Any] | None, config_file: Path, display: str
) -> tuple[AgencyView | None, list[Problem]]:
    """Check the ``agency`` option; positions come from mkdocs.yml where it can be read."""
    if not options:
        return None, []
    doc = _config_document(config_file, display)
    at = _agency_loc(doc)
    agency, problems = check_model(doc, Agency, options, at)
    if agency is None:
        return None, problems
    logo: Image | None = None
    facts: ImageFacts | None = None
    if agency.logo:
        target = (config_file.parent / agency.logo).resolve()
        try:
            facts = inspect(target)
        except ImageProblem as exc:
            return None, [doc.problem((*at, "logo"), f"{agency.logo}: {exc}")]
        src = f"assets/kitfolio/agency-logo{target.suffix.lower()}"
        logo = Image(src, facts.width, facts.height, f"{agency.name} logo")
    view = AgencyView(
        name=agency.name,
        logo=logo,
        logo_file=facts.path if facts else None,
        text=render(agency.text) if agency.text else None,
        email=agency.email,
        url=agency.url,
    )
    return view, []


def _config_document(config_file: Path, display: str) -> Document:
    """mkdocs.yml read for positions only; MkDocs itself has already read its values."""
    doc, _ = load(config_file, display)
    return doc


def _agency_loc(doc: Document) -> Loc:
    """Where ``agency`` stands in mkdocs.yml: under a list or a mapping of plugins."""
    plugins = doc.data.get("plugins") if isinstance(doc.data, dict) else None
    if isinstance(plugins, dict):
        return ("plugins", "kitfolio", "agency")
    if isinstance(plugins, list):
        for index, entry in enumerate(plugins):
            if isinstance(entry, dict) and "kitfolio" in entry:
                return ("plugins", index, "kitfolio", "agency")
    return ("plugins", "kitfolio", "agency")
