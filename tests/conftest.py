"""Shared helpers: a minimal valid kit and a site folder to build it in.

Import them in a test module with ``from conftest import MINIMAL_KIT, write_site, build_site``
(or ``load_kits`` to load kits with the core alone, without MkDocs).
"""

from __future__ import annotations

import fcntl
import functools
import gzip
import html
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.cli import SHOWCASE_PASSWORDS
from kitfolio.sources.kits import LoadedKits, kit_files, read_kits
from kitfolio.sources.passwords import SITE_VARIABLE
from kitfolio.starter import KIT_PLACEHOLDERS, SITE_PLACEHOLDERS, Placeholder

# The smallest kit that passes: every required field and nothing else. Tests append fields
# (it ends with the last platform's fields at four spaces) or replace a line.
MINIMAL_KIT = """\
name: Ava Green
niche:
  primary: Sustainable fashion
contact:
  email: hello@example.org
stats_as_of: 2026-10-31
platforms:
  - network: instagram
    followers: 48200
"""

TODAY = "2026-11-30"
"""The day every test runs on, so nothing in the suite depends on the real date: the showcase
kits and MINIMAL_KIT were written as of this day. A test that needs another day sets it."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` run first: xdist hands the rest out as workers free up, so a
    half-minute test at the end of the collection no longer keeps one core busy alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session", autouse=True)
def fixed_today() -> Iterator[None]:
    """Session-wide, so the sites module and session fixtures build are dated too; kitfolio
    processes a test starts inherit it. The showcase's public passwords are set the same way,
    and a site-wide password of the shell running the suite is not seen."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KITFOLIO_TODAY", TODAY)
        patch.delenv(SITE_VARIABLE, raising=False)
        for name, value in SHOWCASE_PASSWORDS.items():
            patch.setenv(name, value)
        yield


SITE_OPTIONS: dict[str, Any] = {
    "site_name": "Test site",
    "site_url": "https://example.org/",
    "theme": {"name": "material", "font": False},
    "plugins": [{"kitfolio": {"pdf": False}}],
}
"""A test site draws no PDF: drawing one takes a second or more per kit and language, and
only the tests that read the PDFs (or scan every file for what must not be published) need
them; they ask for ``WITH_PDFS``."""

