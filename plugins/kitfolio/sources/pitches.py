"""Tailored pitches: ``pitches/<name>.yml`` becomes an unlisted page ``/for/<name>/``.

A pitch shows one kit to one brand with a personal note and a chosen set of packages and past
partnerships. It names them by the kit's own words, so an unknown kit, package or partnership
is an error located in the pitch file. Pitches are unlisted, not secret: prices still show only
as the kit's rate visibility allows, because they come from the kit's view. A pitch with
``protect: true`` is published only encrypted, so it shows the kit's whole rate card, and it
needs a password in the environment (sources/passwords.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlencode

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from kitfolio.errors import Problem, cut
from kitfolio.model.fields import IsoDate, Line, Markdown, RequiredText
from kitfolio.model.kit import Rates
from kitfolio.model.validate import check_model, not_a_mapping
from kitfolio.present.formatting import Formatter
from kitfolio.present.markdown import render
from kitfolio.public.kit_view import rates_view
from kitfolio.public.views import KitView, PartnershipView, PriceLine, RatesView
from kitfolio.sources.documents import Document, Loc, load
from kitfolio.sources.files import checked_sources, source_files
from kitfolio.sources.passwords import password_problem

T = TypeVar("T")
URL_PREFIX = "for"
EXPIRES_SOON = timedelta(days=7)
"""A pitch expiring within this many days is worth a warning: the brand may still be deciding."""
CHOICES_SHOWN = 10
"""How many names an "unknown kit" message lists: a roster of thousands is not one line."""


class Pitch(BaseModel):
    """One pitch file: the contract documented in docs/pitches.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kit: RequiredText
    brand: Line
    note: Markdown | None = None
    packages: list[RequiredText] = []
    items: list[RequiredText] = []
    partnerships: list[RequiredText] = []
    expires: IsoDate | None = None
    protect: bool = False


@dataclass(frozen=True)
class PitchView:
    """All a pitch page shows; prices already as the kit's visibility allows (all of them when
    the pitch is protected)."""

    name: str
    source: str
    """The pitch file as a user finds it (``pitches/acme.yml``), for messages."""
    src: str
    url: str
    brand: str
    kit: KitView
    note: Markup | None
    packages: list[PriceLine]
    items: list[PriceLine]
    partnerships: list[PartnershipView]
    expires: date | None
    expires_text: str | None
    rates: RatesView | None = None
    """The rate card as this pitch shows it: the kit's view, or the whole card when protected."""
    protect: bool = False

    @property
    def enquiry_query(self) -> str:
        """The query that fills the brief builder with the brand and the proposed items."""
        proposed = [*self.items, *self.packages]
        return urlencode([("brand", self.brand), *(("deliverables", p.name) for p in proposed)])


