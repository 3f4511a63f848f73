"""The live preview's rebuilds render only the pages whose inputs changed, and every change
shows: a kit, its photo, a template override, a plugin option, a catalog, a kit's translation,
a password. MkDocs' own ``build()`` is called the way ``mkdocs serve`` calls it (the plugin kept
between builds, ``serve_url`` set, one site_dir), and the served files are read back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from cryptography.exceptions import InvalidTag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from PIL import Image

from conftest import MINIMAL_KIT, read_html, write_site
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.outputs.protect import Payload, decrypt
from kitfolio.present import messages

URL = "http://127.0.0.1:8000/"
LEO = MINIMAL_KIT.replace("Ava Green", "Leo Berg")
AVATAR = "img.kf-avatar, .kf-avatar img"
TWO_LANGUAGES = {"languages": ["en", "es"], "pdf": False, "social_cards": False}


class _Watcher:
    """What ``on_serve`` is handed: the server, of which the plugin only calls ``watch``."""

    def watch(self, path: str) -> None:
        self.path = path


class Served:
    """A project rebuilt as ``mkdocs serve`` rebuilds it, into one site_dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root.parent / "served"
        self.plugin: KitfolioPlugin | None = None

    def build(self) -> KitfolioPlugin:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        if self.plugin is None:
            config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = URL
        build(config, serve_url=URL)
        plugin = config.plugins["kitfolio"]
        assert isinstance(plugin, KitfolioPlugin)
        if self.plugin is None:
            plugin.on_serve(_Watcher(), config=config, builder=None)
            self.plugin = plugin
        return plugin

    def rendered(self) -> set[str]:
        assert self.plugin is not None
        return self.plugin.replay.rendered.last.rendered

    def replayed(self) -> set[str]:
        assert self.plugin is not None
        return self.plugin.replay.rendered.last.replayed

    def text(self, path: str) -> str:
        return read_html(self.site / path / "index.html").get_text(" ", strip=True)

    def files(self) -> dict[str, bytes]:
        found = (p for p in self.site.rglob("*") if p.is_file())
        return {str(p.relative_to(self.site)): p.read_bytes() for p in found}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    preview = Served(tmp_path / "project")
    yield preview
    if preview.plugin is not None:  # MkDocs keeps the plugin for the next build in the process
        preview.plugin.on_startup(command="build", dirty=False)


def project(tmp_path: Path, kits: dict[str, str], options: dict[str, Any], **extra: Any) -> Path:
    return write_site(
        tmp_path / "project", kits, plugins=["search", {"kitfolio": options}], **extra
    )


def test_an_unchanged_rebuild_renders_no_page_and_serves_the_same_site(
    tmp_path: Path, served: Served
) -> None:
    project(tmp_path, {"ava": MINIMAL_KIT, "leo": LEO}, TWO_LANGUAGES)
    served.build()
    first = served.files()
    planned = set(served.rendered())
    assert {"ava/index.md", "es/leo/work-with-me/index.md", "index.md"} <= planned

    served.build()
    assert served.rendered() == set()
    assert served.replayed() == planned
    assert served.files() == first, "every file, the search index and sitemap included"


def test_a_kit_edit_renders_that_kits_pages_and_the_rosters_only(
    tmp_path: Path, served: Served
) -> None:
    root = project(tmp_path, {"ava": MINIMAL_KIT, "leo": LEO}, {**TWO_LANGUAGES, "pdf": True})
    first = served.build()
    leo_page = (served.site / "leo" / "index.html").read_bytes()

    (root / "kits" / "ava.yml").write_text(MINIMAL_KIT + "tagline: Edited tagline\n", "utf-8")
    plugin = served.build()
    assert served.rendered() == {
        "ava/index.md",
        "ava/work-with-me/index.md",
        "es/ava/index.md",
        "es/ava/work-with-me/index.md",
        "index.md",
        "es/index.md",
    }
    assert "Edited tagline" in served.text("ava")
    assert "Edited tagline" in served.text("es/ava")
    assert (served.site / "leo" / "index.html").read_bytes() == leo_page
    assert plugin.built is not None and plugin.built.media is not None
    assert {job.slug for job in plugin.built.media.made.jobs if job.cold} == {"ava"}
    assert first is plugin, "the plugin, and what it remembers, is kept between rebuilds"
    index = (served.site / "search" / "search_index.json").read_text("utf-8")
    assert "Edited tagline" in index and "leo/" in index


