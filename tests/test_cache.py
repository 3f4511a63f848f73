"""The image cache: a warm build draws nothing; a changed input redraws only what it shapes."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

from conftest import MINIMAL_KIT, WITH_PDFS, build_error, build_with_plugin, load_kits, write_site
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.cache import Cache
from kitfolio.media import renditions as pictures
from kitfolio.media.work import ImageStats, Media, MediaError


def with_avatar(name: str, followers: int = 48200) -> str:
    return (
        MINIMAL_KIT.replace("Ava Green", name).replace("48200", str(followers))
        + "avatar: media/face.jpg\n"
    )


def project(root: Path, *, pdfs: bool = False, **options: object) -> Path:
    """Two kits with a photo each; PDFs only for the tests that count them."""
    (root / "kits" / "media").mkdir(parents=True, exist_ok=True)
    Image.effect_noise((640, 640), 50).convert("RGB").save(root / "kits" / "media" / "face.jpg")
    return write_site(
        root,
        {"ava": with_avatar("Ava Green"), "bo": with_avatar("Bo Lind", 9000)},
        **{**(WITH_PDFS if pdfs else {}), **options},
    )


def built(root: Path, config_file: str = "mkdocs.yml") -> tuple[ImageStats, Path]:
    """Build ``root`` and return the image stats of that build and its site folder."""
    plugin, site = build_with_plugin(root, config_file)
    assert plugin.built is not None
    return plugin.built.stats, site


def manifest_of(cache: Path) -> Path:
    """The manifest of the one configuration that builds with ``cache``."""
    [manifest] = (cache / "builds").glob("*.json")
    return manifest


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_a_warm_build_draws_nothing_and_touches_no_cached_file(tmp_path: Path) -> None:
    root = project(tmp_path, pdfs=True)
    cold, _ = built(root)
    # Per kit: one avatar (3 WebP + 1 JPEG) and its two social cards (one job).
    assert cold.cold == 4 and cold.warm == 0
    assert {slug: row["cold"] for slug, row in cold.per_kit().items()} == {"ava": 2, "bo": 2}
    cache = root / ".cache" / "kitfolio"
    before = snapshot(cache / "files")
    warm, site = built(root)
    assert warm.cold == 0 and warm.warm == 4
    assert snapshot(cache / "files") == before
    assert len(list((site / "ava").glob("avatar-*.webp"))) == len(pictures.AVATAR.widths)
    assert len(list((site / "ava").rglob("card.*.jpg"))) == 2  # with a photo: JPEG
    manifest = json.loads(manifest_of(cache).read_text("utf-8"))
    assert len(manifest["entries"]) == 6  # and each kit's PDF
    assert not (cache / "staging").exists()


def test_a_changed_figure_redraws_only_that_kits_cards(tmp_path: Path) -> None:
    root = project(tmp_path)
    built(root)
    (root / "kits" / "bo.yml").write_text(with_avatar("Bo Lind", 12500), encoding="utf-8")
    stats, _ = built(root)
    drawn = sorted((j.slug, j.kind) for j in stats.jobs if j.cold)
    assert drawn == [("bo", "cards")]


def test_a_changed_photo_redraws_its_pictures_and_cards(tmp_path: Path) -> None:
    root = project(tmp_path)
    built(root)
    Image.effect_noise((640, 640), 80).convert("RGB").save(root / "kits" / "media" / "face.jpg")
    stats, _ = built(root)
    assert stats.cold == 4


def test_a_new_renderer_version_redraws_pictures_and_the_cards_that_show_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, pdfs=True)
    built(root)
    monkeypatch.setattr(pictures, "VERSION", "pictures-test")
    stats, site = built(root)
    # A card's portrait is drawn from the avatar's rendition, so the cards follow it.
    assert sorted(j.kind for j in stats.jobs if j.cold) == ["avatar", "avatar", "cards", "cards"]
    # Old renditions are gone from the cache; the site has only the new ones.
    assert len(list((site / "ava").glob("avatar-*"))) == len(pictures.AVATAR.widths) + 1  # + JPEG
    entries = list((root / ".cache" / "kitfolio" / "files").glob("*/*"))
    assert len(entries) == 6  # avatars, cards, and the PDFs that embed the new avatars


def test_cache_dir_is_an_option_and_cannot_be_inside_docs(tmp_path: Path) -> None:
    root = project(tmp_path, plugins=[{"kitfolio": {"cache_dir": "build-cache", "pdf": False}}])
    built(root)
    assert manifest_of(root / "build-cache").is_file()
    assert not (root / ".cache").exists()
    write_site(root, {}, plugins=[{"kitfolio": {"cache_dir": "docs/cache"}}])
    error = build_error(root)
    assert "cache_dir 'docs/cache' is inside docs_dir" in str(error)
    assert not (root / "docs" / "cache").exists()


def test_the_build_logs_what_images_cost(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = project(tmp_path)
    caplog.set_level("INFO")
    built(root)
    lines = [r.getMessage() for r in caplog.records if "images of 2 kits" in r.getMessage()]
    assert len(lines) == 1 and "4 drawn in" in lines[0] and "0 reused" in lines[0]


def test_a_preview_address_redraws_nothing(tmp_path: Path) -> None:
    """``mkdocs serve`` builds under a local site_url; the cards must not depend on it."""
    root = project(tmp_path)
    built(root)
    write_site(root, {}, site_url="http://127.0.0.1:8000/")
    stats, site = built(root)
    assert stats.cold == 0
    assert 'content="http://127.0.0.1:8000/ava/"' in (site / "ava" / "index.html").read_text()


def test_an_image_that_cannot_be_converted_names_the_kit_and_field(tmp_path: Path) -> None:
    """A photo removed between the check and the drawing: an error at the field, no traceback."""
    (tmp_path / "kits" / "media").mkdir(parents=True)
    Image.new("RGB", (64, 64), "red").save(tmp_path / "kits" / "media" / "face.jpg")
    roster = load_kits(tmp_path, {"ava": with_avatar("Ava Green")})
    (tmp_path / "kits" / "media" / "face.jpg").write_bytes(b"")
    media = Media(Cache(tmp_path / "cache"))
    with pytest.raises(MediaError) as info:
        media.pictures(roster.kits)
    [problem] = info.value.problems
    assert str(problem).startswith("kits/ava.yml:10:9: avatar: media/face.jpg: could not be")


def test_pruning_survives_a_parallel_build_pruning_the_same_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds of one project (the test suite's workers, ``mkdocs serve`` beside a build)
    prune the same cache: a folder the other build removed first is not an error."""

    def draw(folder: Path) -> dict[str, str]:
        (folder / "card.png").write_bytes(b"png")
        return {}

    cache = Cache(tmp_path / "cache")
    for key in ("aa" + "1" * 62, "aa" + "2" * 62, "bb" + "3" * 62):
        cache.make(key, draw)
    cache.save()
    real_rmtree = shutil.rmtree

    def other_build_got_there_first(path: Path, ignore_errors: bool = False) -> None:  # noqa: ARG001 (shutil.rmtree's signature)
        real_rmtree(Path(path).parent, ignore_errors=True)

    monkeypatch.setattr(shutil, "rmtree", other_build_got_there_first)
    Cache(tmp_path / "cache").save()
    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    assert list((tmp_path / "cache" / "files").iterdir()) == []


