"""A warm build reads each unchanged kit file's parse back from the build cache (its data and the
position of every value), and a problem found in it is located exactly as in a cold build; an
edited, spoiled or unfaithful entry is parsed again, and the site is the one a cold build writes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import MINIMAL_KIT, SHOWCASE
from kitfolio.adapter.plugin import KitfolioPlugin
from kitfolio.cache import Cache
from kitfolio.sources.documents import load
from kitfolio.sources.kept_documents import FILE, KeptDocuments
from test_warm_build import cold, edit_tagline, password, project, same_site, vouch_for

__all__ = ["password"]
"""The warm build tests' passphrase, for their pitches."""


def built(root: Path) -> tuple[KeptDocuments, dict[str, bytes]]:
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    plugin = config.plugins["kitfolio"]
    assert isinstance(plugin, KitfolioPlugin) and plugin.loaded.documents is not None
    site = Path(config.site_dir)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    return plugin.loaded.documents, files


def kept_files(root: Path) -> list[Path]:
    return list((root / ".cache" / "kitfolio" / "documents").rglob(FILE))


def test_a_warm_build_parses_only_the_edited_kit(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = cold(root)
    documents, warm = built(root)
    assert (documents.parsed, documents.kept) == (0, 2)
    same_site(warm, first)

    edit_tagline(root)
    documents, warm = built(root)
    assert (documents.parsed, documents.kept) == (1, 1)
    assert b"Edited tagline" in warm["ava/index.html"]
    same_site(warm, cold(root))


def test_a_problem_in_a_kept_kit_is_located_as_in_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Figures half a year old: a warning at ``stats_as_of``, from positions read back."""
    root = project(tmp_path)
    (root / "kits" / "ava.yml").write_text("# Ava's kit\n\n" + MINIMAL_KIT, "utf-8")
    monkeypatch.setenv("KITFOLIO_TODAY", "2027-05-01")

    def warnings() -> list[str]:
        return [r.getMessage() for r in caplog.records if "stats_as_of" in r.getMessage()]

    with caplog.at_level(logging.WARNING):
        cold(root)
        first = warnings()
        caplog.clear()
        documents, _ = built(root)
    assert documents.kept == 2
    assert warnings() == first
    assert any(message.startswith("kitfolio: kits/ava.yml:8:14: ") for message in first), first


@pytest.mark.parametrize(
    "spoil",
    [
        b"not json",
        b'{"data": {"name": "Eve"}, "values": [], "keys": [], "more": 1}',
        b'{"data": null, "values": [], "keys": []}',
        b'{"data": {}, "values": [[["name"]], [0], [1]], "keys": [[], [], []]}',
        b'{"data": {}, "values": [[[["name"]]], [1], [1]], "keys": [[], [], []]}',
        b'{"data": {}, "values": [[["name"]], [1], []], "keys": [[], [], []]}',
        b'{"data": {}, "values": [[["name"]], [true], [1]], "keys": [[], [], []]}',
        b'{"data": {}, "values": [[["name"]], [1], [1]], "keys": [["name"], [1], [1]]}',
        b'{"data": {}, "values": "name", "keys": []}',
    ],
    ids=[
        "not-json",
        "shape",
        "no-data",
        "line-zero",
        "bad-path",
        "uneven",
        "bool",
        "loc",
        "not-a-list",
    ],
)
def test_a_spoiled_entry_is_parsed_again(tmp_path: Path, spoil: bytes) -> None:
    root = project(tmp_path)
    first = cold(root)
    stored = kept_files(root)
    assert len(stored) == 2
    for path in stored:
        path.write_bytes(spoil)
    vouch_for(
        root / ".cache" / "kitfolio" / "documents",
        FILE,
        {path.parent.name: spoil for path in stored},
    )
    documents, warm = built(root)
    assert (documents.parsed, documents.kept) == (2, 0)
    same_site(warm, first)


def kept_load(cache: Path, kit: Path) -> KeptDocuments:
    """One build's reading of ``kit``, kept in ``cache``."""
    documents = KeptDocuments(Cache(cache), "code")
    documents.load(kit, "kits/ava.yml")
    documents.end()
    return documents


def test_what_json_cannot_give_back_is_parsed_every_time(tmp_path: Path) -> None:
    """``.inf`` is a float YAML has and JSON has not."""
    kit = tmp_path / "ava.yml"
    kit.write_text(MINIMAL_KIT + "reach: .inf\n", "utf-8")
    kept_load(tmp_path / "cache", kit)
    assert kept_load(tmp_path / "cache", kit).parsed == 1
    kit.write_text(MINIMAL_KIT + "reach: 12.5\n", "utf-8")
    kept_load(tmp_path / "cache", kit)
    assert kept_load(tmp_path / "cache", kit).kept == 1


def test_a_kept_parse_is_the_parse(tmp_path: Path) -> None:
    """Data, positions of values and of keys, for every kit file the tests and showcase have."""
    kits = [*(SHOWCASE / "kits").glob("*.yml"), *(SHOWCASE / "tests" / "kits").glob("*.yml")]
    assert len(kits) > 5
    for kit in kits:
        fresh, problems = load(kit, "kit.yml")
        kept_load(tmp_path / "cache", kit)
        documents = KeptDocuments(Cache(tmp_path / "cache"), "code")
        again, _ = documents.load(kit, "kit.yml")
        if problems or fresh.data is None:
            assert documents.parsed == 1, kit
            continue
        assert documents.kept == 1, kit
        assert again.data == fresh.data
        assert json.dumps(again.data) == json.dumps(fresh.data)
        assert (again.values, again.keys) == (fresh.values, fresh.keys)
