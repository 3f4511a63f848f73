"""Each kit's ``kit.json`` kept in the build cache beside the rendered pages.

A kit's feed is made of its view and the feed's site header alone, so it is kept under the
view's name (the digest of the view's inputs, ``public/stored_views``) and that header. An
unchanged kit's feed is then read back, checked as every cached file is, and not formatted
again. A view without a name (a cache that could not keep it) has its feed made, as without a
cache. The feeds are recorded when the pages are (``Replay.end``); the others are pruned.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from kitfolio.cache import Cache, digest
from kitfolio.cache.stored_pages import ENCODING
from kitfolio.public.views import KitView

FILE = "kit.json"


class KeptFeeds:
    """The makers of kit.json texts, reading each back from ``cache`` when it was made before
    from a view of the same ``name``."""

    def __init__(self, cache: Cache, name: Callable[[object], str | None]) -> None:
        self.cache = cache
        self.name = name
        self.made = 0
        self.kept = 0
        """How many feeds this build made, and how many it read back (the tests read them)."""

    def __call__(self, view: KitView, header: str, make: Callable[[], str]) -> Callable[[], str]:
        named = self.name(view)
        if named is None:
            return make
        return partial(self._text, digest(FILE, named, header), make)

    def _text(self, key: str, make: Callable[[], str]) -> str:
        data = self.cache.read_one(key, FILE)
        if data is not None:
            try:
                text = data.decode(*ENCODING)
            except UnicodeDecodeError:
                pass
            else:
                self.kept += 1
                return text
        text = make()
        self.made += 1
        self.cache.keep_one(key, FILE, text.encode(*ENCODING))
        return text
