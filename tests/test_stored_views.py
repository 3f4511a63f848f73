"""A warm build reads each kit's view back from the build cache instead of formatting it again,
and a view read back is the view formatted: the same values of the same types, down to a
text's language mark and whether it is HTML already. Whatever changed, or was spoiled on disk, is
formatted again, and the site is always the one a cold build writes."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from markupsafe import Markup
from PIL import Image

from conftest import SHOWCASE, build_with_plugin
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.cache.plain_data import Codec, Unreadable, Unstorable
from kitfolio.present.language_marks import InLanguage
from kitfolio.public.stored_views import FILE, VIEW_DATA, StoredViews
from test_warm_build import (
    built,
    cold,
    edit_tagline,
    password,
    project,
    same_site,
    vouch_for,
)


def views_of(plugin: KitfolioPlugin) -> StoredViews:
    assert plugin.built is not None and plugin.built.views is not None
    return plugin.built.views


def same(written: Any, read: Any, where: str = "view") -> None:
    """``read`` equals ``written`` and has its type at every depth (a str is not a Markup)."""
    assert type(read) is type(written), f"{where}: {type(written)} read as {type(read)}"
    if isinstance(written, InLanguage):
        assert (read, read.lang) == (written, written.lang), where
    elif dataclasses.is_dataclass(written):
        for field in dataclasses.fields(written):
            name = field.name
            same(getattr(written, name), getattr(read, name), f"{where}.{name}")
    elif isinstance(written, list | tuple):
        assert len(read) == len(written), where
        for i, (one, other) in enumerate(zip(written, read, strict=True)):
            same(one, other, f"{where}[{i}]")
    elif isinstance(written, dict):
        assert list(read) == list(written), where
        for key in written:
            same(written[key], read[key], f"{where}[{key!r}]")
    else:
        assert read == written, where


def marked(value: Any) -> bool:
    """Whether ``value`` holds a text marked with its language, at any depth."""
    if isinstance(value, InLanguage):
        return True
    if dataclasses.is_dataclass(value):
        return any(marked(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, list | tuple):
        return any(marked(v) for v in value)
    return isinstance(value, dict) and any(marked(v) for v in value.values())


def multilingual_showcase(root: Path, *, page_cache: bool = True) -> Path:
    """The showcase in three languages: kits translated and not, marks of their own language."""
    for folder in ("kits", "pitches", "campaigns"):
        shutil.copytree(SHOWCASE / folder, root / folder, dirs_exist_ok=True)
    config = yaml.safe_load((SHOWCASE / "mkdocs.yml").read_text("utf-8"))
    (root / config.get("docs_dir", "docs")).mkdir(exist_ok=True)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and isinstance(plugin.get("kitfolio"), dict):
            plugin["kitfolio"].update(languages=["en", "es", "ar"], pdf=False)
            plugin["kitfolio"]["page_cache"] = page_cache
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root


def test_every_view_of_the_showcase_reads_back_as_it_was_formatted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITFOLIO_PASSWORD_NORDVEI_PRIVATE", "a long enough test passphrase")
    monkeypatch.setenv("KITFOLIO_PASSWORD_LUMEN_WINTER", "a long enough test passphrase")
    root = multilingual_showcase(tmp_path / "showcase", page_cache=False)
    plain, _ = build_with_plugin(root)
    assert plain.built.views is None, "without the page cache, views are formatted alone"
    formatted = [(site.language, view) for site in plain.built.sites for view in site.kits]
    assert any(marked(view) for _, view in formatted), (
        "some words stay in their kit's own language, marked with it"
    )

    multilingual_showcase(root, page_cache=True)
    first, _ = build_with_plugin(root)
    kept = [(site.language, view) for site in first.built.sites for view in site.kits]
    assert views_of(first).made == len(formatted) and views_of(first).kept == 0
    again, _ = build_with_plugin(root)
    read = [(site.language, view) for site in again.built.sites for view in site.kits]
    assert views_of(again).kept == len(formatted) and views_of(again).made == 0
    for (language, one), (_, shared), (_, other) in zip(formatted, kept, read, strict=True):
        same(one, shared, f"{language}/{one.slug}, as the build that formats it keeps it")
        same(one, other, f"{language}/{one.slug}, read back")


def test_a_warm_build_formats_only_the_edited_kits_views(tmp_path: Path) -> None:
    root = project(tmp_path)
    cold(root)
    plugin, _ = built(root)
    assert (views_of(plugin).made, views_of(plugin).kept) == (0, 4), "two kits in two languages"

    edit_tagline(root)
    plugin, warm = built(root)
    assert (views_of(plugin).made, views_of(plugin).kept) == (2, 2), "ava's, in each language"
    edited = [v for site in plugin.built.sites for v in site.kits if v.slug == "ava"]
    assert [v.tagline for v in edited] == ["Edited tagline"] * 2
    same_site(warm, cold(root))


def face(path: Path, colour: str, size: tuple[int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


def test_a_new_photo_under_the_same_name_formats_its_kits_views_again(tmp_path: Path) -> None:
    """The kit's file is as it was; its checked image and the accent drawn from it are not."""
    root = project(tmp_path)
    kit = root / "kits" / "ava.yml"
    kit.write_text(kit.read_text("utf-8") + "avatar: media/face.png\n", "utf-8")
    face(root / "kits" / "media" / "face.png", "#c0392b", (400, 400))
    cold(root)
    before, _ = built(root)
    assert (views_of(before).made, views_of(before).kept) == (0, 4)
    old = {v.slug: v for v in before.built.site.kits}["ava"]

    face(root / "kits" / "media" / "face.png", "#1f4e9c", (300, 500))
    plugin, warm = built(root)
    assert (views_of(plugin).made, views_of(plugin).kept) == (2, 2), "ava's, in each language"
    new = {v.slug: v for v in plugin.built.site.kits}["ava"]
    assert new.public.avatar != old.public.avatar and new.accent != old.accent
    same_site(warm, cold(root))


