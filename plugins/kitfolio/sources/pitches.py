"""Tailored pitches: ``pitches/<name>.yml`` becomes an unlisted page ``/for/<name>/``.

A pitch shows one kit to one brand with a personal note and a chosen set of packages and past
partnerships. It names them by the kit's own words, so an unknown kit, package or partnership
is an error located in the pitch file. Pitches are unlisted, not secret: prices still show only
as the kit's rate visibility allows, because they come from the kit's view.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from kitfolio.errors import Problem, cut
from kitfolio.model.fields import IsoDate, Line, Markdown, RequiredText
from kitfolio.model.fields import Language as LanguageTag
from kitfolio.model.validate import check_model, not_a_mapping
from kitfolio.present.formatting import Formatter
from kitfolio.present.markdown import render
from kitfolio.public.views import KitView, PartnershipView, PriceLine
from kitfolio.sources.documents import Document, Loc, load
from kitfolio.sources.files import checked_sources, source_files

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
    language: LanguageTag | None = None
    """The one language the pitch is published in, at ``/for/<name>/``; without it, the pitch
    is published in every language of the site, like a kit."""


@dataclass(frozen=True)
class PitchView:
    """All a pitch page shows; prices already as the kit's visibility allows."""

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
    language: str = "en"
    key: str = ""
    """The pitch file's name, shared by its versions in each language."""


@dataclass
class Pitches:
    """The pitches of a site: those to build, those past their date, and every problem."""

    pitches: list[PitchView] = field(default_factory=list)
    expired: list[tuple[str, date]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def pitch_files(folder: Path) -> list[Path]:
    """The pitch files of a folder, in name order, listed as kit files are (``source_files``)."""
    return source_files(folder)


@dataclass(frozen=True)
class Language:
    """The kits in one language of the site, and where its pages are."""

    tag: str
    prefix: str
    views: Mapping[str, KitView]
    fmt: Formatter


def load_pitches(
    paths: Iterable[Path],
    root: Path,
    languages: Sequence[Language],
    known: Iterable[str],
    today: date,
) -> Pitches:
    """Check every pitch file against the kits (in ``languages``, the site's first first);
    ``known`` are all kit slugs, valid or not. A pitch names what it shows in the words of the
    first language's view, and each language's version shows the same things in its words."""
    out = Pitches()
    views = languages[0].views
    tags = [language.tag for language in languages]
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
        chosen, problems = _choose(doc, pitch, view)
        if pitch.language is not None and pitch.language not in tags:
            message = _unknown("language", pitch.language, tags).replace(
                "; expected one of", "; expected one of the site's languages,"
            )
            problems.append(doc.problem(("language",), message))
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
        for language in languages:
            if pitch.language is not None and language.tag != pitch.language:
                continue
            shown = language.views[pitch.kit]
            prefix = "" if pitch.language is not None else language.prefix
            out.pitches.append(
                PitchView(
                    name=source.slug,
                    source=source.display,
                    src=f"{prefix}{URL_PREFIX}/{source.slug}/index.md",
                    url=f"{prefix}{URL_PREFIX}/{source.slug}/",
                    brand=pitch.brand,
                    kit=shown,
                    note=render(pitch.note) if pitch.note else None,
                    packages=_same(chosen[0], view, shown, "packages"),
                    items=_same(chosen[1], view, shown, "items"),
                    partnerships=_same(chosen[2], view, shown, "partnerships"),
                    expires=pitch.expires,
                    expires_text=language.fmt.date(pitch.expires) if pitch.expires else None,
                    language=language.tag,
                    key=source.slug,
                )
            )
    return out


def _same(chosen: list[T], named: KitView, shown: KitView, what: str) -> list[T]:
    """The things ``chosen`` from ``named`` (a kit's view in the site's first language), as
    ``shown`` (the same kit in another language) has them: lists keep their order."""
    if named is shown:
        return chosen
    if what == "partnerships":
        mine: list[Any] = named.partnerships
        theirs: list[Any] = shown.partnerships
    else:
        mine = getattr(named.rates, what) if named.rates else []
        theirs = getattr(shown.rates, what) if shown.rates else []
    index = {id(thing): at for at, thing in enumerate(mine)}
    return [theirs[index[id(thing)]] for thing in chosen]


def _choose(
    doc: Document, pitch: Pitch, view: KitView
) -> tuple[tuple[list[PriceLine], list[PriceLine], list[PartnershipView]], list[Problem]]:
    """The kit's packages, items and partnerships the pitch names, in the pitch's order."""
    problems: list[Problem] = []
    rates = view.rates
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
