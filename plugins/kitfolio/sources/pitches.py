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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from kitfolio.errors import Problem, cut
from kitfolio.model.fields import IsoDate, Line, Markdown, RequiredText
from kitfolio.model.fields import Language as LanguageTag
from kitfolio.present.formatting import Formatter
from kitfolio.present.language_marks import InLanguage, primary
from kitfolio.present.markdown import render
from kitfolio.public.model import PublicRates
from kitfolio.public.rate_card import rates_view
from kitfolio.public.views import KitView, PartnershipView, PriceLine, RatesView
from kitfolio.sources.documents import Document, Loc
from kitfolio.sources.files import source_files
from kitfolio.sources.passwords import password_problem
from kitfolio.sources.records import read_records

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
    language: str = "en"
    key: str = ""
    """The pitch file's name, shared by its versions in each language."""
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
    kit_rates: Mapping[str, PublicRates | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Pitches:
    """Check every pitch file against the kits (in ``languages``, the site's first first);
    ``known`` are all kit slugs, valid or not. A pitch names what it shows in the words of the
    first language's view, and each language's version shows the same things in its words.

    ``kit_rates`` are the kits' whole rate cards, which only a protected pitch shows;
    ``environ`` (else the process's environment) holds the protected pitches' passwords.
    """
    out = Pitches()
    views = languages[0].views
    tags = [language.tag for language in languages]
    slugs = set(known)
    for source, doc, pitch in read_records(paths, root, Pitch, "pitch", out.problems):
        view = views.get(pitch.kit)
        if view is None:
            if pitch.kit not in slugs:
                out.problems.append(
                    doc.problem(("kit",), _unknown("kit", pitch.kit, sorted(slugs)))
                )
            continue
        fmt = languages[0].fmt
        rates = _shown_rates(pitch, view, kit_rates or {}, fmt)
        chosen, problems = _choose(doc, pitch, view, rates)
        problems += _language_problems(doc, pitch, tags)
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
        published = _Published(source.slug, source.display, pitch, view, rates, chosen)
        out.pitches += published.versions(languages, kit_rates or {})
    return out


def _language_problems(doc: Document, pitch: Pitch, tags: list[str]) -> list[Problem]:
    if pitch.language is None or pitch.language in tags:
        return []
    message = _unknown("language", pitch.language, tags).replace(
        "; expected one of", "; expected one of the site's languages,"
    )
    return [doc.problem(("language",), message)]


@dataclass(frozen=True)
class _Published:
    """A checked pitch and what it shows, named in the site's first language."""

    name: str
    source: str
    pitch: Pitch
    view: KitView
    rates: RatesView | None
    chosen: tuple[list[PriceLine], list[PriceLine], list[PartnershipView]]

    def versions(
        self, languages: Sequence[Language], kit_rates: Mapping[str, PublicRates | None]
    ) -> list[PitchView]:
        """The pitch in each language of the site, or in the one it names, at ``/for/<name>/``."""
        pitch = self.pitch
        wanted = [lang for lang in languages if pitch.language in (None, lang.tag)]
        return [self._in(lang, kit_rates, languages[0].tag) for lang in wanted]

    def _in(
        self, language: Language, kit_rates: Mapping[str, PublicRates | None], written_in: str
    ) -> PitchView:
        """The pitch in ``language``; its note, without a language of its own, is in the
        site's first (``written_in``) and is marked so on the other languages' versions."""
        pitch, view, rates = self.pitch, self.view, self.rates
        shown = language.views[pitch.kit]
        shown_rates = (
            rates if shown is view else _shown_rates(pitch, shown, kit_rates, language.fmt)
        )
        prefix = "" if pitch.language is not None else language.prefix
        packages, items, partnerships = self.chosen
        return PitchView(
            name=self.name,
            source=self.source,
            src=f"{prefix}{URL_PREFIX}/{self.name}/index.md",
            url=f"{prefix}{URL_PREFIX}/{self.name}/",
            brand=pitch.brand,
            kit=shown,
            note=render(_in_language(pitch.note, written_in, language.tag)) if pitch.note else None,
            packages=_same(packages, rates, shown_rates, "packages"),
            items=_same(items, rates, shown_rates, "items"),
            partnerships=_same(partnerships, view, shown, "partnerships"),
            expires=pitch.expires,
            expires_text=language.fmt.date(pitch.expires) if pitch.expires else None,
            rates=shown_rates,
            protect=pitch.protect,
            language=language.tag,
            key=self.name,
        )


def _in_language(text: str, written_in: str, page: str) -> str:
    return text if primary(written_in) == primary(page) else InLanguage(text, written_in)


def _same(chosen: list[T], named: Any, shown: Any, what: str) -> list[T]:
    """The things ``chosen`` from ``named`` (a kit's view, or rate card, in the site's first
    language), as ``shown`` (the same in another language) has them: lists keep their order."""
    if named is shown:
        return chosen
    mine: list[Any] = getattr(named, what) if named is not None else []
    theirs: list[Any] = getattr(shown, what) if shown is not None else []
    index = {id(thing): at for at, thing in enumerate(mine)}
    return [theirs[index[id(thing)]] for thing in chosen]


def _shown_rates(
    pitch: Pitch, view: KitView, kit_rates: Mapping[str, PublicRates | None], fmt: Formatter
) -> RatesView | None:
    """The rate card a pitch shows: the kit's view, or its whole card when the pitch is
    protected (the price gate's one exception, public/prices.page_visibility)."""
    if not pitch.protect:
        return view.rates
    whole = kit_rates.get(view.slug)
    return rates_view(whole, fmt) if whole else None


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