def stored_views(root: Path) -> list[Path]:
    return list((root / ".cache").rglob(FILE))


SPOILS = [b"", b"\xff\xfe{", b'{"c":["KitView",[1,2]]}', b'{"c":["Evil",[]]}']
"""Empty, not UTF-8, a view cut short and a type the views are not made of."""


def test_a_spoiled_view_is_formatted_again(tmp_path: Path) -> None:
    """Even when the cache's record of each file is rewritten to match the spoiled bytes."""
    root = project(tmp_path)
    first = cold(root)
    stored = stored_views(root)
    assert len(stored) == len(SPOILS)
    for path, data in zip(stored, SPOILS, strict=True):
        path.write_bytes(data)
    vouch_for(
        root / ".cache" / "kitfolio" / "views",
        FILE,
        {path.parent.name: data for path, data in zip(stored, SPOILS, strict=True)},
    )
    plugin, warm = built(root)
    assert (views_of(plugin).made, views_of(plugin).kept) == (4, 0)
    same_site(warm, first)


def test_page_cache_off_keeps_no_view(tmp_path: Path) -> None:
    root = project(tmp_path, page_cache=False)
    plugin, first = built(root)
    assert plugin.built is not None and plugin.built.views is None
    assert stored_views(root) == []
    same_site(built(root)[1], first)


__all__ = ["password"]
"""The warm build tests' passphrase, for their pitches."""


class Colour(Enum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class Swatch:
    name: str
    colour: Colour
    tones: tuple[float, ...]


CODEC = Codec([Swatch], [Colour])


def test_the_codec_keeps_every_type_it_writes() -> None:
    value = {
        "plain": "a <b>",
        "html": Markup("<b>bold</b>"),
        "marked": InLanguage("hola", "es"),
        "day": date(2026, 11, 30),
        "swatches": [Swatch("rose", Colour.RED, (0.5, 1.0))],
        7: (None, True, 3, 2.5),
    }
    same(value, CODEC.loads(CODEC.dumps(value)), "value")


def test_the_codec_stores_nothing_it_does_not_know() -> None:
    with pytest.raises(Unstorable):
        CODEC.dumps({"what": object()})
    with pytest.raises(Unstorable):
        VIEW_DATA.dumps(Swatch("rose", Colour.RED, ()))


@pytest.mark.parametrize(
    "data",
    [
        b'{"c":["Swatch",["rose",{"e":["Colour","BLUE"]},{"t":[]}]]}',
        b'{"c":["Swatch",["rose"]]}',
        b'{"x":1}',
        b'{"m":1}',
        b'{"o":[[1]]}',
        b"[" * 100_000 + b"]" * 100_000,
        b"{",
        b"\xff",
    ],
    ids=["enum-member", "fields", "tag", "markup", "pair", "deep", "cut", "not-utf8"],
)
def test_the_codec_reads_nothing_it_did_not_write(data: bytes) -> None:
    with pytest.raises(Unreadable):
        CODEC.loads(data)