def test_a_warm_build_opens_no_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks of unchanged photos are remembered (by path, size and time), like the drawings."""
    root = project(tmp_path)
    built(root)
    opened: list[str] = []
    real_open = Image.open

    def counting_open(path: object, *args: object, **kwargs: object) -> Image.Image:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image, "open", counting_open)
    stats, _ = built(root)
    assert stats.cold == 0 and opened == []


def test_a_photo_damaged_since_the_last_build_is_checked_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    built(root)
    face = root / "kits" / "media" / "face.jpg"
    before = face.stat()
    face.write_bytes(face.read_bytes()[: before.st_size // 2])
    os.utime(face, ns=(before.st_atime_ns, before.st_mtime_ns))
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    assert str(error).startswith("kitfolio: 2 problems in kits")
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert (
        sum("media/face.jpg: expected a complete image, got a damaged one" in m for m in logged)
        == 2
    )


def published(site: Path) -> dict[str, bytes]:
    """Every drawn image of a built site, by its path in the site."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.suffix in (".webp", ".jpg", ".png") and "assets" not in p.parts
    }


def cached(root: Path, name: str) -> list[Path]:
    return sorted((root / ".cache" / "kitfolio" / "files").glob(f"*/*/{name}"))


def truncate(root: Path) -> None:
    [*_, picture] = cached(root, "avatar-160.*.webp")
    picture.write_bytes(picture.read_bytes()[:40])


