"""Growth from git: each commit that changed followers is a point; no git, no error."""

from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import MINIMAL_KIT, build_site, write_site
from kitfolio.cache import Cache
from kitfolio.derive.history import read

KIT = MINIMAL_KIT.replace("stats_as_of: 2026-10-31", "stats_as_of: {date}").replace(
    "followers: 48200", "followers: {followers}\n    handle: avagreen"
)
COMMITS = [("2026-06-01", 40000), ("2026-08-15", 44000), ("2026-10-01", 46000)]
NOW = ("2026-10-31", 48200)


def git(root: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ava",
        "GIT_AUTHOR_EMAIL": "ava@example.org",
        "GIT_COMMITTER_NAME": "Ava",
        "GIT_COMMITTER_EMAIL": "ava@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+00:00"
    done = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def kit_at(day: str, followers: int) -> str:
    return KIT.format(date=day, followers=followers)


def repository(root: Path, broken: bool = False) -> Path:
    """A site whose kit was committed three times; the working tree has newer figures."""
    write_site(root, {})
    (root / "docs" / ".gitkeep").touch()
    git(root, "init", "-q", "-b", "main")
    kit = root / "kits" / "ava.yml"
    for index, (day, followers) in enumerate(COMMITS):
        kit.write_text(kit_at(day, followers), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"figures {day}", when=day)
        if broken and index == 0:
            kit.write_text("name: [unclosed\nplatforms: {{{\n", encoding="utf-8")
            git(root, "commit", "-q", "-am", "oops", when="2026-07-01")
    kit.write_text(kit_at(*NOW), encoding="utf-8")
    return root


def growth_table(page: BeautifulSoup) -> list[tuple[str, str]]:
    figure = page.find(id="kf-chart-growth-0")
    assert isinstance(figure, Tag), "no growth chart"
    return [
        (str(row.th.get_text()), str(row.td.get_text()))  # type: ignore[union-attr]
        for row in figure.select("tbody tr")
    ]


def kit_page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "ava" / "index.html").read_text("utf-8"), "html.parser")


EXPECTED = [
    ("Jun 1, 2026", "40,000"),
    ("Aug 15, 2026", "44,000"),
    ("Oct 1, 2026", "46,000"),
    ("Oct 31, 2026", "48,200"),
]


def test_each_commit_that_changed_followers_is_a_point(tmp_path: Path) -> None:
    root = repository(tmp_path)
    page = kit_page(build_site(root))
    assert growth_table(page) == EXPECTED
    card = page.select_one('[data-network="instagram"]')
    assert card is not None
    spark = card.select_one("svg.kf-spark[role=img]")
    assert spark is not None and spark.find("title") and spark.find("desc")
    figures = [li.get_text(" ", strip=True) for li in card.select(".kf-growth__figures li")]
    # 30 days before Oct 31: Oct 1 (46,000); 90 days before, Aug 2, has no point near it: the
    # change is counted from the last point before it, Jun 1 (40,000), and says so.
    assert figures == ["+2.2K (+4.8%) in 30 days", "+8.2K (+20.5%) since Jun 1, 2026"]


def test_a_broken_old_revision_is_skipped(tmp_path: Path) -> None:
    root = repository(tmp_path, broken=True)
    assert growth_table(kit_page(build_site(root))) == EXPECTED


def test_history_entries_add_points_from_before_the_repository(tmp_path: Path) -> None:
    root = repository(tmp_path)
    kit = root / "kits" / "ava.yml"
    kit.write_text(
        kit.read_text("utf-8")
        + "    history:\n      - {date: 2025-12-01, followers: 31000}\n"
        + "      - {date: 2026-03-01, followers: 36500}\n",
        encoding="utf-8",
    )
    rows = growth_table(kit_page(build_site(root)))
    assert rows == [("Dec 1, 2025", "31,000"), ("Mar 1, 2026", "36,500"), *EXPECTED]