def test_a_kit_edit_renders_only_the_roster_page_that_lists_it(
    tmp_path: Path, served: Served
) -> None:
    """A roster of more creators than one page lists: new figures on page 2 render page 2,
    not the others; a new name that moves the kit to page 1 renders every roster page."""
    kits = {f"c{n:03}": MINIMAL_KIT.replace("Ava Green", f"Creator {n:03}") for n in range(1, 122)}
    root = project(tmp_path, kits, {"pdf": False, "social_cards": False})
    served.build()
    assert (served.site / "page" / "3" / "index.html").is_file(), "121 creators: three pages"

    saved = root / "kits" / "c070.yml"
    saved.write_text(kits["c070"].replace("followers: 48200", "followers: 48900"), "utf-8")
    served.build()
    assert served.rendered() == {"c070/index.md", "c070/work-with-me/index.md", "page/2/index.md"}
    assert "48.9K" in served.text("page/2")

    saved.write_text(kits["c070"].replace("Creator 070", "Aaron 070"), "utf-8")
    served.build()
    roster = {"index.md", "page/2/index.md", "page/3/index.md"}
    assert roster <= served.rendered()
    assert "Aaron 070" in served.text("")
    assert "Creator 070" not in served.text("page/2")


def test_a_new_photo_shows(tmp_path: Path, served: Served) -> None:
    kit = MINIMAL_KIT + "avatar: media/ava.png\n"
    root = project(tmp_path, {"ava": kit}, {"pdf": False, "social_cards": False})
    (root / "kits" / "media").mkdir()
    Image.new("RGB", (400, 400), (200, 40, 40)).save(root / "kits" / "media" / "ava.png")
    served.build()
    before = read_html(served.site / "ava" / "index.html").select_one(AVATAR)
    assert before is not None

    Image.new("RGB", (400, 400), (20, 40, 220)).save(root / "kits" / "media" / "ava.png")
    served.build()
    after = read_html(served.site / "ava" / "index.html").select_one(AVATAR)
    assert after is not None and after["src"] != before["src"]
    assert "ava/index.md" in served.rendered()
    shown = served.site / "ava" / str(after["src"])
    assert shown.resolve().is_file(), "the new picture is served beside the page"


