"""The agency behind a roster: the ``agency`` option of the plugin, checked and viewed.

An agency names itself once in mkdocs.yml; the roster header, the data feed and the pitches show
it. The option is checked like a kit, so a typo reads ``mkdocs.yml:9:7: ...agency.emial: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from kitfolio.cache import Memory
from kitfolio.errors import Problem
from kitfolio.media.renditions import LOGO, Picture
from kitfolio.media.work import Wanted
from kitfolio.model.fields import Email, ImagePath, Line, Markdown, WebUrl
from kitfolio.model.validate import check_model
from kitfolio.present import mailto
from kitfolio.present.markdown import render
from kitfolio.public.kit_view import image_of
from kitfolio.public.views import Image
from kitfolio.sources.documents import Document, Loc, load
from kitfolio.sources.files import LocatedImage, check_image

LOGO_STEM = "assets/kitfolio/agency-logo"
"""Where the logo's renditions go in the site; each name adds its width and a content hash."""


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
    text: Markup | None
    email: str | None
    url: str | None
    markdown: str | None = None
    """``text`` as written, for the feed's plain text (never parsed back out of the HTML)."""

    @property
    def email_href(self) -> str | None:
        return mailto.href(self.email) if self.email else None


@dataclass(frozen=True)
class LoadedAgency:
    """The checked option: its view before the logo is drawn, and the logo to draw.

    The logo is published as a picture drawn like a kit photo (see ``with_logo``), never as
    the file it was given: a "PNG" named ``logo.html`` must not become a page of the site.
    """

    view: AgencyView
    logo: Wanted | None = None

    def with_logo(self, picture: Picture | None) -> AgencyView:
        """The view with its logo drawn."""
        if picture is None:
            return self.view
        return replace(self.view, logo=image_of(picture, f"{self.view.name} logo"))


def load_agency(
    options: dict[str, Any] | None,
    config_file: Path,
    display: str,
    root: Path,
    memory: Memory | None = None,
) -> tuple[LoadedAgency | None, list[Problem]]:
    """Check the ``agency`` option; positions come from mkdocs.yml where it can be read.

    The logo is read only from inside ``root``, the project folder, like every kit photo.
    """
    if not options:
        return None, []
    doc = config_document(config_file, display)
    at = _agency_loc(doc)
    agency, problems = check_model(doc, Agency, options, at)
    if agency is None:
        return None, problems
    logo: Wanted | None = None
    if agency.logo:
        loc = (*at, "logo")
        checked = check_image(doc, loc, agency.logo, root, memory)
        if isinstance(checked, Problem):
            return None, [checked]
        image = LocatedImage("agency", doc.only([loc]), loc, agency.logo, checked)
        logo = Wanted(image, LOGO_STEM, LOGO)
    view = AgencyView(
        name=agency.name,
        logo=None,
        text=render(agency.text) if agency.text else None,
        markdown=agency.text,
        email=agency.email,
        url=agency.url,
    )
    return LoadedAgency(view, logo), []


def config_document(config_file: Path, display: str) -> Document:
    """mkdocs.yml read for positions only; MkDocs itself has already read its values."""
    doc, _ = load(config_file, display)
    return doc


def _agency_loc(doc: Document) -> Loc:
    return option_loc(doc, "agency")


def option_loc(doc: Document, name: str) -> Loc:
    """Where the plugin's option ``name`` stands in mkdocs.yml: under a list or a mapping of
    plugins."""
    plugins = doc.data.get("plugins") if isinstance(doc.data, dict) else None
    if isinstance(plugins, dict):
        return ("plugins", "kitfolio", name)
    if isinstance(plugins, list):
        for index, entry in enumerate(plugins):
            if isinstance(entry, dict) and "kitfolio" in entry:
                return ("plugins", index, "kitfolio", name)
    return ("plugins", "kitfolio", name)
