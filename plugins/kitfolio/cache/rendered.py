"""Rendered pages kept in memory between the rebuilds of one ``mkdocs serve`` process.

A page is named by a digest of every input its template reads (see ``adapter/page_inputs.py``);
a rebuild whose page has the same name gets the same HTML back instead of rendering the
template again. Nothing is written to disk, so a stale entry can never outlive the process,
and each build keeps only the pages it used, so memory stays one site's worth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class RenderCounts:
    """What one build did with its pages: rendered (new or changed inputs) or replayed."""

    rendered: set[str] = field(default_factory=set)
    replayed: set[str] = field(default_factory=set)


class PageStore(Protocol):
    """Where the replay keeps rendered pages: this process's memory, or the build cache."""

    @property
    def last(self) -> RenderCounts: ...

    def begin(self) -> None: ...

    def has(self, key: str) -> bool: ...

    def get(self, key: str, src: str) -> str | None: ...

    def put(self, key: str, src: str, html: str) -> None: ...

    def end(self) -> None: ...


@dataclass
class RenderedPages:
    """The template output of each page by the digest of its inputs."""

    pages: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    counts: RenderCounts = field(default_factory=RenderCounts)
    last: RenderCounts = field(default_factory=RenderCounts)
    """The counts of the last finished build (the preview tests read them)."""

    def begin(self) -> None:
        """A build starts: nothing of it used or counted yet."""
        self.used = set()
        self.counts = RenderCounts()

    def has(self, key: str) -> bool:
        """Whether HTML is kept for ``key`` (``get`` reads it)."""
        return key in self.pages

    def get(self, key: str, src: str) -> str | None:
        """The HTML rendered before from the same inputs, or None (then render and ``put``)."""
        found = self.pages.get(key)
        if found is not None:
            self.used.add(key)
            self.counts.replayed.add(src)
        return found

    def put(self, key: str, src: str, html: str) -> None:
        """Remember what the page ``src`` rendered from the inputs named ``key``."""
        self.pages[key] = html
        self.used.add(key)
        self.counts.rendered.add(src)

    def end(self) -> None:
        """A build finished: forget the pages it did not use (a changed page's old HTML)."""
        self.pages = {key: html for key, html in self.pages.items() if key in self.used}
        self.last = self.counts

    def clear(self) -> None:
        """Forget everything (a build that is not a preview, or one that failed)."""
        self.pages.clear()
        self.used = set()
        self.counts = RenderCounts()
