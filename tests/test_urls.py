"""Every page and file of a site has one source: a second claim is an error naming both."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, build_error, build_site, read_html, write_site

PITCH = "kit: ava-green\nbrand: Acme Outdoor\n"
TWICE = "is claimed twice: by "
ONE_SOURCE = "; each page and file of the site has one source, so rename or remove one of them"


def project(tmp_path: Path, kits: dict[str, str], **options: object) -> Path:
    root = write_site(tmp_path, {"ava-green": MINIMAL_KIT, **kits}, **options)
    (root / "pitches").mkdir()
    return root


def other(name: str) -> str:
    return MINIMAL_KIT.replace("Ava Green", name)


def test_a_pitch_inside_a_kits_folder_is_an_error_naming_both(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = project(tmp_path, {"for": other("For Person")})
    (root / "pitches" / "work-with-me.yml").write_text(PITCH, encoding="utf-8")
    error = build_error(root)
    assert "nothing was built and site/ is unchanged" in str(error)
    assert (
        f"kits/for.yml:1:1: (url): /for/work-with-me/ {TWICE}kits/for.yml (which owns "
        f"everything under /for/) and by pitches/work-with-me.yml{ONE_SOURCE}"
    ) in caplog.text


@pytest.mark.parametrize(
    ("doc", "url"),
    [
        ("zed-other.md", "/zed-other/"),
        ("zed-other/index.md", "/zed-other/"),
        ("zed-other/README.md", "/zed-other/"),
        ("Zed-Other.md", "/Zed-Other/"),
        ("zed-other/kit.json", "/zed-other/kit.json"),
        ("zed-other/work-with-me.md", "/zed-other/work-with-me/"),
    ],
)
def test_a_docs_file_cannot_replace_a_kit_page_or_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, doc: str, url: str
) -> None:
    root = project(tmp_path, {"zed-other": other("Zed Other")})
    (root / "docs" / doc).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / doc).write_text("# A docs page\n", encoding="utf-8")
    build_error(root)
    assert (
        f"kits/zed-other.yml:1:1: (url): {url} {TWICE}kits/zed-other.yml (which owns "
        f"everything under /zed-other/) and by docs/{doc}{ONE_SOURCE}"
    ) in caplog.text


def test_a_docs_page_beside_a_kit_is_fine_without_directory_urls(tmp_path: Path) -> None:
    root = project(tmp_path, {"zed-other": other("Zed Other")}, use_directory_urls=False)
    (root / "docs" / "zed-other.md").write_text("# A docs page\n", encoding="utf-8")
    site = build_site(root)
    assert read_html(site / "zed-other.html").h1.get_text(strip=True) == "A docs page"  # type: ignore[union-attr]
    kit = read_html(site / "zed-other" / "index.html")
    assert kit.h1 is not None and kit.h1.get_text(strip=True) == "Zed Other"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("kits.json", "/kits.json " + TWICE + "Kitfolio's data feed and by docs/kits.json"),
        (
            "schema/kit.schema.json",
            "/schema/kit.schema.json " + TWICE + "Kitfolio's kit schema and by "
            "docs/schema/kit.schema.json",
        ),
        (
            "for/acme.md",
            "/for/acme/ " + TWICE + "pitches/acme.yml (which owns everything under /for/acme/) "
            "and by docs/for/acme.md",
        ),
    ],
)
def test_a_docs_file_cannot_replace_a_kitfolio_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, doc: str, expected: str
) -> None:
    root = project(tmp_path, {})
    (root / "pitches" / "acme.yml").write_text(PITCH, encoding="utf-8")
    (root / "docs" / doc).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / doc).write_text("{}\n", encoding="utf-8")
    build_error(root)
    assert expected + ONE_SOURCE in caplog.text


@pytest.mark.parametrize(
    ("slug", "plugins", "other_owner"),
    [
        ("assets", ["kitfolio"], "the theme"),
        ("schema", ["kitfolio"], "Kitfolio's kit schema"),
        ("search", ["search", "kitfolio"], "the search plugin"),
    ],
)
def test_a_kit_slug_cannot_take_a_folder_the_site_uses(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    slug: str,
    plugins: list[str],
    other_owner: str,
) -> None:
    root = project(tmp_path, {slug: other("Odd Name")}, plugins=plugins)
    build_error(root)
    assert f"kits/{slug}.yml:1:1: (url): /{slug}/" in caplog.text
    assert (
        f"{TWICE}kits/{slug}.yml (which owns everything under /{slug}/) and by {other_owner}"
        in caplog.text
    )


def test_a_clash_keeps_the_last_good_build(tmp_path: Path) -> None:
    root = project(tmp_path, {"zed-other": other("Zed Other")})
    site = build_site(root)
    before = (site / "zed-other" / "index.html").read_text(encoding="utf-8")
    (root / "docs" / "zed-other.md").write_text("# A docs page\n", encoding="utf-8")
    build_error(root)
    assert (site / "zed-other" / "index.html").read_text(encoding="utf-8") == before
    assert (site / "ava-green" / "index.html").is_file()


def test_a_docs_readme_is_the_home_page_not_replaced_by_the_roster(tmp_path: Path) -> None:
    root = project(tmp_path, {"bo-berg": other("Bo Berg")})
    (root / "docs" / "README.md").write_text("# Our own home\n", encoding="utf-8")
    site = build_site(root)
    home = read_html(site / "index.html")
    assert home.h1 is not None and home.h1.get_text(strip=True) == "Our own home"


def test_docs_pages_elsewhere_build_beside_the_kits(tmp_path: Path) -> None:
    root = project(tmp_path, {})
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (root / "docs" / "assets").mkdir()
    (root / "docs" / "assets" / "extra.css").write_text("body{}", encoding="utf-8")
    (root / "pitches" / "acme.yml").write_text(PITCH, encoding="utf-8")
    site = build_site(root)
    assert (site / "about" / "index.html").is_file()
    assert (site / "assets" / "extra.css").is_file()
    assert (site / "for" / "acme" / "index.html").is_file()
