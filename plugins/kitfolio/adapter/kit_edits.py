"""The live preview's quick rebuild: when the files saved since the last build are kit files
alone, only those kits are read and drawn again (``loading.load_edited``) and only the pages
that show them are rendered again, into the served site, with MkDocs' own page builder.

A full rebuild of ``mkdocs serve`` walks every page of the site, which for a roster of a
thousand kits takes many seconds even when each page is replayed. The pages a kit shows on are
its own in every language, the roster's pages, pitches and campaign reports, the 404 and the data
feeds; those are written again, with the kit's pictures and cards. Its PDFs take seconds more
than the pages: they are drawn after the pages are served (``LatePdfs``), the old ones served
until then. The search index and the sitemap catch up at the next full rebuild. Anything else
saved (a new or removed kit, an image, a template, mkdocs.yml, a page of the site's own, a
catalog) rebuilds everything.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kitfolio.adapter.loading import Edited
from kitfolio.adapter.options import KitfolioConfig
from kitfolio.adapter.page_inputs import edited_theme_folders
from kitfolio.adapter.site_files import front_matter
from kitfolio.adapter.watched_files import Snapshot
from kitfolio.media.work import MediaError
from kitfolio.outputs.plan import PlannedPage
from kitfolio.page_kinds import PageKind
from kitfolio.sources.files import SUFFIXES

log = get_plugin_logger(__name__)

MOST_KITS = 5
"""More kits saved at once (a checkout, a search and replace) rebuild everything."""

SHOWING_EVERY_KIT = (PageKind.ROSTER, PageKind.PITCH, PageKind.REPORT)
"""Pages that may show any kit of their language."""


@dataclass(frozen=True)
class LastBuild:
    """What the last full build rendered its pages with, kept to render some of them again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment


def watched_places(config: MkDocsConfig, options: KitfolioConfig) -> list[Path]:
    """Everything a rebuild may read from the project: mkdocs.yml, docs_dir, the theme's own
    folders, the kits, pitches and campaigns and whatever ``watch`` names."""
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    sources = (options.kits_dir, options.pitches_dir, options.campaigns_dir)
    places = [root / name for name in sources]
    places += [Path(config.config_file_path or root / "mkdocs.yml"), Path(config.docs_dir)]
    places += [Path(folder) for folder in edited_theme_folders(config.theme.dirs)]
    places += [Path(item) for item in config.watch]
    return [place.resolve() for place in places]


def edited_kits(before: Snapshot, now: Snapshot, kits_dir: Path) -> list[Path] | None:
    """The kit files rewritten between the snapshots, when nothing else changed and no kit was
    added or removed; None when the change needs a full rebuild."""
    changed = before.changed(now)
    paths = sorted(Path(name) for name in changed)
    if not paths or len(paths) > MOST_KITS:
        return None
    for path in paths:
        name = str(path)
        if name not in before.files or name not in now.files:
            return None
        if path.parent != kits_dir or path.suffix.lower() not in SUFFIXES:
            return None
        if path.name.startswith("."):
            return None
    return paths


def pages_showing(pages: Mapping[str, PlannedPage], slugs: Iterable[str]) -> list[str]:
    """The planned pages that show one of the kits ``slugs``."""
    wanted = set(slugs)
    return [
        src
        for src, page in pages.items()
        if page.kind in SHOWING_EVERY_KIT or (page.view is not None and page.view.slug in wanted)
    ]


def render_pages(last: LastBuild, pages: Mapping[str, PlannedPage], srcs: Iterable[str]) -> int:
    """Build the pages ``srcs`` again as the last build did, each written to the site: its front
    matter from the plan, then MkDocs' reading, plugins' events, template and writing."""
    config, files = last.config, last.files
    doc_files = files.documentation_pages()
    count = 0
    for src in srcs:
        file = files.get_file_from_path(src)
        if file is None or file.page is None:
            continue
        file.content_string = front_matter(pages[src])
        _populate_page(file.page, config, files)
        _build_page(file.page, config, doc_files, last.nav, last.env)
        count += 1
    if "404.html" in config.theme.static_templates:
        _build_theme_template("404.html", last.env, files, config, last.nav)
    return count


def write_texts(site_dir: Path, texts: Iterable[tuple[str, str]]) -> None:
    """Generated files (the data feeds) written where MkDocs wrote them, when they differ."""
    for src, text in texts:
        target = site_dir / src
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class LatePdfs:
    """The saved kits' PDFs, drawn in a thread once their pages are served and then published
    into the served site, each file replaced whole; the next rebuild waits for them first."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self, edited: Edited, site_dir: Path) -> None:
        self.wait()
        if edited.later:
            self._thread = threading.Thread(
                target=_draw_and_publish, args=(edited, site_dir), name="kitfolio-pdfs", daemon=True
            )
            self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _draw_and_publish(edited: Edited, site_dir: Path) -> None:
    started = time.perf_counter()
    named = ", ".join(sorted(edited.slugs))
    built = edited.loaded.built
    try:
        outputs = edited.make_later()
        for output in outputs:
            assert built is not None
            target = site_dir / output.src
            staged = target.with_name(f".{target.name}.drawing")
            built.publish(output, staged)
            os.replace(staged, target)
    except (MediaError, OSError) as exc:
        problems = getattr(exc, "problems", None) or [exc]
        for problem in problems:
            log.error(f"{named} saved: a PDF could not be drawn, the last is served: {problem}")
        return
    count = f"{len(outputs)} PDF{'' if len(outputs) == 1 else 's'}"
    log.info(f"{named} saved: {count} drawn in {time.perf_counter() - started:.2f} s")