def swap_cards(root: Path) -> None:
    first, second = cached(root, "kit.jpg")
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)


def link_outside(root: Path) -> None:
    secret = root.parent / "secret.txt"
    secret.write_text("not a picture")
    [card, *_] = cached(root, "kit.jpg")
    card.unlink()
    card.symlink_to(secret)


def swap_folders(root: Path) -> None:
    """Two entries' folders exchanged under each other's names, each file's times kept."""
    first, second = (p.parent for p in cached(root, "kit.jpg"))
    aside = first.with_name("aside")
    first.rename(aside)
    second.rename(first)
    aside.rename(second)


def link_a_folder(root: Path) -> None:
    """An entry's folder moved out of the cache and linked back under its name."""
    [card, *_] = cached(root, "kit.jpg")
    outside = root.parent / "outside"
    shutil.move(card.parent, outside)
    card.parent.symlink_to(outside, target_is_directory=True)


def link_a_folder_of_folders(root: Path) -> None:
    """The folder above an entry's moved out of the cache and linked back under its name."""
    [card, *_] = cached(root, "kit.jpg")
    above = card.parent.parent
    outside = root.parent / "outside"
    shutil.move(above, outside)
    above.symlink_to(outside, target_is_directory=True)


@pytest.mark.parametrize(
    "spoil",
    [truncate, swap_cards, link_outside, swap_folders, link_a_folder, link_a_folder_of_folders],
)
def test_a_spoiled_cache_file_is_drawn_again(tmp_path: Path, spoil: object) -> None:
    root = project(tmp_path / "p")
    _, site = built(root)
    good = published(site)
    assert callable(spoil)
    spoil(root)
    stats, site = built(root)
    assert stats.cold > 0
    assert published(site) == good
    assert not any(p.is_symlink() for p in site.rglob("*"))
    stats, site = built(root)
    assert stats.cold == 0 and published(site) == good


def test_records_of_the_wrong_shape_are_misses(tmp_path: Path) -> None:
    root = project(tmp_path)
    _, site = built(root)
    good, page = published(site), (site / "ava" / "index.html").read_bytes()
    manifest = manifest_of(root / ".cache" / "kitfolio")
    data = json.loads(manifest.read_text("utf-8"))
    poison: list[object] = [5, None, "x", [1], {"a": 1}, -1, True]
    for index, entry in enumerate(data["entries"].values()):
        if index % 2:
            entry["files"] = poison[index % len(poison)]
        else:
            entry["meta"] = {"accent": "#fff; background: url(https://evil.example/)"}
    for index, record in enumerate(data["records"].values()):
        for field in record:
            record[field] = poison[index % len(poison)]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    stats, site = built(root)
    assert stats.cold == 4
    assert published(site) == good
    assert (site / "ava" / "index.html").read_bytes() == page


def test_a_manifest_that_is_a_folder_is_replaced(tmp_path: Path) -> None:
    root = project(tmp_path)
    _, site = built(root)
    good = published(site)
    manifest = manifest_of(root / ".cache" / "kitfolio")
    manifest.unlink()
    (manifest / "inside").mkdir(parents=True)
    stats, site = built(root)
    assert stats.cold == 4 and published(site) == good
    stats, site = built(root)
    assert stats.cold == 0 and published(site) == good


