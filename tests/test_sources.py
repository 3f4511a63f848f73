"""Kit and pitch files are read only from inside the project, under one set of name rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import MINIMAL_KIT, build_error, build_site, write_site

SECRET = "root:x:0:0:Secret Sam owns this line:/root:/bin/bash\n"
PITCH = "kit: ava-green\nbrand: Acme Outdoor\n"


def project(tmp_path: Path) -> Path:
    """A site with one kit in ``tmp_path/project``; ``tmp_path`` itself is outside it."""
    root = write_site(tmp_path / "project", {"ava-green": MINIMAL_KIT})
    (root / "pitches").mkdir()
    return root


def test_a_kit_linked_from_outside_the_project_is_refused_unread(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    elsewhere = tmp_path / "elsewhere.yml"
    elsewhere.write_text(MINIMAL_KIT.replace("Ava Green", "Secret Sam"), encoding="utf-8")
    (root / "kits" / "sam.yml").symlink_to(elsewhere)
    error = build_error(root)
    assert "nothing was built" in str(error)
    assert (
        "kits/sam.yml:1:1: (file): expected a file inside the project folder, got a link to a "
        "file outside it; it was not read"
    ) in caplog.text
    assert "Secret Sam" not in caplog.text
    assert not (root / "site").exists()


def test_a_link_to_a_file_that_is_not_a_kit_never_shows_its_content(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    secret = tmp_path / "passwd"
    secret.write_text(SECRET, encoding="utf-8")
    (root / "kits" / "pw.yml").symlink_to(secret)
    (root / "pitches" / "pw.yml").symlink_to(secret)
    build_error(root)
    assert "kits/pw.yml:1:1: (file):" in caplog.text
    assert "root:x" not in caplog.text and "Secret Sam" not in caplog.text


def test_a_pitch_linked_from_outside_the_project_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    elsewhere = tmp_path / "acme.yml"
    elsewhere.write_text(PITCH.replace("Acme Outdoor", "Hidden Brand"), encoding="utf-8")
    (root / "pitches" / "acme.yml").symlink_to(elsewhere)
    build_error(root)
    assert "pitches/acme.yml:1:1: (file): expected a file inside the project folder" in caplog.text
    assert "Hidden Brand" not in caplog.text


def test_links_inside_the_project_are_followed(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "shared").mkdir()
    (root / "shared" / "bo.yml").write_text(
        MINIMAL_KIT.replace("Ava Green", "Bo Berg"), encoding="utf-8"
    )
    (root / "shared" / "acme.yml").write_text(PITCH, encoding="utf-8")
    (root / "kits" / "bo-berg.yml").symlink_to(root / "shared" / "bo.yml")
    (root / "pitches" / "acme.yml").symlink_to(root / "shared" / "acme.yml")
    site = build_site(root)
    page = BeautifulSoup((site / "bo-berg" / "index.html").read_text("utf-8"), "html.parser")
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Bo Berg"
    assert (site / "for" / "acme" / "index.html").is_file()


def test_a_kit_that_is_not_a_mapping_is_described_not_quoted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    (root / "kits" / "notes.yml").write_text(SECRET, encoding="utf-8")
    build_error(root)
    assert (
        "kits/notes.yml:1:1: (kit): expected a mapping of kit fields (name, niche, contact, "
        "platforms, ...), got text\n"
    ) in caplog.text
    assert "root:x" not in caplog.text


def test_a_pitch_that_is_not_a_mapping_is_described_not_quoted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    (root / "pitches" / "notes.yml").write_text(SECRET, encoding="utf-8")
    build_error(root)
    assert (
        "pitches/notes.yml:1:1: (pitch): expected a mapping of pitch fields (kit, brand, ...), "
        "got text\n"
    ) in caplog.text
    assert "root:x" not in caplog.text


def test_a_kits_dir_outside_the_project_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    (tmp_path / "other-kits").mkdir()
    (tmp_path / "other-kits" / "ava-green.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    write_site(root, {}, plugins=[{"kitfolio": {"kits_dir": "../other-kits"}}])
    error = build_error(root)
    assert "kits_dir '../other-kits' is outside the project folder" in str(error)


@pytest.mark.parametrize("option", ["kits_dir", "pitches_dir"])
def test_a_source_folder_inside_docs_dir_is_an_error(tmp_path: Path, option: str) -> None:
    """MkDocs would copy the YAML as it is: a private price would be one download away."""
    root = project(tmp_path)
    (root / "docs" / "sources").mkdir()
    (root / "docs" / "sources" / "ava-green.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    write_site(root, {}, plugins=[{"kitfolio": {option: "docs/sources"}}])
    error = build_error(root)
    assert f"{option} 'docs/sources' is inside docs_dir" in str(error)
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["Acme.YML"],
            "pitches/Acme.YML:1:1: (file name): expected a file name of lowercase letters, "
            "digits and hyphens ending in .yml, such as acme.yml; got 'Acme.YML'",
        ),
        (
            ["acme.yml", "acme.yaml"],
            "pitches/acme.yml:1:1: (file name): slug 'acme' is already used by pitches/acme.yaml",
        ),
    ],
)
def test_pitch_file_names_follow_the_rules_of_kit_file_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, names: list[str], expected: str
) -> None:
    root = project(tmp_path)
    for name in names:
        (root / "pitches" / name).write_text(PITCH, encoding="utf-8")
    build_error(root)
    assert expected in caplog.text


def test_kitfolio_check_refuses_a_linked_kit_too(tmp_path: Path) -> None:
    root = project(tmp_path)
    secret = tmp_path / "passwd"
    secret.write_text(SECRET, encoding="utf-8")
    (root / "kits" / "pw.yml").symlink_to(secret)
    done = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "kits/pw.yml:1:1: (file): expected a file inside the project folder" in done.stderr
    assert "root:x" not in done.stdout + done.stderr


def test_a_kit_image_inside_docs_dir_is_a_warning_since_mkdocs_publishes_the_original(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path)
    (root / "docs" / "img").mkdir()
    Image.new("RGB", (64, 64), "teal").save(root / "docs" / "img" / "ava.png")
    (root / "kits" / "ava-green.yml").write_text(
        MINIMAL_KIT + "avatar: ../docs/img/ava.png\n", encoding="utf-8"
    )
    build_site(root)
    expected = (
        "kits/ava-green.yml:10:9: avatar: ../docs/img/ava.png: is inside docs_dir, so it is also "
        "published as it is, metadata included; keep the images that kits name outside docs_dir"
    )
    assert expected in caplog.text
    error = build_error(root, strict=True)
    assert "nothing was built" in str(error)
