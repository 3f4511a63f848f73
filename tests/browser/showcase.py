"""The showcase's page types, shared by the browser tests (pages, a11y, keyboard, HTML).

Every kit in ``kits/`` gives a media kit and a work-with-me page, so a kit added to the showcase
is covered without touching the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KIT_SLUGS = sorted(path.stem for path in (ROOT / "kits").glob("*.yml"))
PITCH_FILES = sorted((ROOT / "pitches").glob("*.yml"))
PROTECTED = [p.stem for p in PITCH_FILES if yaml.safe_load(p.read_text("utf-8")).get("protect")]
"""Pitches published only encrypted: before the password, their page is an unlock form."""
PITCHES = [p.stem for p in PITCH_FILES if p.stem not in PROTECTED]
REPORTS = sorted(
    path.stem
    for path in (ROOT / "campaigns").glob("*.yml")
    if not yaml.safe_load(path.read_text(encoding="utf-8")).get("protect")
)
"""The campaigns whose report is a plain page (a protected one is an unlock page)."""
PROTECTED_REPORTS = sorted(
    path.stem
    for path in (ROOT / "campaigns").glob("*.yml")
    if yaml.safe_load(path.read_text(encoding="utf-8")).get("protect")
)


@dataclass(frozen=True)
class PageType:
    """One page type of the showcase, with the URL that shows it."""

    id: str
    path: str  # relative to the site's base URL
    kind: str  # roster, kit, work, docs, pitch, report, protected, 404
    status: int = 200

    @property
    def file(self) -> str:
        """The built file that answers ``path``."""
        return "404.html" if self.status == 404 else f"{self.path}index.html"


PAGES = [
    PageType("home", "", "roster"),
    *(PageType(f"kit:{slug}", f"{slug}/", "kit") for slug in KIT_SLUGS),
    *(PageType(f"work:{slug}", f"{slug}/work-with-me/", "work") for slug in KIT_SLUGS),
    PageType("docs:about", "about/", "docs"),
    *(PageType(f"pitch:{name}", f"for/{name}/", "pitch") for name in PITCHES),
    *(PageType(f"protected:{name}", f"for/{name}/", "protected") for name in PROTECTED),
    *(PageType(f"report:{name}", f"reports/{name}/", "report") for name in REPORTS),
    *(PageType(f"protected:{name}", f"reports/{name}/", "protected") for name in PROTECTED_REPORTS),
    PageType("404", "no/such/page/", "404", status=404),
]

# The set each test module parametrizes over; ids read like ``kit:ava-green``.
page_types = pytest.mark.parametrize("page_type", PAGES, ids=[p.id for p in PAGES])