def test_a_template_override_shows(tmp_path: Path, served: Served) -> None:
    root = project(
        tmp_path,
        {"ava": MINIMAL_KIT},
        {"pdf": False, "social_cards": False},
        theme={"name": "material", "font": False, "custom_dir": "overrides"},
    )
    footer = root / "overrides" / "kitfolio" / "partials" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text('<footer class="kf-foot">Footer one</footer>\n', "utf-8")
    served.build()
    assert "Footer one" in served.text("ava")

    footer.write_text('<footer class="kf-foot">Footer two</footer>\n', "utf-8")
    stat = footer.stat()
    os.utime(footer, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    served.build()
    assert "Footer two" in served.text("ava")


def test_a_plugin_option_shows(tmp_path: Path, served: Served) -> None:
    root = project(tmp_path, {"ava": MINIMAL_KIT}, {"pdf": False, "social_cards": True})
    served.build()
    assert read_html(served.site / "ava" / "index.html").select('meta[property="og:image"]')

    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = ["search", {"kitfolio": {"pdf": False, "social_cards": False}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    served.build()
    assert not read_html(served.site / "ava" / "index.html").select('meta[property="og:image"]')
    assert "ava/index.md" in served.rendered()


@pytest.fixture
def own_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of Kitfolio's catalogs to edit, loaded instead of the installed ones."""
    copy = tmp_path / "locales"
    shutil.copytree(messages.LOCALES_DIR, copy)
    monkeypatch.setattr(messages, "LOCALES_DIR", copy)
    messages.translations.cache_clear()
    messages.page_messages.cache_clear()
    yield copy
    monkeypatch.undo()
    messages.translations.cache_clear()
    messages.page_messages.cache_clear()


def retranslate(locales: Path, language: str, msgid: str, msgstr: str) -> None:
    folder = locales / language / "LC_MESSAGES"
    with (folder / "kitfolio.po").open("rb") as po:
        catalog = read_po(po)
    message = catalog.get(msgid)
    assert message is not None
    message.string = msgstr
    with (folder / "kitfolio.mo").open("wb") as mo:
        write_mo(mo, catalog)


def test_a_catalog_edit_shows(tmp_path: Path, served: Served, own_catalogs: Path) -> None:
    project(tmp_path, {"ava": MINIMAL_KIT}, TWO_LANGUAGES)
    retranslate(own_catalogs, "es", "Total reach", "Alcance total uno")
    served.build()
    assert "Alcance total uno" in served.text("es/ava")

    retranslate(own_catalogs, "es", "Total reach", "Alcance total dos (editado)")
    served.build()
    assert "Alcance total dos (editado)" in served.text("es/ava")
    assert "ava/index.md" in served.replayed(), "the English page reads another catalog"


def test_a_kits_translation_shows_in_its_language_only(tmp_path: Path, served: Served) -> None:
    root = project(tmp_path, {"ava": MINIMAL_KIT}, TWO_LANGUAGES)
    served.build()
    (root / "kits" / "ava.yml").write_text(
        MINIMAL_KIT + "tagline: Slow fashion\ntranslations:\n  es:\n    tagline: Moda lenta\n",
        "utf-8",
    )
    served.build()
    assert "Moda lenta" in served.text("es/ava")
    assert "Slow fashion" in served.text("ava")


PITCH = "kit: ava\nbrand: Zyvex Outdoor\nprotect: true\nnote: For Zyvex only.\n"


def payload(page: Path) -> Payload:
    found = read_html(page).select("[data-kf-payload]")
    assert len(found) == 1
    return Payload.from_json(str(found[0]["data-kf-payload"]))


def test_a_new_password_seals_the_page_again(
    tmp_path: Path, served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, {"ava": MINIMAL_KIT}, {"pdf": False, "social_cards": False})
    (root / "pitches").mkdir()
    (root / "pitches" / "zyvex.yml").write_text(PITCH, "utf-8")
    monkeypatch.setenv("KITFOLIO_PASSWORD_ZYVEX", "first long passphrase")
    served.build()
    page = served.site / "for" / "zyvex" / "index.html"
    assert "Zyvex" in decrypt(payload(page), "first long passphrase")

    monkeypatch.setenv("KITFOLIO_PASSWORD_ZYVEX", "second long passphrase")
    served.build()
    assert "for/zyvex/index.md" in served.rendered()
    assert "Zyvex" in decrypt(payload(page), "second long passphrase")
    with pytest.raises(InvalidTag):
        decrypt(payload(page), "first long passphrase")


def test_a_broken_kit_keeps_the_last_good_pages_with_the_banner(
    tmp_path: Path, served: Served
) -> None:
    root = project(tmp_path, {"ava": MINIMAL_KIT, "leo": LEO}, TWO_LANGUAGES)
    served.build()
    kit = root / "kits" / "ava.yml"
    kit.write_text(MINIMAL_KIT.replace("followers: 48200", "followers: lots"), "utf-8")
    try:
        served.build()
    except (Abort, PluginError) as exc:  # pragma: no cover (the failure message says why)
        pytest.fail(f"the preview stopped instead of keeping the last good build: {exc}")
    page = read_html(served.site / "ava" / "index.html")
    banner = page.select_one("body > .kf-preview-problems[role=alert]")
    assert banner is not None and "kits/ava.yml" in banner.get_text()
    assert "48.2K" in page.get_text() or "48,200" in page.get_text()
    assert read_html(served.site / "leo" / "index.html").select_one(".kf-preview-problems")

    kit.write_text(MINIMAL_KIT + "tagline: Fixed\n", "utf-8")
    served.build()
    fixed = read_html(served.site / "ava" / "index.html")
    assert fixed.select_one(".kf-preview-problems") is None
    assert "Fixed" in fixed.get_text()
    assert read_html(served.site / "leo" / "index.html").select_one(".kf-preview-problems") is None
