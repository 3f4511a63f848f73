"""Image work of a build: kit photos, the accent of each avatar and social cards.

Each piece of work is a job named by a hash of its inputs and the renderer's version. Jobs run
in a thread pool (Pillow releases the GIL while it decodes, resizes and encodes); a job whose
result is in the cache costs a lookup. Every job is timed, so a build can say what its images
cost, per kit, cold and warm. Publishing a file checks it against the cache once more and draws
it again if the cache lost or spoiled it meanwhile, so a build never stops half-way through
writing the site because of the cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kitfolio.cache import Cache, Entry, digest
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.errors import Problem
from kitfolio.media import palette
from kitfolio.media import renditions as pictures
from kitfolio.media.image_checks import ImageFacts
from kitfolio.media.processes import processes, usable
from kitfolio.media.renditions import Picture, Rendition, Role
from kitfolio.media.stats import ImageStats as ImageStats
from kitfolio.media.stats import JobCost
from kitfolio.outputs import social_card as cards
from kitfolio.outputs.social_card import Card
from kitfolio.page_kinds import PageKind
from kitfolio.public.views import KitView
from kitfolio.sources.documents import Loc
from kitfolio.sources.files import LocatedImage
from kitfolio.sources.kits import LoadedKit, located_images

CARD_KINDS = (PageKind.KIT, PageKind.WORK)
"""The pages with a social card: the media kit and the work-with-me page."""


@dataclass(frozen=True)
class Output:
    """A file the build publishes: where in the site, and which file of which cache entry."""

    src: str
    path: Path
    key: str
    name: str


class MediaError(Exception):
    """Image work that failed, located at the kit field that names the image."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class AvatarFacts(BaseModel):
    """What drawing an avatar found, as remembered in the cache."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")
    accent: Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")] | None = None


class NoFacts(BaseModel):
    """Pictures other than avatars, and cards, remember nothing besides their files."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


@dataclass(frozen=True)
class Wanted:
    """A checked image to publish as a picture of ``role`` at site path ``stem``.

    The image's owner groups the cost in the stats; its field locates a failure to draw it.
    """

    image: LocatedImage
    stem: str
    role: Role
    focus: tuple[float, float] | None = None
    """Where a square crop centres, in percent (``avatar_focus``); the middle when None."""


@dataclass(frozen=True)
class _Job:
    slug: str
    kind: str
    key: str
    work: Callable[[Path], Mapping[str, Any]]
    where: LocatedImage | None = None
    facts: type[BaseModel] = NoFacts
    """The shape of what ``work`` returns; a cached entry with other facts is drawn again."""


SUFFIXES = {"JPEG": "jpg", "PNG": "png"}

ROLES = {
    "avatar": pictures.AVATAR,
    "cover": pictures.COVER,
    "highlights": pictures.HIGHLIGHT,
    "partnerships": pictures.BRAND_LOGO,
}


