"""What a build lets go of: a 10,000-kit build holds every view to the end, so what else it
holds per kit decides its peak memory (issue 14). Structural, not timed or measured in bytes."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import write_project
from kitfolio.adapter import loading
from kitfolio.adapter import plugin as plugin_module
from kitfolio.adapter.loading import Loaded
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.adapter.site_files import MadeText
from kitfolio.outputs.feed_contract import KitCard
from kitfolio.present.language_marks import InLanguage
from kitfolio.sources.kits import LoadedKit

KIT = """\
name: {name}
tagline: Trail running on a budget
languages: [nb, en]
niche: {{primary: Outdoor, tags: [running, hiking]}}
contact: {{email: hi@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 24000, avg_likes: 900}}
"""

MKDOCS = """\
site_name: Test roster
site_url: https://example.org/kits/
theme: {name: material, font: false}
plugins: [search, {kitfolio: {pdf: false, social_cards: false}}]
"""


def _build(
    root: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[KitfolioPlugin, list[weakref.ref[object]]]:
    """Build ``root`` as ``mkdocs COMMAND`` would; the plugin, and a weak reference to each
    kit's parsed model."""
    kits: list[weakref.ref[object]] = []

    def load(*args: Any, **kwargs: Any) -> Loaded:
        loaded = loading.load(*args, **kwargs)
        kits.extend(weakref.ref(each.kit) for each in loaded.roster.kits)
        return loaded

    monkeypatch.setattr(plugin_module, "load", load)
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["kitfolio"]
    assert isinstance(plugin, KitfolioPlugin)
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # MkDocs may keep the plugin
    return plugin, kits


def _site(tmp_path: Path) -> Path:
    slugs = {"kari-nord": "Kari Nord", "ada-berg": "Ada Berg"}
    kits = {slug: KIT.format(slug=slug, name=name) for slug, name in slugs.items()}
    return write_project(tmp_path / "site", kits, MKDOCS)


def test_a_build_lets_the_kits_models_go_once_its_files_are_planned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin, kits = _build(_site(tmp_path), "build", monkeypatch)
    gc.collect()
    assert len(kits) == 2
    assert [ref for ref in kits if ref() is not None] == []
    assert plugin.roster.kits == []
    site = tmp_path / "site" / "site"
    assert (site / "kari-nord" / "index.html").is_file()
    assert json.loads((site / "ada-berg" / "kit.json").read_text("utf-8"))["kit"]["name"]


def test_the_preview_keeps_the_kits_for_its_next_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin, _ = _build(_site(tmp_path), "serve", monkeypatch)
    assert all(isinstance(loaded, LoadedKit) for loaded in plugin.roster.kits)
    assert len(plugin.roster.kits) == 2


def test_a_feed_file_is_made_when_written_and_not_held_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin, _ = _build(_site(tmp_path), "build", monkeypatch)
    made = [file for file in plugin._files if isinstance(file, MadeText)]
    kit_files = {file.src_uri for file in made if file.src_uri.endswith("/kit.json")}
    assert kit_files == {"ada-berg/kit.json", "kari-nord/kit.json"}
    assert "kits.json" in {file.src_uri for file in made}
    for file in made:
        assert file._make is None and file._given is None
        assert file.abs_src_path == file.abs_dest_path
        assert file.content_bytes == Path(file.abs_dest_path).read_bytes()


SHARING_KIT = """\
name: {name}
tagline: Trail running on a budget
bio: Long runs, *cheap* gear and honest reviews.
niche: {{primary: Outdoor, tags: [running, hiking]}}
contact: {{email: {slug}@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 24000, avg_likes: 900, avg_comments: 40}}
offers: [sponsored-content, ugc]
"""


def test_the_views_share_their_equal_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large roster repeats the same words in every view (a tagline, a formula, a rendered
    bio): each is one object, in the build that formats the views and in the one that reads
    them back from the cache."""
    slugs = {"kari-nord": "Kari Nord", "ada-berg": "Ada Berg"}
    kits = {slug: SHARING_KIT.format(slug=slug, name=name) for slug, name in slugs.items()}
    root = write_project(tmp_path / "site", kits, MKDOCS)
    for build_kind in ("cold", "warm"):
        plugin, _ = _build(root, "build", monkeypatch)
        assert plugin.built is not None and plugin.built.views is not None
        views = plugin.built.views
        assert (views.made, views.kept) == ((2, 0) if build_kind == "cold" else (0, 2))
        ada, kari = plugin.built.sites[0].kits
        assert ada.contact.email != kari.contact.email
        assert ada.tagline == kari.tagline and ada.tagline is kari.tagline, build_kind
        assert ada.bio is not None and ada.bio is kari.bio, build_kind
        ada_rate, kari_rate = ada.platforms[0].engagement, kari.platforms[0].engagement
        assert ada_rate is not None and kari_rate is not None
        assert ada_rate.formula is kari_rate.formula, build_kind
        assert ada.niche is kari.niche and ada.tags[0] is kari.tags[0], build_kind


def test_a_build_holds_no_roster_card_once_its_feeds_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each kit's card in ``kits.json`` is written out as it is made: a 10,000-kit build does
    not hold 10,000 card models to its end. The preview keeps them, for its next rebuild."""
    root = _site(tmp_path)
    _build(root, "build", monkeypatch)
    gc.collect()
    assert [o for o in gc.get_objects() if isinstance(o, KitCard)] == []
    listed = json.loads((root / "site" / "kits.json").read_text("utf-8"))["kits"]
    assert sorted(kit["slug"] for kit in listed) == ["ada-berg", "kari-nord"]

    serving, _ = _build(root, "serve", monkeypatch)
    gc.collect()
    held = [o for o in gc.get_objects() if isinstance(o, KitCard)]
    assert sorted(card.slug for card in held) == ["ada-berg", "kari-nord"]
    del serving


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_next_build_collects_what_a_build_froze(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build loads with the collector paused and freezes what it loaded (``adapter.heap``):
    garbage made while loading outlives the collections of that build, and the next build in
    the process (the preview's next rebuild) collects it, so rebuilds do not grow."""
    cycles: list[weakref.ref[object]] = []
    original = loading.load

    def load(*args: Any, **kwargs: Any) -> Loaded:
        loaded = original(*args, **kwargs)
        cycles.append(weakref.ref(_Cycle()))
        return loaded

    monkeypatch.setattr(loading, "load", load)
    root = _site(tmp_path)
    _build(root, "serve", monkeypatch)
    gc.collect()
    assert cycles[0]() is not None, "frozen while the build ran"
    _build(root, "serve", monkeypatch)
    assert cycles[0]() is None, "collected when the next build began"
    assert cycles[1]() is not None


def test_a_build_that_fails_to_load_leaves_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path)
    (root / "kits" / "ada-berg.yml").write_text("name: [unclosed\n", "utf-8")
    with pytest.raises(Abort):
        _build(root, "build", monkeypatch)
    assert gc.isenabled()


def test_text_in_another_language_carries_no_dictionary_of_its_own() -> None:
    text = InLanguage("Løping på budsjett", "nb")
    assert text == "Løping på budsjett" and text.lang == "nb"
    assert not hasattr(text, "__dict__")
    assert type(InLanguage("Tur", "nb")) is type(text)
