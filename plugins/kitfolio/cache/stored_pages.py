"""Rendered pages kept in the build cache between ``mkdocs build`` runs.

A warm build renders the same templates with the same inputs again; here a page's template
output is kept under the digest of every input it reads (``adapter/page_inputs.py``, with
``lasting`` inputs: versions, sources and the whole configuration, since the next reader is
another process). An entry is used only as the cache checks its files (size and SHA-256 as
recorded, a regular file inside the cache) and when it decodes; anything else is a miss, and
the page is rendered. Protected pages are never stored: their key would hold a quick check of
their password.
"""

from __future__ import annotations

from kitfolio.cache.rendered import RenderCounts
from kitfolio.cache.store import Cache

FILE = "page.html"
ENCODING = ("utf-8", "surrogatepass")
"""What any template output encodes to and back to, unchanged."""


class StoredPages:
    """The template output of each page by the digest of its inputs, in ``cache``."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.counts = RenderCounts()
        self.last = RenderCounts()
        """The counts of the last finished build (the tests read them)."""

    def begin(self) -> None:
        self.counts = RenderCounts()

    def has(self, key: str) -> bool:
        """Whether the cache lists a page for ``key``; ``get`` checks and reads it."""
        return self.cache.lists_one(key, FILE)

    def get(self, key: str, src: str) -> str | None:
        """The HTML rendered before from the same inputs, or None (then render and ``put``)."""
        data = self.cache.read_one(key, FILE)
        if data is None:
            return None
        try:
            html = data.decode(*ENCODING)
        except UnicodeDecodeError:
            return None
        self.counts.replayed.add(src)
        return html

    def put(self, key: str, src: str, html: str) -> None:
        """Keep what the page ``src`` rendered from the inputs named ``key``."""
        self.counts.rendered.add(src)
        self.cache.keep_one(key, FILE, html.encode(*ENCODING))

    def end(self) -> None:
        """Record this build's pages (the others are pruned); raises OSError on a full disk."""
        self.last = self.counts
        self.cache.save()