class Media:
    """Runs a build's image jobs against one cache and keeps what they produced."""

    def __init__(self, cache: Cache, workers: int | None = None) -> None:
        self.cache = cache
        self.workers = workers or min(8, os.cpu_count() or 2)
        self.stats = ImageStats()
        self.made = ImageStats()
        """The cost of the files other than pictures (PDFs), apart from the images'."""
        self.outputs: list[Output] = []
        self._entries: dict[str, Entry] = {}
        self._jobs: dict[str, _Job] = {}
        self._redrawn: dict[str, Path] = {}
        self._portraits: dict[str, Output] = {}
        """Per slug, the drawn avatar rendition a social card shows (decoded once, not again)."""
        self._spare: tempfile.TemporaryDirectory[str] | None = None
        self._lock = threading.RLock()
        """Reentrant: drawing a PDF again may draw again a picture it shows."""

    def _found(self, job: _Job) -> Entry | None:
        entry = self.cache.get(job.key)
        if entry is None:
            return None
        try:
            job.facts.model_validate(dict(entry.meta))
        except ValidationError:
            return None
        return entry

    def _run(
        self, jobs: list[_Job], stats: ImageStats | None = None, *, forked: bool = False
    ) -> dict[str, Entry]:
        """Every job's result by key: from the cache, or drawn in the pool (once per key); its
        cost goes to ``stats`` (the images' by default). ``forked`` work holds the GIL (a PDF):
        what is not in the cache is drawn in worker processes, one a core."""
        unique = list({job.key: job for job in jobs}.values())
        self._jobs.update((job.key, job) for job in unique)
        cold = [job for job in unique if self._found(job) is None] if forked else []
        if not usable(len(cold)):
            return self._threads(unique, self.stats if stats is None else stats)
        with processes([job.work for job in cold]) as pool:
            remote = {job.key: replace(job, work=pool.work(i)) for i, job in enumerate(cold)}
            sent = [remote.get(job.key, job) for job in unique]
            return self._threads(sent, self.stats if stats is None else stats)

    def _threads(self, unique: list[_Job], costs: ImageStats) -> dict[str, Entry]:
        def one(job: _Job) -> tuple[_Job, Entry | None, Exception | None]:
            started = time.perf_counter()
            entry = self._found(job)
            cold = entry is None
            try:
                if entry is None:
                    entry = self.cache.make(job.key, job.work)
            except Exception as exc:
                return job, None, exc
            costs.jobs.append(JobCost(job.slug, job.kind, cold, time.perf_counter() - started))
            return job, entry, None

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            results = list(pool.map(one, unique))
        problems = [_problem(job, exc) for job, _, exc in results if exc is not None]
        if problems:
            raise MediaError(problems)
        entries = {job.key: entry for job, entry, _ in results if entry is not None}
        self._entries.update(entries)
        return entries

    def _output(self, src: str, entry: Entry, name: str) -> None:
        self.outputs.append(Output(src, entry.path(name), entry.key, name))

    def adopt(self, other: Media) -> None:
        """Take ``other``'s work as this run's own, so the outputs of both publish alike (the
        preview's run for an edited kit, spliced into the last build's)."""
        with self._lock:
            self._entries.update(other._entries)
            self._jobs.update(other._jobs)

    def publish(self, output: Output, target: Path) -> None:
        """Write ``output`` to ``target``: from the cache when it is still as drawn, else drawn
        again (into a folder of this build, not the cache, whose manifest is already written).

        Raises MediaError when it cannot be drawn again either (its source photo is gone).
        """
        entry = self._entries[output.key]
        if self.cache.copy(entry, output.name, target):
            return
        shutil.copyfile(self._redraw(output.key) / output.name, target)

    def facts(self, output: Output) -> Mapping[str, Any]:
        """What the work that made ``output`` remembered (a PDF's page counts)."""
        return self._entries[output.key].meta

    def _redraw(self, key: str) -> Path:
        with self._lock:
            if key in self._redrawn:
                return self._redrawn[key]
            if self._spare is None:
                self._spare = tempfile.TemporaryDirectory(prefix="kitfolio-")
            folder = Path(self._spare.name) / key
            folder.mkdir()
            job = self._jobs[key]
            try:
                job.work(folder)
            except Exception as exc:
                raise MediaError([_problem(job, exc)]) from None
            self._redrawn[key] = folder
            return folder

    def draw(self, wanted: Iterable[Wanted]) -> list[tuple[Wanted, Picture, Entry]]:
        """Draw each wanted image as a picture of its role (or find it in the cache).

        Every rendition is re-encoded without metadata and named by Kitfolio, whatever the
        source file was called, so only the image itself is ever published.
        """
        planned: list[tuple[Wanted, Picture, _Job]] = []
        for one in wanted:
            role = one.role
            key = digest(
                pictures.VERSION,
                palette.VERSION,
                role.name,
                repr(role.widths),
                role.sizes,
                repr(role.square),
                repr(one.focus),
                one.stem,
                one.image.facts.digest,
            )
            picture = pictures.plan(one.image.facts, one.stem, role, key[:10], one.focus)
            kind = one.stem.rsplit("/", 1)[-1]
            work = _picture_work(one.image.facts.path, picture, role)
            facts = AvatarFacts if role is pictures.AVATAR else NoFacts
            planned.append((one, picture, _Job(one.image.owner, kind, key, work, one.image, facts)))
        entries = self._run([job for *_, job in planned])
        drawn = []
        for one, picture, job in planned:
            entry = entries[job.key]
            for rendition in picture.files:
                self._output(rendition.src, entry, rendition.name)
            drawn.append((one, picture, entry))
        return drawn

    def pictures(self, kits: Iterable[LoadedKit]) -> dict[str, BuildFacts]:
        """Draw every kit's photos; per slug, its pictures and the accent found in its avatar."""
        kits = list(kits)
        focus = {
            k.slug: (k.kit.avatar_focus.x, k.kit.avatar_focus.y)
            for k in kits
            if k.kit.avatar_focus is not None
        }
        wanted = [
            Wanted(
                image,
                _stem(image.owner, image.loc),
                ROLES[str(image.loc[0])],
                focus.get(image.owner) if image.loc == ("avatar",) else None,
            )
            for image in located_images(kits)
        ]
        found: dict[str, dict[str, Picture]] = {}
        accents: dict[str, str | None] = {}
        for one, picture, entry in self.draw(wanted):
            image = one.image
            found.setdefault(image.owner, {})[image.ref] = picture
            if image.loc == ("avatar",):
                accents[image.owner] = AvatarFacts.model_validate(dict(entry.meta)).accent
                self._portraits[image.owner] = _portrait(picture, entry)
        return {
            slug: BuildFacts(pictures=found.get(slug, {}), accent=accents.get(slug))
            for slug in {*found, *accents}
        }

    def make(self, wanted: Sequence[Made]) -> dict[str, Entry]:
        """Make each wanted file (or find it in the cache); its entry by key, facts checked.

        These are PDFs, which WeasyPrint lays out in Python under the GIL: drawn in processes.
        """
        jobs = [_Job(m.slug, m.kind, m.key, m.work, facts=m.facts) for m in wanted]
        entries = self._run(jobs, self.made, forked=True)
        for one in wanted:
            self._output(one.src, entries[one.key], one.name)
        return entries

    def cards(
        self, views: Sequence[KitView], site_name: str, avatars: Mapping[str, ImageFacts]
    ) -> dict[tuple[str, str], Rendition]:
        """Draw the social card of each media-kit (``kit``) and work-with-me (``work``) page,
        by the page's path (a kit's views in several languages are several pages).

        A kit's two cards are one job: drawn one after the other they share the decoded photo
        and most of their text, and a changed figure redraws both for the cost of one.
        """
        fonts = cards.font_digest()
        jobs: list[_Job] = []
        formats: list[str] = []
        for view in views:
            avatar = avatars.get(view.slug)
            photo = avatar.path if avatar else None
            pair = tuple(cards.card_for(view, kind, site_name, photo) for kind in CARD_KINDS)
            portrait = self._portraits.get(view.slug) if avatar else None
            key = digest(
                cards.VERSION,
                fonts,
                *(card.fingerprint() for card in pair),
                avatar.digest if avatar else "",
                portrait.key if portrait else "",
            )
            jobs.append(_Job(view.slug, "cards", key, self._cards_work(pair, portrait)))
            formats.append(cards.file_format(pair[0]))
        entries = self._run(jobs)
        out: dict[tuple[str, str], Rendition] = {}
        for view, job, kind_of_file in zip(views, jobs, formats, strict=True):
            suffix = SUFFIXES[kind_of_file]
            for kind, url in zip(CARD_KINDS, (view.url, view.work_url), strict=True):
                src = f"{url}card.{job.key[:10]}.{suffix}"
                self._output(src, entries[job.key], f"{kind}.{suffix}")
                out[(view.url, kind)] = Rendition(src, cards.WIDTH, cards.HEIGHT, kind_of_file)
        return out

    def _cards_work(
        self, pair: tuple[Card, ...], portrait: Output | None
    ) -> Callable[[Path], dict[str, Any]]:
        """Draw a kit's two cards; the photo is the avatar's drawn rendition when there is one
        (a small WebP, already upright, in sRGB and cropped at the kit's focus), so the source
        photo is not decoded a second time."""

        def work(folder: Path) -> dict[str, Any]:
            avatar = pair[0].avatar
            photo = None
            if portrait is not None:
                with tempfile.TemporaryDirectory(prefix="kitfolio-card-") as scratch:
                    copy = Path(scratch) / portrait.name
                    self.publish(portrait, copy)
                    photo = cards.portrait_of(copy)
            elif avatar:
                photo = cards.photo_of(Path(avatar))
            for kind, card in zip(CARD_KINDS, pair, strict=True):
                cards.save(card, folder / f"{kind}.{SUFFIXES[cards.file_format(card)]}", photo)
            return {}

        return work