def test_parsed_revisions_are_remembered_by_blob(tmp_path: Path) -> None:
    root = repository(tmp_path)
    cache = Cache(tmp_path / "cache")
    first = read([root / "kits" / "ava.yml"], cache)
    cache.save()
    raw = git(root, "log", "--format=", "--raw", "--no-abbrev", "--", "kits/ava.yml").split()
    blobs = {b for b in raw if len(b) == 40 and set(b) != {"0"}}
    manifest = json.loads((tmp_path / "cache" / "builds" / "default.json").read_text("utf-8"))
    assert len(blobs) == 3 and {f"revision:{b}" for b in blobs} <= set(manifest["records"])
    # The second read takes every revision from the cache: with the blobs' contents gone from
    # the repository (git log only needs trees), the points are still all there.
    for blob in blobs:
        (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    again = read([root / "kits" / "ava.yml"], Cache(tmp_path / "cache"))
    assert first.status == again.status == "git"
    assert again.points == first.points and len(first.points[root / "kits" / "ava.yml"]) == 1
    assert read([root / "kits" / "ava.yml"], Cache(tmp_path / "other")).points != first.points


def test_outside_git_the_build_hints_once_and_succeeds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    root = write_site(tmp_path, {"ava": kit_at(*NOW)})
    build_site(root)
    build_site(root)
    hints = [r for r in caplog.records if "no growth history from git" in r.getMessage()]
    assert len(hints) == 1 and hints[0].levelno == logging.INFO
    assert "not in a git repository" in hints[0].getMessage()
    assert kit_page(root / "site").find(id="kf-chart-growth-0") is None


def test_a_shallow_clone_degrades_with_a_hint(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    origin = repository(tmp_path / "origin")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "now", when=NOW[0])
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    caplog.set_level(logging.INFO)
    page = kit_page(build_site(clone))
    hints = [r.getMessage() for r in caplog.records if "no growth history" in r.getMessage()]
    assert len(hints) == 1 and "shallow" in hints[0] and "fetch-depth: 0" in hints[0]
    assert page.find(id="kf-chart-growth-0") is None
    assert page.select_one('[data-network="instagram"] .kf-platform__followers') is not None


def test_growth_history_can_be_turned_off(tmp_path: Path) -> None:
    root = repository(tmp_path)
    write_site(root, {}, plugins=[{"kitfolio": {"growth_history": False, "pdf": False}}])
    assert kit_page(build_site(root)).find(id="kf-chart-growth-0") is None


UNREADABLE = {
    "invalid YAML": "name: [unclosed\nplatforms: {{{\n",
    "not UTF-8": "name: Ava\n\udcff\n",
    "a file far too large for a kit": kit_at("2026-07-01", 1) + "#" * (1 << 20) + "\n",
}


@pytest.mark.parametrize("text", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_old_revision_that_cannot_be_read_is_skipped_with_one_info_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    root = repository(tmp_path)
    kit = root / "kits" / "ava.yml"
    now = kit.read_text("utf-8")
    kit.write_bytes(text.encode("utf-8", "surrogateescape"))
    git(root, "commit", "-q", "-am", "oops", when="2026-10-10")
    kit.write_text(now, encoding="utf-8")
    caplog.set_level(logging.INFO)
    for _ in range(2):  # the second build reads the revisions from the cache
        caplog.clear()
        assert growth_table(kit_page(build_site(root))) == EXPECTED
        said = [r.getMessage() for r in caplog.records if "growth history skips" in r.getMessage()]
        assert len(said) == 1 and said[0].endswith(
            "1 old kit revision that cannot be read: "
            f"kits/ava.yml at {git(root, 'rev-parse', 'HEAD')[:10]} (2026-10-10)"
        ), said


POISON = [{"instagram:avagreen": "lots"}, {"instagram:avagreen": -5}, {"x": True}, [1], "x", 7]


@pytest.mark.parametrize("poison", POISON)
def test_a_poisoned_revision_record_is_read_again(tmp_path: Path, poison: object) -> None:
    root = repository(tmp_path)
    site = build_site(root)
    [manifest] = (root / ".cache" / "kitfolio" / "builds").glob("*.json")
    data = json.loads(manifest.read_text("utf-8"))
    revisions = [k for k in data["records"] if k.startswith("revision:")]
    assert len(revisions) == 3
    for key in revisions:
        data["records"][key] = {"followers": poison}
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert growth_table(kit_page(build_site(root))) == EXPECTED
    assert site == root / "site"


UNUSABLE = {
    "a number too long to convert": kit_at("2026-07-01", 1).replace(
        "followers: 1", "followers: " + "9" * 5000
    ),
    "a number for a handle, too long to convert": kit_at("2026-07-01", 1).replace(
        "handle: avagreen", "handle: " + "9" * 5000
    ),
}


@pytest.mark.parametrize("text", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_old_revision_with_a_figure_past_any_count_adds_no_point(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    """The loader keeps digits past Python's int limit as text, so such a revision is read, and
    its unusable figure is left out rather than failing the build."""
    root = repository(tmp_path)
    kit = root / "kits" / "ava.yml"
    now = kit.read_text("utf-8")
    kit.write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "oops", when="2026-10-10")
    kit.write_text(now, encoding="utf-8")
    caplog.set_level(logging.INFO)
    assert growth_table(kit_page(build_site(root))) == EXPECTED
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