@dataclass
class Pitches:
    """The pitches of a site: those to build, those past their date, and every problem."""

    pitches: list[PitchView] = field(default_factory=list)
    expired: list[tuple[str, date]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def pitch_files(folder: Path) -> list[Path]:
    """The pitch files of a folder, in name order, listed as kit files are (``source_files``)."""
    return source_files(folder)


def load_pitches(
    paths: Iterable[Path],
    root: Path,
    views: Mapping[str, KitView],
    known: Iterable[str],
    today: date,
    fmt: Formatter,
    kit_rates: Mapping[str, Rates | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Pitches:
    """Check every pitch file against the kits; ``known`` are all kit slugs, valid or not.

    ``kit_rates`` are the kits' whole rate cards, which only a protected pitch shows;
    ``environ`` (else the process's environment) holds the protected pitches' passwords.
    """
    out = Pitches()
    slugs = set(known)
    sources, out.problems = checked_sources(paths, root)
    for source in sources:
        doc, problems = load(source.path, source.display)
        if problems:
            out.problems += problems
            continue
        if not isinstance(doc.data, dict):
            out.problems.append(not_a_mapping(doc, "pitch", "pitch fields (kit, brand, ...)"))
            continue
        pitch, problems = check_model(doc, Pitch, doc.data)
        if pitch is None:
            out.problems += problems
            continue
        view = views.get(pitch.kit)
        if view is None:
            if pitch.kit not in slugs:
                out.problems.append(
                    doc.problem(("kit",), _unknown("kit", pitch.kit, sorted(slugs)))
                )
            continue
        rates = _shown_rates(pitch, view, kit_rates or {}, fmt)
        chosen, problems = _choose(doc, pitch, view, rates)
        if problems:
            out.problems += problems
            continue
        if pitch.expires is not None and pitch.expires < today:
            out.expired.append((source.display, pitch.expires))
            out.problems.append(
                doc.problem(
                    ("expires",),
                    f"expected a date from today ({today}) on, got {pitch.expires}: the pitch "
                    "is not built and its link shows the brand a missing page",
                    severity="warning",
                )
            )
            continue
        if pitch.expires is not None and pitch.expires <= today + EXPIRES_SOON:
            out.problems.append(
                doc.problem(
                    ("expires",),
                    f"expected a date more than {EXPIRES_SOON.days} days away, got "
                    f"{pitch.expires}: the link stops working then; extend it if the talks go on",
                    severity="warning",
                )
            )
        password = password_problem(doc, source.slug, environ) if pitch.protect else None
        if password is not None:
            out.problems.append(password)
            if password.severity == "error":
                continue
        packages, items, partnerships = chosen
        out.pitches.append(
            PitchView(
                name=source.slug,
                source=source.display,
                src=f"{URL_PREFIX}/{source.slug}/index.md",
                url=f"{URL_PREFIX}/{source.slug}/",
                brand=pitch.brand,
                kit=view,
                note=render(pitch.note) if pitch.note else None,
                packages=packages,
                items=items,
                partnerships=partnerships,
                expires=pitch.expires,
                expires_text=fmt.date(pitch.expires) if pitch.expires else None,
                rates=rates,
                protect=pitch.protect,
            )
        )
    return out


def _shown_rates(
    pitch: Pitch, view: KitView, kit_rates: Mapping[str, Rates | None], fmt: Formatter
) -> RatesView | None:
    """The rate card a pitch shows: the kit's view, or its whole card when the pitch is
    protected (the price gate's one exception, public/prices.page_visibility)."""
    if not pitch.protect:
        return view.rates
    whole = kit_rates.get(view.slug)
    return rates_view(whole, fmt, protected=True) if whole else None


def _choose(
    doc: Document, pitch: Pitch, view: KitView, rates: RatesView | None
) -> tuple[tuple[list[PriceLine], list[PriceLine], list[PartnershipView]], list[Problem]]:
    """The packages and items of ``rates`` and the kit's partnerships the pitch names, in the
    pitch's order."""
    problems: list[Problem] = []
    packages = _pick(
        doc,
        "packages",
        "package",
        pitch.packages,
        {p.name: p for p in rates.packages} if rates else {},
        problems,
        view.slug,
    )
    items = _pick(
        doc,
        "items",
        "rate item",
        pitch.items,
        {i.name: i for i in rates.items} if rates else {},
        problems,
        view.slug,
    )
    partnerships = _pick(
        doc,
        "partnerships",
        "partnership",
        pitch.partnerships,
        {p.brand: p for p in view.partnerships},
        problems,
        view.slug,
    )
    return (packages, items, partnerships), problems


def _pick(
    doc: Document,
    key: str,
    what: str,
    names: list[str],
    known: dict[str, T],
    problems: list[Problem],
    slug: str,
) -> list[T]:
    chosen: list[T] = []
    for index, name in enumerate(names):
        if name in known:
            chosen.append(known[name])
            continue
        loc: Loc = (key, index)
        problems.append(doc.problem(loc, _unknown(what, name, list(known), f" of kit {slug!r}")))
    return chosen


def _unknown(what: str, name: str, choices: list[str], of: str = "") -> str:
    message = f"unknown {what} {cut(name)!r}{of}"
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    if close:
        return message + f" (did you mean {cut(close[0])!r}?)"
    if choices:
        shown = ", ".join(repr(cut(c)) for c in choices[:CHOICES_SHOWN])
        more = len(choices) - CHOICES_SHOWN
        return message + f"; expected one of {shown}" + (f" (and {more} more)" if more > 0 else "")
    return message + "; the kit has none"


def unknown_name(what: str, name: str, choices: list[str]) -> str:
    """ "unknown kit 'ava-gren' (did you mean 'ava-green'?)": for every source naming a kit."""
    return _unknown(what, name, choices)
