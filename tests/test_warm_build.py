"""A warm ``mkdocs build`` takes the pages whose inputs did not change from the build cache, and
writes the site a cold build writes, byte for byte: after a kit, a template override, an
mkdocs.yml option, a docs page's title, the day or a catalog changed, and when the cache was
spoiled. Each warm site is compared with a cold build of the same project (its cache removed)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import mkdocs.utils
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL_KIT, write_site
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.cache.stored_pages import FILE, StoredPages
from kitfolio.present import messages
from test_preview_rebuild import retranslate

LEO = MINIMAL_KIT.replace("Ava Green", "Leo Berg")
PITCH = "kit: ava\nbrand: Zyvex Outdoor\nprotect: true\nnote: For Zyvex only.\n"
OPEN_PITCH = "kit: leo\nbrand: Acme Trail\nnote: For Acme.\n"
PROTECTED = {"for/zyvex/index.html", "es/for/zyvex/index.html"}
"""Sealed with a random salt on every render, so never the same bytes twice (and never kept)."""
SEALED = {"for/zyvex/index.md", "es/for/zyvex/index.md"}
OPTIONS = {"languages": ["en", "es"], "pdf": False, "social_cards": False}


def project(tmp_path: Path, **options: object) -> Path:
    root = write_site(
        tmp_path / "project",
        {"ava": MINIMAL_KIT, "leo": LEO},
        plugins=["search", {"kitfolio": {**OPTIONS, **options}}],
        nav=["index.md", "about.md"],
    )
    (root / "docs" / "about.md").write_text("# About the roster\n\nWho we are.\n", "utf-8")
    (root / "pitches").mkdir()
    (root / "pitches" / "zyvex.yml").write_text(PITCH, "utf-8")
    (root / "pitches" / "acme.yml").write_text(OPEN_PITCH, "utf-8")
    return root


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KITFOLIO_PASSWORD_ZYVEX", "a long enough test passphrase")


def built(root: Path) -> tuple[KitfolioPlugin, dict[str, bytes]]:
    """One ``mkdocs build`` of ``root``: the plugin and every file of the site."""
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    plugin = config.plugins["kitfolio"]
    assert isinstance(plugin, KitfolioPlugin)
    site = Path(config.site_dir)
    found = (p for p in site.rglob("*") if p.is_file())
    return plugin, {p.relative_to(site).as_posix(): p.read_bytes() for p in found}


def cold(root: Path) -> dict[str, bytes]:
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return built(root)[1]


def store(plugin: KitfolioPlugin) -> StoredPages:
    found = plugin.replay.rendered
    assert isinstance(found, StoredPages), "mkdocs build keeps its pages in the build cache"
    return found


def same_site(warm: dict[str, bytes], fresh: dict[str, bytes]) -> None:
    assert warm.keys() == fresh.keys()
    differ = [path for path in warm if path not in PROTECTED and warm[path] != fresh[path]]
    assert differ == [], "every file as a cold build writes it"


def page_text(files: dict[str, bytes], path: str) -> str:
    page = BeautifulSoup(files[path].decode("utf-8"), "html.parser")
    return page.get_text(" ", strip=True)


def pages(files: dict[str, bytes]) -> list[str]:
    return [path for path in files if path.endswith(".html") and path not in PROTECTED]


def test_a_warm_build_renders_no_page_and_writes_the_cold_builds_site(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = cold(root)
    plugin, warm = built(root)
    planned = set(plugin.pages)
    assert store(plugin).last.rendered == set()
    assert store(plugin).last.replayed == planned - SEALED, "protected pages are sealed anew"
    same_site(warm, first)
    assert warm["search/search_index.json"] == first["search/search_index.json"]
    assert warm["sitemap.xml"] == first["sitemap.xml"]


def test_a_warm_build_reads_each_unchanged_kits_feed_back(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = cold(root)
    plugin, warm = built(root)
    assert plugin.replay.feeds is not None
    assert (plugin.replay.feeds.made, plugin.replay.feeds.kept) == (0, 4), "2 kits, 2 languages"
    same_site(warm, first)

    kit = root / "kits" / "leo.yml"
    kit.write_text(kit.read_text("utf-8").replace("Leo Berg", "Leo Strand"), "utf-8")
    plugin, warm = built(root)
    assert plugin.replay.feeds is not None
    assert (plugin.replay.feeds.made, plugin.replay.feeds.kept) == (2, 2), "Leo's, in each language"
    for path in ("leo/kit.json", "es/leo/kit.json"):
        assert json.loads(warm[path])["kit"]["name"] == "Leo Strand"
    same_site(warm, cold(root))


def test_a_stored_page_keeps_no_password(tmp_path: Path) -> None:
    root = project(tmp_path)
    cold(root)
    stored = [p.read_bytes() for p in (root / ".cache").rglob(FILE)]
    assert stored and not any(b"data-kf-payload" in data for data in stored)


def edit_tagline(root: Path) -> None:
    (root / "kits" / "ava.yml").write_text(MINIMAL_KIT + "tagline: Edited tagline\n", "utf-8")


def edit_override(root: Path) -> None:
    """The same size and the same times: only the bytes tell the new footer from the old."""
    footer = root / "overrides" / "kitfolio" / "partials" / "footer.html"
    times = footer.stat()
    footer.write_text(footer.read_text("utf-8").replace("Footer one", "Footer two"), "utf-8")
    os.utime(footer, ns=(times.st_atime_ns, times.st_mtime_ns))


def edit_site_name(root: Path) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["site_name"] = "Renamed roster"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")


def edit_title(root: Path) -> None:
    (root / "docs" / "about.md").write_text("# Meet the agency\n\nWho we are.\n", "utf-8")


@pytest.mark.parametrize(
    ("edit", "shown"),
    [
        (edit_tagline, "Edited tagline"),
        (edit_override, "Footer two"),
        (edit_site_name, "Renamed roster"),
        (edit_title, "Meet the agency"),
    ],
    ids=["kit", "template-override", "site-name", "docs-title"],
)
def test_a_change_shows_on_every_page_that_shows_it(
    tmp_path: Path, edit: Callable[[Path], None], shown: str
) -> None:
    root = project(tmp_path)
    footer = root / "overrides" / "kitfolio" / "partials" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text('<footer class="kf-foot">Footer one</footer>\n', "utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    before = cold(root)
    built(root)

    edit(root)
    _, warm = built(root)
    fresh = cold(root)
    same_site(warm, fresh)
    showing = [path for path in pages(fresh) if shown in page_text(fresh, path)]
    assert showing, f"{shown!r} is on some page"
    assert any(path in before and shown not in page_text(before, path) for path in showing)


def test_a_new_day_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    before = cold(root)
    built(root)

    monkeypatch.setenv("KITFOLIO_TODAY", "2027-04-30")  # the kits' stats are half a year old
    plugin, warm = built(root)
    fresh = cold(root)
    same_site(warm, fresh)
    assert "ava/index.md" in store(plugin).last.rendered
    assert warm["ava/index.html"] != before["ava/index.html"]


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


def test_a_catalog_edit_shows_in_its_language(tmp_path: Path, own_catalogs: Path) -> None:
    root = project(tmp_path)
    retranslate(own_catalogs, "es", "Total reach", "Alcance total uno")
    cold(root)
    built(root)

    retranslate(own_catalogs, "es", "Total reach", "Alcance total dos")
    messages.translations.cache_clear()
    messages.page_messages.cache_clear()
    plugin, warm = built(root)
    assert "Alcance total dos" in page_text(warm, "es/ava/index.html")
    assert "ava/index.md" in store(plugin).last.replayed, "the English page reads another catalog"
    same_site(warm, cold(root))


def spoil(root: Path, how: Callable[[Path], None], name: str = FILE) -> int:
    stored = list((root / ".cache").rglob(name))
    for path in stored:
        how(path)
    return len(stored)


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    times = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))


def inject(path: Path) -> None:
    path.write_bytes(b"<script>alert(1)</script>")


def swap_for_a_link(path: Path) -> None:
    outside = path.parent.parent.parent.parent.parent / "outside.html"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)


def truncate(manifest: Path) -> None:
    manifest.write_bytes(manifest.read_bytes()[:-40])


def misshape(manifest: Path) -> None:
    data = json.loads(manifest.read_bytes())
    for entry in data["entries"].values():
        entry["files"] = {FILE: {"size": -1, "sha256": "not a digest"}}
    manifest.write_text(json.dumps(data), "utf-8")


def vouch_for(cache: Path, name: str, spoiled: dict[str, bytes]) -> None:
    """Record each entry's spoiled file ``name`` in the manifest of ``cache`` (a cache inside
    the build cache: ``views``, ``documents``) as what it holds, so that the cache hands it on:
    only the reader's own checks stand between the bytes and the build."""
    [manifest] = (cache / "builds").glob("*.json")
    record = json.loads(manifest.read_bytes())
    for key, data in spoiled.items():
        digest = hashlib.sha256(data).hexdigest()
        record["entries"][key]["files"][name] = {"size": len(data), "sha256": digest}
    manifest.write_text(json.dumps(record), "utf-8")


