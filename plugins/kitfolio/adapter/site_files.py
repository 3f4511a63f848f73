"""What the adapter hands MkDocs as files: the docs and theme files it finds ahead of MkDocs,
their claims on the site's paths, drawn images written from the cache, minified assets and the
front matter of each planned page."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, get_files

from kitfolio.adapter.loading import Loaded
from kitfolio.errors import shown_path
from kitfolio.media.work import MediaError, Output
from kitfolio.outputs import minify
from kitfolio.outputs import url_claims as claims
from kitfolio.outputs.plan import PlannedPage
from kitfolio.pipeline import BuildProducts

log = get_plugin_logger(__name__)


def found_files(config: MkDocsConfig) -> Files:
    """The documentation and theme files the build will find, looked for ahead of MkDocs.

    MkDocs warns about its own walk (a README beside an index); this early one stays quiet.
    """
    walk = logging.getLogger("mkdocs.structure.files")
    was = walk.disabled
    walk.disabled = True
    try:
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
    finally:
        walk.disabled = was
    return files


def engine_claims(files: Files, config: MkDocsConfig, root: Path) -> Iterator[claims.Claim]:
    """What MkDocs writes besides Kitfolio's pages: docs files, theme files, its own outputs."""
    docs_dir = shown_path(Path(config.docs_dir), root)
    for file in files:
        if not file.inclusion.is_in_serve():
            continue
        if file.generated_by:
            owner, located = f"the {file.generated_by} plugin", False
        elif file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir):
            owner, located = f"{docs_dir}/{file.src_uri}", True
        else:
            owner, located = "the theme", False
        yield claims.Claim(file.dest_uri, owner, located)
    for template in config.theme.static_templates:
        yield claims.Claim(template, "MkDocs")
        if template == "sitemap.xml":
            yield claims.Claim("sitemap.xml.gz", "MkDocs")
    if any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins):
        yield claims.Claim("search/search_index.json", "the search plugin")


class CachedFile(File):
    """A drawn image, written by the core from the build cache (checked again as it is read, and
    drawn again if the cache lost it since), never copied blindly from a path."""

    output: Output
    built: BuildProducts

    @classmethod
    def of(cls, config: MkDocsConfig, output: Output, built: BuildProducts) -> CachedFile:
        file = cls.generated(config, output.src, abs_src_path=str(output.path))
        assert isinstance(file, CachedFile)
        file.output, file.built = output, built
        return file

    def copy_file(self, dirty: bool = False) -> None:
        if dirty:
            with contextlib.suppress(OSError):  # the cached file may be gone: write it again
                if not self.is_modified():
                    return
        target = Path(self.abs_dest_path)
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.built.publish(self.output, target)
        except MediaError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(
                "kitfolio: an image vanished from the build cache and could not be drawn again"
            ) from None


class MadeText(File):
    """A generated text (the data feed) made when MkDocs reads or writes it, not held from
    ``on_files`` to the end of the build: 10,000 kit.json files are tens of megabytes. Once
    written, the file in ``site/`` is its source."""

    _make: Callable[[], str] | None = None
    _given: str | bytes | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, src: str, make: Callable[[], str]) -> MadeText:
        file = cls.generated(config, src, content="")
        assert isinstance(file, MadeText)
        file._given, file._make = None, make
        return file

    @property
    def _content(self) -> str | bytes | None:
        """MkDocs' in-memory content: what was given, else the text made now."""
        if self._given is not None:
            return self._given
        return self._make() if self._make is not None else None

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._given, self._make = value, None

    def is_modified(self) -> bool:
        return self._make is not None or super().is_modified()

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if self._given is None and self._make is not None:
            self._make, self.abs_src_path = None, self.abs_dest_path


def minify_assets(files: Files) -> None:
    """Serve Kitfolio's own CSS and JavaScript minified; the theme's sources stay readable."""
    for file in files:
        if minify.minifiable(file.src_uri) and file.abs_src_path is not None:
            source = Path(file.abs_src_path).read_text(encoding="utf-8")
            file.content_string = minify.minified(file.src_uri, source)


def front_matter(page: PlannedPage) -> str:
    """The plan's template and listing as front matter; ``hide`` is Material's."""
    search = "" if page.inclusion.in_search else "search: {exclude: true}\n"
    return f"---\ntemplate: {page.template}\nhide: [navigation, toc]\n{search}---\n"


def check_claims(files: Files, config: MkDocsConfig, loaded: Loaded) -> None:
    """Every path the build writes has one owner: a kit, a pitch, a docs file, the theme."""
    built = loaded.built
    if built is None:
        return
    config_file = config.config_file_path or str(loaded.root / "mkdocs.yml")
    agency_owner = f"{shown_path(Path(config_file), loaded.root)} (agency.logo)"
    logo = built.agency.logo if built.agency else None
    logo_paths = [logo.src, *(src for src, _ in logo.webp)] if logo else []
    ours = claims.kitfolio_claims(
        loaded.roster,
        built.sites,
        loaded.additions.pitches.pitches,
        logo_paths,
        agency_owner,
        loaded.additions.every_campaign(),
    )
    found = claims.clashes(ours, engine_claims(files, config, loaded.root))
    for problem in found:
        log.error(str(problem))
    if found:
        count = len(found)
        raise PluginError(
            f"kitfolio: {count} page{'s' if count != 1 else ''} or file"
            f"{'s' if count != 1 else ''} with two sources; nothing was built and site/ is "
            "unchanged"
        )
