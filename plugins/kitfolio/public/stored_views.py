"""Kit views kept in the build cache between builds, each under the digest of all it is made of.

Translating a kit, passing it through the privacy gate and formatting its view (figures in the
locale's words, Markdown, charts, palettes) is most of what a warm build of a large roster does
before MkDocs starts on its pages, and a view is a function of the kit's file, its checked
images, what the build derived for it (pictures, accent, history), its settings (locale,
language, the day), its language and folder, the message catalog of its words and the code that
does all this. So each view, with the public model it was formatted from, is kept under the
digest of exactly those (``code`` names the code and the packages installed), and read back
through a ``plain_data.Codec`` that knows the view's types alone. Whatever cannot be stored,
read or decoded is formatted again, as without a cache.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kitfolio.cache import Cache, digest
from kitfolio.cache.identity import ByIdentity
from kitfolio.cache.plain_data import Codec, Shared, Unreadable, Unstorable
from kitfolio.derive.build_facts import BuildFacts
from kitfolio.derive.figures import Engagement
from kitfolio.derive.growth import Point
from kitfolio.media.palette import Palette
from kitfolio.model.kit import Network, Offer, Visibility
from kitfolio.public import model, views
from kitfolio.public.model import PublicKit
from kitfolio.public.views import KitView, Settings
from kitfolio.sources.kits import LoadedKit

FILE = "view.json"

VIEW_DATA = Codec(
    [
        views.Image,
        views.GrowthView,
        views.EngagementView,
        views.PlatformView,
        views.Share,
        views.AudienceView,
        views.PriceLine,
        views.RatesView,
        views.Step,
        views.QuoteView,
        views.PartnershipView,
        views.HighlightView,
        views.ContactView,
        views.ChartSet,
        views.KitView,
        views.Settings,
        model.PublicImage,
        model.PublicPlatform,
        model.PublicAudience,
        model.PublicPrice,
        model.PublicAddon,
        model.PublicRates,
        model.PublicQuote,
        model.PublicPartnership,
        model.PublicHighlight,
        model.PublicContact,
        model.PublicStep,
        model.PublicKit,
        Engagement,
        Point,
        Palette,
    ],
    [Network, Offer, Visibility],
)
"""Every type a view and its public model are made of; nothing else is read back."""


@dataclass(frozen=True)
class ViewInputs:
    """What one kit's view is made of besides its settings: the kit as loaded (its file by
    ``revision``, its slug, path and checked images), what the build derived for it, the
    language it is shown in with the site's first (whose words are the kit's own), and that
    language's folder."""

    loaded: LoadedKit
    derived: BuildFacts | None
    languages: tuple[str, str]
    prefix: str


class StoredViews:
    """Views by the digest of their inputs, in ``cache``; ``code`` names the code making them
    and ``catalog`` the message catalog of a language (``adapter/page_inputs.catalog_digest``)."""

    def __init__(self, cache: Cache, code: str, catalog: Callable[[str], str]) -> None:
        self.cache = cache
        self.code = code
        self.catalog = functools.cache(catalog)
        """Named once per language in a build: every kit of a language reads the same file."""
        self._settings: dict[Settings, bytes] = {}
        self.made = 0
        self.kept = 0
        """How many views this build formatted, and how many it read back (the tests read them)."""
        self._names: ByIdentity[str] = ByIdentity()
        self._texts = Shared()
        """The texts of this build's views, one object each (dropped by ``end``)."""

    def view(self, inputs: ViewInputs, settings: Settings, make: Callable[[], KitView]) -> KitView:
        """The view of ``inputs``: the one kept for the same inputs, else ``make()``'s, kept.

        A kit whose file was not named (``LoadedKit.revision``) is formatted and not kept.
        """
        key = self._key(inputs, settings)
        found = self._read(key) if key else None
        if found is not None:
            self.kept += 1
            self._names.put(found, key)
            return found
        made = make()
        self.made += 1
        if key:
            made = self._keep(key, made)
            self._names.put(made, key)
        return made

    def name(self, view: object) -> str | None:
        """The digest of the inputs of a view this returned, None for any other object: the same
        inputs make the same view, so what is made of a view alone can be named by it without
        reading the view again (``page_inputs.ViewDigests``, ``adapter/kept_feeds``)."""
        return self._names.find(view)

    def _key(self, inputs: ViewInputs, settings: Settings) -> str:
        loaded = inputs.loaded
        if not loaded.revision:
            return ""
        shown = self._settings.get(settings)
        if shown is None:
            try:
                shown = VIEW_DATA.dumps(settings)
            except Unstorable:
                return ""
            self._settings[settings] = shown
        return digest(
            self.code,
            self.catalog(settings.words_language),
            shown,
            inputs.prefix,
            repr(inputs.languages),
            loaded.revision,
            loaded.slug,
            str(loaded.path),
            repr(sorted(loaded.images.items())),
            repr(inputs.derived),
        )

    def _read(self, key: str) -> KitView | None:
        data = self.cache.read_one(key, FILE)
        return None if data is None else self._decoded(data)

    def _decoded(self, data: bytes) -> KitView | None:
        try:
            found: Any = VIEW_DATA.loads(data, self._texts)
        except Unreadable:
            return None
        if type(found) is not KitView or type(found.public) is not PublicKit:
            return None
        return found

    def _keep(self, key: str, view: KitView) -> KitView:
        """Keep ``view``; what the next build will read back in its place, read back now: the
        same view, its texts shared with the other views' as a warm build's are."""
        try:
            data = VIEW_DATA.dumps(view)
        except Unstorable:
            return view
        self.cache.keep_one(key, FILE, data)
        return self._decoded(data) or view

    def end(self) -> None:
        """Record this build's views (the others are pruned); raises OSError on a full disk."""
        self._texts = Shared()
        self.cache.save()
