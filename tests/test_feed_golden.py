"""The whole feed of a fixture site, compared with committed files: a contract change is a diff.

Regenerate after an intended change with
``KITFOLIO_UPDATE_GOLDEN=1 pytest tests/test_feed_golden.py`` and review the diff of tests/golden/.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import build_site, write_site

GOLDEN = Path(__file__).parent / "golden"
TODAY = "2026-08-01"
"""Fixed, so ``stale`` is the same on every day the suite runs (Mira is fresh, Oskar stale)."""
UPDATE = os.environ.get("KITFOLIO_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("golden")
    kits = {p.stem: p.read_text(encoding="utf-8") for p in sorted((GOLDEN / "kits").glob("*.yml"))}
    write_site(root, kits, site_name="Golden roster", theme={"name": "material", "font": False})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KITFOLIO_TODAY", TODAY)
        return build_site(root)


def pretty(path: Path) -> str:
    return (
        json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=2, ensure_ascii=False)
        + "\n"
    )


@pytest.mark.parametrize(
    ("published", "golden"),
    [
        ("kits.json", "kits.json"),
        ("mira-golden/kit.json", "mira-golden.kit.json"),
        ("oskar-private/kit.json", "oskar-private.kit.json"),
    ],
)
def test_the_feed_matches_its_golden_file(site: Path, published: str, golden: str) -> None:
    actual = pretty(site / published)
    expected = GOLDEN / golden
    if UPDATE:
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"no {expected.name}: run KITFOLIO_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == expected.read_text(encoding="utf-8"), (
        f"{published} changed; if intended, regenerate with KITFOLIO_UPDATE_GOLDEN=1 and review"
    )


def test_the_fixed_clock_decides_freshness(site: Path) -> None:
    """Built on 2026-08-01, a kit with stats from 2026-07-01 is fresh whatever today is."""
    kits = {k["slug"]: k for k in json.loads((site / "kits.json").read_text())["kits"]}
    assert kits["mira-golden"]["stale"] is False
    assert kits["oskar-private"]["stale"] is True