WITH_PDFS: dict[str, Any] = {"plugins": ["kitfolio"]}
"""``write_site(root, kits, **WITH_PDFS)``: the plugin's defaults, a PDF per kit and language."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def missing(what: str) -> NoReturn:
    """Skip the test on a developer machine, fail it in CI: CI must run every test."""
    message = f"{what} (scripts/test installs it)"
    if in_ci():
        pytest.fail(f"CI is set and {message}", pytrace=False)
    pytest.skip(message)


def write_site(tmp_path: Path, kits: dict[str, str], **mkdocs_options: Any) -> Path:
    """A project in ``tmp_path``: mkdocs.yml, an empty docs/, and ``kits/<slug>.yml`` per entry.

    ``mkdocs_options`` replace the defaults of mkdocs.yml by key, e.g.
    ``plugins=[{"kitfolio": {"stale_after_days": 30}}]``. Returns ``tmp_path``.
    """
    options = {**SITE_OPTIONS, **mkdocs_options}
    (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
    (tmp_path / "kits").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(options, sort_keys=False), encoding="utf-8")
    for slug, text in kits.items():
        (tmp_path / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def write_project(root: Path, kits: dict[str, str], mkdocs_yml: str) -> Path:
    """Like ``write_site``, with mkdocs.yml given as text (for configs a test spells out)."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    for slug, text in kits.items():
        (root / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return root


def read_html(path: Path) -> BeautifulSoup:
    """A built page, parsed as a browser would read its markup."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build_site(root: Path, **load_options: Any) -> Path:
    """Build ``root/mkdocs.yml`` with MkDocs' own API (e.g. ``strict=True``); returns site_dir."""
    config = load_config(str(root / "mkdocs.yml"), **load_options)
    build(config)
    return Path(config.site_dir)


def build_with_plugin(root: Path, config_file: str = "mkdocs.yml") -> tuple[KitfolioPlugin, Path]:
    """Build ``root`` with MkDocs' own API; the plugin (with what it built) and the site_dir."""
    config = load_config(str(root / config_file))
    build(config)
    plugin = config.plugins["kitfolio"]
    assert isinstance(plugin, KitfolioPlugin) and plugin.built is not None
    return plugin, Path(config.site_dir)


SHOWCASE = Path(__file__).resolve().parents[1]


def build_showcase(root: Path, language: str) -> Path:
    """The showcase's kits, pitches, campaigns and mkdocs.yml, with ``theme.language`` set (and
    the plugin's ``languages`` left out, so that it alone says the site's language) and its docs
    folder empty (its pages are the site's own words), built strict into ``root``; returns
    site_dir. Without PDFs: its readers read pages (test_pdf_languages reads each language's
    PDF)."""
    for folder in ("kits", "pitches", "campaigns"):
        if (SHOWCASE / folder).is_dir():
            shutil.copytree(SHOWCASE / folder, root / folder)
    config = yaml.safe_load((SHOWCASE / "mkdocs.yml").read_text("utf-8"))
    (root / config.get("docs_dir", "docs")).mkdir()
    config["theme"]["language"] = language
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and isinstance(plugin.get("kitfolio"), dict):
            plugin["kitfolio"].pop("languages", None)
            plugin["kitfolio"]["pdf"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return build_site(root, strict=True)


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """``build(root)`` into a fresh folder ``name``, once for the whole run: xdist's workers
    share the folder of the run, and the first to get there builds while the others wait for it
    (a build that failed is tried again by the next). For sites the tests only read."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(factory.mktemp(name))
    root = factory.getbasetemp().parent / name
    with (root.parent / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root.parent / f"{name}.built"
        if not done.is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            done.write_text(build(root).relative_to(root).as_posix(), "utf-8")
        return root / done.read_text("utf-8")


def build_showcase_into(root: Path) -> Path:
    """The showcase as ``mkdocs.yml`` at the repo root says, built into ``root/site``."""
    config = load_config(
        str(Path(__file__).resolve().parents[1] / "mkdocs.yml"), site_dir=str(root / "site")
    )
    build(config)
    return Path(config.site_dir)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase, PDFs and all, built once for the run (see ``built_once``): the browser
    tests serve it, the PDF layout tests read its kits' PDFs."""
    return built_once(tmp_path_factory, "showcase", build_showcase_into)


@pytest.fixture(scope="session")
def showcase_in(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``showcase_in(language)``: ``build_showcase`` in that language, built once for every
    module that reads it (see ``built_once``)."""
    sites: dict[str, Path] = {}

    def site(language: str) -> Path:
        if language not in sites:
            build = functools.partial(build_showcase, language=language)
            sites[language] = built_once(tmp_path_factory, f"showcase-{language}", build)
        return sites[language]

    return site


@pytest.fixture(scope="session")
def multilingual_showcase(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``multilingual.build_multilingual_showcase``, built once for the HTML and the browser
    tests that read it (see ``built_once``)."""
    from multilingual import build_multilingual_showcase

    return built_once(tmp_path_factory, "showcase-en-es-ar", build_multilingual_showcase)


def build_error(root: Path, **load_options: Any) -> PluginError:
    """Build ``root`` expecting kitfolio to stop it, and return its PluginError.

    MkDocs' ``build()`` logs a PluginError raised by a plugin event and raises ``Abort`` from it;
    either way the PluginError is what is returned (an Abort of any other cause fails the test).
    """
    with pytest.raises((PluginError, Abort)) as info:
        build_site(root, **load_options)
    error = info.value if isinstance(info.value, PluginError) else info.value.__context__
    assert isinstance(error, PluginError), repr(info.value)
    return error


def load_kits(tmp_path: Path, kits: dict[str, str]) -> LoadedKits:
    """Write ``kits/<slug>.yml`` under ``tmp_path`` and load them as a build would."""
    folder = tmp_path / "kits"
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in kits.items():
        (folder / f"{slug}.yml").write_text(text, encoding="utf-8")
    return read_kits(kit_files(folder), tmp_path)


FILLED_IN = {
    "site_name": "Kari Nord",
    "site_url": "https://kari.example.org/kit/",
    "tagline": "Trail running and wild camping, for people who start at dawn",
    "location": "Tromsø, Norway",
    "niche.primary": "Outdoor",
    "contact.email": "kari@nord.example.org",
    "platforms.handle": "karinord",
    "platforms.url": "https://www.instagram.com/karinord/",
    "bio": "I run mountain trails before work and camp where the map goes white",
    "niche.tags": "trail running",
    "niche.tags.second": "wild camping",
    "contact.booking_url": "book.nord.example.org/kari",
    "contact.manager.name": "Siri Berg",
    "contact.manager.email": "siri@nord.example.org",
}


def _fill_in(path: Path, placeholders: tuple[Placeholder, ...]) -> None:
    """Replace each placeholder, the longest first (a handle is also part of a profile URL)."""
    text = path.read_text(encoding="utf-8")
    for placeholder in sorted(placeholders, key=lambda p: -len(p.text)):
        assert placeholder.text in text, (path, placeholder.field)
        text = text.replace(placeholder.text, FILLED_IN[placeholder.field])
    path.write_text(text, encoding="utf-8")


def fill_in_placeholders(site: Path, slug: str) -> None:
    """Do what a creator does after ``kitfolio init``: replace every placeholder."""
    _fill_in(site / "mkdocs.yml", SITE_PLACEHOLDERS)
    _fill_in(site / "kits" / f"{slug}.yml", KIT_PLACEHOLDERS)


def kitfolio(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the ``kitfolio`` command in ``cwd`` as a person would, with no terminal attached."""
    return subprocess.run(
        [sys.executable, "-m", "kitfolio", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


PAYLOAD_VALUE = re.compile(rb'data-kf-payload="[^"]*"')
"""A protected page's payload is base64 ciphertext (tests/test_protect.py opens it): random
letters and digits, which could spell "4519" by chance, so a scan reads the page around it."""


def site_texts(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file of a built site as text, to scan for what must not be published: decoded as
    UTF-8 and Latin-1 (image metadata), entities resolved, gzip opened, PDFs by their text."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        data = PAYLOAD_VALUE.sub(b"", data)
        if path.suffix == ".pdf":
            try:
                import pypdf
            except ImportError:
                pytest.fail(f"{path}: reading a PDF needs pypdf")
            reader = pypdf.PdfReader(path)
            yield path, "\n".join(page.extract_text() for page in reader.pages)
            yield path, str(reader.metadata)
        yield path, data.decode("utf-8", errors="replace")
        yield path, data.decode("latin-1")
        yield path, html.unescape(data.decode("utf-8", errors="replace"))