def stored_manifests(root: Path) -> list[Path]:
    return list((root / ".cache" / "kitfolio" / "pages" / "builds").glob("*.json"))


@pytest.mark.parametrize(
    "how", [flip_a_byte, inject, swap_for_a_link], ids=["flipped", "injected", "linked"]
)
def test_a_spoiled_page_is_rendered_again(tmp_path: Path, how: Callable[[Path], None]) -> None:
    root = project(tmp_path)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    plugin, first = built(root)
    assert spoil(root, how) == len(set(plugin.pages) - SEALED)
    plugin, warm = built(root)
    assert store(plugin).last.replayed == set()
    same_site(warm, first)
    assert not any(b"alert(1)" in data for data in warm.values())


@pytest.mark.parametrize(
    "how", [flip_a_byte, inject, swap_for_a_link], ids=["flipped", "injected", "linked"]
)
def test_a_spoiled_feed_is_made_again(tmp_path: Path, how: Callable[[Path], None]) -> None:
    root = project(tmp_path)
    first = cold(root)
    assert spoil(root, how, "kit.json") == 4, "two kits in two languages"
    plugin, warm = built(root)
    assert plugin.replay.feeds is not None
    assert (plugin.replay.feeds.made, plugin.replay.feeds.kept) == (4, 0)
    same_site(warm, first)
    assert not any(b"alert(1)" in data for data in warm.values())