def _portrait(picture: Picture, entry: Entry) -> Output:
    """The avatar rendition a card's portrait is drawn from: the narrowest that covers it."""
    covering = [r for r in picture.webp if r.width >= cards.AVATAR_SIZE]
    rendition = min(covering, key=lambda r: r.width) if covering else picture.webp[-1]
    return Output(rendition.src, entry.path(rendition.name), entry.key, rendition.name)


@dataclass(frozen=True)
class Made:
    """A file other than a picture that a build makes (a PDF), drawn like one: named by
    ``key``, found in the cache or made by ``work`` into a folder, published at ``src``."""

    slug: str
    kind: str
    key: str
    work: Callable[[Path], Mapping[str, Any]]
    facts: type[BaseModel]
    src: str
    name: str


def _stem(slug: str, loc: Loc) -> str:
    if loc[0] == "highlights":
        assert isinstance(loc[1], int)
        return pictures.highlight_stem(slug, loc[1])
    if loc[0] == "partnerships":
        assert isinstance(loc[1], int)
        return pictures.partner_logo_stem(slug, loc[1])
    return f"{slug}/{loc[0]}"


def _picture_work(source: Path, picture: Picture, role: Role) -> Callable[[Path], dict[str, Any]]:
    def work(folder: Path) -> dict[str, Any]:
        upright = pictures.render(source, picture, folder)
        if role is not pictures.AVATAR:
            return {}
        return {"accent": palette.accent_from(upright)}

    return work


def _problem(job: _Job, exc: Exception) -> Problem:
    if job.where is None:
        return Problem("(build)", 1, 1, job.kind, f"could not draw the image: {exc}")
    where = job.where
    return where.doc.problem(where.loc, f"{where.ref}: could not be converted for the site ({exc})")
