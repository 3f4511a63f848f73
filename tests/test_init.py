"""kitfolio init as a creator runs it: an empty folder becomes a site that builds."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import build_error, build_site, fill_in_placeholders, kitfolio, read_html
from kitfolio.cli import pinned_install, publish_workflow


def test_init_without_a_terminal_writes_a_site_that_builds_with_the_starter_kit(
    tmp_path: Path,
) -> None:
    made = kitfolio("init", "site", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    for name in [
        "mkdocs.yml",
        "docs/.gitkeep",
        "kits/your-name.yml",
        ".github/workflows/publish.yml",
        ".gitignore",
        "README.md",
    ]:
        assert (site / name).is_file(), name
    assert {"site/", ".cache/"} <= set((site / ".gitignore").read_text().split())
    workflow = (site / ".github" / "workflows" / "publish.yml").read_text()
    assert workflow == publish_workflow(pinned_install())
    built = build_site(site)
    page = read_html(built / "index.html")
    assert page.find("h1") is not None
    assert "Your Name" in page.find("h1").get_text()
    assert (built / "your-name" / "index.html").is_file()


def test_strict_names_each_placeholder_with_its_position_until_filled_in(tmp_path: Path) -> None:
    assert kitfolio("init", cwd=tmp_path).returncode == 0
    stopped = build_error(tmp_path, strict=True)
    shown = "\n".join(getattr(stopped, "problems", [str(stopped)]))
    assert "mkdocs.yml:3:12: site_name: still the placeholder 'Your Name'" in shown
    assert "mkdocs.yml:4:11: site_url: still the placeholder" in shown
    checked = kitfolio("check", "--strict", cwd=tmp_path)
    assert checked.returncode == 1
    assert "mkdocs.yml:4:11: site_url" in checked.stderr

    fill_in_placeholders(tmp_path, "your-name")
    built = build_site(tmp_path, strict=True)
    assert "Kari Nord" in read_html(built / "index.html").get_text()
    checked = kitfolio("check", "--strict", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_init_takes_the_name_and_address_as_options(tmp_path: Path) -> None:
    made = kitfolio(
        "init", "--site-name", "Ava Green: kits", "--site-url", "https://ava.example/", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "kits" / "ava-green-kits.yml").is_file()
    built = build_site(tmp_path)
    assert read_html(built / "index.html").find("title").get_text().endswith("Ava Green: kits")


def test_init_never_overwrites_a_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    refused = kitfolio("init", cwd=tmp_path)
    assert refused.returncode == 1
    assert "README.md: already there" in refused.stderr
    assert (tmp_path / "README.md").read_text() == "mine\n"
    assert not (tmp_path / "mkdocs.yml").exists()
    forced = kitfolio("init", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "README.md").read_text() != "mine\n"
    again = kitfolio("init", "--force", cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_init_at_a_terminal_asks_for_the_name_and_address(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        os.write(controller, b"Kari Nord\nhttps://kari.example.org/\n")
        asked = subprocess.run(
            [sys.executable, "-m", "kitfolio", "init"],
            cwd=tmp_path,
            stdin=terminal,
            capture_output=True,
            check=False,
            text=True,
            timeout=120,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert asked.returncode == 0, asked.stderr
    assert "Site name [Your Name]:" in asked.stdout
    config = (tmp_path / "mkdocs.yml").read_text()
    assert "site_name: Kari Nord\n" in config
    assert "site_url: https://kari.example.org/ " in config
    assert (tmp_path / "kits" / "kari-nord.yml").is_file()
