"""The kinds of page a build generates, named once for every stage that shapes a page."""

from __future__ import annotations

from enum import StrEnum


class PageKind(StrEnum):
    """A generated page's kind: it picks the template, the title, the card and the JSON-LD."""

    KIT = "kit"
    WORK = "work"
    ROSTER = "roster"
    PITCH = "pitch"
    REPORT = "report"
