"""Kitfolio installed as a creator installs it: from the wheel alone, into a fresh virtual
environment, used in a folder outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import fill_in_placeholders, read_html

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_an_initialised_site_builds_from_the_installed_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT, cwd=tmp_path)
    (wheel,) = wheels.glob("kitfolio-*.whl")
    catalogs = sorted((ROOT / "plugins" / "kitfolio" / "locales").glob("*/LC_MESSAGES/*.mo"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    fonts = ("Inter-Regular", "Inter-Bold", "NotoSansArabic-Bold", "NotoSansJP-Bold")
    assert {f"kitfolio/fonts/{font}.ttf" for font in fonts} <= shipped  # the PDFs' fonts
    assert {"kitfolio/fonts/OFL-Inter.txt", "kitfolio/fonts/README.md"} <= shipped
    assert (
        catalogs
        and {
            f"kitfolio/{mo.relative_to(ROOT / 'plugins' / 'kitfolio').as_posix()}"
            for mo in catalogs
        }
        <= shipped
    )
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    bin_dir = venv / "bin"
    # Bytecode is left to the first import: compiling every dependency at install is
    # a third of the install and proves nothing here.
    run(bin_dir / "python", "-m", "pip", "install", "-q", "--no-compile", wheel, cwd=tmp_path)
    where = run(bin_dir / "python", "-c", "import kitfolio; print(kitfolio.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    theme = run(
        bin_dir / "python",
        "-c",
        "import kitfolio.adapter.plugin as p; print(p.theme_dir())",
        cwd=tmp_path,
    )
    assert Path(theme.stdout.strip()).is_relative_to(venv)

    work = tmp_path / "work"
    work.mkdir()
    run(bin_dir / "kitfolio", "init", "media-kit", cwd=work)
    site = work / "media-kit"
    run(bin_dir / "mkdocs", "build", cwd=site)
    page = read_html(site / "site" / "index.html")
    assert "Your Name" in page.find("h1").get_text()
    assert (site / "site" / "your-name" / "index.html").is_file()

    fill_in_placeholders(site, "your-name")
    run(bin_dir / "kitfolio", "check", "--strict", cwd=site)
    run(bin_dir / "mkdocs", "build", "--strict", cwd=site)
    assert "Kari Nord" in read_html(site / "site" / "index.html").get_text()

    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    config["theme"]["language"] = "de"
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    run(bin_dir / "mkdocs", "build", "--strict", cwd=site)
    home = read_html(site / "site" / "index.html")
    assert home.find(id="kf-platforms").get_text(strip=True) == "Plattformen"  # the catalogs
    assert home.find("html")["lang"] == "de"
