"""One pipeline: ``kitfolio check`` and ``mkdocs build`` report the same problems of a project."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from PIL import Image

from conftest import MINIMAL_KIT, build_site
from kitfolio.pipeline import check, stopping
from kitfolio.project import read_project

PLUGIN = "mkdocs.plugins.kitfolio"

RATED_KIT = (
    MINIMAL_KIT
    + """\
rates:
  currency: GBP
  items:
    - {deliverable: Instagram Reel, platform: instagram, price: 450}
"""
)

PITCH = """\
kit: ava
brand: Acme Outdoor
items: [Instagram Reel]
expires: 2099-12-31
"""

CAMPAIGN = """\
kit: ava
brand: Acme Outdoor
status: active
start: 2025-12-01
deliverables: [{title: Reel, due: 2099-01-01}]
"""


def write(
    root: Path,
    kit: str = MINIMAL_KIT,
    *,
    options: str = "",
    pitch: str | None = None,
    strict: bool = False,
    docs: tuple[str, ...] = (),
    campaign: str | None = None,
) -> Path:
    (root / "docs").mkdir(parents=True)
    for name in docs:
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text("# A docs page\n", encoding="utf-8")
    (root / "kits").mkdir()
    (root / "kits" / "ava.yml").write_text(kit, encoding="utf-8")
    if pitch is not None:
        (root / "pitches").mkdir()
        (root / "pitches" / "acme.yml").write_text(pitch, encoding="utf-8")
    if campaign is not None:
        (root / "campaigns").mkdir()
        (root / "campaigns" / "acme.yml").write_text(campaign, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Parity\nsite_url: https://example.org/\n"
        f"strict: {'true' if strict else 'false'}\n"
        "theme: {name: material, font: false}\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: mermaid\n          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "plugins:\n  - kitfolio:\n"
        f"      cache_dir: !ENV [KITFOLIO_NO_SUCH_VAR, .cache/kf]\n{options}",
        encoding="utf-8",
    )
    return root


def photo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 64), (200, 80, 40)).save(path)


def built_problems(root: Path, caplog: pytest.LogCaptureFixture) -> tuple[list[str], bool]:
    """The problem lines a build logs, and whether it stopped."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=PLUGIN):
        try:
            build_site(root)
            stopped = False
        except (PluginError, Abort):
            stopped = True
    lines = [
        record.getMessage().removeprefix("kitfolio: ")
        for record in caplog.records
        if record.name.startswith(PLUGIN) and record.levelno >= logging.WARNING
    ]
    return sorted(lines), stopped


def checked_problems(root: Path, *args: str) -> tuple[list[str], bool]:
    """The problem lines ``kitfolio check`` prints, and whether it failed."""
    ran = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode in {0, 1}, ran.stderr
    lines = [line.rsplit(" [", 1)[0] for line in ran.stderr.splitlines()]
    return sorted(lines), ran.returncode == 1


CASES = {
    "valid": {},
    "bad kit": {"kit": MINIMAL_KIT.replace("2026-10-31", "31/10/2026")},
    "bad image": {"kit": MINIMAL_KIT + "avatar: media/ava.jpg\n"},
    "bad agency option": {"options": "      agency: {name: Northstar, logo: media/none.png}\n"},
    "bad pitch": {"kit": RATED_KIT, "pitch": PITCH.replace("Instagram Reel", "Nothing")},
    "good pitch": {"kit": RATED_KIT, "pitch": PITCH},
    "bad campaign": {"campaign": CAMPAIGN.replace("status: active", "status: done")},
    "good campaign": {"campaign": CAMPAIGN},
    "campaign warning": {"campaign": CAMPAIGN.replace("2099-01-01", "2026-01-01")},
    "campaign warning, strict": {
        "campaign": CAMPAIGN.replace("2099-01-01", "2026-01-01"),
        "strict": True,
    },
    "warning only": {"kit": MINIMAL_KIT + "avatar: ../docs/ava.png\n"},
    "warning only, strict": {"kit": MINIMAL_KIT + "avatar: ../docs/ava.png\n", "strict": True},
    "docs page on a kit's url": {"docs": ("ava/work-with-me.md",)},
    "docs file on the feed": {"docs": ("kits.json",)},
    "docs page on a pitch's url": {
        "kit": RATED_KIT,
        "pitch": PITCH,
        "docs": ("for/acme/index.md",),
    },
    "docs pages elsewhere": {"docs": ("about.md", "guide/README.md", ".hidden/ava/index.md")},
}
FINE = {"valid", "good pitch", "docs pages elsewhere"}


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_report_the_same_problems(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    root = write(tmp_path, **CASES[case])  # type: ignore[arg-type]
    photo(root / "docs" / "ava.png")
    built, build_stopped = built_problems(root, caplog)
    checked, check_failed = checked_problems(root)
    lines = [line for line in checked if "checked:" not in line]
    assert lines == built
    assert check_failed == build_stopped
    assert bool(built) == (case not in {*FINE, "good campaign"})
    passing = {*FINE, "good campaign", "warning only", "campaign warning"}
    assert build_stopped == (case not in passing)


def test_check_strict_flag_fails_on_a_warning_the_build_only_logs(tmp_path: Path) -> None:
    root = write(tmp_path, MINIMAL_KIT + "avatar: ../docs/ava.png\n")
    photo(root / "docs" / "ava.png")
    assert checked_problems(root)[1] is False
    assert checked_problems(root, "--strict")[1] is True


def test_a_script_runs_the_check_without_mkdocs(tmp_path: Path) -> None:
    root = write(tmp_path, RATED_KIT, pitch=PITCH.replace("kit: ava", "kit: nobody"))
    project = read_project(root / "mkdocs.yml")
    assert project.cache_dir == ".cache/kf"
    checked = check(project)
    assert checked.stopped == "pitches"
    assert [str(p).split(":")[0] for p in stopping(checked.problems, strict=False)] == [
        "pitches/acme.yml"
    ]
    script = (
        "import sys, kitfolio.cli\n"
        "status = kitfolio.cli.main(['check'])\n"
        "sys.exit(3 if any(m.split('.')[0] == 'mkdocs' for m in sys.modules) else status)"
    )
    ran = subprocess.run([sys.executable, "-c", script], cwd=root, check=False, timeout=60)
    assert ran.returncode == 1