@pytest.mark.parametrize("how", [truncate, misshape], ids=["truncated", "misshapen"])
def test_a_spoiled_manifest_renders_every_page(tmp_path: Path, how: Callable[[Path], None]) -> None:
    root = project(tmp_path)
    first = cold(root)
    [manifest] = stored_manifests(root)
    how(manifest)
    plugin, warm = built(root)
    assert store(plugin).last.replayed == set()
    same_site(warm, first)
    plugin, again = built(root)
    assert store(plugin).last.rendered == set(), "the cache works again"
    same_site(again, first)


def test_page_cache_off_renders_every_page(tmp_path: Path) -> None:
    root = project(tmp_path, page_cache=False)
    first = cold(root)
    plugin, warm = built(root)
    assert plugin.replay.rendered.last.replayed == set()
    assert not list((root / ".cache").rglob(FILE))
    same_site(warm, first)


def test_separate_processes_find_each_others_pages(tmp_path: Path) -> None:
    """What names a page is spelled the same in every process (hash seeds differ)."""
    root = project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(root / "mkdocs.yml")]
    runs = [subprocess.run(mkdocs, env=env, capture_output=True, text=True, check=True)]
    runs.append(subprocess.run(mkdocs, env=env, capture_output=True, text=True, check=True))
    assert "pages: 0 rendered" in runs[1].stderr, runs[1].stderr


def test_a_warm_build_reads_each_kept_page_as_it_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Holding every kept page until the last was written took a 10,000-kit warm build to 1,974 MB
    (1,177 MB reading each as it is written, before the views shared their texts): none is held
    until its turn."""
    root = project(tmp_path)
    first = cold(root)
    events: list[tuple[str, str]] = []
    read, write = StoredPages.get, mkdocs.utils.write_file

    def reading(self: StoredPages, key: str, src: str) -> str | None:
        events.append(("read", src))
        return read(self, key, src)

    def writing(content: bytes, path: str) -> None:
        events.append(("write", Path(path).as_posix()))
        write(content, path)

    monkeypatch.setattr(StoredPages, "get", reading)
    monkeypatch.setattr(mkdocs.utils, "write_file", writing)
    plugin, warm = built(root)
    reads = [i for i, (kind, _) in enumerate(events) if kind == "read"]
    assert {events[i][1] for i in reads} == store(plugin).last.replayed != set()
    site = (root / "site").as_posix()
    for i in reads:
        src = events[i][1]
        dest = src.removesuffix(".md") + (".html" if src.endswith("index.md") else "/index.html")
        assert events[i + 1] == ("write", f"{site}/{dest}"), (src, events[i + 1])
    same_site(warm, first)