def test_deleting_the_cache_during_a_build_still_writes_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs copies the drawn files after it has emptied site/; the cache may be gone by then."""
    root = project(tmp_path)
    _, site = built(root)
    good = published(site)
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    real_on_env = KitfolioPlugin.on_env

    def deleting_the_cache(self: KitfolioPlugin, env: object, **kwargs: object) -> object:
        shutil.rmtree(root / ".cache")
        return real_on_env(self, env, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(KitfolioPlugin, "on_env", deleting_the_cache)
    _, site = built(root)
    assert published(site) == good
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*.html")) == pages
    monkeypatch.undo()
    stats, site = built(root)
    assert stats.cold == 4 and published(site) == good


def test_two_configurations_sharing_a_cache_keep_each_others_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One configuration built while the other is half-way: neither prunes the other's work."""
    root = project(tmp_path)
    (root / "kits-b").mkdir()
    (root / "kits-b" / "cy.yml").write_text(
        with_avatar("Cy Moss", 7000).replace("media/face.jpg", "../kits/media/face.jpg"),
        encoding="utf-8",
    )
    other = {
        **yaml.safe_load((root / "mkdocs.yml").read_text("utf-8")),
        "site_dir": "site-b",
        "plugins": [{"kitfolio": {"kits_dir": "kits-b", "pdf": False}}],
    }
    (root / "mkdocs-b.yml").write_text(yaml.safe_dump(other), encoding="utf-8")
    _, site = built(root)
    good = published(site)
    real_on_env = KitfolioPlugin.on_env
    other_built: list[bool] = []

    def building_the_other(self: KitfolioPlugin, env: object, **kwargs: object) -> object:
        if not other_built:
            other_built.append(True)
            build_site_of(root / "mkdocs-b.yml")
        return real_on_env(self, env, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(KitfolioPlugin, "on_env", building_the_other)
    _, site = built(root)
    monkeypatch.undo()
    assert published(site) == good
    assert len(list((root / "site-b" / "cy").glob("avatar-*.webp"))) == len(pictures.AVATAR.widths)
    assert len(list((root / ".cache" / "kitfolio" / "builds").glob("*.json"))) == 2
    stats, _ = built(root)
    assert stats.cold == 0
    stats, _ = built(root, "mkdocs-b.yml")
    assert stats.cold == 0


def build_site_of(config_file: Path) -> None:
    """Build in a process of its own, as a second configuration is (the plugin keeps one
    instance per process across builds, for the live preview)."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)],
        check=True,
        cwd=config_file.parent,
    )


@pytest.mark.parametrize(
    ("cache_dir", "said"),
    [
        (".", "'.' is the project folder"),
        ("..", "'..' holds the project folder"),
        ("site", "'site' is site_dir"),
        ("site/cache", "'site/cache' is inside site_dir"),
        ("docs", "'docs' is docs_dir"),
        ("kits", "'kits' is kits_dir"),
        ("kits/media/cache", "'kits/media/cache' is inside kits_dir"),
        ("notes", "'notes' holds files Kitfolio did not write"),
    ],
)
def test_a_cache_dir_that_would_hold_other_files_is_refused(
    tmp_path: Path, cache_dir: str, said: str
) -> None:
    root = project(tmp_path / "p", plugins=[{"kitfolio": {"cache_dir": cache_dir}}])
    (root / "notes").mkdir()
    (root / "notes" / "files").mkdir()
    (root / "notes" / "files" / "todo.txt").write_text("mine")
    (root / "notes" / "manifest.json").write_text("{}")
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    error = build_error(root)
    assert f"kitfolio: cache_dir {said}" in str(error)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


def test_a_cache_folder_is_tagged_and_pruning_removes_only_what_kitfolio_wrote(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    built(root)
    cache = root / ".cache" / "kitfolio"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    strays = [cache / "files" / "notes.txt", cache / "files" / "ab" / "readme", cache / "x.txt"]
    for stray in strays:
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_text("not Kitfolio's")
    write_site(root, {"bo": with_avatar("Bo Lind", 9000)}, **WITH_PDFS)
    (root / "kits" / "ava.yml").unlink()
    Image.effect_noise((64, 64), 80).convert("RGB").save(root / "kits" / "media" / "face.jpg")
    stats, _ = built(root)
    assert stats.cold == 2
    assert all(stray.read_text() == "not Kitfolio's" for stray in strays)
    assert len(list((cache / "files").glob("*/" + "[0-9a-f]" * 64))) == 3  # avatar, cards, PDF


def test_the_cache_of_an_older_kitfolio_is_adopted(tmp_path: Path) -> None:
    """Before the tag, a cache held only manifest.json, files/ and staging/."""
    root = project(tmp_path)
    built(root)
    cache = root / ".cache" / "kitfolio"
    (cache / "CACHEDIR.TAG").unlink()
    shutil.rmtree(cache / "builds")
    (cache / "manifest.json").write_text('{"format": 1, "entries": {}, "records": {}}')
    stats, _ = built(root)
    assert stats.cold == 4 and (cache / "CACHEDIR.TAG").is_file()


def test_a_cache_deleted_before_the_drawing_is_tagged_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    real_pictures = Media.pictures

    def deleting_first(self: Media, kits: object) -> object:
        shutil.rmtree(root / ".cache")
        return real_pictures(self, kits)  # type: ignore[arg-type]

    monkeypatch.setattr(Media, "pictures", deleting_first)
    built(root)
    monkeypatch.undo()
    stats, _ = built(root)
    assert stats.cold == 0
